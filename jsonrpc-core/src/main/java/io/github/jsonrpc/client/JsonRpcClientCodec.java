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

import java.util.ArrayList;
import java.util.List;

import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.protocol.JsonRpcProtocolException;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Writes client requests and reads replies for the transports, with the leniency real
 * servers need.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class JsonRpcClientCodec {

	private JsonRpcClientCodec() {
	}

	static byte[] encode(JsonRpcMessageCodec codec, JsonRpcClientRequest request) {
		return request.batch() ? codec.encodeBatch(request.entries()) : codec.encode(request.entries().get(0));
	}

	/**
	 * Read the reply to a request.
	 * @throws JsonRpcTransportException if the reply is not JSON-RPC
	 */
	static List<JsonRpcResponse> decode(JsonRpcMessageCodec codec, JsonRpcClientRequest request, byte[] reply) {
		if (reply.length == 0) {
			return List.of();
		}
		try {
			return codec.decodeResponses(reply);
		}
		catch (JsonRpcProtocolException ex) {
			List<JsonRpcResponse> lenient = (request.batch()) ? withoutNullEntries(codec, reply) : null;
			if (lenient != null) {
				return lenient;
			}
			throw invalidReply(request, ex);
		}
	}

	/**
	 * Return the failure of a call whose reply is not valid JSON-RPC: the transport's,
	 * naming the call, whatever the transport.
	 * @param request the request
	 * @param ex why the reply could not be read
	 * @return the exception to fail the call with
	 */
	static JsonRpcTransportException invalidReply(JsonRpcClientRequest request, RuntimeException ex) {
		return new JsonRpcTransportException("Invalid reply to " + describe(request) + ": " + ex.getMessage(), ex);
	}

	/**
	 * Read a batch reply with {@code null} entries for notifications (jsonrpc4j writes
	 * them), skipping those entries.
	 * @return the responses, or {@code null} when the reply is invalid for another reason
	 */
	private static @Nullable List<JsonRpcResponse> withoutNullEntries(JsonRpcMessageCodec codec, byte[] reply) {
		try {
			JsonNode tree = codec.mapper().readTree(reply);
			if (tree == null || !tree.isArray()) {
				return null;
			}
			List<JsonRpcResponse> responses = new ArrayList<>();
			for (JsonNode element : tree) {
				if (!element.isNull()) {
					responses.add(codec.readResponse(element));
				}
			}
			return responses;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	static String describe(JsonRpcClientRequest request) {
		if (request.batch()) {
			return "batch of " + request.entries().size();
		}
		JsonRpcRequest entry = request.entries().get(0);
		return "method '" + entry.method() + "'" + ((entry.id() != null) ? " (id " + entry.id() + ")" : "");
	}

}
