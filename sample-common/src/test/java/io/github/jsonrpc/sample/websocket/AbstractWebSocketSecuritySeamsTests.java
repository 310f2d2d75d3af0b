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

import io.github.jsonrpc.pubsub.JsonRpcPublisher;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seams a security layer builds on: topic authorization at subscribe, listing and
 * delivery; a replaceable principal per connection; notifications to a user.
 */
abstract class AbstractWebSocketSecuritySeamsTests extends AbstractWebSocketTests {

	@Autowired
	JsonRpcPublisher publisher;

	@Test
	void deniedTopicIsHiddenAndRefusedInBothDialects() throws Exception {
		try (WebSocketTestClient client = connect()) {
			JsonNode topics = client.call("{\"jsonrpc\":\"2.0\",\"method\":\"get_topics\",\"id\":1}").get("result");
			assertThat(AbstractWebSocketPubSubTests.names(topics)).doesNotContain("restricted")
				.contains("clock", "chat");
			JsonNode denied = client
				.call("{\"jsonrpc\":\"2.0\",\"method\":\"subscribe\",\"params\":[\"restricted\"],\"id\":2}");
			assertThat(denied.get("error").get("code").asInt()).isEqualTo(-32003);
			JsonNode on = client
				.call("{\"jsonrpc\":\"2.0\",\"method\":\"rpc.on\",\"params\":[\"restricted\"],\"id\":3}");
			assertThat(on.get("result").get("restricted").asString()).isEqualTo("forbidden");
		}
	}

	@Test
	void revokedRightsStopDeliveries() throws Exception {
		try (WebSocketTestClient client = connect()) {
			client.call("{\"jsonrpc\":\"2.0\",\"method\":\"test.clearance\",\"params\":[true],\"id\":1}");
			JsonNode subscribed = client
				.call("{\"jsonrpc\":\"2.0\",\"method\":\"subscribe\",\"params\":[\"restricted\",\"chat\"],\"id\":2}");
			assertThat(AbstractWebSocketPubSubTests.names(subscribed.get("result"))).containsExactly("chat",
					"restricted");
			this.publisher.publish("restricted", "one");
			assertThat(client.next().get("params").asString()).isEqualTo("one");
			client.call("{\"jsonrpc\":\"2.0\",\"method\":\"test.clearance\",\"params\":[false],\"id\":3}");
			assertThat(this.publisher.publish("restricted", "two")).isZero();
			this.publisher.publish("chat", "marker");
			// the next message is the marker: "two" was not delivered
			assertThat(client.next().get("params").asString()).isEqualTo("marker");
		}
	}

	@Test
	void principalCanBeReplacedAndUsersNotified() throws Exception {
		try (WebSocketTestClient first = connect(); WebSocketTestClient second = connect()) {
			assertThat(first.call("{\"jsonrpc\":\"2.0\",\"method\":\"test.whoami\",\"id\":1}").get("result").asString())
				.isEqualTo("anonymous");
			first.call("{\"jsonrpc\":\"2.0\",\"method\":\"test.login\",\"params\":[\"ann\"],\"id\":2}");
			second.call("{\"jsonrpc\":\"2.0\",\"method\":\"test.login\",\"params\":[\"ann\"],\"id\":2}");
			assertThat(first.call("{\"jsonrpc\":\"2.0\",\"method\":\"test.whoami\",\"id\":3}").get("result").asString())
				.isEqualTo("ann");
			JsonNode said = first.call("{\"jsonrpc\":\"2.0\",\"method\":\"say\",\"params\":[\"hello\"],\"id\":4}");
			assertThat(said.get("result").get("from").asString()).isEqualTo("ann");
			assertThat(this.publisher.notifyUser("ann", "alert", "for ann")).isEqualTo(2);
			assertThat(first.next().get("method").asString()).isEqualTo("alert");
			assertThat(second.next().get("params").asString()).isEqualTo("for ann");
		}
	}

}
