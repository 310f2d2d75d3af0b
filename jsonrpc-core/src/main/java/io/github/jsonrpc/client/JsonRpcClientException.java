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

import io.github.jsonrpc.protocol.JsonRpcError;
import io.github.jsonrpc.protocol.JsonRpcId;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Thrown when the server answers a call with a JSON-RPC error. Carries the error's code,
 * message and data as sent, plus the method and id of the call. Applications can map
 * codes to their own exception types with
 * {@link JsonRpcClient.Builder#errorMapping(int, java.util.function.Function)}.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public class JsonRpcClientException extends RuntimeException {

	private final JsonRpcError error;

	private final String method;

	private final @Nullable JsonRpcId id;

	/**
	 * Create a new instance.
	 * @param error the error received
	 * @param method the method called
	 * @param id the id of the call
	 */
	public JsonRpcClientException(JsonRpcError error, String method, @Nullable JsonRpcId id) {
		super("JSON-RPC error " + error.code() + " \"" + error.message() + "\" from method '" + method + "'"
				+ ((id != null) ? " (id " + id + ")" : ""));
		this.error = error;
		this.method = method;
		this.id = id;
	}

	/**
	 * Return the error as received.
	 * @return the error
	 */
	public JsonRpcError getError() {
		return this.error;
	}

	/**
	 * Return the error code.
	 * @return the code
	 */
	public int getCode() {
		return this.error.code();
	}

	/**
	 * Return the error message sent by the server.
	 * @return the message
	 */
	public String getErrorMessage() {
		return this.error.message();
	}

	/**
	 * Return the error data sent by the server.
	 * @return the data, or {@code null} when the member was absent
	 */
	public @Nullable JsonNode getData() {
		return (this.error.data() instanceof JsonNode node) ? node : null;
	}

	/**
	 * Return the method that was called.
	 * @return the method name
	 */
	public String getMethod() {
		return this.method;
	}

	/**
	 * Return the id of the call.
	 * @return the id, or {@code null} when unknown
	 */
	public @Nullable JsonRpcId getId() {
		return this.id;
	}

}
