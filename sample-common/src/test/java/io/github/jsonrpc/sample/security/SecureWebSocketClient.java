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
package io.github.jsonrpc.sample.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;

/**
 * A JDK WebSocket client for the security tests: HTTP Basic on the handshake when a user
 * is given, calls correlated by id, notifications collected apart; every wait bounded.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class SecureWebSocketClient implements AutoCloseable {

	private final BlockingQueue<JsonNode> responses = new LinkedBlockingQueue<>();

	private final BlockingQueue<JsonNode> notifications = new LinkedBlockingQueue<>();

	private final AtomicInteger ids = new AtomicInteger();

	private WebSocket webSocket;

	private SecureWebSocketClient() {
	}

	static SecureWebSocketClient connect(int port, String user) throws Exception {
		return connect(port, user, (user != null) ? user + "-secret" : null);
	}

	static SecureWebSocketClient connect(int port, String user, String password) throws Exception {
		return connect(port, user, password, null);
	}

	static SecureWebSocketClient connect(int port, String user, String password, String origin) throws Exception {
		SecureWebSocketClient client = new SecureWebSocketClient();
		WebSocket.Builder builder = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.connectTimeout(Duration.ofSeconds(5));
		if (user != null) {
			builder.header("Authorization", SampleCredentials.basic(user, password));
		}
		if (origin != null) {
			builder.header("Origin", origin);
		}
		client.webSocket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/jsonrpc"), client.new Listener())
			.get(5, TimeUnit.SECONDS);
		return client;
	}

	/** Call a method and return its response, failing after 5 seconds. */
	JsonNode call(String method, String params) throws Exception {
		int id = this.ids.incrementAndGet();
		send(JsonRpcHttpCaller.request(id, method, params));
		JsonNode response = nextResponse();
		if (response.get("id").asInt() != id) {
			throw new AssertionError("Expected the response to " + id + " but got " + response);
		}
		return response;
	}

	void send(String text) throws Exception {
		this.webSocket.sendText(text, true).get(5, TimeUnit.SECONDS);
	}

	JsonNode nextResponse() throws Exception {
		JsonNode response = this.responses.poll(5, TimeUnit.SECONDS);
		if (response == null) {
			throw new AssertionError("No response within 5 seconds");
		}
		return response;
	}

	/** Return the next notification, or {@code null} if none arrives in time. */
	JsonNode nextNotification(long millis) throws Exception {
		return this.notifications.poll(millis, TimeUnit.MILLISECONDS);
	}

	@Override
	public void close() {
		if (this.webSocket != null) {
			this.webSocket.abort();
		}
	}

	private final class Listener implements WebSocket.Listener {

		private final StringBuilder partial = new StringBuilder();

		@Override
		public void onOpen(WebSocket webSocket) {
			webSocket.request(1);
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				JsonNode message = JsonRpcHttpCaller.mapper.readTree(this.partial.toString());
				this.partial.setLength(0);
				(message.isObject() && message.has("method") ? SecureWebSocketClient.this.notifications
						: SecureWebSocketClient.this.responses)
					.add(message);
			}
			webSocket.request(1);
			return CompletableFuture.completedFuture(null);
		}

	}

}
