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
package io.github.jsonrpc.sample.websocket;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real WebSocket client (the JDK's) for end-to-end tests: collects every text message,
 * waits with bounded timeouts only.
 */
final class WebSocketTestClient implements AutoCloseable {

	static final JsonMapper mapper = JsonMapper.builder().build();

	private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

	private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();

	private final WebSocket webSocket;

	private WebSocketTestClient(WebSocket webSocket) {
		this.webSocket = webSocket;
	}

	static WebSocketTestClient connect(int port) throws Exception {
		return connect(port, null, true);
	}

	static WebSocketTestClient connect(int port, String origin, boolean reading) throws Exception {
		return connect(HttpClient.newHttpClient(), port, origin, reading);
	}

	static WebSocketTestClient connect(HttpClient httpClient, int port, String origin, boolean reading)
			throws Exception {
		WebSocketTestClient[] holder = new WebSocketTestClient[1];
		Listener listener = new Listener(reading);
		WebSocket.Builder builder = httpClient.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
		if (origin != null) {
			builder.header("Origin", origin);
		}
		WebSocket webSocket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/jsonrpc"), listener)
			.get(5, TimeUnit.SECONDS);
		holder[0] = new WebSocketTestClient(webSocket);
		listener.client.complete(holder[0]);
		return holder[0];
	}

	WebSocketTestClient send(String text) throws Exception {
		this.webSocket.sendText(text, true).get(5, TimeUnit.SECONDS);
		return this;
	}

	/** Return the next message, failing after 5 seconds. */
	JsonNode next() throws Exception {
		String text = this.messages.poll(5, TimeUnit.SECONDS);
		if (text == null) {
			throw new AssertionError("No message within 5 seconds");
		}
		return mapper.readTree(text);
	}

	/** Return the next message matching, dropping others, failing after 5 seconds. */
	JsonNode next(Predicate<JsonNode> matching) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (System.nanoTime() < deadline) {
			String text = this.messages.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
			if (text != null) {
				JsonNode node = mapper.readTree(text);
				if (matching.test(node)) {
					return node;
				}
			}
		}
		throw new AssertionError("No matching message within 5 seconds");
	}

	/** Return a message if one arrives within the given time, else null. */
	String poll(long millis) throws Exception {
		return this.messages.poll(millis, TimeUnit.MILLISECONDS);
	}

	JsonNode call(String json) throws Exception {
		send(json);
		return next();
	}

	/**
	 * Send a call and return its response, the next message carrying the id, dropping
	 * notifications that arrive before it (e.g. of a topic subscribed to).
	 */
	JsonNode call(String json, int id) throws Exception {
		send(json);
		return next((node) -> node.path("id").isInt() && node.get("id").asInt() == id);
	}

	List<String> drain() {
		List<String> all = new ArrayList<>();
		this.messages.drainTo(all);
		return all;
	}

	CompletableFuture<Integer> closeCode() {
		return this.closeCode;
	}

	boolean isOpen() {
		return !this.webSocket.isInputClosed() && !this.closeCode.isDone();
	}

	@Override
	public void close() {
		if (!this.webSocket.isOutputClosed()) {
			this.webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
		}
		this.webSocket.abort();
	}

	/** Drop the connection without a close frame, as a crashed client would. */
	void abort() {
		this.webSocket.abort();
	}

	static boolean isMethod(JsonNode node, String method) {
		return node.has("method") && method.equals(node.get("method").asString());
	}

	static boolean hasId(JsonNode node, Object id) {
		return node.has("id") && !node.has("method") && node.get("id").asString().equals(String.valueOf(id));
	}

	private static final class Listener implements WebSocket.Listener {

		final CompletableFuture<WebSocketTestClient> client = new CompletableFuture<>();

		private final boolean reading;

		private final StringBuilder partial = new StringBuilder();

		Listener(boolean reading) {
			this.reading = reading;
		}

		@Override
		public void onOpen(WebSocket webSocket) {
			if (this.reading) {
				webSocket.request(1);
			}
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				String text = this.partial.toString();
				this.partial.setLength(0);
				this.client.thenAccept((c) -> c.messages.add(text));
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			this.client.thenAccept((c) -> c.closeCode.complete(statusCode));
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			this.client.thenAccept((c) -> c.closeCode.complete(-1));
		}

	}

}
