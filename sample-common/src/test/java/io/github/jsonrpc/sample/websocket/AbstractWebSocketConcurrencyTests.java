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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many calls in flight on one connection, answered out of order, matched by id.
 */
abstract class AbstractWebSocketConcurrencyTests extends AbstractWebSocketTests {

	@Test
	void hundredsOfInFlightCallsAreAnsweredByIdOutOfOrder() throws Exception {
		int calls = 500;
		try (WebSocketTestClient client = connect()) {
			for (int i = 0; i < calls; i++) {
				// earlier calls wait longer, so answers come back out of order
				long delay = 1500 - (i * 3L);
				client.send("{\"jsonrpc\":\"2.0\",\"method\":\"test.delayedEcho\",\"params\":[\"v" + i + "\"," + delay
						+ "],\"id\":" + i + "}");
			}
			Map<Integer, String> results = new HashMap<>();
			List<Integer> order = new ArrayList<>();
			for (int i = 0; i < calls; i++) {
				JsonNode response = client.next();
				int id = response.get("id").asInt();
				order.add(id);
				results.put(id, response.get("result").asString());
			}
			assertThat(results).hasSize(calls);
			results.forEach((id, value) -> assertThat(value).isEqualTo("v" + id));
			assertThat(order).isNotEqualTo(order.stream().sorted().toList());
		}
	}

	@Test
	void slowCallDoesNotBlockLaterCalls() throws Exception {
		try (WebSocketTestClient client = connect()) {
			client.send("{\"jsonrpc\":\"2.0\",\"method\":\"test.delayedEcho\",\"params\":[\"slow\",1000],\"id\":1}");
			client.send("{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[2,1],\"id\":2}");
			assertThat(client.next().get("id").asInt()).isEqualTo(2);
			assertThat(client.next().get("id").asInt()).isEqualTo(1);
		}
	}

}
