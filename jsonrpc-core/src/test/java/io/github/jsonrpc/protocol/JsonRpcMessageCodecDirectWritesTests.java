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

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.DefaultTyping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.StringNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that plain results and ids, which the codec writes without asking the mapper for
 * a serializer, come out exactly as the mapper writes them, whatever the mapper's
 * configuration.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcMessageCodecDirectWritesTests {

	private static final List<Object> RESULTS = Arrays.asList(0, 7, -3, Integer.MAX_VALUE, Integer.MIN_VALUE, 5L,
			Long.MAX_VALUE, Long.MIN_VALUE, "", "plain", "quote \" backslash \\ newline \n tab \t", "é € 😀 \u0001",
			true, false, null, 1.5d, List.of(1, "a"));

	private static final List<JsonRpcId> IDS = List.of(JsonRpcId.of(JsonNodeFactory.instance.numberNode(1)),
			JsonRpcId.of(JsonNodeFactory.instance.numberNode(-42)), JsonRpcId.of(Long.MAX_VALUE), JsonRpcId.of("abc"),
			JsonRpcId.of("quote \" é \n"), JsonRpcId.of(new java.math.BigDecimal("1.50")),
			JsonRpcId.of(new java.math.BigInteger("123456789012345678901234567890")), JsonRpcId.NULL);

	@Test
	void plainValuesOfTheDefaultMapperAreWrittenAsTheMapperWritesThem() {
		assertWrittenAsTheMapperWrites(JsonMapper.builder().build());
	}

	@Test
	void numbersAsStringsAreHonoured() {
		JsonMapper mapper = JsonMapper.builder().enable(JsonWriteFeature.WRITE_NUMBERS_AS_STRINGS).build();
		assertThat(result(mapper, 7)).isEqualTo("\"7\"");
		assertThat(id(mapper, JsonRpcId.of(JsonNodeFactory.instance.numberNode(42)))).isEqualTo("\"42\"");
		assertWrittenAsTheMapperWrites(mapper);
	}

	@Test
	void nonAsciiEscapingIsHonoured() {
		JsonMapper mapper = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
		assertThat(result(mapper, "é")).isEqualTo("\"\\u00E9\"");
		assertThat(id(mapper, JsonRpcId.of("é"))).isEqualTo("\"\\u00E9\"");
		assertWrittenAsTheMapperWrites(mapper);
	}

	@Test
	void customSerializersOfTheApplicationsMapperAreUsed() {
		SimpleModule module = new SimpleModule().addSerializer(Integer.class, new Prefixing<>("int:"))
			.addSerializer(Long.class, new Prefixing<>("long:"))
			.addSerializer(String.class, new Prefixing<>("string:"))
			.addSerializer(Boolean.class, new Prefixing<>("boolean:"));
		JsonMapper mapper = JsonMapper.builder().addModule(module).build();
		assertThat(result(mapper, 7)).isEqualTo("\"int:7\"");
		assertThat(result(mapper, 7L)).isEqualTo("\"long:7\"");
		assertThat(result(mapper, "a")).isEqualTo("\"string:a\"");
		assertThat(result(mapper, true)).isEqualTo("\"boolean:true\"");
		assertWrittenAsTheMapperWrites(mapper);
	}

	// ids are written directly only while every node type an id can be has the standard
	// serializer: one custom serializer for any of them must be used for every id of that
	// type
	@ParameterizedTest
	@ValueSource(classes = { IntNode.class, LongNode.class, StringNode.class })
	<T extends JsonNode> void customSerializerOfAnIdNodeTypeIsUsed(Class<T> nodeType) {
		JsonMapper mapper = JsonMapper.builder()
			.addModule(new SimpleModule().addSerializer(nodeType, new Prefixing<>("node:")))
			.build();
		JsonRpcId id = (nodeType == IntNode.class) ? JsonRpcId.of(JsonNodeFactory.instance.numberNode(7))
				: (nodeType == LongNode.class) ? JsonRpcId.of(Long.MAX_VALUE) : JsonRpcId.of("abc");
		assertThat(id.value()).isInstanceOf(nodeType);
		String written = id(mapper, id);
		assertThat(written).startsWith("\"node:").isEqualTo(mapper.writeValueAsString(id.value()));
		assertWrittenAsTheMapperWrites(mapper);
	}

	@Test
	void shapeOverridesOfTheApplicationsMapperAreUsed() {
		JsonMapper mapper = JsonMapper.builder()
			.withConfigOverride(Integer.class,
					(override) -> override.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
			.build();
		assertThat(result(mapper, 7)).isEqualTo("\"7\"");
		assertWrittenAsTheMapperWrites(mapper);
	}

	@ParameterizedTest
	@EnumSource(DefaultTyping.class)
	void defaultTypingOfTheApplicationsMapperIsHonoured(DefaultTyping typing) {
		JsonMapper mapper = JsonMapper.builder()
			.activateDefaultTyping(BasicPolymorphicTypeValidator.builder().allowIfBaseType(Object.class).build(),
					typing)
			.build();
		assertWrittenAsTheMapperWrites(mapper);
	}

	private static void assertWrittenAsTheMapperWrites(JsonMapper mapper) {
		for (Object value : RESULTS) {
			assertThat(result(mapper, value)).as("result %s", value).isEqualTo(mapper.writeValueAsString(value));
		}
		for (JsonRpcId value : IDS) {
			assertThat(id(mapper, value)).as("id %s", value).isEqualTo(mapper.writeValueAsString(value.value()));
		}
		assertThat(encode(mapper, JsonRpcResponse.success(JsonRpcId.of("x"), "y").withVersion(JsonRpcVersion.V1)))
			.isEqualTo("{\"result\":" + mapper.writeValueAsString("y") + ",\"error\":null,\"id\":"
					+ mapper.writeValueAsString(JsonNodeFactory.instance.stringNode("x")) + "}");
	}

	// the text of the result member of a response
	private static String result(JsonMapper mapper, Object value) {
		String json = encode(mapper, JsonRpcResponse.success(JsonRpcId.of("x"), value));
		String prefix = "{\"jsonrpc\":\"2.0\",\"result\":";
		String suffix = ",\"id\":" + mapper.writeValueAsString(JsonNodeFactory.instance.stringNode("x")) + "}";
		assertThat(json).startsWith(prefix).endsWith(suffix);
		return json.substring(prefix.length(), json.length() - suffix.length());
	}

	// the text of the id member of a response
	private static String id(JsonMapper mapper, JsonRpcId id) {
		String json = encode(mapper, JsonRpcResponse.success(id, null));
		String prefix = "{\"jsonrpc\":\"2.0\",\"result\":null,\"id\":";
		assertThat(json).startsWith(prefix).endsWith("}");
		return json.substring(prefix.length(), json.length() - 1);
	}

	private static String encode(JsonMapper mapper, JsonRpcResponse response) {
		JsonRpcMessageCodec codec = JsonRpcMessageCodec.create(mapper);
		String single = new String(codec.encode(JsonRpcReply.single(response)), StandardCharsets.UTF_8);
		// a batch is written with the same code, in one generator
		String batch = new String(codec.encode(JsonRpcReply.batch(List.of(response, response))),
				StandardCharsets.UTF_8);
		assertThat(batch).isEqualTo("[" + single + "," + single + "]");
		return single;
	}

	private static final class Prefixing<T> extends ValueSerializer<T> {

		private final String prefix;

		Prefixing(String prefix) {
			this.prefix = prefix;
		}

		@Override
		public void serialize(T value, JsonGenerator generator, SerializationContext context) {
			generator.writeString(this.prefix + value);
		}

	}

}
