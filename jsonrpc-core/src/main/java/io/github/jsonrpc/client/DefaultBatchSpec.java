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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Default implementation of {@link JsonRpcClient.BatchSpec}.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class DefaultBatchSpec implements JsonRpcClient.BatchSpec {

	private final DefaultJsonRpcClient client;

	private final List<JsonRpcRequest> entries = new ArrayList<>();

	private final List<JsonRpcRequest> calls = new ArrayList<>();

	DefaultBatchSpec(DefaultJsonRpcClient client) {
		this.client = client;
	}

	@Override
	public JsonRpcClient.BatchSpec call(String method, @Nullable Object... params) {
		return add(JsonRpcRequest.call(this.client.nextId(), method,
				DefaultRequestSpec.toParams(this.client.mapper(), params)));
	}

	@Override
	public JsonRpcClient.BatchSpec call(String method, Map<String, ? extends @Nullable Object> params) {
		return add(JsonRpcRequest.call(this.client.nextId(), method, this.client.mapper().valueToTree(params)));
	}

	@Override
	public JsonRpcClient.BatchSpec notify(String method, @Nullable Object... params) {
		return add(JsonRpcRequest.notification(method, DefaultRequestSpec.toParams(this.client.mapper(), params)));
	}

	private JsonRpcClient.BatchSpec add(JsonRpcRequest request) {
		this.entries.add(request);
		if (!request.isNotification()) {
			this.calls.add(request);
		}
		return this;
	}

	@Override
	public JsonRpcBatchResponse execute() {
		Assert.state(!this.entries.isEmpty(), "A batch needs at least one call or notification");
		return toResponse(this.client.sendAndWait(JsonRpcClientRequest.batch(this.entries), null));
	}

	@Override
	public CompletableFuture<JsonRpcBatchResponse> executeAsync() {
		Assert.state(!this.entries.isEmpty(), "A batch needs at least one call or notification");
		return this.client.sendLater(JsonRpcClientRequest.batch(this.entries), null).handle((responses, failure) -> {
			if (failure != null) {
				throw JsonRpcTransportException.wrap(failure);
			}
			return toResponse(responses);
		});
	}

	private JsonRpcBatchResponse toResponse(List<JsonRpcResponse> responses) {
		List<JsonRpcRequest> calls = List.copyOf(this.calls);
		return new JsonRpcBatchResponse(calls, DefaultJsonRpcClient.matchAll(calls, responses), this.client);
	}

}
