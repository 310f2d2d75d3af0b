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

import org.junit.jupiter.api.Test;

import io.github.jsonrpc.protocol.JsonRpcEncodedMessage;
import io.github.jsonrpc.server.connection.ConnectionCallQueueTests.ManualExecutor;
import io.github.jsonrpc.server.connection.OutboundQueue.Offer;

import static io.github.jsonrpc.server.connection.TestMessages.message;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the limits and the back-pressure of {@link OutboundQueue}: a message is
 * refused at exactly the message or byte limit, a waiting producer is woken on the
 * executor once the queue is below half full, a paused queue writes nothing, a closed one
 * gives back its bytes, and a writer that throws fails the queue once.
 *
 * @author JSON-RPC for Spring Boot team
 */
class OutboundQueueBackPressureTests {

	private final JsonRpcMemoryBudget budget = JsonRpcMemoryBudget.of(1024);

	private final HeldWriter writer = new HeldWriter();

	private final ManualExecutor executor = new ManualExecutor();

	private final List<Throwable> failures = new CopyOnWriteArrayList<>();

	@Test
	void messageLimitRefusesTheMessageAtExactlyTheLimit() {
		OutboundQueue queue = queue(3, 1024);
		// a is being written, b and c wait: three messages not written
		assertThat(offer(queue, "a")).isEqualTo(Offer.QUEUED);
		assertThat(offer(queue, "b")).isEqualTo(Offer.QUEUED);
		assertThat(offer(queue, "c")).isEqualTo(Offer.QUEUED);
		assertThat(queue.size()).isEqualTo(3);
		assertThat(offer(queue, "d")).isEqualTo(Offer.FULL);
		assertThat(queue.size()).isEqualTo(3);
		assertThat(queue.bytes()).isEqualTo(3);
		assertThat(this.budget.used()).isEqualTo(3);
		// one written: room for exactly one more
		this.writer.completeNext();
		assertThat(offer(queue, "d")).isEqualTo(Offer.QUEUED);
		assertThat(offer(queue, "e")).isEqualTo(Offer.FULL);
		this.writer.completeAll();
		assertThat(this.writer.written).containsExactly("a", "b", "c", "d");
		assertThat(queue.size()).isZero();
		assertThat(this.budget.used()).isZero();
	}

	@Test
	void byteLimitRefusesTheMessageOneByteOverIt() {
		OutboundQueue queue = queue(100, 5);
		assertThat(offer(queue, "abc")).isEqualTo(Offer.QUEUED);
		assertThat(offer(queue, "de")).isEqualTo(Offer.QUEUED);
		assertThat(queue.bytes()).isEqualTo(5);
		assertThat(offer(queue, "f")).isEqualTo(Offer.FULL);
		OutboundQueue oneLess = queue(100, 4);
		assertThat(offer(oneLess, "abc")).isEqualTo(Offer.QUEUED);
		assertThat(offer(oneLess, "de")).isEqualTo(Offer.FULL);
		assertThat(oneLess.bytes()).isEqualTo(3);
		assertThat(this.budget.used()).isEqualTo(8);
	}

	@Test
	void producerWaitsUntilTheQueueHoldsLessThanHalfItsMessagesAndIsWokenOnTheExecutor() {
		OutboundQueue queue = queue(4, 1024);
		List<String> woken = new ArrayList<>();
		// one of four: room at once
		assertThat(queue.offer(message("a"), () -> woken.add("a"), Long.MAX_VALUE)).isEqualTo(Offer.QUEUED);
		assertThat(woken).containsExactly("a");
		assertThat(queue.isBelowHalf()).isTrue();
		// two of four, exactly half: it waits, as a stream reader does
		assertThat(queue.offer(message("b"), () -> woken.add("b"), Long.MAX_VALUE)).isEqualTo(Offer.QUEUED);
		assertThat(queue.isBelowHalf()).isFalse();
		assertThat(queue.offer(message("c"), () -> woken.add("c"), Long.MAX_VALUE)).isEqualTo(Offer.QUEUED);
		assertThat(woken).containsExactly("a");
		// a written: two left, still half
		this.writer.completeNext();
		assertThat(this.executor.tasks).isEmpty();
		// b written: one left, woken on the executor, not on the completing thread
		this.writer.completeNext();
		assertThat(woken).containsExactly("a");
		assertThat(this.executor.tasks).hasSize(1);
		this.executor.runAll();
		assertThat(woken).containsExactly("a", "b", "c");
		// woken once
		this.writer.completeAll();
		assertThat(this.executor.tasks).isEmpty();
		assertThat(woken).containsExactly("a", "b", "c");
	}

