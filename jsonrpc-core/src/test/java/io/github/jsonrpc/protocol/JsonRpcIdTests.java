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
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.NullNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link JsonRpcId}: exact values, the explicit null, and what is rejected.
 *
 * @author jsonrpc-dev
 */
class JsonRpcIdTests {

	@Test
	void onlyTheExplicitNullIdIsNull() {
		assertThat(JsonRpcId.NULL.isNull()).isTrue();
		assertThat(JsonRpcId.of(NullNode.getInstance())).isSameAs(JsonRpcId.NULL);
		assertThat(JsonRpcId.of("").isNull()).isFalse();
		assertThat(JsonRpcId.of("null").isNull()).isFalse();
		assertThat(JsonRpcId.of(0).isNull()).isFalse();
		assertThat(JsonRpcId.of(BigDecimal.ZERO).isNull()).isFalse();
	}

	@Test
	void stringIdKeepsItsText() {
		JsonRpcId id = JsonRpcId.of("abc");
		assertThat(id.value().isString()).isTrue();
		assertThat(id.value().stringValue()).isEqualTo("abc");
		assertThat(id).hasToString("\"abc\"");
	}

	@Test
	void numericIdsKeepTheirExactForm() {
		assertThat(JsonRpcId.of(7)).hasToString("7");
		assertThat(JsonRpcId.of(7).value().longValue()).isEqualTo(7L);
		BigInteger big = new BigInteger("123456789012345678901234567890");
		assertThat(JsonRpcId.of(big).value().bigIntegerValue()).isEqualTo(big);
		assertThat(JsonRpcId.of(big)).hasToString("123456789012345678901234567890");
		JsonRpcId decimal = JsonRpcId.of(new BigDecimal("1.50"));
		assertThat(decimal.value().isNumber()).isTrue();
		assertThat(decimal.value().decimalValue()).isEqualTo(new BigDecimal("1.50"));
		assertThat(decimal).hasToString("1.50");
	}

	@Test
	void idsAreEqualByJsonText() {
		JsonRpcId one = JsonRpcId.of(1);
		assertThat(one).isEqualTo(one)
			.isEqualTo(JsonRpcId.of(JsonNodeFactory.instance.numberNode(1)))
			.hasSameHashCodeAs(JsonRpcId.of(JsonNodeFactory.instance.numberNode(1)))
			.isNotEqualTo(JsonRpcId.of("1"))
			.isNotEqualTo(JsonRpcId.of(new BigDecimal("1.0")))
			.isNotEqualTo("1")
			.isNotEqualTo(null);
		assertThat(one.hashCode()).isEqualTo("1".hashCode());
	}

	@Test
	void hashCodeAndEqualityFollowTheJsonTextForEveryKind() {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		List<JsonNode> values = List.of(nodes.numberNode(0), nodes.numberNode(-7), nodes.numberNode(123456789),
				// powers of ten: the digit count of the hash at its boundary
				nodes.numberNode(10), nodes.numberNode(-100), nodes.numberNode(1000000000L),
				nodes.numberNode(Long.MAX_VALUE), nodes.numberNode(Long.MIN_VALUE), nodes.numberNode(Integer.MIN_VALUE),
				nodes.numberNode(new BigInteger("123456789")), nodes.numberNode(new BigInteger("99999999999999999999")),
				nodes.numberNode(new BigDecimal("1.50")), nodes.numberNode(2.5), nodes.stringNode(""),
				nodes.stringNode("abc-1"), nodes.stringNode("quote\"s"), nodes.stringNode("back\\slash"),
				nodes.stringNode("tab\t"), nodes.stringNode("caf\u00e9 \uD83D\uDE00"), nodes.stringNode("123456789"),
				NullNode.getInstance());
		for (JsonNode a : values) {
			JsonRpcId id = JsonRpcId.of(a);
			assertThat(id.hashCode()).as("hash code of %s", a).isEqualTo(a.toString().hashCode());
			for (JsonNode b : values) {
				assertThat(id.equals(JsonRpcId.of(b))).as("%s equals %s", a, b)
					.isEqualTo(a.toString().equals(b.toString()));
			}
		}
		// the same number in another kind of node: the same JSON text
		assertThat(JsonRpcId.of(nodes.numberNode(123456789L)))
			.isEqualTo(JsonRpcId.of(nodes.numberNode(new BigInteger("123456789"))))
			.hasSameHashCodeAs(JsonRpcId.of(nodes.numberNode(new BigInteger("123456789"))));
	}

