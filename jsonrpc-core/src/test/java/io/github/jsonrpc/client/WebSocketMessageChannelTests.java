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

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import io.github.jsonrpc.TestWaits;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link WebSocketMessageChannel} on a fake of the JDK's WebSocket client: what
 * the handshake gets, how frames become messages, and how the end of the WebSocket is
 * reported.
 */
class WebSocketMessageChannelTests {

	private static final URI ENDPOINT = URI.create("ws://127.0.0.1:1/jsonrpc");

	private final FakeHttpClient httpClient = new FakeHttpClient();

	private final FakeWebSocket webSocket = new FakeWebSocket();

	private final List<String> received = new ArrayList<>();

	private final List<String> closes = new ArrayList<>();

	private final MessageChannel.Receiver receiver = new MessageChannel.Receiver() {

		@Override
		public void onMessage(String text) {
			if (text.equals("fail")) {
				throw new IllegalStateException("receiver failed");
			}
			WebSocketMessageChannelTests.this.received.add(text);
		}

		@Override
		public void onClosed(@Nullable Throwable error) {
			WebSocketMessageChannelTests.this.closes.add((error != null) ? error.getMessage() : "orderly");
		}

	};

	@Test
	void handshakeCarriesTheHeadersAndTheConnectTimeout() throws Exception {
		MessageChannel channel = open(Map.of("Authorization", "Bearer t0k3n"), Duration.ofSeconds(7));
		assertThat(channel).isNotNull();
		assertThat(this.httpClient.builder.uri).isEqualTo(ENDPOINT);
		assertThat(this.httpClient.builder.headers).containsExactly(Map.entry("Authorization", "Bearer t0k3n"));
		assertThat(this.httpClient.builder.connectTimeout).isEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void handshakeWithoutConnectTimeoutKeepsTheDefault() throws Exception {
		open(Map.of(), null);
		assertThat(this.httpClient.builder.headers).isEmpty();
		assertThat(this.httpClient.builder.connectTimeout).isNull();
	}

	@Test
	void partsOfATextMessageAreAssembledAndOneMoreFrameIsRequestedEachTime() throws Exception {
		open(Map.of(), null);
		WebSocket.Listener listener = this.httpClient.builder.listener;
		listener.onOpen(this.webSocket);
		assertThat(this.webSocket.requested).hasValue(1);
		assertThat(listener.onText(this.webSocket, "{\"a\":", false)).isNull();
		assertThat(this.received).isEmpty();
		assertThat(listener.onText(this.webSocket, "1}", true)).isNull();
		assertThat(listener.onText(this.webSocket, "{\"b\":2}", true)).isNull();
		assertThat(this.received).containsExactly("{\"a\":1}", "{\"b\":2}");
		assertThat(this.webSocket.requested).hasValue(4);
	}

	@Test
	void receiverThatFailsStillGetsTheNextMessage() throws Exception {
		open(Map.of(), null);
		WebSocket.Listener listener = this.httpClient.builder.listener;
		listener.onText(this.webSocket, "fail", true);
		listener.onText(this.webSocket, "{}", true);
		assertThat(this.received).containsExactly("{}");
		assertThat(this.webSocket.requested).hasValue(2);
	}

	@Test
	void closeAndErrorOfTheWebSocketAreReported() throws Exception {
		open(Map.of(), null);
		WebSocket.Listener listener = this.httpClient.builder.listener;
		assertThat(listener.onClose(this.webSocket, 1001, "going away")).isNull();
		listener.onError(this.webSocket, new IOException("reset"));
		assertThat(this.closes).containsExactly("orderly", "reset");
	}

	@Test
	void sendsWholeTextMessagesAndClosesNormally() throws Exception {
		MessageChannel channel = open(Map.of(), null);
		assertThat(channel.send("{\"a\":1}")).isCompleted();
		assertThat(this.webSocket.sent).containsExactly("{\"a\":1} (last)");
		assertThat(channel.isOutputClosed()).isFalse();
		this.webSocket.outputClosed = true;
		assertThat(channel.isOutputClosed()).isTrue();
		// a close that fails is not the caller's problem
		this.webSocket.closeResult = CompletableFuture.failedFuture(new IOException("already closed"));
		channel.close();
		assertThat(this.webSocket.sent).containsExactly("{\"a\":1} (last)", "close 1000 ''");
	}

	private MessageChannel open(Map<String, String> headers, @Nullable Duration connectTimeout) throws Exception {
		return TestWaits.get(
				WebSocketMessageChannel.opener(ENDPOINT, this.httpClient, headers, connectTimeout).open(this.receiver));
	}

	/**
	 * Records what the builder of WebSockets is given.
	 */
	private final class FakeBuilder implements WebSocket.Builder {

		final Map<String, String> headers = new LinkedHashMap<>();

		@Nullable Duration connectTimeout;

		@Nullable URI uri;

		WebSocket.@Nullable Listener listener;

		@Override
		public WebSocket.Builder header(String name, String value) {
			this.headers.put(name, value);
			return this;
		}

		@Override
		public WebSocket.Builder connectTimeout(Duration timeout) {
			this.connectTimeout = timeout;
			return this;
		}

		@Override
		public WebSocket.Builder subprotocols(String mostPreferred, String... lesserPreferred) {
			throw new UnsupportedOperationException();
		}

		@Override
		public CompletableFuture<WebSocket> buildAsync(URI uri, WebSocket.Listener listener) {
			this.uri = uri;
			this.listener = listener;
			return CompletableFuture.completedFuture(WebSocketMessageChannelTests.this.webSocket);
		}

	}

	/**
	 * A WebSocket that records what is sent and how many frames were requested.
	 */
	private static final class FakeWebSocket implements WebSocket {

		final List<String> sent = new ArrayList<>();

		final AtomicLong requested = new AtomicLong();

		volatile boolean outputClosed;

		CompletableFuture<WebSocket> closeResult = CompletableFuture.completedFuture(this);

		@Override
		public CompletableFuture<WebSocket> sendText(CharSequence data, boolean last) {
			this.sent.add(data + (last ? " (last)" : " (part)"));
			return CompletableFuture.completedFuture(this);
		}

		@Override
		public CompletableFuture<WebSocket> sendBinary(ByteBuffer data, boolean last) {
			throw new UnsupportedOperationException();
		}

		@Override
		public CompletableFuture<WebSocket> sendPing(ByteBuffer message) {
			throw new UnsupportedOperationException();
		}

		@Override
		public CompletableFuture<WebSocket> sendPong(ByteBuffer message) {
			throw new UnsupportedOperationException();
		}

		@Override
		public CompletableFuture<WebSocket> sendClose(int statusCode, String reason) {
			this.sent.add("close " + statusCode + " '" + reason + "'");
			return this.closeResult;
		}

		@Override
		public void request(long n) {
			this.requested.addAndGet(n);
		}

		@Override
		public String getSubprotocol() {
			return "";
		}

		@Override
		public boolean isOutputClosed() {
			return this.outputClosed;
		}

		@Override
		public boolean isInputClosed() {
			return false;
		}

		@Override
		public void abort() {
		}

	}

	/**
	 * An HTTP client that only builds WebSockets, with {@link FakeBuilder}.
	 */
	private final class FakeHttpClient extends HttpClient {

		final FakeBuilder builder = new FakeBuilder();

		@Override
		public WebSocket.Builder newWebSocketBuilder() {
			return this.builder;
		}

		@Override
		public Optional<CookieHandler> cookieHandler() {
			return Optional.empty();
		}

		@Override
		public Optional<Duration> connectTimeout() {
			return Optional.empty();
		}

		@Override
		public Redirect followRedirects() {
			return Redirect.NEVER;
		}

		@Override
		public Optional<ProxySelector> proxy() {
			return Optional.empty();
		}

		@Override
		public SSLContext sslContext() {
			throw new UnsupportedOperationException();
		}

		@Override
		public SSLParameters sslParameters() {
			throw new UnsupportedOperationException();
		}

		@Override
		public Optional<Authenticator> authenticator() {
			return Optional.empty();
		}

		@Override
		public Version version() {
			return Version.HTTP_1_1;
		}

		@Override
		public Optional<Executor> executor() {
			return Optional.empty();
		}

		@Override
		public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
			throw new UnsupportedOperationException();
		}

		@Override
		public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
				HttpResponse.BodyHandler<T> handler) {
			throw new UnsupportedOperationException();
		}

		@Override
		public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
				HttpResponse.BodyHandler<T> handler, HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
			throw new UnsupportedOperationException();
		}

	}

}