	@Test
	void producerWaitsUntilTheQueueHoldsLessThanHalfItsBytes() {
		OutboundQueue queue = queue(100, 4);
		List<String> woken = new ArrayList<>();
		// two bytes of four, exactly half: it waits
		assertThat(queue.offer(message("ab"), () -> woken.add("ab"), Long.MAX_VALUE)).isEqualTo(Offer.QUEUED);
		assertThat(woken).isEmpty();
		this.writer.completeNext();
		this.executor.runAll();
		assertThat(woken).containsExactly("ab");
		// one byte: room at once
		assertThat(queue.offer(message("c"), () -> woken.add("c"), Long.MAX_VALUE)).isEqualTo(Offer.QUEUED);
		assertThat(woken).containsExactly("ab", "c");
		assertThat(queue.offer(message("de"), () -> woken.add("de"), Long.MAX_VALUE)).isEqualTo(Offer.QUEUED);
		assertThat(woken).containsExactly("ab", "c");
		// c written: two bytes left, still half
		this.writer.completeNext();
		assertThat(this.executor.tasks).isEmpty();
		// de written: woken
		this.writer.completeNext();
		this.executor.runAll();
		assertThat(woken).containsExactly("ab", "c", "de");
	}

	@Test
	void producerIsWokenOnTheCompletingThreadWhenTheExecutorRejects() {
		this.executor.rejecting = true;
		OutboundQueue queue = queue(2, 1024);
		List<String> woken = new ArrayList<>();
		assertThat(queue.offer(message("a"), null, Long.MAX_VALUE)).isEqualTo(Offer.QUEUED);
		assertThat(queue.offer(message("b"), () -> woken.add("b"), Long.MAX_VALUE)).isEqualTo(Offer.QUEUED);
		assertThat(woken).isEmpty();
		// a written: one of two left, still half
		this.writer.completeNext();
		assertThat(woken).isEmpty();
		this.writer.completeNext();
		assertThat(woken).containsExactly("b");
	}

	@Test
	void refusedOrClosedOfferNeverWakesItsProducer() {
		OutboundQueue queue = queue(1, 1024);
		List<String> woken = new ArrayList<>();
		assertThat(offer(queue, "a")).isEqualTo(Offer.QUEUED);
		assertThat(queue.offer(message("b"), () -> woken.add("b"), Long.MAX_VALUE)).isEqualTo(Offer.FULL);
		OutboundQueue waiting = queue(2, 1024);
		assertThat(offer(waiting, "a")).isEqualTo(Offer.QUEUED);
		assertThat(waiting.offer(message("c"), () -> woken.add("c"), Long.MAX_VALUE)).isEqualTo(Offer.QUEUED);
		waiting.close();
		assertThat(waiting.offer(message("d"), () -> woken.add("d"), Long.MAX_VALUE)).isEqualTo(Offer.CLOSED);
		this.writer.completeAll();
		this.executor.runAll();
		assertThat(woken).isEmpty();
	}

	@Test
	void pausedQueueWritesNothingUntilEveryPauseIsUndone() {
		OutboundQueue queue = queue(16, 1024);
		queue.pause();
		queue.pause();
		assertThat(offer(queue, "a")).isEqualTo(Offer.QUEUED);
		assertThat(this.writer.written).isEmpty();
		queue.resume();
		assertThat(this.writer.written).isEmpty();
		queue.resume();
		assertThat(this.writer.written).containsExactly("a");
		// a write under way completes while paused, the next waits
		assertThat(offer(queue, "b")).isEqualTo(Offer.QUEUED);
		queue.pause();
		this.writer.completeNext();
		assertThat(this.writer.written).containsExactly("a");
		assertThat(queue.size()).isOne();
		queue.resume();
		assertThat(this.writer.written).containsExactly("a", "b");
		// nothing queued: resuming writes nothing, the next offer writes at once
		this.writer.completeAll();
		queue.pause();
		queue.resume();
		assertThat(this.writer.written).containsExactly("a", "b");
		assertThat(offer(queue, "c")).isEqualTo(Offer.QUEUED);
		assertThat(this.writer.written).containsExactly("a", "b", "c");
	}

