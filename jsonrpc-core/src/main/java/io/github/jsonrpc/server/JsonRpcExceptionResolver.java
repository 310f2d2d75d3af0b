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
package io.github.jsonrpc.server;

import java.util.function.Function;

import io.github.jsonrpc.protocol.JsonRpcError;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Strategy to turn an exception thrown by a call into a client-safe JSON-RPC error.
 * Resolvers are beans and run in order; the first non-{@code null} answer wins. An
 * exception no resolver claims becomes {@code -32603 Internal error} and is logged.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface JsonRpcExceptionResolver {

	/**
	 * Resolve an exception.
	 * @param exchange the failed call
	 * @param exception the exception, unwrapped from reflection and future wrappers
	 * @return the error to answer with, or {@code null} if this resolver does not handle
	 * it
	 */
	@Nullable JsonRpcError resolveException(JsonRpcExchange exchange, Throwable exception);

	/**
	 * Create a resolver for one exception type (and its subtypes).
	 * @param <E> the exception type
	 * @param type the exception type
	 * @param mapper the function creating the error; what it returns is sent to clients
	 * @return the resolver
	 */
	static <E extends Throwable> JsonRpcExceptionResolver forType(Class<E> type,
			Function<? super E, JsonRpcError> mapper) {
		Assert.notNull(type, "Type is required");
		Assert.notNull(mapper, "Mapper is required");
		return (exchange, exception) -> type.isInstance(exception) ? mapper.apply(type.cast(exception)) : null;
	}

	/**
	 * Create a resolver that answers one exception type with a fixed code and message.
	 * @param type the exception type
	 * @param code the error code
	 * @param message the fixed message
	 * @return the resolver
	 */
	static JsonRpcExceptionResolver forType(Class<? extends Throwable> type, int code, String message) {
		JsonRpcError error = JsonRpcError.of(code, message);
		return forType(type, (exception) -> error);
	}

}
