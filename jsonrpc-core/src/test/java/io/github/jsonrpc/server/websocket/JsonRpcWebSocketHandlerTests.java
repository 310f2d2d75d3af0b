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

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

import io.github.jsonrpc.protocol.JsonRpcInbound;
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.protocol.JsonRpcReply;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.JsonRpcSessionRegistry;
import io.github.jsonrpc.server.JsonRpcTransportContext;
import io.github.jsonrpc.server.connection.JsonRpcConnection;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.http.HttpHeaders;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;

/**
 * Tests for {@link JsonRpcWebSocketHandler} with a mocked connection.
 */
class JsonRpcWebSocketHandlerTests {

	private final JsonRpcMessageCodec codec = OkRpc.CODEC;

	private final List<Runnable> queued = new ArrayList<>();

	private final JsonRpcSessionRegistry sessions = new JsonRpcSessionRegistry();

	private final JsonRpcHandler rpc = OkRpc.handler();

	@Test
	void callsBeyondTheInFlightLimitAreRefusedAtOnce() throws Exception {
		JsonRpcWebSocketHandler handler = new JsonRpcWebSocketHandler(this.rpc, this.sessions, this.queued::add);
		handler.setMaxInFlight(2);
		WebSocketSession connection = connection("c1");
		handler.afterConnectionEstablished(connection);
		for (int i = 1; i <= 3; i++) {
			handler.handleMessage(connection,
					new TextMessage("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"id\":" + i + "}"));
		}
		assertThat(this.queued).hasSize(2);
		assertThat(sent(connection)).singleElement().asString().contains("-32005").contains("\"id\":3");
		this.queued.forEach(Runnable::run);
		assertThat(sent(connection)).hasSize(3);
	}

	@Test
	void closingUnregistersTheSession() throws Exception {
		JsonRpcWebSocketHandler handler = new JsonRpcWebSocketHandler(this.rpc, this.sessions, Runnable::run);
		WebSocketSession connection = connection("c2");
		handler.afterConnectionEstablished(connection);
		assertThat(this.sessions.session("c2")).isNotNull();
		handler.afterConnectionClosed(connection, CloseStatus.NORMAL);
		assertThat(this.sessions.size()).isZero();
		assertThat(handler.sessions()).isEmpty();
	}

	@Test
	void idleConnectionIsClosedWith1001() throws Exception {
		JsonRpcWebSocketHandler handler = new JsonRpcWebSocketHandler(this.rpc, this.sessions, Runnable::run);
		handler.setKeepAlive(Duration.ofMillis(20), Duration.ofMillis(1));
		WebSocketSession connection = connection("c3");
		handler.afterConnectionEstablished(connection);
		handler.start();
		try {
			then(connection).should(timeout(5000)).close(JsonRpcWebSocketHandler.IDLE);
			assertThat(this.sessions.session("c3")).isNull();
		}
		finally {
			handler.stop();
		}
	}

	@Test
	void oversizedMessageClosesWith1009() throws Exception {
		JsonRpcWebSocketHandler handler = new JsonRpcWebSocketHandler(this.rpc, this.sessions, Runnable::run);
		handler.setMaxMessageSize(10);
		WebSocketSession connection = connection("c4");
		handler.afterConnectionEstablished(connection);
		handler.handleMessage(connection, new TextMessage("{\"jsonrpc\":", false));
		handler.handleMessage(connection, new TextMessage("\"2.0\"}", true));
		then(connection).should().close(CloseStatus.TOO_BIG_TO_PROCESS);
	}

	@Test
	void fragmentsUnderTheLimitThatAddUpOverItCloseWith1009() throws Exception {
		JsonRpcWebSocketHandler handler = new JsonRpcWebSocketHandler(this.rpc, this.sessions, Runnable::run);
		handler.setMaxMessageSize(10);
		WebSocketSession connection = connection("c5");
		handler.afterConnectionEstablished(connection);
		handler.handleMessage(connection, new TextMessage("123456", false));
		then(connection).should(never()).close(any());
		handler.handleMessage(connection, new TextMessage("123456", true));
		then(connection).should().close(CloseStatus.TOO_BIG_TO_PROCESS);
		then(connection).should(never()).sendMessage(any());
	}

	@Test
	void fragmentsWithinTheLimitAreAssembledAndAnswered() throws Exception {
		JsonRpcWebSocketHandler handler = new JsonRpcWebSocketHandler(this.rpc, this.sessions, Runnable::run);
		handler.setMaxMessageSize(64);
		WebSocketSession connection = connection("c6");
		handler.afterConnectionEstablished(connection);
		handler.handleMessage(connection, new TextMessage("{\"jsonrpc\":\"2.0\",", false));
		handler.handleMessage(connection, new TextMessage("\"method\":\"m\",\"id\":7}", true));
		handler.handleMessage(connection, new TextMessage("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"id\":8}", true));
		then(connection).should(never()).close(any());
		assertThat(sent(connection)).satisfiesExactly((first) -> assertThat(first).contains("\"id\":7"),
				(second) -> assertThat(second).contains("\"id\":8"));
	}

