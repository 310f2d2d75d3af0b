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

package io.github.jsonrpc.client;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.jsonrpc.protocol.JsonRpcResponse;

/**
 * Contract to intercept every message a {@link JsonRpcClient} sends, the client-side
 * mirror of the server's interceptor: inspect or replace the requests, observe or replace
 * the responses. The first interceptor registered is the outermost.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface JsonRpcClientInterceptor {

	/**
	 * Intercept a message.
	 * @param request the message to send
	 * @param chain the rest of the chain, ending with the transport
	 * @return the responses received, empty for notifications
	 */
	CompletableFuture<List<JsonRpcResponse>> intercept(JsonRpcClientRequest request, Chain chain);

	/**
	 * Return an interceptor that runs this one, then the given one.
	 * @param next the inner interceptor
	 * @return the combined interceptor
	 */
	default JsonRpcClientInterceptor andThen(JsonRpcClientInterceptor next) {
		return (request, chain) -> intercept(request, (nextRequest) -> next.intercept(nextRequest, chain));
	}

	/**
	 * Return a chain that runs this interceptor before the given chain.
	 * @param chain the inner chain
	 * @return the combined chain
	 */
	default Chain apply(Chain chain) {
		return (request) -> intercept(request, chain);
	}

	/**
	 * The rest of an interceptor chain.
	 */
	@FunctionalInterface
	interface Chain {

		/**
		 * Continue with the next interceptor or, at the end, the transport.
		 * @param request the message
		 * @return the responses
		 */
		CompletableFuture<List<JsonRpcResponse>> next(JsonRpcClientRequest request);

	}

}
