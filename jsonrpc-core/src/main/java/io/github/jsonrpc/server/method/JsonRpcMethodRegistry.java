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

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The methods served, by name. Methods can be added and removed while the application
 * runs: writes copy the map (copy-on-write), lookups read one immutable map without
 * locking, so calls in flight are never slowed down nor see a half-done change, and
 * introspection ({@link #methods()}, {@code rpc.discover}) follows at once.
 *
 * <p>
 * Registration fails, naming both methods, on a duplicate name, and fails on a name
 * starting with the reserved {@code rpc.} prefix unless the method is registered as a
 * built-in. Built-in methods (discovery, pub/sub, login) are defaults: an application
 * method of the same name takes their place, which is logged at info level; unregistering
 * it brings the built-in back.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcMethodRegistry {

	/** Prefix the specification reserves for rpc-internal methods and extensions. */
	public static final String RESERVED_PREFIX = "rpc.";

	private static final Log logger = LogFactory.getLog(JsonRpcMethodRegistry.class);

	// guarded by this; the two maps below are only read and replaced under the lock
	private Map<String, InvocableJsonRpcMethod> application = Map.of();

	private Map<String, InvocableJsonRpcMethod> builtIns = Map.of();

	// what calls see: the built-ins overlaid by the application's methods; a HashMap
	// never changed once published, because the table of Map.copyOf finds a key's slot
	// with an integer division (floorMod) on every look-up, where HashMap masks the hash
	private volatile HashMap<String, InvocableJsonRpcMethod> methods = new HashMap<>();

	private volatile long version;

	/**
	 * Register an application method.
	 * @param method the method
	 * @throws IllegalStateException on a duplicate or reserved name
	 */
	public void register(InvocableJsonRpcMethod method) {
		Assert.notNull(method, "Method is required");
		if (method.name().startsWith(RESERVED_PREFIX)) {
			throw new IllegalStateException("JSON-RPC method " + method + " uses the prefix '" + RESERVED_PREFIX
					+ "', which the JSON-RPC 2.0 specification reserves");
		}
		synchronized (this) {
			assertUnique(this.application, method);
			this.application = with(this.application, method);
			InvocableJsonRpcMethod builtIn = this.builtIns.get(method.name());
			if (builtIn != null) {
				logOverride(method, builtIn);
			}
			publish();
		}
	}

	/**
	 * Register a built-in method, which may use the reserved {@code rpc.} prefix. An
	 * application method of the same name, registered before or after, takes precedence.
	 * @param method the method
	 * @throws IllegalStateException on a duplicate built-in name
	 */
	public void registerBuiltIn(InvocableJsonRpcMethod method) {
		Assert.notNull(method, "Method is required");
		synchronized (this) {
			assertUnique(this.builtIns, method);
			this.builtIns = with(this.builtIns, method);
			InvocableJsonRpcMethod override = this.application.get(method.name());
			if (override != null) {
				logOverride(override, method);
			}
			publish();
		}
	}

	/**
	 * Remove an application method. Calls already running complete; later calls get
	 * {@code -32601}, or reach the built-in method of that name if there is one.
	 * @param name the JSON-RPC method name
	 * @return the method removed, or {@code null} if no application method has that name
	 */
	public synchronized @Nullable InvocableJsonRpcMethod unregister(String name) {
		Assert.notNull(name, "Name is required");
		InvocableJsonRpcMethod removed = this.application.get(name);
		if (removed != null) {
			Map<String, InvocableJsonRpcMethod> copy = new HashMap<>(this.application);
			copy.remove(name);
			this.application = Map.copyOf(copy);
			publish();
		}
		return removed;
	}

	private static void assertUnique(Map<String, InvocableJsonRpcMethod> methods, InvocableJsonRpcMethod method) {
		InvocableJsonRpcMethod existing = methods.get(method.name());
		if (existing != null) {
			throw new IllegalStateException("Duplicate JSON-RPC method name '" + method.name() + "': "
					+ existing.handlerMethod().toShortString() + " and " + method.handlerMethod().toShortString());
		}
	}

	private static Map<String, InvocableJsonRpcMethod> with(Map<String, InvocableJsonRpcMethod> methods,
			InvocableJsonRpcMethod method) {
		Map<String, InvocableJsonRpcMethod> copy = new HashMap<>(methods);
		copy.put(method.name(), method);
		return Map.copyOf(copy);
	}

	private void publish() {
		HashMap<String, InvocableJsonRpcMethod> effective = new HashMap<>(this.builtIns);
		effective.putAll(this.application);
		this.methods = effective;
		this.version++;
	}

	private static void logOverride(InvocableJsonRpcMethod application, InvocableJsonRpcMethod builtIn) {
		if (logger.isInfoEnabled()) {
			logger.info("JSON-RPC method '" + application.name() + "' is served by the application's "
					+ application.handlerMethod().toShortString() + " instead of the built-in "
					+ builtIn.handlerMethod().toShortString());
		}
	}

	/**
	 * Return a number that changes whenever a method is added, replaced or removed, so
	 * that what is derived from the methods can be cached.
	 * @return the version
	 */
	public long version() {
		return this.version;
	}

	/**
	 * Return a method by name.
	 * @param name the JSON-RPC method name
	 * @return the method, or {@code null} if there is none
	 */
	public @Nullable InvocableJsonRpcMethod lookup(String name) {
		return this.methods.get(name);
	}

	/**
	 * Return every method served, sorted by name.
	 * @return the methods
	 */
	public List<InvocableJsonRpcMethod> methods() {
		List<InvocableJsonRpcMethod> sorted = new ArrayList<>(this.methods.values());
		sorted.sort(Comparator.comparing(InvocableJsonRpcMethod::name));
		return sorted;
	}

}