	@Test
	void toStringIsTheJsonTextJacksonWritesForEveryKind() {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		List<JsonNode> values = new java.util.ArrayList<>(List.of(nodes.numberNode(0), nodes.numberNode(-7),
				nodes.numberNode(Integer.MAX_VALUE), nodes.numberNode(Integer.MIN_VALUE),
				nodes.numberNode(Long.MAX_VALUE), nodes.numberNode(Long.MIN_VALUE), new IntNode(42), new LongNode(-3),
				nodes.numberNode(new BigInteger("99999999999999999999")), nodes.numberNode(new BigDecimal("1.50")),
				nodes.numberNode(2.5), nodes.stringNode(""), nodes.stringNode("abc-1"), nodes.stringNode("quote\"s"),
				nodes.stringNode("back\\slash"), nodes.stringNode("tab\t"), nodes.stringNode("del\u007f"),
				nodes.stringNode("caf\u00e9 \uD83D\uDE00"), nodes.stringNode("a/b <script>"), NullNode.getInstance()));
		// every character alone: the ones written as they are and the escaped ones
		for (char c = 0; c < 0x100; c++) {
			values.add(nodes.stringNode(String.valueOf(c)));
		}
		for (JsonNode value : values) {
			assertThat(JsonRpcId.of(value)).as("id %s", value).hasToString(value.toString());
		}
	}

	@Test
	void smallIntegerIdsReadFromAnyNodeAreEqualToTheirValue() {
		for (int i = -2; i < 20; i++) {
			// a node of its own, not Jackson's shared one
			JsonRpcId id = JsonRpcId.of(new IntNode(i));
			assertThat(id).isEqualTo(JsonRpcId.of(i)).hasToString(Integer.toString(i));
			assertThat(id.value().isInt()).isTrue();
			assertThat(id.value().intValue()).isEqualTo(i);
		}
		assertThat(JsonRpcId.of(new LongNode(3)).value().isLong()).isTrue();
		assertThat(JsonRpcId.of(new LongNode(3))).isEqualTo(JsonRpcId.of(3));
	}

	@Test
	void otherKindsOfValueAreRejected() {
		assertThat(JsonRpcId.isValid(JsonNodeFactory.instance.booleanNode(true))).isFalse();
		assertThat(JsonRpcId.isValid(JsonNodeFactory.instance.arrayNode())).isFalse();
		assertThat(JsonRpcId.isValid(JsonNodeFactory.instance.stringNode("a"))).isTrue();
		assertThat(JsonRpcId.isValid(JsonNodeFactory.instance.numberNode(1))).isTrue();
		assertThat(JsonRpcId.isValid(NullNode.getInstance())).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> JsonRpcId.of(JsonNodeFactory.instance.objectNode()))
			.withMessage("A JSON-RPC id must be a string, a number or null, not OBJECT");
		assertThatIllegalArgumentException().isThrownBy(() -> new JsonRpcId(null)).withMessage("Value is required");
	}

	@Test
	void smallIntegerIdsAreSharedFromZeroToFifteen() {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		assertThat(JsonRpcId.of(nodes.numberNode(0))).isSameAs(JsonRpcId.of(nodes.numberNode(0)));
		assertThat(JsonRpcId.of(nodes.numberNode(15))).isSameAs(JsonRpcId.of(nodes.numberNode(15)));
		assertThat(JsonRpcId.of(nodes.numberNode(16))).isNotSameAs(JsonRpcId.of(nodes.numberNode(16)))
			.isEqualTo(JsonRpcId.of(nodes.numberNode(16)));
		assertThat(JsonRpcId.of(nodes.numberNode(-1))).isNotSameAs(JsonRpcId.of(nodes.numberNode(-1)))
			.isEqualTo(JsonRpcId.of(nodes.numberNode(-1)));
	}

}
