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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.jsonrpc.JsonRpcSetup;
import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.JsonRpcTransportContext;
import io.github.jsonrpc.server.method.annotation.JsonRpcMethod;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;
import io.github.jsonrpc.server.method.annotation.support.AnnotatedJsonRpcMethodDetector;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for where {@link InvocableJsonRpcMethodFactory} makes a method run: on the
 * blocking executor when there is one, else on the timeout executor for a method with a
 * timeout (so that a timed-out call interrupts its own thread, not a transport thread),
 * else on the calling thread; a method returning a future never moves.
 *
 * @author JSON-RPC for Spring Boot team
 */
class InvocableJsonRpcMethodExecutorTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static final Duration LONG_TIMEOUT = Duration.ofMinutes(10);

	private final ExecutorService blocking = Executors
		.newSingleThreadExecutor((task) -> new Thread(task, "blocking-1"));

	private final ExecutorService timeouts = Executors.newSingleThreadExecutor((task) -> new Thread(task, "timeout-1"));

	private final String caller = Thread.currentThread().getName();

	@AfterEach
	void shutdown() {
		this.blocking.shutdownNow();
		this.timeouts.shutdownNow();
	}

	@Test
	void methodWithTimeoutRunsOnTheTimeoutExecutorWithoutBlockingExecutor() {
		InvocableJsonRpcMethodFactory factory = factory(null);
		assertThat(threadOf(factory, "timed")).isEqualTo("timeout-1");
		assertThat(threadOf(factory, "timedAndBounded")).isEqualTo("timeout-1");
	}

	@Test
	void methodWithoutTimeoutRunsOnTheCallingThreadWithoutBlockingExecutor() {
		InvocableJsonRpcMethodFactory factory = factory(null);
		assertThat(threadOf(factory, "untimed")).isEqualTo(this.caller);
		// a concurrency limit alone needs no thread of its own
		assertThat(threadOf(factory, "bounded")).isEqualTo(this.caller);
	}

	@Test
	void blockingExecutorRunsEveryBlockingMethodTimeoutOrNot() {
		InvocableJsonRpcMethodFactory factory = factory(this.blocking);
		assertThat(threadOf(factory, "timed")).isEqualTo("blocking-1");
		assertThat(threadOf(factory, "untimed")).isEqualTo("blocking-1");
	}

	@Test
	void methodWithTimeoutRunsOnTheCallingThreadWithoutAnyExecutor() {
		InvocableJsonRpcMethodFactory factory = JsonRpcSetup.services().toMethodFactory();
		assertThat(threadOf(factory, "timed")).isEqualTo(this.caller);
	}

	@Test
	void configuredTimeoutMovesAMethodWithoutAnnotatedTimeout() {
		InvocableJsonRpcMethodFactory factory = factory(null);
		factory.setConfiguredLimits(
				(name) -> "untimed".equals(name) ? new JsonRpcMethodLimits(LONG_TIMEOUT, 0) : JsonRpcMethodLimits.NONE);
		assertThat(threadOf(factory, "untimed")).isEqualTo("timeout-1");
	}

	@Test
	void functionWithConfiguredTimeoutRunsOnTheTimeoutExecutor() {
		InvocableJsonRpcMethodFactory factory = factory(null);
		configureTimeoutOfTimedFunctions(factory);
		assertThat(threadOfFunction(factory, "timedFunction", false)).isEqualTo("timeout-1");
		assertThat(threadOfFunction(factory, "plainFunction", false)).isEqualTo(this.caller);
	}

	@Test
	void functionRunsOnTheBlockingExecutorTimeoutOrNot() {
		InvocableJsonRpcMethodFactory factory = factory(this.blocking);
		configureTimeoutOfTimedFunctions(factory);
		assertThat(threadOfFunction(factory, "timedFunction", false)).isEqualTo("blocking-1");
		assertThat(threadOfFunction(factory, "plainFunction", false)).isEqualTo("blocking-1");
	}

	@Test
	void asyncFunctionWithTimeoutNeverMoves() {
		InvocableJsonRpcMethodFactory timeoutOnly = factory(null);
		configureTimeoutOfTimedFunctions(timeoutOnly);
		assertThat(threadOfFunction(timeoutOnly, "timedFunction", true)).isEqualTo(this.caller);
		InvocableJsonRpcMethodFactory both = factory(this.blocking);
		configureTimeoutOfTimedFunctions(both);
		assertThat(threadOfFunction(both, "timedFunction", true)).isEqualTo(this.caller);
	}

	@Test
	void functionWithoutParamsTypeFollowsTheSameChoice() {
		InvocableJsonRpcMethodFactory factory = factory(null);
		configureTimeoutOfTimedFunctions(factory);
		InvocableJsonRpcMethod timed = factory.create("timedSupplier", null,
				(ignored) -> Thread.currentThread().getName(), false, "");
		InvocableJsonRpcMethod plain = factory.create("plainSupplier", null,
				(ignored) -> Thread.currentThread().getName(), false, "");
		assertThat(TestWaits.join(timed.invoke(exchange("timedSupplier", null)))).isEqualTo("timeout-1");
		assertThat(TestWaits.join(plain.invoke(exchange("plainSupplier", null)))).isEqualTo(this.caller);
	}

	private InvocableJsonRpcMethodFactory factory(@Nullable ExecutorService blockingExecutor) {
		JsonRpcSetup setup = JsonRpcSetup.services();
		if (blockingExecutor != null) {
			setup.blockingExecutor(blockingExecutor);
		}
		InvocableJsonRpcMethodFactory factory = setup.toMethodFactory();
		factory.setTimeoutExecutor(this.timeouts);
		return factory;
	}

	private static void configureTimeoutOfTimedFunctions(InvocableJsonRpcMethodFactory factory) {
		factory.setConfiguredLimits((name) -> name.startsWith("timed") ? new JsonRpcMethodLimits(LONG_TIMEOUT, 0)
				: JsonRpcMethodLimits.NONE);
	}

	private static @Nullable Object threadOf(InvocableJsonRpcMethodFactory factory, String name) {
		JsonRpcHandlerMethod handlerMethod = new AnnotatedJsonRpcMethodDetector(JsonRpcNamingStyle.AS_DECLARED)
			.detect(new ThreadService())
			.stream()
			.filter((candidate) -> candidate.name().equals(name))
			.findFirst()
			.orElseThrow();
		InvocableJsonRpcMethod method = factory.create(handlerMethod);
		return TestWaits.join(method.invoke(exchange(name, null)));
	}

	private static @Nullable Object threadOfFunction(InvocableJsonRpcMethodFactory factory, String name,
			boolean async) {
		InvocableJsonRpcMethod method = async
				? factory.create(name, String.class,
						(tag) -> CompletableFuture.completedFuture(Thread.currentThread().getName()), true, "")
				: factory.create(name, String.class, (tag) -> Thread.currentThread().getName(), false, "");
		return TestWaits.join(method.invoke(exchange(name, mapper.readTree("[\"x\"]"))));
	}

	private static JsonRpcExchange exchange(String method, @Nullable JsonNode params) {
		return JsonRpcExchange.of(JsonRpcRequest.call(JsonRpcId.of(1), method, params),
				JsonRpcTransportContext.inProcess());
	}

	@JsonRpcService
	static class ThreadService {

		@JsonRpcMethod(timeout = "10m")
		public String timed() {
			return Thread.currentThread().getName();
		}

		@JsonRpcMethod(timeout = "10m", maxConcurrency = 2)
		public String timedAndBounded() {
			return Thread.currentThread().getName();
		}

		@JsonRpcMethod(maxConcurrency = 2)
		public String bounded() {
			return Thread.currentThread().getName();
		}

		@JsonRpcMethod
		public String untimed() {
			return Thread.currentThread().getName();
		}

	}

}
