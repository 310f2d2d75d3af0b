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

import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import io.github.jsonrpc.JsonRpcSetup;
import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JsonRpcParamsBinder} with a mapper whose deserializer of a parameter's
 * type cannot be set up: the method still starts, and a call is answered with
 * {@code -32602} naming the parameter, as for any value that does not bind.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcParamsBinderBrokenDeserializerTests {

	@Test
	void parameterWhoseDeserializerFailsToResolveIsInvalidParams() {
		JsonMapper mapper = JsonMapper.builder()
			.addModule(new SimpleModule().addDeserializer(String.class, new BrokenDeserializer()))
			.build();
		JsonRpcHandler handler = JsonRpcSetup.services(new TextService()).mapper(mapper).toHandler();
		assertThat(TestWaits
			.join(handler.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"length\",\"params\":[\"abc\"],\"id\":1}")))
			.hasValue("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":"
					+ "\"Invalid params: parameter 'text' must be a string\"},\"id\":1}");
		assertThat(TestWaits
			.join(handler.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"twice\",\"params\":[21],\"id\":2}")))
			.hasValue("{\"jsonrpc\":\"2.0\",\"result\":42,\"id\":2}");
	}

	/**
	 * A deserializer that fails when Jackson resolves it, i.e. on every lookup.
	 */
	static class BrokenDeserializer extends ValueDeserializer<String> {

		@Override
		public void resolve(DeserializationContext ctxt) {
			ctxt.reportBadDefinition(String.class, "broken on purpose");
		}

		@Override
		public String deserialize(JsonParser p, DeserializationContext ctxt) {
			return p.getString();
		}

	}

	@JsonRpcService
	static class TextService {

		public int length(String text) {
			return text.length();
		}

		public int twice(int value) {
			return value * 2;
		}

	}

}
