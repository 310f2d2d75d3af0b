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
package io.github.jsonrpc.server.webmvc;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import tools.jackson.databind.json.JsonMapper;

import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import io.github.jsonrpc.server.JsonRpcExceptionHandler;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.http.JsonRpcHttpStatusPolicy;
import io.github.jsonrpc.server.support.DefaultJsonRpcExceptionResolver;

/**
 * A JSON-RPC handler for tests whose every call is answered by one future the test
 * completes, when it likes: at once, later, or with a failure.
 */
final class PendingCall {

	/** A call with the id {@code 1}. */
	static final String CALL = "{\"jsonrpc\":\"2.0\",\"method\":\"later\",\"id\":1}";

	private final CompletableFuture<JsonRpcResponse> response = new CompletableFuture<>();

	private final JsonRpcHandler handler = JsonRpcHandler
		.builder((exchange) -> this.response, JsonRpcMessageCodec.create(JsonMapper.builder().build()))
		.exceptionHandler(new JsonRpcExceptionHandler(List.of(new DefaultJsonRpcExceptionResolver()), false))
		.build();

	/**
	 * Return the future that answers every call.
	 * @return the response
	 */
	CompletableFuture<JsonRpcResponse> response() {
		return this.response;
	}

	/**
	 * Return the JSON-RPC handler.
	 * @return the handler
	 */
	JsonRpcHandler handler() {
		return this.handler;
	}

	/**
	 * Return an HTTP handler of the JSON-RPC handler.
	 * @param policy the status policy
	 * @param maxRequestBytes the largest request body accepted
	 * @return the HTTP handler
	 */
	JsonRpcHttpHandler httpHandler(JsonRpcHttpStatusPolicy policy, long maxRequestBytes) {
		return new JsonRpcHttpHandler(this.handler, policy, maxRequestBytes);
	}

	/**
	 * Fail a call still pending when the test is over, so that nothing waits for it.
	 */
	void release() {
		this.response.completeExceptionally(new IllegalStateException("test over"));
	}

}
