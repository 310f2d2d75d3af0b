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

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import io.github.jsonrpc.server.JsonRpcDispatcher;
import io.github.jsonrpc.server.JsonRpcHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static io.github.jsonrpc.server.connection.TestMessages.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the byte limits and the fair scheduling of {@link JsonRpcConnection}: what a
 * connection holds is bounded on its own and, with all others, by the shared
 * {@link JsonRpcMemoryBudget}; one connection cannot take every thread of the shared
 * executor, and its calls stop when it closes.
 */
class JsonRpcConnectionLimitsTests {

	private static final JsonRpcMessageCodec codec = JsonRpcMessageCodec.create(JsonMapper.builder().build());

	private final ExecutorService executor = Executors.newFixedThreadPool(2);

	private final CountDownLatch release = new CountDownLatch(1);

	private final AtomicInteger started = new AtomicInteger();

	private final AtomicInteger interrupted = new AtomicInteger();

	// "slow" blocks until released, anything else answers at once
	private final JsonRpcDispatcher dispatcher = (exchange) -> {
		if (exchange.method().equals("slow")) {
			this.started.incrementAndGet();
			try {
				this.release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				this.interrupted.incrementAndGet();
				Thread.currentThread().interrupt();
			}
		}
		return CompletableFuture.completedFuture(JsonRpcResponse.success(exchange.id(), "ok"));
	};

	private final JsonRpcHandler handler = JsonRpcHandler.builder(this.dispatcher, codec).build();

	@AfterEach
	void shutdown() {
		this.release.countDown();
		this.executor.shutdownNow();
	}

	@Test
	void messageOverTheSharedBudgetClosesItsConnectionAsOverloaded() {
		JsonRpcMemoryBudget budget = JsonRpcMemoryBudget.of(10_000);
		TestJsonRpcConnection slow = connection("slow", settings(budget));
		TestJsonRpcConnection other = connection("other", settings(budget));
		slow.stall();
		other.stall();
		String text = "x".repeat(3_000);
		// each connection is far below its own 16 MB, together they are not
		assertThat(slow.notify("say", text)).isTrue();
		assertThat(slow.notify("say", text)).isTrue();
		assertThat(other.notify("say", text)).isTrue();
		assertThat(budget.used()).isGreaterThan(9_000);
		assertThat(slow.notify("say", text)).isFalse();
		await().atMost(TestWaits.SHORT).until(() -> slow.closedWith == JsonRpcCloseReason.OVERLOADED);
		assertThat(other.isOpen()).isTrue();
		// the closed connection gave its bytes back
		assertThat(budget.used()).isBetween(3_000L, 3_100L);
		other.close();
		assertThat(budget.used()).isZero();
	}

	@Test
	void spentBudgetShedsTheConnectionHoldingTheMostNotTheOneAsking() {
		JsonRpcMemoryBudget budget = JsonRpcMemoryBudget.of(10_000);
		TestJsonRpcConnection hog = connection("hog", settings(budget));
		TestJsonRpcConnection small = connection("small", settings(budget));
		TestJsonRpcConnection asking = connection("asking", settings(budget));
		hog.stall();
		small.stall();
		asking.stall();
		assertThat(hog.notify("say", "x".repeat(3_000))).isTrue();
		assertThat(hog.notify("say", "x".repeat(3_000))).isTrue();
		assertThat(small.notify("say", "x".repeat(1_000))).isTrue();
		assertThat(asking.notify("say", "x".repeat(1_000))).isTrue();
		assertThat(asking.notify("say", "x".repeat(3_000))).isTrue();
		await().atMost(TestWaits.SHORT).until(() -> hog.closedWith == JsonRpcCloseReason.OVERLOADED);
		assertThat(small.isOpen()).isTrue();
		assertThat(asking.isOpen()).isTrue();
		assertThat(budget.used()).isLessThan(5_500L);
	}

	@Test
	void connectionThatKeepsUpGetsItsMessageWhenTheBudgetIsSpent() {
		JsonRpcMemoryBudget budget = JsonRpcMemoryBudget.of(10_000);
		// spent by something that cannot shed (another transport, say)
		assertThat(budget.tryReserve(9_000)).isTrue();
		TestJsonRpcConnection reader = connection("reader", settings(budget));
		assertThat(reader.notify("say", "y".repeat(3_000))).isTrue();
		assertThat(reader.isOpen()).isTrue();
		assertThat(reader.written).hasSize(1);
		assertThat(budget.used()).isEqualTo(9_000L);
	}

