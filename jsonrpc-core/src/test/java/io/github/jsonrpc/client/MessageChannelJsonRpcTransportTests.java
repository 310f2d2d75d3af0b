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

import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.server.method.annotation.JsonRpcMethod;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for how the client answers a call of the server over a message channel (the
 * transport of WebSocket and TCP) when answering fails: with {@code -32603} "Internal
 * error" for the call's id, and nothing of the exception. A fake channel records what the
 * client sends; the server's call is handed to it as the channel would.
 */
class MessageChannelJsonRpcTransportTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static final JsonRpcMessageCodec codec = JsonRpcMessageCodec.create(mapper);

	private static final String SECRET = "secret detail of the failure";

	private static final String CALL = "{\"jsonrpc\":\"2.0\",\"method\":\"confirm\",\"params\":[\"sure?\"],\"id\":\"srv-7\"}";

	private final FakeChannel channel = new FakeChannel();

	private final MessageChannelJsonRpcTransport transport = new MessageChannelJsonRpcTransport(
			URI.create("tcp://127.0.0.1:1"), codec, MessageChannelJsonRpcTransport.Options.DEFAULTS,
			this.channel::open);

	private @Nullable JsonRpcClient client;

	@AfterEach
	void close() {
		if (this.client != null) {
			this.client.close();
		}
		this.transport.close();
	}

	static Stream<Arguments> failures() {
		return Stream.of(Arguments.of("function whose future fails",
				(Function<JsonRpcClient.Builder, JsonRpcClient.Builder>) (builder) -> builder.handler("confirm",
						String.class, (question) -> CompletableFuture.failedFuture(new IllegalStateException(SECRET)))),
				Arguments.of("function that throws",
						(Function<JsonRpcClient.Builder, JsonRpcClient.Builder>) (builder) -> builder.handler("confirm",
								String.class, (question) -> {
									throw new IllegalStateException(SECRET);
								})),
				Arguments.of("annotated method whose future fails",
						(Function<JsonRpcClient.Builder, JsonRpcClient.Builder>) (builder) -> builder
							.handler(new FailingConfirmation())));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("failures")
	void failingHandlerIsAnsweredWithInternalErrorWithoutItsMessage(String name,
			Function<JsonRpcClient.Builder, JsonRpcClient.Builder> handler) throws Exception {
		this.client = handler.apply(JsonRpcClient.builder().transport(this.transport)).build();
		JsonNode answer = callFromTheServer();
		assertThat(answer).isEqualTo(mapper.readTree(
				"{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32603,\"message\":\"Internal error\"},\"id\":\"srv-7\"}"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("listenerFailures")
	void failingListenerIsAnsweredWithInternalErrorWithoutItsMessage(String name, JsonRpcTransport.Listener listener)
			throws Exception {
		this.transport.setListener(listener);
		JsonNode answer = callFromTheServer();
		assertThat(answer).isEqualTo(mapper.readTree(
				"{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32603,\"message\":\"Internal error\"},\"id\":\"srv-7\"}"));
	}

	static Stream<Arguments> listenerFailures() {
		return Stream.of(Arguments.of("future that fails", new JsonRpcTransport.Listener() {

			@Override
			public void onNotification(io.github.jsonrpc.protocol.JsonRpcRequest notification) {
			}

			@Override
			public CompletableFuture<io.github.jsonrpc.protocol.@Nullable JsonRpcResponse> onRequest(
					io.github.jsonrpc.protocol.JsonRpcRequest request) {
				return CompletableFuture.failedFuture(new IllegalStateException(SECRET));
			}

		}), Arguments.of("method that throws", new JsonRpcTransport.Listener() {

			@Override
			public void onNotification(io.github.jsonrpc.protocol.JsonRpcRequest notification) {
			}

			@Override
			public CompletableFuture<io.github.jsonrpc.protocol.@Nullable JsonRpcResponse> onRequest(
					io.github.jsonrpc.protocol.JsonRpcRequest request) {
				throw new IllegalStateException(SECRET);
			}

		}));
	}

	private JsonNode callFromTheServer() throws Exception {
		// the channel opens with the first message the client sends
		this.transport.exchangeRaw("{\"jsonrpc\":\"2.0\",\"method\":\"hello\"}".getBytes()).get(5, TimeUnit.SECONDS);
		assertThat(this.channel.sent.poll(5, TimeUnit.SECONDS)).contains("hello");
		this.channel.receive(CALL);
		String answer = this.channel.sent.poll(10, TimeUnit.SECONDS);
		assertThat(answer).as("the client's answer").isNotNull().doesNotContain(SECRET).doesNotContain("Exception");
		return mapper.readTree(answer);
	}

	/**
	 * A client-side service whose method fails later.
	 */
	public static class FailingConfirmation {

		@JsonRpcMethod
		public CompletableFuture<Boolean> confirm(String question) {
			return CompletableFuture.failedFuture(new IllegalStateException(SECRET));
		}

	}

	/**
	 * A channel that records what is sent and lets the test deliver messages.
	 */
	private static final class FakeChannel implements MessageChannel {

		final BlockingQueue<String> sent = new LinkedBlockingQueue<>();

		private volatile MessageChannel.@Nullable Receiver receiver;

		CompletableFuture<MessageChannel> open(MessageChannel.Receiver receiver) {
			this.receiver = receiver;
			return CompletableFuture.completedFuture(this);
		}

		void receive(String text) {
			MessageChannel.Receiver current = this.receiver;
			assertThat(current).as("channel open").isNotNull();
			current.onMessage(text);
		}

		@Override
		public CompletableFuture<?> send(String text) {
			this.sent.add(text);
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public boolean isOutputClosed() {
			return false;
		}

		@Override
		public void close() {
		}

	}

}
