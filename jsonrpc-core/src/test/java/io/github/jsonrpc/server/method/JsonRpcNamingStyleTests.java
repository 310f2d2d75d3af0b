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

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JsonRpcNamingStyle}.
 *
 * @author jsonrpc-dev
 */
class JsonRpcNamingStyleTests {

	@ParameterizedTest
	@CsvSource({ "getData,get_data", "get_data,get_data", "firstName,first_name", "x,x", "getURL,get_u_r_l",
			"Data,data" })
	void snakeCase(String name, String expected) {
		assertThat(JsonRpcNamingStyle.SNAKE_CASE.apply(name)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "get_data,getData", "getData,getData", "first_name,firstName", "x,x", "_private,_private",
			"Get_data,getData" })
	void camelCase(String name, String expected) {
		assertThat(JsonRpcNamingStyle.CAMEL_CASE.apply(name)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "getData", "get_data" })
	void asDeclared(String name) {
		assertThat(JsonRpcNamingStyle.AS_DECLARED.apply(name)).isEqualTo(name);
	}

}