	@Test
	void binaryMessageClosesWith1003AndNothingReceivedAfterItRuns() throws Exception {
		JsonRpcWebSocketHandler handler = new JsonRpcWebSocketHandler(this.rpc, this.sessions, Runnable::run);
		WebSocketSession connection = connection("c8");
		handler.afterConnectionEstablished(connection);
		handler.handleMessage(connection, new BinaryMessage(new byte[] { 1, 2 }));
		// the status and reason of Spring's TextWebSocketHandler, the same as over
		// WebFlux
		then(connection).should().close(new CloseStatus(1003, "Binary messages not supported"));
		// the container may still deliver a message read before the close: not run
		handler.handleMessage(connection, new TextMessage("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"id\":9}"));
		then(connection).should(never()).sendMessage(any());
		assertThat(handler.sessions()).isEmpty();
	}

	@Test
	void callsOfAMessageWhoseHandlingFailsAreAnsweredWithInternalError() throws Exception {
		JsonRpcHandler failing = handler(
				(inbound, context) -> CompletableFuture.failedFuture(new IllegalStateException("boom")));
		JsonRpcWebSocketHandler handler = new JsonRpcWebSocketHandler(failing, this.sessions, Runnable::run);
		WebSocketSession connection = connection("c7");
		handler.afterConnectionEstablished(connection);
		handler.handleMessage(connection, new TextMessage("[{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"id\":1},"
				+ "{\"jsonrpc\":\"2.0\",\"method\":\"n\"},{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"id\":\"two\"}]"));
		assertThat(sent(connection)).singleElement()
			.asString()
			.isEqualTo("[{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32603,\"message\":\"Internal error\"},\"id\":1},"
					+ "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32603,\"message\":\"Internal error\"},\"id\":\"two\"}]");
		assertThat(handler.sessions()).singleElement().satisfies((session) -> {
			assertThat(session.isOpen()).isTrue();
			assertThat(((JsonRpcConnection) session).inFlight()).isZero();
		});
	}

	@Test
	void callWhoseHandlerThrowsIsAnsweredWithInternalError() throws Exception {
		JsonRpcHandler throwing = handler((inbound, context) -> {
			throw new IllegalStateException("boom");
		});
		JsonRpcWebSocketHandler handler = new JsonRpcWebSocketHandler(throwing, this.sessions, Runnable::run);
		WebSocketSession connection = connection("c8");
		handler.afterConnectionEstablished(connection);
		handler.handleMessage(connection, new TextMessage("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"id\":5}"));
		handler.handleMessage(connection, new TextMessage("{\"jsonrpc\":\"2.0\",\"method\":\"n\"}"));
		assertThat(sent(connection)).singleElement()
			.asString()
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32603,\"message\":\"Internal error\"},\"id\":5}");
	}

	@Test
	void aJvmErrorInACallClosesTheConnectionInsteadOfLeakingTheCall() throws Exception {
		JsonRpcHandler fatal = handler((inbound, context) -> {
			throw new StackOverflowError("deep");
		});
		JsonRpcWebSocketHandler handler = new JsonRpcWebSocketHandler(fatal, this.sessions, Runnable::run);
		WebSocketSession connection = connection("c9");
		handler.afterConnectionEstablished(connection);
		JsonRpcConnection session = (JsonRpcConnection) this.sessions.session("c9");
		try {
			handler.handleMessage(connection, new TextMessage("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"id\":5}"));
		}
		catch (StackOverflowError expected) {
			// the executor (here the caller) sees the JVM error
		}
		assertThat(session.inFlight()).isZero();
		assertThat(session.isOpen()).isFalse();
		then(connection).should(never()).sendMessage(any());
		then(connection).should().close(CloseStatus.SERVICE_OVERLOAD);
		assertThat(this.sessions.session("c9")).isNull();
	}

	private JsonRpcHandler handler(
			BiFunction<JsonRpcInbound, JsonRpcTransportContext, CompletableFuture<JsonRpcReply>> handle) {
		JsonRpcMessageCodec codec = this.codec;
		return new JsonRpcHandler() {

			@Override
			public CompletableFuture<JsonRpcReply> handle(JsonRpcInbound inbound, JsonRpcTransportContext context) {
				return handle.apply(inbound, context);
			}

			@Override
			public JsonRpcMessageCodec codec() {
				return codec;
			}

		};
	}

	private static WebSocketSession connection(String id) throws Exception {
		WebSocketSession session = mock(WebSocketSession.class);
		given(session.getId()).willReturn(id);
		given(session.isOpen()).willReturn(true);
		given(session.getAttributes()).willReturn(new HashMap<>());
		given(session.getHandshakeHeaders()).willReturn(new HttpHeaders());
		return session;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static List<String> sent(WebSocketSession connection) throws Exception {
		ArgumentCaptor<WebSocketMessage> captor = ArgumentCaptor.forClass(WebSocketMessage.class);
		then(connection).should(atLeastOnce()).sendMessage(captor.capture());
		return captor.getAllValues().stream().map((message) -> String.valueOf(message.getPayload())).toList();
	}

}
