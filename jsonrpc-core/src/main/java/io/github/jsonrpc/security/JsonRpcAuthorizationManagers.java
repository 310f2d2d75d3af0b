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
import org.jspecify.annotations.Nullable;

import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.security.access.expression.ExpressionUtils;
import org.springframework.security.access.expression.SecurityExpressionHandler;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ExpressionAuthorizationDecision;
import org.springframework.security.authorization.SingleResultAuthorizationManager;
import org.springframework.util.Assert;

/**
 * Factory of Spring Security {@link AuthorizationManager}s for JSON-RPC calls from the
 * short rules written in configuration: a keyword ({@code permit-all}, {@code deny-all},
 * {@code authenticated}, {@code fully-authenticated}, {@code anonymous}) or a Spring
 * Security expression evaluated with a {@link JsonRpcSecurityExpressionHandler}.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcAuthorizationManagers {

	private JsonRpcAuthorizationManagers() {
	}

	/**
	 * Create the authorization manager of a rule.
	 * @param <T> the type of object authorized, e.g. {@link JsonRpcExchange}
	 * @param rule a keyword or an expression such as {@code hasRole('ADMIN')}
	 * @param expressionHandler the handler evaluating expressions
	 * @return the manager
	 * @throws IllegalArgumentException if the expression cannot be parsed
	 */
	public static <T> AuthorizationManager<T> of(String rule, SecurityExpressionHandler<T> expressionHandler) {
		Assert.hasText(rule, "Rule must not be empty");
		Assert.notNull(expressionHandler, "ExpressionHandler is required");
		String trimmed = rule.trim();
		return switch (trimmed) {
			case "permit-all", "permitAll" -> SingleResultAuthorizationManager.permitAll();
			case "deny-all", "denyAll" -> SingleResultAuthorizationManager.denyAll();
			case "authenticated" -> AuthenticatedAuthorizationManager.authenticated();
			case "fully-authenticated", "fullyAuthenticated" -> AuthenticatedAuthorizationManager.fullyAuthenticated();
			case "anonymous" -> AuthenticatedAuthorizationManager.anonymous();
			default -> expression(trimmed, expressionHandler);
		};
	}

	/**
	 * Create an authorization manager evaluating a Spring Security expression.
	 * @param <T> the type of object authorized
	 * @param expression the expression
	 * @param expressionHandler the handler evaluating it
	 * @return the manager
	 * @throws IllegalArgumentException if the expression cannot be parsed
	 */
	public static <T> AuthorizationManager<T> expression(String expression,
			SecurityExpressionHandler<T> expressionHandler) {
		Expression parsed;
		try {
			parsed = expressionHandler.getExpressionParser().parseExpression(expression);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("Invalid JSON-RPC security expression '" + expression + "'", ex);
		}
		return (authentication, object) -> {
			EvaluationContext context = expressionHandler.createEvaluationContext(authentication, object);
			return new ExpressionAuthorizationDecision(ExpressionUtils.evaluateAsBoolean(parsed, context), parsed);
		};
	}

	/**
	 * Return whether a result grants access; {@code null} (abstain) does.
	 * @param result the result of an authorization manager
	 * @return {@code true} unless the result denies
	 */
	static boolean isGranted(@Nullable AuthorizationResult result) {
		return result == null || result.isGranted();
	}

}
