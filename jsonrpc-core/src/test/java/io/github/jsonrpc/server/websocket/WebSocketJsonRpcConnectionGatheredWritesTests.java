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

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.protocol.JsonRpcEncodedMessage;
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.server.connection.JsonRpcCloseReason;
import io.github.jsonrpc.server.connection.JsonRpcConnection.WriteCompletion;
import io.github.jsonrpc.server.connection.JsonRpcConnectionSettings;
import org.springframework.http.HttpHeaders;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.standard.StandardWebSocketHandlerAdapter;
import org.springframework.web.socket.adapter.standard.StandardWebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the writes of {@link WebSocketJsonRpcConnection} gathered in the buffer of a
 * real embedded Tomcat: what each write reports to the outbound queue, a write that
 * Tomcat fails, and a write racing with the close.
 *
 * @author JSON-RPC for Spring Boot team
 */
class WebSocketJsonRpcConnectionGatheredWritesTests {

	private static final JsonRpcMessageCodec codec = OkRpc.CODEC;

	private static final BlockingQueue<WebSocketSession> opened = new LinkedBlockingQueue<>();

	private static TomcatWebSocketServer server;

	@BeforeAll
	static void startTomcat() throws Exception {
		server = TomcatWebSocketServer.start(() -> new StandardWebSocketHandlerAdapter(new AbstractWebSocketHandler() {

			@Override
			public void afterConnectionEstablished(WebSocketSession session) {
				opened.add(session);
			}

		}, new StandardWebSocketSession(new HttpHeaders(), new HashMap<>(), null, null)));
	}

	@BeforeEach
	void forgetSessionsOfEarlierTests() {
		// a test that failed before taking its session must not hand it to the next
		opened.clear();
	}

	@AfterAll
	static void stopTomcat() throws Exception {
		server.close();
	}

	@Test
	void aGatheredMessageIsReportedBufferedAndReachesTheClientWithTheFlush() {
		TomcatWebSocketServer.Client client = server.connect();
		try {
			WebSocketJsonRpcConnection connection = connection(takeOpened(), Runnable::run);
			Outcome gathered = new Outcome();
			connection.write(message("a"), true, gathered);
			// in Tomcat's buffer, not written: the queue keeps counting it until the
			// flush
			assertThat(gathered.get()).isEqualTo(Outcome.BUFFERED);
			Outcome flushed = new Outcome();
			assertThat(connection.flush(flushed)).isTrue();
			assertThat(flushed.get()).isEqualTo(Outcome.WRITTEN);
			assertThat(client.take(1)).containsExactly(message("a").text());
		}
		finally {
			client.abort();
		}
	}

	@Test
	void aGatheredWriteThatTomcatFailsFailsTheWrite() throws Exception {
		// a first connection tells the port Tomcat listens on
		TomcatWebSocketServer.Client probe = server.connect();
		URI uri;
		try {
			uri = takeOpened().getUri();
			assertThat(uri).isNotNull();
		}
		finally {
			probe.abort();
		}
		try (Socket socket = new Socket()) {
			// a client that never reads: what does not fit in the socket buffers is
			// never written
			socket.setReceiveBufferSize(4096);
			socket.connect(new InetSocketAddress("127.0.0.1", uri.getPort()));
			handshake(socket, uri);
			WebSocketJsonRpcConnection connection = connection(takeOpened(), Runnable::run);
			// far more than the socket buffers of both sides hold
			byte[] big = new byte[16 * 1024 * 1024];
			Arrays.fill(big, (byte) 'x');
			big[0] = '"';
			big[big.length - 1] = '"';
			Outcome stuck = new Outcome();
			connection.write(JsonRpcEncodedMessage.wrap(big), true, stuck);
			assertThat(stuck.result).isNotDone();
			// the client resets the connection: the pending write fails
			socket.setSoLinger(true, 0);
			socket.close();
			assertThat(stuck.get()).isEqualTo(Outcome.FAILED);
			assertThat(stuck.failure).isNotNull();
		}
	}

	@Test
	void aWriteRacingWithTheCloseIsWrittenAtOnceBeforeTheCloseFrame() {
		TomcatWebSocketServer.Client client = server.connect();
		try {
			// the close of the session runs when the test says
			List<Runnable> deferred = new ArrayList<>();
			WebSocketJsonRpcConnection connection = connection(takeOpened(), deferred::add);
			connection.close(JsonRpcCloseReason.NORMAL);
			assertThat(connection.isOpen()).isFalse();
			assertThat(deferred).hasSize(1);
			// a message the queue took before the close, more queued behind it: not
			// gathered any more (Tomcat's close would leave it behind its close frame)
			Outcome late = new Outcome();
			connection.write(message("late"), true, late);
			assertThat(late.get()).isEqualTo(Outcome.WRITTEN);
			assertThat(client.take(1)).containsExactly(message("late").text());
			deferred.forEach(Runnable::run);
			assertThat(client.closeCode()).isEqualTo(CloseStatus.NORMAL.getCode());
			assertThat(client.received()).isEmpty();
		}
		finally {
			client.abort();
		}
	}

	private static WebSocketJsonRpcConnection connection(WebSocketSession session, Executor executor) {
		WebSocketJsonRpcConnection connection = new WebSocketJsonRpcConnection(session, OkRpc.handler(),
				JsonRpcConnectionSettings.DEFAULTS, executor, true);
		assertThat(connection.gathersWrites()).isTrue();
		return connection;
	}

	private static WebSocketSession takeOpened() {
		try {
			WebSocketSession session = opened.poll(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS);
			assertThat(session).as("session opened").isNotNull();
			return session;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void handshake(Socket socket, URI uri) throws Exception {
		OutputStream out = socket.getOutputStream();
		out.write(("GET " + uri.getPath() + " HTTP/1.1\r\nHost: 127.0.0.1:" + uri.getPort()
				+ "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
				+ "Sec-WebSocket-Version: 13\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		out.flush();
		// the response headers only, up to the empty line
		InputStream in = socket.getInputStream();
		StringBuilder head = new StringBuilder();
		while (head.indexOf("\r\n\r\n") < 0) {
			int read = in.read();
			assertThat(read).as("handshake response").isNotNegative();
			head.append((char) read);
		}
		assertThat(head.toString()).startsWith("HTTP/1.1 101");
	}

	private static JsonRpcEncodedMessage message(String method) {
		return codec.encodeNotification(method, null);
	}

	/**
	 * What a write reported to the queue: written, buffered, or failed.
	 */
	private static final class Outcome implements WriteCompletion {

		static final String WRITTEN = "written";

		static final String BUFFERED = "buffered";

		static final String FAILED = "failed";

		final CompletableFuture<String> result = new CompletableFuture<>();

		volatile @Nullable Throwable failure;

		@Override
		public void completed(@Nullable Throwable failure) {
			this.failure = failure;
			this.result.complete((failure != null) ? FAILED : WRITTEN);
		}

		@Override
		public void buffered() {
			this.result.complete(BUFFERED);
		}

		String get() {
			return TestWaits.join(this.result);
		}

	}

}
