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

import java.util.concurrent.CompletableFuture;

import io.github.jsonrpc.protocol.JsonRpcResponse;

/**
 * Contract to intercept every call, whatever its transport, notifications included.
 * Interceptors are beans, ordered with {@code @Order} or {@code Ordered}; the first in
 * order is the outermost.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface JsonRpcInterceptor {

	/**
	 * Intercept a call.
	 * @param exchange the call
	 * @param chain the rest of the chain, ending with the dispatcher
	 * @return the response; an exceptionally completed future is turned into an error
	 * response by the exception resolvers
	 */
	CompletableFuture<JsonRpcResponse> intercept(JsonRpcExchange exchange, Chain chain);

	/**
	 * Return an interceptor that runs this one, then the given one.
	 * @param next the inner interceptor
	 * @return the combined interceptor
	 */
	default JsonRpcInterceptor andThen(JsonRpcInterceptor next) {
		return (exchange, chain) -> intercept(exchange, (nextExchange) -> next.intercept(nextExchange, chain));
	}

	/**
	 * Return a chain that runs this interceptor before the given chain.
	 * @param chain the inner chain
	 * @return the combined chain
	 */
	default Chain apply(Chain chain) {
		return (exchange) -> intercept(exchange, chain);
	}

	/**
	 * The rest of an interceptor chain.
	 */
	@FunctionalInterface
	interface Chain {

		/**
		 * Continue with the next interceptor or, at the end, the dispatcher.
		 * @param exchange the call
		 * @return the response
		 */
		CompletableFuture<JsonRpcResponse> next(JsonRpcExchange exchange);

	}

}
