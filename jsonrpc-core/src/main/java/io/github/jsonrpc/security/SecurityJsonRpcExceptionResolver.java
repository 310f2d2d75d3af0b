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

import io.github.jsonrpc.protocol.JsonRpcError;
import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import io.github.jsonrpc.server.JsonRpcExceptionResolver;
import io.github.jsonrpc.server.JsonRpcExchange;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.util.Assert;

/**
 * {@link JsonRpcExceptionResolver} for Spring Security's denials. An
 * {@link AuthenticationException}, or an {@link AccessDeniedException} (including
 * {@code AuthorizationDeniedException}) for an anonymous caller, becomes
 * {@link JsonRpcErrorCodes#UNAUTHENTICATED -32001 Unauthenticated}; an
 * {@link AccessDeniedException} for an authenticated caller becomes
 * {@link JsonRpcErrorCodes#FORBIDDEN -32003 Forbidden}. Whether the caller is anonymous
 * is decided by an {@link AuthenticationTrustResolver}. Messages are fixed: nothing of
 * the rule, the exception or the principal reaches the client.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class SecurityJsonRpcExceptionResolver implements JsonRpcExceptionResolver {

	private static final JsonRpcError UNAUTHENTICATED = JsonRpcError.standard(JsonRpcErrorCodes.UNAUTHENTICATED);

	private static final JsonRpcError FORBIDDEN = JsonRpcError.standard(JsonRpcErrorCodes.FORBIDDEN);

	private final AuthenticationTrustResolver trustResolver;

	/**
	 * Create a new instance with Spring Security's default trust resolver.
	 */
	public SecurityJsonRpcExceptionResolver() {
		this(new AuthenticationTrustResolverImpl());
	}

	/**
	 * Create a new instance.
	 * @param trustResolver decides whether an authentication is anonymous
	 */
	public SecurityJsonRpcExceptionResolver(AuthenticationTrustResolver trustResolver) {
		Assert.notNull(trustResolver, "TrustResolver is required");
		this.trustResolver = trustResolver;
	}

	@Override
	public @Nullable JsonRpcError resolveException(JsonRpcExchange exchange, Throwable exception) {
		if (exception instanceof AuthenticationException) {
			return UNAUTHENTICATED;
		}
		if (exception instanceof AccessDeniedException) {
			Authentication authentication = JsonRpcSecurity.authentication(exchange);
			return isAuthenticated(authentication) ? FORBIDDEN : UNAUTHENTICATED;
		}
		return null;
	}

	private boolean isAuthenticated(@Nullable Authentication authentication) {
		return authentication != null && authentication.isAuthenticated()
				&& !this.trustResolver.isAnonymous(authentication);
	}

}
