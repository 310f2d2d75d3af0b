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
package io.github.jsonrpc.server.websocket;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerEndpointConfig;

import io.github.jsonrpc.LoopbackTomcat;
import io.github.jsonrpc.TestWaits;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real embedded Tomcat with one WebSocket endpoint at {@code /ws}, on a random port of
 * the loopback interface (a {@link LoopbackTomcat}), and a JDK WebSocket client for it.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class TomcatWebSocketServer implements AutoCloseable {

	private final LoopbackTomcat tomcat;

	private final int port;

	private TomcatWebSocketServer(LoopbackTomcat tomcat) {
		this.tomcat = tomcat;
		this.port = tomcat.port();
	}

	/**
	 * Start a server whose {@code /ws} endpoint is a new instance from a supplier for
	 * each connection.
	 * @param endpoints the endpoint of each connection
	 * @return the started server
	 * @throws Exception if Tomcat does not start
	 */
	static TomcatWebSocketServer start(Supplier<? extends Endpoint> endpoints) throws Exception {
		return new TomcatWebSocketServer(LoopbackTomcat.start(new ServerEndpointConfig.Configurator() {

			@Override
			public <T> T getEndpointInstance(Class<T> type) {
				return type.cast(endpoints.get());
			}

		}));
	}

	/**
	 * Connect a client.
	 * @return the client, connected
	 */
	Client connect() {
		Client client = new Client();
		HttpClient http = HttpClient.newHttpClient();
		client.webSocket = TestWaits.join(http.newWebSocketBuilder()
			.buildAsync(this.tomcat.uri(LoopbackTomcat.PATH), client)
			.toCompletableFuture());
		return client;
	}

	/**
	 * Connect a client that completes the handshake and then reads nothing: what the
	 * server writes piles up in the socket buffers, its own small receive buffer first.
	 * @return the socket, upgraded
	 * @throws IOException if the connection or the handshake fails
	 */
	Socket connectWithoutReading() throws IOException {
		Socket socket = new Socket();
		// before connecting, so that the window is small from the start
		socket.setReceiveBufferSize(16 * 1024);
		socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port),
				(int) TestWaits.SHORT.toMillis());
		socket.setSoTimeout((int) TestWaits.SHORT.toMillis());
		String request = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + this.port
				+ "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
				+ "Sec-WebSocket-Version: 13\r\n\r\n";
		OutputStream output = socket.getOutputStream();
		output.write(request.getBytes(StandardCharsets.ISO_8859_1));
		output.flush();
		// the response's head, byte by byte: nothing of what follows is read
		InputStream input = socket.getInputStream();
		StringBuilder head = new StringBuilder();
		while (head.indexOf("\r\n\r\n") < 0) {
			int c = input.read();
			if (c == -1) {
				break;
			}
			head.append((char) c);
		}
		assertThat(head.toString()).startsWith("HTTP/1.1 101");
		return socket;
	}

	@Override
	public void close() throws Exception {
		this.tomcat.close();
	}

	/**
	 * A client that keeps the text messages it receives, in order, and the close code.
	 */
	static final class Client implements WebSocket.Listener {

		private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

		private final CompletableFuture<Integer> closed = new CompletableFuture<>();

		private final StringBuilder part = new StringBuilder();

		private WebSocket webSocket;

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.part.append(data);
			if (last) {
				this.messages.add(this.part.toString());
				this.part.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			this.closed.complete(statusCode);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			this.closed.completeExceptionally(error);
		}

		void send(String text) {
			TestWaits.join(this.webSocket.sendText(text, true).toCompletableFuture());
		}

		/**
		 * Wait for the next messages.
		 * @param count how many
		 * @return the messages, in the order received
		 */
		List<String> take(int count) {
			String[] taken = new String[count];
			for (int i = 0; i < count; i++) {
				try {
					taken[i] = this.messages.poll(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(ex);
				}
				assertThat(taken[i]).as("message %d of %d", i + 1, count).isNotNull();
			}
			return List.of(taken);
		}

		/**
		 * Return the messages received and not taken yet.
		 * @return the messages, in the order received
		 */
		List<String> received() {
			return List.copyOf(this.messages);
		}

		int closeCode() {
			return TestWaits.join(this.closed);
		}

		void abort() {
			this.webSocket.abort();
		}

	}

}
