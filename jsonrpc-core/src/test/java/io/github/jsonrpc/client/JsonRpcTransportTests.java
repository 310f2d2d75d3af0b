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

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import javax.net.ssl.SSLSocketFactory;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.protocol.JsonRpcError;
import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the defaults of {@link JsonRpcTransport} and its
 * {@link JsonRpcTransport.Listener}: what a transport with only {@code exchange} does for
 * blocking calls, streams, raw messages and calls of the server.
 */
class JsonRpcTransportTests {

	private static final JsonRpcRequest CALL = JsonRpcRequest.call(JsonRpcId.of(3), "words", null);

	@Test
	void blockingExchangeWaitsForTheReply() {
		JsonRpcResponse reply = JsonRpcResponse.success(JsonRpcId.of(3), "ok");
		JsonRpcTransport transport = (request) -> CompletableFuture.completedFuture(List.of(reply));
		assertThat(transport.exchangeBlocking(JsonRpcClientRequest.single(CALL), TestWaits.SHORT))
			.containsExactly(reply);
	}

	@Test
	void blockingExchangeWithoutAReplyInTimeIsCancelled() {
		CompletableFuture<List<JsonRpcResponse>> never = new CompletableFuture<>();
		JsonRpcTransport transport = (request) -> never;
		assertThatExceptionOfType(JsonRpcTransportException.class)
			.isThrownBy(() -> transport.exchangeBlocking(JsonRpcClientRequest.single(CALL), Duration.ofMillis(20)))
			.withMessage("No reply within PT0.02S")
			.withCauseInstanceOf(java.util.concurrent.TimeoutException.class);
		assertThat(never).isCancelled();
	}

	@Test
	void failedExchangeThrowsItsCause() {
		IllegalStateException failure = new IllegalStateException("down");
		JsonRpcTransport transport = (request) -> CompletableFuture.failedFuture(failure);
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> transport.exchangeBlocking(JsonRpcClientRequest.single(CALL), TestWaits.SHORT))
			.isSameAs(failure);
	}

	@Test
	void interruptedWaitKeepsTheInterrupt() {
		JsonRpcTransport transport = (request) -> new CompletableFuture<>();
		Thread.currentThread().interrupt();
		try {
			assertThatExceptionOfType(JsonRpcTransportException.class)
				.isThrownBy(() -> transport.exchangeBlocking(JsonRpcClientRequest.single(CALL), TestWaits.SHORT))
				.withMessage("Interrupted while waiting for a reply");
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
		}
	}

	@Test
	void streamWithoutStreamingIsTheFirstResponse() throws Exception {
		JsonRpcResponse first = JsonRpcResponse.success(JsonRpcId.of(3), List.of(1, 2));
		JsonRpcResponse second = JsonRpcResponse.success(JsonRpcId.of(4), List.of());
		JsonRpcTransport transport = (request) -> CompletableFuture.completedFuture(List.of(first, second));
		assertThat(TestWaits.get(transport.stream(CALL, (item, bytes) -> {
		}))).isSameAs(first);
	}

	@Test
	void streamWithoutAResponseFails() {
		JsonRpcTransport transport = (request) -> CompletableFuture.completedFuture(List.of());
		assertThat(transport.stream(CALL, (item, bytes) -> {
		})).failsWithin(TestWaits.SHORT)
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOf(JsonRpcTransportException.class)
			.withMessage("No response to method 'words'");
	}

	@Test
	void rawMessagesAreNotSupportedByDefault() {
		JsonRpcTransport transport = new OnlyExchange();
		assertThat(transport.exchangeRaw(new byte[0])).failsWithin(TestWaits.SHORT)
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOf(UnsupportedOperationException.class)
			.withMessage(OnlyExchange.class.getName() + " does not exchange raw messages");
	}

	@Test
	void listenerAnswersCallsWithMethodNotFoundAndNotificationsWithNothing() throws Exception {
		JsonRpcTransport.Listener listener = (notification) -> {
		};
		assertThat(TestWaits.get(listener.onRequest(CALL))).isEqualTo(
				JsonRpcResponse.failure(JsonRpcId.of(3), JsonRpcError.standard(JsonRpcErrorCodes.METHOD_NOT_FOUND)));
		assertThat(TestWaits.get(listener.onRequest(JsonRpcRequest.notification("words", null)))).isNull();
	}

	@Test
	void listenerTakesNotificationsWithTheirSizeAsWithout() {
		List<JsonRpcRequest> received = new java.util.ArrayList<>();
		JsonRpcTransport.Listener listener = received::add;
		JsonRpcRequest notification = JsonRpcRequest.notification("news", null);
		listener.onNotification(notification, 100);
		assertThat(received).containsExactly(notification);
	}

	@Test
	void factoriesCreateTheTransportOfEachKind() throws Exception {
		JsonRpcMessageCodec codec = JsonRpcMessageCodec.create(JsonMapper.builder().build());
		assertThat(JsonRpcTransport.http(RestClient.create("http://example.invalid/x"), codec))
			.isInstanceOf(RestClientJsonRpcTransport.class);
		try (JsonRpcTransport webSocket = JsonRpcTransport.webSocket(URI.create("ws://example.invalid/x"), codec)) {
			assertThat(webSocket).isInstanceOf(MessageChannelJsonRpcTransport.class);
		}
		try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
				JsonRpcTransport tcp = JsonRpcTransport.tcp(URI.create("tcp://127.0.0.1:" + server.getLocalPort()),
						codec)) {
			server.setSoTimeout((int) TestWaits.SHORT.toMillis());
			tcp.exchangeRaw("{\"jsonrpc\":\"2.0\",\"method\":\"hi\"}".getBytes(StandardCharsets.UTF_8));
			try (Socket peer = server.accept()) {
				peer.setSoTimeout((int) TestWaits.SHORT.toMillis());
				assertThat(new String(peer.getInputStream().readNBytes(32), StandardCharsets.UTF_8))
					.isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"hi\"}\n");
			}
		}
		try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
				JsonRpcTransport tls = JsonRpcTransport.tcp(URI.create("tcp://127.0.0.1:" + server.getLocalPort()),
						codec, (SSLSocketFactory) SSLSocketFactory.getDefault())) {
			server.setSoTimeout((int) TestWaits.SHORT.toMillis());
			tls.exchangeRaw("{\"jsonrpc\":\"2.0\",\"method\":\"hi\"}".getBytes(StandardCharsets.UTF_8));
			try (Socket peer = server.accept()) {
				peer.setSoTimeout((int) TestWaits.SHORT.toMillis());
				// a TLS handshake record, although the scheme is tcp://
				assertThat(peer.getInputStream().read()).isEqualTo(0x16);
			}
		}
	}

	/**
	 * A transport that only exchanges parsed messages.
	 */
	private static final class OnlyExchange implements JsonRpcTransport {

		@Override
		public CompletableFuture<List<JsonRpcResponse>> exchange(JsonRpcClientRequest request) {
			return new CompletableFuture<>();
		}

	}

}
