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
package io.github.jsonrpc.sample.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end: with {@code jsonrpc.security.denied-methods=not-found}, a method the caller
 * may not call is answered exactly as one that does not exist.
 *
 * @author JSON-RPC for Spring Boot team
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "jsonrpc.security.denied-methods=not-found")
abstract class AbstractHiddenDeniedMethodsTests extends AbstractHttpCallerTests {

	@ParameterizedTest(name = "{0} calls {1}")
	@CsvSource(nullValues = "anonymous", textBlock = """
			anonymous, admin.stats,    ,        -32601
			anonymous, admin.nope,     ,        -32601
			anonymous, admin.announce, ,        -32601
			alice,     admin.stats,    ,        -32601
			alice,     admin.announce, '["x"]', -32601
			anonymous, whoami,         ,        -32601
			anonymous, nope,           ,        -32601
			admin,     admin.announce, ,        -32602
			""")
	void deniedCallsAreAnsweredAsUnknownMethods(String user, String method, String params, int code) {
		JsonNode response = this.caller.call(user, method, params);
		assertThat(JsonRpcHttpCaller.errorCode(response)).as(response.toString()).isEqualTo(code);
		if (code != -32602) {
			assertThat(response.get("error").get("message").asString()).isEqualTo("Method not found");
			assertThat(response.get("error").has("data")).isFalse();
		}
	}

	@ParameterizedTest(name = "{0} calls {1}")
	@CsvSource(nullValues = "anonymous", textBlock = """
			admin,     admin.stats
			alice,     whoami
			anonymous, subtract
			""")
	void allowedCallsAreUnchanged(String user, String method) {
		JsonNode response = this.caller.call(user, method, method.equals("subtract") ? "[3, 1]" : null);
		assertThat(response.has("result")).as(response.toString()).isTrue();
	}

}
