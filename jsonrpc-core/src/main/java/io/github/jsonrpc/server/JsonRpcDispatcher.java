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
 * Contract to dispatch one call to the method it names and answer it. Knows methods, not
 * transports.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface JsonRpcDispatcher {

	/**
	 * Dispatch a call.
	 * @param exchange the call
	 * @return the response, completed when the method completes; a failure of the method
	 * completes it with an error response rather than exceptionally
	 */
	CompletableFuture<JsonRpcResponse> dispatch(JsonRpcExchange exchange);

}
