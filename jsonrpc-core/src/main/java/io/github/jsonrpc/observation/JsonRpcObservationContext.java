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

import io.github.jsonrpc.protocol.JsonRpcResponse;
import io.github.jsonrpc.server.JsonRpcExchange;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Context of the observation of one JSON-RPC call.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public class JsonRpcObservationContext extends Observation.Context {

	private final JsonRpcExchange exchange;

	private final boolean knownMethod;

	private @Nullable JsonRpcResponse response;

	/**
	 * Create a new instance.
	 * @param exchange the call
	 * @param knownMethod whether the method name is registered, so that unknown names do
	 * not become metric tags
	 */
	public JsonRpcObservationContext(JsonRpcExchange exchange, boolean knownMethod) {
		Assert.notNull(exchange, "Exchange is required");
		this.exchange = exchange;
		this.knownMethod = knownMethod;
	}

	/**
	 * Return the call.
	 * @return the exchange
	 */
	public JsonRpcExchange getExchange() {
		return this.exchange;
	}

	/**
	 * Return whether the method name is registered.
	 * @return {@code true} for a registered method
	 */
	public boolean isKnownMethod() {
		return this.knownMethod;
	}

	/**
	 * Return the response.
	 * @return the response, or {@code null} before completion or when the call failed
	 * outside the dispatcher
	 */
	public @Nullable JsonRpcResponse getResponse() {
		return this.response;
	}

	/**
	 * Set the response.
	 * @param response the response
	 */
	public void setResponse(@Nullable JsonRpcResponse response) {
		this.response = response;
	}

}
