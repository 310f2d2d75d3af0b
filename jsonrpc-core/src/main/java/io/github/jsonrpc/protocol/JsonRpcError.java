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

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The {@code error} member of a JSON-RPC response.
 *
 * @param code the error code, see {@link JsonRpcErrorCodes}
 * @param message a short, client-safe description
 * @param data additional, client-safe information, or {@code null} to omit the member
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public record JsonRpcError(int code, String message, @Nullable Object data) {

	public JsonRpcError {
		Assert.notNull(message, "Message is required");
	}

	/**
	 * Create an error without data.
	 * @param code the error code
	 * @param message the message
	 * @return the error
	 */
	public static JsonRpcError of(int code, String message) {
		return new JsonRpcError(code, message, null);
	}

	/**
	 * Create an error with data.
	 * @param code the error code
	 * @param message the message
	 * @param data the data, serialized with the application's JSON mapper
	 * @return the error
	 */
	public static JsonRpcError of(int code, String message, @Nullable Object data) {
		return new JsonRpcError(code, message, data);
	}

	/**
	 * Create one of the standard errors with its standard message.
	 * @param code one of the codes defined by the specification
	 * @return the error
	 */
	public static JsonRpcError standard(int code) {
		return of(code, JsonRpcErrorCodes.defaultMessage(code));
	}

	/**
	 * Create the error of a call whose reply does not fit in the reply budget:
	 * {@code -32005 Reply too large} with {@code {"maxReplySize": <bytes>}} as data.
	 * @param maxReplyBytes the budget in bytes
	 * @return the error
	 */
	public static JsonRpcError replyTooLarge(long maxReplyBytes) {
		return of(JsonRpcErrorCodes.LIMIT_EXCEEDED, "Reply too large", Map.of("maxReplySize", maxReplyBytes));
	}

	/**
	 * Return a copy of this error with other data.
	 * @param data the new data
	 * @return the new error
	 */
	public JsonRpcError withData(@Nullable Object data) {
		return new JsonRpcError(this.code, this.message, data);
	}

}
