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
package io.github.jsonrpc.sample.websocket;

import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples of the JSON-RPC 2.0 specification, over one WebSocket connection. An
 * example without a response is followed by a marker call, which must be answered first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebSocketSpecExamplesTests extends AbstractWebSocketTests {

	private static final String MARKER = "{\"jsonrpc\":\"2.0\",\"method\":\"get_data\",\"id\":\"marker\"}";

	private WebSocketTestClient client;

	@BeforeAll
	void connectOnce() throws Exception {
		this.client = connect();
	}

	@AfterAll
	void close() {
		this.client.close();
	}

	static Stream<Arguments> examples() {
		return Stream.of(Arguments.of("positional params", """
				{"jsonrpc":"2.0","method":"subtract","params":[42,23],"id":1}""", """
				{"jsonrpc":"2.0","result":19,"id":1}"""), Arguments.of("positional params reversed", """
				{"jsonrpc":"2.0","method":"subtract","params":[23,42],"id":2}""", """
				{"jsonrpc":"2.0","result":-19,"id":2}"""), Arguments.of("named params", """
				{"jsonrpc":"2.0","method":"subtract","params":{"subtrahend":23,"minuend":42},"id":3}""", """
				{"jsonrpc":"2.0","result":19,"id":3}"""), Arguments.of("named params in another order", """
				{"jsonrpc":"2.0","method":"subtract","params":{"minuend":42,"subtrahend":23},"id":4}""", """
				{"jsonrpc":"2.0","result":19,"id":4}"""), Arguments.of("notification", """
				{"jsonrpc":"2.0","method":"update","params":[1,2,3,4,5]}""", null),
				Arguments.of("notification of unknown method", """
						{"jsonrpc":"2.0","method":"foobar"}""", null), Arguments.of("non-existent method", """
						{"jsonrpc":"2.0","method":"foobar","id":"1"}""", """
						{"jsonrpc":"2.0","error":{"code":-32601,"message":"Method not found"},"id":"1"}"""),
				Arguments.of("invalid JSON", """
						{"jsonrpc":"2.0","method":"foobar,"params":"bar","baz]""", """
						{"jsonrpc":"2.0","error":{"code":-32700,"message":"Parse error"},"id":null}"""),
				Arguments.of("invalid request object", """
						{"jsonrpc":"2.0","method":1,"params":"bar"}""", """
						{"jsonrpc":"2.0","error":{"code":-32600,"message":"Invalid Request"},"id":null}"""),
				Arguments.of("batch, invalid JSON", """
						[{"jsonrpc":"2.0","method":"sum","params":[1,2,4],"id":"1"},{"jsonrpc":"2.0","method" ]""", """
						{"jsonrpc":"2.0","error":{"code":-32700,"message":"Parse error"},"id":null}"""),
				Arguments.of("empty array", "[]", """
						{"jsonrpc":"2.0","error":{"code":-32600,"message":"Invalid Request"},"id":null}"""),
				Arguments.of("invalid batch of one", "[1]", """
						[{"jsonrpc":"2.0","error":{"code":-32600,"message":"Invalid Request"},"id":null}]"""),
				Arguments.of("invalid batch", "[1,2,3]", """
						[{"jsonrpc":"2.0","error":{"code":-32600,"message":"Invalid Request"},"id":null},
						 {"jsonrpc":"2.0","error":{"code":-32600,"message":"Invalid Request"},"id":null},
						 {"jsonrpc":"2.0","error":{"code":-32600,"message":"Invalid Request"},"id":null}]"""),
				Arguments.of("all-notification batch",
						"""
								[{"jsonrpc":"2.0","method":"notify_sum","params":[1,2,4]},{"jsonrpc":"2.0","method":"notify_hello","params":[7]}]""",
						null),
				Arguments.of("invalid params", """
						{"jsonrpc":"2.0","method":"subtract","params":["a","b"],"id":9}""",
						"""
								{"jsonrpc":"2.0","error":{"code":-32602,"message":"Invalid params: parameter 'minuend' must be an integer"},"id":9}"""));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("examples")
	void specExampleOverWebSocket(String name, String request, String expected) throws Exception {
		this.client.send(request);
		if (expected == null) {
			JsonNode marker = this.client.call(MARKER);
			assertThat(marker.get("id").asString()).as("no response expected for %s", name).isEqualTo("marker");
			return;
		}
		assertThat(withoutData(this.client.next())).isEqualTo(WebSocketTestClient.mapper.readTree(expected));
		assertThat(this.client.isOpen()).isTrue();
	}

	private static JsonNode withoutData(JsonNode node) {
		if (node.isArray()) {
			node.forEach(WebSocketSpecExamplesTests::withoutData);
		}
		else if (node.has("error")) {
			((ObjectNode) node.get("error")).remove("data");
		}
		return node;
	}

}
