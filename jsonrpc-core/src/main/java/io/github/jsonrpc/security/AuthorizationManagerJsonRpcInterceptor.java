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

import io.github.jsonrpc.protocol.JsonRpcResponse;
import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.JsonRpcInterceptor;

import org.springframework.core.Ordered;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.util.Assert;

/**
 * {@link JsonRpcInterceptor} that authorizes every call with a Spring Security
 * {@link AuthorizationManager} before it reaches the method, e.g. a
 * {@link JsonRpcMethodAuthorizationManager} built from {@code jsonrpc.security.rules}. A
 * denied call fails with an {@link AuthorizationDeniedException}, which
 * {@link SecurityJsonRpcExceptionResolver} answers with {@code -32001} or {@code -32003}.
 * Must run after {@link SecurityContextJsonRpcInterceptor}.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class AuthorizationManagerJsonRpcInterceptor implements JsonRpcInterceptor, Ordered {

	/** Default order: right after {@link SecurityContextJsonRpcInterceptor}. */
	public static final int DEFAULT_ORDER = SecurityContextJsonRpcInterceptor.DEFAULT_ORDER + 100;

	private final AuthorizationManager<JsonRpcExchange> authorizationManager;

	private int order = DEFAULT_ORDER;

	/**
	 * Create a new instance.
	 * @param authorizationManager decides whether a call may proceed
	 */
	public AuthorizationManagerJsonRpcInterceptor(AuthorizationManager<JsonRpcExchange> authorizationManager) {
		Assert.notNull(authorizationManager, "AuthorizationManager is required");
		this.authorizationManager = authorizationManager;
	}

	/**
	 * Return the authorization manager.
	 * @return the manager
	 */
	public AuthorizationManager<JsonRpcExchange> getAuthorizationManager() {
		return this.authorizationManager;
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
		AuthorizationResult result = this.authorizationManager.authorize(() -> JsonRpcSecurity.authentication(exchange),
				exchange);
		if (!JsonRpcAuthorizationManagers.isGranted(result)) {
			// the message stays on the server: the resolver answers with a fixed one
			return CompletableFuture.failedFuture(new AuthorizationDeniedException("Access Denied", result));
		}
		return chain.next(exchange);
	}

}
