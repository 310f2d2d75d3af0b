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

import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.protocol.JsonRpcProtocolException;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link JsonRpcClientCodec}: the message sent for a single request and a
 * batch, replies read leniently only where a known server needs it, and bad replies
 * reported as transport errors that name the request.
 */
class JsonRpcClientCodecTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static final JsonRpcMessageCodec codec = JsonRpcMessageCodec.create(mapper);

	private static final JsonRpcRequest CALL = JsonRpcRequest.call(JsonRpcId.of(1), "sum", mapper.readTree("[1,2]"));

	private static final JsonRpcRequest NOTIFICATION = JsonRpcRequest.notification("log", null);

	@Test
	void singleRequestIsSentAsAnObjectAndABatchAsAnArray() {
		assertThat(text(JsonRpcClientCodec.encode(codec, JsonRpcClientRequest.single(CALL))))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1,2],\"id\":1}");
		assertThat(text(JsonRpcClientCodec.encode(codec, JsonRpcClientRequest.batch(List.of(CALL)))))
			.isEqualTo("[{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1,2],\"id\":1}]");
	}

	@Test
	void emptyReplyHasNoResponses() {
		assertThat(JsonRpcClientCodec.decode(codec, JsonRpcClientRequest.single(NOTIFICATION), new byte[0])).isEmpty();
	}

	@Test
	void replyIsReadAsResponses() {
		List<JsonRpcResponse> responses = JsonRpcClientCodec.decode(codec, JsonRpcClientRequest.single(CALL),
				bytes("{\"jsonrpc\":\"2.0\",\"result\":3,\"id\":1}"));
		assertThat(responses).containsExactly(JsonRpcResponse.success(JsonRpcId.of(1), mapper.readTree("3")));
	}

	@Test
	void invalidReplyToACallNamesTheMethodAndId() {
		assertThatExceptionOfType(JsonRpcTransportException.class)
			.isThrownBy(() -> JsonRpcClientCodec.decode(codec, JsonRpcClientRequest.single(CALL), bytes("<html/>")))
			.withMessageStartingWith("Invalid reply to method 'sum' (id 1): ")
			.withCauseInstanceOf(JsonRpcProtocolException.class);
		assertThatExceptionOfType(JsonRpcTransportException.class)
			.isThrownBy(() -> JsonRpcClientCodec.decode(codec, JsonRpcClientRequest.single(CALL), bytes("[null]")))
			.withMessageStartingWith("Invalid reply to method 'sum' (id 1): ");
	}

	@Test
	void nullEntriesOfABatchReplyAreSkipped() {
		List<JsonRpcResponse> responses = JsonRpcClientCodec.decode(codec,
				JsonRpcClientRequest.batch(List.of(CALL, NOTIFICATION)),
				bytes("[{\"jsonrpc\":\"2.0\",\"result\":3,\"id\":1},null]"));
		assertThat(responses).containsExactly(JsonRpcResponse.success(JsonRpcId.of(1), mapper.readTree("3")));
	}

	@Test
	void invalidBatchRepliesAreStillRefused() {
		JsonRpcClientRequest batch = JsonRpcClientRequest.batch(List.of(CALL, NOTIFICATION));
		for (String reply : List.of("<html/>", "{\"jsonrpc\":\"2.0\",\"result\":3}", "[{\"result\":3,\"id\":1},null]",
				"[1]")) {
			assertThatExceptionOfType(JsonRpcTransportException.class)
				.isThrownBy(() -> JsonRpcClientCodec.decode(codec, batch, bytes(reply)))
				.as(reply)
				.withMessageStartingWith("Invalid reply to batch of 2: ");
		}
	}

	@Test
	void requestsAreDescribedByMethodAndIdOrBatchSize() {
		assertThat(JsonRpcClientCodec.describe(JsonRpcClientRequest.single(CALL))).isEqualTo("method 'sum' (id 1)");
		assertThat(JsonRpcClientCodec.describe(JsonRpcClientRequest.single(NOTIFICATION))).isEqualTo("method 'log'");
		assertThat(JsonRpcClientCodec.describe(JsonRpcClientRequest.batch(List.of(CALL, NOTIFICATION, CALL))))
			.isEqualTo("batch of 3");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
