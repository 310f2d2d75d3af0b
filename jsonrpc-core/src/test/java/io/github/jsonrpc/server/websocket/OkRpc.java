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
package io.github.jsonrpc.server.websocket;

import java.util.concurrent.CompletableFuture;

import tools.jackson.databind.json.JsonMapper;

import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import io.github.jsonrpc.server.JsonRpcHandler;

/**
 * The JSON-RPC side shared by the tests of the WebSocket transport: a codec, and a
 * handler that answers every call with {@code "ok"}.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class OkRpc {

	static final JsonRpcMessageCodec CODEC = JsonRpcMessageCodec.create(JsonMapper.builder().build());

	private OkRpc() {
	}

	/**
	 * Return a new handler answering every call with {@code "ok"}.
	 * @return the handler
	 */
	static JsonRpcHandler handler() {
		return JsonRpcHandler
			.builder((exchange) -> CompletableFuture.completedFuture(JsonRpcResponse.success(exchange.id(), "ok")),
					CODEC)
			.build();
	}

}