	@Test
	void writerIsToldWhetherMoreMessagesAreQueuedBehindTheOneItWrites() {
		OutboundQueue queue = queue(16, 1024);
		assertThat(offer(queue, "a")).isEqualTo(Offer.QUEUED);
		assertThat(offer(queue, "b")).isEqualTo(Offer.QUEUED);
		assertThat(offer(queue, "c")).isEqualTo(Offer.QUEUED);
		this.writer.completeAll();
		assertThat(this.writer.more).containsExactly(false, true, false);
	}

	@Test
	void closedQueueGivesBackItsBytesAndTheLateCompletionOfItsWriteCountsNothing() {
		OutboundQueue queue = queue(16, 1024);
		assertThat(offer(queue, "ab")).isEqualTo(Offer.QUEUED);
		assertThat(offer(queue, "c")).isEqualTo(Offer.QUEUED);
		assertThat(this.budget.used()).isEqualTo(3);
		queue.close();
		// what is queued is dropped, the write under way still counts until it completes
		assertThat(queue.size()).isOne();
		assertThat(queue.bytes()).isZero();
		assertThat(this.budget.used()).isZero();
		assertThat(offer(queue, "d")).isEqualTo(Offer.CLOSED);
		assertThat(this.budget.used()).isZero();
		// the write of ab completes after the close: c is never written
		this.writer.completeAll();
		assertThat(this.writer.written).containsExactly("ab");
		assertThat(queue.size()).isZero();
		assertThat(queue.bytes()).isZero();
		assertThat(this.budget.used()).isZero();
		queue.close();
		assertThat(this.budget.used()).isZero();
	}

	@Test
	void writeUnderWayIsStuckOnlyPastTheLimit() {
		OutboundQueue queue = queue(16, 1024);
		assertThat(queue.isStuck(System.nanoTime() + 1_000_000_000L, 0)).isFalse();
		long before = System.nanoTime();
		assertThat(offer(queue, "a")).isEqualTo(Offer.QUEUED);
		long after = System.nanoTime();
		assertThat(queue.isStuck(after, after - before)).isFalse();
		assertThat(queue.isStuck(before, 0)).isFalse();
		assertThat(queue.isStuck(after + 1, 0)).isTrue();
		assertThat(queue.offer(message("b"), null, Long.MAX_VALUE)).isEqualTo(Offer.QUEUED);
		assertThat(queue.offer(message("c"), null, -1)).isEqualTo(Offer.STUCK);
		assertThat(queue.size()).isEqualTo(2);
		this.writer.completeAll();
		assertThat(queue.isStuck(System.nanoTime() + 1_000_000_000L, 0)).isFalse();
	}

	@Test
	void writerThatThrowsFailsTheQueue() {
		IllegalStateException broken = new IllegalStateException("broken");
		OutboundQueue queue = new OutboundQueue(16, 1024, this.budget, null, (message, completion) -> {
			throw broken;
		}, this.executor, this.failures::add);
		assertThat(offer(queue, "a")).isEqualTo(Offer.QUEUED);
		assertThat(this.failures).containsExactly(broken);
		// no write counts as under way any more
		assertThat(queue.isStuck(System.nanoTime() + 1_000_000_000L, 0)).isFalse();
	}

	@Test
	void writerWhoseFlushOrIdleThrowsFailsTheQueue() {
		IllegalStateException broken = new IllegalStateException("broken");
		OutboundQueue flushing = new OutboundQueue(16, 1024, this.budget, null, new OutboundQueue.Writer() {

			@Override
			public void write(JsonRpcEncodedMessage message, JsonRpcConnection.WriteCompletion completion) {
				completion.buffered();
			}

			@Override
			public boolean flush(JsonRpcConnection.WriteCompletion completion) {
				throw broken;
			}

		}, this.executor, this.failures::add);
		assertThat(offer(flushing, "a")).isEqualTo(Offer.QUEUED);
		assertThat(this.failures).containsExactly(broken);
		IllegalStateException idleBroken = new IllegalStateException("idle broken");
		OutboundQueue idling = new OutboundQueue(16, 1024, this.budget, null, new OutboundQueue.Writer() {

			@Override
			public void write(JsonRpcEncodedMessage message, JsonRpcConnection.WriteCompletion completion) {
				completion.buffered();
			}

			@Override
			public boolean flush(JsonRpcConnection.WriteCompletion completion) {
				completion.completed(null);
				return true;
			}

			@Override
			public void idle() {
				throw idleBroken;
			}

		}, this.executor, this.failures::add);
		assertThat(offer(idling, "a")).isEqualTo(Offer.QUEUED);
		assertThat(this.failures).containsExactly(broken, idleBroken);
		assertThat(idling.size()).isZero();
	}

