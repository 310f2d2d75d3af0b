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
	 * Create a success response.
	 * @param id the id of the request
	 * @param result the result, {@code null} is written as {@code "result": null}
	 * @return the response
	 */
	static Success success(JsonRpcId id, @Nullable Object result) {
		return new Success(id, result);
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
	 */
	record Success(JsonRpcId id, @Nullable Object result) implements JsonRpcResponse {

		public Success {
			Assert.notNull(id, "Id is required");
		}

	}

	/**
	 * An error response.
	 *
	 * @param id the id of the request, or the explicit null id
	 * @param error the error
	 */
	record Failure(JsonRpcId id, JsonRpcError error) implements JsonRpcResponse {

		public Failure {
			Assert.notNull(id, "Id is required");
			Assert.notNull(error, "Error is required");
		}

	}

}
