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

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link NodeTypes}: the same answer as Jackson's own checks for every kind of
 * node, including subclasses of the classes it decides by.
 *
 * @author jsonrpc-dev
 */
class NodeTypesTests {

	@Test
	void everyKindOfNodeGetsJacksonsAnswer() {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		List<JsonNode> values = List.of(nodes.objectNode(), nodes.arrayNode(), nodes.stringNode("s"),
				nodes.numberNode(1), nodes.numberNode(1L), nodes.numberNode((short) 1), nodes.numberNode(1.5),
				nodes.numberNode(1.5f), nodes.numberNode(BigInteger.TEN), nodes.numberNode(BigDecimal.ONE),
				nodes.booleanNode(true), nodes.nullNode(), nodes.missingNode(), nodes.binaryNode(new byte[] { 1 }),
				nodes.pojoNode(new Object()), new ObjectNode(nodes) {
				}, new ArrayNode(nodes) {
				}, new StringNode("t") {
				}, new IntNode(2) {
				}, JsonMapper.builder().build().readTree("{\"a\":[1,\"x\",null,2.5,{}]}"));
		for (JsonNode value : values) {
			String kind = value.getClass().getName();
			assertThat(NodeTypes.isObject(value)).as("isObject %s", kind).isEqualTo(value.isObject());
			assertThat(NodeTypes.isString(value)).as("isString %s", kind).isEqualTo(value.isString());
			assertThat(NodeTypes.isContainer(value)).as("isContainer %s", kind).isEqualTo(value.isContainer());
			assertThat(NodeTypes.isInt(value)).as("isInt %s", kind).isEqualTo(value.isInt());
			assertThat(NodeTypes.isIdValue(value)).as("isIdValue %s", kind)
				.isEqualTo(value.isString() || value.isNumber() || value.isNull());
		}
	}

}
