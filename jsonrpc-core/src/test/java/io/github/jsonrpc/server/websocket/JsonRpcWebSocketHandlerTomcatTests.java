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

import java.net.Socket;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import jakarta.websocket.Session;
import org.junit.jupiter.api.AfterEach;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.JsonRpcSessionRegistry;
import io.github.jsonrpc.server.connection.JsonRpcCloseReason;
import org.springframework.http.HttpHeaders;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.adapter.standard.StandardWebSocketHandlerAdapter;
import org.springframework.web.socket.adapter.standard.StandardWebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link JsonRpcWebSocketHandler} on a real embedded Tomcat, with and without
 * gathered writes.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcWebSocketHandlerTomcatTests {

	private static final JsonRpcMessageCodec codec = OkRpc.CODEC;

	private final JsonRpcWebSocketHandler webSocketHandler = new JsonRpcWebSocketHandler(OkRpc.handler(),
			new JsonRpcSessionRegistry(), Runnable::run);

	private TomcatWebSocketServer server;

	private TomcatWebSocketServer.Client client;

	@AfterEach
	void stop() throws Exception {
		if (this.client != null) {
			this.client.abort();
		}
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void sendsWithTheStandardApiByDefault() throws Exception {
		assertThat(this.webSocketHandler.isTomcatGatheredWrites()).isFalse();
		WebSocketJsonRpcConnection connection = connect();
		assertThat(connection.gathersWrites()).isFalse();
		assertThat(connection.notify("a", null)).isTrue();
		assertThat(connection.notify("b", null)).isTrue();
		assertThat(this.client.take(2)).containsExactly(notification("a"), notification("b"));
	}

	@Test
	void gatheredWritesDeliverABurstInOrderThenTheClose() throws Exception {
		this.webSocketHandler.setTomcatGatheredWrites(true);
		assertThat(this.webSocketHandler.isTomcatGatheredWrites()).isTrue();
		WebSocketJsonRpcConnection connection = connect();
		assertThat(connection.gathersWrites()).isTrue();
		int count = 500;
		for (int i = 0; i < count; i++) {
			assertThat(connection.notify("n" + i, null)).isTrue();
		}
		assertThat(this.client.take(count))
			.containsExactlyElementsOf(IntStream.range(0, count).mapToObj((i) -> notification("n" + i)).toList());
		// everything flushed: nothing left counted, and Tomcat no longer gathers
		await().atMost(Duration.ofSeconds(10)).until(() -> connection.outboundMessages() == 0);
		assertThat(connection.outboundBytes()).isZero();
		// idle: Tomcat's own frames (pongs) are no longer held in its buffer
		await().atMost(Duration.ofSeconds(10)).until(() -> !batching(connection));
		assertThat(connection.isOpen()).isTrue();
		// a burst and the close right behind it: what is still queued is dropped, what
		// was written arrives in order, before the close frame
		List<String> burst = IntStream.range(0, count).mapToObj((i) -> notification("m" + i)).toList();
		for (int i = 0; i < count; i++) {
			assertThat(connection.notify("m" + i, null)).isTrue();
		}
		connection.close(JsonRpcCloseReason.NORMAL);
		assertThat(this.client.closeCode()).isEqualTo(CloseStatus.NORMAL.getCode());
		List<String> received = this.client.received();
		assertThat(received).containsExactlyElementsOf(burst.subList(0, received.size()));
	}

	@Test
	void gatheredWritesAnswerRequests() throws Exception {
		this.webSocketHandler.setTomcatGatheredWrites(true);
		connect();
		for (int i = 1; i <= 50; i++) {
			this.client.send("{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":\"m\"}");
		}
		assertThat(this.client.take(50)).containsExactlyElementsOf(IntStream.rangeClosed(1, 50)
			.mapToObj((i) -> "{\"jsonrpc\":\"2.0\",\"result\":\"ok\",\"id\":" + i + "}")
			.toList());
	}

	@Test
	void blockingSendsOfTheSessionWaitAtMostTheSendTimeLimit() throws Exception {
		this.webSocketHandler.setOutboundLimits(1024, 16L * 1024 * 1024, Duration.ofMillis(1500));
		WebSocketJsonRpcConnection connection = connect();
		// Tomcat's blocking sends (the close frame, the flush before it, a ping) wait up
		// to this, 20 s when unset
		assertThat(nativeSession(connection).getUserProperties())
			.containsEntry("org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT", 1500L);
	}

	@Test
	void sendTimeLimitOfForeverLeavesTomcatsSendsWithoutATimeout() throws Exception {
		this.webSocketHandler.setOutboundLimits(1024, 16L * 1024 * 1024, ChronoUnit.FOREVER.getDuration());
		this.webSocketHandler.setKeepAlive(Duration.ZERO, Duration.ofSeconds(90));
		WebSocketJsonRpcConnection connection = connect();
		// Tomcat adds a timeout to the clock: a longer one would expire at once
		assertThat(nativeSession(connection).getUserProperties())
			.containsEntry("org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT", -1L);
		assertThat(nativeSession(connection).getAsyncRemote().getSendTimeout()).isEqualTo(-1L);
		assertThat(connection.notify("a", null)).isTrue();
		assertThat(this.client.take(1)).containsExactly(notification("a"));
	}

	@Test
	void closeToAClientThatStoppedReadingEndsWithinTheSendTimeLimit() throws Exception {
		closeToAClientThatStoppedReadingEndsWithinTheSendTimeLimit(null);
	}

	@Test
	void closeEndsWithinTheSendTimeLimitWhenTheApplicationSetALongerBlockingSendTimeout() throws Exception {
		closeToAClientThatStoppedReadingEndsWithinTheSendTimeLimit(60_000L);
	}

	private void closeToAClientThatStoppedReadingEndsWithinTheSendTimeLimit(@Nullable Long applicationTimeout)
			throws Exception {
		this.webSocketHandler.setOutboundLimits(1024, 16L * 1024 * 1024, Duration.ofSeconds(1));
		// a message goes to Tomcat as one frame, whose write holds the session's send
		// permit until it ends (the standard API's fragments give it back in between,
		// which lets a close frame through while the socket still takes bytes)
		this.webSocketHandler.setTomcatGatheredWrites(true);
		CompletableFuture<CloseStatus> closed = startServer(applicationTimeout).closed;
		try (Socket socket = this.server.connectWithoutReading()) {
			await().atMost(TestWaits.SHORT).until(() -> !this.webSocketHandler.sessions().isEmpty());
			WebSocketJsonRpcConnection connection = (WebSocketJsonRpcConnection) this.webSocketHandler.sessions()
				.get(0);
			// more than the socket buffers take (the server's at most 4 MiB, the client's
			// 16 KiB): its write never ends, and the close frame waits behind it
			assertThat(connection.notify("big", List.of("x".repeat(8 * 1024 * 1024)))).isTrue();
			CompletableFuture.runAsync(() -> connection.close(JsonRpcCloseReason.NORMAL));
			// Tomcat gives up on the close frame and drops the connection after the send
			// time limit, not after its own 20 s, longer than this wait
			assertThat(TestWaits.join(closed).getCode()).isEqualTo(CloseStatus.NORMAL.getCode());
		}
	}

	@ParameterizedTest(name = "application {0} ms, send time limit 1500 ms: {1} ms")
	@CsvSource({ "0, 1500", "1, 1", "500, 500", "1499, 1499", "1500, 1500", "1501, 1500", "60000, 1500", "-1, 1500" })
	void blockingSendTimeoutTheApplicationSetIsKeptOnlyWhenShorterThanTheSendTimeLimit(long application, long expected)
			throws Exception {
		this.webSocketHandler.setOutboundLimits(1024, 16L * 1024 * 1024, Duration.ofMillis(1500));
		WebSocketJsonRpcConnection connection = connectWithBlockingSendTimeout(application);
		assertThat(nativeSession(connection).getUserProperties())
			.containsEntry("org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT", expected);
	}

	@Test
	void blockingSendTimeoutTheApplicationSetIsKeptWhenTheSendTimeLimitIsForever() throws Exception {
		this.webSocketHandler.setOutboundLimits(1024, 16L * 1024 * 1024, ChronoUnit.FOREVER.getDuration());
		WebSocketJsonRpcConnection connection = connectWithBlockingSendTimeout(500L);
		assertThat(nativeSession(connection).getUserProperties())
			.containsEntry("org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT", 500L);
	}

	@Test
	void blockingSendTimeoutThatTomcatIgnoresIsReplacedBySendTimeLimit() throws Exception {
		// Tomcat reads a Long only: an Integer leaves its 20 s default in force
		this.webSocketHandler.setOutboundLimits(1024, 16L * 1024 * 1024, Duration.ofMillis(1500));
		WebSocketJsonRpcConnection connection = connectWithBlockingSendTimeout(500);
		assertThat(nativeSession(connection).getUserProperties())
			.containsEntry("org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT", 1500L);
	}

	private WebSocketJsonRpcConnection connectWithBlockingSendTimeout(Object applicationTimeout) throws Exception {
		startServer(applicationTimeout);
		this.client = this.server.connect();
		await().atMost(TestWaits.SHORT).until(() -> !this.webSocketHandler.sessions().isEmpty());
		return (WebSocketJsonRpcConnection) this.webSocketHandler.sessions().get(0);
	}

	private ApplicationHandler startServer(@Nullable Object blockingSendTimeout) throws Exception {
		ApplicationHandler handler = new ApplicationHandler(this.webSocketHandler, blockingSendTimeout);
		this.server = TomcatWebSocketServer.start(() -> new StandardWebSocketHandlerAdapter(handler,
				new StandardWebSocketSession(new HttpHeaders(), new HashMap<>(), null, null)));
		return handler;
	}

	private static Session nativeSession(WebSocketJsonRpcConnection connection) {
		return ((NativeWebSocketSession) connection.webSocketSession()).getNativeSession(Session.class);
	}

	private WebSocketJsonRpcConnection connect() throws Exception {
		this.server = TomcatWebSocketServer.start(() -> new StandardWebSocketHandlerAdapter(this.webSocketHandler,
				new StandardWebSocketSession(new HttpHeaders(), new HashMap<>(), null, null)));
		this.client = this.server.connect();
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.webSocketHandler.sessions().isEmpty());
		return (WebSocketJsonRpcConnection) this.webSocketHandler.sessions().get(0);
	}

	private static boolean batching(WebSocketJsonRpcConnection connection) {
		return ((NativeWebSocketSession) connection.webSocketSession()).getNativeSession(Session.class)
			.getAsyncRemote()
			.getBatchingAllowed();
	}

	private static String notification(String method) {
		return codec.encodeNotification(method, null).text();
	}

	/**
	 * The JSON-RPC handler as an application decorates it: it may set Tomcat's blocking
	 * send timeout on the session before the connection is set up, and reports the close.
	 */
	private static final class ApplicationHandler extends WebSocketHandlerDecorator {

		private final @Nullable Object blockingSendTimeout;

		final CompletableFuture<CloseStatus> closed = new CompletableFuture<>();

		ApplicationHandler(JsonRpcWebSocketHandler delegate, @Nullable Object blockingSendTimeout) {
			super(delegate);
			this.blockingSendTimeout = blockingSendTimeout;
		}

		@Override
		public void afterConnectionEstablished(WebSocketSession session) throws Exception {
			if (this.blockingSendTimeout != null) {
				((NativeWebSocketSession) session).getNativeSession(Session.class)
					.getUserProperties()
					.put("org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT", this.blockingSendTimeout);
			}
			super.afterConnectionEstablished(session);
		}

		@Override
		public void afterConnectionClosed(WebSocketSession session, CloseStatus status) throws Exception {
			super.afterConnectionClosed(session, status);
			this.closed.complete(status);
		}

	}

}
