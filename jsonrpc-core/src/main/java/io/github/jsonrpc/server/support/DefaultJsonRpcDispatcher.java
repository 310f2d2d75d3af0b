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

import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

import io.github.jsonrpc.protocol.JsonRpcError;
import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import io.github.jsonrpc.server.JsonRpcDispatcher;
import io.github.jsonrpc.server.JsonRpcExceptionHandler;
import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.method.InvocableJsonRpcMethod;
import io.github.jsonrpc.server.method.JsonRpcMethodRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Default implementation of {@link JsonRpcDispatcher}: looks the method up in the
 * {@link JsonRpcMethodRegistry}, invokes it, and answers failures through the
 * {@link JsonRpcExceptionHandler}.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class DefaultJsonRpcDispatcher implements JsonRpcDispatcher {

	private static final JsonRpcError METHOD_NOT_FOUND = JsonRpcError.standard(JsonRpcErrorCodes.METHOD_NOT_FOUND);

	private final JsonRpcMethodRegistry registry;

	// how failures are answered, made once: a method reference bound to this would be a
	// new object on every call
	private final BiFunction<JsonRpcExchange, Throwable, JsonRpcResponse> onFailure;

	/**
	 * Create a new instance.
	 * @param registry the methods
	 * @param exceptionHandler how failures are answered
	 */
	public DefaultJsonRpcDispatcher(JsonRpcMethodRegistry registry, JsonRpcExceptionHandler exceptionHandler) {
		Assert.notNull(registry, "Registry is required");
		Assert.notNull(exceptionHandler, "ExceptionHandler is required");
		this.registry = registry;
		this.onFailure = exceptionHandler::handle;
	}

	@Override
	public CompletableFuture<JsonRpcResponse> dispatch(JsonRpcExchange exchange) {
		InvocableJsonRpcMethod method = this.registry.lookup(exchange.method());
		if (method == null) {
			return CompletableFuture
				.completedFuture(JsonRpcResponse.failure(exchange.request().responseId(), METHOD_NOT_FOUND));
		}
		// most methods return synchronously: answered without another stage
		return method.invoke(exchange, DefaultJsonRpcDispatcher::success, this.onFailure);
	}

	private static JsonRpcResponse success(JsonRpcExchange exchange, @Nullable Object result) {
		return JsonRpcResponse.success(exchange.request().responseId(), result);
	}

}
