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

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A {@link Flow.Publisher} of one subscriber over a buffer bounded in bytes, between a
 * transport that pushes items (a stream's items, a topic's notifications) and a
 * subscriber that requests them. {@link #offer} never blocks the transport's thread,
 * which offers each item as it reads it: an item the subscriber has not requested waits
 * in the buffer, counted at the size of the message it arrived in (as the transport
 * received it) plus {@link #ITEM_OVERHEAD}; one that would take the buffer over its limit
 * fails the subscriber with a {@link JsonRpcTransportException} and runs the overflow
 * action (cancelling the call, ending the subscription) on the offering thread. One item
 * is always accepted, whatever its size: the transport's message limit bounds it.
 *
 * <p>
 * Signals are serialized and run on the executor, one drain at a time per publisher, so a
 * subscriber that is slow in {@code onNext} holds one of the executor's threads and never
 * the transport's: what it has not taken waits in this buffer, nowhere else.
 * {@code Runnable::run} delivers on the thread that offered or requested.
 *
 * @param <T> the item type
 * @author JSON-RPC for Spring Boot team
 */
final class BoundedItemPublisher<T> implements Flow.Publisher<T> {

	/**
	 * Bytes counted for each buffered item on top of its message: the queue entry and the
	 * converted object, so that a flood of tiny items is bounded too.
	 */
	static final long ITEM_OVERHEAD = 64;

	private static final Flow.Subscription NO_OP = new Flow.Subscription() {

		@Override
		public void request(long n) {
		}

		@Override
		public void cancel() {
		}

	};

	private final long maxBytes;

	private final String what;

	private final Executor executor;

	private final Runnable cancel;

	private final AtomicBoolean cancelled = new AtomicBoolean();

	private final AtomicInteger work = new AtomicInteger();

	private final ArrayDeque<Entry<T>> buffer = new ArrayDeque<>();

	private long bufferedBytes;

	private long demand;

	private boolean completed;

	private @Nullable Throwable failure;

	private boolean terminated;

	private boolean subscribed;

	private volatile Flow.@Nullable Subscriber<? super T> subscriber;

	/**
	 * Create a publisher.
	 * @param maxBytes the most bytes of items not yet delivered
	 * @param what what the items are, for the overflow message (e.g. "streamed items")
	 * @param executor where the subscriber's signals run
	 * @param cancel what runs once when the subscriber cancels or the buffer overflows
	 */
	BoundedItemPublisher(long maxBytes, String what, Executor executor, Runnable cancel) {
		Assert.isTrue(maxBytes > 0, "Max bytes must be positive");
		this.maxBytes = maxBytes;
		this.what = what;
		this.executor = executor;
		this.cancel = cancel;
	}

	@Override
	public void subscribe(Flow.Subscriber<? super T> subscriber) {
		Assert.notNull(subscriber, "Subscriber is required");
		boolean rejected;
		synchronized (this) {
			rejected = this.subscribed;
			this.subscribed = true;
		}
		if (rejected) {
			subscriber.onSubscribe(NO_OP);
			subscriber.onError(new IllegalStateException("Only one subscriber is supported"));
			return;
		}
		subscriber.onSubscribe(new Subscription());
		// signals start once onSubscribe returned
		this.subscriber = subscriber;
		schedule();
	}

	/**
	 * Offer an item; never blocks.
	 * @param item the item
	 * @param messageBytes the size of the message it arrived in, as the transport
	 * received it; {@code 0} for an item of a result that was already received whole
	 * @return {@code false} if the item was not taken: the publisher is closed, or the
	 * item would take the buffer over its limit (the subscriber then fails)
	 */
	boolean offer(T item, long messageBytes) {
		long bytes = messageBytes + ITEM_OVERHEAD;
		boolean taken;
		synchronized (this) {
			if (isClosed()) {
				return false;
			}
			taken = this.buffer.isEmpty() || this.bufferedBytes + bytes <= this.maxBytes;
			if (taken) {
				this.buffer.add(new Entry<>(item, bytes));
				this.bufferedBytes += bytes;
			}
			else {
				this.failure = new JsonRpcTransportException("More than " + this.maxBytes + " bytes of " + this.what
						+ " were not requested by the subscriber: it was cancelled");
				this.buffer.clear();
				this.bufferedBytes = 0;
			}
		}
		// signals run outside the lock: a subscriber may request from another thread
		schedule();
		if (!taken) {
			cancelOnce();
		}
		return taken;
	}

	/**
	 * Complete the subscriber once the buffered items are delivered.
	 */
	void complete() {
		synchronized (this) {
			if (isClosed()) {
				return;
			}
			this.completed = true;
		}
		schedule();
	}

	/**
	 * Fail the subscriber now; buffered items are dropped.
	 * @param ex the failure
	 */
	void fail(Throwable ex) {
		synchronized (this) {
			if (isClosed()) {
				return;
			}
			this.failure = ex;
			this.buffer.clear();
			this.bufferedBytes = 0;
		}
		schedule();
	}

	/**
	 * Return whether no item is taken any more: completed, failed or cancelled.
	 * @return {@code true} when closed
	 */
	synchronized boolean isClosed() {
		return this.completed || this.failure != null || this.terminated || this.cancelled.get();
	}

	/**
	 * Return the bytes held by items not delivered yet.
	 * @return the bytes
	 */
	synchronized long bufferedBytes() {
		return this.bufferedBytes;
	}

	private void cancelOnce() {
		if (this.cancelled.compareAndSet(false, true)) {
			this.cancel.run();
		}
	}

	private void schedule() {
		if (this.work.getAndIncrement() == 0) {
			try {
				this.executor.execute(this::drain);
			}
			catch (RejectedExecutionException ex) {
				// the client is closed: its subscribers are not signalled any more
			}
		}
	}

	private void drain() {
		int missed = 1;
		do {
			while (signalOne()) {
				// until nothing can be signalled
			}
			missed = this.work.addAndGet(-missed);
		}
		while (missed != 0);
	}

	private boolean signalOne() {
		Flow.Subscriber<? super T> target = this.subscriber;
		T item = null;
		Throwable error = null;
		synchronized (this) {
			if (target == null || this.terminated) {
				return false;
			}
			if (this.failure != null) {
				error = this.failure;
				this.terminated = true;
			}
			else if (this.cancelled.get()) {
				this.terminated = true;
				this.buffer.clear();
				this.bufferedBytes = 0;
				return false;
			}
			else if (!this.buffer.isEmpty() && this.demand > 0) {
				Entry<T> entry = this.buffer.poll();
				this.bufferedBytes -= entry.bytes();
				this.demand--;
				item = entry.item();
			}
			else if (this.buffer.isEmpty() && this.completed) {
				this.terminated = true;
			}
			else {
				return false;
			}
		}
		if (error != null) {
			target.onError(error);
		}
		else if (item != null) {
			target.onNext(item);
		}
		else {
			target.onComplete();
		}
		return true;
	}

	private record Entry<T>(T item, long bytes) {
	}

	private final class Subscription implements Flow.Subscription {

		@Override
		public void request(long n) {
			BoundedItemPublisher<T> publisher = BoundedItemPublisher.this;
			if (n <= 0) {
				// Reactive Streams rule 3.9
				publisher.fail(new IllegalArgumentException("Request must be positive: " + n));
				publisher.cancelOnce();
				return;
			}
			synchronized (publisher) {
				long sum = publisher.demand + n;
				publisher.demand = (sum < 0) ? Long.MAX_VALUE : sum;
			}
			publisher.schedule();
		}

		@Override
		public void cancel() {
			BoundedItemPublisher.this.cancelOnce();
			BoundedItemPublisher.this.schedule();
		}

	}

}
