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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import io.github.jsonrpc.pubsub.JsonRpcPublisher;
import io.github.jsonrpc.pubsub.JsonRpcSubscriptionRegistry;
import io.github.jsonrpc.server.JsonRpcSessionRegistry;
import io.github.jsonrpc.server.JsonRpcSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publish/subscribe in both dialects, retained values and clean-up.
 */
abstract class AbstractWebSocketPubSubTests extends AbstractWebSocketTests {

	@Autowired
	JsonRpcPublisher publisher;

	@Autowired
	JsonRpcSessionRegistry sessions;

	@Autowired
	JsonRpcSubscriptionRegistry subscriptions;

	@Test
	void introspectionListsTopicsAndMethods() throws Exception {
		try (WebSocketTestClient client = connect()) {
			JsonNode topics = client.call("{\"jsonrpc\":\"2.0\",\"method\":\"get_topics\",\"id\":1}").get("result");
			assertThat(names(topics)).contains("clock", "chat");
			JsonNode methods = client.call("{\"jsonrpc\":\"2.0\",\"method\":\"get_methods\",\"id\":2}").get("result");
			assertThat(names(methods)).contains("say", "countdown", "subtract", "subscribe", "unsubscribe",
					"get_topics", "get_subscriptions", "get_methods", "rpc.on", "rpc.off");
		}
	}

