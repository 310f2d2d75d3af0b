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

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.CalculatorService;
import io.github.jsonrpc.JsonRpcSetup;
import io.github.jsonrpc.protocol.JsonRpcError;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcReply;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DefaultJsonRpcHandler}, built through {@link JsonRpcHandler#builder}.
 *
 * @author jsonrpc-dev
 */
class DefaultJsonRpcHandlerTests {

	private final ExecutorService executor = Executors.newFixedThreadPool(4);

	private final CalculatorService calculator = new CalculatorService();

	@AfterEach
	void shutdown() {
		this.executor.shutdownNow();
	}

	@Test
	void singleCallIsAnswered() throws Exception {
		JsonRpcHandler handler = JsonRpcSetup.services(this.calculator).toHandler();
		assertJson(call(handler, "{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1,2],\"id\":1}"),
				"{\"jsonrpc\":\"2.0\",\"result\":3,\"id\":1}");
	}

	@Test
	void batchKeepsOrderWhenSequentialItemsCompleteLater() throws Exception {
		JsonRpcHandler handler = JsonRpcSetup.services(new AsyncService()).toHandler();
		String reply = call(handler, batchOfDelayed(4));
		assertJson(reply, expectedBatch(4));
	}

	@Test
	void batchKeepsOrderWhenParallelItemsCompleteInReverseOrder() throws Exception {
		PendingService service = new PendingService(4);
		JsonRpcHandler handler = JsonRpcSetup.services(service).batchParallelism(4, this.executor).toHandler();
		CompletableFuture<Optional<String>> reply = handler.handleText("""
				[
				  {"jsonrpc":"2.0","method":"pending","params":[0],"id":0},
				  {"jsonrpc":"2.0","method":"pending","params":[1],"id":1},
				  {"jsonrpc":"2.0","method":"pending","params":[2],"id":2},
				  {"jsonrpc":"2.0","method":"pending","params":[3],"id":3}
				]
				""");
		assertThat(service.allStarted.await(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
		assertThat(reply).isNotDone();
		for (int i = 3; i >= 0; i--) {
			service.futures.get(i).complete("item-" + i);
		}
		assertJson(reply.get(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS).orElseThrow(), expectedBatch(4));
	}

	@Test
	void batchParallelismRunsItemsConcurrentlyAndKeepsOrder() throws Exception {
		BarrierService service = new BarrierService(new CyclicBarrier(2));
		JsonRpcHandler handler = JsonRpcSetup.services(service).batchParallelism(2, this.executor).toHandler();
		String reply = handler.handleText("""
				[
				  {"jsonrpc":"2.0","method":"meet","params":["a"],"id":1},
				  {"jsonrpc":"2.0","method":"meet","params":["b"],"id":2}
				]
				""").get(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS).orElseThrow();
		// each item waits at the barrier for the other: both succeed only if they
		// overlapped
		assertJson(reply, """
				[{"jsonrpc":"2.0","result":"a","id":1},{"jsonrpc":"2.0","result":"b","id":2}]
				""");
	}

	@Test
	void batchParallelismWithSaturatedExecutorStillAnswersEveryItem() throws Exception {
		java.util.concurrent.Executor rejecting = (task) -> {
			throw new java.util.concurrent.RejectedExecutionException("saturated");
		};
		JsonRpcHandler handler = JsonRpcSetup.services(this.calculator).batchParallelism(2, rejecting).toHandler();
		assertJson(
				call(handler,
						"""
								[{"jsonrpc":"2.0","method":"sum","params":[1],"id":1},{"jsonrpc":"2.0","method":"sum","params":[2],"id":2},
								 {"jsonrpc":"2.0","method":"sum","params":[3],"id":3}]
								"""),
				"""
						[{"jsonrpc":"2.0","result":1,"id":1},{"jsonrpc":"2.0","result":2,"id":2},{"jsonrpc":"2.0","result":3,"id":3}]
						""");
	}

	@Test
	void batchWithoutParallelismRunsItemsOneAfterTheOther() throws Exception {
		ConcurrencyService service = new ConcurrencyService();
		JsonRpcHandler handler = JsonRpcSetup.services(service).toHandler();
		handler.handleText(batchOf("track", 5)).get(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS);
		assertThat(service.maxConcurrent).isEqualTo(1);
		assertThat(service.order).containsExactly(0, 1, 2, 3, 4);
	}

	@Test
	void batchLargerThanMaxBatchSizeIsRejectedAndNothingRuns() throws Exception {
		JsonRpcHandler handler = JsonRpcSetup.services(this.calculator).maxBatchSize(2).toHandler();
		String reply = call(handler, """
				[
				  {"jsonrpc":"2.0","method":"sum","params":[1],"id":1},
				  {"jsonrpc":"2.0","method":"sum","params":[2],"id":2},
				  {"jsonrpc":"2.0","method":"update","params":[3]}
				]
				""");
		assertJson(reply,
				"""
						{"jsonrpc":"2.0","error":{"code":-32600,"message":"Batch too large","data":{"maxBatchSize":2}},"id":null}
						""");
		assertThat(this.calculator.calls()).isEmpty();
	}

	@Test
	void batchOfMaxBatchSizeIsAccepted() throws Exception {
		JsonRpcHandler handler = JsonRpcSetup.services(this.calculator).maxBatchSize(2).toHandler();
		assertJson(
				call(handler,
						"""
								[{"jsonrpc":"2.0","method":"sum","params":[1],"id":1},{"jsonrpc":"2.0","method":"sum","params":[2],"id":2}]
								"""),
				"""
						[{"jsonrpc":"2.0","result":1,"id":1},{"jsonrpc":"2.0","result":2,"id":2}]
						""");
	}

	@Test
	void notificationInBatchRunsButProducesNoResponse() throws Exception {
		JsonRpcHandler handler = JsonRpcSetup.services(this.calculator).toHandler();
		String reply = call(handler, """
				[
				  {"jsonrpc":"2.0","method":"update","params":[1]},
				  {"jsonrpc":"2.0","method":"sum","params":[1,2],"id":"s"},
				  {"jsonrpc":"2.0","method":"notify_hello","params":[7]},
				  {"jsonrpc":"2.0","method":"nope"}
				]
				""");
		assertJson(reply, "[{\"jsonrpc\":\"2.0\",\"result\":3,\"id\":\"s\"}]");
		assertThat(this.calculator.calls()).containsExactly("update", "sum", "notify_hello");
	}

	@Test
	void notificationsAnsweredAtOnceShareOneEmptyReplyThatCannotBeChanged() {
		JsonRpcHandler handler = JsonRpcSetup.services(this.calculator).toHandler();
		JsonRpcTransportContext context = JsonRpcTransportContext.inProcess();
		CompletableFuture<JsonRpcReply> first = handler.handle(
				handler.codec().decodeRequests("{\"jsonrpc\":\"2.0\",\"method\":\"update\",\"params\":[1]}"), context);
		CompletableFuture<JsonRpcReply> batch = handler.handle(handler.codec()
			.decodeRequests(
					"[{\"jsonrpc\":\"2.0\",\"method\":\"update\"},{\"jsonrpc\":\"2.0\",\"method\":\"update\"}]"),
				context);
		assertThat(batch).isSameAs(first);
		assertThat(first.join().isEmpty()).isTrue();
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> first.obtrudeValue(JsonRpcReply.single(JsonRpcResponse.success(JsonRpcId.of(1), 1))));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> first.obtrudeException(new IllegalStateException()));
		assertThat(first.complete(null)).isFalse();
		assertThat(first.cancel(true)).isFalse();
		assertThat(first.join().isEmpty()).isTrue();
		assertThat(this.calculator.calls()).containsExactly("update", "update", "update");
	}

	@Test
	void failingNotificationProducesNoResponse() {
		JsonRpcHandler handler = JsonRpcSetup.services(new FailingService()).toHandler();
		assertThat(TestWaits.join(handler.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"fail\"}"))).isEmpty();
		assertThat(TestWaits.join(handler.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"fail\",\"params\":[1,2,3]}")))
			.isEmpty();
	}

	@Test
	void interceptorThatThrowsGivesErrorResponse() throws Exception {
		JsonRpcInterceptor throwing = (exchange, chain) -> {
			throw new IllegalStateException("interceptor failed");
		};
		JsonRpcHandler handler = JsonRpcSetup.services(this.calculator).interceptors(throwing).toHandler();
		assertJson(call(handler, "{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1],\"id\":1}"),
				"{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32603,\"message\":\"Internal error\"},\"id\":1}");
		assertThat(this.calculator.calls()).isEmpty();
	}

	@Test
	void interceptorThatReturnsFailedFutureGivesErrorResponse() throws Exception {
		JsonRpcInterceptor failing = (exchange, chain) -> CompletableFuture
			.failedFuture(new JsonRpcException(-32050, "Rejected", Map.of("reason", "quota")));
		JsonRpcHandler handler = JsonRpcSetup.services(this.calculator).interceptors(failing).toHandler();
		assertJson(call(handler, "{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1],\"id\":1}"), """
				{"jsonrpc":"2.0","error":{"code":-32050,"message":"Rejected","data":{"reason":"quota"}},"id":1}
				""");
	}

	@Test
	void interceptorThatThrowsInBatchOnlyFailsItsEntry() throws Exception {
		JsonRpcInterceptor picky = (exchange, chain) -> {
			if (exchange.method().equals("update")) {
				throw new IllegalStateException("no updates");
			}
			return chain.next(exchange);
		};
		JsonRpcHandler handler = JsonRpcSetup.services(this.calculator).interceptors(picky).toHandler();
		assertJson(
				call(handler,
						"""
								[{"jsonrpc":"2.0","method":"update","params":[1],"id":1},{"jsonrpc":"2.0","method":"sum","params":[2],"id":2}]
								"""),
				"""
						[{"jsonrpc":"2.0","error":{"code":-32603,"message":"Internal error"},"id":1},
						 {"jsonrpc":"2.0","result":2,"id":2}]
						""");
	}

	@Test
	void notificationFailingInInterceptorProducesNoResponse() {
		JsonRpcInterceptor throwing = (exchange, chain) -> {
			throw new IllegalStateException("interceptor failed");
		};
		JsonRpcHandler handler = JsonRpcSetup.services(this.calculator).interceptors(throwing).toHandler();
		assertThat(TestWaits.join(handler.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"update\",\"params\":[1]}")))
			.isEmpty();
		assertThat(TestWaits.join(handler.handleText("[{\"jsonrpc\":\"2.0\",\"method\":\"update\",\"params\":[1]}]")))
			.isEmpty();
	}

	@Test
	void interceptorReturningNullGivesErrorResponse() throws Exception {
		JsonRpcInterceptor broken = (exchange, chain) -> null;
		JsonRpcHandler handler = JsonRpcSetup.services(this.calculator).interceptors(broken).toHandler();
		assertJson(call(handler, "{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1],\"id\":1}"),
				"{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32603,\"message\":\"Internal error\"},\"id\":1}");
	}

	@Test
	void firstInterceptorIsOutermost() throws Exception {
		List<String> events = new CopyOnWriteArrayList<>();
		JsonRpcHandler handler = JsonRpcSetup.services(this.calculator)
			.interceptors(recording("a", events), recording("b", events), recording("c", events))
			.toHandler();
		call(handler, "{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1],\"id\":1}");
		assertThat(events).containsExactly("a>", "b>", "c>", "<c", "<b", "<a");
	}

	@Test
	void andThenRunsThisInterceptorFirst() throws Exception {
		List<String> events = new CopyOnWriteArrayList<>();
		JsonRpcHandler handler = JsonRpcSetup.services(this.calculator)
			.interceptors(recording("a", events).andThen(recording("b", events)))
			.toHandler();
		assertJson(call(handler, "{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1],\"id\":1}"),
				"{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":1}");
		assertThat(events).containsExactly("a>", "b>", "<b", "<a");
	}

	@Test
	void notificationsGoThroughInterceptors() {
		List<String> methods = new CopyOnWriteArrayList<>();
		JsonRpcInterceptor interceptor = (exchange, chain) -> {
			methods.add(exchange.method() + ":" + exchange.request().isNotification());
			return chain.next(exchange);
		};
		JsonRpcHandler handler = JsonRpcSetup.services(this.calculator).interceptors(interceptor).toHandler();
		assertThat(TestWaits.join(handler.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"update\",\"params\":[1]}")))
			.isEmpty();
		assertThat(TestWaits.join(handler.handleText(
				"""
						[{"jsonrpc":"2.0","method":"notify_hello","params":[1]},{"jsonrpc":"2.0","method":"notify_sum","params":[1]}]
						""")))
			.isEmpty();
		assertThat(methods).containsExactly("update:true", "notify_hello:true", "notify_sum:true");
		assertThat(this.calculator.calls()).containsExactly("update", "notify_hello", "notify_sum");
	}

	@Test
	void interceptorCanRewriteRequestAndShareAttributes() throws Exception {
		JsonRpcInterceptor rename = (exchange, chain) -> {
			exchange.attributes().put("seen", "yes");
			JsonRpcRequest request = exchange.request();
			return chain.next(exchange.withRequest(new JsonRpcRequest(request.id(), "sum", request.params())));
		};
		JsonRpcInterceptor check = (exchange, chain) -> chain.next(exchange)
			.thenApply((response) -> "yes".equals(exchange.attributes().get("seen")) ? response
					: JsonRpcResponse.failure(response.id(), JsonRpcError.of(-32099, "attribute lost")));
		JsonRpcHandler handler = JsonRpcSetup.services(this.calculator).interceptors(rename, check).toHandler();
		assertJson(call(handler, "{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":[1,2],\"id\":1}"),
				"{\"jsonrpc\":\"2.0\",\"result\":3,\"id\":1}");
	}

	@Test
	void interceptorCanAnswerWithoutCallingTheMethod() throws Exception {
		JsonRpcInterceptor shortCircuit = (exchange, chain) -> CompletableFuture
			.completedFuture(JsonRpcResponse.success(exchange.request().responseId(), "cached"));
		JsonRpcHandler handler = JsonRpcSetup.services(this.calculator).interceptors(shortCircuit).toHandler();
		assertJson(call(handler, "{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1],\"id\":1}"),
				"{\"jsonrpc\":\"2.0\",\"result\":\"cached\",\"id\":1}");
		assertThat(this.calculator.calls()).isEmpty();
	}

	@Test
	void builderRejectsInvalidSettings() {
		JsonRpcHandler.Builder builder = JsonRpcHandler.builder((exchange) -> null,
				io.github.jsonrpc.protocol.JsonRpcMessageCodec
					.create(tools.jackson.databind.json.JsonMapper.builder().build()));
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> builder.maxBatchSize(0));
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> builder.batchParallelism(0, this.executor));
	}

	private static JsonRpcInterceptor recording(String name, List<String> events) {
		return (exchange, chain) -> {
			events.add(name + ">");
			return chain.next(exchange).whenComplete((response, ex) -> events.add("<" + name));
		};
	}

	private static String call(JsonRpcHandler handler, String json) throws Exception {
		return handler.handleText(json).get(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS).orElseThrow();
	}

	private static void assertJson(String actual, String expected) throws Exception {
		JSONAssert.assertEquals(expected, actual, JSONCompareMode.STRICT);
	}

	private static String batchOfDelayed(int count) {
		StringBuilder batch = new StringBuilder("[");
		for (int i = 0; i < count; i++) {
			batch.append((i > 0) ? "," : "")
				.append("{\"jsonrpc\":\"2.0\",\"method\":\"delayed\",\"params\":[")
				.append(i)
				.append(",")
				.append((count - i) * 10)
				.append("],\"id\":")
				.append(i)
				.append("}");
		}
		return batch.append("]").toString();
	}

	private static String batchOf(String method, int count) {
		StringBuilder batch = new StringBuilder("[");
		for (int i = 0; i < count; i++) {
			batch.append((i > 0) ? "," : "")
				.append("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":[")
				.append(i)
				.append("],\"id\":")
				.append(i)
				.append("}");
		}
		return batch.append("]").toString();
	}

	private static String expectedBatch(int count) {
		StringBuilder batch = new StringBuilder("[");
		for (int i = 0; i < count; i++) {
			batch.append((i > 0) ? "," : "")
				.append("{\"jsonrpc\":\"2.0\",\"result\":\"item-")
				.append(i)
				.append("\",\"id\":")
				.append(i)
				.append("}");
		}
		return batch.append("]").toString();
	}

	@Test
	void stackOverflowErrorIsNotAnErrorResponse() throws Exception {
		JsonRpcHandler handler = JsonRpcSetup.services(new FatalService(), this.calculator).toHandler();
		assertThat(failure(() -> call(handler, "{\"jsonrpc\":\"2.0\",\"method\":\"overflow\",\"id\":1}")))
			.isInstanceOf(StackOverflowError.class);
		// the JVM error ended one call, not the handler
		assertJson(call(handler, "{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1,2],\"id\":2}"),
				"{\"jsonrpc\":\"2.0\",\"result\":3,\"id\":2}");
	}

	@Test
	void outOfMemoryErrorOfAsyncMethodFailsTheReply() throws Exception {
		JsonRpcHandler handler = JsonRpcSetup.services(new FatalService(), this.calculator).toHandler();
		assertThat(failure(() -> call(handler, "{\"jsonrpc\":\"2.0\",\"method\":\"exhausted\",\"id\":1}")))
			.isInstanceOf(OutOfMemoryError.class);
		assertJson(call(handler, "{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1,2],\"id\":2}"),
				"{\"jsonrpc\":\"2.0\",\"result\":3,\"id\":2}");
	}

	@Test
	void outOfMemoryErrorInBatchIsNotAnErrorResponse() {
		JsonRpcHandler handler = JsonRpcSetup.services(new FatalService(), this.calculator)
			.blockingExecutor(this.executor)
			.toHandler();
		assertThat(failure(() -> call(handler, """
				[{"jsonrpc":"2.0","method":"sum","params":[1],"id":1},
				 {"jsonrpc":"2.0","method":"outOfMemory","id":2}]"""))).isInstanceOf(OutOfMemoryError.class);
	}

	private static Throwable failure(ThrowingRunnable runnable) {
		try {
			runnable.run();
		}
		catch (Throwable ex) {
			return JsonRpcExceptionHandler.unwrap(ex);
		}
		throw new AssertionError("Expected a failure");
	}

	interface ThrowingRunnable {

		void run() throws Exception;

	}

	@JsonRpcService
	static class FatalService {

		public int overflow() {
			throw new StackOverflowError();
		}

		public int outOfMemory() {
			throw new OutOfMemoryError("test");
		}

		public CompletableFuture<Integer> exhausted() {
			return CompletableFuture.failedFuture(new OutOfMemoryError("test"));
		}

	}

	@JsonRpcService
	static class AsyncService {

		public CompletableFuture<String> delayed(int index, long delayMillis) {
			return CompletableFuture.supplyAsync(() -> "item-" + index,
					CompletableFuture.delayedExecutor(delayMillis, TimeUnit.MILLISECONDS));
		}

	}

	@JsonRpcService
	static class PendingService {

		final Map<Integer, CompletableFuture<String>> futures = new ConcurrentHashMap<>();

		final CountDownLatch allStarted;

		PendingService(int count) {
			this.allStarted = new CountDownLatch(count);
		}

		public CompletableFuture<String> pending(int index) {
			CompletableFuture<String> future = new CompletableFuture<>();
			this.futures.put(index, future);
			this.allStarted.countDown();
			return future;
		}

	}

	@JsonRpcService
	static class BarrierService {

		private final CyclicBarrier barrier;

		BarrierService(CyclicBarrier barrier) {
			this.barrier = barrier;
		}

		public String meet(String name) throws Exception {
			this.barrier.await(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS);
			return name;
		}

	}

	@JsonRpcService
	static class ConcurrencyService {

		final List<Integer> order = new CopyOnWriteArrayList<>();

		private final java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();

		volatile int maxConcurrent;

		public int track(int index) {
			int now = this.running.incrementAndGet();
			this.maxConcurrent = Math.max(this.maxConcurrent, now);
			this.order.add(index);
			this.running.decrementAndGet();
			return index;
		}

	}

	@JsonRpcService
	static class FailingService {

		public void fail() {
			throw new IllegalStateException("failed");
		}

	}

}
