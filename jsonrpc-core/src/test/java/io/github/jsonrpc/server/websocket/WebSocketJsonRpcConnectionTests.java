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

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.JsonRpcStreamSink;
import io.github.jsonrpc.server.JsonRpcTransportContext;
import io.github.jsonrpc.server.connection.JsonRpcCloseReason;
import io.github.jsonrpc.server.connection.JsonRpcConnectionSettings;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link WebSocketJsonRpcConnection}.
 */
class WebSocketJsonRpcConnectionTests {

	private static final JsonRpcMessageCodec codec = OkRpc.CODEC;

	private static final JsonRpcHandler handler = OkRpc.handler();

	private final WebSocketSession connection = connection();

	private final WebSocketJsonRpcConnection session = connection(this.connection, 2 * 1024 * 1024);

	private final WebSocketJsonRpcConnection small = connection(this.connection, 10);

	private static WebSocketJsonRpcConnection connection(WebSocketSession delegate, int maxMessageSize) {
		return new WebSocketJsonRpcConnection(delegate, handler,
				JsonRpcConnectionSettings.DEFAULTS.withMaxMessageSize(maxMessageSize), Runnable::run);
	}

	@Test
	void closeReasonsMapToWebSocketCloseStatuses() {
		assertThat(WebSocketJsonRpcConnection.closeStatus(JsonRpcCloseReason.NORMAL)).isEqualTo(CloseStatus.NORMAL);
		assertThat(WebSocketJsonRpcConnection.closeStatus(JsonRpcCloseReason.SHUTDOWN))
			.isEqualTo(CloseStatus.GOING_AWAY);
		assertThat(WebSocketJsonRpcConnection.closeStatus(JsonRpcCloseReason.IDLE).getCode()).isEqualTo(1001);
		assertThat(WebSocketJsonRpcConnection.closeStatus(JsonRpcCloseReason.TOO_BIG).getCode()).isEqualTo(1009);
		assertThat(WebSocketJsonRpcConnection.closeStatus(JsonRpcCloseReason.SLOW_CONSUMER).getCode()).isEqualTo(1008);
		assertThat(WebSocketJsonRpcConnection.closeStatus(JsonRpcCloseReason.OVERLOADED).getCode()).isEqualTo(1013);
		assertThat(WebSocketJsonRpcConnection.closeStatus(JsonRpcCloseReason.UNSUPPORTED_DATA))
			.isEqualTo(new CloseStatus(1003, "Binary messages not supported"));
	}

	@Test
	void describesItselfToItsCalls() {
		given(this.connection.getUri()).willReturn(java.net.URI.create("ws://localhost/jsonrpc"));
		assertThat(this.session.transport()).isEqualTo(JsonRpcTransportContext.Transport.WEBSOCKET);
		JsonRpcTransportContext.Builder context = JsonRpcTransportContext
			.builder(JsonRpcTransportContext.Transport.WEBSOCKET);
		this.session.describe(context);
		JsonRpcTransportContext built = context.build();
		assertThat(built.uri()).hasToString("ws://localhost/jsonrpc");
		assertThat(built.nativeRequest(WebSocketSession.class)).isSameAs(this.connection);
	}

	@Test
	void answerOfTheClientCompletesTheCallOfTheServerAndIsNeverAnswered() throws Exception {
		List<String> sent = new ArrayList<>();
		willAnswer((invocation) -> sent.add(invocation.<TextMessage>getArgument(0).getPayload())).given(this.connection)
			.sendMessage(any());
		CompletableFuture<String> call = this.session.call("confirm", List.of("Deploy?"), String.class);
		assertThat(sent)
			.containsExactly("{\"jsonrpc\":\"2.0\",\"method\":\"confirm\",\"params\":[\"Deploy?\"],\"id\":\"srv-1\"}");
		this.session
			.receive("{\"jsonrpc\":\"2.0\",\"result\":\"yes\",\"id\":\"srv-1\"}".getBytes(StandardCharsets.UTF_8));
		assertThat(call.get(1, TimeUnit.SECONDS)).isEqualTo("yes");
		// an answer nobody waits for is dropped too, never answered with -32600
		this.session
			.receive("{\"jsonrpc\":\"2.0\",\"result\":\"late\",\"id\":\"srv-1\"}".getBytes(StandardCharsets.UTF_8));
		assertThat(sent).hasSize(1);
		assertThat(this.session.inFlight()).isZero();
		assertThat(this.session.pendingServerRequests()).isZero();
	}

	@Test
	void closingRunsCallbacksOnceAndClosesTheWebSocket() throws Exception {
		AtomicInteger closed = new AtomicInteger();
		this.session.onClose(closed::incrementAndGet);
		this.session.close();
		this.session.close(JsonRpcCloseReason.SLOW_CONSUMER);
		this.session.transportClosed();
		assertThat(closed).hasValue(1);
		assertThat(this.session.isOpen()).isFalse();
		then(this.connection).should().close(CloseStatus.NORMAL);
		this.session.onClose(closed::incrementAndGet);
		assertThat(closed).hasValue(2);
		assertThat(this.session.notify("late", null)).isFalse();
	}

