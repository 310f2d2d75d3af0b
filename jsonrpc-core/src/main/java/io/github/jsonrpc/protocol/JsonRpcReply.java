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

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a transport sends back: no response (notifications only), a single response, or
 * the responses of a batch in request order.
 *
 * @param batch whether the responses answer a batch and are written as an array
 * @param responses the responses; empty when there is nothing to send
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public record JsonRpcReply(boolean batch, List<JsonRpcResponse> responses) {

	private static final JsonRpcReply EMPTY = new JsonRpcReply(false, List.of());

	public JsonRpcReply {
		responses = List.copyOf(responses);
	}

	/**
	 * Return the reply that sends nothing.
	 * @return the empty reply
	 */
	public static JsonRpcReply empty() {
		return EMPTY;
	}

	/**
	 * Create a reply with a single response.
	 * @param response the response
	 * @return the reply
	 */
	public static JsonRpcReply single(JsonRpcResponse response) {
		return new JsonRpcReply(false, List.of(response));
	}

	/**
	 * Create a batch reply; an empty list (all notifications) becomes {@link #empty()}.
	 * @param responses the responses in request order
	 * @return the reply
	 */
	public static JsonRpcReply batch(List<JsonRpcResponse> responses) {
		return responses.isEmpty() ? EMPTY : new JsonRpcReply(true, responses);
	}

	/**
	 * Return whether there is nothing to send.
	 * @return {@code true} when no response is to be written
	 */
	public boolean isEmpty() {
		return this.responses.isEmpty();
	}

	/**
	 * Return the single response of a non-batch reply.
	 * @return the response, or {@code null} for an empty or batch reply
	 */
	public @Nullable JsonRpcResponse single() {
		return (!this.batch && this.responses.size() == 1) ? this.responses.get(0) : null;
	}

}
