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

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.JsonRpcSessionRegistry;
import io.github.jsonrpc.server.http.JsonRpcHandshakeOrigins;
import io.netty.channel.Channel;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.AbstractServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;
import org.springframework.web.reactive.socket.server.WebSocketService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

/**
 * Tests for {@link JsonRpcWebSocketHandlerMapping}: which requests it upgrades, which it
 * refuses, and on which thread the upgrade runs.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcWebSocketHandlerMappingTests {

	private final JsonRpcWebSocketHandler handler = new JsonRpcWebSocketHandler(JsonRpcHandler
		.builder((exchange) -> CompletableFuture.completedFuture(JsonRpcResponse.success(exchange.id(), "ok")),
				JsonRpcMessageCodec.create(JsonMapper.builder().build()))
		.build(), new JsonRpcSessionRegistry(), Runnable::run);

	private final WebSocketService service = mock(WebSocketService.class);

	private final JsonRpcWebSocketHandlerMapping mapping = new JsonRpcWebSocketHandlerMapping("/jsonrpc", this.handler,
			this.service);

	@Test
	void constructorChecksItsArguments() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new JsonRpcWebSocketHandlerMapping("", this.handler, this.service))
			.withMessage("Path is required");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new JsonRpcWebSocketHandlerMapping("jsonrpc", this.handler, this.service))
			.withMessage("Path must start with '/'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new JsonRpcWebSocketHandlerMapping("/jsonrpc", null, this.service))
			.withMessage("Handler is required");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new JsonRpcWebSocketHandlerMapping("/jsonrpc", this.handler, null))
			.withMessage("WebSocketService is required");
		assertThatIllegalArgumentException().isThrownBy(() -> this.mapping.setHandshakeOrigins(null))
			.withMessage("Origins are required");
	}

	@Test
	void pathAndOrderAreExposed() {
		assertThat(this.mapping.getPath()).isEqualTo("/jsonrpc");
		assertThat(this.mapping.getOrder()).isEqualTo(JsonRpcWebSocketHandlerMapping.DEFAULT_ORDER);
	}

	@Test
	void otherPathIsNotMapped() {
		assertThat(this.mapping.getHandlerInternal(upgrade("/other", null)).blockOptional(TestWaits.SHORT)).isEmpty();
	}

	@Test
	void requestWithoutUpgradeIsLeftToTheHttpEndpoint() {
		MockServerWebExchange post = MockServerWebExchange.from(MockServerHttpRequest.post("/jsonrpc"));
		assertThat(this.mapping.getHandlerInternal(post).blockOptional(TestWaits.SHORT)).isEmpty();
		MockServerWebExchange h2c = MockServerWebExchange
			.from(MockServerHttpRequest.get("/jsonrpc").header(HttpHeaders.UPGRADE, "h2c"));
		assertThat(this.mapping.getHandlerInternal(h2c).blockOptional(TestWaits.SHORT)).isEmpty();
	}

	@Test
	void upgradeRequestIsHandedToTheWebSocketService() {
		given(this.service.handleRequest(any(), any())).willReturn(Mono.empty());
		MockServerWebExchange exchange = upgrade("/jsonrpc", null);
		WebHandler upgrade = handlerFor(exchange);
		then(this.service).should(never()).handleRequest(any(), any());
		upgrade.handle(exchange).block(TestWaits.SHORT);
		then(this.service).should().handleRequest(exchange, this.handler);
		assertThat(exchange.getResponse().getStatusCode()).isNull();
	}

	@Test
	void upgradeAnyOriginWithoutRules() {
		assertThat(handlerFor(upgrade("/jsonrpc", "https://evil.example.com")))
			.isSameAs(handlerFor(upgrade("/jsonrpc", null)));
	}

	@Test
	void originTheRulesRefuseIsForbiddenBeforeTheUpgrade() {
		this.mapping
			.setHandshakeOrigins(new JsonRpcHandshakeOrigins(List.of("https://app.example.com"), List.of(), List.of()));
		WebHandler allowed = handlerFor(upgrade("/jsonrpc", "https://app.example.com"));
		MockServerWebExchange refused = upgrade("/jsonrpc", "https://evil.example.com");
		WebHandler forbidden = handlerFor(refused);
		assertThat(forbidden).isNotSameAs(allowed);
		forbidden.handle(refused).block(TestWaits.SHORT);
		assertThat(refused.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(refused.getResponse().isCommitted()).isTrue();
		then(this.service).should(never()).handleRequest(any(), any());
		assertThat(handlerFor(upgrade("/jsonrpc", null))).isSameAs(allowed);
	}

	@Test
	void withoutAllowedHostsSameOriginAsTheHostIsAccepted() {
		this.mapping.setHandshakeOrigins(new JsonRpcHandshakeOrigins(List.of(), List.of(), List.of()));
		WebHandler upgrade = handlerFor(upgrade("/jsonrpc", null));
		assertThat(handlerFor(upgrade("/jsonrpc", "http://example.com"))).isSameAs(upgrade);
		assertThat(handlerFor(upgrade("/jsonrpc", "http://other.example.com"))).isNotSameAs(upgrade);
	}

	@Test
	void upgradeMovesToTheEventLoopOfTheConnection() {
		AtomicReference<Thread> upgradedOn = new AtomicReference<>();
		given(this.service.handleRequest(any(), any())).willAnswer((invocation) -> {
			upgradedOn.set(Thread.currentThread());
			return Mono.empty();
		});
		EventLoop eventLoop = new DefaultEventLoop();
		try {
			ServerWebExchange exchange = nettyExchange(eventLoop);
			handlerFor(upgrade("/jsonrpc", null)).handle(exchange).block(TestWaits.SHORT);
			assertThat(upgradedOn.get()).isNotSameAs(Thread.currentThread());
			assertThat(eventLoop.inEventLoop(upgradedOn.get())).isTrue();
		}
		finally {
			eventLoop.shutdownGracefully(0, 0, TimeUnit.SECONDS);
		}
	}

	@Test
	void upgradeOnTheEventLoopStaysThere() {
		AtomicReference<Thread> upgradedOn = new AtomicReference<>();
		given(this.service.handleRequest(any(), any())).willAnswer((invocation) -> {
			upgradedOn.set(Thread.currentThread());
			return Mono.empty();
		});
		EventLoop eventLoop = mock(EventLoop.class);
		given(eventLoop.inEventLoop()).willReturn(true);
		ServerWebExchange exchange = nettyExchange(eventLoop);
		handlerFor(upgrade("/jsonrpc", null)).handle(exchange).block(TestWaits.SHORT);
		assertThat(upgradedOn.get()).isSameAs(Thread.currentThread());
		then(eventLoop).should(never()).execute(any(Runnable.class));
	}

	private WebHandler handlerFor(ServerWebExchange exchange) {
		Object handler = this.mapping.getHandlerInternal(exchange).block(TestWaits.SHORT);
		assertThat(handler).isInstanceOf(WebHandler.class);
		return (WebHandler) handler;
	}

	private static MockServerWebExchange upgrade(String path, String origin) {
		MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("http://example.com" + path)
			.header(HttpHeaders.UPGRADE, "WebSocket");
		if (origin != null) {
			request.header(HttpHeaders.ORIGIN, origin);
		}
		return MockServerWebExchange.from(request);
	}

	private static ServerWebExchange nettyExchange(EventLoop eventLoop) {
		Channel channel = mock(Channel.class);
		given(channel.eventLoop()).willReturn(eventLoop);
		Connection connection = mock(Connection.class);
		given(connection.channel()).willReturn(channel);
		AbstractServerHttpRequest request = mock(AbstractServerHttpRequest.class);
		given(request.getNativeRequest()).willReturn(connection);
		ServerWebExchange exchange = mock(ServerWebExchange.class);
		given(exchange.getRequest()).willReturn(request);
		return exchange;
	}

}
