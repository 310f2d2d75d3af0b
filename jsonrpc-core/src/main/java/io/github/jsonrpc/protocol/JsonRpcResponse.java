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

import org.springframework.util.Assert;

/**
 * A JSON-RPC response: either a {@link Success} carrying a result or a {@link Failure}
 * carrying an error.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public sealed interface JsonRpcResponse extends JsonRpcMessage
		permits JsonRpcResponse.Success, JsonRpcResponse.Failure {

	/**
	 * Return the id of the request this response answers, the explicit null id when the
	 * request's id could not be read.
	 * @return the id
	 */
	JsonRpcId id();

	/**
	 * Return the protocol version of the request this response answers, which decides how
	 * it is written.
	 * @return the version, {@link JsonRpcVersion#V2} unless the request was a 1.0 one
	 */
	JsonRpcVersion version();

	/**
	 * Return this response written in another protocol version.
	 * @param version the version of the request it answers
	 * @return a response with the same id and outcome
	 */
	JsonRpcResponse withVersion(JsonRpcVersion version);

	/**
	 * Create a success response.
	 * @param id the id of the request
	 * @param result the result, {@code null} is written as {@code "result": null}
	 * @return the response
	 */
	static Success success(JsonRpcId id, @Nullable Object result) {
		// a void method's answer to a notification, made on every notification and then
		// dropped: one shared (immutable, equal) record instead
		return (result == null && id == JsonRpcId.NULL) ? Success.NULL_ID_NO_RESULT : new Success(id, result);
	}

	/**
	 * Create an error response.
	 * @param id the id of the request, {@link JsonRpcId#NULL} when unknown
	 * @param error the error
	 * @return the response
	 */
	static Failure failure(JsonRpcId id, JsonRpcError error) {
		return new Failure(id, error);
	}

	/**
	 * A successful response.
	 *
	 * @param id the id of the request
	 * @param result the result; {@code null} is written as {@code "result": null}
	 * @param version the protocol version of the request
	 */
	record Success(JsonRpcId id, @Nullable Object result, JsonRpcVersion version) implements JsonRpcResponse {

		private static final Success NULL_ID_NO_RESULT = new Success(JsonRpcId.NULL, null, JsonRpcVersion.V2);

		public Success {
			Assert.notNull(id, "Id is required");
			Assert.notNull(version, "Version is required");
		}

		/**
		 * Create a JSON-RPC 2.0 success response.
		 * @param id the id of the request
		 * @param result the result
		 */
		public Success(JsonRpcId id, @Nullable Object result) {
			this(id, result, JsonRpcVersion.V2);
		}

		@Override
		public Success withVersion(JsonRpcVersion version) {
			return (version == this.version) ? this : new Success(this.id, this.result, version);
		}

	}

	/**
	 * An error response.
	 *
	 * @param id the id of the request, or the explicit null id
	 * @param error the error
	 * @param version the protocol version of the request
	 */
	record Failure(JsonRpcId id, JsonRpcError error, JsonRpcVersion version) implements JsonRpcResponse {

		public Failure {
			Assert.notNull(id, "Id is required");
			Assert.notNull(error, "Error is required");
			Assert.notNull(version, "Version is required");
		}

		/**
		 * Create a JSON-RPC 2.0 error response.
		 * @param id the id of the request, or the explicit null id
		 * @param error the error
		 */
		public Failure(JsonRpcId id, JsonRpcError error) {
			this(id, error, JsonRpcVersion.V2);
		}

		@Override
		public Failure withVersion(JsonRpcVersion version) {
			return (version == this.version) ? this : new Failure(this.id, this.error, version);
		}

	}

}
