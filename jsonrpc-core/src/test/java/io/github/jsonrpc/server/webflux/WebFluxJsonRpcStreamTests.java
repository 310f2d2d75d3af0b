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
package io.github.jsonrpc.server.webflux;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.protocol.JsonRpcReply;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.JsonRpcTransportContext;
import io.github.jsonrpc.server.http.JsonRpcHttpStreamFormat;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.subscriber.TestSubscriber;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ReactiveHttpOutputMessage;
import org.springframework.web.reactive.function.BodyInserter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link WebFluxJsonRpcStream}: what is written, when, and what cancels it.
 *
 * @author JSON-RPC for Spring Boot team
 */
class WebFluxJsonRpcStreamTests {

	private final JsonRpcMessageCodec codec = JsonRpcMessageCodec.create(JsonMapper.builder().build());

	private final WebFluxJsonRpcStream stream = new WebFluxJsonRpcStream(this.codec, JsonRpcHttpStreamFormat.NDJSON);

	private final JsonRpcExchange call = JsonRpcExchange.of(JsonRpcRequest.call(JsonRpcId.of(1), "s", null),
			JsonRpcTransportContext.inProcess());

	private final AtomicInteger cancelled = new AtomicInteger();

	private final AtomicInteger requested = new AtomicInteger();

	@Test
	void itemAndLateReplyAreWrittenAsSoonAsTheyCome() {
		this.stream.open(this.call, this.cancelled::incrementAndGet);
		assertThat(this.stream.started()).isCompletedWithValue(true);
		CompletableFuture<JsonRpcReply> reply = new CompletableFuture<>();
		this.stream.replyWith(reply);
		TestSubscriber<String> body = subscribe(Long.MAX_VALUE);
		assertThat(body.getReceivedOnNext()).isEmpty();
		assertThat(this.stream.item(this.call, "a", this.requested::incrementAndGet)).isTrue();
		assertThat(body.getReceivedOnNext())
			.containsExactly("{\"jsonrpc\":\"2.0\",\"method\":\"rpc.stream\",\"params\":{\"id\":1,\"item\":\"a\"}}\n");
		assertThat(this.requested).hasValue(1);
		reply.complete(JsonRpcReply.single(JsonRpcResponse.success(JsonRpcId.of(1), 2)));
		assertThat(body.getReceivedOnNext()).hasSize(2)
			.last()
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":2,\"id\":1}\n");
		assertThat(body.isTerminatedComplete()).isTrue();
		assertThat(this.cancelled).hasValue(0);
	}

	@Test
	void itemWaitsForDemand() {
		this.stream.open(this.call, this.cancelled::incrementAndGet);
		TestSubscriber<String> body = subscribe(0);
		assertThat(this.stream.item(this.call, "a", this.requested::incrementAndGet)).isTrue();
		assertThat(body.getReceivedOnNext()).isEmpty();
		assertThat(this.requested).hasValue(0);
		body.request(1);
		assertThat(body.getReceivedOnNext()).hasSize(1);
		assertThat(this.requested).hasValue(1);
	}

	@Test
	void failedCallEndsTheStreamWithoutAReply() {
		this.stream.open(this.call, this.cancelled::incrementAndGet);
		CompletableFuture<JsonRpcReply> reply = new CompletableFuture<>();
		this.stream.replyWith(reply);
		TestSubscriber<String> body = subscribe(Long.MAX_VALUE);
		reply.completeExceptionally(new IllegalStateException("boom"));
		assertThat(body.getReceivedOnNext()).isEmpty();
		assertThat(body.isTerminatedComplete()).isTrue();
	}

	@Test
	void clientGoingAwayCancelsTheSourceAndRefusesFurtherItems() {
		this.stream.open(this.call, this.cancelled::incrementAndGet);
		TestSubscriber<String> body = subscribe(Long.MAX_VALUE);
		body.cancel();
		assertThat(this.cancelled).hasValue(1);
		assertThat(this.stream.item(this.call, "late", this.requested::incrementAndGet)).isFalse();
		assertThat(this.requested).hasValue(0);
	}

	@Test
	void clientGoingAwayBeforeTheCallOpenedAStreamCancelsNothing() {
		TestSubscriber<String> body = subscribe(Long.MAX_VALUE);
		body.cancel();
		assertThat(this.cancelled).hasValue(0);
		assertThat(this.stream.item(this.call, "late", this.requested::incrementAndGet)).isFalse();
	}

	@Test
	void notificationNeitherStreamsNorWritesItems() {
		JsonRpcExchange notification = JsonRpcExchange.of(JsonRpcRequest.notification("s", null),
				JsonRpcTransportContext.inProcess());
		this.stream.open(notification, this.cancelled::incrementAndGet);
		assertThat(this.stream.started()).isNotDone();
		assertThat(this.stream.item(notification, "a", this.requested::incrementAndGet)).isFalse();
		this.stream.replyWith(CompletableFuture.completedFuture(JsonRpcReply.empty()));
		assertThat(this.stream.started()).isCompletedWithValue(false);
	}

	@Test
	void replyBeforeAnyStreamIsAnsweredPlainly() {
		this.stream.replyWith(
				CompletableFuture.completedFuture(JsonRpcReply.single(JsonRpcResponse.success(JsonRpcId.of(1), 2))));
		assertThat(this.stream.started()).isCompletedWithValue(false);
		this.stream.open(this.call, this.cancelled::incrementAndGet);
		assertThat(this.stream.started()).isCompletedWithValue(false);
	}

	@SuppressWarnings("unchecked")
	private TestSubscriber<String> subscribe(long demand) {
		BodyInserter<Flux<DataBuffer>, ReactiveHttpOutputMessage> inserter = this.stream.body();
		ReactiveHttpOutputMessage message = mock(ReactiveHttpOutputMessage.class);
		given(message.writeAndFlushWith(org.mockito.ArgumentMatchers.any())).willReturn(Mono.empty());
		inserter.insert(message, mock(BodyInserter.Context.class));
		ArgumentCaptor<Publisher<? extends Publisher<? extends DataBuffer>>> frames = ArgumentCaptor
			.forClass(Publisher.class);
		then(message).should().writeAndFlushWith(frames.capture());
		TestSubscriber<String> body = TestSubscriber.builder().initialRequest(demand).build();
		Flux.from(frames.getValue())
			// one frame per element, demand passed through one for one
			.map((frame) -> Mono.from(frame).block().toString(StandardCharsets.UTF_8))
			.subscribe(body);
		return body;
	}

}
