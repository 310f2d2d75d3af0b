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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.github.jsonrpc.protocol.JsonRpcError;
import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.JsonRpcInterceptor;
import io.github.jsonrpc.server.method.InvocableJsonRpcMethod;
import io.github.jsonrpc.server.method.JsonRpcMethodAccessChecker;
import io.github.jsonrpc.server.method.JsonRpcMethodRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.util.Assert;

/**
 * {@link JsonRpcInterceptor} that decides access to a method before anything about it can
 * leak: before its params are bound (so a denied caller never sees {@code -32602} naming
 * a parameter), and so that a denied caller gets the same answer whether or not the
 * method exists.
 *
 * <p>
 * Access to a registered method is what the {@link JsonRpcMethodAccessChecker} says (call
 * rules and method security annotations, as introspection filters them). An unknown name
 * is denied when the call rules deny it, or when the caller may call none of the methods
 * registered in the same namespace (the name up to its last {@code .}), so that
 * {@code admin.nope} and {@code admin.stats} look alike to a caller who is not an admin.
 *
 * <p>
 * A denied call is answered, depending on {@link DeniedMethods}: with {@code -32001} or
 * {@code -32003} (through an {@link AuthorizationDeniedException} that
 * {@link SecurityJsonRpcExceptionResolver} resolves), or with {@code -32601}, exactly as
 * a method that does not exist. Runs after {@link SecurityContextJsonRpcInterceptor} and
 * before {@link AuthorizationManagerJsonRpcInterceptor}.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class MethodAccessJsonRpcInterceptor implements JsonRpcInterceptor, Ordered {

	/**
	 * Default order: after {@link SecurityContextJsonRpcInterceptor}, before the rules.
	 */
	public static final int DEFAULT_ORDER = SecurityContextJsonRpcInterceptor.DEFAULT_ORDER + 50;

	private static final JsonRpcError METHOD_NOT_FOUND = JsonRpcError.standard(JsonRpcErrorCodes.METHOD_NOT_FOUND);

	private final JsonRpcMethodRegistry registry;

	private final JsonRpcMethodAccessChecker accessChecker;

	private final @Nullable AuthorizationManager<JsonRpcExchange> callAuthorizationManager;

	private final DeniedMethods deniedMethods;

	// registered methods by namespace, built once on first use (the registry is frozen
	// by then); never keyed by what clients send
	private volatile @Nullable Namespaces namespaces;

	private int order = DEFAULT_ORDER;

	/**
	 * Create a new instance.
	 * @param registry the registered methods
	 * @param accessChecker decides access to a registered method without calling it
	 * @param callAuthorizationManager the call rules by method name, or {@code null}
	 * @param deniedMethods how denied calls are answered
	 */
	public MethodAccessJsonRpcInterceptor(JsonRpcMethodRegistry registry, JsonRpcMethodAccessChecker accessChecker,
			@Nullable AuthorizationManager<JsonRpcExchange> callAuthorizationManager, DeniedMethods deniedMethods) {
		Assert.notNull(registry, "Registry is required");
		Assert.notNull(accessChecker, "AccessChecker is required");
		Assert.notNull(deniedMethods, "DeniedMethods is required");
		this.registry = registry;
		this.accessChecker = accessChecker;
		this.callAuthorizationManager = callAuthorizationManager;
		this.deniedMethods = deniedMethods;
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
		InvocableJsonRpcMethod method = this.registry.lookup(exchange.method());
		boolean allowed = (method != null) ? this.accessChecker.canInvoke(method, exchange) : mayCallUnknown(exchange);
		if (allowed) {
			return chain.next(exchange);
		}
		if (this.deniedMethods == DeniedMethods.NOT_FOUND) {
			return CompletableFuture
				.completedFuture(JsonRpcResponse.failure(exchange.request().responseId(), METHOD_NOT_FOUND));
		}
		// the message stays on the server: the resolver answers with a fixed one
		return CompletableFuture
			.failedFuture(new AuthorizationDeniedException("Access Denied", new AuthorizationDecision(false)));
	}

	private boolean mayCallUnknown(JsonRpcExchange exchange) {
		if (this.callAuthorizationManager != null) {
			Supplier<@Nullable Authentication> authentication = () -> JsonRpcSecurity.authentication(exchange);
			if (!JsonRpcAuthorizationManagers
				.isGranted(this.callAuthorizationManager.authorize(authentication, exchange))) {
				return false;
			}
		}
		String name = exchange.method();
		int dot = name.lastIndexOf('.');
		if (dot <= 0) {
			return true;
		}
		List<InvocableJsonRpcMethod> siblings = namespaces().get(name.substring(0, dot + 1));
		if (siblings == null) {
			return true;
		}
		for (InvocableJsonRpcMethod sibling : siblings) {
			if (this.accessChecker.canInvoke(sibling, exchange)) {
				return true;
			}
		}
		// a namespace hidden from the caller: an unknown name in it looks like a known
		// one
		return false;
	}

	private Map<String, List<InvocableJsonRpcMethod>> namespaces() {
		Namespaces cached = this.namespaces;
		long version = this.registry.version();
		if (cached != null && cached.version() == version) {
			return cached.byPrefix();
		}
		Map<String, List<InvocableJsonRpcMethod>> built = new HashMap<>();
		for (InvocableJsonRpcMethod method : this.registry.methods()) {
			int dot = method.name().lastIndexOf('.');
			if (dot > 0) {
				built.computeIfAbsent(method.name().substring(0, dot + 1), (key) -> new ArrayList<>()).add(method);
			}
		}
		Map<String, List<InvocableJsonRpcMethod>> namespaces = Map.copyOf(built);
		this.namespaces = new Namespaces(version, namespaces);
		return namespaces;
	}

	/**
	 * The methods by namespace prefix, as of a version of the registry.
	 */
	private record Namespaces(long version, Map<String, List<InvocableJsonRpcMethod>> byPrefix) {
	}

	/**
	 * How a call the caller may not make is answered.
	 */
	public enum DeniedMethods {

		/**
		 * {@code -32001} for an anonymous caller, {@code -32003} for an authenticated
		 * one, for registered and unknown methods alike.
		 */
		UNAUTHORIZED,

		/**
		 * {@code -32601 Method not found}, as for a method that does not exist: hidden
		 * methods stay hidden.
		 */
		NOT_FOUND

	}

}
