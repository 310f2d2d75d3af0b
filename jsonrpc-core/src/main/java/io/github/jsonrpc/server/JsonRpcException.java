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

import io.github.jsonrpc.protocol.JsonRpcError;
import org.jspecify.annotations.Nullable;

/**
 * Exception application code throws to answer a call with a specific JSON-RPC error. Its
 * code, message and data are sent to the client as they are.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public class JsonRpcException extends RuntimeException {

	private final JsonRpcError error;

	/**
	 * Create a new instance.
	 * @param code the error code
	 * @param message the client-safe message
	 */
	public JsonRpcException(int code, String message) {
		this(JsonRpcError.of(code, message));
	}

	/**
	 * Create a new instance.
	 * @param code the error code
	 * @param message the client-safe message
	 * @param data the client-safe data, serialized with the application's mapper
	 */
	public JsonRpcException(int code, String message, @Nullable Object data) {
		this(JsonRpcError.of(code, message, data));
	}

	/**
	 * Create a new instance.
	 * @param error the error to answer with
	 */
	public JsonRpcException(JsonRpcError error) {
		super(error.message());
		this.error = error;
	}

	/**
	 * Create a new instance.
	 * @param error the error to answer with
	 * @param cause the cause, logged but never sent
	 */
	public JsonRpcException(JsonRpcError error, @Nullable Throwable cause) {
		super(error.message(), cause);
		this.error = error;
	}

	/**
	 * Return the error to answer with.
	 * @return the error
	 */
	public JsonRpcError getError() {
		return this.error;
	}

}
