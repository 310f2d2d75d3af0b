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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;

/**
 * The items of a streamed result as a {@link Flow.Publisher}: each subscription makes one
 * call; items are converted and delivered with back-pressure from a buffer bounded in
 * bytes ({@link JsonRpcClient.Builder#maxBufferedBytes(long)}); cancelling the
 * subscription cancels the call (over a persistent connection the transport sends
 * {@code rpc.cancel}). A server that collects the result instead of streaming it (or a
 * transport that does not stream) delivers the same items from the final array: that
 * array is already in memory, so its items are handed out as the subscriber requests
 * them, not buffered against the limit.
 *
 * @param <T> the item type
 * @author JSON-RPC for Spring Boot team
 */
final class JsonRpcResultPublisher<T> implements Flow.Publisher<T> {

	private final DefaultJsonRpcClient client;

	private final Supplier<JsonRpcRequest> call;

	private final JavaType type;

	JsonRpcResultPublisher(DefaultJsonRpcClient client, Supplier<JsonRpcRequest> call, JavaType type) {
		this.client = client;
		this.call = call;
		this.type = type;
	}

	@Override
	public void subscribe(Flow.Subscriber<? super T> subscriber) {
		CompletableFuture<CompletableFuture<JsonRpcResponse>> started = new CompletableFuture<>();
		Runnable cancelCall = () -> started.thenAccept((call) -> call.cancel(false));
		// offered on the thread that reads the items, delivered on the delivery executor
		BoundedItemPublisher<T> items = new BoundedItemPublisher<>(this.client.maxBufferedBytes(), "streamed items",
				this.client.deliveryExecutor(), cancelCall);
		items.subscribe(subscriber);
		JsonRpcRequest request;
		try {
			request = this.call.get();
		}
		catch (RuntimeException ex) {
			items.fail(ex);
			return;
		}
		AtomicBoolean streamed = new AtomicBoolean();
		CompletableFuture<JsonRpcResponse> result;
		try {
			result = this.client.transport().stream(request, (item, messageBytes) -> {
				streamed.set(true);
				offer(items, item, messageBytes, cancelCall);
			});
		}
		catch (RuntimeException ex) {
			items.fail(JsonRpcTransportException.wrap(ex));
			return;
		}
		started.complete(result);
		result.whenComplete((response, failure) -> {
			if (result.isCancelled()) {
				items.complete();
			}
			else if (failure != null) {
				items.fail(JsonRpcTransportException.wrap(failure));
			}
			else if (response instanceof JsonRpcResponse.Failure error) {
				items.fail(this.client.toException(request, error.error()));
			}
			else {
				if (streamed.get()) {
					items.complete();
				}
				else {
					emitCollected(items, ((JsonRpcResponse.Success) response).result());
				}
			}
		});
	}

	// a result received whole is already in memory (bounded by the message limit): its
	// items are converted and handed out as the subscriber requests them, never buffered
	// against maxBufferedBytes
	private void emitCollected(BoundedItemPublisher<T> items, @Nullable Object result) {
		JsonNode node = this.client.mapper().valueToTree(result);
		if (node == null || node.isNull() || isEmptyCount(node)) {
			items.complete();
			return;
		}
		List<JsonNode> elements = new ArrayList<>(node.isArray() ? node.size() : 1);
		Iterable<JsonNode> all = node.isArray() ? node : List.of(node);
		for (JsonNode element : all) {
			// Reactive Streams carry no nulls: null items are skipped
			if (!element.isNull()) {
				elements.add(element);
			}
		}
		items.completeWith(elements, this::convert);
	}

	private T convert(JsonNode item) {
		try {
			return this.client.mapper().convertValue(item, this.type);
		}
		catch (RuntimeException ex) {
			throw new JsonRpcTransportException("Cannot convert a streamed item to " + this.type + ": " + ex, ex);
		}
	}

	// the final result of a stream of no items, which the server may not announce
	private static boolean isEmptyCount(JsonNode node) {
		return node.isObject() && node.size() == 1 && node.has("count") && node.get("count").asLong() == 0;
	}

	private void offer(BoundedItemPublisher<T> items, JsonNode item, long messageBytes, Runnable cancelCall) {
		if (items.isClosed() || item.isNull()) {
			// Reactive Streams carry no nulls: null items are skipped
			return;
		}
		T value;
		try {
			value = this.client.mapper().convertValue(item, this.type);
		}
		catch (RuntimeException ex) {
			items.fail(new JsonRpcTransportException("Cannot convert a streamed item to " + this.type + ": " + ex, ex));
			cancelCall.run();
			return;
		}
		// over the limit, the subscriber fails and the call is cancelled
		items.offer(value, messageBytes);
	}

	/**
	 * Return the items as a blocking stream, which must be closed; closing it cancels the
	 * call.
	 * @param timeout how long to wait for each item at most
	 * @return the stream
	 */
	Stream<T> toStream(Duration timeout) {
		BlockingIterator<T> iterator = new BlockingIterator<>(timeout);
		subscribe(iterator);
		return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED), false)
			.onClose(iterator::cancel);
	}

	/**
	 * A subscriber read as an iterator: requests a few items at a time, waits for each at
	 * most the timeout.
	 */
	private static final class BlockingIterator<T> implements Flow.Subscriber<T>, Iterator<T> {

		private static final int BATCH = 16;

		private static final Object END = new Object();

		private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();

		private final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();

		private final Duration timeout;

		private @Nullable Object next;

		private int consumed;

		BlockingIterator(Duration timeout) {
			this.timeout = timeout;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription.complete(subscription);
			subscription.request(BATCH);
		}

		@Override
		public void onNext(T item) {
			this.queue.add(item);
		}

		@Override
		public void onError(Throwable throwable) {
			this.queue.add(new Failure(throwable));
		}

		@Override
		public void onComplete() {
			this.queue.add(END);
		}

		@Override
		public boolean hasNext() {
			if (this.next == null) {
				try {
					this.next = this.queue.poll(TimeUnit.NANOSECONDS.convert(this.timeout), TimeUnit.NANOSECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					cancel();
					throw new JsonRpcTransportException("Interrupted while waiting for a streamed item", ex);
				}
				if (this.next == null) {
					cancel();
					throw new JsonRpcTransportException("No streamed item within " + this.timeout);
				}
			}
			if (this.next instanceof Failure failure) {
				throw JsonRpcTransportException.wrap(failure.cause());
			}
			return this.next != END;
		}

		@Override
		@SuppressWarnings("unchecked")
		public T next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			T item = (T) this.next;
			this.next = null;
			if (++this.consumed % BATCH == 0) {
				this.subscription.thenAccept((subscription) -> subscription.request(BATCH));
			}
			return item;
		}

		void cancel() {
			this.subscription.thenAccept(Flow.Subscription::cancel);
		}

		private record Failure(Throwable cause) {
		}

	}

}
