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
package io.github.jsonrpc.server;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.protocol.JsonRpcReply;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import io.github.jsonrpc.server.support.DefaultJsonRpcExceptionResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * Tests that {@link DefaultJsonRpcHandler} never waits for a call that completes later:
 * the reply is returned unresolved at once, and a late failure becomes an error response.
 *
 * @author jsonrpc-dev
 */
class DefaultJsonRpcHandlerPendingTests {

	private static final JsonRpcMessageCodec codec = JsonRpcMessageCodec.create(JsonMapper.builder().build());

	private final ExecutorService caller = Executors.newSingleThreadExecutor();

	private final PendingDispatcher dispatcher = new PendingDispatcher();

	@AfterEach
	void releaseAndShutdown() {
		// release a caller stuck in a join(), should the handler ever block
		this.dispatcher.pending.values()
			.forEach((future) -> future.completeExceptionally(new IllegalStateException("test over")));
		this.caller.shutdownNow();
	}

	@Test
	void pendingSingleCallIsReturnedUnresolved() throws Exception {
		JsonRpcHandler handler = builder().build();
		CompletableFuture<JsonRpcReply> reply = handleWithoutBlocking(handler,
				"{\"jsonrpc\":\"2.0\",\"method\":\"a\",\"id\":1}");
		assertThat(reply).isNotDone();
		this.dispatcher.complete("a", "done");
		assertThat(text(reply)).isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"done\",\"id\":1}");
	}

	@Test
	void pendingNotificationIsReturnedUnresolvedAndAnsweredWithNothing() throws Exception {
		JsonRpcHandler handler = builder().build();
		CompletableFuture<JsonRpcReply> reply = handleWithoutBlocking(handler,
				"{\"jsonrpc\":\"2.0\",\"method\":\"a\"}");
		assertThat(reply).isNotDone();
		this.dispatcher.complete("a", "done");
		assertThat(reply.get(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS).isEmpty()).isTrue();
	}

	@Test
	void singleCallFailingLaterBecomesErrorResponse() throws Exception {
		JsonRpcHandler handler = builder().build();
		CompletableFuture<JsonRpcReply> reply = handleWithoutBlocking(handler,
				"{\"jsonrpc\":\"2.0\",\"method\":\"a\",\"id\":\"x\"}");
		this.dispatcher.pending.get("a").completeExceptionally(new JsonRpcException(-32050, "Late", "why"));
		assertThat(text(reply)).isEqualTo(
				"{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32050,\"message\":\"Late\",\"data\":\"why\"},\"id\":\"x\"}");
	}

	@Test
	void singleCallFailingLaterWithUnexpectedExceptionBecomesInternalError() throws Exception {
		JsonRpcHandler handler = JsonRpcHandler.builder(this.dispatcher, codec).build();
		CompletableFuture<JsonRpcReply> reply = handleWithoutBlocking(handler,
				"{\"jsonrpc\":\"2.0\",\"method\":\"a\",\"id\":2}");
		this.dispatcher.pending.get("a").completeExceptionally(new IllegalStateException("boom"));
		assertThat(text(reply))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32603,\"message\":\"Internal error\"},\"id\":2}");
	}

	@Test
	void pendingInterceptorIsReturnedUnresolvedAndItsLateFailureAnswered() throws Exception {
		CompletableFuture<JsonRpcResponse> held = new CompletableFuture<>();
		JsonRpcInterceptor holding = (exchange, chain) -> held;
		JsonRpcHandler handler = builder().interceptors(List.of(holding)).build();
		CompletableFuture<JsonRpcReply> reply = handleWithoutBlocking(handler,
				"{\"jsonrpc\":\"2.0\",\"method\":\"a\",\"id\":3}");
		assertThat(reply).isNotDone();
		held.completeExceptionally(new JsonRpcException(-32001, "Unauthorized"));
		assertThat(text(reply))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32001,\"message\":\"Unauthorized\"},\"id\":3}");
		assertThat(this.dispatcher.calls).isEmpty();
	}

	@Test
	void sequentialBatchWithPendingEntryIsReturnedUnresolvedAndRunsTheRestAfterIt() throws Exception {
		JsonRpcHandler handler = builder().build();
		CompletableFuture<JsonRpcReply> reply = handleWithoutBlocking(handler, """
				[{"jsonrpc":"2.0","method":"a","id":1},{"jsonrpc":"2.0","method":"b","id":2},
				 {"jsonrpc":"2.0","method":"c","id":3}]
				""");
		assertThat(reply).isNotDone();
		assertThat(this.dispatcher.calls).containsExactly("a");
		this.dispatcher.complete("a", "A");
		assertThat(reply).isNotDone();
		assertThat(this.dispatcher.calls).containsExactly("a", "b");
		this.dispatcher.pending.get("b").completeExceptionally(new JsonRpcException(-32050, "Late"));
		assertThat(this.dispatcher.calls).containsExactly("a", "b", "c");
		this.dispatcher.complete("c", "C");
		assertThat(text(reply)).isEqualTo("[{\"jsonrpc\":\"2.0\",\"result\":\"A\",\"id\":1},"
				+ "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32050,\"message\":\"Late\"},\"id\":2},"
				+ "{\"jsonrpc\":\"2.0\",\"result\":\"C\",\"id\":3}]");
	}

	@Test
	void batchParallelismOfOneRunsInSequenceWithoutTheExecutor() throws Exception {
		AtomicInteger executed = new AtomicInteger();
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			JsonRpcHandler handler = builder().batchParallelism(1, (task) -> {
				executed.incrementAndGet();
				pool.execute(task);
			}).build();
			CompletableFuture<JsonRpcReply> reply = handleWithoutBlocking(handler,
					"[{\"jsonrpc\":\"2.0\",\"method\":\"a\",\"id\":1},{\"jsonrpc\":\"2.0\",\"method\":\"b\",\"id\":2}]");
			assertThat(this.dispatcher.calls).containsExactly("a");
			this.dispatcher.complete("a", "A");
			this.dispatcher.complete("b", "B");
			assertThat(text(reply)).isEqualTo(
					"[{\"jsonrpc\":\"2.0\",\"result\":\"A\",\"id\":1},{\"jsonrpc\":\"2.0\",\"result\":\"B\",\"id\":2}]");
			assertThat(executed).hasValue(0);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void parallelBatchStartsNoMoreWorkersThanEntries() throws Exception {
		AtomicInteger executed = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			JsonRpcHandler handler = builder().batchParallelism(8, (task) -> {
				executed.incrementAndGet();
				pool.execute(task);
			}).build();
			CompletableFuture<JsonRpcReply> reply = handleWithoutBlocking(handler, """
					[{"jsonrpc":"2.0","method":"a","id":1},{"jsonrpc":"2.0","method":"b","id":2},
					 {"jsonrpc":"2.0","method":"c","id":3}]
					""");
			assertThat(reply).isNotDone();
			this.dispatcher.awaitCalls(3);
			assertThat(executed).hasValue(3);
			this.dispatcher.complete("c", "C");
			this.dispatcher.complete("b", "B");
			this.dispatcher.complete("a", "A");
			assertThat(text(reply)).isEqualTo("[{\"jsonrpc\":\"2.0\",\"result\":\"A\",\"id\":1},"
					+ "{\"jsonrpc\":\"2.0\",\"result\":\"B\",\"id\":2},{\"jsonrpc\":\"2.0\",\"result\":\"C\",\"id\":3}]");
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void parallelBatchAnswersInvalidEntriesInPlace() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			JsonRpcHandler handler = builder().batchParallelism(2, pool).build();
			CompletableFuture<JsonRpcReply> reply = handleWithoutBlocking(handler,
					"[1,{\"jsonrpc\":\"2.0\",\"method\":\"a\",\"id\":1},{\"jsonrpc\":\"2.0\",\"method\":\"b\"}]");
			this.dispatcher.awaitCalls(2);
			this.dispatcher.complete("a", "A");
			this.dispatcher.complete("b", "B");
			assertThat(text(reply)).isEqualTo(
					"[{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\"},\"id\":null},"
							+ "{\"jsonrpc\":\"2.0\",\"result\":\"A\",\"id\":1}]");
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void batchOfExactlyMaxBatchSizeRunsAndOneMoreIsRejected() throws Exception {
		JsonRpcHandler handler = JsonRpcHandler
			.builder(
					(exchange) -> CompletableFuture
						.completedFuture(JsonRpcResponse.success(exchange.request().responseId(), exchange.method())),
					codec)
			.maxBatchSize(2)
			.build();
		assertThat(
				text(handler.handle(
						bytes("[{\"jsonrpc\":\"2.0\",\"method\":\"a\",\"id\":1},"
								+ "{\"jsonrpc\":\"2.0\",\"method\":\"b\",\"id\":2}]"),
						JsonRpcTransportContext.inProcess())))
			.isEqualTo(
					"[{\"jsonrpc\":\"2.0\",\"result\":\"a\",\"id\":1},{\"jsonrpc\":\"2.0\",\"result\":\"b\",\"id\":2}]");
		assertThat(text(handler.handle(bytes("[{\"jsonrpc\":\"2.0\",\"method\":\"a\",\"id\":1},"
				+ "{\"jsonrpc\":\"2.0\",\"method\":\"b\",\"id\":2},{\"jsonrpc\":\"2.0\",\"method\":\"c\",\"id\":3}]"),
				JsonRpcTransportContext.inProcess())))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Batch too large\","
					+ "\"data\":{\"maxBatchSize\":2}},\"id\":null}");
	}

	@Test
	void builderAcceptsTheSmallestSettingsAndRejectsZero() {
		JsonRpcHandler.Builder builder = JsonRpcHandler.builder(this.dispatcher, codec);
		assertThat(builder.maxBatchSize(1)).isSameAs(builder);
		assertThat(builder.batchParallelism(1, Runnable::run)).isSameAs(builder);
		assertThatIllegalArgumentException().isThrownBy(() -> builder.maxBatchSize(0))
			.withMessage("maxBatchSize must be positive");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.batchParallelism(0, Runnable::run))
			.withMessage("Parallelism must be positive");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.batchParallelism(1, null))
			.withMessage("Executor is required");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.interceptors(null))
			.withMessage("Interceptors are required");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.exceptionHandler(null))
			.withMessage("ExceptionHandler is required");
		assertThatIllegalArgumentException().isThrownBy(() -> JsonRpcHandler.builder(null, codec))
			.withMessage("Dispatcher is required");
		assertThatIllegalArgumentException().isThrownBy(() -> JsonRpcHandler.builder(this.dispatcher, null))
			.withMessage("Codec is required");
	}

	@Test
	void handlerExposesItsCodec() {
		assertThat(JsonRpcHandler.builder(this.dispatcher, codec).build().codec()).isSameAs(codec);
	}

	private JsonRpcHandler.Builder builder() {
		// the default exception handler has no resolvers: every failure is an internal
		// error
		return JsonRpcHandler.builder(this.dispatcher, codec)
			.exceptionHandler(new JsonRpcExceptionHandler(List.of(new DefaultJsonRpcExceptionResolver()), false));
	}

	/**
	 * Call the handler on another thread: it must return while the call is pending. A
	 * handler that waited for the call would never return, since only this thread
	 * completes it.
	 */
	private CompletableFuture<JsonRpcReply> handleWithoutBlocking(JsonRpcHandler handler, String json)
			throws Exception {
		Callable<CompletableFuture<JsonRpcReply>> call = () -> handler.handle(bytes(json),
				JsonRpcTransportContext.inProcess());
		Future<CompletableFuture<JsonRpcReply>> returned = this.caller.submit(call);
		try {
			return returned.get(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			return fail("The handler blocked its caller on a pending call");
		}
	}

	private static byte[] bytes(String json) {
		return json.getBytes(StandardCharsets.UTF_8);
	}

	private static String text(CompletableFuture<JsonRpcReply> reply) throws Exception {
		return codec.encodeToString(reply.get(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS));
	}

	/**
	 * Answers every call with a future the test completes.
	 */
	static final class PendingDispatcher implements JsonRpcDispatcher {

		final Map<String, CompletableFuture<JsonRpcResponse>> pending = new ConcurrentHashMap<>();

		final List<String> calls = new CopyOnWriteArrayList<>();

		private final Map<String, JsonRpcExchange> exchanges = new ConcurrentHashMap<>();

		@Override
		public CompletableFuture<JsonRpcResponse> dispatch(JsonRpcExchange exchange) {
			CompletableFuture<JsonRpcResponse> future = new CompletableFuture<>();
			this.exchanges.put(exchange.method(), exchange);
			this.pending.put(exchange.method(), future);
			this.calls.add(exchange.method());
			return future;
		}

		void complete(String method, String result) {
			JsonRpcExchange exchange = this.exchanges.get(method);
			this.pending.get(method).complete(JsonRpcResponse.success(exchange.request().responseId(), result));
		}

		void awaitCalls(int count) {
			await().atMost(TestWaits.SHORT).until(() -> this.calls.size() == count);
		}

	}

}
