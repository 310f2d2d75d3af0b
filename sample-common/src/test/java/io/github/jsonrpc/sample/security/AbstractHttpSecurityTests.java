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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end security over HTTP through the sample's real filter chain (HTTP Basic):
 * anonymous, {@code alice} (USER) and {@code admin} (ADMIN) against public, logged-in,
 * role and custom-check methods, alone and in batches.
 *
 * @author JSON-RPC for Spring Boot team
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
abstract class AbstractHttpSecurityTests extends AbstractHttpCallerTests {

	private static final List<String> INTERNALS = List.of("Exception", "org.springframework", "io.github", "hasRole",
			"ADMIN", "isAuthenticated", "notePolicy", "authentication", "alice", "admin", "Access Denied", "stack");

	@ParameterizedTest(name = "{0} calls {1}")
	@CsvSource(nullValues = "anonymous", textBlock = """
			anonymous, subtract, '[42, 23]',            19
			alice,     subtract, '[42, 23]',            19
			admin,     subtract, '[42, 23]',            19
			anonymous, echo,     '["hi"]',              hi
			alice,     whoami,   ,                      alice
			admin,     whoami,   ,                      admin
			""")
	void allowedCallsSucceed(String user, String method, String params, String expected) {
		JsonNode response = this.caller.call(user, method, params);
		assertThat(response.has("error")).as(response.toString()).isFalse();
		assertThat(response.get("result").asString()).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} calls {1}")
	@CsvSource(nullValues = "anonymous", textBlock = """
			anonymous, whoami,       ,               -32001
			anonymous, admin.stats,  ,               -32001
			alice,     admin.stats,  ,               -32003
			anonymous, notes.delete, '{"id": 1}',    -32001
			alice,     notes.delete, '{"id": 3}',    -32003
			admin,     notes.delete, '{"id": 1}',    -32003
			alice,     notes.delete, '{"id": 999}',  -32003
			anonymous, notes.create, '["x"]',        -32001
			""")
	void deniedCallsGetSecurityErrorsWithoutInternals(String user, String method, String params, int code) {
		HttpResponse<String> response = this.caller.post(user, JsonRpcHttpCaller.request(7, method, params));
		// the standard HTTP status policy answers every JSON-RPC body with 200
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = JsonRpcHttpCaller.mapper.readTree(response.body());
		assertThat(body.get("id").asInt()).isEqualTo(7);
		assertThat(JsonRpcHttpCaller.errorCode(body)).isEqualTo(code);
		assertThat(body.get("error").get("message").asString())
			.isEqualTo((code == JsonRpcErrorCodes.UNAUTHENTICATED) ? "Unauthenticated" : "Forbidden");
		assertThat(body.get("error").has("data")).isFalse();
		assertThat(response.body()).doesNotContain(INTERNALS);
	}

	@Test
	void adminGetsStats() {
		JsonNode response = this.caller.call("admin", "admin.stats", null);
		assertThat(response.get("result").isObject()).as(response.toString()).isTrue();
		assertThat(response.get("result").has("notes")).isTrue();
	}

	@Test
	void onlyTheOwnerDeletesANote() {
		long id = this.caller.call("alice", "notes.create", "[\"Water the plants\"]").get("result").asLong();
		assertThat(JsonRpcHttpCaller.errorCode(this.caller.call("admin", "notes.delete", "[" + id + "]")))
			.isEqualTo(JsonRpcErrorCodes.FORBIDDEN);
		assertThat(JsonRpcHttpCaller.errorCode(this.caller.call(null, "notes.delete", "[" + id + "]")))
			.isEqualTo(JsonRpcErrorCodes.UNAUTHENTICATED);
		assertThat(this.caller.call("alice", "notes.delete", "{\"id\": " + id + "}").get("result").asBoolean())
			.isTrue();
		// now missing: answered like someone else's note, so existence does not leak
		assertThat(JsonRpcHttpCaller.errorCode(this.caller.call("alice", "notes.delete", "[" + id + "]")))
			.isEqualTo(JsonRpcErrorCodes.FORBIDDEN);
	}

	@Test
	void adminDeletesOwnNote() {
		long id = this.caller.call("admin", "notes.create", "[\"Audit\"]").get("result").asLong();
		assertThat(this.caller.call("admin", "notes.delete", "[" + id + "]").get("result").asBoolean()).isTrue();
	}

