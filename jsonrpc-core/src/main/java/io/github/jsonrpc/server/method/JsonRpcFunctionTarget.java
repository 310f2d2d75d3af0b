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

import java.lang.reflect.Method;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ReflectionUtils;

/**
 * The bean behind a function served as a JSON-RPC method: its methods are what the
 * {@link JsonRpcHandlerMethod} invokes, and their return types tell a blocking function
 * from an asynchronous one.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
final class JsonRpcFunctionTarget {

	// the params parameter is not @Nullable: it would make the bound parameter optional

	private static final Method CALL = find("call", Object.class);

	private static final Method CALL_NO_PARAMS = find("call");

	private static final Method CALL_ASYNC = find("callAsync", Object.class);

	private static final Method CALL_ASYNC_NO_PARAMS = find("callAsync");

	private final Function<@Nullable Object, ? extends @Nullable Object> function;

	@SuppressWarnings("unchecked")
	JsonRpcFunctionTarget(Function<?, ? extends @Nullable Object> function) {
		this.function = (Function<@Nullable Object, ? extends @Nullable Object>) function;
	}

	static Method method(boolean params, boolean async) {
		if (async) {
			return params ? CALL_ASYNC : CALL_ASYNC_NO_PARAMS;
		}
		return params ? CALL : CALL_NO_PARAMS;
	}

	public @Nullable Object call(Object params) {
		return this.function.apply(params);
	}

	public @Nullable Object call() {
		return this.function.apply(null);
	}

	public @Nullable CompletionStage<?> callAsync(Object params) {
		return (CompletionStage<?>) this.function.apply(params);
	}

	public @Nullable CompletionStage<?> callAsync() {
		return (CompletionStage<?>) this.function.apply(null);
	}

	private static Method find(String name, Class<?>... parameterTypes) {
		Method method = ReflectionUtils.findMethod(JsonRpcFunctionTarget.class, name, parameterTypes);
		if (method == null) {
			throw new IllegalStateException("No method " + name);
		}
		return method;
	}

	@Override
	public String toString() {
		return "function " + this.function;
	}

}
