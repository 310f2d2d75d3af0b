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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.jsonrpc.JsonRpcSetup;
import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.server.JsonRpcException;
import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.JsonRpcTransportContext;
import io.github.jsonrpc.server.method.annotation.JsonRpcMethod;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the limits an {@link InvocableJsonRpcMethod} applies to its calls (a
 * concurrency limit, a timeout that interrupts the method), for its failure path behind
 * such a guard, and for its argument validation.
 *
 * @author JSON-RPC for Spring Boot team
 */
class InvocableJsonRpcMethodLimitsTests {

	private final LimitedService service = new LimitedService();

	private final ExecutorService timeouts = Executors.newSingleThreadExecutor((task) -> new Thread(task, "timeout-1"));

	@AfterEach
	void shutdown() {
		this.service.pending.complete("released");
		this.timeouts.shutdownNow();
	}

	@Test
	void concurrencyLimitRefusesTheCallOverItUntilTheRunningOneCompletes() {
		JsonRpcHandler handler = JsonRpcSetup.services(this.service).toHandler();
		CompletableFuture<String> first = reply(handler, "held", 1);
		assertThat(first).isNotDone();
		assertThat(TestWaits.join(reply(handler, "held", 2))).isEqualTo(
				"{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32005,\"message\":\"Too many concurrent calls\",\"data\":"
						+ "{\"reason\":\"max-concurrency\"}},\"id\":2}");
		this.service.pending.complete("done");
		assertThat(TestWaits.join(first)).isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"done\",\"id\":1}");
		assertThat(TestWaits.join(reply(handler, "held", 3)))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"done\",\"id\":3}");
	}

	@Test
	void limitsAreThoseOfTheAnnotation() {
		JsonRpcMethodRegistry registry = JsonRpcSetup.services(this.service).toRegistry();
		assertThat(registry.lookup("held").limits()).isEqualTo(new JsonRpcMethodLimits(null, 1));
		assertThat(registry.lookup("plain").limits()).isEqualTo(JsonRpcMethodLimits.NONE);
	}

	@Test
	void timeoutAnswersTheCallAndInterruptsTheMethod() throws Exception {
		InvocableJsonRpcMethodFactory factory = JsonRpcSetup.services().toMethodFactory();
		factory.setTimeoutExecutor(this.timeouts);
		InvocableJsonRpcMethod method = factory.create(handlerMethod("waits"));
		List<Throwable> failures = new CopyOnWriteArrayList<>();
		CompletableFuture<String> answer = method.invoke(exchange("waits"), (call, value) -> "result " + value,
				(call, ex) -> {
					failures.add(ex);
					return "failed";
				});
		assertThat(TestWaits.get(answer)).isEqualTo("failed");
		assertThat(failures).singleElement()
			.isInstanceOfSatisfying(JsonRpcException.class,
					(ex) -> assertThat(ex.getError().message()).isEqualTo("Call timed out"));
		assertThat(TestWaits.get(this.service.interrupted)).isTrue();
	}

	@Test
	void blockingExecutorRunningOnTheCallerLeavesItsInterruptStatusAlone() {
		JsonRpcHandler handler = JsonRpcSetup.services(this.service).blockingExecutor(Runnable::run).toHandler();
		assertThat(TestWaits.join(reply(handler, "plain", 1)))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"plain\",\"id\":1}");
		assertThat(Thread.interrupted()).isFalse();
	}

	@Test
	void guardedMethodFailureIsAnErrorResponse() {
		// the details name the method's own exception, not one of the guard's
		JsonRpcHandler handler = JsonRpcSetup.services(this.service).includeDetails(true).toHandler();
		assertThat(TestWaits.join(reply(handler, "guardedFails", 1)))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32603,\"message\":\"Internal error\",\"data\":"
					+ "{\"exception\":\"java.lang.IllegalStateException\",\"message\":\"failed\"}},\"id\":1}");
		assertThat(TestWaits.join(handler
			.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"guardedIncrement\",\"params\":[\"x\"],\"id\":2}")))
			.hasValue("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":"
					+ "\"Invalid params: parameter 'value' must be an integer\"},\"id\":2}");
		assertThat(TestWaits
			.join(handler.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"guardedIncrement\",\"params\":[41],\"id\":3}")))
			.hasValue("{\"jsonrpc\":\"2.0\",\"result\":42,\"id\":3}");
	}

	@Test
	void validatorChecksTheArgumentsOfTheMethodsItAsksFor() {
		List<String> validated = new CopyOnWriteArrayList<>();
		JsonRpcHandler handler = JsonRpcSetup.services(this.service).validator(new JsonRpcMethodValidator() {

			@Override
			public boolean requiresValidation(Class<?> beanType, Method method) {
				return method.getName().equals("guardedIncrement") || method.getName().equals("nothing");
			}

			@Override
			public void validate(InvocableJsonRpcMethod method, Object[] arguments) {
				validated.add(method.name() + "/" + arguments.length);
				if (arguments.length > 0 && (int) arguments[0] < 0) {
					throw new JsonRpcException(-32602, "Invalid params: value must not be negative");
				}
			}

		}).toHandler();
		assertThat(TestWaits
			.join(handler.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"guardedIncrement\",\"params\":[-1],\"id\":1}")))
			.hasValue("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":"
					+ "\"Invalid params: value must not be negative\"},\"id\":1}");
		assertThat(TestWaits
			.join(handler.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"guardedIncrement\",\"params\":[1],\"id\":2}")))
			.hasValue("{\"jsonrpc\":\"2.0\",\"result\":2,\"id\":2}");
		assertThat(TestWaits.join(reply(handler, "plain", 3)))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"plain\",\"id\":3}");
		// a method without parameters is validated with no arguments, not with none at
		// all
		assertThat(TestWaits.join(reply(handler, "nothing", 4)))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"nothing\",\"id\":4}");
		assertThat(validated).containsExactly("guardedIncrement/1", "guardedIncrement/1", "nothing/0");
	}

	private static CompletableFuture<String> reply(JsonRpcHandler handler, String method, int id) {
		return handler.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"id\":" + id + "}")
			.thenApply((reply) -> reply.orElseThrow());
	}

	private JsonRpcHandlerMethod handlerMethod(String name) {
		return JsonRpcSetup.services(this.service).toRegistry().lookup(name).handlerMethod();
	}

	private static JsonRpcExchange exchange(String method) {
		return JsonRpcExchange.of(JsonRpcRequest.call(JsonRpcId.of(1), method, null),
				JsonRpcTransportContext.inProcess());
	}

	@JsonRpcService
	static class LimitedService {

		final CompletableFuture<String> pending = new CompletableFuture<>();

		final CompletableFuture<Boolean> interrupted = new CompletableFuture<>();

		@JsonRpcMethod(maxConcurrency = 1)
		public CompletableFuture<String> held() {
			return this.pending.thenApply((value) -> value);
		}

		@JsonRpcMethod(timeout = "50ms")
		public String waits() {
			try {
				// never counted down: only an interrupt ends the wait early
				new CountDownLatch(1).await(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS);
				this.interrupted.complete(false);
			}
			catch (InterruptedException ex) {
				this.interrupted.complete(true);
			}
			return "waited";
		}

		public String plain() {
			return "plain";
		}

		public String nothing() {
			return "nothing";
		}

		@JsonRpcMethod(maxConcurrency = 1)
		public String guardedFails() {
			throw new IllegalStateException("failed");
		}

		@JsonRpcMethod(maxConcurrency = 1)
		public int guardedIncrement(int value) {
			return value + 1;
		}

	}

}