	@Test
	void callOverTheSharedBudgetIsRefusedWith32005() {
		JsonRpcMemoryBudget budget = JsonRpcMemoryBudget.of(10_000);
		// spent by something that cannot shed (another transport, say)
		assertThat(budget.tryReserve(8_900)).isTrue();
		TestJsonRpcConnection caller = connection("caller", settings(budget));
		caller.receive(call(7, "fast", "y".repeat(2_000)));
		await().atMost(TestWaits.SHORT).until(() -> caller.written.size() == 1);
		assertThat(caller.written.get(0)).contains("\"id\":7", "-32005", "Server busy");
		assertThat(caller.isOpen()).isTrue();
		// the refused call holds nothing
		assertThat(caller.inboundBytes()).isZero();
		assertThat(caller.inFlight()).isZero();
		assertThat(budget.used()).isEqualTo(8_900L);
		caller.receive(call(8, "fast", "small"));
		await().atMost(TestWaits.SHORT).until(() -> caller.written.size() == 2);
		assertThat(caller.written.get(1)).contains("\"result\":\"ok\"");
	}

	@Test
	void receivedCallsOfOneConnectionAreBoundedInBytes() {
		JsonRpcMemoryBudget budget = JsonRpcMemoryBudget.of(1_000_000);
		JsonRpcConnectionSettings settings = settings(budget).withOutboundLimits(1024, 5_000,
				JsonRpcConnectionSettings.DEFAULTS.sendTimeLimit());
		TestJsonRpcConnection connection = connection("c", settings);
		connection.receive(call(1, "slow", "x".repeat(2_000)));
		connection.receive(call(2, "slow", "x".repeat(2_000)));
		assertThat(connection.inboundBytes()).isGreaterThan(4_000);
		connection.receive(call(3, "slow", "x".repeat(2_000)));
		await().atMost(TestWaits.SHORT).until(() -> connection.written.size() == 1);
		assertThat(connection.written.get(0)).contains("\"id\":3", "-32005");
		this.release.countDown();
		await().atMost(TestWaits.SHORT).until(() -> connection.written.size() == 3);
		assertThat(connection.inboundBytes()).isZero();
		assertThat(budget.used()).isZero();
	}

	@Test
	void oneConnectionCannotTakeEveryThreadOfTheSharedExecutor() {
		JsonRpcConnectionSettings settings = settings(JsonRpcMemoryBudget.of(1_000_000)).withMaxConcurrency(1);
		TestJsonRpcConnection noisy = connection("noisy", settings);
		for (int i = 0; i < 50; i++) {
			noisy.receive(call(i, "slow", "p"));
		}
		await().atMost(TestWaits.SHORT).until(() -> this.started.get() == 1);
		assertThat(noisy.waitingCalls()).isEqualTo(49);
		TestJsonRpcConnection quiet = connection("quiet", settings);
		quiet.receive(call(1, "fast", "p"));
		// answered while every call of the noisy connection is still blocked
		await().atMost(TestWaits.SHORT).until(() -> quiet.written.size() == 1);
		assertThat(quiet.written.get(0)).contains("\"result\":\"ok\"");
		assertThat(this.started.get()).isEqualTo(1);
		assertThat(noisy.written).isEmpty();
	}

	@Test
	void closingDropsWaitingCallsAndInterruptsRunningOnes() {
		JsonRpcMemoryBudget budget = JsonRpcMemoryBudget.of(1_000_000);
		JsonRpcConnectionSettings settings = settings(budget).withMaxConcurrency(2);
		TestJsonRpcConnection connection = connection("c", settings);
		for (int i = 0; i < 10; i++) {
			connection.receive(call(i, "slow", "p"));
		}
		await().atMost(TestWaits.SHORT).until(() -> this.started.get() == 2);
		connection.close();
		await().atMost(TestWaits.SHORT).until(() -> this.interrupted.get() == 2);
		await().atMost(TestWaits.SHORT).until(() -> connection.inFlight() == 0);
		assertThat(connection.waitingCalls()).isZero();
		assertThat(budget.used()).isZero();
		this.release.countDown();
		// nothing of the closed connection runs afterwards
		TestJsonRpcConnection next = connection("next", settings);
		next.receive(call(1, "slow", "p"));
		await().atMost(TestWaits.SHORT).until(() -> next.written.size() == 1);
		assertThat(this.started.get()).isEqualTo(3);
	}

	private TestJsonRpcConnection connection(String id, JsonRpcConnectionSettings settings) {
		return new TestJsonRpcConnection(id, this.handler, settings, this.executor);
	}

	private static JsonRpcConnectionSettings settings(JsonRpcMemoryBudget budget) {
		return JsonRpcConnectionSettings.DEFAULTS.withMemoryBudget(budget);
	}

}
