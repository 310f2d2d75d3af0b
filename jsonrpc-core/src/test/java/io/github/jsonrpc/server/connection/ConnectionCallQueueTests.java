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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ConnectionCallQueue} on an executor the test runs by hand: at most
 * {@code maxConcurrency} calls run (exactly the limit, not one more), the others wait in
 * order, and a rejecting executor neither loses nor leaks a slot.
 *
 * @author JSON-RPC for Spring Boot team
 */
class ConnectionCallQueueTests {

	private final ManualExecutor executor = new ManualExecutor();

	private final List<String> ran = new ArrayList<>();

	private final List<Call> rejected = new ArrayList<>();

	@Test
	void runsAtMostTheLimitAndTheRestInOrder() {
		ConnectionCallQueue<Call> queue = new ConnectionCallQueue<>(this.executor, 2, this.rejected::add);
		queue.execute(new Call("a"));
		queue.execute(new Call("b"));
		assertThat(queue.running()).isEqualTo(2);
		assertThat(queue.waiting()).isZero();
		queue.execute(new Call("c"));
		queue.execute(new Call("d"));
		assertThat(queue.running()).isEqualTo(2);
		assertThat(queue.waiting()).isEqualTo(2);
		assertThat(this.executor.tasks).hasSize(2);
		// one ends: the next waiting one is submitted, at the back of the executor
		this.executor.runNext();
		assertThat(this.ran).containsExactly("a");
		assertThat(queue.running()).isEqualTo(2);
		assertThat(queue.waiting()).isEqualTo(1);
		this.executor.runAll();
		assertThat(this.ran).containsExactly("a", "b", "c", "d");
		assertThat(queue.running()).isZero();
		assertThat(queue.waiting()).isZero();
		assertThat(this.rejected).isEmpty();
	}

	@Test
	void aFailingCallStillFreesItsSlot() {
		ConnectionCallQueue<Call> queue = new ConnectionCallQueue<>(this.executor, 1, this.rejected::add);
		queue.execute(new Call("fail"));
		queue.execute(new Call("b"));
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(this.executor::runNext);
		assertThat(queue.running()).isEqualTo(1);
		this.executor.runNext();
		assertThat(this.ran).containsExactly("fail", "b");
		assertThat(queue.running()).isZero();
	}

	@Test
	void closeDropsTheWaitingCallsAndRefusesNewOnes() {
		ConnectionCallQueue<Call> queue = new ConnectionCallQueue<>(this.executor, 1, this.rejected::add);
		Call a = new Call("a");
		Call b = new Call("b");
		Call c = new Call("c");
		queue.execute(a);
		queue.execute(b);
		queue.execute(c);
		assertThat(queue.close()).containsExactly(b, c);
		assertThat(queue.waiting()).isZero();
		assertThatExceptionOfType(RejectedExecutionException.class).isThrownBy(() -> queue.execute(new Call("d")))
			.withMessage("Connection closed");
		// the running one ends normally, nothing follows it
		this.executor.runAll();
		assertThat(this.ran).containsExactly("a");
		assertThat(queue.running()).isZero();
	}

	@Test
	void rejectedSubmitGivesTheSlotBack() {
		ConnectionCallQueue<Call> queue = new ConnectionCallQueue<>(this.executor, 1, this.rejected::add);
		this.executor.rejecting = true;
		assertThatExceptionOfType(RejectedExecutionException.class).isThrownBy(() -> queue.execute(new Call("a")));
		assertThat(queue.running()).isZero();
		this.executor.rejecting = false;
		queue.execute(new Call("b"));
		assertThat(queue.running()).isEqualTo(1);
		this.executor.runAll();
		assertThat(this.ran).containsExactly("b");
		assertThat(queue.running()).isZero();
	}

	@Test
	void waitingCallsTheExecutorRejectsAreHandedToTheRejectionHandler() {
		ConnectionCallQueue<Call> queue = new ConnectionCallQueue<>(this.executor, 1, this.rejected::add);
		Call b = new Call("b");
		Call c = new Call("c");
		queue.execute(new Call("a"));
		queue.execute(b);
		queue.execute(c);
		this.executor.rejecting = true;
		this.executor.runNext();
		assertThat(this.rejected).containsExactly(b, c);
		assertThat(queue.running()).isZero();
		assertThat(queue.waiting()).isZero();
		this.executor.rejecting = false;
		queue.execute(new Call("d"));
		this.executor.runAll();
		assertThat(this.ran).containsExactly("a", "d");
	}

	final class Call implements Runnable {

		private final String name;

		Call(String name) {
			this.name = name;
		}

		@Override
		public void run() {
			ConnectionCallQueueTests.this.ran.add(this.name);
			if (this.name.equals("fail")) {
				throw new IllegalStateException("call failed");
			}
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

	static final class ManualExecutor implements Executor {

		final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

		boolean rejecting;

		@Override
		public void execute(Runnable task) {
			if (this.rejecting) {
				throw new RejectedExecutionException("rejected");
			}
			this.tasks.add(task);
		}

		void runNext() {
			this.tasks.poll().run();
		}

		void runAll() {
			while (!this.tasks.isEmpty()) {
				runNext();
			}
		}

	}

}
