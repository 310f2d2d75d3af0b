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

import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end: with the default {@code jsonrpc.security.denied-methods=unauthorized}, a
 * protected method neither reveals its existence nor its parameters to a caller who may
 * not call it (through the sample's real filter chain, HTTP Basic).
 *
 * @author JSON-RPC for Spring Boot team
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
abstract class AbstractDeniedMethodsTests extends AbstractHttpCallerTests {

	@ParameterizedTest(name = "{0} calls {1}")
	@CsvSource(nullValues = "anonymous", textBlock = """
			anonymous, admin.stats,    ,           -32001
			anonymous, admin.nope,     ,           -32001
			anonymous, admin.announce, ,           -32001
			anonymous, admin.announce, '[1, 2, 3]', -32001
			alice,     admin.stats,    ,           -32003
			alice,     admin.nope,     ,           -32003
			alice,     admin.announce, ,           -32003
			anonymous, nope,           ,           -32601
			anonymous, inventory.nope, ,           -32601
			admin,     admin.nope,     ,           -32601
			admin,     admin.announce, ,           -32602
			""")
	void deniedCallsLookTheSameWhetherOrNotTheMethodExists(String user, String method, String params, int code) {
		JsonNode response = this.caller.call(user, method, params);
		assertThat(JsonRpcHttpCaller.errorCode(response)).as(response.toString()).isEqualTo(code);
		if (code != JsonRpcErrorCodes.INVALID_PARAMS) {
			// nothing about the method's parameters before authorization
			assertThat(response.toString()).doesNotContain("text", "param");
		}
	}

}
