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

import java.util.concurrent.Executor;

import io.github.jsonrpc.server.http.JsonRpcHandshakeOrigins;
import io.netty.channel.EventLoop;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.reactive.handler.AbstractHandlerMapping;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;

/**
 * {@link org.springframework.web.reactive.HandlerMapping} of the JSON-RPC WebSocket
 * endpoint: matches WebSocket upgrade requests to its own path only, so that the HTTP
 * endpoint can share the path. A handshake whose {@code Origin} the
 * {@link JsonRpcHandshakeOrigins} refuse gets {@code 403} (the Servlet endpoint's rules:
 * allowed origins and patterns, then same origin, pinned to the allowed hosts when there
 * are some); the others go through a {@link WebSocketService} (message size limit), then
 * to the {@link JsonRpcWebSocketHandler}.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcWebSocketHandlerMapping extends AbstractHandlerMapping {

	/** Default order: before the functional routes of the HTTP endpoint ({@code -1}). */
	public static final int DEFAULT_ORDER = -10;

	private static final boolean reactorNettyPresent = ClassUtils.isPresent("reactor.netty.Connection",
			JsonRpcWebSocketHandlerMapping.class.getClassLoader());

	private final String path;

	private final WebHandler upgrade;

	private final WebHandler forbidden = JsonRpcWebSocketHandlerMapping::forbidden;

	private @Nullable JsonRpcHandshakeOrigins origins;

	/**
	 * Create a new instance.
	 * @param path the endpoint path, e.g. {@code /jsonrpc}
	 * @param handler the WebSocket handler
	 * @param webSocketService the service performing the handshake
	 */
	public JsonRpcWebSocketHandlerMapping(String path, JsonRpcWebSocketHandler handler,
			WebSocketService webSocketService) {
		Assert.hasText(path, "Path is required");
		Assert.isTrue(path.startsWith("/"), "Path must start with '/'");
		Assert.notNull(handler, "Handler is required");
		Assert.notNull(webSocketService, "WebSocketService is required");
		this.path = path;
		this.upgrade = (exchange) -> onEventLoop(exchange,
				Mono.defer(() -> webSocketService.handleRequest(exchange, handler)));
		setOrder(DEFAULT_ORDER);
	}

	/**
	 * Set the origin rules of handshakes; without them, any {@code Origin} is accepted.
	 * @param origins the rules
	 */
	public void setHandshakeOrigins(JsonRpcHandshakeOrigins origins) {
		Assert.notNull(origins, "Origins are required");
		this.origins = origins;
	}

	/**
	 * Return the endpoint path.
	 * @return the path
	 */
	public String getPath() {
		return this.path;
	}

	/**
	 * Upgrade on the connection's event loop. Reactor Netty binds the WebSocket to the
	 * connection in a listener it adds after writing the handshake response: when the
	 * upgrade runs on another thread (a filter before it moved the exchange, e.g. a
	 * password check or a session lookup on a Reactor scheduler), the client's first
	 * message can be read before that binding and is dropped by the finished HTTP
	 * exchange, never answered. {@link JsonRpcEventLoopUpgradeStrategy} does the same for
	 * the upgrade itself.
	 */
	static Mono<Void> onEventLoop(ServerWebExchange exchange, Mono<Void> upgrade) {
		Executor eventLoop = reactorNettyPresent ? ReactorNettyEventLoops.elsewhere(exchange) : null;
		return (eventLoop != null) ? upgrade.subscribeOn(Schedulers.fromExecutor(eventLoop)) : upgrade;
	}

	@Override
	protected Mono<?> getHandlerInternal(ServerWebExchange exchange) {
		if (!this.path.equals(exchange.getRequest().getPath().pathWithinApplication().value())) {
			return Mono.empty();
		}
		String upgrade = exchange.getRequest().getHeaders().getUpgrade();
		// only upgrade requests: a POST to the same path is the HTTP endpoint's
		if (!"websocket".equalsIgnoreCase(upgrade)) {
			return Mono.empty();
		}
		JsonRpcHandshakeOrigins origins = this.origins;
		if (origins != null && !origins.isAllowed(exchange.getRequest().getHeaders().getOrigin(),
				() -> !CorsUtils.isCorsRequest(exchange.getRequest()))) {
			return Mono.just(this.forbidden);
		}
		return Mono.just(this.upgrade);
	}

	private static Mono<Void> forbidden(ServerWebExchange exchange) {
		// Cross-Site WebSocket Hijacking: refused before the upgrade, no body
		exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
		return exchange.getResponse().setComplete();
	}

	/**
	 * Reactor Netty's types, in their own class so that other servers never load them.
	 */
	private static final class ReactorNettyEventLoops {

		/**
		 * Return the event loop of the exchange's connection, unless the caller runs on
		 * it already or the request has no native request.
		 */
		static @Nullable Executor elsewhere(ServerWebExchange exchange) {
			Object request;
			try {
				request = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
			}
			catch (IllegalArgumentException | IllegalStateException ex) {
				// a request without a native one (e.g. a mock, or a request of its own
				// type): no event loop to move to
				return null;
			}
			if (request instanceof Connection connection) {
				EventLoop eventLoop = connection.channel().eventLoop();
				return eventLoop.inEventLoop() ? null : eventLoop;
			}
			return null;
		}

	}

}
