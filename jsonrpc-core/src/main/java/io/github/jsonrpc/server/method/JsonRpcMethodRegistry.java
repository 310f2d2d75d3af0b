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
package io.github.jsonrpc.server.method;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The methods served, by name. Filled at startup and frozen once the application context
 * is ready; lookups are lock-free.
 *
 * <p>
 * Registration fails, naming both methods, on a duplicate name, and fails on a name
 * starting with the reserved {@code rpc.} prefix unless the method is registered as a
 * built-in.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcMethodRegistry {

	/** Prefix the specification reserves for rpc-internal methods and extensions. */
	public static final String RESERVED_PREFIX = "rpc.";

	private volatile Map<String, InvocableJsonRpcMethod> methods = Map.of();

	private volatile boolean frozen;

	/**
	 * Register an application method.
	 * @param method the method
	 * @throws IllegalStateException on a duplicate or reserved name, or once frozen
	 */
	public void register(InvocableJsonRpcMethod method) {
		if (method.name().startsWith(RESERVED_PREFIX)) {
			throw new IllegalStateException("JSON-RPC method " + method + " uses the prefix '" + RESERVED_PREFIX
					+ "', which the JSON-RPC 2.0 specification reserves");
		}
		add(method);
	}

	/**
	 * Register a built-in method, which may use the reserved {@code rpc.} prefix.
	 * @param method the method
	 * @throws IllegalStateException on a duplicate name, or once frozen
	 */
	public void registerBuiltIn(InvocableJsonRpcMethod method) {
		add(method);
	}

	private synchronized void add(InvocableJsonRpcMethod method) {
		Assert.notNull(method, "Method is required");
		if (this.frozen) {
			throw new IllegalStateException("Cannot register JSON-RPC method " + method + " after startup");
		}
		InvocableJsonRpcMethod existing = this.methods.get(method.name());
		if (existing != null) {
			throw new IllegalStateException("Duplicate JSON-RPC method name '" + method.name() + "': "
					+ existing.handlerMethod().toShortString() + " and " + method.handlerMethod().toShortString());
		}
		Map<String, InvocableJsonRpcMethod> copy = new HashMap<>(this.methods);
		copy.put(method.name(), method);
		this.methods = Map.copyOf(copy);
	}

	/**
	 * Freeze the registry: later registrations fail.
	 */
	public void freeze() {
		this.frozen = true;
	}

	/**
	 * Return whether the registry is frozen.
	 * @return {@code true} once frozen
	 */
	public boolean isFrozen() {
		return this.frozen;
	}

	/**
	 * Return the method of a name.
	 * @param name the JSON-RPC method name
	 * @return the method, or {@code null} if there is none
	 */
	public @Nullable InvocableJsonRpcMethod lookup(String name) {
		return this.methods.get(name);
	}

	/**
	 * Return every method, sorted by name.
	 * @return the methods
	 */
	public List<InvocableJsonRpcMethod> methods() {
		List<InvocableJsonRpcMethod> sorted = new ArrayList<>(this.methods.values());
		sorted.sort(Comparator.comparing(InvocableJsonRpcMethod::name));
		return sorted;
	}

}
