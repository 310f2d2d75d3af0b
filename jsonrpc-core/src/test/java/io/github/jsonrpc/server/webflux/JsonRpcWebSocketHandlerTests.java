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
package io.github.jsonrpc.server.webflux;

import java.security.Principal;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.JsonRpcSessionRegistry;
import io.github.jsonrpc.server.JsonRpcTransportContext;
import io.github.jsonrpc.server.connection.JsonRpcCloseReason;
import io.github.jsonrpc.server.connection.JsonRpcConnectionSettings;
import io.netty.handler.codec.TooLongFrameException;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;

/**
 * Tests for the WebFlux {@link JsonRpcWebSocketHandler} and
 * {@link WebFluxJsonRpcConnection} over a session the test drives.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcWebSocketHandlerTests {

	private static final String CALL = "{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"id\":1}";

	private static final long IDLE = Duration.ofSeconds(90).toNanos();

	private final JsonRpcMessageCodec codec = JsonRpcMessageCodec.create(JsonMapper.builder().build());

	private final JsonRpcSessionRegistry sessions = new JsonRpcSessionRegistry();

	private final AtomicReference<JsonRpcTransportContext> lastContext = new AtomicReference<>();

	private final JsonRpcHandler rpc = JsonRpcHandler.builder((exchange) -> {
		this.lastContext.set(exchange.context());
		return CompletableFuture.completedFuture(JsonRpcResponse.success(exchange.id(), "ok"));
	}, this.codec).build();

	private final JsonRpcWebSocketHandler handler = new JsonRpcWebSocketHandler(this.rpc, this.sessions, Runnable::run);

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
	void settingsAreKeptAndOnlyTheirKeepAliveIsFixedWhileRunning() {
		assertThat(this.handler.getSettings()).isSameAs(JsonRpcConnectionSettings.DEFAULTS);
		assertThatIllegalArgumentException().isThrownBy(() -> this.handler.setSettings(null))
			.withMessage("Settings are required");
		assertThatIllegalArgumentException().isThrownBy(() -> this.handler.setTaskScheduler(null))
			.withMessage("TaskScheduler is required");
		JsonRpcConnectionSettings quiet = JsonRpcConnectionSettings.DEFAULTS.withKeepAlive(Duration.ZERO,
				Duration.ofSeconds(1));
		this.handler.setSettings(quiet);
		assertThat(this.handler.getSettings()).isSameAs(quiet);
		assertThat(this.handler.isRunning()).isFalse();
		this.handler.start();
		try {
			assertThat(this.handler.isRunning()).isTrue();
			JsonRpcConnectionSettings smaller = quiet.withMaxMessageSize(100);
			this.handler.setSettings(smaller);
			assertThat(this.handler.getSettings()).isSameAs(smaller);
			assertThatIllegalStateException().isThrownBy(
					() -> this.handler.setSettings(smaller.withKeepAlive(Duration.ofSeconds(1), Duration.ofSeconds(3))))
				.withMessage("Keep-alive cannot change while running");
			assertThat(this.handler.getSettings()).isSameAs(smaller);
		}
		finally {
			this.handler.stop();
		}
		assertThat(this.handler.isRunning()).isFalse();
		JsonRpcConnectionSettings pinging = quiet.withKeepAlive(Duration.ofSeconds(1), Duration.ofSeconds(3));
		this.handler.setSettings(pinging);
		assertThat(this.handler.getSettings()).isSameAs(pinging);
	}

	@Test
	void callIsAnsweredAndTheConnectionIsASessionUntilTheClientCloses() throws Exception {
		Principal alice = () -> "alice";
		TestReactiveWebSocketSession session = new TestReactiveWebSocketSession("w1", alice, Long.MAX_VALUE);
		CompletableFuture<Void> served = this.handler.handle(session).toFuture();
		assertThat(this.handler.sessions()).singleElement().satisfies((connection) -> {
			assertThat(connection.id()).isEqualTo("w1");
			assertThat(connection.principal()).isSameAs(alice);
			assertThat(((WebFluxJsonRpcConnection) connection).webSocketSession()).isSameAs(session);
			assertThat(((WebFluxJsonRpcConnection) connection).transport())
				.isEqualTo(JsonRpcTransportContext.Transport.WEBSOCKET);
		});
		assertThat(this.sessions.session("w1")).isNotNull();
		session.receiveText(CALL);
		session.receiveText("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"id\":2}");
		assertThat(session.sentText()).containsExactly("{\"jsonrpc\":\"2.0\",\"result\":\"ok\",\"id\":1}",
				"{\"jsonrpc\":\"2.0\",\"result\":\"ok\",\"id\":2}");
		assertThat(this.lastContext.get().principal()).isSameAs(alice);
		assertThat(served).isNotDone();
		session.inbound().tryEmitComplete();
		TestWaits.get(served);
		assertThat(this.handler.sessions()).isEmpty();
		assertThat(this.sessions.session("w1")).isNull();
	}

	@Test
	void anonymousHandshakeHasNoPrincipal() {
		TestReactiveWebSocketSession session = new TestReactiveWebSocketSession("w2", null, Long.MAX_VALUE);
		this.handler.handle(session).subscribe();
		assertThat(this.handler.sessions()).singleElement()
			.satisfies((connection) -> assertThat(connection.principal()).isNull());
	}

	@Test
	void messageOfExactlyTheLimitIsHandledAndOneByteMoreClosesWith1009() {
		this.handler.setSettings(JsonRpcConnectionSettings.DEFAULTS.withMaxMessageSize(CALL.length()));
		TestReactiveWebSocketSession session = new TestReactiveWebSocketSession("w3", null, Long.MAX_VALUE);
		this.handler.handle(session).subscribe();
		session.receiveText(CALL);
		assertThat(session.sentText()).hasSize(1);
		assertThat(session.closed()).isEmpty();
		session.receiveText(CALL + " ");
		assertThat(session.sentText()).hasSize(1);
		assertThat(session.closed()).containsExactly(CloseStatus.TOO_BIG_TO_PROCESS);
	}

	@Test
	void frameTooLongForTheServerClosesWith1009() throws Exception {
		TestReactiveWebSocketSession session = new TestReactiveWebSocketSession("w4", null, Long.MAX_VALUE);
		CompletableFuture<Void> served = this.handler.handle(session).toFuture();
		session.inbound().tryEmitError(new TooLongFrameException("too long"));
		TestWaits.get(served);
		assertThat(session.closed()).containsExactly(CloseStatus.TOO_BIG_TO_PROCESS);
		assertThat(this.handler.sessions()).isEmpty();
	}

	@Test
	void frameTooLongAsTheCauseOfAnotherErrorClosesWith1009() throws Exception {
		TestReactiveWebSocketSession session = new TestReactiveWebSocketSession("w5", null, Long.MAX_VALUE);
		CompletableFuture<Void> served = this.handler.handle(session).toFuture();
		session.inbound()
			.tryEmitError(new IllegalStateException("decoding", new RuntimeException(new TooLongFrameException("x"))));
		TestWaits.get(served);
		assertThat(session.closed()).containsExactly(CloseStatus.TOO_BIG_TO_PROCESS);
	}

	@Test
	void otherInboundErrorEndsTheConnectionWithoutATooBigClose() {
		TestReactiveWebSocketSession session = new TestReactiveWebSocketSession("w6", null, Long.MAX_VALUE);
		CompletableFuture<Void> served = this.handler.handle(session).toFuture();
		session.inbound().tryEmitError(new IllegalStateException("reset", new RuntimeException("cause")));
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> TestWaits.get(served))
			.withRootCauseInstanceOf(RuntimeException.class);
		assertThat(session.closed()).isEmpty();
		assertThat(this.handler.sessions()).isEmpty();
	}

	@Test
	void replyWaitsForTheDemandOfTheSession() {
		TestReactiveWebSocketSession session = new TestReactiveWebSocketSession("w7", null, 0);
		this.handler.handle(session).subscribe();
		WebFluxJsonRpcConnection connection = (WebFluxJsonRpcConnection) this.handler.sessions().get(0);
		session.receiveText(CALL);
		assertThat(session.sent()).isEmpty();
		assertThat(connection.outboundMessages()).isEqualTo(1);
		session.request(1);
		assertThat(session.sentText()).containsExactly("{\"jsonrpc\":\"2.0\",\"result\":\"ok\",\"id\":1}");
		assertThat(connection.outboundMessages()).isZero();
		session.receiveText("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"id\":2}");
		assertThat(session.sent()).hasSize(1);
		assertThat(connection.outboundMessages()).isEqualTo(1);
		session.request(1);
		assertThat(session.sent()).hasSize(2);
		assertThat(connection.outboundMessages()).isZero();
	}

	@Test
	void messageWrittenBeforeTheSessionSubscribesIsSentOnSubscription() {
		TestReactiveWebSocketSession session = new TestReactiveWebSocketSession("w8", null, Long.MAX_VALUE);
		WebFluxJsonRpcConnection connection = new WebFluxJsonRpcConnection(session, null, this.rpc,
				JsonRpcConnectionSettings.DEFAULTS, Runnable::run);
		assertThat(connection.notify("early", null)).isTrue();
		assertThat(connection.outboundMessages()).isEqualTo(1);
		StepVerifier.create(connection.outbound(), 1)
			.assertNext((message) -> assertThat(message.getPayloadAsText()).contains("\"method\":\"early\""))
			.thenCancel()
			.verify(TestWaits.SHORT);
		assertThat(connection.outboundMessages()).isZero();
	}

	@Test
	void pingIsSentOnlyOnceTheSessionSubscribed() {
		TestReactiveWebSocketSession session = new TestReactiveWebSocketSession("w9", null, Long.MAX_VALUE);
		WebFluxJsonRpcConnection connection = new WebFluxJsonRpcConnection(session, null, this.rpc,
				JsonRpcConnectionSettings.DEFAULTS, Runnable::run);
		connection.ping();
		session.send(connection.outbound()).subscribe();
		assertThat(session.sent()).isEmpty();
		connection.ping();
		assertThat(session.sent()).singleElement().satisfies((message) -> {
			assertThat(message.getType()).isEqualTo(WebSocketMessage.Type.PING);
			assertThat(message.getPayload().readableByteCount()).isZero();
		});
	}

	@Test
	void pongKeepsTheConnectionFromBeingIdle() throws Exception {
		this.handler.setSettings(
				JsonRpcConnectionSettings.DEFAULTS.withKeepAlive(Duration.ofSeconds(30), Duration.ofNanos(IDLE)));
		TestReactiveWebSocketSession session = new TestReactiveWebSocketSession("w10", null, Long.MAX_VALUE);
		this.handler.handle(session).subscribe();
		WebFluxJsonRpcConnection connection = (WebFluxJsonRpcConnection) this.handler.sessions().get(0);
		// no later than the connection's creation, its last sign of life so far
		long created = System.nanoTime();
		long received = laterThan(created);
		session.inbound().tryEmitNext(session.pongMessage((factory) -> factory.wrap(new byte[] { 1 })));
		assertThat(session.sentText()).isEmpty();
		connection.checkAlive(created + IDLE + (received - created) / 2);
		assertThat(connection.isOpen()).isTrue();
		connection.checkAlive(System.nanoTime() + IDLE + 1);
		assertThat(connection.isOpen()).isFalse();
		assertThat(session.closed()).containsExactly(JsonRpcWebSocketHandler.IDLE);
	}

	@Test
	void binaryFrameClosesWith1003AsOnTheServletStack() throws Exception {
		TestReactiveWebSocketSession session = new TestReactiveWebSocketSession("w11", null, Long.MAX_VALUE);
		CompletableFuture<Void> served = this.handler.handle(session).toFuture();
		session.inbound().tryEmitNext(session.pongMessage((factory) -> factory.wrap(new byte[] { 1 })));
		assertThat(session.closed()).isEmpty();
		session.inbound().tryEmitNext(session.binaryMessage((factory) -> factory.wrap(CALL.getBytes())));
		// the status and reason Spring's TextWebSocketHandler closes with on the Servlet
		// stack
		assertThat(session.closed()).singleElement().satisfies((status) -> {
			assertThat(status.getCode()).isEqualTo(1003);
			assertThat(status.getReason()).isEqualTo("Binary messages not supported");
		});
		// a call received after the binary message is not run: the connection closed
		// at once
		session.receiveText(CALL);
		TestWaits.get(served);
		assertThat(session.sentText()).isEmpty();
		assertThat(this.handler.sessions()).isEmpty();
	}

	@Test
	void closeReasonsMapToWebSocketCloseStatuses() {
		assertThat(WebFluxJsonRpcConnection.closeStatus(JsonRpcCloseReason.NORMAL)).isEqualTo(CloseStatus.NORMAL);
		assertThat(WebFluxJsonRpcConnection.closeStatus(JsonRpcCloseReason.SHUTDOWN)).isEqualTo(CloseStatus.GOING_AWAY);
		assertThat(WebFluxJsonRpcConnection.closeStatus(JsonRpcCloseReason.IDLE))
			.isEqualTo(JsonRpcWebSocketHandler.IDLE);
		assertThat(WebFluxJsonRpcConnection.closeStatus(JsonRpcCloseReason.TOO_BIG))
			.isEqualTo(CloseStatus.TOO_BIG_TO_PROCESS);
		assertThat(WebFluxJsonRpcConnection.closeStatus(JsonRpcCloseReason.SLOW_CONSUMER))
			.isEqualTo(JsonRpcWebSocketHandler.SLOW_CONSUMER);
		assertThat(WebFluxJsonRpcConnection.closeStatus(JsonRpcCloseReason.OVERLOADED))
			.isEqualTo(CloseStatus.SERVICE_OVERLOAD);
		assertThat(WebFluxJsonRpcConnection.closeStatus(JsonRpcCloseReason.UNSUPPORTED_DATA))
			.isEqualTo(new CloseStatus(1003, "Binary messages not supported"));
		assertThat(JsonRpcWebSocketHandler.IDLE.getCode()).isEqualTo(1001);
		assertThat(JsonRpcWebSocketHandler.SLOW_CONSUMER.getCode()).isEqualTo(1008);
	}

	@Test
	void stoppingClosesEveryConnectionAsGoingAway() {
		this.handler
			.setSettings(JsonRpcConnectionSettings.DEFAULTS.withKeepAlive(Duration.ZERO, Duration.ofSeconds(1)));
		TestReactiveWebSocketSession first = new TestReactiveWebSocketSession("s1", null, Long.MAX_VALUE);
		TestReactiveWebSocketSession second = new TestReactiveWebSocketSession("s2", null, Long.MAX_VALUE);
		this.handler.handle(first).subscribe();
		this.handler.handle(second).subscribe();
		this.handler.start();
		this.handler.stop();
		assertThat(first.closed()).containsExactly(CloseStatus.GOING_AWAY);
		assertThat(second.closed()).containsExactly(CloseStatus.GOING_AWAY);
		assertThat(this.handler.sessions()).isEmpty();
	}

	@Test
	void keepAliveOnAGivenSchedulerIsCancelledOnStop() {
		TaskScheduler scheduler = mock(TaskScheduler.class);
		ScheduledFuture<?> task = mock(ScheduledFuture.class);
		willAnswer((invocation) -> task).given(scheduler).scheduleAtFixedRate(any(Runnable.class), any(Duration.class));
		this.handler.setTaskScheduler(scheduler);
		this.handler.start();
		this.handler.start();
		then(scheduler).should().scheduleAtFixedRate(any(Runnable.class), any(Duration.class));
		this.handler.stop();
		then(task).should().cancel(false);
	}

	@Test
	void ownKeepAliveSchedulerPingsOnNamedDaemonThreadsThatEndOnStop() throws Exception {
		this.handler.setSettings(
				JsonRpcConnectionSettings.DEFAULTS.withKeepAlive(Duration.ofMillis(20), Duration.ofSeconds(90)));
		AtomicReference<Thread> pinger = new AtomicReference<>();
		CountDownLatch pinged = new CountDownLatch(1);
		TestReactiveWebSocketSession session = new TestReactiveWebSocketSession("s3", null, Long.MAX_VALUE) {

			@Override
			public WebSocketMessage pingMessage(
					java.util.function.Function<org.springframework.core.io.buffer.DataBufferFactory, org.springframework.core.io.buffer.DataBuffer> payload) {
				pinger.compareAndSet(null, Thread.currentThread());
				pinged.countDown();
				return super.pingMessage(payload);
			}

		};
		this.handler.handle(session).subscribe();
		this.handler.start();
		Thread thread;
		try {
			assertThat(pinged.await(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
			thread = pinger.get();
			assertThat(thread.getName()).startsWith("jsonrpc-ws-keepalive-");
			assertThat(thread.isDaemon()).isTrue();
		}
		finally {
			this.handler.stop();
		}
		thread.join(TestWaits.SHORT.toMillis());
		assertThat(thread.isAlive()).isFalse();
	}

	private static long laterThan(long time) {
		org.awaitility.Awaitility.await()
			.pollDelay(Duration.ofMillis(5))
			.atMost(TestWaits.SHORT)
			.until(() -> System.nanoTime() - time > 2_000_000L);
		return System.nanoTime();
	}

}
