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
import java.util.HashMap;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.websocket.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.JsonRpcSessionRegistry;
import io.github.jsonrpc.server.connection.JsonRpcCloseReason;
import org.springframework.http.HttpHeaders;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.adapter.standard.StandardWebSocketHandlerAdapter;
import org.springframework.web.socket.adapter.standard.StandardWebSocketSession;

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

}
