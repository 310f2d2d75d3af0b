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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the byte bound of what the client's publishers hold for a subscriber that has
 * not requested it: streamed items ({@code stream(...)}) and a topic's notifications
 * ({@code subscribe(topic, type)}).
 */
class BoundedItemPublisherTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	// each item counts its JSON plus the fixed allowance
	private static final long ONE_BYTE_ITEM = 1 + BoundedItemPublisher.ITEM_OVERHEAD;

	/** How often the publisher under test ran its cancel action. */
	private final AtomicInteger cancelled = new AtomicInteger();

	private final StreamingTransport transport = new StreamingTransport();

	private final List<JsonRpcClient> clients = new ArrayList<>();

	@AfterEach
	void closeClients() {
		this.clients.forEach(JsonRpcClient::close);
	}

	@Test
	void holdsItemsUpToTheLimitInBytesAndFailsOnTheFirstBeyond() {
		RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>(0);
		BoundedItemPublisher<Integer> publisher = subscribed(10 * ONE_BYTE_ITEM, Runnable::run, subscriber);
		for (int i = 0; i < 10; i++) {
			assertThat(publisher.offer(i, 1)).isTrue();
		}
		assertThat(publisher.bufferedBytes()).isEqualTo(10 * ONE_BYTE_ITEM);
		assertThat(this.cancelled).hasValue(0);
		assertThat(subscriber.error).isNull();
		// the eleventh is one byte item too many
		assertThat(publisher.offer(10, 1)).isFalse();
		assertThat(this.cancelled).hasValue(1);
		assertThat(subscriber.items).isEmpty();
		assertThat(subscriber.error).isInstanceOf(JsonRpcTransportException.class)
			.hasMessageContaining("More than " + (10 * ONE_BYTE_ITEM) + " bytes of items");
		assertThat(publisher.bufferedBytes()).isZero();
		assertThat(publisher.offer(11, 1)).isFalse();
		assertThat(this.cancelled).hasValue(1);
	}

	@Test
	void requestedItemsGiveTheirBytesBack() {
		RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>(0);
		BoundedItemPublisher<Integer> publisher = subscribed(2 * ONE_BYTE_ITEM, Runnable::run, subscriber);
		for (int i = 0; i < 100; i++) {
			assertThat(publisher.offer(i, 1)).isTrue();
			subscriber.subscription.request(1);
		}
		publisher.complete();
		assertThat(subscriber.items).hasSize(100);
		assertThat(subscriber.completed).isTrue();
		assertThat(publisher.bufferedBytes()).isZero();
	}

	@Test
	void oneItemIsAlwaysHeldWhateverItsSize() {
		RecordingSubscriber<String> subscriber = new RecordingSubscriber<>(0);
		BoundedItemPublisher<String> publisher = subscribed(100, Runnable::run, subscriber);
		assertThat(publisher.offer("large", 10_000)).isTrue();
		assertThat(publisher.offer("next", 1)).isFalse();
		assertThat(subscriber.error).isInstanceOf(JsonRpcTransportException.class);
	}

	@Test
	void itemsExactlyAtTheLimitAreHeld() {
		RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>(0);
		BoundedItemPublisher<Integer> publisher = subscribed(400, Runnable::run, subscriber);
		// 100 + 64, then 172 + 64: 400 bytes, the limit itself
		assertThat(publisher.offer(1, 100)).isTrue();
		assertThat(publisher.offer(2, bytesLeftAfter(400, 100))).isTrue();
		assertThat(publisher.bufferedBytes()).isEqualTo(400);
		assertThat(this.cancelled).hasValue(0);
		assertThat(subscriber.error).isNull();
		subscriber.subscription.request(2);
		assertThat(subscriber.items).containsExactly(1, 2);
		assertThat(publisher.bufferedBytes()).isZero();
	}

	@Test
	void oneByteOverTheLimitFails() {
		RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>(0);
		BoundedItemPublisher<Integer> publisher = subscribed(400, Runnable::run, subscriber);
		assertThat(publisher.offer(1, 100)).isTrue();
		// 401 bytes
		assertThat(publisher.offer(2, bytesLeftAfter(400, 100) + 1)).isFalse();
		assertThat(this.cancelled).hasValue(1);
		assertThat(publisher.bufferedBytes()).isZero();
		assertThat(subscriber.error).isInstanceOf(JsonRpcTransportException.class)
			.hasMessageContaining("More than 400 bytes of items");
		assertThat(subscriber.items).isEmpty();
	}

	@Test
	void streamOverTheLimitIsCancelledAndItsSubscriberFails() {
		JsonRpcClient client = client(builder().maxBufferedBytes(1_000));
		RecordingSubscriber<String> subscriber = new RecordingSubscriber<>(1);
		client.method("words").stream(String.class).subscribe(subscriber);
		// messages of 302 bytes each: the first is requested, two more fit, the fourth
		// not
		String word = "w".repeat(300);
		this.transport.items.accept(StringNode.valueOf(word), 302);
		// delivered on the client's executor
		await().atMost(TestWaits.SHORT).until(() -> subscriber.items.size() == 1);
		for (int i = 1; i < 4; i++) {
			this.transport.items.accept(StringNode.valueOf(word), 302);
		}
		await().atMost(TestWaits.SHORT).until(() -> subscriber.error != null);
		assertThat(subscriber.items).containsExactly(word);
		assertThat(subscriber.error).isInstanceOf(JsonRpcTransportException.class)
			.hasMessageContaining("More than 1000 bytes of streamed items");
		assertThat(this.transport.result.isCancelled()).isTrue();
	}

	@Test
	void subscriptionOverTheLimitEndsOnTheServerAndItsSubscriberFails() {
		JsonRpcClient client = client(builder().maxBufferedBytes(1_000));
		RecordingSubscriber<JsonNode> subscriber = new RecordingSubscriber<>(0);
		client.subscribe("news", JsonNode.class).subscribe(subscriber);
		assertThat(this.transport.sentMethods).containsExactly("subscribe");
		// messages of 308 bytes each, none requested: two fit, the third not
		String word = "w".repeat(300);
		for (int i = 0; i < 3; i++) {
			this.transport.listener
				.onNotification(new JsonRpcRequest(null, "news", mapper.createObjectNode().put("w", word)), 308);
		}
		await().atMost(TestWaits.SHORT).until(() -> subscriber.error != null);
		assertThat(subscriber.error).isInstanceOf(JsonRpcTransportException.class)
			.hasMessageContaining("More than 1000 bytes of notifications of topic 'news'");
		assertThat(this.transport.sentMethods).containsExactly("subscribe", "unsubscribe");
		assertThat(subscriber.items).isEmpty();
	}

	@Test
	void collectedResultIsHandedOutOnDemandNotCountedAgainstTheLimit() throws Exception {
		// the subscriber is stuck in its first onNext until the whole result was received
		CountDownLatch received = new CountDownLatch(1);
		JsonRpcClient client = client(builder().maxBufferedBytes(1_000));
		RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>(Long.MAX_VALUE) {

			@Override
			public void onNext(Integer item) {
				super.onNext(item);
				if (item == 0) {
					awaitLatch(received);
				}
				else if (item % 1_000 == 0) {
					// slow now and then
					Thread.yield();
				}
			}

		};
		client.method("numbers").stream(Integer.class).subscribe(subscriber);
		List<Integer> numbers = IntStream.range(0, 20_000).boxed().toList();
		this.transport.result.complete(JsonRpcResponse.success(JsonRpcId.of(1), numbers));
		received.countDown();
		await().atMost(TestWaits.SHORT).until(() -> subscriber.completed || subscriber.error != null);
		assertThat(subscriber.error).isNull();
		assertThat(subscriber.items).isEqualTo(numbers);
		assertThat(this.transport.result.isCancelled()).isFalse();
	}

	@Test
	void collectedResultIsHandedOutInStepsAsRequested() {
		JsonRpcClient client = client(builder().maxBufferedBytes(1_000).deliveryExecutor(Runnable::run));
		RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>(0);
		client.method("numbers").stream(Integer.class).subscribe(subscriber);
		List<Object> numbers = new ArrayList<>(IntStream.range(0, 20_000).boxed().toList());
		// null items are skipped
		numbers.add(5, null);
		this.transport.result.complete(JsonRpcResponse.success(JsonRpcId.of(1), numbers));
		assertThat(subscriber.items).isEmpty();
		assertThat(subscriber.error).isNull();
		for (int step = 1; step <= 20; step++) {
			subscriber.subscription.request(1_000);
			assertThat(subscriber.items).hasSize(step * 1_000);
			assertThat(subscriber.error).isNull();
		}
		assertThat(subscriber.completed).isTrue();
		assertThat(subscriber.items).isEqualTo(IntStream.range(0, 20_000).boxed().toList());
	}

	@Test
	void collectedItemThatCannotBeConvertedFailsWhenItIsDelivered() {
		JsonRpcClient client = client(builder().deliveryExecutor(Runnable::run));
		RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>(0);
		client.method("numbers").stream(Integer.class).subscribe(subscriber);
		this.transport.result.complete(JsonRpcResponse.success(JsonRpcId.of(1), List.of(1, "two", 3)));
		subscriber.subscription.request(1);
		assertThat(subscriber.items).containsExactly(1);
		assertThat(subscriber.error).isNull();
		subscriber.subscription.request(5);
		assertThat(subscriber.items).containsExactly(1);
		assertThat(subscriber.error).isInstanceOf(JsonRpcTransportException.class)
			.hasMessageContaining("Cannot convert a streamed item");
		assertThat(subscriber.completed).isFalse();
	}

	@Test
	void rejectedDeliveryFailsTheSubscriberOnceAndCancels() {
		AtomicInteger rejections = new AtomicInteger();
		Executor rejecting = (task) -> {
			rejections.incrementAndGet();
			throw new RejectedExecutionException("shut down");
		};
		RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>(0);
		BoundedItemPublisher<Integer> publisher = subscribed(10 * ONE_BYTE_ITEM, rejecting, subscriber);
		assertThat(rejections).hasValue(1);
		assertThat(subscriber.error).isInstanceOf(JsonRpcTransportException.class)
			.hasMessageContaining("delivery executor rejected");
		assertThat(subscriber.terminalSignals).hasValue(1);
		assertThat(this.cancelled).hasValue(1);
		assertThat(publisher.isClosed()).isTrue();
		assertThat(publisher.offer(1, 1)).isFalse();
		subscriber.subscription.request(1);
		publisher.complete();
		assertThat(subscriber.terminalSignals).hasValue(1);
		assertThat(this.cancelled).hasValue(1);
	}

	@Test
	void rejectionAfterItemsWereDeliveredEndsTheSubscriber() {
		AtomicInteger accepted = new AtomicInteger(2);
		Executor closing = (task) -> {
			if (accepted.getAndDecrement() <= 0) {
				throw new RejectedExecutionException("closed");
			}
			task.run();
		};
		RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>(0);
		BoundedItemPublisher<Integer> publisher = subscribed(10 * ONE_BYTE_ITEM, closing, subscriber);
		subscriber.subscription.request(10);
		// the executor is closed now: the item is dropped, the subscriber ends
		assertThat(publisher.offer(1, 1)).isTrue();
		assertThat(subscriber.items).isEmpty();
		assertThat(subscriber.error).isInstanceOf(JsonRpcTransportException.class);
		assertThat(subscriber.terminalSignals).hasValue(1);
		assertThat(this.cancelled).hasValue(1);
		assertThat(publisher.offer(2, 1)).isFalse();
	}

	@Test
	void closedClientFailsANewStreamSubscriber() {
		JsonRpcClient client = client(builder());
		client.close();
		RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>(0);
		client.method("countdown").stream(Integer.class).subscribe(subscriber);
		await().atMost(TestWaits.SHORT).until(() -> subscriber.terminalSignals.get() > 0);
		assertThat(subscriber.error).isInstanceOf(JsonRpcTransportException.class);
		assertThat(subscriber.terminalSignals).hasValue(1);
	}

	@Test
	void subscriberThatThrowsAnErrorIsCancelledAndTheCountersStayRight() {
		RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>(Long.MAX_VALUE) {

			@Override
			public void onNext(Integer item) {
				super.onNext(item);
				if (item == 2) {
					throw new AssertionError("listener bug");
				}
			}

		};
		BoundedItemPublisher<Integer> publisher = subscribed(10 * ONE_BYTE_ITEM, Runnable::run, subscriber);
		assertThat(publisher.offer(1, 1)).isTrue();
		// does not reach the transport's thread
		assertThat(publisher.offer(2, 1)).isTrue();
		assertThat(this.cancelled).hasValue(1);
		assertThat(publisher.offer(3, 1)).isFalse();
		publisher.complete();
		assertThat(subscriber.items).containsExactly(1, 2);
		assertThat(subscriber.error).isNull();
		assertThat(subscriber.completed).isFalse();
		assertThat(publisher.bufferedBytes()).isZero();
	}

	@Test
	void virtualMachineErrorOfASubscriberIsRethrownNotSwallowed() {
		RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>(Long.MAX_VALUE) {

			@Override
			public void onNext(Integer item) {
				throw new StackOverflowError("deep");
			}

		};
		BoundedItemPublisher<Integer> publisher = subscribed(10 * ONE_BYTE_ITEM, Runnable::run, subscriber);
		assertThatExceptionOfType(StackOverflowError.class).isThrownBy(() -> publisher.offer(1, 1));
		assertThat(this.cancelled).hasValue(1);
		assertThat(publisher.isClosed()).isTrue();
		// a later signal drains again: nothing left to deliver, nothing thrown
		subscriber.subscription.request(1);
		assertThat(publisher.offer(2, 1)).isFalse();
	}

	@Test
	void limitMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> JsonRpcClient.builder().maxBufferedBytes(0));
	}

	@Test
	void secondSubscriberIsRefused() {
		RecordingSubscriber<Integer> first = new RecordingSubscriber<>(0);
		BoundedItemPublisher<Integer> publisher = subscribed(10 * ONE_BYTE_ITEM, Runnable::run, first);
		RecordingSubscriber<Integer> second = new RecordingSubscriber<>(1);
		publisher.subscribe(second);
		assertThat(second.subscription).isNotNull();
		assertThat(second.error).isInstanceOf(IllegalStateException.class)
			.hasMessage("Only one subscriber is supported");
		assertThat(publisher.offer(1, 1)).isTrue();
		first.subscription.request(1);
		assertThat(first.items).containsExactly(1);
		assertThat(second.items).isEmpty();
		assertThat(this.cancelled).hasValue(0);
	}

	@Test
	void subscriberIsRequired() {
		BoundedItemPublisher<Integer> publisher = new BoundedItemPublisher<>(10, "items", Runnable::run, () -> {
		});
		assertThatIllegalArgumentException().isThrownBy(() -> publisher.subscribe(null))
			.withMessage("Subscriber is required");
	}

	@Test
	void limitOfThePublisherMustBePositive() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BoundedItemPublisher<Integer>(0, "items", Runnable::run, () -> {
			}))
			.withMessage("Max bytes must be positive");
		assertThat(new BoundedItemPublisher<Integer>(1, "items", Runnable::run, () -> {
		}).isClosed()).isFalse();
	}

	@Test
	void requestThatIsNotPositiveFailsTheSubscriberAndCancels() {
		for (long n : new long[] { 0, -1 }) {
			this.cancelled.set(0);
			RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>(0);
			BoundedItemPublisher<Integer> publisher = subscribed(10 * ONE_BYTE_ITEM, Runnable::run, subscriber);
			assertThat(publisher.offer(1, 1)).isTrue();
			subscriber.subscription.request(n);
			assertThat(subscriber.error).isInstanceOf(IllegalArgumentException.class)
				.hasMessage("Request must be positive: " + n);
			assertThat(subscriber.items).isEmpty();
			assertThat(this.cancelled).hasValue(1);
			assertThat(publisher.bufferedBytes()).isZero();
		}
	}

	@Test
	void demandAddsUpAndSaturatesInsteadOfOverflowing() {
		RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>(Long.MAX_VALUE - 1);
		BoundedItemPublisher<Integer> publisher = subscribed(10 * ONE_BYTE_ITEM, Runnable::run, subscriber);
		subscriber.subscription.request(Long.MAX_VALUE);
		for (int i = 0; i < 3; i++) {
			assertThat(publisher.offer(i, 1)).isTrue();
		}
		assertThat(subscriber.items).containsExactly(0, 1, 2);
		RecordingSubscriber<Integer> stepwise = new RecordingSubscriber<>(1);
		BoundedItemPublisher<Integer> steps = subscribed(10 * ONE_BYTE_ITEM, Runnable::run, stepwise);
		for (int i = 0; i < 4; i++) {
			assertThat(steps.offer(i, 1)).isTrue();
		}
		stepwise.subscription.request(2);
		assertThat(stepwise.items).containsExactly(0, 1, 2);
		assertThat(steps.bufferedBytes()).isEqualTo(ONE_BYTE_ITEM);
	}

	@Test
	void cancelledSubscriptionDropsWhatWaitsAndTakesNoMore() {
		RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>(0);
		BoundedItemPublisher<Integer> publisher = subscribed(10 * ONE_BYTE_ITEM, Runnable::run, subscriber);
		assertThat(publisher.offer(1, 1)).isTrue();
		subscriber.subscription.cancel();
		subscriber.subscription.cancel();
		assertThat(this.cancelled).hasValue(1);
		assertThat(publisher.isClosed()).isTrue();
		assertThat(publisher.bufferedBytes()).isZero();
		assertThat(publisher.offer(2, 1)).isFalse();
		subscriber.subscription.request(5);
		publisher.complete();
		publisher.fail(new IllegalStateException("late"));
		assertThat(subscriber.items).isEmpty();
		assertThat(subscriber.completed).isFalse();
		assertThat(subscriber.error).isNull();
	}

	@Test
	void completionWaitsForTheBufferedItemsAndLaterSignalsAreIgnored() {
		RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>(0);
		BoundedItemPublisher<Integer> publisher = subscribed(10 * ONE_BYTE_ITEM, Runnable::run, subscriber);
		assertThat(publisher.offer(1, 1)).isTrue();
		publisher.complete();
		assertThat(publisher.isClosed()).isTrue();
		assertThat(subscriber.completed).isFalse();
		publisher.fail(new IllegalStateException("late"));
		publisher.completeWith(List.of(9), (item) -> item);
		assertThat(publisher.offer(2, 1)).isFalse();
		subscriber.subscription.request(5);
		assertThat(subscriber.items).containsExactly(1);
		assertThat(subscriber.completed).isTrue();
		assertThat(subscriber.error).isNull();
		assertThat(this.cancelled).hasValue(0);
	}

	@Test
	void failureDropsTheBufferedItemsAndIsSignalledAtOnce() {
		RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>(0);
		BoundedItemPublisher<Integer> publisher = subscribed(10 * ONE_BYTE_ITEM, Runnable::run, subscriber);
		assertThat(publisher.offer(1, 1)).isTrue();
		IllegalStateException failure = new IllegalStateException("server gone");
		publisher.fail(failure);
		assertThat(subscriber.error).isSameAs(failure);
		assertThat(subscriber.items).isEmpty();
		assertThat(publisher.bufferedBytes()).isZero();
		assertThat(publisher.isClosed()).isTrue();
		publisher.complete();
		assertThat(subscriber.completed).isFalse();
		assertThat(this.cancelled).hasValue(0);
	}

	@Test
	void collectedItemsFollowTheBufferedOnesAndConvertedNullsAreSkippedWithoutTakingDemand() {
		RecordingSubscriber<String> subscriber = new RecordingSubscriber<>(0);
		BoundedItemPublisher<String> publisher = subscribed(10 * ONE_BYTE_ITEM, Runnable::run, subscriber);
		assertThat(publisher.offer("buffered", 1)).isTrue();
		publisher.completeWith(new ArrayList<>(List.of("a", "skip", "b", "c")),
				(item) -> item.equals("skip") ? null : item.toUpperCase(java.util.Locale.ROOT));
		subscriber.subscription.request(3);
		assertThat(subscriber.items).containsExactly("buffered", "A", "B");
		assertThat(subscriber.completed).isFalse();
		subscriber.subscription.request(1);
		assertThat(subscriber.items).containsExactly("buffered", "A", "B", "C");
		assertThat(subscriber.completed).isTrue();
		assertThat(this.cancelled).hasValue(0);
	}

	@Test
	void emptyCollectedResultCompletesWithoutDemand() {
		RecordingSubscriber<String> subscriber = new RecordingSubscriber<>(0);
		BoundedItemPublisher<String> publisher = subscribed(10 * ONE_BYTE_ITEM, Runnable::run, subscriber);
		publisher.completeWith(List.<String>of(), (item) -> item);
		assertThat(subscriber.completed).isTrue();
	}

	@Test
	void collectedItemThatFailsToConvertCancelsOnce() {
		RecordingSubscriber<String> subscriber = new RecordingSubscriber<>(5);
		BoundedItemPublisher<String> publisher = subscribed(10 * ONE_BYTE_ITEM, Runnable::run, subscriber);
		publisher.completeWith(new ArrayList<>(List.of("a", "bad", "c")), (item) -> {
			if (item.equals("bad")) {
				throw new IllegalArgumentException("cannot");
			}
			return item;
		});
		assertThat(subscriber.items).containsExactly("a");
		assertThat(subscriber.error).isInstanceOf(IllegalArgumentException.class).hasMessage("cannot");
		assertThat(subscriber.completed).isFalse();
		assertThat(this.cancelled).hasValue(1);
	}

	@Test
	void rejectedDeliveryWithNothingLeftCompletesTheSubscriberWithoutCancelling() {
		AtomicInteger accepted = new AtomicInteger(1);
		Executor closing = (task) -> {
			if (accepted.getAndDecrement() <= 0) {
				throw new RejectedExecutionException("closed");
			}
			task.run();
		};
		RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>(0);
		BoundedItemPublisher<Integer> publisher = subscribed(10 * ONE_BYTE_ITEM, closing, subscriber);
		publisher.complete();
		assertThat(subscriber.completed).isTrue();
		assertThat(subscriber.error).isNull();
		assertThat(subscriber.terminalSignals).hasValue(1);
		assertThat(this.cancelled).hasValue(0);
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void rejectedDeliveryIsLoggedOnce(CapturedOutput output) {
		Executor rejecting = (task) -> {
			throw new RejectedExecutionException("shut down");
		};
		RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>(0);
		BoundedItemPublisher<Integer> publisher = subscribed(10 * ONE_BYTE_ITEM, rejecting, subscriber);
		subscriber.subscription.request(1);
		publisher.offer(1, 1);
		assertThat(output.getOut().lines().filter((line) -> line.contains("Delivery executor rejected the delivery")))
			.singleElement()
			.satisfies((line) -> assertThat(line).contains("of items: the subscriber is ended"));
		assertThat(subscriber.terminalSignals).hasValue(1);
	}

	@Test
	void rejectedDeliveryAfterCancellingSignalsNothing() {
		AtomicInteger accepted = new AtomicInteger(1);
		Executor closing = (task) -> {
			if (accepted.getAndDecrement() <= 0) {
				throw new RejectedExecutionException("closed");
			}
			task.run();
		};
		RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>(0);
		subscribed(10 * ONE_BYTE_ITEM, closing, subscriber);
		subscriber.subscription.cancel();
		assertThat(subscriber.terminalSignals).hasValue(0);
		assertThat(this.cancelled).hasValue(1);
	}

	/**
	 * Create a publisher of "items" that counts its cancellations in {@link #cancelled},
	 * and subscribe the subscriber to it.
	 */
	private <T> BoundedItemPublisher<T> subscribed(long maxBytes, Executor executor,
			Flow.Subscriber<? super T> subscriber) {
		BoundedItemPublisher<T> publisher = new BoundedItemPublisher<>(maxBytes, "items", executor,
				this.cancelled::incrementAndGet);
		publisher.subscribe(subscriber);
		return publisher;
	}

	/**
	 * Return the message size of a second item that fills the limit exactly after a first
	 * one of the given message size.
	 */
	private static long bytesLeftAfter(long limit, long firstBytes) {
		return limit - (firstBytes + BoundedItemPublisher.ITEM_OVERHEAD) - BoundedItemPublisher.ITEM_OVERHEAD;
	}

	private JsonRpcClient.Builder builder() {
		return JsonRpcClient.builder().transport(this.transport);
	}

	private JsonRpcClient client(JsonRpcClient.Builder builder) {
		JsonRpcClient client = builder.build();
		this.clients.add(client);
		return client;
	}

	private static void awaitLatch(CountDownLatch latch) {
		try {
			assertThat(latch.await(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A transport whose stream the test feeds, and which answers subscribe and
	 * unsubscribe calls.
	 */
	static final class StreamingTransport implements JsonRpcTransport {

		final List<String> sentMethods = new CopyOnWriteArrayList<>();

		final CompletableFuture<JsonRpcResponse> result = new CompletableFuture<>();

		volatile ItemConsumer items;

		volatile Listener listener;

		@Override
		public CompletableFuture<List<JsonRpcResponse>> exchange(JsonRpcClientRequest request) {
			JsonRpcRequest call = request.entries().get(0);
			this.sentMethods.add(call.method());
			Object result = call.method().equals("subscribe") ? List.of("news") : List.of();
			JsonRpcId id = (call.id() != null) ? call.id() : JsonRpcId.NULL;
			return CompletableFuture.completedFuture(List.of(JsonRpcResponse.success(id, result)));
		}

		@Override
		public CompletableFuture<JsonRpcResponse> stream(JsonRpcRequest call, ItemConsumer items) {
			this.items = items;
			return this.result;
		}

		@Override
		public void setListener(Listener listener) {
			this.listener = listener;
		}

	}

}
