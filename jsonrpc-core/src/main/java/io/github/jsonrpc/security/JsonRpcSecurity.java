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

import java.security.Principal;
import java.util.List;

import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.JsonRpcSession;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Where the {@link Authentication} of a call comes from, shared by the types of this
 * package.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class JsonRpcSecurity {

	/** Key of anonymous authentications created for calls without a principal. */
	static final String ANONYMOUS_KEY = "jsonrpc-anonymous";

	private JsonRpcSecurity() {
	}

	/**
	 * Return the authentication of a call: the one the
	 * {@link SecurityContextJsonRpcInterceptor} recorded, else the current security
	 * context's, else the transport's principal.
	 * @param exchange the call
	 * @return the authentication, or {@code null} when none is known
	 */
	static @Nullable Authentication authentication(JsonRpcExchange exchange) {
		Object recorded = exchange.attributes().get(SecurityContextJsonRpcInterceptor.AUTHENTICATION_ATTRIBUTE);
		if (recorded instanceof Authentication authentication) {
			return authentication;
		}
		Authentication current = SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
		if (current != null) {
			return current;
		}
		return toAuthentication(exchange.principal());
	}

	/**
	 * Adapt a transport principal to an authentication.
	 * @param principal the principal, may be {@code null}
	 * @return the principal itself when it is an {@link Authentication}, an authenticated
	 * token without authorities for another principal, {@code null} for none
	 */
	static @Nullable Authentication toAuthentication(@Nullable Principal principal) {
		if (principal == null) {
			return null;
		}
		if (principal instanceof Authentication authentication) {
			return authentication;
		}
		return UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of());
	}

	/**
	 * Create the authentication of an anonymous caller, like Spring Security's
	 * {@code AnonymousAuthenticationFilter} does for HTTP requests.
	 * @return a new anonymous authentication
	 */
	static Authentication anonymous() {
		return new AnonymousAuthenticationToken(ANONYMOUS_KEY, "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
	}

}
