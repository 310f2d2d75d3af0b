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
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Runs tasks one at a time, in the order offered, on an {@link Executor}, holding at most
 * a number of bytes of tasks that wait: the thread that reads a connection hands work to
 * it without ever blocking, and a slow task cannot make the queue grow without bound. One
 * waiting task is always accepted, whatever its size.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class SerialLane {

	private static final Log logger = LogFactory.getLog(SerialLane.class);

	private final Executor executor;

	private final long maxBytes;

	private final AtomicInteger work = new AtomicInteger();

	private final ArrayDeque<Task> queue = new ArrayDeque<>();

	private long queuedBytes;

	/**
	 * Create a lane.
	 * @param executor where the tasks run, one at a time
	 * @param maxBytes the most bytes of tasks waiting to run
	 */
	SerialLane(Executor executor, long maxBytes) {
		Assert.notNull(executor, "Executor is required");
		Assert.isTrue(maxBytes > 0, "Max bytes must be positive");
		this.executor = executor;
		this.maxBytes = maxBytes;
	}

	/**
	 * Queue a task; never blocks.
	 * @param task the task
	 * @param bytes what it holds until it runs, e.g. the size of the message it handles
	 * @return {@code false} if the task was not taken: the waiting tasks would exceed the
	 * limit
	 */
	boolean offer(Runnable task, long bytes) {
		synchronized (this) {
			if (!this.queue.isEmpty() && this.queuedBytes + bytes > this.maxBytes) {
				return false;
			}
			this.queue.add(new Task(task, bytes));
			this.queuedBytes += bytes;
		}
		if (this.work.getAndIncrement() == 0) {
			try {
				this.executor.execute(this::drain);
			}
			catch (RejectedExecutionException ex) {
				// the client is closed: nothing runs any more
				logger.debug("Delivery executor rejected a task", ex);
			}
		}
		return true;
	}

	/**
	 * Return the bytes of the tasks waiting to run.
	 * @return the bytes
	 */
	synchronized long queuedBytes() {
		return this.queuedBytes;
	}

	private void drain() {
		int missed = 1;
		do {
			@Nullable Task next;
			while ((next = poll()) != null) {
				try {
					next.task().run();
				}
				catch (RuntimeException ex) {
					logger.warn("A task of the client failed", ex);
				}
			}
			missed = this.work.addAndGet(-missed);
		}
		while (missed != 0);
	}

	private synchronized @Nullable Task poll() {
		Task next = this.queue.poll();
		if (next != null) {
			this.queuedBytes -= next.bytes();
		}
		return next;
	}

	private record Task(Runnable task, long bytes) {
	}

}
