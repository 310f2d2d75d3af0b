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
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A {@link Flow.Publisher} of one subscriber over a buffer bounded in bytes, between a
 * transport that pushes items (a stream's items, a topic's notifications) and a
 * subscriber that requests them. {@link #offer} never blocks the transport's thread,
 * which offers each item as it reads it: an item received and not yet delivered waits in
 * the buffer (whether the subscriber requested it or not), counted at the size of the
 * message it arrived in (as the transport received it) plus {@link #ITEM_OVERHEAD}; one
 * that would take the buffer over its limit fails the subscriber with a
 * {@link JsonRpcTransportException} and runs the overflow action (cancelling the call,
 * ending the subscription) on the offering thread. One item is always accepted, whatever
 * its size: the transport's message limit bounds it.
 *
 * <p>
 * Signals are serialized and run on the executor, one drain at a time per publisher, so a
 * subscriber that is slow in {@code onNext} holds one of the executor's threads and never
 * the transport's: what it has not taken waits in this buffer, nowhere else.
 * {@code Runnable::run} delivers on the thread that offered or requested.
 *
 * <p>
 * Items of a result that was already received whole are not buffered:
 * {@link #completeWith} hands them to the subscriber one at a time as it requests them,
 * never counted against the limit.
 *
 * <p>
 * If the executor rejects a drain (the client is closed, or its executor is shut down or
 * full) the publisher ends at once: the subscriber gets {@code onError} with a
 * {@link JsonRpcTransportException} (or {@code onComplete} if nothing was left to
 * deliver) on the thread that was rejected, undelivered items are dropped, the cancel
 * action runs, and a warning is logged. A subscriber that throws from a signal is
 * considered to have cancelled (Reactive Streams rule 2.13): the cancel action runs and
 * the error is logged; a {@link VirtualMachineError} is rethrown after the same.
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

	private static final Log logger = LogFactory.getLog(BoundedItemPublisher.class);

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

	private @Nullable Collected<?, ? extends T> collected;

	private boolean terminated;

	private boolean subscribed;

	private boolean rejectionLogged;

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
						+ " were received and not yet delivered to the subscriber: it was cancelled");
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
	 * Complete the subscriber with the items of a result already held in memory, after
	 * the buffered ones: each is handed out only when requested, so they are not counted
	 * against the limit. Each is converted when it is delivered; an exception from the
	 * converter fails the subscriber and runs the cancel action.
	 * @param items the remaining items, not converted yet
	 * @param converter converts one item for the subscriber
	 * @param <S> the type of the items held
	 */
	<S> void completeWith(List<S> items, Function<? super S, ? extends T> converter) {
		synchronized (this) {
			if (isClosed()) {
				return;
			}
			this.collected = new Collected<>(items, converter);
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
				rejected(ex);
			}
		}
	}

	// nothing will drain: end the subscriber here, once, and let a later signal retry
	private void rejected(RejectedExecutionException ex) {
		Flow.Subscriber<? super T> target = this.subscriber;
		Throwable error = null;
		boolean complete = false;
		boolean warn;
		boolean cancel = false;
		synchronized (this) {
			warn = !this.rejectionLogged && !this.terminated && !this.cancelled.get();
			this.rejectionLogged = true;
			if (this.failure == null && !(this.completed && this.buffer.isEmpty() && !hasCollected())) {
				this.failure = new JsonRpcTransportException("The client's delivery executor rejected the delivery "
						+ "of " + this.what + " (client closed, or executor shut down or full)", ex);
				cancel = true;
			}
			this.buffer.clear();
			this.bufferedBytes = 0;
			this.collected = null;
			if (target != null && !this.terminated) {
				this.terminated = true;
				if (this.cancelled.get()) {
					// cancelled: no more signals
				}
				else if (this.failure != null) {
					error = this.failure;
				}
				else {
					complete = true;
				}
			}
		}
		this.work.set(0);
		if (warn) {
			logger.warn("Delivery executor rejected the delivery of " + this.what + ": the subscriber is ended", ex);
		}
		if (cancel) {
			cancelOnce();
		}
		if (error != null) {
			signal(target, null, error, false);
		}
		else if (complete) {
			signal(target, null, null, true);
		}
	}

	private void drain() {
		int missed = 1;
		try {
			do {
				while (signalOne()) {
					// until nothing can be signalled
				}
				missed = this.work.addAndGet(-missed);
			}
			while (missed != 0);
		}
		finally {
			if (missed != 0) {
				// left by a VirtualMachineError: the publisher is terminated, a later
				// signal may drain again
				this.work.set(0);
			}
		}
	}

	// called with the lock held
	private boolean hasCollected() {
		Collected<?, ? extends T> items = this.collected;
		return items != null && items.hasNext();
	}

	private boolean signalOne() {
		Flow.Subscriber<? super T> target = this.subscriber;
		T item = null;
		Throwable error = null;
		Supplier<? extends T> pull = null;
		synchronized (this) {
			if (target == null || this.terminated) {
				return false;
			}
			if (this.failure != null) {
				error = this.failure;
				this.terminated = true;
				this.collected = null;
			}
			else if (this.cancelled.get()) {
				this.terminated = true;
				this.buffer.clear();
				this.bufferedBytes = 0;
				this.collected = null;
				return false;
			}
			else if (!this.buffer.isEmpty() && this.demand > 0) {
				Entry<T> entry = this.buffer.poll();
				this.bufferedBytes -= entry.bytes();
				this.demand--;
				item = entry.item();
			}
			else if (this.buffer.isEmpty() && this.demand > 0 && hasCollected()) {
				this.demand--;
				pull = this.collected.next();
			}
			else if (this.buffer.isEmpty() && this.completed && !hasCollected()) {
				this.terminated = true;
				this.collected = null;
			}
			else {
				return false;
			}
		}
		if (pull != null) {
			try {
				item = pull.get();
			}
			catch (RuntimeException ex) {
				synchronized (this) {
					this.terminated = true;
					this.collected = null;
				}
				cancelOnce();
				error = JsonRpcTransportException.wrap(ex);
			}
			if (item == null && error == null) {
				// Reactive Streams carry no nulls: skipped
				synchronized (this) {
					this.demand++;
				}
				return true;
			}
		}
		return signal(target, item, error, item == null && error == null);
	}

	// a subscriber that throws is considered cancelled (Reactive Streams rule 2.13)
	private boolean signal(Flow.Subscriber<? super T> target, @Nullable T item, @Nullable Throwable error,
			boolean complete) {
		try {
			if (error != null) {
				target.onError(error);
			}
			else if (item != null) {
				target.onNext(item);
			}
			else if (complete) {
				target.onComplete();
			}
			return true;
		}
		catch (VirtualMachineError ex) {
			subscriberFailed();
			throw ex;
		}
		catch (Throwable ex) {
			logger.warn("Subscriber of " + this.what + " failed; it is considered cancelled", ex);
			subscriberFailed();
			return false;
		}
	}

	private void subscriberFailed() {
		synchronized (this) {
			this.terminated = true;
			this.buffer.clear();
			this.bufferedBytes = 0;
			this.collected = null;
		}
		cancelOnce();
	}

	private record Entry<T>(T item, long bytes) {
	}

	// the items of a result held whole, taken one at a time with the publisher's lock
	// held
	private static final class Collected<S, T> {

		private final List<S> items;

		private final Function<? super S, ? extends T> converter;

		private int next;

		Collected(List<S> items, Function<? super S, ? extends T> converter) {
			this.items = items;
			this.converter = converter;
		}

		boolean hasNext() {
			return this.next < this.items.size();
		}

		// the conversion runs when the supplier is called, outside the lock
		Supplier<T> next() {
			S item = this.items.get(this.next);
			// released as it is handed out
			this.items.set(this.next++, null);
			return () -> this.converter.apply(item);
		}

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