	@Test
	void subscribeResponseComesBeforeNotificationsAndSayReachesSubscribers() throws Exception {
		try (WebSocketTestClient listener = connect(); WebSocketTestClient speaker = connect()) {
			JsonNode subscribed = listener
				.call("{\"jsonrpc\":\"2.0\",\"method\":\"subscribe\",\"params\":[\"chat\"],\"id\":1}");
			assertThat(names(subscribed.get("result"))).containsExactly("chat");
			speaker.call("{\"jsonrpc\":\"2.0\",\"method\":\"say\",\"params\":{\"text\":\"hi\"},\"id\":1}");
			JsonNode message = listener.next((node) -> WebSocketTestClient.isMethod(node, "chat"));
			assertThat(message.get("params").get("from").asString()).isEqualTo("anonymous");
			assertThat(message.get("params").get("text").asString()).isEqualTo("hi");
			HttpResponse<String> http = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/jsonrpc"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers
						.ofString("{\"jsonrpc\":\"2.0\",\"method\":\"say\",\"params\":[\"over http\"],\"id\":1}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(http.statusCode()).isEqualTo(200);
			JsonNode fromHttp = listener.next((node) -> WebSocketTestClient.isMethod(node, "chat"));
			assertThat(fromHttp.get("params").get("text").asString()).isEqualTo("over http");
			JsonNode unsubscribed = listener
				.call("{\"jsonrpc\":\"2.0\",\"method\":\"unsubscribe\",\"params\":[\"chat\"],\"id\":2}");
			assertThat(unsubscribed.get("result").size()).isZero();
		}
	}

	@Test
	void responseAlwaysPrecedesFirstNotificationUnderConcurrentPublishing() throws Exception {
		// a fresh connection per round, publications racing with the subscribe call:
		// whatever
		// the connection receives first must be the response
		for (int round = 0; round < 30; round++) {
			try (WebSocketTestClient client = connect()) {
				client.send("{\"jsonrpc\":\"2.0\",\"method\":\"subscribe\",\"params\":[\"firehose\"],\"id\":" + round
						+ "}");
				for (int i = 0; i < 50; i++) {
					this.publisher.publish("firehose", i);
				}
				JsonNode first = client.next();
				assertThat(first.has("result")).as("first message %s", first).isTrue();
				assertThat(first.get("id").asInt()).isEqualTo(round);
			}
		}
	}

	@Test
	void retainedValueArrivesRightAfterSubscribing() throws Exception {
		this.publisher.publish("latest", "v1");
		this.publisher.publish("latest", "v2");
		try (WebSocketTestClient client = connect()) {
			JsonNode response = client
				.call("{\"jsonrpc\":\"2.0\",\"method\":\"subscribe\",\"params\":[\"latest\"],\"id\":1}");
			assertThat(response.has("result")).isTrue();
			JsonNode retained = client.next();
			assertThat(retained.get("method").asString()).isEqualTo("latest");
			assertThat(retained.get("params").asString()).isEqualTo("v2");
		}
	}

	@Test
	void clockTicks() throws Exception {
		try (WebSocketTestClient client = connect()) {
			client.call("{\"jsonrpc\":\"2.0\",\"method\":\"subscribe\",\"params\":[\"clock\"],\"id\":1}");
			JsonNode tick = client.next((node) -> WebSocketTestClient.isMethod(node, "clock"));
			assertThat(tick.get("params").get("time").asString()).isNotBlank();
		}
	}

	@Test
	void unknownTopicIsAnErrorAndLimitIsEnforced() throws Exception {
		try (WebSocketTestClient client = connect()) {
			JsonNode unknown = client
				.call("{\"jsonrpc\":\"2.0\",\"method\":\"subscribe\",\"params\":[\"nope\"],\"id\":1}");
			assertThat(unknown.get("error").get("code").asInt()).isEqualTo(-32602);
			assertThat(unknown.get("error").get("message").asString()).contains("nope");
			JsonNode full = client.call(
					"{\"jsonrpc\":\"2.0\",\"method\":\"subscribe\",\"params\":[[\"chat\",\"clock\",\"latest\",\"firehose\"]],\"id\":2}");
			assertThat(full.get("error").get("code").asInt()).isEqualTo(-32005);
			JsonNode none = client.call("{\"jsonrpc\":\"2.0\",\"method\":\"get_subscriptions\",\"id\":3}");
			assertThat(none.get("result").size()).isZero();
		}
	}

	@Test
	void rpcWebSocketsDialect() throws Exception {
		try (WebSocketTestClient client = connect()) {
			JsonNode on = client
				.call("{\"jsonrpc\":\"2.0\",\"method\":\"rpc.on\",\"params\":[\"chat\",\"nope\"],\"id\":1}");
			assertThat(on.get("result").get("chat").asString()).isEqualTo("ok");
			assertThat(on.get("result").get("nope").asString()).isEqualTo("provided event invalid");
			this.publisher.publish("chat", "event");
			JsonNode event = client.next((node) -> WebSocketTestClient.isMethod(node, "chat"));
			assertThat(event.get("params").asString()).isEqualTo("event");
			JsonNode off = client
				.call("{\"jsonrpc\":\"2.0\",\"method\":\"rpc.off\",\"params\":[\"chat\",\"clock\"],\"id\":2}");
			assertThat(off.get("result").get("chat").asString()).isEqualTo("ok");
			assertThat(off.get("result").get("clock").asString()).isEqualTo("not subscribed");
		}
	}

	@Test
	void closingTheConnectionRemovesSessionAndSubscriptions() throws Exception {
		int sessionsBefore = this.sessions.size();
		int subscriptionsBefore = this.subscriptions.subscriptionCount();
		WebSocketTestClient client = connect();
		client.call("{\"jsonrpc\":\"2.0\",\"method\":\"subscribe\",\"params\":[\"chat\",\"latest\"],\"id\":1}");
		String id = client.call("{\"jsonrpc\":\"2.0\",\"method\":\"test.sessionId\",\"id\":2}")
			.get("result")
			.asString();
		JsonRpcSession session = this.sessions.session(id);
		assertThat(session).isNotNull();
		assertThat(this.subscriptions.subscriptions(session)).containsExactly("chat", "latest");
		client.close();
		awaitTrue(() -> this.sessions.session(id) == null);
		assertThat(this.subscriptions.subscriptions(session)).isEmpty();
		assertThat(this.subscriptions.subscribers("chat")).doesNotContain(session);
		awaitTrue(() -> this.sessions.size() <= sessionsBefore
				&& this.subscriptions.subscriptionCount() <= subscriptionsBefore);
	}

	static void awaitTrue(java.util.function.BooleanSupplier condition) {
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(condition::getAsBoolean);
	}

	static List<String> names(JsonNode array) {
		List<String> names = new ArrayList<>();
		array.forEach((node) -> names.add(node.asString()));
		return names;
	}

}
