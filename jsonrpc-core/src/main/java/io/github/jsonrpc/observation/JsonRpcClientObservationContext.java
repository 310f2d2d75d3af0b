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

package io.github.jsonrpc.observation;

import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Context of the observation of one call made by the JSON-RPC client, batch entries
 * included.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public class JsonRpcClientObservationContext extends Observation.Context {

	private final JsonRpcRequest request;

	private final boolean batch;

	private @Nullable JsonRpcResponse response;

	/**
	 * Create a new instance.
	 * @param request the call or notification
	 * @param batch whether it is sent in a batch
	 */
	public JsonRpcClientObservationContext(JsonRpcRequest request, boolean batch) {
		Assert.notNull(request, "Request is required");
		this.request = request;
		this.batch = batch;
	}

	/**
	 * Return the call.
	 * @return the request
	 */
	public JsonRpcRequest getRequest() {
		return this.request;
	}

	/**
	 * Return whether the call is sent in a batch.
	 * @return whether in a batch
	 */
	public boolean isBatch() {
		return this.batch;
	}

	/**
	 * Return the response received.
	 * @return the response, {@code null} for a notification, or when none arrived
	 */
	public @Nullable JsonRpcResponse getResponse() {
		return this.response;
	}

	/**
	 * Set the response received.
	 * @param response the response
	 */
	public void setResponse(@Nullable JsonRpcResponse response) {
		this.response = response;
	}

}