	@Test
	void failedWriteFailsTheQueueAndIsNotAWrite() {
		OutboundQueue queue = queue(16, 1024);
		long created = queue.lastWritten();
		assertThat(offer(queue, "a")).isEqualTo(Offer.QUEUED);
		IllegalStateException broken = new IllegalStateException("reset");
		this.writer.completions.remove(0).completed(broken);
		assertThat(this.failures).containsExactly(broken);
		assertThat(queue.lastWritten()).isEqualTo(created);
		long beforeWrite = System.nanoTime();
		OutboundQueue ok = queue(16, 1024);
		assertThat(offer(ok, "b")).isEqualTo(Offer.QUEUED);
		this.writer.completeAll();
		assertThat(ok.lastWritten()).isGreaterThanOrEqualTo(beforeWrite);
	}

	@Test
	void producerIsWokenOnceTheWritesThatCompleteAtOnceMadeRoom() {
		// the first write waits for the client, the others complete before they return
		List<JsonRpcConnection.WriteCompletion> held = new ArrayList<>();
		List<String> written = new ArrayList<>();
		OutboundQueue queue = new OutboundQueue(4, 1024, this.budget, null, (message, completion) -> {
			written.add(message.text());
			if (written.size() == 1) {
				held.add(completion);
				return;
			}
			completion.completed(null);
		}, this.executor, this.failures::add);
		List<String> woken = new ArrayList<>();
		for (String text : List.of("a", "b", "c")) {
			assertThat(offer(queue, text)).isEqualTo(Offer.QUEUED);
		}
		assertThat(queue.offer(message("d"), () -> woken.add("d"), Long.MAX_VALUE)).isEqualTo(Offer.QUEUED);
		// a written: b, c and d follow at once, then the producer is woken
		held.remove(0).completed(null);
		assertThat(written).containsExactly("a", "b", "c", "d");
		this.executor.runAll();
		assertThat(woken).containsExactly("d");
		assertThat(queue.size()).isZero();
	}

	@Test
	void writerThatFlushedItsBufferOnItsOwnGivesBackWhatItBuffered() {
		List<String> events = new ArrayList<>();
		OutboundQueue queue = new OutboundQueue(16, 1024, this.budget, null, new OutboundQueue.Writer() {

			@Override
			public void write(JsonRpcEncodedMessage message, JsonRpcConnection.WriteCompletion completion) {
				events.add("write " + message.text());
				completion.buffered();
			}

			@Override
			public boolean flush(JsonRpcConnection.WriteCompletion completion) {
				// the buffer filled up and was sent meanwhile: nothing left to flush
				events.add("flush");
				return false;
			}

		}, this.executor, this.failures::add);
		assertThat(offer(queue, "ab")).isEqualTo(Offer.QUEUED);
		assertThat(events).containsExactly("write ab", "flush");
		assertThat(queue.size()).isZero();
		assertThat(queue.bytes()).isZero();
		assertThat(this.budget.used()).isZero();
	}

	private OutboundQueue queue(int maxMessages, long maxBytes) {
		return new OutboundQueue(maxMessages, maxBytes, this.budget, null, this.writer, this.executor,
				this.failures::add);
	}

	private static Offer offer(OutboundQueue queue, String text) {
		return queue.offer(message(text), null, Long.MAX_VALUE);
	}

	/**
	 * A writer whose writes complete when the test says so, like a client that reads when
	 * told.
	 */
	private static final class HeldWriter implements OutboundQueue.Writer {

		final List<String> written = new ArrayList<>();

		final List<Boolean> more = new ArrayList<>();

		final List<JsonRpcConnection.WriteCompletion> completions = new ArrayList<>();

		@Override
		public void write(JsonRpcEncodedMessage message, JsonRpcConnection.WriteCompletion completion) {
			throw new AssertionError("the queue says whether more follow");
		}

		@Override
		public void write(JsonRpcEncodedMessage message, boolean more, JsonRpcConnection.WriteCompletion completion) {
			this.written.add(message.text());
			this.more.add(more);
			this.completions.add(completion);
		}

		void completeNext() {
			this.completions.remove(0).completed(null);
		}

		void completeAll() {
			while (!this.completions.isEmpty()) {
				completeNext();
			}
		}

	}

}
