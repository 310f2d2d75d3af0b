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

package io.github.jsonrpc.server.method;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import io.github.jsonrpc.server.JsonRpcException;
import org.jspecify.annotations.Nullable;

/**
 * Applies the {@link JsonRpcMethodLimits} of one method to each call: a call over the
 * concurrency limit fails at once, a call over its timeout fails with {@code -32005} and
 * its work is cancelled (which interrupts a blocking method's thread). A permit is held
 * until the work completes or is cancelled: a timed-out method that ignores the interrupt
 * may still run after its permit is back. The timeouts of every method share one timer
 * thread, ending 10 s after the last pending timeout; a call answered in time takes its
 * timeout off the timer at once, so nothing of the call stays reachable until the timeout
 * would have elapsed.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class JsonRpcMethodGuard {

	private static final ScheduledThreadPoolExecutor sharedTimer = newTimer();

	private final @Nullable Duration timeout;

	private final long timeoutNanos;

	private final @Nullable Semaphore permits;

	private final ScheduledExecutorService timer;

	JsonRpcMethodGuard(JsonRpcMethodLimits limits) {
		this(limits, sharedTimer);
	}

	JsonRpcMethodGuard(JsonRpcMethodLimits limits, ScheduledExecutorService timer) {
		this.timeout = limits.timeout();
		// saturates where Duration.toNanos() throws (ChronoUnit.FOREVER)
		this.timeoutNanos = (this.timeout != null) ? TimeUnit.NANOSECONDS.convert(this.timeout) : 0;
		this.permits = (limits.maxConcurrency() > 0) ? new Semaphore(limits.maxConcurrency()) : null;
		this.timer = timer;
	}

	/**
	 * Create a timer of method timeouts, as the one all guards share.
	 * @return a timer whose cancelled tasks leave its queue at once
	 */
	static ScheduledThreadPoolExecutor newTimer() {
		ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, (task) -> {
			// started by whichever call first has a timeout: it takes none of that
			// thread's inheritable thread-locals, and the library's class loader rather
			// than that thread's (an application's, which it would keep reachable)
			Thread thread = new Thread(null, task, "jsonrpc-method-timeout", 0, false);
			thread.setContextClassLoader(JsonRpcMethodGuard.class.getClassLoader());
			thread.setDaemon(true);
			return thread;
		});
		// unlike CompletableFuture.delayedExecutor, whose task holds the call until the
		// timeout elapses however early the call completed
		timer.setRemoveOnCancelPolicy(true);
		// no thread from 10 s after the last timeout (the pool never lets its last
		// thread go while a task is queued), nothing to shut down
		timer.setKeepAliveTime(10, TimeUnit.SECONDS);
		timer.allowCoreThreadTimeOut(true);
		return timer;
	}

	CompletableFuture<@Nullable Object> call(Supplier<CompletableFuture<@Nullable Object>> work) {
		Semaphore permits = this.permits;
		if (permits != null && !permits.tryAcquire()) {
			return CompletableFuture.failedFuture(limitExceeded("max-concurrency", "Too many concurrent calls"));
		}
		CompletableFuture<@Nullable Object> running;
		try {
			running = work.get();
		}
		catch (RuntimeException | Error ex) {
			if (permits != null) {
				permits.release();
			}
			throw ex;
		}
		if (permits != null) {
			running.whenComplete((result, ex) -> permits.release());
		}
		if (this.timeout == null || running.isDone()) {
			return running;
		}
		CompletableFuture<@Nullable Object> answer = new CompletableFuture<>();
		running.whenComplete((result, ex) -> {
			if (ex != null) {
				answer.completeExceptionally(ex);
			}
			else {
				answer.complete(result);
			}
		});
		// the answer's stages run on the default async pool, as they did with
		// delayedExecutor, not on the one timer thread
		ScheduledFuture<?> expiry = this.timer.schedule(() -> CompletableFuture.runAsync(() -> {
			if (answer.completeExceptionally(limitExceeded("timeout", "Call timed out"))) {
				// interrupts a blocking method, cancels a future the method returned
				running.cancel(true);
			}
		}), this.timeoutNanos, TimeUnit.NANOSECONDS);
		// answered, failed, cancelled by the caller or timed out: off the timer
		answer.whenComplete((result, ex) -> expiry.cancel(false));
		return answer;
	}

	private static JsonRpcException limitExceeded(String reason, String message) {
		return new JsonRpcException(JsonRpcErrorCodes.LIMIT_EXCEEDED, message, Map.of("reason", reason));
	}

}
