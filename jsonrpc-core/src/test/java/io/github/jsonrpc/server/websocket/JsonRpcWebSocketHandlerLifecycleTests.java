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
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.JsonRpcSession;
import io.github.jsonrpc.server.JsonRpcSessionRegistry;
import io.github.jsonrpc.server.connection.JsonRpcCloseReason;
import io.github.jsonrpc.server.connection.JsonRpcConnectionSettings;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

/**
 * Tests for the lifecycle, keep-alive and transport details of
 * {@link JsonRpcWebSocketHandler} and {@link WebSocketJsonRpcConnection}.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcWebSocketHandlerLifecycleTests {

	private static final long IDLE = Duration.ofSeconds(90).toNanos();

	private final JsonRpcMessageCodec codec = OkRpc.CODEC;

	private final JsonRpcSessionRegistry sessions = new JsonRpcSessionRegistry();

	private final JsonRpcHandler rpc = OkRpc.handler();

	@Test
	void constructorRequiresItsCollaborators() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new JsonRpcWebSocketHandler(null, this.sessions, Runnable::run))
			.withMessage("Handler is required");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new JsonRpcWebSocketHandler(this.rpc, null, Runnable::run))
			.withMessage("SessionRegistry is required");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new JsonRpcWebSocketHandler(this.rpc, this.sessions, null))
			.withMessage("Executor is required");
	}

	@Test
	void settingsAreKeptAndRequired() {
		JsonRpcWebSocketHandler handler = handler();
		assertThat(handler.getSettings()).isSameAs(JsonRpcConnectionSettings.DEFAULTS);
		JsonRpcConnectionSettings settings = JsonRpcConnectionSettings.DEFAULTS.withMaxInFlight(3);
		handler.setSettings(settings);
		assertThat(handler.getSettings()).isSameAs(settings);
		assertThatIllegalArgumentException().isThrownBy(() -> handler.setSettings(null))
			.withMessage("Settings are required");
		assertThatIllegalArgumentException().isThrownBy(() -> handler.setTaskScheduler(null))
			.withMessage("TaskScheduler is required");
		assertThat(handler.getSettings()).isSameAs(settings);
	}

	@Test
	void partialMessagesAreAssembledByTheHandler() {
		assertThat(handler().supportsPartialMessages()).isTrue();
	}

	@Test
	void keepAliveCannotChangeWhileRunning() {
		JsonRpcWebSocketHandler handler = handler();
		handler.setKeepAlive(Duration.ZERO, Duration.ofSeconds(1));
		assertThat(handler.isRunning()).isFalse();
		handler.start();
		assertThat(handler.isRunning()).isTrue();
		try {
			assertThatIllegalStateException()
				.isThrownBy(() -> handler.setKeepAlive(Duration.ofSeconds(1), Duration.ofSeconds(3)))
				.withMessage("Keep-alive cannot change while running");
			assertThat(handler.getSettings().pingInterval()).isZero();
		}
		finally {
			handler.stop();
		}
		assertThat(handler.isRunning()).isFalse();
		handler.setKeepAlive(Duration.ofSeconds(1), Duration.ofSeconds(3));
		assertThat(handler.getSettings().pingInterval()).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void stoppingClosesEveryConnectionAsGoingAway() throws Exception {
		JsonRpcWebSocketHandler handler = handler();
		handler.setKeepAlive(Duration.ZERO, Duration.ofSeconds(1));
		WebSocketSession first = session("l1");
		WebSocketSession second = session("l2");
		handler.afterConnectionEstablished(first);
		handler.afterConnectionEstablished(second);
		handler.start();
		handler.stop();
		then(first).should().close(CloseStatus.GOING_AWAY);
		then(second).should().close(CloseStatus.GOING_AWAY);
		assertThat(handler.sessions()).isEmpty();
	}

	@Test
	void keepAliveOnAGivenSchedulerIsCancelledOnStop() {
		JsonRpcWebSocketHandler handler = handler();
		TaskScheduler scheduler = mock(TaskScheduler.class);
		ScheduledFuture<?> task = mock(ScheduledFuture.class);
		willAnswer((invocation) -> task).given(scheduler).scheduleAtFixedRate(any(Runnable.class), any(Duration.class));
		handler.setTaskScheduler(scheduler);
		handler.setKeepAlive(Duration.ofSeconds(30), Duration.ofSeconds(90));
		handler.start();
		handler.start();
		then(scheduler).should().scheduleAtFixedRate(any(Runnable.class), any(Duration.class));
		handler.stop();
		then(task).should().cancel(false);
		assertThat(handler.isRunning()).isFalse();
	}

	@Test
	void ownKeepAliveSchedulerRunsOnNamedDaemonThreadsThatEndOnStop() throws Exception {
		JsonRpcWebSocketHandler handler = handler();
		handler.setKeepAlive(Duration.ofMillis(20), Duration.ofSeconds(90));
		AtomicReference<Thread> pinger = new AtomicReference<>();
		WebSocketSession session = session("l3");
		CountDownLatch pinged = new CountDownLatch(1);
		willAnswer((invocation) -> {
			pinger.compareAndSet(null, Thread.currentThread());
			pinged.countDown();
			return null;
		}).given(session).sendMessage(any(PingMessage.class));
		handler.afterConnectionEstablished(session);
		handler.start();
		Thread thread;
		try {
			assertThat(pinged.await(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
			thread = pinger.get();
			assertThat(thread.getName()).startsWith("jsonrpc-ws-keepalive-");
			assertThat(thread.isDaemon()).isTrue();
		}
		finally {
			handler.stop();
		}
		thread.join(TestWaits.SHORT.toMillis());
		assertThat(thread.isAlive()).isFalse();
	}

	@Test
	void aPartOfAMessageKeepsTheConnectionFromBeingIdle() throws Exception {
		JsonRpcWebSocketHandler handler = handler();
		handler.setKeepAlive(Duration.ofSeconds(30), Duration.ofNanos(IDLE));
		WebSocketSession session = session("l4");
		handler.afterConnectionEstablished(session);
		// no later than the connection's creation, its last sign of life so far
		long created = System.nanoTime();
		WebSocketJsonRpcConnection connection = (WebSocketJsonRpcConnection) handler.sessions().get(0);
		long received = laterThan(created);
		handler.handleMessage(session, new TextMessage("{\"jsonrpc\":", false));
		connection.checkAlive(created + IDLE + (received - created) / 2);
		assertThat(connection.isOpen()).isTrue();
		connection.checkAlive(System.nanoTime() + IDLE + 1);
		assertThat(connection.isOpen()).isFalse();
		then(session).should().close(JsonRpcWebSocketHandler.IDLE);
	}

	@Test
	void aPongKeepsTheConnectionFromBeingIdle() throws Exception {
		JsonRpcWebSocketHandler handler = handler();
		handler.setKeepAlive(Duration.ofSeconds(30), Duration.ofNanos(IDLE));
		WebSocketSession session = session("l5");
		handler.afterConnectionEstablished(session);
		// no later than the connection's creation, its last sign of life so far
		long created = System.nanoTime();
		WebSocketJsonRpcConnection connection = (WebSocketJsonRpcConnection) handler.sessions().get(0);
		long received = laterThan(created);
		handler.handleMessage(session, new PongMessage());
		connection.checkAlive(created + IDLE + (received - created) / 2);
		assertThat(connection.isOpen()).isTrue();
		// a pong of an unknown session is ignored
		handler.handleMessage(session("unknown"), new PongMessage());
	}

	@Test
	void sendTimeoutOfTheContainerIsArmedOnlyWithoutKeepAlive() {
		RemoteEndpoint.Async remote = mock(RemoteEndpoint.Async.class);
		NativeWebSocketSession session = nativeSession(remote);
		new WebSocketJsonRpcConnection(session, this.rpc,
				JsonRpcConnectionSettings.DEFAULTS.withKeepAlive(Duration.ZERO, Duration.ofSeconds(1))
					.withOutboundLimits(16, 1024, Duration.ofMillis(1234)),
				Runnable::run);
		then(remote).should().setSendTimeout(1234L);
		RemoteEndpoint.Async other = mock(RemoteEndpoint.Async.class);
		new WebSocketJsonRpcConnection(nativeSession(other), this.rpc,
				JsonRpcConnectionSettings.DEFAULTS.withKeepAlive(Duration.ofSeconds(30), Duration.ofSeconds(90))
					.withOutboundLimits(16, 1024, Duration.ofMillis(1234)),
				Runnable::run);
		then(other).should().setSendTimeout(-1L);
	}

	@Test
	void oneSendHandlerServesEveryAsyncWrite() {
		RemoteEndpoint.Async remote = mock(RemoteEndpoint.Async.class);
		List<SendHandler> handlers = new java.util.ArrayList<>();
		Session nativeSession = mock(Session.class);
		willAnswer((invocation) -> {
			SendHandler handler = invocation.getArgument(1);
			handlers.add(handler);
			handler.onResult(new SendResult(nativeSession));
			return null;
		}).given(remote).sendText(anyString(), any(SendHandler.class));
		WebSocketJsonRpcConnection connection = new WebSocketJsonRpcConnection(nativeSession(nativeSession, remote),
				this.rpc, JsonRpcConnectionSettings.DEFAULTS, Runnable::run);
		assertThat(connection.notify("a", null)).isTrue();
		assertThat(connection.notify("b", null)).isTrue();
		assertThat(connection.notify("c", null)).isTrue();
		assertThat(handlers).hasSize(3);
		assertThat(handlers.get(1)).isSameAs(handlers.get(0));
		assertThat(handlers.get(2)).isSameAs(handlers.get(0));
	}

	@Test
	void failedBlockingSendClosesTheConnection() throws Exception {
		WebSocketSession session = session("l6");
		willThrow(new IOException("connection reset")).given(session).sendMessage(any(TextMessage.class));
		WebSocketJsonRpcConnection connection = new WebSocketJsonRpcConnection(session, this.rpc,
				JsonRpcConnectionSettings.DEFAULTS, Runnable::run);
		connection.notify("n", null);
		assertThat(connection.isOpen()).isFalse();
		then(session).should().close(JsonRpcWebSocketHandler.SLOW_CONSUMER);
	}

	@Test
	void pingIsSentOnTheExecutorAndItsFailureIsContained() throws Exception {
		WebSocketSession session = session("l7");
		List<Runnable> queued = new java.util.ArrayList<>();
		WebSocketJsonRpcConnection connection = new WebSocketJsonRpcConnection(session, this.rpc,
				JsonRpcConnectionSettings.DEFAULTS, queued::add);
		connection.ping();
		then(session).should(never()).sendMessage(any());
		assertThat(queued).hasSize(1);
		willThrow(new IOException("gone")).given(session).sendMessage(any(PingMessage.class));
		queued.get(0).run();
		then(session).should().sendMessage(any(PingMessage.class));
	}

	@Test
	void closeRunsInlineWhenTheExecutorRefuses() throws Exception {
		WebSocketSession session = session("l8");
		WebSocketJsonRpcConnection connection = new WebSocketJsonRpcConnection(session, this.rpc,
				JsonRpcConnectionSettings.DEFAULTS, (task) -> {
					throw new RejectedExecutionException("shut down");
				});
		connection.close(JsonRpcCloseReason.SHUTDOWN);
		then(session).should().close(CloseStatus.GOING_AWAY);
		assertThat(connection.webSocketSession()).isSameAs(session);
	}

	private JsonRpcWebSocketHandler handler() {
		return new JsonRpcWebSocketHandler(this.rpc, this.sessions, Runnable::run);
	}

	private static long laterThan(long time) {
		org.awaitility.Awaitility.await()
			.pollDelay(Duration.ofMillis(5))
			.atMost(TestWaits.SHORT)
			.until(() -> System.nanoTime() - time > 2_000_000L);
		return System.nanoTime();
	}

	private static WebSocketSession session(String id) {
		WebSocketSession session = mock(WebSocketSession.class);
		given(session.getId()).willReturn(id);
		given(session.isOpen()).willReturn(true);
		given(session.getAttributes()).willReturn(new HashMap<>());
		given(session.getHandshakeHeaders()).willReturn(new HttpHeaders());
		return session;
	}

	private static NativeWebSocketSession nativeSession(RemoteEndpoint.Async remote) {
		return nativeSession(mock(Session.class), remote);
	}

	private static NativeWebSocketSession nativeSession(Session nativeSession, RemoteEndpoint.Async remote) {
		given(nativeSession.getAsyncRemote()).willReturn(remote);
		NativeWebSocketSession session = mock(NativeWebSocketSession.class);
		given(session.getId()).willReturn("native");
		given(session.isOpen()).willReturn(true);
		given(session.getAttributes()).willReturn(new HashMap<>());
		given(session.getNativeSession(Session.class)).willReturn(nativeSession);
		return session;
	}

}
