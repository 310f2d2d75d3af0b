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

package io.github.jsonrpc.protocol;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.util.Assert;

/**
 * A JSON-RPC request: a call when it has an id, a notification when it has none.
 *
 * @param id the id, or {@code null} when the member is absent (a notification); an
 * explicit {@code "id": null} is {@link JsonRpcId#NULL} and is a call
 * @param method the method name
 * @param params the {@code params} member, an array or an object, or {@code null} when
 * absent
 * @param version the protocol version the request was made in, which decides the shape of
 * its response
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public record JsonRpcRequest(@Nullable JsonRpcId id, String method, @Nullable JsonNode params,
		JsonRpcVersion version) implements JsonRpcMessage {

	public JsonRpcRequest {
		Assert.notNull(method, "Method is required");
		Assert.isTrue(params == null || NodeTypes.isContainer(params), "Params must be an array or an object");
		Assert.notNull(version, "Version is required");
	}

	/**
	 * Create a JSON-RPC 2.0 request.
	 * @param id the id, or {@code null} for a notification
	 * @param method the method name
	 * @param params the params, or {@code null}
	 */
	public JsonRpcRequest(@Nullable JsonRpcId id, String method, @Nullable JsonNode params) {
		this(id, method, params, JsonRpcVersion.V2);
	}

	/**
	 * Create a call.
	 * @param id the id
	 * @param method the method name
	 * @param params the params, or {@code null}
	 * @return the request
	 */
	public static JsonRpcRequest call(JsonRpcId id, String method, @Nullable JsonNode params) {
		Assert.notNull(id, "Id is required for a call");
		return new JsonRpcRequest(id, method, params);
	}

	/**
	 * Create a notification.
	 * @param method the method name
	 * @param params the params, or {@code null}
	 * @return the request
	 */
	public static JsonRpcRequest notification(String method, @Nullable JsonNode params) {
		return new JsonRpcRequest(null, method, params);
	}

	/**
	 * Return whether this request is a notification: it has no id and gets no response,
	 * even on error.
	 * @return {@code true} for a notification
	 */
	public boolean isNotification() {
		return this.id == null;
	}

	/**
	 * Return the id to answer with: the request's id, or the explicit null id for a
	 * notification (whose response is never sent).
	 * @return the response id
	 */
	public JsonRpcId responseId() {
		return (this.id != null) ? this.id : JsonRpcId.NULL;
	}

}
