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

package io.github.jsonrpc.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.jsonrpc.client.JsonRpcBatchResponse;
import io.github.jsonrpc.client.JsonRpcClient;
import io.github.jsonrpc.client.JsonRpcClientException;
import io.github.jsonrpc.client.JsonRpcSubscription;
import io.github.jsonrpc.client.JsonRpcTransportException;
import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import io.github.jsonrpc.pubsub.JsonRpcPublisher;
import io.github.jsonrpc.pubsub.JsonRpcSubscriptionRegistry;
import io.github.jsonrpc.server.JsonRpcSession;
import io.github.jsonrpc.server.JsonRpcSessionRegistry;
import io.github.jsonrpc.server.connection.JsonRpcCloseReason;
import io.github.jsonrpc.server.connection.JsonRpcConnection;
import io.github.jsonrpc.test.app.CalculatorService;
import io.github.jsonrpc.test.app.TestJsonRpcApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.adapter.JdkFlowAdapter;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The client against our server over a real WebSocket connection on a random port: the
 * auto-configured endpoint at {@code /jsonrpc}, its built-in {@code subscribe}/
 * {@code unsubscribe} and {@code rpc.on}/{@code rpc.off} methods, and the
 * {@link JsonRpcPublisher}.
 */
@SpringBootTest(classes = TestJsonRpcApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class JsonRpcClientWebSocketTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JsonRpcClient.Builder builder;

	@Autowired
	private CalculatorService calculator;

	@Autowired
	private JsonRpcPublisher publisher;

	@Autowired
	private JsonRpcSessionRegistry sessions;

	@Autowired
	private JsonRpcSubscriptionRegistry subscriptions;

	private JsonRpcClient client;

	@BeforeEach
	void createClient() {
		this.client = this.builder.url("ws://127.0.0.1:" + this.port + "/jsonrpc")
			.reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(500))
			.build();
	}

	@AfterEach
	void closeClient() {
		this.client.close();
	}

	@Test
	void callsShareOneConnection() throws Exception {
		assertThat(this.client.method("subtract").params(42, 23).retrieve(Integer.class)).isEqualTo(19);
		List<CompletableFuture<Integer>> results = new java.util.ArrayList<>();
		for (int i = 0; i < 20; i++) {
			results.add(this.client.method("subtract").params(100, i).retrieveAsync(Integer.class));
		}
		for (int i = 0; i < 20; i++) {
			assertThat(results.get(i).get(5, TimeUnit.SECONDS)).isEqualTo(100 - i);
		}
		// sessions of clients closed by earlier tests may still be closing on the server
		await().atMost(5, TimeUnit.SECONDS).until(() -> this.sessions.size() == 1);
	}

	@Test
	void handshakeCarriesConfiguredHeaders() {
		try (JsonRpcClient authenticated = JsonRpcClient.builder()
			.url("ws://127.0.0.1:" + this.port + "/jsonrpc")
			.bearerToken("t0k3n")
			.header("X-Tenant", "acme")
			.build()) {
			assertThat(authenticated.method("subtract").params(2, 1).retrieve(Integer.class)).isEqualTo(1);
			// the server hands the handshake headers to every call of the connection
			assertThat(authenticated.method("echoHeader").params("Authorization").retrieve(String.class))
				.isEqualTo("Bearer t0k3n");
			assertThat(authenticated.method("echoHeader").params("X-Tenant").retrieve(String.class)).isEqualTo("acme");
		}
	}

	@Test
	void connectionFailureIsTransportException() {
		try (JsonRpcClient unreachable = JsonRpcClient.builder()
			.url("ws://127.0.0.1:" + this.port + "/nothing-here")
			.connectTimeout(Duration.ofSeconds(2))
			.build()) {
			assertThatExceptionOfType(JsonRpcTransportException.class)
				.isThrownBy(() -> unreachable.method("subtract").params(2, 1).retrieve(Integer.class));
		}
	}

	@Test
	void batchAndNotification() throws Exception {
		JsonRpcBatchResponse batch = this.client.batch()
			.call("sum", 1, 2, 4)
			.notify("update", 5)
			.call("nope")
			.call("get_data")
			.execute();
		assertThat(batch.result(0, Long.class)).isEqualTo(7L);
		assertThat(batch.error(1).code()).isEqualTo(JsonRpcErrorCodes.METHOD_NOT_FOUND);
		assertThat(batch.result(2, new ParameterizedTypeReference<List<Object>>() {
		})).containsExactly("hello", 5);
		this.calculator.updates().clear();
		this.client.notify("update", 4, 2);
		assertThat(this.calculator.updates().poll(5, TimeUnit.SECONDS)).containsExactly(4, 2);
	}

	@Test
	void errorsCarryCodeAndData() {
		assertThatExceptionOfType(JsonRpcClientException.class)
			.isThrownBy(() -> this.client.method("fail").params(-32042).retrieve(Integer.class))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo(-32042);
				assertThat(ex.getData().get("reason").stringValue()).isEqualTo("test");
			});
	}

	@Test
	void callTimesOutAndLaterRepliesAreIgnored() throws Exception {
		assertThatExceptionOfType(JsonRpcTransportException.class).isThrownBy(
				() -> this.client.method("slow").params(300).timeout(Duration.ofMillis(50)).retrieve(String.class));
		// the late reply must not disturb the next call
		assertThat(this.client.method("slow").params(1).retrieve(String.class)).isEqualTo("done");
	}

	@Test
	void subscriptionDeliversNotificationsToCallback() throws Exception {
		BlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();
		@SuppressWarnings("unchecked")
		Class<Map<String, Object>> type = (Class<Map<String, Object>>) (Class<?>) Map.class;
		JsonRpcSubscription subscription = this.client.subscribe("orders", type, received::add);
		assertThat(this.publisher.publish("orders", Map.of("sku", "apple", "quantity", 2))).isEqualTo(1);
		assertThat(received.poll(5, TimeUnit.SECONDS)).containsEntry("sku", "apple").containsEntry("quantity", 2);
		assertThat(this.subscriptions.subscribers("orders")).hasSize(1);
		subscription.close();
		// unsubscribing is asynchronous: close() never waits for the server
		await().atMost(5, TimeUnit.SECONDS).until(() -> this.subscriptions.subscribers("orders").isEmpty());
		assertThat(this.publisher.publish("orders", Map.of("sku", "pear", "quantity", 1))).isZero();
	}

	@Test
	void subscriptionAsFlux() throws Exception {
		Flux<Item> items = JdkFlowAdapter.flowPublisherToFlux(this.client.subscribe("items", Item.class));
		CompletableFuture<List<Item>> firstTwo = items.take(2).collectList().toFuture();
		await().atMost(5, TimeUnit.SECONDS).until(() -> this.subscriptions.subscribers("items").size() == 1);
		assertThat(this.publisher.publish("items", new Item("a", 1))).isEqualTo(1);
		assertThat(this.publisher.publish("items", new Item("b", 2))).isEqualTo(1);
		assertThat(firstTwo).succeedsWithin(Duration.ofSeconds(5))
			.isEqualTo(List.of(new Item("a", 1), new Item("b", 2)));
	}

	@Test
	void reconnectsAfterTheServerDropsTheConnectionAndSubscribesAgain() throws Exception {
		BlockingQueue<String> received = new LinkedBlockingQueue<>();
		this.client.subscribe("news", String[].class, (params) -> received.add(params[0]));
		assertThat(this.publisher.publish("news", List.of("before"))).isEqualTo(1);
		assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("before");
		String dropped = this.subscriptions.subscribers("news").get(0).id();

		CompletableFuture<String> pending = this.client.method("slow").params(2000).retrieveAsync(String.class);
		// close every connection as a server restart would
		this.sessions.sessions().forEach((session) -> ((JsonRpcConnection) session).close(JsonRpcCloseReason.SHUTDOWN));
		// a call pending on the dropped connection fails instead of waiting for its
		// timeout
		assertThat(pending).failsWithin(Duration.ofSeconds(5))
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOf(JsonRpcTransportException.class);

		// the new connection subscribed again
		await().atMost(5, TimeUnit.SECONDS)
			.until(() -> this.subscriptions.subscribers("news")
				.stream()
				.map(JsonRpcSession::id)
				.anyMatch((id) -> !id.equals(dropped)));
		assertThat(this.subscriptions.subscribers("news")).singleElement()
			.extracting(JsonRpcSession::id)
			.isNotEqualTo(dropped);
		assertThat(this.publisher.publish("news", List.of("after"))).isEqualTo(1);
		assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("after");
		assertThat(this.client.method("subtract").params(3, 1).retrieve(Integer.class)).isEqualTo(2);
	}

	@Test
	void notificationListenerWithoutSubscribing() throws Exception {
		BlockingQueue<Integer> received = new LinkedBlockingQueue<>();
		this.client.onNotification("tick", Integer[].class, (params) -> received.add(params[0]));
		// subscribe with a plain call, as for a server with its own subscription method
		assertThat(this.client.method("subscribe").params("tick").retrieve(List.class)).containsExactly("tick");
		assertThat(this.subscriptions.subscribers("tick")).hasSize(1);
		assertThat(this.publisher.publish("tick", List.of(42))).isEqualTo(1);
		assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(42);
	}

	@Test
	void subscribingToAnUndeclaredTopicFails() {
		assertThatExceptionOfType(JsonRpcClientException.class)
			.isThrownBy(() -> this.client.subscribe("undeclared", String.class, (value) -> {
			}))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo(JsonRpcErrorCodes.INVALID_PARAMS);
				assertThat(ex.getData().get("topic").stringValue()).isEqualTo("undeclared");
			});
		assertThat(this.subscriptions.subscribers("undeclared")).isEmpty();
	}

	@Test
	void subscriptionWithRpcWebSocketsMethodNames() throws Exception {
		try (JsonRpcClient rpcWebSockets = JsonRpcClient.builder()
			.url("ws://127.0.0.1:" + this.port + "/jsonrpc")
			.subscriptionMethods("rpc.on", "rpc.off")
			.build()) {
			BlockingQueue<String> received = new LinkedBlockingQueue<>();
			JsonRpcSubscription subscription = rpcWebSockets.subscribe("alerts", String[].class,
					(params) -> received.add(params[0]));
			assertThat(this.subscriptions.subscribers("alerts")).hasSize(1);
			assertThat(this.publisher.publish("alerts", List.of("disk full"))).isEqualTo(1);
			assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("disk full");
			subscription.close();
			await().atMost(5, TimeUnit.SECONDS).until(() -> this.subscriptions.subscribers("alerts").isEmpty());
			// rpc.on refuses in its result, not with an error; the client still fails
			assertThatExceptionOfType(JsonRpcClientException.class)
				.isThrownBy(() -> rpcWebSockets.subscribe("undeclared", String.class, (value) -> {
				}))
				.satisfies((ex) -> assertThat(ex.getData().get("reason").stringValue())
					.isEqualTo("provided event invalid"));
		}
	}

	record Item(String sku, int quantity) {
	}

}
