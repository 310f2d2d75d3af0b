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
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.jsonrpc.LoopbackTomcat;
import io.github.jsonrpc.TestWaits;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real embedded Tomcat on a random port of the loopback interface (a
 * {@link LoopbackTomcat}), with one plain WebSocket endpoint at {@code /ws} (no JSON-RPC
 * server behind it: the client's tests do not depend on the server's code). Each
 * connection it accepts is handed to the test as a {@link Connection}, which keeps the
 * handshake's headers and the text messages received, and sends, fragments and closes
 * from the server's side.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class LoopbackWebSocketServer implements AutoCloseable {

	private static final String HEADERS = "handshake.headers";

	private final LoopbackTomcat tomcat;

	private final BlockingQueue<Connection> connections;

	private LoopbackWebSocketServer(LoopbackTomcat tomcat, BlockingQueue<Connection> connections) {
		this.tomcat = tomcat;
		this.connections = connections;
	}

	/**
	 * Start a server.
	 * @return the started server
	 * @throws Exception if Tomcat does not start
	 */
	static LoopbackWebSocketServer start() throws Exception {
		BlockingQueue<Connection> connections = new LinkedBlockingQueue<>();
		LoopbackTomcat tomcat = LoopbackTomcat.start(new ServerEndpointConfig.Configurator() {

			@Override
			public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request,
					HandshakeResponse response) {
				// the configuration of this one connection
				config.getUserProperties().put(HEADERS, Map.copyOf(request.getHeaders()));
			}

			@Override
			public <T> T getEndpointInstance(Class<T> type) {
				return type.cast(new RecordingEndpoint(connections));
			}

		});
		return new LoopbackWebSocketServer(tomcat, connections);
	}

	/**
	 * Return the URI of the endpoint.
	 * @return {@code ws://127.0.0.1:<port>/ws}
	 */
	URI uri() {
		return this.tomcat.uri(LoopbackTomcat.PATH);
	}

	/**
	 * Return the URI of a path the server has no endpoint at.
	 * @return {@code ws://127.0.0.1:<port>/none}
	 */
	URI missingEndpoint() {
		return this.tomcat.uri("/none");
	}

	/**
	 * Wait at most {@link TestWaits#SHORT} for the next connection the server accepts.
	 * @return the connection
	 * @throws InterruptedException if interrupted
	 */
	Connection nextConnection() throws InterruptedException {
		Connection connection = this.connections.poll(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS);
		assertThat(connection).as("a connection accepted by the server").isNotNull();
		return connection;
	}

	@Override
	public void close() throws Exception {
		this.tomcat.close();
	}

	/**
	 * The server's side of one connection.
	 */
	static final class Connection {

		private final Session session;

		private final Map<String, List<String>> headers;

		private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

		private final CompletableFuture<Integer> closed = new CompletableFuture<>();

		private Connection(Session session, Map<String, List<String>> headers) {
			this.session = session;
			this.headers = headers;
		}

		/**
		 * Return the values of a header of the handshake request.
		 * @param name the header's name, in any case
		 * @return the values, empty if absent
		 */
		List<String> header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.flatMap((entry) -> entry.getValue().stream())
				.toList();
		}

		/**
		 * Send a text frame.
		 * @param text the frame's text
		 * @param last whether it ends the message
		 * @throws IOException if sending fails
		 */
		void send(String text, boolean last) throws IOException {
			this.session.getBasicRemote().sendText(text, last);
		}

		/**
		 * Close the connection from the server's side.
		 * @param code the close code
		 * @param reason the reason
		 * @throws IOException if sending the close frame fails
		 */
		void close(int code, String reason) throws IOException {
			this.session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
		}

		/**
		 * Wait at most {@link TestWaits#SHORT} for the next whole text message received.
		 * @return the message
		 * @throws InterruptedException if interrupted
		 */
		String nextMessage() throws InterruptedException {
			String message = this.messages.poll(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS);
			assertThat(message).as("a message received by the server").isNotNull();
			return message;
		}

		/**
		 * Wait at most {@link TestWaits#SHORT} for the end of the connection.
		 * @return the close code the server saw
		 */
		int closeCode() {
			return TestWaits.join(this.closed);
		}

	}

	/**
	 * Hands each connection to the test and records what it receives.
	 */
	private static final class RecordingEndpoint extends Endpoint {

		private final BlockingQueue<Connection> connections;

		private Connection connection;

		RecordingEndpoint(BlockingQueue<Connection> connections) {
			this.connections = connections;
		}

		@Override
		@SuppressWarnings("unchecked")
		public void onOpen(Session session, EndpointConfig config) {
			this.connection = new Connection(session,
					(Map<String, List<String>>) config.getUserProperties().getOrDefault(HEADERS, Map.of()));
			session.addMessageHandler(String.class, (MessageHandler.Whole<String>) this.connection.messages::add);
			this.connections.add(this.connection);
		}

		@Override
		public void onClose(Session session, CloseReason reason) {
			this.connection.closed.complete(reason.getCloseCode().getCode());
		}

	}

}
