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

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the envelope checks of {@link JsonRpcMessageCodec#readRequest(JsonNode)}:
 * every wrong type of every member fails the same check with the same id, whether the
 * tree comes from the parser or is made of subclasses of Jackson's node classes (which
 * the checks cannot decide by the node's class).
 *
 * @author jsonrpc-dev
 */
class JsonRpcMessageCodecEnvelopeTests {

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	// the codec reads decimals as BigDecimal: so do the trees made here
	private final JsonMapper mapper = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private final JsonRpcMessageCodec codec = JsonRpcMessageCodec.create(this.mapper)
		.withStringParams(java.util.Set.of("subscribe"));

	// a value of every JSON type, by name, as parsed text
	private static final Map<String, String> VALUES = Map.of("int", "7", "decimal", "1.5", "string", "\"s\"", "true",
			"true", "null", "null", "object", "{}", "array", "[]");

	@Test
	void everyWrongTypeOfEveryMemberFailsItsOwnCheckWithTheSameId() {
		for (Map.Entry<String, String> value : VALUES.entrySet()) {
			String text = value.getValue();
			boolean validId = List.of("int", "decimal", "string", "null").contains(value.getKey());
			expect("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"id\":" + text + "}",
					validId ? null : "'id' must be a string, a number or null", null);
			expect("{\"jsonrpc\":" + text + ",\"method\":\"m\",\"id\":3}", "'jsonrpc' must be \"2.0\"", "3");
			expect("{\"jsonrpc\":\"2.0\",\"method\":" + text + ",\"id\":\"x\"}",
					value.getKey().equals("string") ? null : "'method' must be a string", "\"x\"");
			boolean validParams = List.of("object", "array").contains(value.getKey());
			expect("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":" + text + ",\"id\":4}",
					validParams ? null : "'params' must be an array or an object", "4");
			// a string is one positional param for the methods that accept it, nothing
			// else
			expect("{\"jsonrpc\":\"2.0\",\"method\":\"subscribe\",\"params\":" + text + ",\"id\":4}",
					(validParams || value.getKey().equals("string")) ? null : "'params' must be an array or an object",
					"4");
			if (!value.getKey().equals("object")) {
				expect(text, "request is not an object", null);
			}
		}
		// the checks in order: a bad id is reported before a bad version
		expect("{\"jsonrpc\":1,\"method\":2,\"params\":3,\"id\":true}", "'id' must be a string, a number or null",
				null);
		expect("{\"jsonrpc\":1,\"method\":2,\"params\":3,\"id\":1}", "'jsonrpc' must be \"2.0\"", "1");
		expect("{\"jsonrpc\":\"2.0\",\"method\":2,\"params\":3,\"id\":1}", "'method' must be a string", "1");
		expect("{\"jsonrpc\":\"2.0\",\"params\":[],\"id\":1}", "'method' must be a string", "1");
		expect("{\"jsonrpc\":\"2.0\",\"method\":\"m\"}", null, null);
	}

	@Test
	void validRequestsKeepEveryMemberAsRead() {
		JsonRpcRequest request = this.codec
			.readRequest(read("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":{\"a\":[1]},\"id\":12345678901}"));
		assertThat(request.method()).isEqualTo("m");
		assertThat(request.params()).isEqualTo(read("{\"a\":[1]}"));
		assertThat(request.id()).isEqualTo(JsonRpcId.of(12345678901L));
		JsonRpcRequest topic = this.codec
			.readRequest(read("{\"jsonrpc\":\"2.0\",\"method\":\"subscribe\",\"params\":\"clock\",\"id\":1}"));
		assertThat(topic.params()).isEqualTo(read("[\"clock\"]"));
		for (String id : List.of("0", "15", "16", "-1", "2147483648", "123456789012345678901234567890", "1.50",
				"\"abc\"", "null")) {
			JsonRpcId read = this.codec.readRequest(read("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"id\":" + id + "}"))
				.id();
			assertThat(read).as("id %s", id).hasToString(id).isEqualTo(JsonRpcId.of(read(id)));
		}
	}

	@Test
	void nodesOfOtherClassesGetTheSameAnswers() {
		// subclasses of the reader's node classes: decided by the general checks
		Function<String, JsonNode> string = (text) -> new StringNode(text) {
		};
		ObjectNode request = new ObjectNode(nodes) {
		};
		request.set("jsonrpc", string.apply("2.0"));
		request.set("method", string.apply("m"));
		request.set("params", new ArrayNode(nodes) {
		}.add(1));
		request.set("id", new IntNode(3) {
		});
		JsonRpcRequest read = this.codec.readRequest(request);
		assertThat(read.method()).isEqualTo("m");
		assertThat(read.id()).isEqualTo(JsonRpcId.of(3));
		assertThat(read.params()).isEqualTo(read("[1]"));
		request.set("params", string.apply("p"));
		assertInvalid(request, "'params' must be an array or an object", JsonRpcId.of(3));
		request.set("params", nodes.numberNode(BigInteger.TEN));
		assertInvalid(request, "'params' must be an array or an object", JsonRpcId.of(3));
		request.set("params", nodes.objectNode());
		request.set("method", nodes.numberNode(BigDecimal.ONE));
		assertInvalid(request, "'method' must be a string", JsonRpcId.of(3));
		request.set("method", string.apply("m"));
		request.set("jsonrpc", string.apply("1.0"));
		assertInvalid(request, "'jsonrpc' must be \"2.0\"", JsonRpcId.of(3));
		request.set("id", nodes.booleanNode(false));
		assertInvalid(request, "'id' must be a string, a number or null", null);
		request.set("id", string.apply("x"));
		assertInvalid(request, "'jsonrpc' must be \"2.0\"", JsonRpcId.of("x"));
		assertInvalid(new ArrayNode(nodes) {
		}, "request is not an object", null);
		assertInvalid(string.apply("{}"), "request is not an object", null);
	}

	private void expect(String json, String reason, String id) {
		JsonNode node = read(json);
		if (reason == null) {
			assertThat(this.codec.readRequest(node)).as(json).isNotNull();
			return;
		}
		assertInvalid(node, reason, (id != null) ? JsonRpcId.of(read(id)) : null);
		// and the same error response through the whole decoder
		JsonRpcInbound inbound = this.codec.decodeRequests(json);
		assertThat(inbound.entries()).as(json)
			.containsExactly(JsonRpcResponse.failure((id != null) ? JsonRpcId.of(read(id)) : JsonRpcId.NULL,
					JsonRpcError.standard(JsonRpcErrorCodes.INVALID_REQUEST)));
	}

	private void assertInvalid(JsonNode node, String reason, JsonRpcId id) {
		assertThatExceptionOfType(JsonRpcProtocolException.class).as("%s", node)
			.isThrownBy(() -> this.codec.readRequest(node))
			.satisfies((ex) -> {
				assertThat(ex.getError().code()).isEqualTo(JsonRpcErrorCodes.INVALID_REQUEST);
				assertThat(ex.getError().message()).isEqualTo("Invalid Request");
				assertThat(ex.getId()).isEqualTo(id);
				assertThat(ex.getCause()).hasMessage(reason);
			});
	}

	private JsonNode read(String json) {
		return this.mapper.readTree(json);
	}

}
