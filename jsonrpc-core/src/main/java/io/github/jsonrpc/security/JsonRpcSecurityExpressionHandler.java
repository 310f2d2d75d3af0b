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

import io.github.jsonrpc.server.JsonRpcExchange;

import org.springframework.security.access.expression.AbstractSecurityExpressionHandler;
import org.springframework.security.access.expression.SecurityExpressionOperations;
import org.springframework.security.access.expression.SecurityExpressionRoot;
import org.springframework.security.core.Authentication;

/**
 * Security expression handler for rules about JSON-RPC calls, such as those of
 * {@code jsonrpc.security.rules}. Expressions use Spring Security's usual root
 * ({@code isAuthenticated()}, {@code hasRole('ADMIN')}, {@code hasAuthority('x')}, bean
 * references such as {@code @policy.check(authentication, method)}) plus {@code method}
 * (the JSON-RPC method name) and {@code exchange}.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public class JsonRpcSecurityExpressionHandler extends AbstractSecurityExpressionHandler<JsonRpcExchange> {

	@Override
	protected SecurityExpressionOperations createSecurityExpressionRoot(Authentication authentication,
			JsonRpcExchange exchange) {
		JsonRpcSecurityExpressionRoot root = new JsonRpcSecurityExpressionRoot(authentication, exchange);
		root.setAuthorizationManagerFactory(getAuthorizationManagerFactory());
		root.setPermissionEvaluator(getPermissionEvaluator());
		return root;
	}

	/**
	 * Root object of JSON-RPC security expressions.
	 */
	public static class JsonRpcSecurityExpressionRoot extends SecurityExpressionRoot<JsonRpcExchange> {

		private final JsonRpcExchange exchange;

		JsonRpcSecurityExpressionRoot(Authentication authentication, JsonRpcExchange exchange) {
			super(() -> authentication, exchange);
			this.exchange = exchange;
		}

		/**
		 * Return the call being authorized.
		 * @return the exchange
		 */
		public JsonRpcExchange getExchange() {
			return this.exchange;
		}

		/**
		 * Return the JSON-RPC method name of the call.
		 * @return the method name
		 */
		public String getMethod() {
			return this.exchange.method();
		}

	}

}
