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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.jsonrpc.TestWaits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link SerialLane}: rejected drains and failing tasks never freeze it.
 */
class SerialLaneTests {

	@Test
	void rejectedDrainDropsWhatTheLaneHoldsAndLaterOffersRunAgain() {
		AtomicInteger rejections = new AtomicInteger(1);
		Executor rejectingOnce = (task) -> {
			if (rejections.getAndDecrement() > 0) {
				throw new RejectedExecutionException("full");
			}
			task.run();
		};
		SerialLane lane = new SerialLane(rejectingOnce, 1_000);
		List<String> ran = new CopyOnWriteArrayList<>();
		assertThat(lane.offer(() -> ran.add("first"), 10)).isFalse();
		assertThat(lane.queuedBytes()).isZero();
		for (int i = 0; i < 5; i++) {
			String name = "task" + i;
			assertThat(lane.offer(() -> ran.add(name), 10)).isTrue();
		}
		assertThat(ran).containsExactly("task0", "task1", "task2", "task3", "task4");
		assertThat(lane.queuedBytes()).isZero();
	}

	@Test
	void closedExecutorIsReportedByEveryOffer() {
		ExecutorService executor = Executors.newSingleThreadExecutor();
		executor.shutdown();
		SerialLane lane = new SerialLane(executor, 1_000);
		for (int i = 0; i < 3; i++) {
			assertThat(lane.offer(() -> {
			}, 10)).isFalse();
			assertThat(lane.queuedBytes()).isZero();
		}
	}

	@Test
	void taskThatThrowsAnErrorDoesNotStopTheNextOnes() {
		SerialLane lane = new SerialLane(Runnable::run, 1_000);
		List<String> ran = new CopyOnWriteArrayList<>();
		assertThat(lane.offer(() -> {
			throw new AssertionError("listener bug");
		}, 10)).isTrue();
		assertThat(lane.offer(() -> {
			throw new IllegalStateException("listener bug");
		}, 10)).isTrue();
		assertThat(lane.offer(() -> ran.add("next"), 10)).isTrue();
		assertThat(ran).containsExactly("next");
		assertThat(lane.queuedBytes()).isZero();
	}

	@Test
	void virtualMachineErrorIsRethrownAndTheWaitingTasksStillRun() throws Exception {
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			SerialLane lane = new SerialLane(executor, 1_000);
			CountDownLatch release = new CountDownLatch(1);
			List<String> ran = new CopyOnWriteArrayList<>();
			assertThat(lane.offer(() -> {
				awaitLatch(release);
				throw new StackOverflowError("deep");
			}, 10)).isTrue();
			assertThat(lane.offer(() -> ran.add("second"), 10)).isTrue();
			release.countDown();
			// the error ends the executor's thread by design: not a failure of this test
			await().dontCatchUncaughtExceptions().atMost(TestWaits.SHORT).until(() -> ran.contains("second"));
			assertThat(lane.offer(() -> ran.add("third"), 10)).isTrue();
			await().dontCatchUncaughtExceptions().atMost(TestWaits.SHORT).until(() -> ran.contains("third"));
			assertThat(ran).containsExactly("second", "third");
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void waitingTasksAreBoundedInBytesButOneIsAlwaysTaken() {
		List<Runnable> drains = new ArrayList<>();
		SerialLane lane = new SerialLane(drains::add, 1_000);
		List<String> ran = new ArrayList<>();
		assertThat(lane.offer(() -> ran.add("large"), 5_000)).isTrue();
		assertThat(lane.queuedBytes()).isEqualTo(5_000);
		assertThat(lane.offer(() -> ran.add("small"), 1)).isFalse();
		assertThat(drains).hasSize(1);
		drains.get(0).run();
		assertThat(ran).containsExactly("large");
		assertThat(lane.queuedBytes()).isZero();
		// exactly the limit is taken, one byte more is not
		assertThat(lane.offer(() -> ran.add("first"), 600)).isTrue();
		assertThat(lane.offer(() -> ran.add("second"), 400)).isTrue();
		assertThat(lane.offer(() -> ran.add("third"), 1)).isFalse();
		assertThat(lane.queuedBytes()).isEqualTo(1_000);
		assertThat(drains).hasSize(2);
		drains.get(1).run();
		assertThat(ran).containsExactly("large", "first", "second");
		assertThat(lane.queuedBytes()).isZero();
	}

	@Test
	void tasksOfferedWhileADrainRunsRunInThatDrain() {
		List<Runnable> drains = new ArrayList<>();
		SerialLane lane = new SerialLane(drains::add, 1_000);
		List<String> ran = new ArrayList<>();
		assertThat(lane.offer(() -> {
			ran.add("first");
			lane.offer(() -> ran.add("offered while running"), 10);
		}, 10)).isTrue();
		assertThat(lane.offer(() -> ran.add("second"), 10)).isTrue();
		assertThat(drains).hasSize(1);
		drains.get(0).run();
		assertThat(ran).containsExactly("first", "second", "offered while running");
		assertThat(drains).hasSize(1);
		// the lane is idle again: the next offer starts a new drain
		assertThat(lane.offer(() -> ran.add("later"), 10)).isTrue();
		assertThat(drains).hasSize(2);
	}

	@Test
	void executorAndPositiveLimitAreRequired() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SerialLane(null, 1))
			.withMessage("Executor is required");
		assertThatIllegalArgumentException().isThrownBy(() -> new SerialLane(Runnable::run, 0))
			.withMessage("Max bytes must be positive");
		assertThat(new SerialLane(Runnable::run, 1).queuedBytes()).isZero();
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void rejectionIsLoggedOnceWithWhatWasDropped(CapturedOutput output) {
		ExecutorService executor = Executors.newSingleThreadExecutor();
		executor.shutdown();
		SerialLane lane = new SerialLane(executor, 1_000);
		lane.offer(() -> {
		}, 10);
		lane.offer(() -> {
		}, 10);
		assertThat(output.getOut()
			.lines()
			.filter((line) -> line.contains("(client closed, or executor shut down or full): dropped"))).singleElement()
			.satisfies((line) -> assertThat(line).contains("dropped 1 waiting task(s)"));
	}

	private static void awaitLatch(CountDownLatch latch) {
		try {
			assertThat(latch.await(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
