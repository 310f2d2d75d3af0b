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

/**
 * Thrown when a message does not follow the JSON-RPC 2.0 envelope rules, carrying the
 * error to answer with and, when it could be read, the request's id.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public class JsonRpcProtocolException extends RuntimeException {

	private final JsonRpcError error;

	private final @Nullable JsonRpcId id;

	private final JsonRpcVersion version;

	/**
	 * Create a new instance.
	 * @param error the error to answer with
	 * @param id the id of the offending request, {@code null} when unknown
	 */
	public JsonRpcProtocolException(JsonRpcError error, @Nullable JsonRpcId id) {
		super(error.message());
		this.error = error;
		this.id = id;
		this.version = JsonRpcVersion.V2;
	}

	/**
	 * Create a new instance.
	 * @param error the error to answer with
	 * @param id the id of the offending request, {@code null} when unknown
	 * @param cause the underlying failure, logged but never sent
	 */
	public JsonRpcProtocolException(JsonRpcError error, @Nullable JsonRpcId id, @Nullable Throwable cause) {
		this(error, id, JsonRpcVersion.V2, cause);
	}

	/**
	 * Create a new instance for a request of a given protocol version.
	 * @param error the error to answer with
	 * @param id the id of the offending request, {@code null} when unknown
	 * @param version the protocol version the answer is written in
	 * @param cause the underlying failure, logged but never sent
	 */
	public JsonRpcProtocolException(JsonRpcError error, @Nullable JsonRpcId id, JsonRpcVersion version,
			@Nullable Throwable cause) {
		super(error.message(), cause);
		this.error = error;
		this.id = id;
		this.version = version;
	}

	/**
	 * Return the error to answer with.
	 * @return the error
	 */
	public JsonRpcError getError() {
		return this.error;
	}

	/**
	 * Return the id of the offending request.
	 * @return the id, or {@code null} when it could not be read
	 */
	public @Nullable JsonRpcId getId() {
		return this.id;
	}

	/**
	 * Return the failure response for this exception.
	 * @return the response, with the explicit null id when the id is unknown
	 */
	public JsonRpcResponse.Failure toResponse() {
		return JsonRpcResponse.failure((this.id != null) ? this.id : JsonRpcId.NULL, this.error)
			.withVersion(this.version);
	}

}
