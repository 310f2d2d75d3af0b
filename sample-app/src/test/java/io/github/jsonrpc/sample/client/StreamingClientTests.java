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
package io.github.jsonrpc.sample.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.jsonrpc.client.JsonRpcClient;
import io.github.jsonrpc.client.JsonRpcClientException;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The Java client consuming streamed results of the sample application, over WebSocket
 * ({@code rpc.stream} items) and HTTP (NDJSON), with cancellation.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "jsonrpc.logging.enabled=false" })
@Import(StreamingClientTests.TickConfiguration.class)
class StreamingClientTests {

	@LocalServerPort
	private int port;

	private JsonRpcClient client;

	@AfterEach
	void close() {
		if (this.client != null) {
			this.client.close();
		}
	}

	private JsonRpcClient client(String scheme) {
		this.client = JsonRpcClient.builder()
			.url(scheme + "://127.0.0.1:" + this.port + "/jsonrpc")
			.timeout(Duration.ofSeconds(10))
			.build();
		return this.client;
	}

	@ParameterizedTest
	@ValueSource(strings = { "ws", "http" })
	void publisherReceivesTheItems(String scheme) throws Exception {
		List<Integer> items = collect(client(scheme).method("countdown").params(3).stream(Integer.class));
		assertThat(items).containsExactly(3, 2, 1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ws", "http" })
	void blockingStreamReceivesTheItems(String scheme) {
		try (Stream<Integer> items = client(scheme).method("countdown").params(5).streamBlocking(Integer.class)) {
			assertThat(items).containsExactly(5, 4, 3, 2, 1);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "ws", "http" })
	void itemsArriveOneByOneBeforeTheEnd(String scheme) throws Exception {
		// the source waits for the client's demand: items are streamed, not collected
		TickService ticks = TickConfiguration.ticks;
		int before = ticks.produced.get();
		try (Stream<Integer> items = client(scheme).method("ticks").params(1000).streamBlocking(Integer.class)) {
			assertThat(items.limit(3)).containsExactly(0, 1, 2);
		}
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(ticks.closed.get()).isGreaterThan(0));
		assertThat(ticks.produced.get() - before).isLessThan(1000);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ws", "http" })
	void cancellingTheSubscriptionStopsTheServersSource(String scheme) throws Exception {
		TickService ticks = TickConfiguration.ticks;
		int closedBefore = ticks.closed.get();
		CompletableFuture<List<Integer>> received = new CompletableFuture<>();
		client(scheme).method("ticks").params(100_000).stream(Integer.class).subscribe(new Flow.Subscriber<>() {

			private final List<Integer> items = new ArrayList<>();

			private Flow.Subscription subscription;

			@Override
			public void onSubscribe(Flow.Subscription subscription) {
				this.subscription = subscription;
				subscription.request(2);
			}

			@Override
			public void onNext(Integer item) {
				this.items.add(item);
				if (this.items.size() == 2) {
					this.subscription.cancel();
					received.complete(List.copyOf(this.items));
				}
			}

			@Override
			public void onError(Throwable throwable) {
				received.completeExceptionally(throwable);
			}

			@Override
			public void onComplete() {
				received.complete(List.copyOf(this.items));
			}

		});
		assertThat(received.get(10, TimeUnit.SECONDS)).containsExactly(0, 1);
		// the server closes the source: rpc.cancel over WebSocket, the closed response
		// over HTTP
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(ticks.closed.get()).isGreaterThan(closedBefore));
		if (scheme.equals("ws")) {
			// the connection is still usable
			assertThat(this.client.method("subtract").params(42, 23).retrieve(Integer.class)).isEqualTo(19);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "ws", "http" })
	void errorsEndTheStream(String scheme) {
		assertThatExceptionOfType(JsonRpcClientException.class)
			.isThrownBy(() -> client(scheme).method("countdown").params(-1).streamBlocking(Integer.class).toList())
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(-32602));
	}

	private static <T> List<T> collect(Flow.Publisher<T> publisher) throws Exception {
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
		return result.get(10, TimeUnit.SECONDS);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TickConfiguration {

		static TickService ticks;

		@Bean
		TickService tickService() {
			ticks = new TickService();
			return ticks;
		}

	}

	/**
	 * A slow source that records how far it got and when it was closed.
	 */
	@JsonRpcService
	static class TickService {

		final AtomicInteger produced = new AtomicInteger();

		final AtomicInteger closed = new AtomicInteger();

		public Stream<Integer> ticks(int count) {
			AtomicInteger next = new AtomicInteger();
			return Stream.generate(() -> {
				pause();
				this.produced.incrementAndGet();
				return next.getAndIncrement();
			}).limit(count).onClose(this.closed::incrementAndGet);
		}

		private static void pause() {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
