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

import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The examples of section 7 of the JSON-RPC 2.0 specification, request and expected
 * response as written there, shared by the in-process, HTTP and WebSocket conformance
 * tests.
 *
 * @author JSON-RPC for Spring Boot team
 */
public final class JsonRpcSpecificationExamples {

	private JsonRpcSpecificationExamples() {
	}

	/**
	 * Return the examples as parameterized-test arguments: name, request, expected
	 * response ({@code null} when nothing is sent back).
	 * @return the arguments
	 */
	public static Stream<Arguments> arguments() {
		return all().stream().map((example) -> Arguments.of(example.name(), example.request(), example.response()));
	}

	/**
	 * Return the examples.
	 * @return the examples, in the specification's order
	 */
	public static List<Example> all() {
		return List.of(new Example("rpc call with positional parameters", """
				{"jsonrpc": "2.0", "method": "subtract", "params": [42, 23], "id": 1}
				""", """
				{"jsonrpc": "2.0", "result": 19, "id": 1}
				"""), new Example("rpc call with positional parameters, reversed", """
				{"jsonrpc": "2.0", "method": "subtract", "params": [23, 42], "id": 2}
				""", """
				{"jsonrpc": "2.0", "result": -19, "id": 2}
				"""), new Example("rpc call with named parameters", """
				{"jsonrpc": "2.0", "method": "subtract", "params": {"subtrahend": 23, "minuend": 42}, "id": 3}
				""", """
				{"jsonrpc": "2.0", "result": 19, "id": 3}
				"""), new Example("rpc call with named parameters, reordered", """
				{"jsonrpc": "2.0", "method": "subtract", "params": {"minuend": 42, "subtrahend": 23}, "id": 4}
				""", """
				{"jsonrpc": "2.0", "result": 19, "id": 4}
				"""), new Example("a notification", """
				{"jsonrpc": "2.0", "method": "update", "params": [1,2,3,4,5]}
				""", null), new Example("a notification without params", """
				{"jsonrpc": "2.0", "method": "foobar"}
				""", null), new Example("rpc call of non-existent method", """
				{"jsonrpc": "2.0", "method": "foobar", "id": "1"}
				""", """
				{"jsonrpc": "2.0", "error": {"code": -32601, "message": "Method not found"}, "id": "1"}
				"""), new Example("rpc call with invalid JSON", """
				{"jsonrpc": "2.0", "method": "foobar, "params": "bar", "baz]
				""", """
				{"jsonrpc": "2.0", "error": {"code": -32700, "message": "Parse error"}, "id": null}
				"""), new Example("rpc call with invalid Request object", """
				{"jsonrpc": "2.0", "method": 1, "params": "bar"}
				""", """
				{"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": null}
				"""), new Example("rpc call Batch, invalid JSON", """
				[
				  {"jsonrpc": "2.0", "method": "sum", "params": [1,2,4], "id": "1"},
				  {"jsonrpc": "2.0", "method"
				]
				""", """
				{"jsonrpc": "2.0", "error": {"code": -32700, "message": "Parse error"}, "id": null}
				"""), new Example("rpc call with an empty Array", """
				[]
				""", """
				{"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": null}
				"""), new Example("rpc call with an invalid Batch (but not empty)", """
				[1]
				""", """
				[
				  {"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": null}
				]
				"""), new Example("rpc call with invalid Batch", """
				[1,2,3]
				""", """
				[
				  {"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": null},
				  {"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": null},
				  {"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": null}
				]
				"""), new Example("rpc call Batch", """
				[
				  {"jsonrpc": "2.0", "method": "sum", "params": [1,2,4], "id": "1"},
				  {"jsonrpc": "2.0", "method": "notify_hello", "params": [7]},
				  {"jsonrpc": "2.0", "method": "subtract", "params": [42,23], "id": "2"},
				  {"foo": "boo"},
				  {"jsonrpc": "2.0", "method": "foo.get", "params": {"name": "myself"}, "id": "5"},
				  {"jsonrpc": "2.0", "method": "get_data", "id": "9"}
				]
				""", """
				[
				  {"jsonrpc": "2.0", "result": 7, "id": "1"},
				  {"jsonrpc": "2.0", "result": 19, "id": "2"},
				  {"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": null},
				  {"jsonrpc": "2.0", "error": {"code": -32601, "message": "Method not found"}, "id": "5"},
				  {"jsonrpc": "2.0", "result": ["hello", 5], "id": "9"}
				]
				"""), new Example("rpc call Batch (all notifications)", """
				[
				  {"jsonrpc": "2.0", "method": "notify_sum", "params": [1,2,4]},
				  {"jsonrpc": "2.0", "method": "notify_hello", "params": [7]}
				]
				""", null));
	}

	/**
	 * One example of the specification.
	 *
	 * @param name what the specification calls it
	 * @param request the request text
	 * @param response the expected response, {@code null} when nothing is sent back
	 */
	public record Example(String name, String request, @Nullable String response) {
	}

}
