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
import java.time.Duration;
import java.util.HashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.JsonRpcStreamSink;
import io.github.jsonrpc.server.JsonRpcTransportContext;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link WebSocketJsonRpcSession}.
 */
class WebSocketJsonRpcSessionTests {

	private final WebSocketSession connection = connection();

	private final WebSocketJsonRpcSession session = new WebSocketJsonRpcSession(this.connection,
			JsonMapper.builder().build(), 16, 1024 * 1024, Duration.ofSeconds(5), Runnable::run);

	@Test
	void assemblyBufferIsReleasedOnceALargeMessageIsWhole() {
		String part = "x".repeat(512 * 1024);
		assertThat(this.session.isAssembling()).isFalse();
		assertThat(this.session.assemble(part, false, 2 * 1024 * 1024)).isNull();
		assertThat(this.session.isAssembling()).isTrue();
		byte[] message = this.session.assemble(part, true, 2 * 1024 * 1024);
		assertThat(message).hasSize(1024 * 1024);
		assertThat(this.session.isAssembling()).isFalse();
	}

	@Test
	void unfragmentedMessageNeedsNoAssemblyBuffer() {
		assertThat(this.session.assemble("{}", true, 10)).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
		assertThat(this.session.isAssembling()).isFalse();
	}

	@Test
	void assemblyBufferIsReleasedOnOverflow() throws Exception {
		assertThat(this.session.assemble("123456", false, 10)).isNull();
		assertThat(this.session.assemble("123456", false, 10)).isNull();
		assertThat(this.session.isAssembling()).isFalse();
		then(this.connection).should().close(CloseStatus.TOO_BIG_TO_PROCESS);
	}

	@Test
	void messageAfterAnOversizedOneCarriesNoLeftovers() {
		assertThat(this.session.assemble("123456", false, 10)).isNull();
		assertThat(this.session.assemble("123456", true, 10)).isNull();
		assertThat(this.session.assemble("{}", true, 10)).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
		assertThat(this.session.assemble("{\"a\":", false, 10)).isNull();
		assertThat(this.session.assemble("1}", true, 10)).isEqualTo("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
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
