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

import io.github.jsonrpc.protocol.JsonRpcError;
import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import io.github.jsonrpc.protocol.JsonRpcId;
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

	private final JsonRpcExceptionHandler exceptionHandler;

	/**
	 * Create a new instance.
	 * @param registry the methods
	 * @param exceptionHandler how failures are answered
	 */
	public DefaultJsonRpcDispatcher(JsonRpcMethodRegistry registry, JsonRpcExceptionHandler exceptionHandler) {
		Assert.notNull(registry, "Registry is required");
		Assert.notNull(exceptionHandler, "ExceptionHandler is required");
		this.registry = registry;
		this.exceptionHandler = exceptionHandler;
	}

	@Override
	public CompletableFuture<JsonRpcResponse> dispatch(JsonRpcExchange exchange) {
		JsonRpcId id = exchange.request().responseId();
		InvocableJsonRpcMethod method = this.registry.lookup(exchange.method());
		if (method == null) {
			return CompletableFuture.completedFuture(JsonRpcResponse.failure(id, METHOD_NOT_FOUND));
		}
		CompletableFuture<@Nullable Object> invocation = method.invoke(exchange);
		if (invocation.isDone() && !invocation.isCompletedExceptionally()) {
			// most methods return synchronously: answer without another stage
			return CompletableFuture.completedFuture(JsonRpcResponse.success(id, invocation.join()));
		}
		return invocation.handle((result, ex) -> (ex != null) ? this.exceptionHandler.handle(exchange, ex)
				: JsonRpcResponse.success(id, result));
	}

}
