/*
 * Copyright 2026 the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.jsonrpc.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.client.proxy.JsonRpcClientProxyFactory;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for streamed results in the client, over a transport that does not stream: the
 * items come from the final array.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcClientStreamTests {

	@Test
	void blockingStreamWithATimeoutTooLongToScheduleDeliversItsItems() {
		JsonRpcClient client = JsonRpcClient.builder()
			.transport(RecordingTransport.result("[3,2,1]"))
			.timeout(java.time.temporal.ChronoUnit.FOREVER.getDuration())
			.build();
		try (Stream<Integer> items = client.method("countdown").params(3).streamBlocking(Integer.class)) {
			assertThat(items).containsExactly(3, 2, 1);
		}
	}

	@Test
	void collectedResultIsDeliveredAsItems() throws Exception {
		JsonRpcClient client = JsonRpcClient.create(RecordingTransport.result("[3,2,1]"));
		assertThat(collect(client.method("countdown").params(3).stream(Integer.class))).containsExactly(3, 2, 1);
		try (Stream<Integer> items = client.method("countdown").params(3).streamBlocking(Integer.class)) {
			assertThat(items).containsExactly(3, 2, 1);
		}
	}

	@Test
	void eachSubscriptionMakesOneCall() throws Exception {
		RecordingTransport transport = RecordingTransport.result("[1]");
		JsonRpcClient client = JsonRpcClient.create(transport);
		Flow.Publisher<Integer> items = client.method("countdown").params(1).stream(Integer.class);
		collect(items);
		collect(items);
		assertThat(transport.sent()).hasSize(2);
		assertThat(transport.sent().get(0).get("id")).isNotEqualTo(transport.sent().get(1).get("id"));
		assertThat(transport.lastSent().get("params").toString()).isEqualTo("[1]");
	}

	@Test
	void errorEndsTheStreamWithTheClientException() {
		JsonRpcClient client = JsonRpcClient.create(RecordingTransport
			.replying("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"n must be positive\"},\"id\":1}"));
		assertThatExceptionOfType(JsonRpcClientException.class)
			.isThrownBy(() -> client.method("countdown").params(-1).streamBlocking(Integer.class).toList())
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(-32602));
		CompletableFuture<List<Integer>> items = collectAsync(client.method("countdown").stream(Integer.class));
		assertThatExceptionOfType(Exception.class).isThrownBy(() -> TestWaits.get(items))
			.withCauseInstanceOf(JsonRpcClientException.class);
	}

	@Test
	void itemsThatCannotBeConvertedFail() {
		JsonRpcClient client = JsonRpcClient.create(RecordingTransport.result("[\"x\"]"));
		assertThatExceptionOfType(JsonRpcTransportException.class)
			.isThrownBy(() -> client.method("countdown").streamBlocking(Integer.class).toList())
			.withMessageContaining("Cannot convert a streamed item");
	}

	@Test
	void proxiesReturnPublishersAndFluxes() throws Exception {
		JsonRpcClient client = JsonRpcClient.create(RecordingTransport.result("[3,2,1]"));
		Countdowns countdowns = JsonRpcClientProxyFactory.create(client).createClient(Countdowns.class);
		assertThat(collect(countdowns.countdown(3))).containsExactly(3, 2, 1);
		assertThat(countdowns.countdownFlux(3).collectList().block(TestWaits.SHORT)).containsExactly(3, 2, 1);
	}

	static <T> List<T> collect(Flow.Publisher<T> publisher) throws Exception {
		return TestWaits.get(collectAsync(publisher));
	}

	static <T> CompletableFuture<List<T>> collectAsync(Flow.Publisher<T> publisher) {
		CompletableFuture<List<T>> result = new CompletableFuture<>();
		publisher.subscribe(new Flow.Subscriber<>() {

			private final List<T> items = new ArrayList<>();

			@Override
			public void onSubscribe(Flow.Subscription subscription) {
				subscription.request(Long.MAX_VALUE);
			}

			@Override
			public void onNext(T item) {
				this.items.add(item);
			}

			@Override
			public void onError(Throwable throwable) {
				result.completeExceptionally(throwable);
			}

			@Override
			public void onComplete() {
				result.complete(this.items);
			}

		});
		return result;
	}

	interface Countdowns {

		Flow.Publisher<Integer> countdown(int n);

		@io.github.jsonrpc.client.annotation.JsonRpcCall("countdown")
		Flux<Integer> countdownFlux(int n);

	}

}
