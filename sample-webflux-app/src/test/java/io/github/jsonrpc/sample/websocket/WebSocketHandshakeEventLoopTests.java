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
package io.github.jsonrpc.sample.websocket;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.jsonrpc.sample.security.SampleCredentials;
import io.github.jsonrpc.server.webflux.JsonRpcEventLoopUpgradeStrategy;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WebFlux WebSocket handshake runs on the connection's event loop, also when the
 * filter chain left it (HTTP Basic checks the password on a Reactor scheduler): Reactor
 * Netty binds the WebSocket to the connection in a listener added after the handshake
 * response is written, so an upgrade on another thread could let the client's first
 * message reach the finished HTTP exchange, which drops it unanswered. The
 * {@link JsonRpcEventLoopUpgradeStrategy} moves the upgrade itself back when the
 * {@code WebSocketService} left the event loop before it.
 *
 * @author JSON-RPC for Spring Boot team
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
@Import(WebSocketHandshakeEventLoopTests.RecordingWebSocketService.class)
class WebSocketHandshakeEventLoopTests {

	@LocalServerPort
	private int port;

	@Test
	void handshakeRunsOnTheEventLoopAndTheFirstMessageIsAnswered() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		RecordingWebSocketService.onEventLoop.clear();
		RecordingWebSocketService.upgradeOnEventLoop.clear();
		for (int i = 0; i < 50; i++) {
			// anonymous and HTTP Basic handshakes, the first message sent at once
			String user = (i % 2 == 0) ? null : "alice";
			CompletableFuture<String> reply = new CompletableFuture<>();
			WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
			if (user != null) {
				builder.header("Authorization", SampleCredentials.basic(user));
			}
			WebSocket webSocket = builder
				.buildAsync(URI.create("ws://127.0.0.1:" + this.port + "/jsonrpc"), new FirstReply(reply))
				.get(5, TimeUnit.SECONDS);
			try {
				webSocket.sendText(
						"{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[" + i + ",1],\"id\":" + i + "}",
						true);
				assertThat(reply.get(5, TimeUnit.SECONDS)).as("connection %d (%s)", i, user)
					.contains("\"result\":" + (i - 1));
			}
			finally {
				webSocket.abort();
			}
		}
		assertThat(RecordingWebSocketService.onEventLoop).hasSize(50).containsOnly(true);
		assertThat(RecordingWebSocketService.upgradeOnEventLoop).hasSize(50).containsOnly(true);
	}

	/**
	 * The application's WebSocket service, recording whether each handshake starts on its
	 * connection's event loop, then leaving it (as a session lookup on a Reactor
	 * scheduler would) before the upgrade, which must be moved back.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class RecordingWebSocketService {

		static final List<Boolean> onEventLoop = new CopyOnWriteArrayList<>();

		static final List<Boolean> upgradeOnEventLoop = new CopyOnWriteArrayList<>();

		@Bean
		WebSocketService jsonRpcWebSocketService() {
			ReactorNettyRequestUpgradeStrategy netty = new ReactorNettyRequestUpgradeStrategy();
			HandshakeWebSocketService delegate = new HandshakeWebSocketService(
					new JsonRpcEventLoopUpgradeStrategy((exchange, handler, subProtocol, handshakeInfo) -> {
						upgradeOnEventLoop.add(isOnEventLoop(exchange));
						return netty.upgrade(exchange, handler, subProtocol, handshakeInfo);
					}));
			return (exchange, handler) -> Mono.defer(() -> {
				onEventLoop.add(isOnEventLoop(exchange));
				return Mono.defer(() -> delegate.handleRequest(exchange, handler))
					.subscribeOn(Schedulers.boundedElastic());
			});
		}

		private static boolean isOnEventLoop(ServerWebExchange exchange) {
			Connection connection = (Connection) ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
			return connection.channel().eventLoop().inEventLoop();
		}

	}

	private record FirstReply(CompletableFuture<String> reply) implements WebSocket.Listener {

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.reply.complete(data.toString());
			return null;
		}

	}

}
