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

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the delivery executor of a client built without one: at most
 * {@link DefaultJsonRpcClient#DEFAULT_DELIVERY_THREADS} threads however many subscribers
 * block, other subscriptions still delivered while fewer block, and everything delivered
 * once they return. A transport plays the server: it accepts every subscription and hands
 * notifications to the client as the thread that reads a connection would.
 */
class DefaultDeliveryExecutorTests {

	private static final int THREADS = DefaultJsonRpcClient.DEFAULT_DELIVERY_THREADS;

	private static final JsonNode PARAMS = JsonMapper.builder().build().readTree("{\"n\":1}");

	private final ServerSideTransport transport = new ServerSideTransport();

	private final DefaultJsonRpcClient client = (DefaultJsonRpcClient) JsonRpcClient.builder()
		.transport(this.transport)
		.build();

	@AfterEach
	void releaseAndClose() {
		this.transport.release();
		this.client.close();
	}

	@Test
	void manySlowSubscribersNeverHoldMoreThanTheDefaultThreadsAndAreAllDeliveredOnceTheyReturn() throws Exception {
		int subscribers = 3 * THREADS;
		CountDownLatch entered = new CountDownLatch(THREADS);
		CountDownLatch delivered = new CountDownLatch(subscribers);
		subscribeBlocking(subscribers, entered, delivered);
		for (int i = 0; i < subscribers; i++) {
			notify("topic-" + i);
		}
		// every thread is held by a subscriber that blocks
		assertThat(entered.await(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
		// a listener's notification waits for a thread too, and is not lost
		CountDownLatch listened = new CountDownLatch(1);
		this.client.onNotification("tick", JsonNode.class, (params) -> listened.countDown());
		notify("tick");
		assertThat(pool().getPoolSize()).isEqualTo(THREADS);
		assertThat(delivered.getCount()).isEqualTo(subscribers);
		this.transport.release();
		assertThat(delivered.await(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
		assertThat(listened.await(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
		assertThat(pool().getLargestPoolSize()).isEqualTo(THREADS);
	}

	@Test
	void subscribersThatBlockLeaveTheOtherSubscriptionsDeliveredWhileAThreadIsFree() throws Exception {
		int blocking = THREADS - 1;
		CountDownLatch entered = new CountDownLatch(blocking);
		subscribeBlocking(blocking, entered, new CountDownLatch(blocking));
		for (int i = 0; i < blocking; i++) {
			notify("topic-" + i);
		}
		assertThat(entered.await(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
		// a publisher, then a listener, each delivered on the one thread left
		CountDownLatch received = new CountDownLatch(2);
		this.client.subscribe("fresh", JsonNode.class).subscribe(new RequestingSubscriber(received));
		notify("fresh");
		notify("fresh");
		assertThat(received.await(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
		CountDownLatch listened = new CountDownLatch(3);
		this.client.onNotification("tick", JsonNode.class, (params) -> listened.countDown());
		for (int i = 0; i < 3; i++) {
			notify("tick");
		}
		assertThat(listened.await(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
		assertThat(pool().getLargestPoolSize()).isLessThanOrEqualTo(THREADS);
	}

	private void subscribeBlocking(int count, CountDownLatch entered, CountDownLatch delivered) {
		for (int i = 0; i < count; i++) {
			this.client.subscribe("topic-" + i, JsonNode.class).subscribe(new RequestingSubscriber(delivered) {

				@Override
				public void onNext(JsonNode item) {
					entered.countDown();
					DefaultDeliveryExecutorTests.this.transport.hold();
					super.onNext(item);
				}

			});
		}
	}

	private void notify(String method) {
		// without params a topic's publisher has no item to deliver
		this.transport.listener().onNotification(JsonRpcRequest.notification(method, PARAMS), 10);
	}

	private ThreadPoolExecutor pool() {
		return (ThreadPoolExecutor) this.client.deliveryExecutor();
	}

	/**
	 * Requests everything and counts down for each item.
	 */
	private static class RequestingSubscriber implements Flow.Subscriber<JsonNode> {

		private final CountDownLatch received;

		RequestingSubscriber(CountDownLatch received) {
			this.received = received;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(JsonNode item) {
			this.received.countDown();
		}

		@Override
		public void onError(Throwable throwable) {
		}

		@Override
		public void onComplete() {
		}

	}

}
