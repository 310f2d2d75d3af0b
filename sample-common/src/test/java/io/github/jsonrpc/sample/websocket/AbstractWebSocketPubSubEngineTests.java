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

import java.net.http.HttpClient;
import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.jsonrpc.pubsub.JsonRpcPublisher;
import io.github.jsonrpc.pubsub.JsonRpcSubscriptionRegistry;
import io.github.jsonrpc.pubsub.JsonRpcTopic;
import io.github.jsonrpc.server.JsonRpcSessionRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * The pub/sub engine end to end over WebSocket: the aiohttp-json-rpc string-params
 * dialect, topics added and removed at runtime, pattern topics with their own authorizer,
 * and clean-up after connections drop.
 */
abstract class AbstractWebSocketPubSubEngineTests extends AbstractWebSocketTests {

	@Autowired
	JsonRpcPublisher publisher;

	@Autowired
	JsonRpcSessionRegistry sessions;

	@Autowired
	JsonRpcSubscriptionRegistry subscriptions;

	@Test
	void topicAsAPlainStringSubscribesAsTheAiohttpClientDoes() throws Exception {
		try (WebSocketTestClient client = connect()) {
			JsonNode subscribed = client
				.call("{\"jsonrpc\":\"2.0\",\"method\":\"subscribe\",\"params\":\"clock\",\"id\":1}");
			assertThat(AbstractWebSocketPubSubTests.names(subscribed.get("result"))).containsExactly("clock");
			JsonNode tick = client.next((node) -> WebSocketTestClient.isMethod(node, "clock"));
			assertThat(tick.get("params").get("time").asString()).isNotBlank();
			// ticks of the clock may arrive before the answer
			JsonNode unsubscribed = client
				.call("{\"jsonrpc\":\"2.0\",\"method\":\"unsubscribe\",\"params\":\"clock\",\"id\":2}", 2);
			assertThat(unsubscribed.get("result").size()).isZero();
			// only the subscription methods take that shape
			JsonNode other = client.call("{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":\"clock\",\"id\":3}",
					3);
			assertThat(other.get("error").get("code").asInt()).isEqualTo(-32600);
		}
	}

	@Test
	void topicsAddedAtRuntimeAndRemovedEndTheirSubscriptions() throws Exception {
		assertThat(this.subscriptions.addTopic(JsonRpcTopic.retained("runtime.news"))).isTrue();
		try (WebSocketTestClient client = connect()) {
			JsonNode topics = client.call("{\"jsonrpc\":\"2.0\",\"method\":\"get_topics\",\"id\":1}");
			assertThat(AbstractWebSocketPubSubTests.names(topics.get("result"))).contains("runtime.news");
			client.call("{\"jsonrpc\":\"2.0\",\"method\":\"subscribe\",\"params\":[\"runtime.news\"],\"id\":2}");
			assertThat(this.publisher.publish("runtime.news", "first")).isOne();
			assertThat(
					client.next((node) -> WebSocketTestClient.isMethod(node, "runtime.news")).get("params").asString())
				.isEqualTo("first");
			assertThat(this.subscriptions.removeTopic("runtime.news")).isTrue();
			JsonNode ended = client.next((node) -> WebSocketTestClient.isMethod(node, "rpc.unsubscribed"));
			assertThat(ended.get("params").get("topic").asString()).isEqualTo("runtime.news");
			JsonNode none = client.call("{\"jsonrpc\":\"2.0\",\"method\":\"get_subscriptions\",\"id\":3}");
			assertThat(none.get("result").size()).isZero();
			assertThatIllegalArgumentException().isThrownBy(() -> this.publisher.publish("runtime.news", "late"));
			JsonNode gone = client
				.call("{\"jsonrpc\":\"2.0\",\"method\":\"subscribe\",\"params\":[\"runtime.news\"],\"id\":4}");
			assertThat(gone.get("error").get("code").asInt()).isEqualTo(-32602);
		}
		finally {
			this.subscriptions.removeTopic("runtime.news");
		}
	}

	@Test
	void patternTopicsAreAuthorizedPerRoomAndManyAbruptClosesLeaveNoSubscription() throws Exception {
		this.subscriptions.addTopic(JsonRpcTopic.of("rooms.*").withAuthorizer((topic, session) -> {
			Principal principal = (session != null) ? session.principal() : null;
			return principal != null && topic.equals("rooms." + principal.getName());
		}));
		int sessionsBefore = this.sessions.size();
		int subscriptionsBefore = this.subscriptions.subscriptionCount();
		HttpClient http = HttpClient.newHttpClient();
		List<WebSocketTestClient> clients = new ArrayList<>();
		try {
			try (WebSocketTestClient anonymous = connect()) {
				JsonNode denied = anonymous
					.call("{\"jsonrpc\":\"2.0\",\"method\":\"subscribe\",\"params\":[\"rooms.ann\"],\"id\":1}");
				assertThat(denied.get("error").get("code").asInt()).isEqualTo(-32003);
				JsonNode topics = anonymous.call("{\"jsonrpc\":\"2.0\",\"method\":\"get_topics\",\"id\":2}");
				assertThat(AbstractWebSocketPubSubTests.names(topics.get("result"))).doesNotContain("rooms.*");
			}
			for (int i = 0; i < 200; i++) {
				WebSocketTestClient client = WebSocketTestClient.connect(http, this.port, null, true);
				clients.add(client);
				String user = "user" + i;
				client.call("{\"jsonrpc\":\"2.0\",\"method\":\"test.login\",\"params\":[\"" + user + "\"],\"id\":1}");
				JsonNode own = client.call(
						"{\"jsonrpc\":\"2.0\",\"method\":\"subscribe\",\"params\":[\"rooms." + user + "\"],\"id\":2}");
				assertThat(AbstractWebSocketPubSubTests.names(own.get("result"))).containsExactly("rooms." + user);
			}
			JsonNode other = clients.get(0)
				.call("{\"jsonrpc\":\"2.0\",\"method\":\"subscribe\",\"params\":[\"rooms.user1\"],\"id\":3}");
			assertThat(other.get("error").get("code").asInt()).isEqualTo(-32003);
			assertThat(this.publisher.publish("rooms.user7", "hello 7")).isOne();
			assertThat(clients.get(7)
				.next((node) -> WebSocketTestClient.isMethod(node, "rooms.user7"))
				.get("params")
				.asString()).isEqualTo("hello 7");
			assertThat(clients.get(8).poll(100)).isNull();
			assertThat(this.subscriptions.subscriptionCount()).isEqualTo(subscriptionsBefore + 200);
			clients.forEach(WebSocketTestClient::abort);
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(this.subscriptions.subscriptionCount()).isEqualTo(subscriptionsBefore));
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(this.sessions.size()).isLessThanOrEqualTo(sessionsBefore));
			assertThat(this.publisher.publish("rooms.user7", "nobody")).isZero();
		}
		finally {
			clients.forEach(WebSocketTestClient::abort);
			this.subscriptions.removeTopic("rooms.*");
		}
	}

}
