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
package io.github.jsonrpc.server.method;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.server.support.JsonRpcServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link JsonRpcParamsCoercion}: every JSON kind against every Java scalar
 * type, strict by default and lenient on opt-out.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcParamsCoercionTests {

	/** A value of each JSON kind. */
	private static final Map<String, String> JSON_KINDS = new LinkedHashMap<>();

	static {
		JSON_KINDS.put("integer", "5");
		JSON_KINDS.put("float", "1.5");
		JSON_KINDS.put("integral float", "2.0");
		JSON_KINDS.put("numeric string", "\"5\"");
		JSON_KINDS.put("string", "\"x\"");
		JSON_KINDS.put("empty string", "\"\"");
		JSON_KINDS.put("boolean", "true");
		JSON_KINDS.put("null", "null");
		JSON_KINDS.put("array", "[5]");
		JSON_KINDS.put("object", "{\"a\":5}");
	}

	/**
	 * Java scalar types, with the JSON kinds strict binding accepts and the kind named.
	 */
	private static final List<Target> TARGETS = List.of(new Target(int.class, "integer", Set.of("integer")),
			new Target(Integer.class, "integer", Set.of("integer", "null")),
			new Target(long.class, "integer", Set.of("integer")),
			new Target(Long.class, "integer", Set.of("integer", "null")),
			new Target(short.class, "integer", Set.of("integer")), new Target(byte.class, "integer", Set.of("integer")),
			new Target(BigInteger.class, "integer", Set.of("integer", "null")),
			new Target(double.class, "number", Set.of("integer", "float", "integral float")),
			new Target(Double.class, "number", Set.of("integer", "float", "integral float", "null")),
			new Target(float.class, "number", Set.of("integer", "float", "integral float")),
			new Target(BigDecimal.class, "number", Set.of("integer", "float", "integral float", "null")),
			new Target(boolean.class, "boolean", Set.of("boolean")),
			new Target(Boolean.class, "boolean", Set.of("boolean", "null")),
			new Target(String.class, "string", Set.of("numeric string", "string", "empty string", "null")),
			new Target(char.class, "string", Set.of("numeric string", "string")),
			new Target(Character.class, "string", Set.of("numeric string", "string", "null")));

	static Stream<Arguments> table() {
		List<Arguments> cases = new ArrayList<>();
		for (Target target : TARGETS) {
			JSON_KINDS.forEach((kind, json) -> cases.add(Arguments.of(target.type().getSimpleName(), kind, json,
					target.expectedKind(), target.accepts().contains(kind))));
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{1} {2} for {0}: accepted={4}")
	@MethodSource("table")
	void strictByDefault(String typeName, String kind, String json, String expectedKind, boolean accepted) {
		Class<?> type = TARGETS.stream()
			.filter((target) -> target.type().getSimpleName().equals(typeName))
			.findFirst()
			.orElseThrow()
			.type();
		// the application's mapper allows every coercion it can; strict binding does not
		JsonRpcServer server = JsonRpcServer.builder()
			.mapper(JsonMapper.builder().enable(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS).build())
			.method("take", type, (value) -> "ok")
			.build();
		String reply = TestWaits
			.join(server.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"take\",\"params\":[" + json + "],\"id\":1}"))
			.orElseThrow();
		if (accepted) {
			assertThat(reply).isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"ok\",\"id\":1}");
		}
		else if ("null".equals(kind)) {
			assertThat(reply).contains("\"code\":-32602", "parameter 'value' must not be null");
		}
		else {
			String article = expectedKind.startsWith("i") ? "an" : "a";
			assertThat(reply).isEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":"
					+ "\"Invalid params: parameter 'value' must be " + article + " " + expectedKind + "\"},\"id\":1}");
		}
	}

	static Stream<Arguments> lenientTable() {
		return Stream.of(Arguments.of(int.class, "\"5\"", "5"), Arguments.of(long.class, "\"5\"", "5"),
				Arguments.of(double.class, "\"1.5\"", "1.5"), Arguments.of(BigDecimal.class, "\"1.5\"", "1.5"),
				Arguments.of(String.class, "5", "\"5\""), Arguments.of(String.class, "true", "\"true\""),
				Arguments.of(boolean.class, "\"true\"", "true"), Arguments.of(boolean.class, "1", "true"));
	}

	@ParameterizedTest(name = "{1} for {0} is {2}")
	@MethodSource("lenientTable")
	void lenientFollowsTheApplicationsMapper(Class<?> type, String json, String result) {
		JsonRpcServer server = JsonRpcServer.builder()
			.coercion(JsonRpcParamsCoercion.LENIENT)
			.method("take", type, (value) -> value)
			.build();
		assertThat(TestWaits
			.join(server.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"take\",\"params\":[" + json + "],\"id\":1}")))
			.contains("{\"jsonrpc\":\"2.0\",\"result\":" + result + ",\"id\":1}");
	}

	@Test
	void lenientNeverTruncatesAFloat() {
		JsonRpcServer server = JsonRpcServer.builder()
			.coercion(JsonRpcParamsCoercion.LENIENT)
			.method("take", int.class, (value) -> value)
			.build();
		assertThat(TestWaits
			.join(server.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"take\",\"params\":[1.5],\"id\":1}")))
			.hasValueSatisfying((reply) -> assertThat(reply).contains("must be an integer"));
	}

	@Test
	void customDeserializersOfTheApplicationsMapperAreUsedForScalars() {
		SimpleModule module = new SimpleModule();
		module.addDeserializer(String.class, new ValueDeserializer<String>() {
			@Override
			public String deserialize(JsonParser parser, DeserializationContext context) {
				return parser.getString().trim();
			}
		});
		ValueDeserializer<Integer> tenfold = new ValueDeserializer<>() {
			@Override
			public Integer deserialize(JsonParser parser, DeserializationContext context) {
				return parser.getIntValue() * 10;
			}
		};
		module.addDeserializer(int.class, tenfold);
		module.addDeserializer(Long.class, new ValueDeserializer<Long>() {
			@Override
			public Long deserialize(JsonParser parser, DeserializationContext context) {
				return parser.getLongValue() + 1;
			}
		});
		JsonRpcServer server = JsonRpcServer.builder()
			.mapper(JsonMapper.builder().addModule(module).build())
			.method("text", String.class, (value) -> value)
			.method("number", int.class, (value) -> value)
			.method("big", Long.class, (value) -> value)
			.build();
		assertThat(TestWaits
			.join(server.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"text\",\"params\":[\"  x  \"],\"id\":1}")))
			.contains("{\"jsonrpc\":\"2.0\",\"result\":\"x\",\"id\":1}");
		assertThat(TestWaits
			.join(server.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"number\",\"params\":[5],\"id\":1}")))
			.contains("{\"jsonrpc\":\"2.0\",\"result\":50,\"id\":1}");
		assertThat(
				TestWaits.join(server.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"big\",\"params\":[5],\"id\":1}")))
			.contains("{\"jsonrpc\":\"2.0\",\"result\":6,\"id\":1}");
	}

	@Test
	void strictAppliesToNestedRecordFieldsAndNamesThem() {
		JsonRpcServer server = JsonRpcServer.builder()
			.method("place", Order.class, (order) -> order.lines().size())
			.build();
		assertThat(TestWaits.join(server.handleText("""
				{"jsonrpc":"2.0","method":"place","params":{"customer":{"name":"Ada","vip":true},
				 "lines":[{"item":"pen","quantity":1},{"item":"ink","quantity":"2"}]},"id":1}
				""")).orElseThrow()).contains("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":"
				+ "\"Invalid params: parameter 'lines[1].quantity' must be an integer\"},\"id\":1}");
		assertThat(TestWaits.join(server.handleText("""
				{"jsonrpc":"2.0","method":"place","params":{"customer":{"name":"Ada","vip":"yes"},"lines":[]},"id":1}
				""")).orElseThrow()).contains("\"Invalid params: parameter 'customer.vip' must be a boolean\"");
		assertThat(TestWaits.join(server.handleText("""
				{"jsonrpc":"2.0","method":"place","params":{"customer":{"name":5,"vip":true},"lines":[]},"id":1}
				""")).orElseThrow()).contains("\"Invalid params: parameter 'customer.name' must be a string\"");
		assertThat(TestWaits.join(server.handleText("""
				{"jsonrpc":"2.0","method":"place","params":{"customer":{"name":"Ada","vip":true},
				 "lines":[{"item":"pen","quantity":1}]},"id":1}
				""")).orElseThrow()).contains("{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":1}");
	}

	@Test
	void lenientAppliesToNestedRecordFields() {
		JsonRpcServer server = JsonRpcServer.builder()
			.coercion(JsonRpcParamsCoercion.LENIENT)
			.method("place", Order.class, (order) -> order.lines().get(0).quantity())
			.build();
		assertThat(TestWaits.join(server.handleText("""
				{"jsonrpc":"2.0","method":"place","params":{"customer":{"name":"Ada","vip":true},
				 "lines":[{"item":"pen","quantity":"2"}]},"id":1}
				""")).orElseThrow()).contains("{\"jsonrpc\":\"2.0\",\"result\":2,\"id\":1}");
	}

	@Test
	void applicationMapperIsNotChanged() {
		JsonMapper mapper = JsonMapper.builder().build();
		JsonRpcParamsCoercion.STRICT.paramsMapper(mapper);
		assertThat(mapper.readValue("\"5\"", int.class)).isEqualTo(5);
	}

	record Target(Class<?> type, String expectedKind, Set<String> accepts) {
	}

	record Customer(String name, boolean vip) {
	}

	record Line(String item, int quantity) {
	}

	record Order(Customer customer, List<Line> lines) {
	}

	@Test
	void strictParamsMapperLeavesTheApplicationMapperAlone() {
		JsonMapper application = JsonMapper.builder().build();
		assertThat(application.readValue("\"5\"", int.class)).isEqualTo(5);
		JsonMapper strict = JsonRpcParamsCoercion.STRICT.paramsMapper(application);
		assertThatException().isThrownBy(() -> strict.readValue("\"5\"", int.class));
		assertThatException().isThrownBy(() -> strict.readValue("5", String.class));
		// the application's mapper still coerces as it did
		assertThat(application.readValue("\"5\"", int.class)).isEqualTo(5);
		assertThat(application.readValue("5", String.class)).isEqualTo("5");
	}

}