	@Test
	void aSubscriberThatOnlyReadsIsNotIdleButASilentOneIs() throws Exception {
		long idle = java.time.Duration.ofSeconds(90).toNanos();
		long created = System.nanoTime();
		WebSocketJsonRpcConnection session = new WebSocketJsonRpcConnection(this.connection, handler,
				JsonRpcConnectionSettings.DEFAULTS.withKeepAlive(java.time.Duration.ofSeconds(30),
						java.time.Duration.ofNanos(idle)),
				Runnable::run);
		// nothing is ever received; a notification is written a little later (blocking
		// sends complete inline here)
		org.awaitility.Awaitility.await()
			.pollDelay(java.time.Duration.ofMillis(60))
			.until(() -> System.nanoTime() - created > 50_000_000L);
		assertThat(session.notify("tick", 1)).isTrue();
		long written = System.nanoTime();
		// silent for longer than the idle timeout, but it took what was written
		session.checkAlive(created + idle + 25_000_000L);
		assertThat(session.isOpen()).isTrue();
		session.checkAlive(written + idle + 1);
		assertThat(session.isOpen()).isFalse();
		then(this.connection).should().close(JsonRpcWebSocketHandler.IDLE);
	}

	@Test
	void loginReplacesAndLogoutClearsTheHandshakePrincipal() {
		java.security.Principal alice = () -> "alice";
		java.security.Principal bob = () -> "bob";
		given(this.connection.getPrincipal()).willReturn(alice);
		WebSocketJsonRpcConnection session = connection(this.connection, 100);
		assertThat(session.principal()).isSameAs(alice);
		session.login(bob);
		assertThat(session.principal()).isSameAs(bob);
		session.logout();
		assertThat(session.principal()).isNull();
		session.login(alice);
		assertThat(session.principal()).isSameAs(alice);
	}

	@Test
	void assemblyBufferIsReleasedOnceALargeMessageIsWhole() {
		String part = "x".repeat(512 * 1024);
		assertThat(this.session.isAssembling()).isFalse();
		assertThat(this.session.assemble(part, false)).isNull();
		assertThat(this.session.isAssembling()).isTrue();
		byte[] message = this.session.assemble(part, true);
		assertThat(message).hasSize(1024 * 1024);
		assertThat(this.session.isAssembling()).isFalse();
	}

	@Test
	void unfragmentedMessageNeedsNoAssemblyBuffer() {
		assertThat(this.small.assemble("{}", true)).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
		assertThat(this.small.isAssembling()).isFalse();
	}

	@Test
	void assemblyBufferIsReleasedOnOverflow() throws Exception {
		assertThat(this.small.assemble("123456", false)).isNull();
		assertThat(this.small.assemble("123456", false)).isNull();
		assertThat(this.small.isAssembling()).isFalse();
		then(this.connection).should().close(CloseStatus.TOO_BIG_TO_PROCESS);
	}

	@Test
	void connectionClosedByAnOversizedMessageAssemblesNothingMore() {
		// the assembler itself carries no leftovers: WebSocketMessageAssemblerTests
		assertThat(this.small.assemble("123456", false)).isNull();
		assertThat(this.small.assemble("123456", true)).isNull();
		assertThat(this.small.isOpen()).isFalse();
		assertThat(this.small.assemble("{}", true)).isNull();
		assertThat(this.small.isAssembling()).isFalse();
	}

	@Test
	void endingAStreamKeepsTheCancellerOfALaterCallWithTheSameId() {
		JsonRpcStreamSink earlierSink = this.session.streamSink();
		JsonRpcExchange earlier = exchange(1);
		AtomicInteger earlierCancelled = new AtomicInteger();
		earlierSink.open(earlier, earlierCancelled::incrementAndGet);
		JsonRpcStreamSink laterSink = this.session.streamSink();
		JsonRpcExchange later = exchange(1);
		AtomicInteger laterCancelled = new AtomicInteger();
		laterSink.open(later, laterCancelled::incrementAndGet);
		earlierSink.close(earlier);
		assertThat(this.session.cancel(JsonRpcId.of(1))).isTrue();
		assertThat(laterCancelled).hasValue(1);
		assertThat(earlierCancelled).hasValue(0);
	}

	@Test
	void endingAStreamRemovesItsCanceller() {
		JsonRpcStreamSink sink = this.session.streamSink();
		JsonRpcExchange exchange = exchange(2);
		AtomicInteger cancelled = new AtomicInteger();
		sink.open(exchange, cancelled::incrementAndGet);
		sink.close(exchange);
		assertThat(this.session.cancel(JsonRpcId.of(2))).isFalse();
		assertThat(cancelled).hasValue(0);
	}

	private static JsonRpcExchange exchange(long id) {
		return JsonRpcExchange.of(JsonRpcRequest.call(JsonRpcId.of(id), "stream", null),
				JsonRpcTransportContext.inProcess());
	}

	private static WebSocketSession connection() {
		WebSocketSession session = mock(WebSocketSession.class);
		given(session.getId()).willReturn("s1");
		given(session.isOpen()).willReturn(true);
		given(session.getAttributes()).willReturn(new HashMap<>());
		given(session.getHandshakeHeaders()).willReturn(new HttpHeaders());
		return session;
	}

}
