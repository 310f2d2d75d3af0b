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
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.github.jsonrpc.protocol.JsonRpcError;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.NullNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link JsonRpcResultPublisher}: streamed and collected items, how a stream
 * ends, and the blocking stream over it. Deliveries run on the test's thread; the
 * transport's stream is fed by the test.
 */
class JsonRpcResultPublisherTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final FeedingTransport transport = new FeedingTransport();

	private final JsonRpcClient client = JsonRpcClient.builder()
		.transport(this.transport)
		.deliveryExecutor(Runnable::run)
		.errorMapping(-32010, (ex) -> new IllegalStateException("mapped " + ex.getErrorMessage()))
		.build();

	private final RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>(Long.MAX_VALUE);

	@Test
	void streamedItemsAreConvertedAndNullItemsSkippedUntilTheFinalResponse() {
		this.client.method("count").params(2).stream(Integer.class).subscribe(this.subscriber);
		assertThat(this.transport.call.method()).isEqualTo("count");
		assertThat(this.transport.call.params()).hasToString("[2]");
		this.transport.items.accept(IntNode.valueOf(1), 10);
		this.transport.items.accept(NullNode.getInstance(), 10);
		this.transport.items.accept(IntNode.valueOf(2), 10);
		assertThat(this.subscriber.items).containsExactly(1, 2);
		assertThat(this.subscriber.completed).isFalse();
		// a streamed result's final response carries no items
		this.transport.result.complete(JsonRpcResponse.success(JsonRpcId.of(1), List.of(7, 8)));
		assertThat(this.subscriber.items).containsExactly(1, 2);
		assertThat(this.subscriber.completed).isTrue();
	}

	@Test
	void collectedResultIsDeliveredItemByItemSkippingNulls() {
		assertThat(collected("[1,null,2]")).containsExactly(1, 2);
		assertThat(collected("5")).containsExactly(5);
		assertThat(collected("null")).isEmpty();
		assertThat(collected("[]")).isEmpty();
	}

	@Test
	void finalCountOfZeroIsAnEmptyStreamAndAnyOtherObjectAnItem() {
		assertThat(collectedTrees("{\"count\":0}")).isEmpty();
		assertThat(collectedTrees("{\"count\":1}")).containsExactly(mapper.readTree("{\"count\":1}"));
		assertThat(collectedTrees("{\"count\":0,\"more\":true}"))
			.containsExactly(mapper.readTree("{\"count\":0,\"more\":true}"));
		assertThat(collectedTrees("{\"total\":0}")).containsExactly(mapper.readTree("{\"total\":0}"));
	}

	@Test
	void errorResponseFailsTheSubscriberWithTheClientsException() {
		this.client.method("count").stream(Integer.class).subscribe(this.subscriber);
		this.transport.result.complete(JsonRpcResponse.failure(JsonRpcId.of(1), JsonRpcError.of(-32010, "gone")));
		assertThat(this.subscriber.error).isInstanceOf(IllegalStateException.class).hasMessage("mapped gone");
	}

	@Test
	void failedTransportFailsTheSubscriber() {
		this.client.method("count").stream(Integer.class).subscribe(this.subscriber);
		this.transport.result.completeExceptionally(new java.io.IOException("reset"));
		assertThat(this.subscriber.error).isInstanceOf(JsonRpcTransportException.class)
			.hasMessage("JSON-RPC exchange failed");
	}

	@Test
	void transportThatCannotStreamFailsTheSubscriber() {
		this.transport.refusal = new IllegalStateException("not now");
		this.client.method("count").stream(Integer.class).subscribe(this.subscriber);
		assertThat(this.subscriber.error).isSameAs(this.transport.refusal);
	}

	@Test
	void streamCancelledByTheTransportCompletesTheSubscriber() {
		this.client.method("count").stream(Integer.class).subscribe(this.subscriber);
		this.transport.items.accept(IntNode.valueOf(1), 10);
		this.transport.result.cancel(false);
		assertThat(this.subscriber.items).containsExactly(1);
		assertThat(this.subscriber.completed).isTrue();
		assertThat(this.subscriber.error).isNull();
	}

	@Test
	void itemThatCannotBeConvertedFailsTheSubscriberAndCancelsTheCall() {
		this.client.method("count").stream(Integer.class).subscribe(this.subscriber);
		this.transport.items.accept(mapper.readTree("\"one\""), 10);
		assertThat(this.subscriber.error).isInstanceOf(JsonRpcTransportException.class)
			.hasMessageStartingWith("Cannot convert a streamed item to [simple type, class java.lang.Integer]: ");
		assertThat(this.transport.result).isCancelled();
		// later items are not taken
		this.transport.items.accept(IntNode.valueOf(2), 10);
		assertThat(this.subscriber.items).isEmpty();
	}

	@Test
	void cancellingTheSubscriptionCancelsTheCall() {
		this.client.method("count").stream(Integer.class).subscribe(this.subscriber);
		this.subscriber.subscription.cancel();
		assertThat(this.transport.result).isCancelled();
		assertThat(this.subscriber.completed).isFalse();
	}

	@Test
	void blockingStreamRequestsMoreAsItIsRead() {
		String forty = IntStream.range(0, 40).mapToObj(Integer::toString).toList().toString();
		JsonRpcClient collecting = JsonRpcClient.builder()
			.transport(RecordingTransport.result(forty.replace(" ", "")))
			.deliveryExecutor(Runnable::run)
			.build();
		try (Stream<Integer> items = collecting.method("count").streamBlocking(Integer.class)) {
			assertThat(items).containsExactlyElementsOf(IntStream.range(0, 40).boxed().toList());
		}
	}

	@Test
	void blockingStreamEndsWhenNoItemComesInTimeAndCancelsTheCall() {
		try (Stream<Integer> items = this.client.method("count")
			.timeout(Duration.ofMillis(20))
			.streamBlocking(Integer.class)) {
			Iterator<Integer> iterator = items.iterator();
			assertThatExceptionOfType(JsonRpcTransportException.class).isThrownBy(iterator::hasNext)
				.withMessage("No streamed item within PT0.02S");
			assertThat(this.transport.result).isCancelled();
		}
		assertThat(this.transport.result).isCancelled();
	}

	@Test
	void interruptedBlockingStreamKeepsTheInterruptAndCancelsTheCall() {
		try (Stream<Integer> items = this.client.method("count").streamBlocking(Integer.class)) {
			Iterator<Integer> iterator = items.iterator();
			Thread.currentThread().interrupt();
			assertThatExceptionOfType(JsonRpcTransportException.class).isThrownBy(iterator::hasNext)
				.withMessage("Interrupted while waiting for a streamed item");
			assertThat(Thread.interrupted()).isTrue();
			assertThat(this.transport.result).isCancelled();
		}
		finally {
			Thread.interrupted();
		}
	}

	@Test
	void blockingStreamEndsWithItsErrorAndThenHasNoNextItem() {
		Stream<Integer> items = this.client.method("count").streamBlocking(Integer.class);
		this.transport.items.accept(IntNode.valueOf(1), 10);
		this.transport.result.complete(JsonRpcResponse.failure(JsonRpcId.of(1), JsonRpcError.of(-32010, "gone")));
		Iterator<Integer> iterator = items.iterator();
		assertThat(iterator.next()).isEqualTo(1);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(iterator::hasNext).withMessage("mapped gone");
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(iterator::next).withMessage("mapped gone");
		this.transport.result = new CompletableFuture<>();
		Stream<Integer> ended = this.client.method("count").streamBlocking(Integer.class);
		this.transport.result.complete(JsonRpcResponse.success(JsonRpcId.of(2), List.of()));
		Iterator<Integer> done = ended.iterator();
		assertThat(done.hasNext()).isFalse();
		assertThatExceptionOfType(NoSuchElementException.class).isThrownBy(done::next);
		// closing an ended stream cancels nothing
		ended.close();
		assertThat(this.transport.result).isNotCancelled();
	}

	@Test
	void closingTheBlockingStreamCancelsTheCall() {
		this.client.method("count").streamBlocking(Integer.class).close();
		assertThat(this.transport.result).isCancelled();
	}

	private List<Integer> collected(String result) {
		RecordingSubscriber<Integer> recording = new RecordingSubscriber<>(Long.MAX_VALUE);
		this.transport.result = new CompletableFuture<>();
		this.client.method("count").stream(Integer.class).subscribe(recording);
		this.transport.result.complete(JsonRpcResponse.success(JsonRpcId.of(1), mapper.readTree(result)));
		assertThat(recording.completed).as(result).isTrue();
		return recording.items;
	}

	private List<JsonNode> collectedTrees(String result) {
		RecordingSubscriber<JsonNode> recording = new RecordingSubscriber<>(Long.MAX_VALUE);
		this.transport.result = new CompletableFuture<>();
		this.client.method("count").stream(JsonNode.class).subscribe(recording);
		this.transport.result.complete(JsonRpcResponse.success(JsonRpcId.of(1), mapper.readTree(result)));
		assertThat(recording.completed).as(result).isTrue();
		return recording.items;
	}

	/**
	 * A transport whose stream the test feeds and ends.
	 */
	private static final class FeedingTransport implements JsonRpcTransport {

		volatile CompletableFuture<JsonRpcResponse> result = new CompletableFuture<>();

		volatile @Nullable JsonRpcRequest call;

		volatile @Nullable ItemConsumer items;

		volatile @Nullable RuntimeException refusal;

		@Override
		public CompletableFuture<List<JsonRpcResponse>> exchange(JsonRpcClientRequest request) {
			return new CompletableFuture<>();
		}

		@Override
		public CompletableFuture<JsonRpcResponse> stream(JsonRpcRequest call, ItemConsumer items) {
			if (this.refusal != null) {
				throw this.refusal;
			}
			this.call = call;
			this.items = items;
			return this.result;
		}

	}

}
