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

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.server.RequestUpgradeStrategy;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@link RequestUpgradeStrategy} that runs another one's upgrade on the connection's
 * event loop (Reactor Netty), whatever thread asks for it. The
 * {@link JsonRpcWebSocketHandlerMapping} starts the handshake there already, but the
 * {@code WebSocketService} may leave it before the upgrade (e.g. a session lookup on a
 * Reactor scheduler); an upgrade on another thread can let the client's first message
 * reach the finished HTTP exchange, which drops it unanswered. On other servers, and when
 * already on the event loop, the upgrade runs as it is.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcEventLoopUpgradeStrategy implements RequestUpgradeStrategy {

	private final RequestUpgradeStrategy delegate;

	/**
	 * Create a new instance.
	 * @param delegate the strategy performing the upgrade
	 */
	public JsonRpcEventLoopUpgradeStrategy(RequestUpgradeStrategy delegate) {
		Assert.notNull(delegate, "Delegate is required");
		this.delegate = delegate;
	}

	/**
	 * Return the strategy performing the upgrade.
	 * @return the delegate
	 */
	public RequestUpgradeStrategy getDelegate() {
		return this.delegate;
	}

	@Override
	public Mono<Void> upgrade(ServerWebExchange exchange, WebSocketHandler handler, @Nullable String subProtocol,
			Supplier<HandshakeInfo> handshakeInfoFactory) {
		return JsonRpcWebSocketHandlerMapping.onEventLoop(exchange,
				Mono.defer(() -> this.delegate.upgrade(exchange, handler, subProtocol, handshakeInfoFactory)));
	}

}
