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
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * End-to-end security over WebSocket through the sample's real filter chain: HTTP Basic
 * on the handshake, anonymous connections with {@code rpc.login}, batches, the protected
 * topic {@code admin-events}, introspection, and no identity leaking between calls.
 *
 * @author JSON-RPC for Spring Boot team
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
abstract class AbstractWebSocketSecurityTests {

	private static final List<String> INTERNALS = List.of("Exception", "org.springframework", "io.github", "hasRole",
			"isAuthenticated", "notePolicy", "Access Denied", "alice-secret", "wrong-secret");

	@LocalServerPort
	private int port;

	@ParameterizedTest(name = "{0} calls {1}")
	@CsvSource(nullValues = "anonymous", textBlock = """
			anonymous, echo,         '["hi"]',      0
			anonymous, subtract,     '[42, 23]',    0
			anonymous, whoami,       ,              -32001
			anonymous, admin.stats,  ,              -32001
			anonymous, notes.delete, '[1]',         -32001
			alice,     whoami,       ,              0
			alice,     admin.stats,  ,              -32003
			alice,     notes.delete, '[3]',         -32003
			alice,     notes.delete, '[999]',       -32003
			admin,     whoami,       ,              0
			admin,     admin.stats,  ,              0
			admin,     notes.delete, '[2]',         -32003
			""")
	void handshakeIdentityDecides(String user, String method, String params, int code) throws Exception {
		try (SecureWebSocketClient client = SecureWebSocketClient.connect(this.port, user)) {
			JsonNode response = client.call(method, params);
			if (code == 0) {
				assertThat(response.has("result")).as(response.toString()).isTrue();
				if (method.equals("whoami")) {
					assertThat(response.get("result").asString()).isEqualTo(user);
				}
			}
			else {
				assertThat(JsonRpcHttpCaller.errorCode(response)).as(response.toString()).isEqualTo(code);
				assertThat(response.toString()).doesNotContain(INTERNALS);
				assertThat(response.get("error").has("data")).isFalse();
			}
		}
	}

	@Test
	void ownerDeletesOwnNoteOverWebSocket() throws Exception {
		try (SecureWebSocketClient alice = SecureWebSocketClient.connect(this.port, "alice");
				SecureWebSocketClient admin = SecureWebSocketClient.connect(this.port, "admin")) {
			long id = alice.call("notes.create", "[\"ws note\"]").get("result").asLong();
			assertThat(JsonRpcHttpCaller.errorCode(admin.call("notes.delete", "[" + id + "]")))
				.isEqualTo(JsonRpcErrorCodes.FORBIDDEN);
			assertThat(alice.call("notes.delete", "{\"id\":" + id + "}").get("result").asBoolean()).isTrue();
		}
	}

	@Test
	void wrongPasswordOnTheHandshakeIsRejected() {
		assertThatException()
			.isThrownBy(() -> SecureWebSocketClient.connect(this.port, "alice", "wrong-secret").close());
	}

	@Test
	void crossSiteHandshakeIsRejectedEvenWithCredentials() {
		// Cross-Site WebSocket Hijacking: a foreign page must not ride on the user's
		// credentials
		assertThatException()
			.isThrownBy(() -> SecureWebSocketClient.connect(this.port, "admin", "admin-secret", "https://evil.example")
				.close());
	}

	@Test
	void deniedEntryOfABatchDeniesOnlyItself() throws Exception {
		try (SecureWebSocketClient client = SecureWebSocketClient.connect(this.port, "alice")) {
			client.send("""
					[{"jsonrpc":"2.0","id":1,"method":"whoami"},
					 {"jsonrpc":"2.0","id":2,"method":"admin.stats"},
					 {"jsonrpc":"2.0","id":3,"method":"echo","params":["x"]}]
					""");
			JsonNode replies = client.nextResponse();
			assertThat(replies.size()).isEqualTo(3);
			assertThat(replies.get(0).get("result").asString()).isEqualTo("alice");
			assertThat(JsonRpcHttpCaller.errorCode(replies.get(1))).isEqualTo(JsonRpcErrorCodes.FORBIDDEN);
			assertThat(replies.get(2).get("result").asString()).isEqualTo("x");
		}
	}

	@Test
	void loginAuthenticatesTheConnection() throws Exception {
		try (SecureWebSocketClient client = SecureWebSocketClient.connect(this.port, null)) {
			assertThat(JsonRpcHttpCaller.errorCode(client.call("whoami", null)))
				.isEqualTo(JsonRpcErrorCodes.UNAUTHENTICATED);
			JsonNode login = client.call("rpc.login", "{\"username\":\"alice\",\"password\":\"alice-secret\"}");
			assertThat(login.get("result").asString()).isEqualTo("alice");
			assertThat(client.call("whoami", null).get("result").asString()).isEqualTo("alice");
			assertThat(JsonRpcHttpCaller.errorCode(client.call("admin.stats", null)))
				.isEqualTo(JsonRpcErrorCodes.FORBIDDEN);
			assertThat(client.call("rpc.login", "[\"admin\", \"admin-secret\"]").get("result").asString())
				.isEqualTo("admin");
			assertThat(client.call("whoami", null).get("result").asString()).isEqualTo("admin");
			assertThat(client.call("admin.stats", null).has("result")).isTrue();
		}
	}

