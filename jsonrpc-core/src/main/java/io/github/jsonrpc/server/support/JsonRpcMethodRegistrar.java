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
package io.github.jsonrpc.server.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.jsonrpc.server.method.InvocableJsonRpcMethod;
import io.github.jsonrpc.server.method.InvocableJsonRpcMethodFactory;
import io.github.jsonrpc.server.method.JsonRpcHandlerMethod;
import io.github.jsonrpc.server.method.JsonRpcMethodRegistry;
import io.github.jsonrpc.server.method.annotation.support.AnnotatedJsonRpcMethodDetector;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Adds JSON-RPC methods to a running server and removes them: functions under a name, and
 * the methods of annotated service objects. Safe to use from any thread while calls are
 * served; a method is callable, and listed by {@code rpc.discover}, as soon as the call
 * that registers it returns. Registration fails with an {@link IllegalStateException} on
 * a duplicate name or a name with the reserved {@code rpc.} prefix, as at startup.
 *
 * <pre class="code">
 * registrar.method("subtract", Subtraction.class, (s) -&gt; s.minuend() - s.subtrahend())
 *     .method("version", () -&gt; "1.2.0");
 * registrar.unregister("version");
 * </pre>
 *
 * With Spring Boot, a bean of this type is auto-configured; without it,
 * {@link JsonRpcServer#methods()} returns one.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcMethodRegistrar {

	private final JsonRpcMethodRegistry registry;

	private final InvocableJsonRpcMethodFactory methodFactory;

	private final AnnotatedJsonRpcMethodDetector detector;

	/**
	 * Create a new instance.
	 * @param registry the registry to change
	 * @param methodFactory creates the invocable methods, with the server's binding
	 * settings
	 * @param detector finds the methods of service objects
	 */
	public JsonRpcMethodRegistrar(JsonRpcMethodRegistry registry, InvocableJsonRpcMethodFactory methodFactory,
			AnnotatedJsonRpcMethodDetector detector) {
		Assert.notNull(registry, "Registry is required");
		Assert.notNull(methodFactory, "MethodFactory is required");
		Assert.notNull(detector, "Detector is required");
		this.registry = registry;
		this.methodFactory = methodFactory;
		this.detector = detector;
	}

	/**
	 * Serve a function. A record params type binds named or positional params to its
	 * components, like the parameters of an annotated method; an array, collection, map
	 * or object type receives the whole params; a scalar type is the one parameter.
	 * @param <P> the params type
	 * @param name the JSON-RPC method name
	 * @param paramsType the params type
	 * @param function the function; a returned {@code CompletableFuture}, stream or
	 * publisher is handled as for annotated methods
	 * @return this registrar
	 * @throws IllegalStateException on a duplicate or reserved name
	 */
	public <P> JsonRpcMethodRegistrar method(String name, Class<P> paramsType,
			Function<? super P, ? extends @Nullable Object> function) {
		Assert.notNull(paramsType, "ParamsType is required");
		return register(this.methodFactory.create(name, paramsType, function, false, ""));
	}

	/**
	 * Serve a function without params.
	 * @param name the JSON-RPC method name
	 * @param function the function
	 * @return this registrar
	 * @throws IllegalStateException on a duplicate or reserved name
	 */
	public JsonRpcMethodRegistrar method(String name, Supplier<? extends @Nullable Object> function) {
		Assert.notNull(function, "Function is required");
		return register(this.methodFactory.create(name, null, (params) -> function.get(), false, ""));
	}

	/**
	 * Serve an asynchronous function: it is never moved to the blocking executor, and the
	 * call is answered when the returned stage completes.
	 * @param <P> the params type
	 * @param name the JSON-RPC method name
	 * @param paramsType the params type, bound as for
	 * {@link #method(String, Class, Function)}
	 * @param function the function
	 * @return this registrar
	 * @throws IllegalStateException on a duplicate or reserved name
	 */
	public <P> JsonRpcMethodRegistrar asyncMethod(String name, Class<P> paramsType,
			Function<? super P, ? extends CompletionStage<?>> function) {
		Assert.notNull(paramsType, "ParamsType is required");
		return register(this.methodFactory.create(name, paramsType, function, true, ""));
	}

	/**
	 * Serve an asynchronous function without params.
	 * @param name the JSON-RPC method name
	 * @param function the function
	 * @return this registrar
	 * @throws IllegalStateException on a duplicate or reserved name
	 */
	public JsonRpcMethodRegistrar asyncMethod(String name, Supplier<? extends CompletionStage<?>> function) {
		Assert.notNull(function, "Function is required");
		return register(this.methodFactory.create(name, null, (params) -> function.get(), true, ""));
	}

	/**
	 * Serve the methods of an object, as if it were a {@code @JsonRpcService} bean. If
	 * one of its names is taken, none of them is registered.
	 * @param service the object
	 * @return the names registered
	 * @throws IllegalStateException on a duplicate or reserved name
	 */
	public List<String> service(Object service) {
		Assert.notNull(service, "Service is required");
		List<InvocableJsonRpcMethod> methods = new ArrayList<>();
		for (JsonRpcHandlerMethod method : this.detector.detect(service)) {
			methods.add(this.methodFactory.create(method));
		}
		List<String> registered = new ArrayList<>();
		try {
			for (InvocableJsonRpcMethod method : methods) {
				this.registry.register(method);
				registered.add(method.name());
			}
		}
		catch (RuntimeException ex) {
			registered.forEach(this.registry::unregister);
			throw ex;
		}
		return registered;
	}

	/**
	 * Serve a method created elsewhere, e.g. with
	 * {@link InvocableJsonRpcMethodFactory#create(JsonRpcHandlerMethod)}.
	 * @param method the method
	 * @return this registrar
	 * @throws IllegalStateException on a duplicate or reserved name
	 */
	public JsonRpcMethodRegistrar register(InvocableJsonRpcMethod method) {
		this.registry.register(method);
		return this;
	}

	/**
	 * Stop serving an application method. Calls already running complete.
	 * @param name the JSON-RPC method name
	 * @return {@code true} if a method of that name was removed
	 */
	public boolean unregister(String name) {
		return this.registry.unregister(name) != null;
	}

	/**
	 * Return the registry this registrar changes, e.g. to list the methods served.
	 * @return the registry
	 */
	public JsonRpcMethodRegistry registry() {
		return this.registry;
	}

}
