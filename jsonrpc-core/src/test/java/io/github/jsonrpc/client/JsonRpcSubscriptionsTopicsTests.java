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

package io.github.jsonrpc.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.protocol.JsonRpcError;
import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the topics of {@link JsonRpcSubscriptions}: one subscription on the server
 * per topic however many local ones, renewed after a reconnect, forgotten when refused;
 * and what notifications and calls of the server reach. Deliveries run on the test's
 * thread.
 */
class JsonRpcSubscriptionsTopicsTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final ListeningTransport transport = new ListeningTransport();

	private final List<String> received = new CopyOnWriteArrayList<>();

	private final JsonRpcClient client = JsonRpcClient.builder()
		.transport(this.transport)
		.deliveryExecutor(Runnable::run)
		.build();

	@Test
	void topicIsSubscribedOnceAndUnsubscribedWithItsLastSubscription() {
		JsonRpcSubscription first = this.client.subscribe("news", JsonNode.class,
				(news) -> this.received.add("1:" + news.get(0).stringValue()));
		JsonRpcSubscription second = this.client.subscribe("news", JsonNode.class,
				(news) -> this.received.add("2:" + news.get(0).stringValue()));
		assertThat(this.transport.calls).containsExactly("subscribe [\"news\"]");
		notify("news", "[\"a\"]");
		first.close();
		// closing twice counts once
		first.close();
		assertThat(this.transport.calls).containsExactly("subscribe [\"news\"]");
		notify("news", "[\"b\"]");
		second.close();
		assertThat(this.transport.calls).containsExactly("subscribe [\"news\"]", "unsubscribe [\"news\"]");
		notify("news", "[\"c\"]");
		assertThat(this.received).containsExactly("1:a", "2:a", "2:b");
		this.client.subscribe("news", String.class, this.received::add);
		assertThat(this.transport.calls).containsExactly("subscribe [\"news\"]", "unsubscribe [\"news\"]",
				"subscribe [\"news\"]");
	}

	@Test
	void refusedSubscriptionIsForgottenAndTheNextOneAsksAgain() {
		this.transport.refuse = true;
		assertThatExceptionOfType(JsonRpcClientException.class)
			.isThrownBy(() -> this.client.subscribe("news", JsonNode.class,
					(news) -> this.received.add(news.get(0).stringValue())))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(JsonRpcErrorCodes.INVALID_PARAMS));
		notify("news", "[\"a\"]");
		assertThat(this.received).isEmpty();
		// not subscribed again after a reconnect either
		this.transport.listener.onReconnect();
		assertThat(this.transport.calls).containsExactly("subscribe [\"news\"]");
		this.transport.refuse = false;
		this.client.subscribe("news", JsonNode.class, (news) -> this.received.add(news.get(0).stringValue()));
		notify("news", "[\"b\"]");
		assertThat(this.received).containsExactly("b");
		assertThat(this.transport.calls).containsExactly("subscribe [\"news\"]", "subscribe [\"news\"]");
	}

	@Test
	void subscriptionAcceptedByAnOkResultOrAnyOtherResultSucceeds() {
		this.transport.subscribeResult = "{\"news\":\"ok\",\"other\":\"no such topic\"}";
		this.client.subscribe("news", String.class, this.received::add);
		this.transport.subscribeResult = "{\"sports\":1}";
		this.client.subscribe("sports", String.class, this.received::add);
		this.transport.subscribeResult = "[\"weather\"]";
		this.client.subscribe("weather", String.class, this.received::add);
		this.transport.subscribeResult = "{\"tides\":\"not today\"}";
		assertThatExceptionOfType(JsonRpcClientException.class)
			.isThrownBy(() -> this.client.subscribe("tides", String.class, this.received::add))
			.withMessage(
					"JSON-RPC error -32602 \"Subscription to 'tides' refused: not today\" from method 'subscribe'");
	}

	@Test
	void reconnectSubscribesAgainToEveryTopicInOneCall() {
		this.transport.listener.onReconnect();
		assertThat(this.transport.calls).isEmpty();
		this.client.subscribe("news", String.class, this.received::add);
		this.client.subscribe("sports", String.class, this.received::add);
		this.transport.calls.clear();
		this.transport.listener.onReconnect();
		assertThat(this.transport.calls).singleElement()
			.satisfies((call) -> assertThat(call).isIn("subscribe [\"news\",\"sports\"]",
					"subscribe [\"sports\",\"news\"]"));
	}

	@Test
	void notificationParamsReachTheListenerConvertedAndAbsentParamsAsNull() {
		List<@Nullable Object> values = new CopyOnWriteArrayList<>();
		this.client.onNotification("tick", Object.class, (value) -> values.add(value));
		this.transport.listener.onNotification(JsonRpcRequest.notification("tick", null), 10);
		this.transport.listener.onNotification(JsonRpcRequest.notification("tick", mapper.readTree("[1,2]")), 10);
		this.transport.listener.onNotification(JsonRpcRequest.notification("tock", mapper.readTree("[3]")), 10);
		assertThat(values).containsExactly(null, List.of(1, 2));
	}

	@Test
	void notificationThatNoListenerTakesGoesToTheHandlers() {
		JsonRpcClient handling = JsonRpcClient.builder()
			.transport(this.transport)
			.deliveryExecutor(Runnable::run)
			.handler("tick", JsonNode.class, (params) -> this.received.add("handled " + params))
			.build();
		this.transport.listener.onNotification(JsonRpcRequest.notification("tick", mapper.readTree("[1]")), 10);
		JsonRpcSubscription listening = handling.onNotification("tick", JsonNode.class,
				(params) -> this.received.add("listened " + params));
		this.transport.listener.onNotification(JsonRpcRequest.notification("tick", mapper.readTree("[2]")), 10);
		listening.close();
		this.transport.listener.onNotification(JsonRpcRequest.notification("tick", mapper.readTree("[3]")), 10);
		assertThat(this.received).containsExactly("handled [1]", "listened [2]", "handled [3]");
	}

	@Test
	void sizeOfANotificationWithoutOneIsItsMethodAndParamsSerialized() {
		JsonRpcSubscriptions subscriptions = ((DefaultJsonRpcClient) this.client).subscriptions();
		assertThat(subscriptions.estimateBytes(JsonRpcRequest.notification("tick", null))).isEqualTo(40 + 4 * 3);
		assertThat(subscriptions.estimateBytes(JsonRpcRequest.notification("tick", mapper.readTree("{\"a\":1}"))))
			.isEqualTo(40 + 4 * 3 + 7);
	}

	@Test
	void callOfTheServerWithoutHandlersIsAnsweredMethodNotFound() throws Exception {
		assertThat(TestWaits.get(this.transport.listener.onRequest(call(1)))).isEqualTo(
				JsonRpcResponse.failure(JsonRpcId.of(1), JsonRpcError.standard(JsonRpcErrorCodes.METHOD_NOT_FOUND)));
	}

	@Test
	void callsOverThePendingLimitAreRefusedAndNotificationsDropped() throws Exception {
		CompletableFuture<Boolean> never = new CompletableFuture<>();
		JsonRpcClient.builder()
			.transport(this.transport)
			.deliveryExecutor(Runnable::run)
			.maxPendingServerCalls(1)
			.handler("confirm", JsonNode.class, (params) -> never)
			.build();
		CompletableFuture<@Nullable JsonRpcResponse> pending = this.transport.listener.onRequest(call(1));
		assertThat(pending).isNotDone();
		assertThat(TestWaits.get(this.transport.listener.onRequest(call(2))))
			.isEqualTo(JsonRpcResponse.failure(JsonRpcId.of(2), JsonRpcError.of(JsonRpcErrorCodes.LIMIT_EXCEEDED,
					"Too many calls of the server in flight on this client (at most 1)")));
		assertThat(TestWaits.get(this.transport.listener.onRequest(JsonRpcRequest.notification("confirm", null))))
			.isNull();
		never.complete(true);
		assertThat(TestWaits.get(pending)).isEqualTo(JsonRpcResponse.success(JsonRpcId.of(1), true));
	}

	@Test
	void handlerThatThrowsIsAnsweredWithInternalError() throws Exception {
		JsonRpcSubscriptions subscriptions = new JsonRpcSubscriptions((DefaultJsonRpcClient) this.client, "subscribe",
				"unsubscribe", (request) -> {
					throw new IllegalStateException("handler bug");
				}, new SerialLane(Runnable::run, 1000), 10, Duration.ofSeconds(1), (answer, expired) -> {
				});
		assertThat(TestWaits.get(subscriptions.onRequest(call(1)))).isEqualTo(
				JsonRpcResponse.failure(JsonRpcId.of(1), JsonRpcError.standard(JsonRpcErrorCodes.INTERNAL_ERROR)));
		assertThat(TestWaits.get(subscriptions.onRequest(JsonRpcRequest.notification("confirm", null)))).isNull();
	}

	@Test
	void callsOfTheServerAreChargedTheirSizeAndTheOverheadOnTheLane() throws Exception {
		List<Runnable> drains = new CopyOnWriteArrayList<>();
		JsonRpcSubscriptions subscriptions = new JsonRpcSubscriptions((DefaultJsonRpcClient) this.client, "subscribe",
				"unsubscribe", (request) -> CompletableFuture.completedFuture(JsonRpcResponse.success(request.id(), 1)),
				new SerialLane(drains::add, 2 * (100 + JsonRpcSubscriptions.TASK_OVERHEAD)), 10, Duration.ofSeconds(1),
				(answer, expired) -> {
				});
		CompletableFuture<@Nullable JsonRpcResponse> first = subscriptions.onRequest(call(1), 100);
		CompletableFuture<@Nullable JsonRpcResponse> second = subscriptions.onRequest(call(2), 100);
		assertThat(TestWaits.get(subscriptions.onRequest(call(3), 100)))
			.isEqualTo(JsonRpcResponse.failure(JsonRpcId.of(3), JsonRpcError.of(JsonRpcErrorCodes.LIMIT_EXCEEDED,
					"Too many calls of the server in flight on this client (at most 10)")));
		drains.get(0).run();
		assertThat(TestWaits.get(first)).isEqualTo(JsonRpcResponse.success(JsonRpcId.of(1), 1));
		assertThat(TestWaits.get(second)).isEqualTo(JsonRpcResponse.success(JsonRpcId.of(2), 1));
	}

	@Test
	void expiredNotificationOfTheServerGetsNoAnswer() throws Exception {
		List<CompletableFuture<@Nullable JsonRpcResponse>> armed = new CopyOnWriteArrayList<>();
		List<JsonRpcResponse> markers = new CopyOnWriteArrayList<>();
		JsonRpcSubscriptions subscriptions = new JsonRpcSubscriptions((DefaultJsonRpcClient) this.client, "subscribe",
				"unsubscribe", (request) -> new CompletableFuture<>(), new SerialLane(Runnable::run, 1000), 10,
				Duration.ofSeconds(1), (answer, expired) -> {
					armed.add(answer);
					markers.add(expired);
				});
		CompletableFuture<@Nullable JsonRpcResponse> notification = subscriptions
			.onRequest(JsonRpcRequest.notification("confirm", null));
		CompletableFuture<@Nullable JsonRpcResponse> call = subscriptions.onRequest(call(4));
		armed.get(0).complete(markers.get(0));
		armed.get(1).complete(markers.get(1));
		assertThat(TestWaits.get(notification)).isNull();
		assertThat(TestWaits.get(call))
			.isEqualTo(JsonRpcResponse.failure(JsonRpcId.of(4), JsonRpcError.of(JsonRpcErrorCodes.LIMIT_EXCEEDED,
					"Call of the server timed out on this client", mapper.readTree("{\"reason\":\"timeout\"}"))));
	}

	@Test
	void topicPublisherDeliversEachNotificationsParamsAsRequested() {
		RecordingSubscriber<JsonNode> subscriber = new RecordingSubscriber<>(1);
		this.client.subscribe("news", JsonNode.class).subscribe(subscriber);
		assertThat(this.transport.calls).containsExactly("subscribe [\"news\"]");
		this.transport.listener.onNotification(JsonRpcRequest.notification("news", null), 10);
		notify("news", "{\"n\":1}");
		notify("news", "{\"n\":2}");
		assertThat(subscriber.itemTexts()).containsExactly("{\"n\":1}");
		subscriber.subscription.request(5);
		assertThat(subscriber.itemTexts()).containsExactly("{\"n\":1}", "{\"n\":2}");
		subscriber.subscription.cancel();
		assertThat(this.transport.calls).containsExactly("subscribe [\"news\"]", "unsubscribe [\"news\"]");
		notify("news", "{\"n\":3}");
		assertThat(subscriber.items).hasSize(2);
	}

	@Test
	void topicPublisherThatTheServerRefusesFailsItsSubscriber() {
		this.transport.refuse = true;
		RecordingSubscriber<JsonNode> subscriber = new RecordingSubscriber<>(1);
		this.client.subscribe("news", JsonNode.class).subscribe(subscriber);
		assertThat(subscriber.error).isInstanceOf(JsonRpcClientException.class);
		this.transport.refuse = false;
		notify("news", "{\"n\":1}");
		assertThat(subscriber.items).isEmpty();
	}

	@Test
	void topicPublisherCancelledWhileSubscribingIsUnsubscribed() {
		RecordingSubscriber<JsonNode> subscriber = new RecordingSubscriber<>(0) {

			@Override
			public void onSubscribe(Flow.Subscription subscription) {
				subscription.cancel();
			}

		};
		this.client.subscribe("news", JsonNode.class).subscribe(subscriber);
		assertThat(this.transport.calls).containsExactly("subscribe [\"news\"]", "unsubscribe [\"news\"]");
		notify("news", "{\"n\":1}");
		assertThat(subscriber.items).isEmpty();
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void notificationsBeyondTheLaneAreDroppedWithOneWarningPerRunOfDrops(CapturedOutput output) {
		List<Runnable> drains = new CopyOnWriteArrayList<>();
		DefaultJsonRpcClient limited = (DefaultJsonRpcClient) JsonRpcClient.builder()
			.transport(new ListeningTransport())
			.maxBufferedBytes(300)
			.build();
		JsonRpcSubscriptions subscriptions = new JsonRpcSubscriptions(limited, "subscribe", "unsubscribe", null,
				new SerialLane(drains::add, 300), 10, Duration.ofSeconds(1), (answer, expired) -> {
				});
		List<JsonNode> ticks = new CopyOnWriteArrayList<>();
		subscriptions.listen("tick", JsonNode.class, ticks::add);
		JsonRpcRequest tick = JsonRpcRequest.notification("tick", mapper.readTree("[1]"));
		// 100 + 64 bytes each: one waits, the next would take the lane over 300
		subscriptions.onNotification(tick, 100);
		subscriptions.onNotification(tick, 100);
		subscriptions.onNotification(tick, 100);
		drains.get(0).run();
		subscriptions.onNotification(tick, 100);
		subscriptions.onNotification(tick, 100);
		assertThat(drains).hasSize(2);
		drains.get(1).run();
		assertThat(ticks).hasSize(2);
		assertThat(output.getOut().lines().filter((line) -> line.contains("Dropping notifications"))).hasSize(2)
			.allSatisfy((line) -> assertThat(line).endsWith("Dropping notifications (first: 'tick'): listeners are "
					+ "slow and more than 300 bytes of notifications wait for them"));
		limited.close();
	}

	@Test
	void notificationWhoseParamsCannotBeSerializedIsChargedTheWholeLimit() {
		DefaultJsonRpcClient limited = (DefaultJsonRpcClient) JsonRpcClient.builder()
			.transport(new ListeningTransport())
			.maxBufferedBytes(4321)
			.build();
		JsonNode unwritable = mapper.createObjectNode().putPOJO("value", new Unwritable());
		assertThat(limited.subscriptions().estimateBytes(JsonRpcRequest.notification("tick", unwritable)))
			.isEqualTo(4321);
		limited.close();
	}

	private void notify(String method, String params) {
		this.transport.listener.onNotification(JsonRpcRequest.notification(method, mapper.readTree(params)), 10);
	}

	private static JsonRpcRequest call(long id) {
		return JsonRpcRequest.call(JsonRpcId.of(id), "confirm", mapper.readTree("[\"sure?\"]"));
	}

	/**
	 * A value that cannot be written as JSON.
	 */
	static final class Unwritable {

		public String getValue() {
			throw new IllegalStateException("not today");
		}

	}

	/**
	 * Records the calls the client makes, answers them, and keeps the client's listener.
	 */
	private static final class ListeningTransport implements JsonRpcTransport {

		final List<String> calls = new CopyOnWriteArrayList<>();

		volatile boolean refuse;

		volatile String subscribeResult = "\"ok\"";

		volatile Listener listener;

		@Override
		public CompletableFuture<List<JsonRpcResponse>> exchange(JsonRpcClientRequest request) {
			JsonRpcRequest call = request.entries().get(0);
			this.calls.add(call.method() + " " + call.params());
			JsonRpcId id = (call.id() != null) ? call.id() : JsonRpcId.NULL;
			JsonRpcResponse response = (this.refuse)
					? JsonRpcResponse.failure(id, JsonRpcError.of(JsonRpcErrorCodes.INVALID_PARAMS, "No such topic"))
					: JsonRpcResponse.success(id,
							mapper.readTree(call.method().equals("subscribe") ? this.subscribeResult : "true"));
			return CompletableFuture.completedFuture(List.of(response));
		}

		@Override
		public void setListener(Listener listener) {
			this.listener = listener;
		}

	}

}
