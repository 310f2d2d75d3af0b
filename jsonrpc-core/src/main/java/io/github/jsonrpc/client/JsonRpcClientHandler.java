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

import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.protocol.JsonRpcResponse;

/**
 * Contract for answering the requests a server sends to the client over a persistent
 * connection (calls with an id, and notifications no listener took). Built by
 * {@link JsonRpcClient.Builder#handler(Object)} and
 * {@link JsonRpcClient.Builder#handler(String, Class, java.util.function.Function)} from
 * the server's own annotated-method model, so binding, errors and return values work as
 * on the server.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface JsonRpcClientHandler {

	/**
	 * Handle a request of the server.
	 * @param request a call or a notification
	 * @return the response to send back; {@code null} for a notification. Never completes
	 * exceptionally for a failure of the method: that is an error response
	 */
	CompletableFuture<@Nullable JsonRpcResponse> handle(JsonRpcRequest request);

}
