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
package io.github.jsonrpc.server.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.protocol.JsonRpcEncodedMessage;

import static io.github.jsonrpc.server.connection.TestMessages.message;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link OutboundQueue}: one write at a time, in order, whichever thread
 * completes a write, with no object per message to tell the writes apart.
 */
class OutboundQueueTests {

	private final JsonRpcMemoryBudget budget = JsonRpcMemoryBudget.of(1024 * 1024);

	@Test
	void writeCompletedOnAnotherThreadBeforeWriteReturnsHandsTheRestToThatThread() throws Exception {
		List<String> written = new CopyOnWriteArrayList<>();
		List<String> threads = new CopyOnWriteArrayList<>();
		AtomicInteger concurrent = new AtomicInteger();
		CountDownLatch firstWriting = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		OutboundQueue queue = new OutboundQueue(16, 1024, this.budget, null, (message, completion) -> {
			assertThat(concurrent.incrementAndGet()).as("one write at a time").isOne();
			written.add(message.text());
			threads.add(Thread.currentThread().getName());
			if (message.text().equals("a")) {
				firstWriting.countDown();
				await(release);
				// the container completes on its own thread, and the writer returns after
				Thread completer = new Thread(() -> {
					concurrent.decrementAndGet();
					completion.completed(null);
				}, "completer");
				completer.start();
				join(completer);
				return;
			}
			concurrent.decrementAndGet();
			completion.completed(null);
		}, Runnable::run, (failure) -> {
			throw new AssertionError(failure);
		});
		ExecutorService publisher = Executors.newSingleThreadExecutor((task) -> new Thread(task, "publisher"));
		try {
			Future<OutboundQueue.Offer> first = publisher.submit(() -> queue.offer(message("a"), null, Long.MAX_VALUE));
			assertThat(firstWriting.await(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
			assertThat(queue.offer(message("b"), null, Long.MAX_VALUE)).isEqualTo(OutboundQueue.Offer.QUEUED);
			assertThat(queue.offer(message("c"), null, Long.MAX_VALUE)).isEqualTo(OutboundQueue.Offer.QUEUED);
			assertThat(queue.size()).isEqualTo(3);
			release.countDown();
			assertThat(first.get(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS))
				.isEqualTo(OutboundQueue.Offer.QUEUED);
		}
		finally {
			publisher.shutdownNow();
		}
		assertThat(written).containsExactly("a", "b", "c");
		// b and c were written by the thread that completed a, each completing inline
		assertThat(threads).containsExactly("publisher", "completer", "completer");
		assertThat(queue.size()).isZero();
		assertThat(queue.bytes()).isZero();
		assertThat(this.budget.used()).isZero();
		// idle again: the next offer writes at once, on the offering thread
		assertThat(queue.offer(message("d"), null, Long.MAX_VALUE)).isEqualTo(OutboundQueue.Offer.QUEUED);
		assertThat(written).containsExactly("a", "b", "c", "d");
	}

	@Test
	void offerIsRefusedOnceAWriteIsUnderWayForLongerThanAllowed() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		OutboundQueue queue = new OutboundQueue(16, 1024, this.budget, null, (message, completion) -> {
			Thread later = new Thread(() -> {
				await(release);
				completion.completed(null);
			});
			later.start();
		}, Runnable::run, (failure) -> {
			throw new AssertionError(failure);
		});
		assertThat(queue.offer(message("a"), null, Long.MAX_VALUE)).isEqualTo(OutboundQueue.Offer.QUEUED);
		// the write of a is under way: within the limit b is queued, past it refused
		assertThat(queue.offer(message("b"), null, Long.MAX_VALUE)).isEqualTo(OutboundQueue.Offer.QUEUED);
		assertThat(queue.offer(message("c"), null, -1)).isEqualTo(OutboundQueue.Offer.STUCK);
		assertThat(queue.size()).isEqualTo(2);
		assertThat(this.budget.used()).isEqualTo(2);
		release.countDown();
	}

	@Test
	void bufferingWriterGetsEverythingQueuedDuringAFlushInTheNextFlushInOrder() throws Exception {
		BufferingWriter writer = new BufferingWriter();
		OutboundQueue queue = new OutboundQueue(16, 1024, this.budget, null, writer, Runnable::run, (failure) -> {
			throw new AssertionError(failure);
		});
		// idle queue: a is buffered at once, then flushed (the flush waits for the
		// client)
		assertThat(queue.offer(message("a"), null, Long.MAX_VALUE)).isEqualTo(OutboundQueue.Offer.QUEUED);
		assertThat(writer.flushes).containsExactly(List.of("a"));
		// while that flush is under way, b, c, d only queue; they count against the
		// limits
		for (String text : List.of("b", "c", "d")) {
			assertThat(queue.offer(message(text), null, Long.MAX_VALUE)).isEqualTo(OutboundQueue.Offer.QUEUED);
		}
		// a, in the flush under way, counts until it is written
		assertThat(queue.size()).isEqualTo(4);
		assertThat(queue.bytes()).isEqualTo(4);
		assertThat(this.budget.used()).isEqualTo(4);
		assertThat(writer.buffered).isEmpty();
		// the client takes a: b, c, d go out in one flush, in their order
		writer.completeFlush();
		assertThat(writer.flushes).containsExactly(List.of("a"), List.of("b", "c", "d"));
		assertThat(writer.idles.get()).isZero();
		writer.completeFlush();
		// nothing queued meanwhile: the writer is told once, and the queue is empty
		assertThat(writer.idles.get()).isOne();
		assertThat(queue.size()).isZero();
		assertThat(queue.bytes()).isZero();
		assertThat(this.budget.used()).isZero();
		assertThat(writer.events).containsExactly("write a", "flush", "write b", "write c", "write d", "flush", "idle");
	}

	@Test
	void flushUnderWayCountsAgainstTheLimitsAndTheSendTimeLimit() {
		BufferingWriter writer = new BufferingWriter();
		OutboundQueue queue = new OutboundQueue(3, 1024, this.budget, null, writer, Runnable::run, (failure) -> {
			throw new AssertionError(failure);
		});
		assertThat(queue.offer(message("a"), null, Long.MAX_VALUE)).isEqualTo(OutboundQueue.Offer.QUEUED);
		// the flush of a is stuck: it counts as one message, and past the time limit
		// nothing more is taken
		assertThat(queue.isStuck(System.nanoTime() + 1_000_000, 0)).isTrue();
		assertThat(queue.offer(message("b"), null, Long.MAX_VALUE)).isEqualTo(OutboundQueue.Offer.QUEUED);
		assertThat(queue.offer(message("c"), null, Long.MAX_VALUE)).isEqualTo(OutboundQueue.Offer.QUEUED);
		assertThat(queue.offer(message("d"), null, Long.MAX_VALUE)).isEqualTo(OutboundQueue.Offer.FULL);
		assertThat(queue.offer(message("e"), null, -1)).isEqualTo(OutboundQueue.Offer.STUCK);
		// and in bytes: a message larger than what is left is refused
		OutboundQueue small = new OutboundQueue(100, 4, this.budget, null, new BufferingWriter(), Runnable::run,
				(failure) -> {
					throw new AssertionError(failure);
				});
		assertThat(small.offer(message("abc"), null, Long.MAX_VALUE)).isEqualTo(OutboundQueue.Offer.QUEUED);
		assertThat(small.offer(message("d"), null, Long.MAX_VALUE)).isEqualTo(OutboundQueue.Offer.QUEUED);
		assertThat(small.offer(message("e"), null, Long.MAX_VALUE)).isEqualTo(OutboundQueue.Offer.FULL);
	}

	@Test
	void bufferedMessagesCountUntilTheFlushWritesThem() {
		BufferingWriter writer = new BufferingWriter();
		writer.holdFirstWrite = true;
		OutboundQueue queue = new OutboundQueue(16, 1024, this.budget, null, writer, Runnable::run, (failure) -> {
			throw new AssertionError(failure);
		});
		// a is being written (into the buffer); b and c queue behind it
		assertThat(queue.offer(message("a"), null, Long.MAX_VALUE)).isEqualTo(OutboundQueue.Offer.QUEUED);
		assertThat(queue.offer(message("bb"), null, Long.MAX_VALUE)).isEqualTo(OutboundQueue.Offer.QUEUED);
		assertThat(queue.offer(message("ccc"), null, Long.MAX_VALUE)).isEqualTo(OutboundQueue.Offer.QUEUED);
		// a goes into the buffer, then b and c; the flush of all three is under way
		writer.completeHeldWrite();
		assertThat(writer.flushes).containsExactly(List.of("a", "bb", "ccc"));
		assertThat(queue.size()).isEqualTo(3);
		assertThat(queue.bytes()).isEqualTo(6);
		assertThat(this.budget.used()).isEqualTo(6);
		writer.completeFlush();
		assertThat(queue.size()).isZero();
		assertThat(queue.bytes()).isZero();
		assertThat(this.budget.used()).isZero();
	}

	@Test
	void bufferHoldingHalfTheLimitIsFlushedBeforeMoreIsWritten() {
		BufferingWriter writer = new BufferingWriter();
		writer.holdFirstWrite = true;
		OutboundQueue queue = new OutboundQueue(4, 1024, this.budget, null, writer, Runnable::run, (failure) -> {
			throw new AssertionError(failure);
		});
		for (String text : List.of("a", "b", "c", "d")) {
			assertThat(queue.offer(message(text), null, Long.MAX_VALUE)).isEqualTo(OutboundQueue.Offer.QUEUED);
		}
		writer.completeHeldWrite();
		// two buffered reach half the message limit: flushed with c and d still queued
		assertThat(writer.flushes).containsExactly(List.of("a", "b"));
		assertThat(queue.size()).isEqualTo(4);
		writer.completeFlush();
		assertThat(writer.flushes).containsExactly(List.of("a", "b"), List.of("c", "d"));
		assertThat(queue.size()).isEqualTo(2);
		writer.completeFlush();
		assertThat(queue.size()).isZero();
		// and half the byte limit
		BufferingWriter bytesWriter = new BufferingWriter();
		bytesWriter.holdFirstWrite = true;
		OutboundQueue bytes = new OutboundQueue(100, 8, this.budget, null, bytesWriter, Runnable::run, (failure) -> {
			throw new AssertionError(failure);
		});
		for (String text : List.of("abc", "d", "e")) {
			assertThat(bytes.offer(message(text), null, Long.MAX_VALUE)).isEqualTo(OutboundQueue.Offer.QUEUED);
		}
		bytesWriter.completeHeldWrite();
		assertThat(bytesWriter.flushes).containsExactly(List.of("abc", "d"));
		bytesWriter.completeFlush();
		bytesWriter.completeFlush();
		assertThat(bytesWriter.flushes).containsExactly(List.of("abc", "d"), List.of("e"));
		assertThat(bytes.bytes()).isZero();
		assertThat(this.budget.used()).isZero();
	}

	@Test
	void bufferedMessageTakesTheBudgetLikeAQueuedOne() {
		JsonRpcMemoryBudget budget = JsonRpcMemoryBudget.of(2);
		BufferingWriter writer = new BufferingWriter();
		OutboundQueue queue = new OutboundQueue(16, 1024, budget, null, writer, Runnable::run, (failure) -> {
			throw new AssertionError(failure);
		});
		List<OutboundQueue.Offer> offers = new ArrayList<>();
		// a is in the writer's buffer, nothing is queued and nothing is being written:
		// the queue is not empty for the one message over the budget
		writer.afterBuffering.set(() -> {
			assertThat(queue.size()).isOne();
			// one byte over the budget: refused
			offers.add(queue.offer(message("bb"), null, Long.MAX_VALUE));
			// exactly at the budget: queued
			offers.add(queue.offer(message("c"), null, Long.MAX_VALUE));
		});
		assertThat(queue.offer(message("a"), null, Long.MAX_VALUE)).isEqualTo(OutboundQueue.Offer.QUEUED);
		assertThat(offers).containsExactly(OutboundQueue.Offer.OVER_BUDGET, OutboundQueue.Offer.QUEUED);
		assertThat(budget.used()).isEqualTo(2);
		assertThat(writer.flushes).containsExactly(List.of("a", "c"));
		writer.completeFlush();
		assertThat(budget.used()).isZero();
		// nothing counted any more: the one message over the budget is taken again
		assertThat(queue.offer(message("ddd"), null, Long.MAX_VALUE)).isEqualTo(OutboundQueue.Offer.QUEUED);
		assertThat(budget.used()).isEqualTo(3);
		writer.completeFlush();
		assertThat(budget.used()).isZero();
		assertThat(queue.size()).isZero();
	}

	@Test
	void flushUnderWayOfWhatTheQueueNoLongerCountsRefusesTheMessageOverTheBudget() {
		JsonRpcMemoryBudget budget = JsonRpcMemoryBudget.of(1);
		AtomicReference<JsonRpcConnection.WriteCompletion> flushing = new AtomicReference<>();
		OutboundQueue queue = new OutboundQueue(16, 1024, budget, null, new OutboundQueue.Writer() {

			@Override
			public void write(JsonRpcEncodedMessage message, JsonRpcConnection.WriteCompletion completion) {
				// reported written (e.g. too large to batch), the flush still follows
				completion.completed(null);
			}

			@Override
			public boolean flush(JsonRpcConnection.WriteCompletion completion) {
				flushing.set(completion);
				return true;
			}

		}, Runnable::run, (failure) -> {
			throw new AssertionError(failure);
		});
		assertThat(queue.offer(message("a"), null, Long.MAX_VALUE)).isEqualTo(OutboundQueue.Offer.QUEUED);
		assertThat(flushing.get()).isNotNull();
		assertThat(queue.size()).isZero();
		// another connection spends the budget while the flush is under way
		assertThat(budget.tryReserve(1)).isTrue();
		assertThat(queue.offer(message("b"), null, Long.MAX_VALUE)).isEqualTo(OutboundQueue.Offer.OVER_BUDGET);
		assertThat(budget.used()).isOne();
	}

	@Test
	void messageInTheWritersBufferIsNotWrittenUntilTheFlushCompletes() {
		BufferingWriter writer = new BufferingWriter();
		OutboundQueue queue = new OutboundQueue(16, 1024, this.budget, null, writer, Runnable::run, (failure) -> {
			throw new AssertionError(failure);
		});
		long created = queue.lastWritten();
		// a goes into the buffer on the offering thread, before write returns; the flush
		// waits for the client
		assertThat(queue.offer(message("a"), null, Long.MAX_VALUE)).isEqualTo(OutboundQueue.Offer.QUEUED);
		assertThat(writer.flushes).containsExactly(List.of("a"));
		assertThat(queue.lastWritten()).isEqualTo(created);
		long beforeFlushCompleted = System.nanoTime();
		writer.completeFlush();
		assertThat(queue.lastWritten()).isGreaterThanOrEqualTo(beforeFlushCompleted);
		// and a message buffered after write returned (the completion on another call)
		BufferingWriter held = new BufferingWriter();
		held.holdFirstWrite = true;
		OutboundQueue later = new OutboundQueue(16, 1024, this.budget, null, held, Runnable::run, (failure) -> {
			throw new AssertionError(failure);
		});
		long laterCreated = later.lastWritten();
		assertThat(later.offer(message("b"), null, Long.MAX_VALUE)).isEqualTo(OutboundQueue.Offer.QUEUED);
		held.completeHeldWrite();
		assertThat(held.flushes).containsExactly(List.of("b"));
		assertThat(later.lastWritten()).isEqualTo(laterCreated);
		long beforeLaterFlushCompleted = System.nanoTime();
		held.completeFlush();
		assertThat(later.lastWritten()).isGreaterThanOrEqualTo(beforeLaterFlushCompleted);
	}

	@Test
	void failedFlushRunsTheFailureActionOnce() {
		BufferingWriter writer = new BufferingWriter();
		List<Throwable> failures = new CopyOnWriteArrayList<>();
		OutboundQueue queue = new OutboundQueue(16, 1024, this.budget, null, writer, Runnable::run, failures::add);
		long created = queue.lastWritten();
		assertThat(queue.offer(message("a"), null, Long.MAX_VALUE)).isEqualTo(OutboundQueue.Offer.QUEUED);
		assertThat(queue.offer(message("b"), null, Long.MAX_VALUE)).isEqualTo(OutboundQueue.Offer.QUEUED);
		IllegalStateException broken = new IllegalStateException("connection reset");
		writer.pending.getAndSet(null).completed(broken);
		assertThat(failures).containsExactly(broken);
		assertThat(writer.idles.get()).isZero();
		// nothing reached the client
		assertThat(queue.lastWritten()).isEqualTo(created);
	}

	@Test
	void writerThatBuffersNothingIsNeverToldIdle() {
		List<String> written = new ArrayList<>();
		AtomicInteger flushes = new AtomicInteger();
		OutboundQueue queue = new OutboundQueue(16, 1024, this.budget, null, new OutboundQueue.Writer() {

			@Override
			public void write(JsonRpcEncodedMessage message, JsonRpcConnection.WriteCompletion completion) {
				written.add(message.text());
				completion.completed(null);
			}

			@Override
			public boolean flush(JsonRpcConnection.WriteCompletion completion) {
				flushes.incrementAndGet();
				return false;
			}

			@Override
			public void idle() {
				throw new AssertionError("not flushed, so never idle");
			}

		}, Runnable::run, (failure) -> {
			throw new AssertionError(failure);
		});
		assertThat(queue.offer(message("a"), null, Long.MAX_VALUE)).isEqualTo(OutboundQueue.Offer.QUEUED);
		assertThat(queue.offer(message("b"), null, Long.MAX_VALUE)).isEqualTo(OutboundQueue.Offer.QUEUED);
		assertThat(written).containsExactly("a", "b");
		assertThat(flushes.get()).isEqualTo(2);
		assertThat(queue.size()).isZero();
	}

	/**
	 * A writer like Tomcat's batching buffer: a write completes at once into the buffer,
	 * a flush completes when the test says the client took the bytes.
	 */
	private static final class BufferingWriter implements OutboundQueue.Writer {

		final List<String> buffered = new ArrayList<>();

		final List<List<String>> flushes = new CopyOnWriteArrayList<>();

		final List<String> events = new CopyOnWriteArrayList<>();

		final AtomicReference<JsonRpcConnection.WriteCompletion> pending = new AtomicReference<>();

		final AtomicInteger idles = new AtomicInteger();

		// the first write completes when the test says so (else at once)
		boolean holdFirstWrite;

		final AtomicReference<JsonRpcConnection.WriteCompletion> heldWrite = new AtomicReference<>();

		// runs once, after the next write went into the buffer and before it returns
		// (the moment another thread may offer while the queue counts it as buffered)
		final AtomicReference<Runnable> afterBuffering = new AtomicReference<>();

		@Override
		public void write(JsonRpcEncodedMessage message, JsonRpcConnection.WriteCompletion completion) {
			synchronized (this) {
				assertThat(this.pending.get()).as("no write while a flush is under way").isNull();
				this.events.add("write " + message.text());
				this.buffered.add(message.text());
				if (this.holdFirstWrite) {
					this.holdFirstWrite = false;
					this.heldWrite.set(completion);
					return;
				}
			}
			completion.buffered();
			Runnable hook = this.afterBuffering.getAndSet(null);
			if (hook != null) {
				hook.run();
			}
		}

		void completeHeldWrite() {
			this.heldWrite.getAndSet(null).buffered();
		}

		@Override
		public synchronized boolean flush(JsonRpcConnection.WriteCompletion completion) {
			assertThat(this.pending.get()).as("one flush at a time").isNull();
			this.events.add("flush");
			this.flushes.add(List.copyOf(this.buffered));
			this.buffered.clear();
			this.pending.set(completion);
			return true;
		}

		@Override
		public void idle() {
			assertThat(this.pending.get()).as("idle only once the flush completed").isNull();
			this.events.add("idle");
			this.idles.incrementAndGet();
		}

		void completeFlush() {
			this.pending.getAndSet(null).completed(null);
		}

	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	private static void join(Thread thread) {
		try {
			thread.join(TestWaits.SHORT.toMillis());
			assertThat(thread.isAlive()).as("%s ended", thread.getName()).isFalse();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

}
