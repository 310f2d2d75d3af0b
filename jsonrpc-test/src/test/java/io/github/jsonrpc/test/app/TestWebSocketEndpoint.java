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

package io.github.jsonrpc.test.app;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.JsonRpcSession;
import io.github.jsonrpc.server.JsonRpcTransportContext;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * A minimal, test-only JSON-RPC WebSocket endpoint at {@code /ws}: each text frame goes
 * to the shared {@link JsonRpcHandler}, the reply is written back; sessions can be
 * notified, and dropped to test reconnects. The real endpoint lives in the server's
 * WebSocket package.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
public class TestWebSocketEndpoint extends TextWebSocketHandler implements WebSocketConfigurer {

	private final JsonRpcHandler handler;

	private final TopicService topics;

	private final Map<String, Session> sessions = new ConcurrentHashMap<>();

	public TestWebSocketEndpoint(JsonRpcHandler handler, TopicService topics) {
		this.handler = handler;
		this.topics = topics;
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		registry.addHandler(this, "/ws");
	}

	private volatile org.springframework.http.HttpHeaders lastHandshakeHeaders = new org.springframework.http.HttpHeaders();

	/**
	 * Return the headers of the last handshake.
	 * @return the headers
	 */
	public org.springframework.http.HttpHeaders lastHandshakeHeaders() {
		return this.lastHandshakeHeaders;
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) {
		this.lastHandshakeHeaders = session.getHandshakeHeaders();
		this.sessions.put(session.getId(), new Session(new ConcurrentWebSocketSessionDecorator(session, 5000, 1 << 20)));
	}

	@Override
	protected void handleTextMessage(WebSocketSession webSocketSession, TextMessage message) {
		Session session = this.sessions.get(webSocketSession.getId());
		JsonRpcTransportContext context = JsonRpcTransportContext.builder(JsonRpcTransportContext.Transport.WEBSOCKET)
			.uri(webSocketSession.getUri())
			.session(session)
			.build();
		this.handler.handle(message.asBytes(), context).thenAccept((reply) -> {
			if (!reply.isEmpty()) {
				session.send(this.handler.codec().encodeToString(reply));
			}
		});
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		Session removed = this.sessions.remove(session.getId());
		if (removed != null) {
			this.topics.removeSession(removed);
		}
	}

	/**
	 * Close every connection as a server restart would.
	 */
	public void dropAll() {
		this.sessions.values().forEach((session) -> {
			try {
				session.delegate.close(CloseStatus.SERVICE_RESTARTED);
			}
			catch (IOException ex) {
				// already closed
			}
		});
	}

	/**
	 * Return the number of open connections.
	 * @return the count
	 */
	public int connectionCount() {
		return this.sessions.size();
	}

	private final class Session implements JsonRpcSession {

		private final WebSocketSession delegate;

		private final Map<String, Object> attributes = new ConcurrentHashMap<>();

		Session(WebSocketSession delegate) {
			this.delegate = delegate;
		}

		@Override
		public String id() {
			return this.delegate.getId();
		}

		@Override
		public @Nullable Principal principal() {
			return this.delegate.getPrincipal();
		}

		@Override
		public Map<String, Object> attributes() {
			return this.attributes;
		}

		@Override
		public boolean isOpen() {
			return this.delegate.isOpen();
		}

		@Override
		public boolean notify(String method, @Nullable Object params) {
			JsonNode node = (params != null) ? TestWebSocketEndpoint.this.handler.codec().mapper().valueToTree(params)
					: null;
			JsonRpcRequest notification = JsonRpcRequest.notification(method, node);
			return send(new String(TestWebSocketEndpoint.this.handler.codec().encode(notification),
					java.nio.charset.StandardCharsets.UTF_8));
		}

		boolean send(String text) {
			try {
				this.delegate.sendMessage(new TextMessage(text));
				return true;
			}
			catch (IOException | IllegalStateException ex) {
				return false;
			}
		}

		@Override
		public String toString() {
			URI uri = this.delegate.getUri();
			return "Session " + id() + " " + uri;
		}

	}

}
