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
package io.github.jsonrpc;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import io.github.jsonrpc.server.support.JsonRpcServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * JSON-RPC 1.0 requests served next to 2.0 ones on the same handler when enabled, with
 * exactly the responses the mapping table of the README (JSON-RPC 1.0) documents;
 * rejected as before when not.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcVersion1Tests {

	private final CalculatorService service = new CalculatorService();

	private final JsonRpcServer enabled = JsonRpcServer.builder()
		.version1(true)
		.discovery(false)
		.service(this.service)
		.build();

	private final JsonRpcServer disabled = JsonRpcServer.builder()
		.discovery(false)
		.service(new CalculatorService())
		.build();

	static Stream<Arguments> mixedVersions() {
		return Stream.of(arguments("1.0 call", """
				{"method": "subtract", "params": [42, 23], "id": 1}""", """
				{"result": 19, "error": null, "id": 1}"""), arguments("1.0 call with a string id and varargs", """
				{"method": "sum", "params": [1, 2, 4], "id": "a"}""", """
				{"result": 7, "error": null, "id": "a"}"""), arguments("1.0 call without params", """
				{"method": "get_data", "id": 2}""", """
				{"result": ["hello", 5], "error": null, "id": 2}"""), arguments("1.0 call with a null result", """
				{"method": "update", "params": [1], "id": 3}""", """
				{"result": null, "error": null, "id": 3}"""), arguments("1.0 notification (id null)", """
				{"method": "notify_hello", "params": [7], "id": null}""", null),
				arguments("1.0 notification of an unknown method", """
						{"method": "nothing", "params": [], "id": null}""", null), arguments("1.0 unknown method", """
						{"method": "nothing", "params": [], "id": 4}""", """
						{"result": null, "error": {"code": -32601, "message": "Method not found"}, "id": 4}"""),
				arguments("1.0 params of the wrong type", """
						{"method": "subtract", "params": ["a", "b"], "id": 5}""",
						"""
								{"result": null, "error": {"code": -32602, "message": "Invalid params: parameter 'minuend' must be an integer"}, "id": 5}"""),
				arguments("1.0 named params are invalid", """
						{"method": "subtract", "params": {"minuend": 42, "subtrahend": 23}, "id": 6}""", """
						{"result": null, "error": {"code": -32600, "message": "Invalid Request"}, "id": 6}"""),
				arguments("1.0 request without id", """
						{"method": "subtract", "params": [42, 23]}""", """
						{"result": null, "error": {"code": -32600, "message": "Invalid Request"}, "id": null}"""),
				arguments("1.0 request without method", """
						{"params": [42, 23], "id": 7}""", """
						{"result": null, "error": {"code": -32600, "message": "Invalid Request"}, "id": 7}"""),
				arguments("2.0 call next to 1.0", """
						{"jsonrpc": "2.0", "method": "subtract", "params": [42, 23], "id": 1}""", """
						{"jsonrpc": "2.0", "result": 19, "id": 1}"""), arguments("2.0 notification", """
						{"jsonrpc": "2.0", "method": "notify_hello", "params": [7]}""", null),
				arguments("2.0 call with id null is a call", """
						{"jsonrpc": "2.0", "method": "subtract", "params": [2, 1], "id": null}""", """
						{"jsonrpc": "2.0", "result": 1, "id": null}"""), arguments("other version member", """
						{"jsonrpc": "1.0", "method": "subtract", "params": [42, 23], "id": 8}""", """
						{"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": 8}"""),
				arguments("batches stay 2.0 only", """
						[{"method": "subtract", "params": [42, 23], "id": 1},
						 {"jsonrpc": "2.0", "method": "subtract", "params": [3, 1], "id": 2}]""", """
						[{"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": 1},
						 {"jsonrpc": "2.0", "result": 2, "id": 2}]"""), arguments("parse errors stay 2.0", """
						{"method": "subtract", "params": [42""", """
						{"jsonrpc": "2.0", "error": {"code": -32700, "message": "Parse error"}, "id": null}"""));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("mixedVersions")
	void version1AndVersion2OnTheSameHandler(String name, String request, String expected) throws Exception {
		assertReply(this.enabled, request, expected);
	}

	@Test
	void version1NotificationRuns() {
		assertThat(this.enabled.handleText("""
				{"method": "notify_hello", "params": [7], "id": null}""").join()).isEmpty();
		assertThat(this.service.calls()).containsExactly("notify_hello");
	}

	static Stream<Arguments> rejectedWhenDisabled() {
		return Stream.of(arguments("1.0 call", """
				{"method": "subtract", "params": [42, 23], "id": 1}""", """
				{"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": 1}"""),
				arguments("1.0 notification", """
						{"method": "notify_hello", "params": [7], "id": null}""", """
						{"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": null}"""),
				arguments("2.0 call", """
						{"jsonrpc": "2.0", "method": "subtract", "params": [42, 23], "id": 1}""", """
						{"jsonrpc": "2.0", "result": 19, "id": 1}"""));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rejectedWhenDisabled")
	void version1IsRejectedWhenDisabled(String name, String request, String expected) throws Exception {
		assertReply(this.disabled, request, expected);
	}

	private static void assertReply(JsonRpcServer server, String request, String expected) throws Exception {
		String actual = server.handleText(request).join().orElse(null);
		if (expected == null) {
			assertThat(actual).isNull();
		}
		else {
			assertThat(actual).isNotNull();
			JSONAssert.assertEquals(expected, actual, JSONCompareMode.STRICT);
		}
	}

}
