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
import java.util.concurrent.atomic.AtomicBoolean;
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
 * <p>
 * If the executor rejects the lane's drain (the client is closed, or its executor is shut
 * down or full), the offered task and all the tasks waiting with it are dropped, with a
 * warning (the first time; then at debug level), and {@link #offer} returns
 * {@code false}: nothing is held that would never run, and a later offer tries the
 * executor again. A task that throws is logged and the next one runs; a
 * {@link VirtualMachineError} is rethrown, and the tasks still waiting run in a new
 * drain.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class SerialLane {

	private static final Log logger = LogFactory.getLog(SerialLane.class);

	private final Executor executor;

	private final long maxBytes;

	private final AtomicInteger work = new AtomicInteger();

	private final AtomicBoolean rejectionLogged = new AtomicBoolean();

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
	 * limit, or the executor rejected the lane (the waiting tasks are then dropped too)
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
				rejected(ex);
				return false;
			}
		}
		return true;
	}

	// nothing will drain what the lane holds: drop it rather than accept tasks that
	// never run, and let the next offer try the executor again
	private void rejected(RejectedExecutionException ex) {
		int dropped;
		synchronized (this) {
			dropped = this.queue.size();
			this.queue.clear();
			this.queuedBytes = 0;
			this.work.set(0);
		}
		if (this.rejectionLogged.compareAndSet(false, true)) {
			logger.warn("Delivery executor rejected the client's tasks (client closed, or executor shut down or "
					+ "full): dropped " + dropped + " waiting task(s)", ex);
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("Delivery executor rejected the client's tasks: dropped " + dropped + " waiting task(s)", ex);
		}
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
		try {
			do {
				@Nullable Task next;
				while ((next = poll()) != null) {
					run(next);
				}
				missed = this.work.addAndGet(-missed);
			}
			while (missed != 0);
		}
		finally {
			if (missed != 0) {
				// left by a VirtualMachineError: what waits runs in a new drain
				restart();
			}
		}
	}

	private void run(Task next) {
		try {
			next.task().run();
		}
		catch (VirtualMachineError ex) {
			throw ex;
		}
		catch (Throwable ex) {
			logger.warn("A task of the client failed", ex);
		}
	}

	private void restart() {
		boolean waiting;
		synchronized (this) {
			this.work.set(0);
			waiting = !this.queue.isEmpty();
		}
		if (waiting && this.work.getAndIncrement() == 0) {
			try {
				this.executor.execute(this::drain);
			}
			catch (RejectedExecutionException ex) {
				rejected(ex);
			}
		}
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
