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
package io.github.jsonrpc.security;

import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

import io.github.jsonrpc.protocol.JsonRpcResponse;
import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.JsonRpcInterceptor;
import io.github.jsonrpc.server.JsonRpcPublisherContext;
import io.github.jsonrpc.server.JsonRpcSession;
import io.github.jsonrpc.server.JsonRpcTransportContext.Transport;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * {@link JsonRpcInterceptor} that makes the caller's {@link SecurityContext} current
 * while a call runs, so that method security sees the same authentication whatever the
 * transport.
 *
 * <ul>
 * <li>HTTP: the filter chain already set the context on the request thread; it is kept
 * when it is the request's principal. When a call runs on another thread (e.g. parallel
 * batches), the request's principal (or an anonymous authentication) is used instead, so
 * a stale context left on a pooled thread is never trusted.</li>
 * <li>Connections with a session (WebSocket, ...): the session's
 * {@link JsonRpcSession#principal() principal}, that is the one of its last
 * {@code rpc.login}, else the one of the authenticated handshake, else an anonymous
 * authentication.</li>
 * <li>In process: the caller's own context is left alone.</li>
 * </ul>
 *
 * <p>
 * The context is set before the rest of the chain and the previous one restored when its
 * synchronous part returns, so nothing leaks to the next call on a pooled thread. The
 * authentication is also recorded in the exchange's attributes under
 * {@link #AUTHENTICATION_ATTRIBUTE} for code that completes on another thread, and, when
 * Reactor is present, added to the call's
 * {@link JsonRpcExchange#publisherContext(JsonRpcPublisherContext) publisher context}
 * (after the entries an earlier interceptor set, which are kept): the {@code Mono}s and
 * {@code Flux}es a method returns find it through {@code ReactiveSecurityContextHolder}
 * (as {@code @EnableReactiveMethodSecurity} does), in a new {@link SecurityContext}
 * holding the authentication the call started with, so that a caller changing its own
 * context later does not change what they see.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class SecurityContextJsonRpcInterceptor implements JsonRpcInterceptor, Ordered {

	/** Name of the exchange attribute holding the authentication of the call. */
	public static final String AUTHENTICATION_ATTRIBUTE = SecurityContextJsonRpcInterceptor.class.getName()
			+ ".exchangeAuthentication";

	/** Default order: early, so that other interceptors see the security context. */
	public static final int DEFAULT_ORDER = Ordered.HIGHEST_PRECEDENCE + 1000;

	private SecurityContextHolderStrategy strategy = SecurityContextHolder.getContextHolderStrategy();

	private AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

	private int order = DEFAULT_ORDER;

	/**
	 * Set the strategy holding the security context.
	 * @param strategy the strategy, by default the global one
	 */
	public void setSecurityContextHolderStrategy(SecurityContextHolderStrategy strategy) {
		Assert.notNull(strategy, "SecurityContextHolderStrategy is required");
		this.strategy = strategy;
	}

	/**
	 * Set the trust resolver deciding whether an authentication is anonymous.
	 * @param trustResolver the trust resolver
	 */
	public void setTrustResolver(AuthenticationTrustResolver trustResolver) {
		Assert.notNull(trustResolver, "TrustResolver is required");
		this.trustResolver = trustResolver;
	}

	/**
	 * Set the order of this interceptor.
	 * @param order the order, {@link #DEFAULT_ORDER} by default
	 */
	public void setOrder(int order) {
		this.order = order;
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	@Override
	public CompletableFuture<JsonRpcResponse> intercept(JsonRpcExchange exchange, Chain chain) {
		Transport transport = exchange.context().transport();
		SecurityContext previous = this.strategy.getContext();
		Authentication current = previous.getAuthentication();
		if (transport == Transport.IN_PROCESS || (transport == Transport.HTTP && matchesRequest(current, exchange))) {
			if (current != null) {
				exchange.attributes().put(AUTHENTICATION_ATTRIBUTE, current);
				ReactiveSupport.set(exchange, current);
			}
			return chain.next(exchange);
		}
		// a session's principal is the one of its last rpc.login, else its transport's
		JsonRpcSession session = exchange.session();
		Authentication authentication = JsonRpcSecurity
			.toAuthentication((session != null) ? session.principal() : exchange.principal());
		if (authentication == null) {
			authentication = JsonRpcSecurity.anonymous();
		}
		exchange.attributes().put(AUTHENTICATION_ATTRIBUTE, authentication);
		SecurityContext context = this.strategy.createEmptyContext();
		context.setAuthentication(authentication);
		this.strategy.setContext(context);
		ReactiveSupport.set(exchange, authentication);
		try {
			return chain.next(exchange);
		}
		finally {
			restore(previous, current);
		}
	}

	/**
	 * Return whether the current authentication is the one of the HTTP request: on the
	 * request thread the filter chain's context is the request's principal; anything else
	 * (e.g. a stale context on a pooled thread) must not be trusted.
	 */
	private boolean matchesRequest(@Nullable Authentication current, JsonRpcExchange exchange) {
		if (current == null) {
			return false;
		}
		if (exchange.principal() == null) {
			return this.trustResolver.isAnonymous(current);
		}
		return current == exchange.principal();
	}

	/**
	 * Makes the call's authentication the one of {@code ReactiveSecurityContextHolder}
	 * for the publishers a method returns, when Reactor is present.
	 */
	private static final class ReactiveSupport {

		private static final boolean reactorPresent = ClassUtils.isPresent("reactor.core.publisher.Mono",
				SecurityContextJsonRpcInterceptor.class.getClassLoader());

		static void set(JsonRpcExchange exchange, Authentication authentication) {
			if (reactorPresent) {
				// keeps what an earlier interceptor set (MDC, tenant, ...): adds to it
				JsonRpcPublisherContext security = new ReactiveSecurityPublisherContext(authentication);
				JsonRpcPublisherContext earlier = exchange.publisherContext();
				exchange.publisherContext((earlier != null) ? earlier.andThen(security) : security);
			}
		}

	}

	/**
	 * The authentication a call started with, written for its publishers as a new
	 * {@link SecurityContext}: never the caller's live one, which it may change or clear
	 * while the publisher still runs. Built only when a method returns a publisher.
	 */
	private record ReactiveSecurityPublisherContext(Authentication authentication) implements JsonRpcPublisherContext {

		@Override
		public void writeTo(BiConsumer<Object, Object> context) {
			// the holder's own key, whatever it is
			ReactiveSecurityContextHolder.withSecurityContext(Mono.just(new SecurityContextImpl(this.authentication)))
				.forEach(context);
		}

	}

	private void restore(SecurityContext previous, @Nullable Authentication previousAuthentication) {
		if (previousAuthentication != null) {
			this.strategy.setContext(previous);
		}
		else {
			// a pooled thread had nothing: leave nothing behind, not even an empty
			// context
			this.strategy.clearContext();
		}
	}

}
