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

import java.util.List;
import java.util.function.Function;

import io.github.jsonrpc.protocol.JsonRpcError;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;

/**
 * The responses to the calls of a batch, matched to the calls by id and indexed in the
 * order the calls were added (notifications have no index). Each entry succeeds or fails
 * on its own.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcBatchResponse {

	private final List<JsonRpcRequest> calls;

	private final List<JsonRpcResponse> responses;

	private final ResultConverter converter;

	JsonRpcBatchResponse(List<JsonRpcRequest> calls, List<JsonRpcResponse> responses, ResultConverter converter) {
		this.calls = calls;
		this.responses = responses;
		this.converter = converter;
	}

	/**
	 * Return the number of calls.
	 * @return the number of calls in the batch
	 */
	public int size() {
		return this.calls.size();
	}

	/**
	 * Return whether a call succeeded.
	 * @param index the index of the call
	 * @return {@code true} for a result, {@code false} for an error
	 */
	public boolean isSuccess(int index) {
		return this.responses.get(index) instanceof JsonRpcResponse.Success;
	}

	/**
	 * Return the result of a call.
	 * @param index the index of the call
	 * @param type the result type
	 * @param <T> the result type
	 * @return the result
	 * @throws JsonRpcClientException (or the mapped exception) when the call failed
	 */
	public <T> @Nullable T result(int index, Class<T> type) {
		return this.converter.convert(this.calls.get(index), this.responses.get(index),
				(mapper) -> mapper.constructType(type));
	}

	/**
	 * Return the result of a call as a generic type.
	 * @param index the index of the call
	 * @param type the result type
	 * @param <T> the result type
	 * @return the result
	 * @throws JsonRpcClientException (or the mapped exception) when the call failed
	 */
	public <T> @Nullable T result(int index, ParameterizedTypeReference<T> type) {
		return this.converter.convert(this.calls.get(index), this.responses.get(index),
				(mapper) -> mapper.constructType(type.getType()));
	}

	/**
	 * Return the error of a call.
	 * @param index the index of the call
	 * @return the error, or {@code null} when the call succeeded
	 */
	public @Nullable JsonRpcError error(int index) {
		return (this.responses.get(index) instanceof JsonRpcResponse.Failure failure) ? failure.error() : null;
	}

	/**
	 * Return the responses, in the order of the calls.
	 * @return the responses
	 */
	public List<JsonRpcResponse> responses() {
		return this.responses;
	}

	/**
	 * Converts a response to a result or the exception to throw.
	 */
	interface ResultConverter {

		<T> @Nullable T convert(JsonRpcRequest call, JsonRpcResponse response, Function<JsonMapper, JavaType> type);

	}

	@Override
	public String toString() {
		return "JsonRpcBatchResponse" + this.responses;
	}

}
