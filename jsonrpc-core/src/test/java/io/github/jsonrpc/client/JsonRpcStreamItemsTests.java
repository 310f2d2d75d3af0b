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

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JsonRpcStreamItems}: which messages are items of which call.
 */
class JsonRpcStreamItemsTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void itemNamesItsCallByTheJsonOfItsId() {
		assertThat(JsonRpcStreamItems
			.callOf(json("{\"jsonrpc\":\"2.0\",\"method\":\"rpc.stream\"," + "\"params\":{\"id\":7,\"item\":\"a\"}}")))
			.isEqualTo("7");
		assertThat(JsonRpcStreamItems.callOf(
				json("{\"jsonrpc\":\"2.0\",\"method\":\"rpc.stream\"," + "\"params\":{\"id\":\"7\",\"item\":\"a\"}}")))
			.isEqualTo("\"7\"");
	}

	@Test
	void otherMessagesAreNoItems() {
		for (String message : new String[] { "[]", "\"rpc.stream\"",
				"{\"method\":\"rpc.stream\",\"params\":{\"id\":7},\"id\":1}", "{\"params\":{\"id\":7}}",
				"{\"method\":7,\"params\":{\"id\":7}}", "{\"method\":\"news\",\"params\":{\"id\":7}}",
				"{\"method\":\"rpc.stream\"}", "{\"method\":\"rpc.stream\",\"params\":[7]}",
				"{\"method\":\"rpc.stream\",\"params\":{\"item\":1}}" }) {
			assertThat(JsonRpcStreamItems.callOf(json(message))).as(message).isNull();
		}
	}

	@Test
	void itemOfItsCallIsTakenAndAMissingItemIsNull() {
		JsonNode item = json("{\"method\":\"rpc.stream\",\"params\":{\"id\":7,\"item\":{\"n\":1}}}");
		assertThat(JsonRpcStreamItems.itemOf(item, "7")).isEqualTo(json("{\"n\":1}"));
		assertThat(JsonRpcStreamItems.itemOf(item, "8")).isNull();
		assertThat(JsonRpcStreamItems.itemOf(item, "\"7\"")).isNull();
		assertThat(JsonRpcStreamItems.itemOf(json("{\"method\":\"rpc.stream\",\"params\":{\"id\":7}}"), "7"))
			.isSameAs(NullNode.getInstance());
		assertThat(JsonRpcStreamItems.itemOf(json("{\"method\":\"news\",\"params\":{\"id\":7}}"), "7")).isNull();
	}

	private static JsonNode json(String text) {
		return mapper.readTree(text);
	}

}
