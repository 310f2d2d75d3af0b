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

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.jsonrpc.JsonRpcSetup;
import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.JsonRpcTransportContext;
import io.github.jsonrpc.server.method.annotation.JsonRpcMethod;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Tests that a {@link VirtualMachineError} thrown by a method is never a failure of the
 * call: {@link InvocableJsonRpcMethod} throws it again to its caller instead of handing
 * it to the failure path that would turn it into an error response.
 *
 * @author JSON-RPC for Spring Boot team
 */
class InvocableJsonRpcMethodFatalErrorTests {

	private static final StackOverflowError OVERFLOW = new StackOverflowError("deep");

	private static final OutOfMemoryError EXHAUSTED = new OutOfMemoryError("exhausted");

	private final ExecutorService blocking = Executors
		.newSingleThreadExecutor((task) -> new Thread(task, "blocking-1"));

	private final List<Throwable> failures = new CopyOnWriteArrayList<>();

	@AfterEach
	void shutdown() {
		this.blocking.shutdownNow();
	}

	@Test
	void stackOverflowOfMethodIsThrownByInvoke() {
		InvocableJsonRpcMethod method = method(JsonRpcSetup.services(), "overflow");
		assertThat(catchThrowable(() -> method.invoke(exchange("overflow")))).isSameAs(OVERFLOW);
	}

	@Test
	void outOfMemoryOfMethodIsThrownByInvoke() {
		InvocableJsonRpcMethod method = method(JsonRpcSetup.services(), "exhaust");
		assertThat(catchThrowable(() -> method.invoke(exchange("exhaust")))).isSameAs(EXHAUSTED);
	}

	@Test
	void stackOverflowOfMethodIsNeverGivenToTheFailurePath() {
		InvocableJsonRpcMethod method = method(JsonRpcSetup.services(), "overflow");
		assertThat(catchThrowable(() -> answer(method, "overflow"))).isSameAs(OVERFLOW);
		assertThat(this.failures).isEmpty();
	}

	@Test
	void outOfMemoryOfMethodIsNeverGivenToTheFailurePath() {
		InvocableJsonRpcMethod method = method(JsonRpcSetup.services(), "exhaust");
		assertThat(catchThrowable(() -> answer(method, "exhaust"))).isSameAs(EXHAUSTED);
		assertThat(this.failures).isEmpty();
	}

	@Test
	void stackOverflowOfGuardedMethodIsThrownAndReleasesItsPermit() {
		InvocableJsonRpcMethod method = method(JsonRpcSetup.services(), "guardedOverflow");
		assertThat(catchThrowable(() -> answer(method, "guardedOverflow"))).isSameAs(OVERFLOW);
		// one permit: a second call would be refused as too many concurrent calls if the
		// first had kept it
		assertThat(catchThrowable(() -> answer(method, "guardedOverflow"))).isSameAs(OVERFLOW);
		assertThat(this.failures).isEmpty();
	}

	@Test
	void ordinaryExceptionOfMethodGoesToTheFailurePath() {
		InvocableJsonRpcMethod method = method(JsonRpcSetup.services(), "fails");
		assertThat(answer(method, "fails")).isCompletedWithValue("failed");
		assertThat(this.failures).singleElement().isInstanceOf(IllegalStateException.class);
	}

	@Test
	void stackOverflowOnTheBlockingExecutorFailsTheResultWithIt() {
		InvocableJsonRpcMethod method = method(JsonRpcSetup.services().blockingExecutor(this.blocking), "overflow");
		CompletableFuture<?> result = method.invoke(exchange("overflow"));
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> TestWaits.get(result))
			.havingCause()
			.isSameAs(OVERFLOW);
	}

	private CompletableFuture<String> answer(InvocableJsonRpcMethod method, String name) {
		return method.invoke(exchange(name), (call, value) -> "result " + value, (call, ex) -> {
			this.failures.add(ex);
			return "failed";
		});
	}

	private static InvocableJsonRpcMethod method(JsonRpcSetup setup, String name) {
		JsonRpcMethodRegistry registry = JsonRpcSetup.services(new FatalService()).toRegistry();
		JsonRpcHandlerMethod handlerMethod = registry.lookup(name).handlerMethod();
		return setup.toMethodFactory().create(handlerMethod);
	}

	private static JsonRpcExchange exchange(String method) {
		return JsonRpcExchange.of(JsonRpcRequest.call(JsonRpcId.of(1), method, null),
				JsonRpcTransportContext.inProcess());
	}

	@JsonRpcService
	static class FatalService {

		public int overflow() {
			throw OVERFLOW;
		}

		public int exhaust() {
			throw EXHAUSTED;
		}

		@JsonRpcMethod(maxConcurrency = 1)
		public int guardedOverflow() {
			throw OVERFLOW;
		}

		public int fails() {
			throw new IllegalStateException("ordinary");
		}

	}

}
