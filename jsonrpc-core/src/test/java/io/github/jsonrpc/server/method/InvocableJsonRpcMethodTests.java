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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.JsonRpcSetup;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.server.JsonRpcException;
import io.github.jsonrpc.server.JsonRpcExceptionHandler;
import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.JsonRpcTransportContext;
import io.github.jsonrpc.server.support.JsonRpcServer;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;

import org.springframework.core.MethodParameter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InvocableJsonRpcMethod}: invocation and return value adaptation.
 *
 * @author jsonrpc-dev
 */
class InvocableJsonRpcMethodTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final ExecutorService executor = Executors
		.newSingleThreadExecutor((task) -> new Thread(task, "blocking-1"));

	private final JsonRpcHandler handler = JsonRpcSetup.services(new ReturnService()).toHandler();

	@AfterEach
	void shutdown() {
		this.executor.shutdownNow();
	}

	@Test
	void voidResultIsNull() {
		assertThat(call("nothing")).isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":null,\"id\":1}");
	}

	@Test
	void nullResultIsWritten() {
		assertThat(call("nullValue")).isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":null,\"id\":1}");
	}

	@Test
	void optionalIsUnwrapped() {
		assertThat(result("present")).hasToString("\"here\"");
		assertThat(result("absent").isNull()).isTrue();
	}

	@Test
	void completableFutureCompletedLater() {
		assertThat(result("later")).hasToString("\"later\"");
	}

	@Test
	void completionStageOfOptionalIsUnwrapped() {
		assertThat(result("stageOfOptional")).hasToString("\"stage\"");
	}

	@Test
	void failedFutureIsAnsweredWithItsError() {
		assertThat(error("failedLater").get("code").intValue()).isEqualTo(-32042);
	}

	@Test
	void monoIsAdapted() {
		assertThat(result("mono")).hasToString("\"mono\"");
		assertThat(result("emptyMono").isNull()).isTrue();
		assertThat(error("failedMono").get("code").intValue()).isEqualTo(-32042);
	}

	@Test
	void fluxIsCollectedToList() {
		assertThat(result("flux")).hasToString("[1,2,3]");
	}

	@Test
	void streamIsCollectedToList() {
		assertThat(result("stream")).hasToString("[\"a\",\"b\"]");
	}

	@Test
	void exceptionOfMethodIsUnwrapped() {
		assertThat(error("fails").get("code").intValue()).isEqualTo(-32042);
	}

	@Test
	void blockingMethodRunsOnBlockingExecutor() {
		JsonRpcHandler blocking = JsonRpcSetup.services(new ReturnService())
			.blockingExecutor(this.executor)
			.toHandler();
		assertThat(result(blocking, "threadName")).hasToString("\"blocking-1\"");
	}

	@Test
	void asyncMethodIsNotMovedToBlockingExecutor() {
		JsonRpcHandler blocking = JsonRpcSetup.services(new ReturnService())
			.blockingExecutor(this.executor)
			.toHandler();
		String caller = Thread.currentThread().getName();
		assertThat(result(blocking, "threadNameAsync").stringValue()).isEqualTo(caller);
		assertThat(result(blocking, "threadNamePublisher").get(0).stringValue()).isEqualTo(caller);
		assertThat(result(blocking, "threadNameMono").stringValue()).isEqualTo(caller);
		assertThat(result(blocking, "threadNameFlux").get(0).stringValue()).isEqualTo(caller);
	}

	@Test
	void plainResultIsAnsweredBeforeInvokeReturns() {
		InvocableJsonRpcMethod method = method("threadName");
		JsonRpcExchange exchange = exchange("threadName");
		CompletableFuture<String> answer = method.invoke(exchange, (call, value) -> call.method() + "=" + value,
				(call, ex) -> "failed: " + ex);
		assertThat(answer).isCompletedWithValue("threadName=" + Thread.currentThread().getName());
	}

	@Test
	void failureOfMethodIsAnsweredWithItsOwnException() {
		InvocableJsonRpcMethod method = method("fails");
		CompletableFuture<String> answer = method.invoke(exchange("fails"), (call, value) -> "result " + value,
				(call, ex) -> ex.getClass().getSimpleName() + ": " + ex.getMessage());
		assertThat(answer).isCompletedWithValue("JsonRpcException: Failed");
	}

	@Test
	void checkedExceptionOfMethodIsAnsweredWithItself() {
		InvocableJsonRpcMethod method = method("failsChecked");
		CompletableFuture<String> answer = method.invoke(exchange("failsChecked"), (call, value) -> "result " + value,
				(call, ex) -> ex.getClass().getSimpleName() + ": " + ex.getMessage());
		assertThat(answer).isCompletedWithValue("Exception: Checked");
	}

	@Test
	void argumentOfTheWrongTypeFromAResolverFailsAsWithReflection() {
		// a resolver's value is not checked before the call: Method.invoke rejects it
		JsonRpcArgumentResolver wrongType = new JsonRpcArgumentResolver() {

			@Override
			public boolean supportsParameter(MethodParameter parameter) {
				return parameter.getParameterType() == Marker.class;
			}

			@Override
			public Object resolveArgument(MethodParameter parameter, JsonRpcExchange exchange) {
				return "not a marker";
			}

		};
		InvocableJsonRpcMethod method = JsonRpcServer.builder()
			.service(new MarkerService())
			.argumentResolvers(List.of(wrongType))
			.build()
			.registry()
			.lookup("marked");
		assertThat(method).isNotNull();
		CompletableFuture<String> answer = method.invoke(exchange("marked"), (call, value) -> "result " + value,
				(call, ex) -> ex.getClass().getSimpleName());
		assertThat(answer).isCompletedWithValue("IllegalArgumentException");
	}

	@Test
	void resultsToWaitForOrUnwrapAreAnsweredWhenComplete() throws Exception {
		assertThat(answer("later").get(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("result later");
		assertThat(answer("present")).isCompletedWithValue("result here");
		assertThat(answer("absent")).isCompletedWithValue("result null");
		assertThat(answer("stream").get(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("result [a, b]");
		assertThat(answer("failedLater").get(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS))
			.isEqualTo("failed JsonRpcException");
	}

	@Test
	void blockingMethodIsAnsweredFromTheBlockingExecutor() throws Exception {
		JsonRpcServer server = JsonRpcServer.builder()
			.service(new ReturnService())
			.blockingExecutor(this.executor)
			.build();
		InvocableJsonRpcMethod method = server.registry().lookup("threadName");
		CompletableFuture<String> answer = method.invoke(exchange("threadName"), (call, value) -> "result " + value,
				(call, ex) -> "failed " + ex);
		assertThat(answer.get(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("result blocking-1");
	}

	private CompletableFuture<String> answer(String name) {
		return method(name).invoke(exchange(name), (call, value) -> "result " + value,
				(call, ex) -> "failed " + JsonRpcExceptionHandler.unwrap(ex).getClass().getSimpleName());
	}

	private static InvocableJsonRpcMethod method(String name) {
		InvocableJsonRpcMethod method = JsonRpcServer.builder()
			.service(new ReturnService())
			.build()
			.registry()
			.lookup(name);
		assertThat(method).isNotNull();
		return method;
	}

	private static JsonRpcExchange exchange(String method) {
		return JsonRpcExchange.of(JsonRpcRequest.call(JsonRpcId.of(1), method, null),
				JsonRpcTransportContext.inProcess());
	}

	private String call(String method) {
		return call(this.handler, method);
	}

	private static String call(JsonRpcHandler handler, String method) {
		try {
			return TestWaits.get(handler.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"id\":1}"))
				.orElseThrow();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private JsonNode result(String method) {
		return result(this.handler, method);
	}

	private static JsonNode result(JsonRpcHandler handler, String method) {
		JsonNode reply = mapper.readTree(call(handler, method));
		assertThat(reply.has("error")).as("unexpected error %s", reply).isFalse();
		return reply.get("result");
	}

	private JsonNode error(String method) {
		return mapper.readTree(call(method)).get("error");
	}

	@JsonRpcService
	static class ReturnService {

		public void nothing() {
		}

		public String failsChecked() throws Exception {
			throw new Exception("Checked");
		}

		public String nullValue() {
			return null;
		}

		public Optional<String> present() {
			return Optional.of("here");
		}

		public Optional<String> absent() {
			return Optional.empty();
		}

		public CompletableFuture<String> later() {
			return CompletableFuture.supplyAsync(() -> "later",
					CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS));
		}

		public CompletionStage<Optional<String>> stageOfOptional() {
			return CompletableFuture.supplyAsync(() -> Optional.of("stage"),
					CompletableFuture.delayedExecutor(10, TimeUnit.MILLISECONDS));
		}

		public CompletableFuture<String> failedLater() {
			return CompletableFuture.supplyAsync(() -> {
				throw new JsonRpcException(-32042, "Failed later");
			}, CompletableFuture.delayedExecutor(10, TimeUnit.MILLISECONDS));
		}

		public Mono<String> mono() {
			return Mono.just("mono").delayElement(java.time.Duration.ofMillis(10));
		}

		public Mono<String> emptyMono() {
			return Mono.empty();
		}

		public Mono<String> failedMono() {
			return Mono.error(new JsonRpcException(-32042, "Failed mono"));
		}

		public Flux<Integer> flux() {
			return Flux.just(1, 2, 3);
		}

		public Stream<String> stream() {
			return List.of("a", "b").stream();
		}

		public String fails() {
			throw new JsonRpcException(-32042, "Failed");
		}

		public String threadName() {
			return Thread.currentThread().getName();
		}

		public CompletableFuture<String> threadNameAsync() {
			return CompletableFuture.completedFuture(Thread.currentThread().getName());
		}

		public Flow.Publisher<Object> threadNamePublisher() {
			return new JsonRpcStreamPublisher(Stream.of(Thread.currentThread().getName()));
		}

		public Mono<String> threadNameMono() {
			return Mono.just(Thread.currentThread().getName());
		}

		public Flux<String> threadNameFlux() {
			return Flux.just(Thread.currentThread().getName());
		}

	}

	static final class Marker {

	}

	@JsonRpcService
	static class MarkerService {

		public String marked(Marker marker) {
			return "marked";
		}

	}

}
