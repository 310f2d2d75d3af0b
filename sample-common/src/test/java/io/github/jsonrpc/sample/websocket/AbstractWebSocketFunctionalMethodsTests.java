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

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Functional methods over WebSocket.
 */
abstract class AbstractWebSocketFunctionalMethodsTests extends AbstractWebSocketTests {

	@Test
	void functionsOverWebSocket() throws Exception {
		try (WebSocketTestClient client = connect()) {
			JsonNode product = client.call(
					"{\"jsonrpc\":\"2.0\",\"method\":\"math.multiply\",\"params\":{\"multiplicand\":6,\"multiplier\":7},\"id\":1}");
			assertThat(product.get("result").asLong()).isEqualTo(42);
			JsonNode positional = client
				.call("{\"jsonrpc\":\"2.0\",\"method\":\"math.multiply\",\"params\":[6,7],\"id\":2}");
			assertThat(positional.get("result").asLong()).isEqualTo(42);
			JsonNode square = client.call("{\"jsonrpc\":\"2.0\",\"method\":\"math.square\",\"params\":[9],\"id\":3}");
			assertThat(square.get("result").asInt()).isEqualTo(81);
			JsonNode strict = client
				.call("{\"jsonrpc\":\"2.0\",\"method\":\"math.square\",\"params\":[\"9\"],\"id\":4}");
			assertThat(strict.get("error").get("code").asInt()).isEqualTo(-32602);
			assertThat(strict.get("error").get("message").asString())
				.isEqualTo("Invalid params: parameter 'value' must be an integer");
		}
	}

}
