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

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link JsonRpcTransport} for tests: records what is sent and answers with a function
 * of the request's JSON.
 */
public final class RecordingTransport implements JsonRpcTransport {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static final JsonRpcMessageCodec codec = JsonRpcMessageCodec.create(mapper);

	private final Function<JsonNode, String> replies;

	private final List<JsonNode> sent = new CopyOnWriteArrayList<>();

	public RecordingTransport(Function<JsonNode, String> replies) {
		this.replies = replies;
	}

	/**
	 * Return a transport answering every message with the same text.
	 * @param reply the reply
	 * @return the transport
	 */
	public static RecordingTransport replying(String reply) {
		return new RecordingTransport((request) -> reply);
	}

	/**
	 * Return a transport answering every call with the same result and the call's id.
	 * @param result the JSON of the result
	 * @return the transport
	 */
	public static RecordingTransport result(String result) {
		return new RecordingTransport(
				(request) -> "{\"jsonrpc\":\"2.0\",\"result\":" + result + ",\"id\":" + request.get("id") + "}");
	}

	@Override
	public CompletableFuture<List<JsonRpcResponse>> exchange(JsonRpcClientRequest request) {
		byte[] message = JsonRpcClientCodec.encode(codec, request);
		return exchangeRaw(message).thenApply((reply) -> JsonRpcClientCodec.decode(codec, request, reply));
	}

	@Override
	public CompletableFuture<byte[]> exchangeRaw(byte[] message) {
		JsonNode request = mapper.readTree(message);
		this.sent.add(request);
		return CompletableFuture.completedFuture(this.replies.apply(request).getBytes(StandardCharsets.UTF_8));
	}

	public List<JsonNode> sent() {
		return this.sent;
	}

	public JsonNode lastSent() {
		return this.sent.get(this.sent.size() - 1);
	}

}
