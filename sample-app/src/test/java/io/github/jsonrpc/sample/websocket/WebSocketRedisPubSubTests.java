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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.jsonrpc.pubsub.JsonRpcPublisher;
import io.github.jsonrpc.pubsub.JsonRpcSubscriptionRegistry;
import io.github.jsonrpc.pubsub.JsonRpcTopic;
import io.github.jsonrpc.pubsub.redis.EnabledIfRedis;
import io.github.jsonrpc.pubsub.redis.RedisJsonRpcPubSubBackend;
import io.github.jsonrpc.pubsub.redis.RedisTestConnections;
import io.github.jsonrpc.pubsub.redis.RedisTestProxy;
import io.github.jsonrpc.sample.SampleApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.types.RedisClientInfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the sample application (the {@code redis} profile) sharing the real
 * Redis server: publications, notifications to users and retained values cross instances,
 * and delivery resumes by itself after Redis went away. Instance B reaches Redis through
 * a proxy the test can cut; each run has channels of its own.
 */
@EnabledIfRedis
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebSocketRedisPubSubTests {

	private static final String prefix = RedisTestConnections.uniquePrefix();

	private static RedisTestProxy proxy;

	private static ConfigurableApplicationContext a;

	private static ConfigurableApplicationContext b;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void startTwoInstances() throws Exception {
		proxy = RedisTestProxy.start();
		a = start("a", RedisTestConnections.PORT);
		b = start("b", proxy.port());
		for (ConfigurableApplicationContext instance : List.of(a, b)) {
			JsonRpcSubscriptionRegistry subscriptions = instance.getBean(JsonRpcSubscriptionRegistry.class);
			subscriptions.addTopic(JsonRpcTopic.of("redis.burst"));
			subscriptions.addTopic(JsonRpcTopic.of("redis.marker"));
			subscriptions.addTopic(JsonRpcTopic.retained("redis.rooms.*"));
		}
	}

	private static ConfigurableApplicationContext start(String name, int redisPort) {
		// arguments: above application.yml (default properties are below it)
		return new SpringApplicationBuilder(SampleApplication.class).profiles("redis")
			.run("--server.port=0", "--server.address=127.0.0.1", "--jsonrpc.logging.enabled=false",
					"--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=" + redisPort,
					"--spring.data.redis.client-name=" + prefix + "-" + name,
					"--jsonrpc.pubsub.redis.channel-prefix=" + prefix, "--jsonrpc.pubsub.redis.timeout=2s",
					"--jsonrpc.websocket.max-outbound-messages=4096");
	}

	@AfterAll
	static void stop() {
		for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { a, b }) {
			if (instance != null) {
				instance.close();
			}
		}
		if (proxy != null) {
			proxy.close();
		}
	}

	@Test
	@Order(1)
	void sayOverHttpOnAReachesASubscriberOnB() throws Exception {
		try (WebSocketTestClient subscriber = connect(b)) {
			subscribe(subscriber, "chat");
			assertThat(say(a, "hello from a")).isEqualTo(200);
			JsonNode message = subscriber.next((node) -> WebSocketTestClient.isMethod(node, "chat"));
			assertThat(message.get("params").get("text").asString()).isEqualTo("hello from a");
			assertThat(message.get("params").get("from").asString()).isEqualTo("anonymous");
		}
	}

	@Test
	@Order(2)
	void notifyUserOnAReachesTheSessionOfThatUserOnB() throws Exception {
		try (WebSocketTestClient alice = connect(b); WebSocketTestClient anonymous = connect(b)) {
			JsonNode login = alice.call(
					"{\"jsonrpc\":\"2.0\",\"method\":\"rpc.login\",\"params\":[\"alice\",\"alice-secret\"],\"id\":1}");
			assertThat(login.get("result").asString()).isEqualTo("alice");
			// no session of alice on a: delivered elsewhere
			assertThat(a.getBean(JsonRpcPublisher.class).notifyUser("alice", "inbox", Map.of("text", "for alice")))
				.isZero();
			JsonNode message = alice.next((node) -> WebSocketTestClient.isMethod(node, "inbox"));
			assertThat(message.get("params").get("text").asString()).isEqualTo("for alice");
			assertThat(anonymous.poll(200)).isNull();
		}
	}

	@Test
	@Order(3)
	void lateSubscriberOnBGetsTheValueRetainedByA() throws Exception {
		a.getBean(JsonRpcPublisher.class).publish("redis.rooms.7", Map.of("topic", "kept in redis"));
		// b keeps values of pattern topics only while it has subscribers: this one comes
		// from Redis
		await().untilAsserted(() -> assertThat(backend(b).retained("redis.rooms.7")).isNotNull());
		assertThat(b.getBean(JsonRpcSubscriptionRegistry.class).retained("redis.rooms.7")).isEmpty();
		try (WebSocketTestClient late = connect(b)) {
			JsonNode subscribed = late
				.call("{\"jsonrpc\":\"2.0\",\"method\":\"subscribe\",\"params\":[\"redis.rooms.7\"],\"id\":1}");
			assertThat(subscribed.has("result")).as("%s", subscribed).isTrue();
			JsonNode retained = late.next();
			assertThat(retained.get("method").asString()).isEqualTo("redis.rooms.7");
			assertThat(retained.get("params").get("topic").asString()).isEqualTo("kept in redis");
		}
	}

	@Test
	@Order(4)
	void unsubscribeAndSessionCloseOnBStopDelivery() throws Exception {
		JsonRpcSubscriptionRegistry subscriptionsOfB = b.getBean(JsonRpcSubscriptionRegistry.class);
		JsonRpcPublisher publisherOfA = a.getBean(JsonRpcPublisher.class);
		try (WebSocketTestClient client = connect(b)) {
			subscribe(client, "redis.burst");
			subscribe(client, "redis.marker");
			publisherOfA.publish("redis.burst", "before");
			assertThat(
					client.next((node) -> WebSocketTestClient.isMethod(node, "redis.burst")).get("params").asString())
				.isEqualTo("before");
			client.call("{\"jsonrpc\":\"2.0\",\"method\":\"unsubscribe\",\"params\":[\"redis.burst\"],\"id\":9}");
			publisherOfA.publish("redis.burst", "after");
			publisherOfA.publish("redis.marker", "marker");
			// in publish order: once the marker is here, the earlier publication was not
			List<String> seen = new ArrayList<>();
			JsonNode marker = client.next((node) -> {
				seen.add(node.toString());
				return WebSocketTestClient.isMethod(node, "redis.marker");
			});
			assertThat(marker.get("params").asString()).isEqualTo("marker");
			assertThat(seen).noneMatch((text) -> text.contains("after"));
		}
		try (WebSocketTestClient closing = connect(b)) {
			subscribe(closing, "redis.burst");
			assertThat(subscriptionsOfB.subscribers("redis.burst")).hasSize(1);
			closing.abort();
			await().untilAsserted(() -> assertThat(subscriptionsOfB.subscribers("redis.burst")).isEmpty());
		}
		assertThat(b.getBean(JsonRpcPublisher.class).publish("redis.burst", "nobody")).isZero();
	}

	@Test
	@Order(5)
	void burstOfAThousandReachesSubscribersOnBothInstancesInOrder() throws Exception {
		try (WebSocketTestClient onA = connect(a); WebSocketTestClient onB = connect(b)) {
			subscribe(onA, "redis.burst");
			subscribe(onB, "redis.burst");
			JsonRpcPublisher publisher = a.getBean(JsonRpcPublisher.class);
			for (int i = 0; i < 1000; i++) {
				publisher.publish("redis.burst", i);
			}
			for (WebSocketTestClient client : List.of(onA, onB)) {
				for (int i = 0; i < 1000; i++) {
					JsonNode message = client.next((node) -> WebSocketTestClient.isMethod(node, "redis.burst"));
					assertThat(message.get("params").asInt()).isEqualTo(i);
				}
			}
		}
	}

	@Test
	@Order(6)
	void redisGoneFromBKeepsBWorkingAloneThenCrossInstanceDeliveryResumesByItself() throws Exception {
		HealthIndicator healthOfB = b.getBean("jsonrpc-pubsubHealthIndicator", HealthIndicator.class);
		assertThat(healthOfB.health(true).getStatus()).isEqualTo(Status.UP);
		try (WebSocketTestClient onA = connect(a); WebSocketTestClient onB = connect(b)) {
			subscribe(onA, "chat");
			subscribe(onB, "chat");
			proxy.cut();
			// HTTP calls and local delivery on b go on, and nothing waits for Redis
			CompletableFuture<List<Integer>> statuses = CompletableFuture.supplyAsync(() -> {
				List<Integer> codes = new ArrayList<>();
				for (int i = 0; i < 50; i++) {
					codes.add(say(b, "alone " + i));
				}
				return codes;
			});
			assertThat(statuses.get(30, TimeUnit.SECONDS)).hasSize(50).containsOnly(200);
			for (int i = 0; i < 50; i++) {
				JsonNode message = onB.next((node) -> WebSocketTestClient.isMethod(node, "chat"));
				assertThat(message.get("params").get("text").asString()).isEqualTo("alone " + i);
			}
			await().untilAsserted(() -> assertThat(healthOfB.health(true).getStatus()).isEqualTo(Status.DOWN));
			proxy.restore();
			// Lettuce reconnects and resubscribes: both directions work again
			await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
				say(a, "a to b");
				assertThat(onB.drain()).anyMatch((text) -> text.contains("a to b"));
			});
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
				say(b, "b to a");
				assertThat(onA.drain()).anyMatch((text) -> text.contains("b to a"));
			});
			assertThat(healthOfB.health(true).getStatus()).isEqualTo(Status.UP);
		}
	}

	@Test
	@Order(7)
	void killedRedisConnectionsOfAResumeByThemselves() throws Exception {
		try (WebSocketTestClient onA = connect(a); WebSocketTestClient onB = connect(b)) {
			subscribe(onA, "chat");
			subscribe(onB, "chat");
			LettuceConnectionFactory admin = RedisTestConnections.connectionFactory(RedisTestConnections.PORT,
					prefix + "-admin");
			try (RedisConnection connection = admin.getConnection()) {
				// only this test's connections: the server is shared
				List<RedisClientInfo> ofA = connection.serverCommands()
					.getClientList()
					.stream()
					.filter((client) -> (prefix + "-a").equals(client.getName()))
					.toList();
				assertThat(ofA).hasSizeGreaterThanOrEqualTo(2);
				for (RedisClientInfo client : ofA) {
					String[] address = client.getAddressPort().split(":");
					connection.serverCommands().killClient(address[0], Integer.parseInt(address[1]));
				}
			}
			finally {
				admin.destroy();
			}
			assertThat(say(a, "still local")).isEqualTo(200);
			assertThat(
					onA.next((node) -> WebSocketTestClient.isMethod(node, "chat")).get("params").get("text").asString())
				.isEqualTo("still local");
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
				say(b, "b to a again");
				assertThat(onA.drain()).anyMatch((text) -> text.contains("b to a again"));
			});
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
				say(a, "a to b again");
				assertThat(onB.drain()).anyMatch((text) -> text.contains("a to b again"));
			});
		}
	}

	private static WebSocketTestClient connect(ConfigurableApplicationContext instance) throws Exception {
		return WebSocketTestClient.connect(port(instance));
	}

	private static void subscribe(WebSocketTestClient client, String topic) throws Exception {
		JsonNode subscribed = client
			.call("{\"jsonrpc\":\"2.0\",\"method\":\"subscribe\",\"params\":[\"" + topic + "\"],\"id\":\"s\"}");
		assertThat(subscribed.has("result")).as("%s", subscribed).isTrue();
	}

	private int say(ConfigurableApplicationContext instance, String text) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(instance) + "/jsonrpc"))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(10))
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"jsonrpc\":\"2.0\",\"method\":\"say\",\"params\":[\"" + text + "\"],\"id\":1}"))
			.build();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static RedisJsonRpcPubSubBackend backend(ConfigurableApplicationContext instance) {
		return instance.getBean(RedisJsonRpcPubSubBackend.class);
	}

	private static int port(ConfigurableApplicationContext instance) {
		return ((WebServerApplicationContext) instance).getWebServer().getPort();
	}

}
