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

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.protocol.JsonRpcError;
import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import io.github.jsonrpc.server.JsonRpcException;
import io.github.jsonrpc.server.JsonRpcExceptionHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link JsonRpcMethodGuard} (concurrency limit at exactly N and N+1, timeout)
 * and for the constructor and setter guards of the method-binding types.
 *
 * @author jsonrpc-dev
 */
class JsonRpcMethodGuardTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final JsonRpcArgumentResolverComposite resolvers = new JsonRpcArgumentResolverComposite(List.of());

	@Test
	void factoryRequiresMapperResolversAndNamingStyle() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new InvocableJsonRpcMethodFactory(null, this.resolvers, JsonRpcNamingStyle.AS_DECLARED,
					null, null))
			.withMessage("JsonMapper is required");
		assertThatIllegalArgumentException().isThrownBy(
				() -> new InvocableJsonRpcMethodFactory(this.mapper, null, JsonRpcNamingStyle.AS_DECLARED, null, null))
			.withMessage("Resolvers are required");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new InvocableJsonRpcMethodFactory(this.mapper, this.resolvers, null, null, null))
			.withMessage("NamingStyle is required");
	}

	@Test
	void factoryExposesItsNamingStyleAndTakesACollectedItemsLimitOfOneButNotZero() {
		InvocableJsonRpcMethodFactory factory = new InvocableJsonRpcMethodFactory(this.mapper, this.resolvers,
				JsonRpcNamingStyle.SNAKE_CASE, null, null);
		assertThat(factory.namingStyle()).isSameAs(JsonRpcNamingStyle.SNAKE_CASE);
		factory.setMaxCollectedItems(1);
		assertThatIllegalArgumentException().isThrownBy(() -> factory.setMaxCollectedItems(0))
			.withMessage("maxCollectedItems must be positive");
	}

	@Test
	void factorySettersRejectMissingValuesAndCoercionIsStrictByDefault() {
		InvocableJsonRpcMethodFactory factory = new InvocableJsonRpcMethodFactory(this.mapper, this.resolvers,
				JsonRpcNamingStyle.AS_DECLARED, null, null);
		assertThat(factory.coercion()).isSameAs(JsonRpcParamsCoercion.STRICT);
		factory.setCoercion(JsonRpcParamsCoercion.LENIENT);
		assertThat(factory.coercion()).isSameAs(JsonRpcParamsCoercion.LENIENT);
		assertThatIllegalArgumentException().isThrownBy(() -> factory.setCoercion(null))
			.withMessage("Coercion is required");
		assertThatIllegalArgumentException().isThrownBy(() -> factory.setConfiguredLimits(null))
			.withMessage("ConfiguredLimits is required");
		assertThatIllegalArgumentException().isThrownBy(() -> factory.create("f", String.class, null, false, ""))
			.withMessage("Function is required");
	}

	@Test
	void handlerMethodRequiresNameAndBean() throws Exception {
		Method method = Object.class.getMethod("toString");
		assertThatIllegalArgumentException().isThrownBy(() -> new JsonRpcHandlerMethod("", new Object(), method, ""))
			.withMessage("Name is required");
		assertThatIllegalArgumentException().isThrownBy(() -> new JsonRpcHandlerMethod("name", null, method, ""))
			.withMessage("Bean is required");
	}

	@Test
	void exceptionHandlerRequiresResolvers() {
		assertThatIllegalArgumentException().isThrownBy(() -> new JsonRpcExceptionHandler(null, false))
			.withMessage("Resolvers are required");
	}

	@Test
	void callsUpToTheConcurrencyLimitRunAndOneMoreIsRefusedAtOnce() throws Exception {
		JsonRpcMethodGuard guard = new JsonRpcMethodGuard(new JsonRpcMethodLimits(null, 2));
		CompletableFuture<Object> first = new CompletableFuture<>();
		CompletableFuture<Object> second = new CompletableFuture<>();
		assertThat(guard.call(() -> first)).isSameAs(first);
		assertThat(guard.call(() -> second)).isSameAs(second);
		assertLimitExceeded(guard.call(() -> CompletableFuture.completedFuture("third")), "max-concurrency",
				"Too many concurrent calls");
		// a completed call gives its permit back
		first.complete("done");
		assertThat(guard.call(() -> CompletableFuture.completedFuture("fourth")).get()).isEqualTo("fourth");
	}

	@Test
	void workThatThrowsGivesItsPermitBack() throws Exception {
		JsonRpcMethodGuard guard = new JsonRpcMethodGuard(new JsonRpcMethodLimits(null, 1));
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> guard.call(() -> {
			throw new IllegalStateException("broken");
		}));
		assertThat(guard.call(() -> CompletableFuture.completedFuture("next")).get()).isEqualTo("next");
	}

	@Test
	void withoutAConcurrencyLimitEveryCallRuns() throws Exception {
		JsonRpcMethodGuard guard = new JsonRpcMethodGuard(new JsonRpcMethodLimits(Duration.ofSeconds(30), 0));
		CompletableFuture<Object> pending = new CompletableFuture<>();
		guard.call(() -> pending);
		assertThat(guard.call(() -> CompletableFuture.completedFuture("second")).get()).isEqualTo("second");
		pending.complete(null);
	}

	@Test
	void callOverItsTimeoutFailsAndItsWorkIsCancelled() throws Exception {
		JsonRpcMethodGuard guard = new JsonRpcMethodGuard(new JsonRpcMethodLimits(Duration.ofMillis(50), 1));
		CompletableFuture<Object> running = new CompletableFuture<>();
		CompletableFuture<Object> answer = guard.call(() -> running);
		assertThat(answer).isNotSameAs(running);
		assertLimitExceeded(answer, "timeout", "Call timed out");
		// the timer cancels the work right after failing the answer
		Awaitility.await().atMost(TestWaits.SHORT).until(running::isCancelled);
		// cancelled work gives its permit back
		assertThat(guard.call(() -> CompletableFuture.completedFuture("next")).get()).isEqualTo("next");
	}

	@Test
	void callWithinItsTimeoutIsAnsweredWithItsResultOrFailure() throws Exception {
		JsonRpcMethodGuard guard = new JsonRpcMethodGuard(new JsonRpcMethodLimits(Duration.ofSeconds(30), 0));
		CompletableFuture<Object> succeeding = new CompletableFuture<>();
		CompletableFuture<Object> answer = guard.call(() -> succeeding);
		succeeding.complete("result");
		assertThat(answer.get(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("result");
		CompletableFuture<Object> failing = new CompletableFuture<>();
		CompletableFuture<Object> failed = guard.call(() -> failing);
		failing.completeExceptionally(new IllegalStateException("late"));
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> failed.get(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS))
			.withCauseInstanceOf(IllegalStateException.class);
	}

	@Test
	void callWithATimeoutOfForeverRunsAndIsAnswered() throws Exception {
		// ChronoUnit.FOREVER: Duration.toNanos() throws for it
		JsonRpcMethodGuard guard = new JsonRpcMethodGuard(new JsonRpcMethodLimits(ChronoUnit.FOREVER.getDuration(), 1));
		CompletableFuture<Object> running = new CompletableFuture<>();
		CompletableFuture<Object> answer = guard.call(() -> running);
		assertThat(answer).isNotDone();
		running.complete("result");
		assertThat(TestWaits.get(answer)).isEqualTo("result");
		// its permit is back
		assertThat(guard.call(() -> CompletableFuture.completedFuture("next")).get()).isEqualTo("next");
	}

	@Test
	void callsDoneBeforeTheirTimeoutLeaveNothingOnTheTimer() throws Exception {
		ScheduledThreadPoolExecutor timer = JsonRpcMethodGuard.newTimer();
		try {
			JsonRpcMethodGuard guard = new JsonRpcMethodGuard(new JsonRpcMethodLimits(Duration.ofHours(1), 0), timer);
			CompletableFuture<Object> succeeding = new CompletableFuture<>();
			CompletableFuture<Object> answered = guard.call(() -> succeeding);
			CompletableFuture<Object> failing = new CompletableFuture<>();
			CompletableFuture<Object> failed = guard.call(() -> failing);
			CompletableFuture<Object> abandoned = guard.call(CompletableFuture::new);
			// each timeout holds its call (the answer, the work, the result) until it is
			// taken off
			assertThat(timer.getQueue()).hasSize(3);
			succeeding.complete("result");
			failing.completeExceptionally(new IllegalStateException("failed"));
			abandoned.cancel(false);
			assertThat(answered).isCompletedWithValue("result");
			assertThat(failed).isCompletedExceptionally();
			assertThat(timer.getQueue()).isEmpty();
		}
		finally {
			timer.shutdownNow();
		}
	}

	@Test
	void callOverItsTimeoutOnItsOwnTimerFailsAndIsTakenOff() throws Exception {
		ScheduledThreadPoolExecutor timer = JsonRpcMethodGuard.newTimer();
		try {
			JsonRpcMethodGuard guard = new JsonRpcMethodGuard(new JsonRpcMethodLimits(Duration.ofMillis(50), 0), timer);
			CompletableFuture<Object> running = new CompletableFuture<>();
			assertLimitExceeded(guard.call(() -> running), "timeout", "Call timed out");
			Awaitility.await().atMost(TestWaits.SHORT).until(running::isCancelled);
			assertThat(timer.getQueue()).isEmpty();
		}
		finally {
			timer.shutdownNow();
		}
	}

	@Test
	void workDoneAtOnceIsReturnedAsIsEvenWithATimeout() {
		JsonRpcMethodGuard guard = new JsonRpcMethodGuard(new JsonRpcMethodLimits(Duration.ofSeconds(30), 0));
		CompletableFuture<Object> done = CompletableFuture.completedFuture("now");
		assertThat(guard.call(() -> done)).isSameAs(done);
	}

	private static void assertLimitExceeded(CompletableFuture<Object> answer, String reason, String message) {
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> answer.get(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS))
			.havingCause()
			.isInstanceOfSatisfying(JsonRpcException.class, (ex) -> assertThat(ex.getError())
				.isEqualTo(JsonRpcError.of(JsonRpcErrorCodes.LIMIT_EXCEEDED, message, Map.of("reason", reason))));
	}

}
