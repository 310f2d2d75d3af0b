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

import io.github.jsonrpc.protocol.JsonRpcRequest;

import org.springframework.util.Assert;

/**
 * What the client is about to send in one message: a single call or notification, or the
 * entries of a batch.
 *
 * @param batch whether the entries are sent as a batch array
 * @param entries the requests, never empty; exactly one unless {@code batch}
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public record JsonRpcClientRequest(boolean batch, List<JsonRpcRequest> entries) {

	public JsonRpcClientRequest {
		Assert.notEmpty(entries, "Entries must not be empty");
		Assert.isTrue(batch || entries.size() == 1, "A message that is not a batch has exactly one entry");
		entries = List.copyOf(entries);
	}

	/**
	 * Create a message with a single request.
	 * @param request the call or notification
	 * @return the message
	 */
	public static JsonRpcClientRequest single(JsonRpcRequest request) {
		return new JsonRpcClientRequest(false, List.of(request));
	}

	/**
	 * Create a batch message.
	 * @param requests the entries in order
	 * @return the message
	 */
	public static JsonRpcClientRequest batch(List<JsonRpcRequest> requests) {
		return new JsonRpcClientRequest(true, requests);
	}

}
