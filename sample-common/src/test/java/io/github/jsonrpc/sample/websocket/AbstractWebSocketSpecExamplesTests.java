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

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples of the JSON-RPC 2.0 specification, over one WebSocket connection. An
 * example without a response is followed by a marker call, which must be answered first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractWebSocketSpecExamplesTests extends AbstractWebSocketTests {

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

	@ParameterizedTest(name = "{0}")
	@MethodSource("io.github.jsonrpc.JsonRpcSpecificationExamples#arguments")
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
			node.forEach(AbstractWebSocketSpecExamplesTests::withoutData);
		}
		else if (node.has("error")) {
			((ObjectNode) node.get("error")).remove("data");
		}
		return node;
	}

}
