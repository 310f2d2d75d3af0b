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

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.server.RequestUpgradeStrategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link JsonRpcEventLoopUpgradeStrategy}.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcEventLoopUpgradeStrategyTests {

	@Test
	void requiresADelegate() {
		assertThatIllegalArgumentException().isThrownBy(() -> new JsonRpcEventLoopUpgradeStrategy(null))
			.withMessage("Delegate is required");
	}

	@Test
	void upgradesWithTheDelegateOnSubscription() {
		RequestUpgradeStrategy delegate = mock(RequestUpgradeStrategy.class);
		WebSocketHandler handler = mock(WebSocketHandler.class);
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/ws"));
		AtomicReference<Object> upgraded = new AtomicReference<>();
		given(delegate.upgrade(eq(exchange), eq(handler), eq("p"), any()))
			.willReturn(Mono.fromRunnable(() -> upgraded.set(exchange)));
		JsonRpcEventLoopUpgradeStrategy strategy = new JsonRpcEventLoopUpgradeStrategy(delegate);
		assertThat(strategy.getDelegate()).isSameAs(delegate);
		Mono<Void> upgrade = strategy.upgrade(exchange, handler, "p", () -> null);
		assertThat(upgrade).isNotNull();
		assertThat(upgraded.get()).isNull();
		StepVerifier.create(upgrade).verifyComplete();
		assertThat(upgraded.get()).isSameAs(exchange);
	}

}
