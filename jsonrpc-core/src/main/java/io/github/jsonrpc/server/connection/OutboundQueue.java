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

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import io.github.jsonrpc.protocol.JsonRpcEncodedMessage;

/**
 * The bounded, ordered outbound queue of one connection. {@link #offer} never blocks: it
 * queues and starts writing if nothing is being written; one message is written at a
 * time, by whichever thread finds the queue idle or by the completion of the previous
 * write. Limits count every message not yet completely written, in messages and in bytes.
 * Every queued byte is also reserved from the {@link JsonRpcMemoryBudget} shared by all
 * connections; when it is spent, only a connection with nothing queued gets its message
 * (readers that keep up are not closed for the backlog of others). Going over a limit
 * makes {@code offer} refuse the message; a failed write runs the failure action. Both
 * end in the connection's slow-consumer or overload policy.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class OutboundQueue {

	private final int maxMessages;

	private final long maxBytes;

	private final JsonRpcMemoryBudget budget;

	private final JsonRpcMemoryBudget.@Nullable Holder holder;

	private final Writer writer;

	private final Executor executor;

	private final Consumer<Throwable> onFailure;

	private final ArrayDeque<JsonRpcEncodedMessage> queue = new ArrayDeque<>();

	private final List<Runnable> waiting = new ArrayList<>();

	private long bytes;

	private int writingCount;

	private boolean writing;

	private long writeStarted;

	private volatile long lastWritten = System.nanoTime();

	private boolean closed;

	private int paused;

	// the one write under way (guarded by this): no object per message, since a queue
	// writes one message at a time; the generation tells a write from a later one
	private final JsonRpcConnection.WriteCompletion completion = new JsonRpcConnection.WriteCompletion() {

		@Override
		public void completed(@Nullable Throwable failure) {
			OutboundQueue.this.completed(failure, false);
		}

		@Override
		public void buffered() {
			OutboundQueue.this.completed(null, true);
		}

	};

	private @Nullable JsonRpcEncodedMessage current;

	private @Nullable Thread currentThread;

	private long generation;

	private boolean currentReturned;

	private boolean currentCompletedInline;

	// a write completed since the last flush: the writer may hold it in a buffer
	private boolean unflushed;

	// the writer was flushed and has not been told yet that nothing more follows
	private boolean flushedSinceIdle;

	// the messages the writer took into its own buffer since the last flush, and their
	// bytes: counted against the limits (and the budget) until a flush writes them
	private int buffered;

	private long bufferedBytes;

	OutboundQueue(int maxMessages, long maxBytes, JsonRpcMemoryBudget budget,
			JsonRpcMemoryBudget.@Nullable Holder holder, Writer writer, Executor executor,
			Consumer<Throwable> onFailure) {
		this.maxMessages = maxMessages;
		this.maxBytes = maxBytes;
		this.budget = budget;
		this.holder = holder;
		this.writer = writer;
		this.executor = executor;
		this.onFailure = onFailure;
	}

	/**
	 * Queue a message; {@code whenRoom} (if any) runs once the queue is below half of
	 * each limit ({@link #isBelowHalf()}), at once if it already is.
	 * @param stuckAfterNanos how long a write may take before the queue refuses more
	 * @return whether the message was queued, else which limit refused it
	 */
	Offer offer(JsonRpcEncodedMessage message, @Nullable Runnable whenRoom, long stuckAfterNanos) {
		boolean roomNow;
		boolean startWriting;
		// outside this queue's lock: making room may close (and so lock) other queues
		boolean reserved = this.budget.tryReserve(message.size(), this.holder);
		synchronized (this) {
			if (this.closed) {
				release(reserved, message);
				return Offer.CLOSED;
			}
			// checked under the lock taken anyway, the clock read only while writing
			if (this.writingCount > 0 && System.nanoTime() - this.writeStarted > stuckAfterNanos) {
				release(reserved, message);
				return Offer.STUCK;
			}
			if (count() >= this.maxMessages || this.bytes + message.size() > this.maxBytes) {
				release(reserved, message);
				return Offer.FULL;
			}
			if (!reserved) {
				// a message in the writer's buffer is not written yet either; a flush
				// under way may hold bytes the queue no longer counts
				if (count() > 0 || this.writingCount > 0) {
					return Offer.OVER_BUDGET;
				}
				// a connection that keeps up is not closed for the backlog of others:
				// one message over the budget at most, until it is written
				this.budget.reserve(message.size());
			}
			this.queue.add(message);
			this.bytes += message.size();
			roomNow = hasRoom();
			if (whenRoom != null && !roomNow) {
				this.waiting.add(whenRoom);
			}
			startWriting = !this.writing && this.paused == 0;
			this.writing |= startWriting;
		}
		if (startWriting) {
			pump();
		}
		if (whenRoom != null && roomNow) {
			whenRoom.run();
		}
		return Offer.QUEUED;
	}

	private void release(boolean reserved, JsonRpcEncodedMessage message) {
		if (reserved) {
			this.budget.release(message.size());
		}
	}

	/**
	 * Stop handing messages to the writer (a write under way completes) until as many
	 * {@link #resume()} calls; messages are still queued meanwhile, in order.
	 */
	synchronized void pause() {
		this.paused++;
	}

	/**
	 * Undo one {@link #pause()}; writing starts again once none is left.
	 */
	void resume() {
		boolean startWriting;
		synchronized (this) {
			this.paused--;
			startWriting = this.paused == 0 && !this.writing && !this.queue.isEmpty();
			this.writing |= startWriting;
		}
		if (startWriting) {
			pump();
		}
	}

	/**
	 * Return the number of messages not completely written yet.
	 * @return the count
	 */
	synchronized int size() {
		return count();
	}

	// the messages queued, being written, or in the writer's buffer (a flush under way
	// counts as the messages it writes)
	private int count() {
		return this.queue.size() + ((this.current != null) ? 1 : 0) + this.buffered;
	}

	/**
	 * Return the bytes of the messages not completely written yet.
	 * @return the byte count
	 */
	synchronized long bytes() {
		return this.bytes;
	}

	/**
	 * Return when a message was last written completely (a message that only went into
	 * the writer's buffer counts once the flush that writes it completes).
	 * @return the {@link System#nanoTime()} of the last completed write or flush
	 */
	long lastWritten() {
		return this.lastWritten;
	}

	/**
	 * Return whether a write has been under way for longer than a limit.
	 * @param now the current {@link System#nanoTime()}
	 * @param limitNanos the limit
	 * @return {@code true} when the client is not taking what is written
	 */
	synchronized boolean isStuck(long now, long limitNanos) {
		return this.writingCount > 0 && now - this.writeStarted > limitNanos;
	}

	/**
	 * Drop everything queued and refuse further messages.
	 */
	synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		this.queue.clear();
		this.waiting.clear();
		// the message being written too: its completion no longer counts
		this.budget.release(this.bytes);
		this.bytes = 0;
		this.buffered = 0;
		this.bufferedBytes = 0;
	}

	/**
	 * Return whether the queue holds less than half of each limit: the one definition of
	 * "room" for both a streaming producer waiting to offer more and a transport waiting
	 * to read more (at exactly half, neither goes on).
	 * @return {@code true} below half of both limits
	 */
	synchronized boolean isBelowHalf() {
		return hasRoom();
	}

	private boolean hasRoom() {
		return 2L * count() < this.maxMessages && 2 * this.bytes < this.maxBytes;
	}

	// a flush completed, or found nothing buffered
	private void releaseBuffered() {
		if (!this.closed) {
			this.bytes -= this.bufferedBytes;
			this.budget.release(this.bufferedBytes);
		}
		this.buffered = 0;
		this.bufferedBytes = 0;
	}

	// what the writer buffered reached half a limit: written before more is taken, so
	// that a backlog that never drains is not counted up to the limit
	private boolean bufferFull() {
		return 2L * this.buffered >= this.maxMessages || 2 * this.bufferedBytes >= this.maxBytes;
	}

	private void pump() {
		while (true) {
			JsonRpcEncodedMessage next;
			boolean flush = false;
			boolean idle = false;
			boolean more = false;
			long started;
			synchronized (this) {
				next = (this.closed || this.paused > 0 || (this.unflushed && bufferFull())) ? null : this.queue.poll();
				if (next == null) {
					if (this.closed) {
						this.writing = false;
						break;
					}
					if (this.unflushed) {
						// nothing more to write for now: send what the writer buffered
						// (all that was queued meanwhile went into one write)
						this.unflushed = false;
						flush = true;
					}
					else if (this.flushedSinceIdle) {
						this.flushedSinceIdle = false;
						idle = true;
					}
					else {
						this.writing = false;
						break;
					}
				}
				more = !this.queue.isEmpty();
				if (!idle) {
					// still counted until written: the container holds it meanwhile
					this.writingCount = 1;
					this.writeStarted = System.nanoTime();
					this.current = next;
					this.currentThread = Thread.currentThread();
					this.currentReturned = false;
					this.currentCompletedInline = false;
				}
				started = ++this.generation;
			}
			if (idle) {
				try {
					this.writer.idle();
				}
				catch (RuntimeException ex) {
					failed(ex);
					return;
				}
				continue;
			}
			try {
				if (flush) {
					if (!this.writer.flush(this.completion)) {
						synchronized (this) {
							// nothing was buffered: no completion follows
							this.writingCount = 0;
							this.current = null;
							releaseBuffered();
						}
						continue;
					}
				}
				else {
					this.writer.write(next, more, this.completion);
				}
			}
			catch (RuntimeException ex) {
				failed(ex);
				return;
			}
			synchronized (this) {
				if (this.generation != started) {
					// completed on another thread, which went on with the next write
					return;
				}
				if (!this.currentCompletedInline) {
					// the completion carries on
					this.currentReturned = true;
					return;
				}
			}
		}
		wakeWaiting();
	}

	private void completed(@Nullable Throwable failure, boolean inBuffer) {
		synchronized (this) {
			JsonRpcEncodedMessage message = this.current;
			this.current = null;
			this.writingCount = 0;
			if (!this.closed && message != null) {
				if (inBuffer) {
					// not written yet: counted until the flush
					this.buffered++;
					this.bufferedBytes += message.size();
				}
				else {
					this.bytes -= message.size();
					this.budget.release(message.size());
				}
			}
			if (failure == null) {
				// a message may sit in the writer's buffer; a flush is done
				this.unflushed = message != null;
				this.flushedSinceIdle |= message == null;
				if (message == null) {
					releaseBuffered();
				}
			}
			if (failure == null && !inBuffer) {
				// a message (or a flush) reached the client; one that only went into the
				// writer's buffer did not: a client that takes nothing is not kept alive
				this.lastWritten = System.nanoTime();
			}
			if (failure == null && !this.currentReturned && this.currentThread == Thread.currentThread()) {
				// completed on the writing thread before write returned: its loop goes on
				this.currentCompletedInline = true;
				return;
			}
		}
		if (failure != null) {
			failed(failure);
			return;
		}
		wakeWaiting();
		pump();
	}

	private void failed(Throwable failure) {
		synchronized (this) {
			this.writing = false;
			this.writingCount = 0;
		}
		this.onFailure.accept(failure);
	}

	private void wakeWaiting() {
		List<Runnable> toRun;
		synchronized (this) {
			if (this.waiting.isEmpty() || !hasRoom()) {
				return;
			}
			toRun = new ArrayList<>(this.waiting);
			this.waiting.clear();
		}
		// not on the completing thread: a woken stream offers again, which may write
		Runnable wake = () -> toRun.forEach(Runnable::run);
		try {
			this.executor.execute(wake);
		}
		catch (RejectedExecutionException ex) {
			wake.run();
		}
	}

	/**
	 * What became of an offered message.
	 */
	enum Offer {

		/** Queued, to be written in order. */
		QUEUED,

		/** Refused: the connection's own limits are reached. */
		FULL,

		/** Refused: the memory budget shared by all connections is spent. */
		OVER_BUDGET,

		/** Refused: a write has been under way for longer than allowed. */
		STUCK,

		/** Refused: the queue is closed. */
		CLOSED

	}

	/**
	 * Writes one message; exactly one call of the completion follows, on any thread,
	 * possibly before {@code write} returns. A writer that buffers (several messages in
	 * one write to the network) is flushed once the queue has nothing more to write, and
	 * told when it then stays idle.
	 */
	@FunctionalInterface
	interface Writer {

		void write(JsonRpcEncodedMessage message, JsonRpcConnection.WriteCompletion completion);

		/**
		 * Write one message, knowing whether more are queued behind it (a writer that
		 * buffers may gather them, and write a single message at once).
		 * @param message the message
		 * @param more whether more messages were queued when it was taken
		 * @param completion the completion
		 */
		default void write(JsonRpcEncodedMessage message, boolean more, JsonRpcConnection.WriteCompletion completion) {
			write(message, completion);
		}

		/**
		 * Send what earlier writes left buffered.
		 * @param completion called exactly once when this returns {@code true}
		 * @return {@code false} when nothing is buffered (the completion is not called)
		 */
		default boolean flush(JsonRpcConnection.WriteCompletion completion) {
			return false;
		}

		/**
		 * Called after a flush when nothing more was queued meanwhile; never concurrently
		 * with a write.
		 */
		default void idle() {
		}

	}

}
