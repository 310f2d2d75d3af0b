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

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.method.InvocableJsonRpcMethod;
import io.github.jsonrpc.server.method.JsonRpcHandlerMethod;
import io.github.jsonrpc.server.method.JsonRpcMethodAccessChecker;
import org.aopalliance.intercept.MethodInvocation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ExpressionAuthorizationDecision;
import org.springframework.security.authorization.method.Jsr250AuthorizationManager;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.authorization.method.SecuredAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.util.ClassUtils;

/**
 * {@link JsonRpcMethodAccessChecker} that answers with Spring Security, without calling
 * the method: the call-level {@link AuthorizationManager} (e.g. the
 * {@code jsonrpc.security.rules}), then the method's {@code @PreAuthorize},
 * {@code @Secured} and JSR-250 annotations, evaluated by Spring Security's own
 * authorization managers against a method invocation without arguments.
 *
 * <p>
 * What cannot be decided without calling counts as "may call": expressions that refer to
 * arguments ({@code #id}), expressions that fail without them, and
 * {@code @PostAuthorize}. Enforcement itself stays with method security.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class SecurityJsonRpcMethodAccessChecker implements JsonRpcMethodAccessChecker {

	private static final boolean jsr250Present = ClassUtils.isPresent("jakarta.annotation.security.RolesAllowed",
			SecurityJsonRpcMethodAccessChecker.class.getClassLoader());

	private static final Log logger = LogFactory.getLog(SecurityJsonRpcMethodAccessChecker.class);

	private final @Nullable AuthorizationManager<JsonRpcExchange> callAuthorizationManager;

	private final List<AuthorizationManager<MethodInvocation>> methodAuthorizationManagers;

	/**
	 * Create a new instance.
	 * @param callAuthorizationManager the manager authorizing calls by name, or
	 * {@code null} for none
	 * @param expressionHandler the handler for {@code @PreAuthorize} expressions, the
	 * application's own when it has one
	 * @param applicationContext the context, for bean references in expressions
	 */
	public SecurityJsonRpcMethodAccessChecker(@Nullable AuthorizationManager<JsonRpcExchange> callAuthorizationManager,
			MethodSecurityExpressionHandler expressionHandler, @Nullable ApplicationContext applicationContext) {
		this.callAuthorizationManager = callAuthorizationManager;
		List<AuthorizationManager<MethodInvocation>> managers = new ArrayList<>();
		PreAuthorizeAuthorizationManager preAuthorize = new PreAuthorizeAuthorizationManager();
		preAuthorize.setExpressionHandler(expressionHandler);
		if (applicationContext != null) {
			preAuthorize.setApplicationContext(applicationContext);
		}
		managers.add(preAuthorize);
		managers.add(new SecuredAuthorizationManager());
		if (jsr250Present) {
			managers.add(new Jsr250AuthorizationManager());
		}
		this.methodAuthorizationManagers = List.copyOf(managers);
	}

	@Override
	public boolean canInvoke(InvocableJsonRpcMethod method, JsonRpcExchange exchange) {
		Supplier<@Nullable Authentication> authentication = () -> JsonRpcSecurity.authentication(exchange);
		if (this.callAuthorizationManager != null) {
			JsonRpcExchange call = exchange
				.withRequest(new JsonRpcRequest(exchange.id(), method.name(), exchange.request().params()));
			if (!JsonRpcAuthorizationManagers
				.isGranted(this.callAuthorizationManager.authorize(authentication, call))) {
				return false;
			}
		}
		MethodInvocation invocation = new IntrospectionMethodInvocation(method.handlerMethod());
		for (AuthorizationManager<MethodInvocation> manager : this.methodAuthorizationManagers) {
			if (!isGranted(manager, authentication, invocation, method)) {
				return false;
			}
		}
		return true;
	}

	private static boolean isGranted(AuthorizationManager<MethodInvocation> manager,
			Supplier<@Nullable Authentication> authentication, MethodInvocation invocation,
			InvocableJsonRpcMethod method) {
		AuthorizationResult result;
		try {
			result = manager.authorize(authentication, invocation);
		}
		catch (RuntimeException ex) {
			// typically an expression that needs the arguments: only a real call can tell
			if (logger.isTraceEnabled()) {
				logger.trace("Could not decide access to '" + method.name() + "' without calling it", ex);
			}
			return true;
		}
		if (JsonRpcAuthorizationManagers.isGranted(result)) {
			return true;
		}
		// an expression about the arguments was evaluated with nulls: undecided
		return result instanceof ExpressionAuthorizationDecision decision
				&& decision.getExpression().getExpressionString().contains("#");
	}

	/**
	 * An invocation of a handler method that is never proceeded, with {@code null} for
	 * every argument.
	 */
	private static final class IntrospectionMethodInvocation implements MethodInvocation {

		private final JsonRpcHandlerMethod handlerMethod;

		private final @Nullable Object[] arguments;

		IntrospectionMethodInvocation(JsonRpcHandlerMethod handlerMethod) {
			this.handlerMethod = handlerMethod;
			this.arguments = new Object[handlerMethod.getMethod().getParameterCount()];
		}

		@Override
		public Method getMethod() {
			return this.handlerMethod.getMethod();
		}

		@Override
		public @Nullable Object[] getArguments() {
			return this.arguments;
		}

		@Override
		public @Nullable Object proceed() {
			throw new UnsupportedOperationException("Access checks never call the method");
		}

		@Override
		public Object getThis() {
			return this.handlerMethod.bean();
		}

		@Override
		public AccessibleObject getStaticPart() {
			return this.handlerMethod.getMethod();
		}

	}

}
