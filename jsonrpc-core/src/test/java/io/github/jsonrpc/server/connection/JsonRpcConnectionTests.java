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

import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import io.github.jsonrpc.server.JsonRpcDispatcher;
import io.github.jsonrpc.server.JsonRpcHandler;

import static io.github.jsonrpc.server.connection.TestMessages.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the session side of {@link JsonRpcConnection}: its guards, principal, close
 * callbacks, the checks of its writes and liveness, and the in-flight limit at exactly N
 * and N + 1.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcConnectionTests {

	private static final JsonRpcMessageCodec codec = JsonRpcMessageCodec.create(JsonMapper.builder().build());

	private final ExecutorService executor = Executors.newFixedThreadPool(4);

	private final CountDownLatch release = new CountDownLatch(1);

	// "slow" answers once released, anything else at once
	private final JsonRpcDispatcher dispatcher = (exchange) -> {
		if (exchange.method().equals("slow")) {
			return CompletableFuture.supplyAsync(() -> {
				try {
					this.release.await(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return JsonRpcResponse.success(exchange.id(), "late");
			}, this.executor);
		}
		return CompletableFuture.completedFuture(JsonRpcResponse.success(exchange.id(), "ok"));
	};

	private final JsonRpcHandler handler = JsonRpcHandler.builder(this.dispatcher, codec).build();

	private final JsonRpcConnectionSettings settings = JsonRpcConnectionSettings.DEFAULTS
		.withMemoryBudget(JsonRpcMemoryBudget.of(1_000_000));

	@AfterEach
	void shutdown() {
		this.release.countDown();
		this.executor.shutdownNow();
	}

	@Test
	void constructorRefusesMissingValues() {
		Map<String, Object> none = Map.of();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TestJsonRpcConnection(" ", null, none, this.handler, this.settings, this.executor))
			.withMessage("Id is required");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TestJsonRpcConnection("c", null, null, this.handler, this.settings, this.executor))
			.withMessage("Attributes are required");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TestJsonRpcConnection("c", null, none, null, this.settings, this.executor))
			.withMessage("Handler is required");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TestJsonRpcConnection("c", null, none, this.handler, null, this.executor))
			.withMessage("Settings are required");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TestJsonRpcConnection("c", null, none, this.handler, this.settings, null))
			.withMessage("Executor is required");
	}

	@Test
	void loginReplacesTheTransportsPrincipalAndLogoutForgetsBoth() {
		Principal transport = () -> "transport";
		Principal login = () -> "login";
		Map<String, Object> attributes = new HashMap<>(Map.of("a", 1));
		TestJsonRpcConnection connection = new TestJsonRpcConnection("c", transport, attributes, this.handler,
				this.settings, this.executor);
		// the attributes are a copy, and can be changed
		attributes.put("b", 2);
		assertThat(connection.attributes()).containsExactly(Map.entry("a", 1));
		connection.attributes().put("c", 3);
		assertThat(connection.attributes()).containsEntry("c", 3);
		assertThat(connection.id()).isEqualTo("c");
		assertThat(connection).hasToString("TestJsonRpcConnection[c]");
		assertThat(connection.principal()).isSameAs(transport);
		assertThatIllegalArgumentException().isThrownBy(() -> connection.login(null))
			.withMessage("Principal is required");
		connection.login(login);
		assertThat(connection.principal()).isSameAs(login);
		connection.logout();
		assertThat(connection.principal()).isNull();
		connection.login(login);
		assertThat(connection.principal()).isSameAs(login);
	}

	@Test
	void serverCallsRefuseInvalidArguments() {
		TestJsonRpcConnection connection = connection();
		assertThatIllegalArgumentException().isThrownBy(() -> connection.call(" ", null, String.class, null))
			.withMessage("Method is required");
		assertThatIllegalArgumentException().isThrownBy(() -> connection.call("m", null, null, null))
			.withMessage("Result type is required");
		assertThatIllegalArgumentException().isThrownBy(() -> connection.call("m", null, String.class, Duration.ZERO))
			.withMessage("Timeout must be positive");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> connection.call("m", null, String.class, Duration.ofMillis(-1)))
			.withMessage("Timeout must be positive");
		CompletableFuture<String> call = connection.call("m", null, String.class, Duration.ofNanos(1_000_000_000));
		assertThat(connection.pendingServerRequests()).isEqualTo(1);
		assertThat(connection.written).hasSize(1);
		assertThat(connection.written.get(0)).contains("\"method\":\"m\"");
		connection.close();
		await().atMost(TestWaits.SHORT).until(call::isCompletedExceptionally);
		assertThat(connection.pendingServerRequests()).isZero();
	}

	@Test
	void closeRunsEachCallbackOnceAndClosesTheTransportOnce() {
		TestJsonRpcConnection connection = connection();
		List<String> ran = new ArrayList<>();
		assertThatIllegalArgumentException().isThrownBy(() -> connection.onClose(null))
			.withMessage("Callback is required");
		connection.onClose(() -> ran.add("first"));
		connection.onClose(() -> {
			throw new IllegalStateException("broken callback");
		});
		connection.onClose(() -> ran.add("second"));
		assertThat(ran).isEmpty();
		connection.close();
		assertThat(connection.isOpen()).isFalse();
		assertThat(ran).containsExactly("first", "second");
		assertThat(connection.closedWith).isEqualTo(JsonRpcCloseReason.NORMAL);
		connection.close(JsonRpcCloseReason.SHUTDOWN);
		connection.transportClosed();
		assertThat(connection.closes).hasValue(1);
		assertThat(connection.closedWith).isEqualTo(JsonRpcCloseReason.NORMAL);
		// once closed, a callback runs at once
		connection.onClose(() -> ran.add("late"));
		assertThat(ran).containsExactly("first", "second", "late");
		// nothing is sent or received any more
		assertThat(connection.notify("n", null)).isFalse();
		connection.receive(call(1, "fast"));
		assertThat(connection.written).isEmpty();
		assertThat(connection.inFlight()).isZero();
	}

	@Test
	void transportClosedRunsTheCallbacksWithoutClosingTheTransportAgain() {
		TestJsonRpcConnection connection = connection();
		List<String> ran = new ArrayList<>();
		connection.onClose(() -> ran.add("closed"));
		connection.transportClosed();
		assertThat(connection.isOpen()).isFalse();
		assertThat(ran).containsExactly("closed");
		assertThat(connection.closes).hasValue(0);
	}

	@Test
	void cancelOfNoRunningCallIsFalse() {
		TestJsonRpcConnection connection = connection();
		assertThat(connection.cancel(JsonRpcId.of(1))).isFalse();
		connection.receive(call(1, "slow"));
		assertThat(connection.cancel(JsonRpcId.of(1))).isTrue();
		await().atMost(TestWaits.SHORT).until(() -> connection.written.size() == 1);
		assertThat(connection.written.get(0)).contains("\"id\":1", "-32006");
		// the call's own answer is not written any more
		this.release.countDown();
		await().atMost(TestWaits.SHORT).until(connection::isDrained);
		assertThat(connection.written).hasSize(1);
		assertThat(connection.cancel(JsonRpcId.of(1))).isFalse();
	}

	@Test
	void callsInFlightAreLimitedAtExactlyTheLimit() {
		TestJsonRpcConnection connection = connection(this.settings.withMaxInFlight(2));
		connection.receive(call(1, "slow"));
		connection.receive(call(2, "slow"));
		assertThat(connection.inFlight()).isEqualTo(2);
		assertThat(connection.isDrained()).isFalse();
		assertThat(connection.written).isEmpty();
		connection.receive(call(3, "slow"));
		await().atMost(TestWaits.SHORT).until(() -> connection.written.size() == 1);
		assertThat(connection.written.get(0)).contains("\"id\":3", "-32005", "at most 2");
		assertThat(connection.inFlight()).isEqualTo(2);
		this.release.countDown();
		await().atMost(TestWaits.SHORT).until(() -> connection.written.size() == 3);
		await().atMost(TestWaits.SHORT).until(connection::isDrained);
		assertThat(connection.inFlight()).isZero();
		assertThat(connection.inboundBytes()).isZero();
	}

	@Test
	void checkWritesClosesAConnectionWhoseWriteIsStuckBeyondTheSendTimeLimit() {
		TestJsonRpcConnection connection = connection(
				this.settings.withOutboundLimits(16, 1 << 20, Duration.ofMillis(100)));
		connection.stall();
		long start = System.nanoTime();
		assertThat(connection.notify("n", 1)).isTrue();
		assertThat(connection.outboundMessages()).isEqualTo(1);
		assertThat(connection.outboundBytes()).isPositive();
		assertThat(connection.isDrained()).isFalse();
		// not yet beyond the limit
		assertThat(connection.checkWrites(start)).isFalse();
		assertThat(connection.isOpen()).isTrue();
		assertThat(connection.checkWrites(System.nanoTime() + Duration.ofMillis(101).toNanos())).isTrue();
		assertThat(connection.closedWith).isEqualTo(JsonRpcCloseReason.SLOW_CONSUMER);
		// closed: nothing more to check
		assertThat(connection.checkWrites(System.nanoTime() + Duration.ofSeconds(1).toNanos())).isFalse();
		assertThat(connection.outboundBytes()).isZero();
	}

	@Test
	void checkAliveClosesAnIdleConnection() {
		// read before the connection exists: a pause cannot make it look idle
		long now = System.nanoTime();
		TestJsonRpcConnection connection = connection(
				this.settings.withKeepAlive(Duration.ofSeconds(1), Duration.ofSeconds(2)));
		connection.checkAlive(now + Duration.ofMillis(1_900).toNanos());
		assertThat(connection.isOpen()).isTrue();
		assertThat(connection.pings).hasValue(1);
		// read after it exists: idle for longer than 2 s whatever the pauses
		connection.checkAlive(System.nanoTime() + Duration.ofMillis(2_100).toNanos());
		assertThat(connection.closedWith).isEqualTo(JsonRpcCloseReason.IDLE);
		// closed: no more pings
		connection.checkAlive(now);
		assertThat(connection.pings).hasValue(1);
	}

	@Test
	void timeLimitsBeyondWhatNanosecondsHoldSaturateInsteadOfFailing() {
		// Duration.toNanos() throws for these: the connection treats them as forever
		Duration forever = java.time.temporal.ChronoUnit.FOREVER.getDuration();
		TestJsonRpcConnection connection = connection(this.settings.withOutboundLimits(16, 1 << 20, forever)
			.withKeepAlive(Duration.ofSeconds(1), Duration.ofSeconds(Long.MAX_VALUE)));
		connection.stall();
		assertThat(connection.notify("n", 1)).isTrue();
		// a write stuck for 100 years and a silence of 100 years are within the limits
		long later = System.nanoTime() + Duration.ofDays(36_500).toNanos();
		assertThat(connection.checkWrites(later)).isFalse();
		connection.checkAlive(later);
		assertThat(connection.isOpen()).isTrue();
		assertThat(connection.notify("n", 2)).isTrue();
	}

	@Test
	void checkAliveClosesAConnectionWhoseWriteIsStuckAndPingsOnlyWhenNothingIsQueued() {
		TestJsonRpcConnection connection = connection(
				this.settings.withOutboundLimits(16, 1 << 20, Duration.ofMillis(100))
					.withKeepAlive(Duration.ofSeconds(1), Duration.ofSeconds(60)));
		connection.pingFails = true;
		connection.checkAlive(System.nanoTime());
		// a failing ping is only logged
		assertThat(connection.pings).hasValue(1);
		assertThat(connection.isOpen()).isTrue();
		connection.stall();
		// read before the write starts: a pause cannot make it look stuck
		long start = System.nanoTime();
		assertThat(connection.notify("n", 1)).isTrue();
		connection.checkAlive(start);
		// a write is pending: no ping
		assertThat(connection.pings).hasValue(1);
		assertThat(connection.isOpen()).isTrue();
		connection.checkAlive(System.nanoTime() + Duration.ofMillis(200).toNanos());
		assertThat(connection.closedWith).isEqualTo(JsonRpcCloseReason.SLOW_CONSUMER);
	}

	@Test
	void keepAliveChecksEveryConnectionAtItsInterval() {
		org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler scheduler = new org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler();
		scheduler.initialize();
		try {
			assertThatIllegalArgumentException().isThrownBy(() -> new JsonRpcKeepAlive(null, Duration.ZERO, List::of))
				.withMessage("TaskScheduler is required");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new JsonRpcKeepAlive(scheduler, Duration.ofMillis(-1), List::of))
				.withMessage("Interval must not be negative");
			assertThatIllegalArgumentException().isThrownBy(() -> new JsonRpcKeepAlive(scheduler, null, List::of))
				.withMessage("Interval must not be negative");
			assertThatIllegalArgumentException().isThrownBy(() -> new JsonRpcKeepAlive(scheduler, Duration.ZERO, null))
				.withMessage("Connections are required");
			TestJsonRpcConnection first = connection();
			TestJsonRpcConnection second = connection();
			// a zero interval never checks
			JsonRpcKeepAlive off = new JsonRpcKeepAlive(scheduler, Duration.ZERO, () -> List.of(first, second));
			off.start();
			off.stop();
			JsonRpcKeepAlive keepAlive = new JsonRpcKeepAlive(scheduler, Duration.ofMillis(20),
					() -> List.of(first, second));
			keepAlive.start();
			keepAlive.start();
			await().atMost(TestWaits.SHORT).until(() -> first.pings.get() >= 2 && second.pings.get() >= 2);
			keepAlive.stop();
			keepAlive.stop();
			// checked by hand: every connection once
			TestJsonRpcConnection third = connection();
			TestJsonRpcConnection fourth = connection();
			new JsonRpcKeepAlive(scheduler, Duration.ZERO, () -> List.of(third, fourth)).check();
			assertThat(third.pings).hasValue(1);
			assertThat(fourth.pings).hasValue(1);
		}
		finally {
			scheduler.shutdown();
		}
	}

	private TestJsonRpcConnection connection() {
		return connection(this.settings);
	}

	private TestJsonRpcConnection connection(JsonRpcConnectionSettings settings) {
		return new TestJsonRpcConnection("c", this.handler, settings, this.executor);
	}

}
