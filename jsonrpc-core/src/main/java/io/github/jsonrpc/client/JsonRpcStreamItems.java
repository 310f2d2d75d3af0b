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

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * Recognizes the items of a streamed result:
 * {@code {"jsonrpc":"2.0","method":"rpc.stream","params":{"id":<call id>,"item":...}}}.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class JsonRpcStreamItems {

	/** Method of the notifications that carry stream items. */
	static final String STREAM_METHOD = "rpc.stream";

	/** Method of the notification that cancels a call or stream. */
	static final String CANCEL_METHOD = "rpc.cancel";

	private JsonRpcStreamItems() {
	}

	/**
	 * Return the id key of the call a stream item belongs to.
	 * @param message a message from the server
	 * @return the key, or {@code null} if the message is not a stream item
	 */
	static @Nullable String callOf(JsonNode message) {
		if (!message.isObject() || message.has("id")) {
			return null;
		}
		JsonNode method = message.get("method");
		JsonNode params = message.get("params");
		if (method == null || !method.isString() || !STREAM_METHOD.equals(method.asString()) || params == null
				|| !params.isObject() || !params.has("id")) {
			return null;
		}
		return params.get("id").toString();
	}

	/**
	 * Return the item of a stream message of the given call.
	 * @param message a message from the server
	 * @param callId the key of the call's id
	 * @return the item ({@code null} JSON as a null node), or {@code null} if the message
	 * is not an item of that call
	 */
	static @Nullable JsonNode itemOf(JsonNode message, String callId) {
		if (!callId.equals(callOf(message))) {
			return null;
		}
		JsonNode item = message.get("params").get("item");
		return (item != null) ? item : NullNode.getInstance();
	}

}
