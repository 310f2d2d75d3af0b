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

/**
 * The calls of one connection on the executor shared by all connections: at most
 * {@code maxConcurrency} run at once, the others wait here, in arrival order, rather than
 * in the shared executor's queue, so that a connection with many slow calls takes no more
 * than its share of the executor's threads and the calls of other connections do not
 * queue behind them. Closing drops the calls still waiting.
 *
 * @param <T> the type of call
 * @author JSON-RPC for Spring Boot team
 */
final class ConnectionCallQueue<T extends Runnable> {

	private final Executor executor;

	private final int maxConcurrency;

	private final Consumer<T> onRejected;

	private final ArrayDeque<T> waiting = new ArrayDeque<>();

	private int running;

	private boolean closed;

	/**
	 * Create a queue.
	 * @param executor the shared executor
	 * @param maxConcurrency how many calls may run at once
	 * @param onRejected what to do with a waiting call the executor later rejects
	 */
	ConnectionCallQueue(Executor executor, int maxConcurrency, Consumer<T> onRejected) {
		this.executor = executor;
		this.maxConcurrency = maxConcurrency;
		this.onRejected = onRejected;
	}

	/**
	 * Run a call on the executor, or queue it until a running one ends.
	 * @param call the call
	 * @throws RejectedExecutionException if the queue is closed or the executor rejects
	 * the call
	 */
	void execute(T call) {
		synchronized (this) {
			if (this.closed) {
				throw new RejectedExecutionException("Connection closed");
			}
			if (this.running >= this.maxConcurrency) {
				this.waiting.add(call);
				return;
			}
			this.running++;
		}
		try {
			submit(call);
		}
		catch (RuntimeException ex) {
			ended();
			throw ex;
		}
	}

	/**
	 * Return the number of calls waiting to run.
	 * @return the count
	 */
	synchronized int waiting() {
		return this.waiting.size();
	}

	/**
	 * Return the number of calls running now.
	 * @return the count
	 */
	synchronized int running() {
		return this.running;
	}

	/**
	 * Refuse further calls and drop the waiting ones.
	 * @return the calls that were waiting and will never run
	 */
	List<T> close() {
		synchronized (this) {
			this.closed = true;
			List<T> dropped = new ArrayList<>(this.waiting);
			this.waiting.clear();
			return dropped;
		}
	}

	private void submit(T call) {
		this.executor.execute(() -> {
			try {
				call.run();
			}
			finally {
				ended();
			}
		});
	}

	private void ended() {
		while (true) {
			T next;
			synchronized (this) {
				next = this.waiting.poll();
				if (next == null) {
					this.running--;
					return;
				}
			}
			// the next one goes to the back of the shared executor's queue: others first
			try {
				submit(next);
				return;
			}
			catch (RuntimeException ex) {
				this.onRejected.accept(next);
			}
		}
	}

}
