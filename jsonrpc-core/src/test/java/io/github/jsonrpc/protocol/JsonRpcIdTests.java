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

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
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

}
