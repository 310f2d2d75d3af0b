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

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Function;
import java.util.stream.Stream;

import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.util.Assert;

/**
 * Default implementation of {@link JsonRpcClient.RequestSpec}.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class DefaultRequestSpec implements JsonRpcClient.RequestSpec {

	private final DefaultJsonRpcClient client;

	private final String method;

	private @Nullable JsonNode params;

	private @Nullable Map<String, @Nullable Object> named;

	private @Nullable Duration timeout;

	DefaultRequestSpec(DefaultJsonRpcClient client, String method) {
		Assert.hasText(method, "Method is required");
		this.client = client;
		this.method = method;
	}

	@Override
	public JsonRpcClient.RequestSpec params(@Nullable Object... params) {
		this.params = toParams(this.client.mapper(), params);
		this.named = null;
		return this;
	}

	@Override
	public JsonRpcClient.RequestSpec params(Map<String, ? extends @Nullable Object> params) {
		this.named = new LinkedHashMap<>(params);
		this.params = null;
		return this;
	}

	@Override
	public JsonRpcClient.RequestSpec param(String name, @Nullable Object value) {
		if (this.named == null) {
			this.named = new LinkedHashMap<>();
			this.params = null;
		}
		this.named.put(name, value);
		return this;
	}

	@Override
	public JsonRpcClient.RequestSpec namedParams(Object params) {
		JsonNode node = this.client.mapper().valueToTree(params);
		Assert.isTrue(node.isObject(), () -> "Named params must serialize to a JSON object, not " + node.getNodeType());
		this.params = node;
		this.named = null;
		return this;
	}

	@Override
	public JsonRpcClient.RequestSpec timeout(Duration timeout) {
		this.timeout = timeout;
		return this;
	}

	@Override
	public <T> @Nullable T retrieve(Class<T> type) {
		return retrieve((mapper) -> mapper.constructType(type));
	}

	@Override
	public <T> @Nullable T retrieve(ParameterizedTypeReference<T> type) {
		return retrieve((mapper) -> mapper.constructType(type.getType()));
	}

	private <T> @Nullable T retrieve(Function<JsonMapper, JavaType> type) {
		if (this.timeout != null) {
			// an explicit timeout is enforced by waiting, even if the transport would
			// block longer
			return await(retrieveAsync(type));
		}
		JsonRpcRequest call = JsonRpcRequest.call(this.client.nextId(), this.method, params());
		List<JsonRpcResponse> responses = this.client.sendAndWait(JsonRpcClientRequest.single(call), this.timeout);
		return this.client.convert(call, DefaultJsonRpcClient.match(call, responses), type);
	}

	@Override
	public <T> CompletableFuture<@Nullable T> retrieveAsync(Class<T> type) {
		return retrieveAsync((mapper) -> mapper.constructType(type));
	}

	@Override
	public <T> CompletableFuture<@Nullable T> retrieveAsync(ParameterizedTypeReference<T> type) {
		return retrieveAsync((mapper) -> mapper.constructType(type.getType()));
	}

	private <T> CompletableFuture<@Nullable T> retrieveAsync(Function<JsonMapper, JavaType> type) {
		JsonRpcRequest call;
		try {
			call = JsonRpcRequest.call(this.client.nextId(), this.method, params());
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		return this.client.sendLater(JsonRpcClientRequest.single(call), this.timeout).handle((responses, failure) -> {
			if (failure != null) {
				throw JsonRpcTransportException.wrap(failure);
			}
			return this.client.convert(call, DefaultJsonRpcClient.match(call, responses), type);
		});
	}

	private static <T> @Nullable T await(CompletableFuture<@Nullable T> result) {
		try {
			return result.join();
		}
		catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException ex) {
			throw JsonRpcTransportException.wrap(ex);
		}
	}

	@Override
	public <T> Flow.Publisher<T> stream(Class<T> type) {
		return publisher(this.client.mapper().constructType(type));
	}

	@Override
	public <T> Flow.Publisher<T> stream(ParameterizedTypeReference<T> type) {
		return publisher(this.client.mapper().constructType(type.getType()));
	}

	@Override
	public <T> Stream<T> streamBlocking(Class<T> type) {
		JsonRpcResultPublisher<T> publisher = publisher(this.client.mapper().constructType(type));
		return publisher.toStream((this.timeout != null) ? this.timeout : this.client.timeout());
	}

	private <T> JsonRpcResultPublisher<T> publisher(JavaType type) {
		JsonNode params = params();
		return new JsonRpcResultPublisher<>(this.client,
				() -> JsonRpcRequest.call(this.client.nextId(), this.method, params), type);
	}

	@Override
	public void send() {
		this.client.sendAndWait(JsonRpcClientRequest.single(JsonRpcRequest.notification(this.method, params())),
				this.timeout);
	}

	@Override
	public CompletableFuture<Void> sendAsync() {
		return this.client
			.sendLater(JsonRpcClientRequest.single(JsonRpcRequest.notification(this.method, params())), this.timeout)
			.thenApply((responses) -> null);
	}

	private @Nullable JsonNode params() {
		if (this.named != null) {
			return this.client.mapper().valueToTree(this.named);
		}
		return this.params;
	}

	static JsonNode toParams(JsonMapper mapper, @Nullable Object[] params) {
		// a null array (params((Object[]) null)) is taken as one null param
		return mapper.valueToTree((params != null) ? Arrays.asList(params) : java.util.Collections.singletonList(null));
	}

}
