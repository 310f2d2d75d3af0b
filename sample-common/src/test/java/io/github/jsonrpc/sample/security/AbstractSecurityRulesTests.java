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

import java.net.http.HttpResponse;

import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end {@code jsonrpc.security} rules over HTTP: default access
 * {@code authenticated}, a role rule for {@code inventory.*}, a public exception for
 * {@code echo}; annotations still apply on top. Batches run in parallel here, so calls
 * also run on pooled threads, and the HTTP status policy is {@code by-error-code}.
 *
 * @author JSON-RPC for Spring Boot team
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "jsonrpc.security.default-access=authenticated", "jsonrpc.security.rules.[echo]=permit-all",
				"jsonrpc.security.rules.[inventory.*]=hasRole('ADMIN')",
				"jsonrpc.security.rules.[sum]=hasRole('USER') and method == 'sum'", "jsonrpc.batch.parallelism=4",
				"jsonrpc.http.status-policy=by-error-code" })
abstract class AbstractSecurityRulesTests extends AbstractHttpCallerTests {

	@ParameterizedTest(name = "{0} calls {1}")
	@CsvSource(nullValues = "anonymous", textBlock = """
			anonymous, subtract,       '[3, 1]',   -32001
			alice,     subtract,       '[3, 1]',   0
			anonymous, echo,           '[1]',      0
			anonymous, inventory.list, ,           -32001
			alice,     inventory.list, ,           -32003
			admin,     inventory.list, ,           0
			alice,     sum,            '[1, 2]',   0
			admin,     sum,            '[1, 2]',   -32003
			anonymous, no.such.method, ,           -32001
			alice,     admin.stats,    ,           -32003
			""")
	void rulesDecideBeforeTheMethod(String user, String method, String params, int code) {
		HttpResponse<String> http = this.caller.post(user, JsonRpcHttpCaller.request(1, method, params));
		// the by-error-code status policy: 401 for -32001, 403 for -32003
		assertThat(http.statusCode()).isEqualTo((code == 0) ? 200 : (code == -32001) ? 401 : 403);
		JsonNode response = JsonRpcHttpCaller.mapper.readTree(http.body());
		if (code == 0) {
			assertThat(response.has("result")).as(response.toString()).isTrue();
		}
		else {
			assertThat(JsonRpcHttpCaller.errorCode(response)).as(response.toString()).isEqualTo(code);
			assertThat(response.toString()).doesNotContain("hasRole", "ADMIN", "inventory.*", "alice");
		}
	}

	@Test
	void parallelBatchRunsEveryEntryAsTheCaller() {
		StringBuilder batch = new StringBuilder("[");
		for (int i = 0; i < 12; i++) {
			batch.append((i > 0) ? "," : "")
				.append(JsonRpcHttpCaller.request(i, (i % 2 == 0) ? "whoami" : "admin.stats", null));
		}
		HttpResponse<String> response = this.caller.post("alice", batch.append(']').toString());
		JsonNode replies = JsonRpcHttpCaller.mapper.readTree(response.body());
		assertThat(replies.size()).isEqualTo(12);
		for (JsonNode reply : replies) {
			if (reply.get("id").asInt() % 2 == 0) {
				assertThat(reply.get("result").asString()).isEqualTo("alice");
			}
			else {
				assertThat(JsonRpcHttpCaller.errorCode(reply)).isEqualTo(JsonRpcErrorCodes.FORBIDDEN);
			}
		}
	}

}