	@Test
	void badCredentialsAreUnauthenticatedWithoutDetails() throws Exception {
		try (SecureWebSocketClient client = SecureWebSocketClient.connect(this.port, "alice")) {
			for (String params : List.of("{\"username\":\"alice\",\"password\":\"wrong-secret\"}",
					"{\"username\":\"nobody\",\"password\":\"alice-secret\"}")) {
				JsonNode response = client.call("rpc.login", params);
				assertThat(response.get("error").toString())
					.isEqualTo("{\"code\":-32001,\"message\":\"Unauthenticated\"}");
			}
			// a failed login leaves the connection's identity alone
			assertThat(client.call("whoami", null).get("result").asString()).isEqualTo("alice");
		}
	}

	@Test
	void loginOnOneConnectionDoesNotLeakToOthers() throws Exception {
		try (SecureWebSocketClient loggedIn = SecureWebSocketClient.connect(this.port, null);
				SecureWebSocketClient anonymous = SecureWebSocketClient.connect(this.port, null);
				SecureWebSocketClient alice = SecureWebSocketClient.connect(this.port, "alice")) {
			loggedIn.call("rpc.login", "[\"admin\", \"admin-secret\"]");
			for (int i = 0; i < 20; i++) {
				assertThat(loggedIn.call("whoami", null).get("result").asString()).isEqualTo("admin");
				assertThat(JsonRpcHttpCaller.errorCode(anonymous.call("whoami", null)))
					.isEqualTo(JsonRpcErrorCodes.UNAUTHENTICATED);
				assertThat(alice.call("whoami", null).get("result").asString()).isEqualTo("alice");
			}
		}
	}

	@Test
	void concurrentConnectionsOfDifferentUsersNeverSeeEachOther() throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(6);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (int c = 0; c < 6; c++) {
				String user = (c % 3 == 0) ? null : (c % 3 == 1) ? "alice" : "admin";
				boolean login = (c == 3);
				results.add(executor.submit(() -> {
					try (SecureWebSocketClient client = SecureWebSocketClient.connect(this.port, user)) {
						String expected = user;
						if (login) {
							client.call("rpc.login", "[\"alice\", \"alice-secret\"]");
							expected = "alice";
						}
						for (int i = 0; i < 30; i++) {
							JsonNode response = client.call("whoami", null);
							boolean ok = (expected != null) ? expected.equals(response.path("result").asString())
									: JsonRpcHttpCaller.errorCode(response) == JsonRpcErrorCodes.UNAUTHENTICATED;
							if (!ok) {
								return false;
							}
						}
						return true;
					}
				}));
			}
			for (Future<Boolean> result : results) {
				assertThat(result.get(60, TimeUnit.SECONDS)).isTrue();
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void onlyAdminsSubscribeToAdminEvents() throws Exception {
		try (SecureWebSocketClient alice = SecureWebSocketClient.connect(this.port, "alice");
				SecureWebSocketClient anonymous = SecureWebSocketClient.connect(this.port, null);
				SecureWebSocketClient admin = SecureWebSocketClient.connect(this.port, "admin")) {
			assertThat(JsonRpcHttpCaller.errorCode(alice.call("subscribe", "[\"admin-events\"]")))
				.isEqualTo(JsonRpcErrorCodes.FORBIDDEN);
			assertThat(JsonRpcHttpCaller.errorCode(anonymous.call("subscribe", "[\"admin-events\"]")))
				.isEqualTo(JsonRpcErrorCodes.FORBIDDEN);
			assertThat(alice.call("rpc.on", "[\"admin-events\"]").get("result").get("admin-events").asString())
				.isEqualTo("forbidden");
			assertThat(admin.call("subscribe", "[\"admin-events\"]").get("result").toString()).contains("admin-events");
			// public topics stay open to everyone
			assertThat(anonymous.call("subscribe", "[\"chat\"]").has("result")).isTrue();
			admin.call("admin.announce", "[\"maintenance at noon\"]");
			JsonNode event = admin.nextNotification(5000);
			assertThat(event).isNotNull();
			assertThat(event.get("method").asString()).isEqualTo("admin-events");
			assertThat(event.toString()).contains("maintenance at noon");
			assertThat(alice.nextNotification(300)).isNull();
		}
	}

	@Test
	void subscriberWhoseRightsNoLongerHoldStopsReceiving() throws Exception {
		try (SecureWebSocketClient demoted = SecureWebSocketClient.connect(this.port, "admin");
				SecureWebSocketClient admin = SecureWebSocketClient.connect(this.port, "admin")) {
			demoted.call("subscribe", "[\"admin-events\"]");
			admin.call("subscribe", "[\"admin-events\"]");
			demoted.call("rpc.login", "[\"alice\", \"alice-secret\"]");
			admin.call("admin.announce", "[\"after demotion\"]");
			assertThat(admin.nextNotification(5000)).isNotNull();
			assertThat(demoted.nextNotification(500)).isNull();
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(nullValues = "anonymous", textBlock = """
			anonymous, false
			alice,     false
			admin,     true
			""")
	void introspectionListsOnlyWhatTheCallerMaySee(String user, boolean admin) throws Exception {
		try (SecureWebSocketClient client = SecureWebSocketClient.connect(this.port, user)) {
			String topics = client.call("get_topics", null).get("result").toString();
			assertThat(topics.contains("admin-events")).isEqualTo(admin);
			assertThat(topics).contains("chat");
			String methods = client.call("get_methods", null).get("result").toString();
			assertThat(methods.contains("\"admin.stats\"")).isEqualTo(admin);
			assertThat(methods.contains("\"whoami\"")).isEqualTo(user != null);
			assertThat(methods).contains("\"echo\"");
		}
	}

}
