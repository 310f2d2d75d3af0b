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

import java.lang.annotation.Annotation;

import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.method.JsonRpcArgumentResolver;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.expression.Expression;
import org.springframework.expression.ExpressionParser;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * {@link JsonRpcArgumentResolver} for the caller's Spring Security identity:
 * {@link Authentication} parameters (and subtypes), and parameters annotated with
 * {@link AuthenticationPrincipal} (directly or as a meta-annotation), with the
 * annotation's {@code expression} and {@code errorOnInvalidType} as in Spring MVC.
 *
 * <p>
 * An {@link Authentication} parameter is {@code null} for an anonymous caller, like in
 * Spring MVC; an {@code @AuthenticationPrincipal} parameter is {@code null} when the
 * principal does not have the parameter's type, unless {@code errorOnInvalidType} is set.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class AuthenticationMethodArgumentResolver implements JsonRpcArgumentResolver {

	private final ExpressionParser parser = new SpelExpressionParser();

	private final @Nullable BeanFactory beanFactory;

	private AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

	/**
	 * Create a new instance without bean references in expressions.
	 */
	public AuthenticationMethodArgumentResolver() {
		this(null);
	}

	/**
	 * Create a new instance.
	 * @param beanFactory the bean factory for {@code @bean} references in
	 * {@code @AuthenticationPrincipal(expression = ...)}, may be {@code null}
	 */
	public AuthenticationMethodArgumentResolver(@Nullable BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	/**
	 * Set the trust resolver deciding whether an authentication is anonymous.
	 * @param trustResolver the trust resolver
	 */
	public void setTrustResolver(AuthenticationTrustResolver trustResolver) {
		this.trustResolver = trustResolver;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return findAnnotation(parameter) != null || Authentication.class.isAssignableFrom(parameter.getParameterType());
	}

	@Override
	public @Nullable Object resolveArgument(MethodParameter parameter, JsonRpcExchange exchange) {
		Authentication authentication = JsonRpcSecurity.authentication(exchange);
		AuthenticationPrincipal annotation = findAnnotation(parameter);
		if (annotation == null) {
			if (authentication == null || this.trustResolver.isAnonymous(authentication)) {
				return null;
			}
			return parameter.getParameterType().isInstance(authentication) ? authentication : null;
		}
		if (authentication == null) {
			return null;
		}
		Object principal = authentication.getPrincipal();
		if (StringUtils.hasLength(annotation.expression())) {
			StandardEvaluationContext context = new StandardEvaluationContext(principal);
			context.setVariable("this", principal);
			if (this.beanFactory != null) {
				context.setBeanResolver(new BeanFactoryResolver(this.beanFactory));
			}
			Expression expression = this.parser.parseExpression(annotation.expression());
			principal = expression.getValue(context);
		}
		if (principal != null && !ClassUtils.isAssignableValue(parameter.getParameterType(), principal)) {
			if (annotation.errorOnInvalidType()) {
				throw new ClassCastException(principal + " is not assignable to " + parameter.getParameterType());
			}
			return null;
		}
		return principal;
	}

	private static @Nullable AuthenticationPrincipal findAnnotation(MethodParameter parameter) {
		for (Annotation annotation : parameter.getParameterAnnotations()) {
			if (annotation instanceof AuthenticationPrincipal principal) {
				return principal;
			}
			MergedAnnotation<AuthenticationPrincipal> merged = MergedAnnotations.from(annotation.annotationType())
				.get(AuthenticationPrincipal.class);
			if (merged.isPresent()) {
				return merged.synthesize();
			}
		}
		return null;
	}

}
