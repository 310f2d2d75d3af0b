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

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.JsonRpcSetup;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.method.annotation.JsonRpcParam;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the values {@link JsonRpcParamsBinder} gives to omitted optional parameters:
 * the Java default of each primitive, {@code null}, or an empty {@link Optional}.
 *
 * @author jsonrpc-dev
 */
class JsonRpcParamsBinderDefaultsTests {

	private final JsonRpcHandler handler = JsonRpcSetup.services(new DefaultsService()).toHandler();

	@Test
	void omittedOptionalPrimitivesGetTheirJavaDefaults() throws Exception {
		assertThat(call("primitives", "[]")).isEqualTo(result("false 0 0 0 0 0 0.0 0.0"));
		assertThat(call("primitives", "{}")).isEqualTo(result("false 0 0 0 0 0 0.0 0.0"));
	}

	@Test
	void givenPrimitivesAreBound() throws Exception {
		assertThat(call("primitives", "[true, \"a\", 1, 2, 3, 4, 5.5, 6.5]"))
			.isEqualTo(result("true 97 1 2 3 4 5.5 6.5"));
	}

	@Test
	void omittedOptionalObjectsAreNullOrEmpty() throws Exception {
		assertThat(call("objects", "[]")).isEqualTo(result("null Optional.empty null"));
		assertThat(call("objects", "[null, null, null]")).isEqualTo(result("null Optional.empty null"));
		assertThat(call("objects", "[\"a\", \"b\", 2]")).isEqualTo(result("a Optional[b] 2"));
	}

	@Test
	void nullForAnOptionalPrimitiveIsInvalidParams() throws Exception {
		assertThat(call("primitives", "[null]")).isEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,"
				+ "\"message\":\"Invalid params: parameter 'flag' must not be null\"},\"id\":1}");
	}

	private String call(String method, String params) throws Exception {
		return this.handler
			.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params + ",\"id\":1}")
			.get(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)
			.orElseThrow();
	}

	private static String result(String text) {
		return "{\"jsonrpc\":\"2.0\",\"result\":\"" + text + "\",\"id\":1}";
	}

	@JsonRpcService
	static class DefaultsService {

		public String primitives(@JsonRpcParam(required = false) boolean flag,
				@JsonRpcParam(required = false) char letter, @JsonRpcParam(required = false) byte tiny,
				@JsonRpcParam(required = false) short small, @JsonRpcParam(required = false) int number,
				@JsonRpcParam(required = false) long big, @JsonRpcParam(required = false) float single,
				@JsonRpcParam(required = false) double precise) {
			return flag + " " + (int) letter + " " + tiny + " " + small + " " + number + " " + big + " " + single + " "
					+ precise;
		}

		public String objects(@JsonRpcParam(required = false) @Nullable String text,
				@JsonRpcParam(required = false) Optional<String> maybe,
				@JsonRpcParam(required = false) @Nullable Integer boxed) {
			return text + " " + maybe + " " + boxed;
		}

	}

}
