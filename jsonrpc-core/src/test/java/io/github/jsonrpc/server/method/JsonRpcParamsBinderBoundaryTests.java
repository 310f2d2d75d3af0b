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

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.github.jsonrpc.JsonRpcSetup;
import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.method.annotation.JsonRpcParams;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;
import io.github.jsonrpc.server.support.JsonRpcServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the limits {@link JsonRpcParamsBinder} enforces, each at exactly its bound
 * and one past it: the number of positional params and of {@code args}, the position from
 * which a {@code kwargs} member may name a parameter, and the index in the path of a
 * nested value that does not fit.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcParamsBinderBoundaryTests {

	private final JsonRpcHandler handler = JsonRpcSetup.services(new ArityService()).toHandler();

	private final JsonRpcServer argsKwargs = JsonRpcServer.builder()
		.argsKwargs(true)
		.service(new ArityService())
		.build();

	// each bound at exactly its value and one past it; a reply starting with "error: "
	// is -32602 with that detail, any other the result
	@ParameterizedTest(name = "{0} {1} -> {2}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			one    | [7]                 | "7"
			three  | [1,2,3]             | "1/2/3"
			one    | [7,8]               | error: expected at most 1 but got 2
			three  | [1,2,3,4]           | error: expected at most 3 but got 4
			none   | []                  | "none"
			none   | [1]                 | error: method takes no params
			rest   | [1]                 | "1:"
			rest   | [1,"b"]             | "1:b"
			rest   | [1,"b","c"]         | "1:b,c"
			points | [[["x"]]]           | error: parameter 'points[0][0]' must be an integer
			points | [[[1],[2,"x"]]]     | error: parameter 'points[1][1]' must be an integer
			""")
	void positionalParamsBindUpToTheNumberOfParameters(String method, String params, String expected) {
		assertThat(call(method, params)).isEqualTo(reply(expected));
	}

	// 'b' is at position 1: after one arg a kwargs member may name it, after two it is
	// taken
	@ParameterizedTest(name = "{0} {1} -> {2}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			three | {"args":[1,2,3]}                           | "1/2/3"
			three | {"args":[1,2,3],"kwargs":{}}               | "1/2/3"
			three | {"args":[1,2,3,4]}                         | error: expected at most 3 but got 4
			one   | {"args":[1,2]}                             | error: expected at most 1 but got 2
			three | {"args":[1],"kwargs":{"b":2,"c":3}}        | "1/2/3"
			three | {"args":[1,2],"kwargs":{"b":5,"c":3}}      | error: parameter 'b' is given in args and kwargs
			three | {"args":[],"kwargs":{"a":1,"b":2,"c":3}}   | "1/2/3"
			three | {"args":[1],"kwargs":{"a":1,"b":2,"c":3}}  | error: parameter 'a' is given in args and kwargs
			""")
	void argsBindUpToTheNumberOfParametersAndKwargsNameTheRest(String method, String params, String expected) {
		assertThat(callArgsKwargs(method, params)).isEqualTo(reply(expected));
	}

	@Test
	void wholeParamsBindingIsReported() {
		JsonRpcMethodRegistry registry = JsonRpcSetup.services(new ArityService()).toRegistry();
		assertThat(registry.lookup("whole").bindsWholeParams()).isTrue();
		assertThat(registry.lookup("three").bindsWholeParams()).isFalse();
	}

	private String call(String method, String params) {
		return TestWaits
			.join(this.handler
				.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params + ",\"id\":1}"))
			.orElseThrow();
	}

	private String callArgsKwargs(String method, String params) {
		return TestWaits
			.join(this.argsKwargs
				.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params + ",\"id\":1}"))
			.orElseThrow();
	}

	private static String reply(String expected) {
		return expected.startsWith("error: ") ? invalidParams(expected.substring("error: ".length()))
				: result(expected);
	}

	private static String result(String json) {
		return "{\"jsonrpc\":\"2.0\",\"result\":" + json + ",\"id\":1}";
	}

	private static String invalidParams(String detail) {
		return "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: " + detail
				+ "\"},\"id\":1}";
	}

	@JsonRpcService
	static class ArityService {

		public String none() {
			return "none";
		}

		public String one(int a) {
			return String.valueOf(a);
		}

		public String three(int a, int b, int c) {
			return a + "/" + b + "/" + c;
		}

		public String rest(int first, String... others) {
			return first + ":" + String.join(",", others);
		}

		public int points(List<List<Integer>> points) {
			return points.size();
		}

		public int whole(@JsonRpcParams List<Integer> values) {
			return values.size();
		}

	}

}
