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
package io.github.jsonrpc.pubsub.redis;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Whether Redis answers, judged from the commands a {@link RedisJsonRpcPubSubBackend}
 * sends: Redis counts as unavailable once a command fails, or once commands have waited
 * longer than the timeout without any answer (a backlog that Redis works through is not
 * an outage). Commands are never cancelled: what Lettuce holds is counted, in bytes,
 * until it completes, so that the bytes waiting for Redis stay bounded. At most one
 * {@code PING} waits for Redis at a time, whether it probes an unavailable Redis or
 * answers a health check: Lettuce holds a command sent while it is disconnected until it
 * reconnects, cancelled or not.
 */
final class RedisCommandTracker {

	private static final Log logger = LogFactory.getLog(RedisJsonRpcPubSubBackend.class);

	private static final long WARNING_INTERVAL_NANOS = Duration.ofSeconds(10).toNanos();

	private final long timeoutNanos;

	private final long maxPendingSize;

	private final AtomicLong pendingSize = new AtomicLong();

	// the last PING sent, the one waiting for Redis until it completes (guarded by this)
	private @Nullable CompletableFuture<@Nullable String> lastPing;

	private final AtomicLong nextWarning;

	private final AtomicLong suppressedWarnings = new AtomicLong();

	private final LongSupplier nanoClock;

	private volatile long lastProgress;

	private volatile long lastAnswer;

	private volatile boolean available = true;

	private volatile @Nullable String lastFailure;

	RedisCommandTracker(Duration timeout, long maxPendingSize) {
		this(timeout, maxPendingSize, System::nanoTime);
	}

	/**
	 * Create a tracker on a clock of its own, as tests do.
	 * @param timeout how long commands may wait without any answer
	 * @param maxPendingSize the most bytes waiting for Redis
	 * @param nanoClock the clock, as {@link System#nanoTime()}
	 */
	RedisCommandTracker(Duration timeout, long maxPendingSize, LongSupplier nanoClock) {
		this.timeoutNanos = timeout.toNanos();
		this.maxPendingSize = maxPendingSize;
		this.nanoClock = nanoClock;
		long now = nanoClock.getAsLong();
		this.lastProgress = now;
		this.lastAnswer = now;
		this.nextWarning = new AtomicLong(now);
	}

	/**
	 * Return whether commands can be sent: Redis answers, as far as is known.
	 * @param ping sends a {@code PING}, to probe an unavailable Redis
	 * @return {@code true} if Redis is available
	 */
	boolean isAvailable(Supplier<Mono<String>> ping) {
		if (this.available && this.pendingSize.get() > 0
				&& this.nanoClock.getAsLong() - this.lastProgress > this.timeoutNanos) {
			failed("waiting for Redis", noAnswer());
		}
		if (!this.available) {
			ping(ping);
		}
		return this.available;
	}

	/**
	 * Return the {@code PING} waiting for Redis, sending one if none waits; its answer
	 * counts as one of Redis.
	 * @param ping sends a {@code PING}
	 * @return its answer, {@code null} if it completes without one
	 */
	synchronized CompletableFuture<@Nullable String> ping(Supplier<Mono<String>> ping) {
		CompletableFuture<@Nullable String> last = this.lastPing;
		if (last != null && !last.isDone()) {
			return last;
		}
		// answered before the future completes: whoever waits for it sees Redis available
		CompletableFuture<@Nullable String> sent = ping.get().doOnNext((pong) -> answered()).toFuture();
		this.lastPing = sent;
		return sent;
	}

	/**
	 * Count a command that is about to be sent, unless too many bytes wait already.
	 * @param size its size in bytes
	 * @return {@code true} if it may be sent
	 */
	boolean reserve(long size) {
		long before = this.pendingSize.getAndAdd(size);
		if (before + size > this.maxPendingSize) {
			this.pendingSize.addAndGet(-size);
			return false;
		}
		if (before == 0) {
			// nothing was waiting: time starts now
			this.lastProgress = this.nanoClock.getAsLong();
		}
		return true;
	}

	/**
	 * Send a command counted by {@link #reserve(long)}, and track its outcome.
	 * @param command the command, subscribed here
	 * @param size its size in bytes
	 * @param what what it sends, for the log
	 */
	void send(Mono<?> command, long size, Supplier<String> what) {
		command.doFinally((signal) -> this.pendingSize.addAndGet(-size))
			.subscribe(null, (ex) -> failed("sending " + what.get(), ex.toString()), this::answered);
	}

	/**
	 * Record that a command sent at the given time got no answer within the timeout:
	 * Redis is unavailable, unless it answered another command meanwhile (a backlog it
	 * works through).
	 * @param what what was tried
	 * @param sentNanos when it was sent, on the tracker's clock ({@link #now()})
	 */
	void unanswered(String what, long sentNanos) {
		if (this.lastAnswer - sentNanos <= 0) {
			failed(what, noAnswer());
		}
	}

	/**
	 * Return the time on the tracker's clock.
	 * @return the time in nanoseconds, as {@link System#nanoTime()}
	 */
	long now() {
		return this.nanoClock.getAsLong();
	}

	/**
	 * Return why a command counts as unanswered.
	 * @return the reason, for the log and the last failure
	 */
	String noAnswer() {
		return "no answer within " + Duration.ofNanos(this.timeoutNanos).toMillis() + " ms";
	}

	/**
	 * Record that Redis answered.
	 */
	void answered() {
		long now = this.nanoClock.getAsLong();
		this.lastProgress = now;
		this.lastAnswer = now;
		if (!this.available) {
			this.available = true;
			logger.info("Redis answers again: publications reach every instance");
		}
	}

	/**
	 * Record that a command failed: Redis is unavailable.
	 * @param what what was tried
	 * @param failure what happened
	 */
	void failed(String what, String failure) {
		this.lastFailure = what + ": " + failure;
		if (this.available) {
			this.available = false;
			logger.warn("Redis is unavailable (" + what + " failed: " + failure
					+ "); publications are delivered on this instance only until it answers again");
		}
	}

	boolean isAvailable() {
		return this.available;
	}

	@Nullable String lastFailure() {
		return this.lastFailure;
	}

	/**
	 * Log a warning, at most one per 10 seconds, counting the others.
	 * @param message the message
	 */
	void warn(String message) {
		long now = this.nanoClock.getAsLong();
		long next = this.nextWarning.get();
		if (now - next >= 0 && this.nextWarning.compareAndSet(next, now + WARNING_INTERVAL_NANOS)) {
			long suppressed = this.suppressedWarnings.getAndSet(0);
			logger.warn(message + ((suppressed > 0) ? " (" + suppressed + " similar warnings suppressed)" : ""));
		}
		else {
			this.suppressedWarnings.incrementAndGet();
		}
	}

}