	@Test
	void deniedEntryOfABatchDeniesOnlyItself() {
		String batch = """
				[{"jsonrpc":"2.0","id":1,"method":"subtract","params":[42,23]},
				 {"jsonrpc":"2.0","id":2,"method":"admin.stats"},
				 {"jsonrpc":"2.0","id":3,"method":"whoami"},
				 {"jsonrpc":"2.0","id":4,"method":"notes.delete","params":[3]},
				 {"jsonrpc":"2.0","method":"admin.stats"}]
				""";
		HttpResponse<String> response = this.caller.post("alice", batch);
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode replies = JsonRpcHttpCaller.mapper.readTree(response.body());
		assertThat(replies.size()).isEqualTo(4);
		assertThat(replies.get(0).get("result").asInt()).isEqualTo(19);
		assertThat(JsonRpcHttpCaller.errorCode(replies.get(1))).isEqualTo(JsonRpcErrorCodes.FORBIDDEN);
		assertThat(replies.get(2).get("result").asString()).isEqualTo("alice");
		assertThat(JsonRpcHttpCaller.errorCode(replies.get(3))).isEqualTo(JsonRpcErrorCodes.FORBIDDEN);
	}

	@Test
	void anonymousBatchGetsPublicResultsAndUnauthenticatedErrors() {
		String batch = """
				[{"jsonrpc":"2.0","id":1,"method":"whoami"},
				 {"jsonrpc":"2.0","id":2,"method":"echo","params":["x"]}]
				""";
		JsonNode replies = JsonRpcHttpCaller.mapper.readTree(this.caller.post(null, batch).body());
		assertThat(JsonRpcHttpCaller.errorCode(replies.get(0))).isEqualTo(JsonRpcErrorCodes.UNAUTHENTICATED);
		assertThat(replies.get(1).get("result").asString()).isEqualTo("x");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(nullValues = "anonymous", textBlock = """
			anonymous, 'subtract,echo,notes.delete',            'whoami,admin.stats,notes.create'
			alice,     'subtract,whoami,notes.create,notes.delete', 'admin.stats'
			admin,     'subtract,whoami,admin.stats,notes.delete',  ''
			""")
	void discoveryListsOnlyMethodsTheCallerMayCall(String user, String listed, String hidden) {
		JsonNode methods = this.caller.call(user, "rpc.discover", null).get("result").get("methods");
		List<String> names = new ArrayList<>();
		methods.forEach((method) -> names.add(method.get("name").asString()));
		assertThat(names).contains(listed.split(","));
		if (!hidden.isEmpty()) {
			assertThat(names).doesNotContain(hidden.split(","));
		}
	}

	@Test
	void loginIsNotForHttp() {
		JsonNode response = this.caller.call(null, "rpc.login",
				"{\"username\":\"alice\",\"password\":\"alice-secret\"}");
		assertThat(JsonRpcHttpCaller.errorCode(response)).isEqualTo(JsonRpcErrorCodes.INVALID_REQUEST);
	}

	@Test
	void wrongPasswordIsRejectedByTheFilterChain() {
		HttpResponse<String> response = this.caller.post("alice-wrong",
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"echo\",\"params\":[1]}");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((value) -> assertThat(value).startsWith("Basic"));
	}

	@Test
	void concurrentCallsOfDifferentUsersNeverSeeEachOther() throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(12);
		try {
			List<Future<JsonNode>> calls = new ArrayList<>();
			List<String> users = new ArrayList<>();
			for (int i = 0; i < 150; i++) {
				String user = (i % 3 == 0) ? null : (i % 3 == 1) ? "alice" : "admin";
				users.add(user);
				calls.add(executor.submit(() -> this.caller.call(user, "whoami", null)));
			}
			for (int i = 0; i < calls.size(); i++) {
				JsonNode response = calls.get(i).get(30, TimeUnit.SECONDS);
				if (users.get(i) == null) {
					assertThat(JsonRpcHttpCaller.errorCode(response)).isEqualTo(JsonRpcErrorCodes.UNAUTHENTICATED);
				}
				else {
					assertThat(response.get("result").asString()).isEqualTo(users.get(i));
				}
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

}
