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

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link DefaultRequestSpec} and how {@link DefaultJsonRpcClient} sends a call
 * and reads its reply: params as given last, the reply matched to the call by exact id,
 * results converted or refused with a clear exception, and how long a call waits.
 */
class DefaultRequestSpecTests {

	private final RecordingTransport transport = RecordingTransport.result("7");

	private final JsonRpcClient client = JsonRpcClient.create(this.transport);

	@Test
	void paramsAreTheLastOnesGiven() {
		this.client.method("x").params().retrieve(Integer.class);
		assertThat(lastParams()).isEqualTo("[]");
		this.client.method("x").params((Object[]) null).retrieve(Integer.class);
		assertThat(lastParams()).isEqualTo("[null]");
		this.client.method("x").param("a", 1).params(2).retrieve(Integer.class);
		assertThat(lastParams()).isEqualTo("[2]");
		this.client.method("x").params(1).param("a", 2).param("b", null).retrieve(Integer.class);
		assertThat(lastParams()).isEqualTo("{\"a\":2,\"b\":null}");
		this.client.method("x").params(new LinkedHashMap<>(Map.of("a", 1))).param("b", 2).retrieve(Integer.class);
		assertThat(lastParams()).isEqualTo("{\"a\":1,\"b\":2}");
		this.client.method("x").param("a", 1).params(Map.of("b", 2)).retrieve(Integer.class);
		assertThat(lastParams()).isEqualTo("{\"b\":2}");
		this.client.method("x").param("a", 1).namedParams(Map.of("b", 2)).retrieve(Integer.class);
		assertThat(lastParams()).isEqualTo("{\"b\":2}");
		this.client.method("x").namedParams(Map.of("b", 2)).param("c", 3).retrieve(Integer.class);
		assertThat(lastParams()).isEqualTo("{\"c\":3}");
		this.client.method("x").params(Map.of("b", 2)).params(4).retrieve(Integer.class);
		assertThat(lastParams()).isEqualTo("[4]");
	}

	@Test
	void methodNameIsRequiredAndNamedParamsMustBeAnObject() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.client.method(" "))
			.withMessage("Method is required");
		assertThatIllegalArgumentException().isThrownBy(() -> this.client.method("x").namedParams(List.of(1)))
			.withMessage("Named params must serialize to a JSON object, not ARRAY");
	}

	@Test
	void replyIsMatchedByExactIdAndAnErrorWithANullIdIsTheCallsError() {
		JsonRpcClient mismatched = JsonRpcClient
			.create(RecordingTransport.replying("{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":\"1\"}"));
		assertThatExceptionOfType(JsonRpcTransportException.class)
			.isThrownBy(() -> mismatched.method("x").retrieve(Integer.class))
			.withMessage("No response to method 'x' (id 1) in the reply");
		JsonRpcClient parseError = JsonRpcClient.create(RecordingTransport
			.replying("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}"));
		assertThatExceptionOfType(JsonRpcClientException.class)
			.isThrownBy(() -> parseError.method("x").retrieve(Integer.class))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(JsonRpcErrorCodes.PARSE_ERROR));
		// two replies with null ids are nobody's
		JsonRpcClient twoErrors = JsonRpcClient.create(RecordingTransport
			.replying("[{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null},"
					+ "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}]"));
		assertThatExceptionOfType(JsonRpcTransportException.class)
			.isThrownBy(() -> twoErrors.method("x").retrieve(Integer.class))
			.withMessage("No response to method 'x' (id 1) in the reply");
		// a result with a null id is not an error of the call
		JsonRpcClient nullIdResult = JsonRpcClient
			.create(RecordingTransport.replying("{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":null}"));
		assertThatExceptionOfType(JsonRpcTransportException.class)
			.isThrownBy(() -> nullIdResult.method("x").retrieve(Integer.class))
			.withMessage("No response to method 'x' (id 1) in the reply");
		// the right one among others
		JsonRpcClient among = JsonRpcClient.create(RecordingTransport
			.replying("[{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":2},{\"jsonrpc\":\"2.0\",\"result\":3,\"id\":1}]"));
		assertThat(among.method("x").retrieve(Integer.class)).isEqualTo(3);
	}

	@Test
	void nullResultIsNullExceptAsATree() {
		JsonRpcClient nullResult = JsonRpcClient.create(RecordingTransport.result("null"));
		assertThat(nullResult.method("x").retrieve(JsonNode.class)).isSameAs(NullNode.getInstance());
		assertThat(nullResult.method("x").retrieve(Integer.class)).isNull();
		assertThat(nullResult.method("x").retrieve(new ParameterizedTypeReference<List<Integer>>() {
		})).isNull();
	}

	@Test
	void resultThatCannotBeConvertedIsATransportErrorNamingTheMethod() {
		JsonRpcClient client = JsonRpcClient.create(RecordingTransport.result("\"seven\""));
		assertThatExceptionOfType(JsonRpcTransportException.class)
			.isThrownBy(() -> client.method("count").retrieve(Integer.class))
			.withMessageStartingWith(
					"Cannot convert the result of method 'count' to [simple type, class java.lang.Integer]: ");
		assertThat(client.method("count").retrieveAsync(new ParameterizedTypeReference<List<Integer>>() {
		})).failsWithin(TestWaits.SHORT)
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOf(JsonRpcTransportException.class)
			.withMessageStartingWith("Cannot convert the result of method 'count' to ");
	}

	@Test
	void blockingCallWaitsOnTheTransportForTheClientsTimeout() {
		BlockingTransport blocking = new BlockingTransport();
		JsonRpcClient client = JsonRpcClient.builder().transport(blocking).timeout(Duration.ofSeconds(7)).build();
		assertThat(client.method("x").retrieve(Integer.class)).isEqualTo(7);
		assertThat(blocking.timeouts).containsExactly(Duration.ofSeconds(7));
		client.method("x").send();
		assertThat(blocking.timeouts).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7));
		// an explicit timeout is enforced by the client itself, on any transport
		assertThat(client.method("x").timeout(Duration.ofSeconds(3)).retrieve(Integer.class)).isEqualTo(7);
		client.method("x").timeout(Duration.ofSeconds(3)).send();
		assertThat(blocking.timeouts).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7),
				Duration.ofSeconds(3));
		assertThat(blocking.asyncExchanges).hasValue(1);
	}

	@Test
	void failureOfTheTransportIsThrownAsItIs() {
		IllegalStateException down = new IllegalStateException("down");
		JsonRpcClient client = JsonRpcClient.create(new JsonRpcTransport() {

			@Override
			public CompletableFuture<List<JsonRpcResponse>> exchange(JsonRpcClientRequest request) {
				throw down;
			}

			@Override
			public List<JsonRpcResponse> exchangeBlocking(JsonRpcClientRequest request, Duration timeout) {
				throw down;
			}

		});
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> client.method("x").retrieve(Integer.class))
			.isSameAs(down);
		assertThat(client.method("x").retrieveAsync(Integer.class)).failsWithin(TestWaits.SHORT)
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isSameAs(down);
		assertThat(client.method("x").sendAsync()).failsWithin(TestWaits.SHORT)
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isSameAs(down);
	}

	@Test
	void callThatAnInterceptorNeverAnswersTimesOutAndIsCancelled() {
		List<CompletableFuture<List<JsonRpcResponse>>> unanswered = new java.util.concurrent.CopyOnWriteArrayList<>();
		JsonRpcClient client = JsonRpcClient.builder()
			.transport(this.transport)
			.timeout(Duration.ofMillis(50))
			.interceptor((request, chain) -> {
				CompletableFuture<List<JsonRpcResponse>> never = new CompletableFuture<>();
				unanswered.add(never);
				return never;
			})
			.build();
		assertThatExceptionOfType(JsonRpcTransportException.class)
			.isThrownBy(() -> client.method("slow").retrieve(Integer.class))
			.withMessage("No reply within PT0.05S for method 'slow' (id 1)")
			.withCauseInstanceOf(java.util.concurrent.TimeoutException.class);
		assertThat(unanswered).singleElement().satisfies((never) -> assertThat(never).isCancelled());
		assertThat(client.method("slow").retrieveAsync(Integer.class)).failsWithin(TestWaits.SHORT)
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOf(JsonRpcTransportException.class)
			.withMessage("No reply within PT0.05S for method 'slow' (id 2)");
		assertThat(client.method("slow").timeout(Duration.ofMillis(20)).sendAsync()).failsWithin(TestWaits.SHORT)
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOf(JsonRpcTransportException.class)
			.withMessage("No reply within PT0.02S for method 'slow'");
		assertThat(this.transport.sent()).isEmpty();
	}

	@Test
	void interruptedCallKeepsTheInterrupt() {
		JsonRpcClient client = JsonRpcClient.builder()
			.transport(this.transport)
			.interceptor((request, chain) -> new CompletableFuture<>())
			.build();
		Thread.currentThread().interrupt();
		try {
			assertThatExceptionOfType(JsonRpcTransportException.class)
				.isThrownBy(() -> client.method("x").retrieve(Integer.class))
				.withMessage("Interrupted while waiting for method 'x' (id 1)");
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
		}
	}

	@Test
	void errorWithAnExplicitTimeoutIsTheClientException() {
		JsonRpcClient client = JsonRpcClient.create(RecordingTransport
			.replying("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":1}"));
		assertThatExceptionOfType(JsonRpcClientException.class)
			.isThrownBy(() -> client.method("x").timeout(TestWaits.SHORT).retrieve(Integer.class))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(JsonRpcErrorCodes.METHOD_NOT_FOUND));
	}

	@Test
	void notificationsAreSentWithoutAnId() throws Exception {
		this.client.method("log").params("a").send();
		assertThat(this.transport.lastSent().toString())
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"log\",\"params\":[\"a\"]}");
		assertThat(TestWaits.get(this.client.method("log").param("b", 1).sendAsync())).isNull();
		assertThat(this.transport.lastSent().toString())
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"log\",\"params\":{\"b\":1}}");
	}

	@Test
	void rawExchangeGoesThroughTheInterceptors() throws Exception {
		JsonRpcClient client = JsonRpcClient.builder()
			.transport(this.transport)
			.interceptor((request, chain) -> chain.next(request)
				.thenApply((responses) -> List.of(JsonRpcResponse.success(JsonRpcId.of(9), "intercepted"))))
			.build();
		assertThat(TestWaits.get(client.exchange(JsonRpcClientRequest
			.single(io.github.jsonrpc.protocol.JsonRpcRequest.call(JsonRpcId.of(1), "x", null)))))
			.containsExactly(JsonRpcResponse.success(JsonRpcId.of(9), "intercepted"));
		assertThat(this.transport.sent()).hasSize(1);
	}

	@Test
	void interceptorsCombinedWithAndThenRunInOrder() throws Exception {
		List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
		JsonRpcClientInterceptor first = (request, chain) -> {
			calls.add("first");
			return chain.next(request);
		};
		JsonRpcClientInterceptor second = (request, chain) -> {
			calls.add("second");
			return chain.next(request);
		};
		JsonRpcClient client = JsonRpcClient.builder()
			.transport(this.transport)
			.interceptor(first.andThen(second))
			.build();
		assertThat(client.method("x").retrieve(Integer.class)).isEqualTo(7);
		assertThat(calls).containsExactly("first", "second");
		assertThat(this.transport.sent()).hasSize(1);
	}

	@Test
	void closingTheClientClosesTheTransportButNotAnExecutorItWasGiven() {
		ThreadPoolExecutor given = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
		BlockingTransport blocking = new BlockingTransport();
		try {
			JsonRpcClient.builder().transport(blocking).deliveryExecutor(given).build().close();
			assertThat(blocking.closed).isTrue();
			assertThat(given.isShutdown()).isFalse();
		}
		finally {
			given.shutdownNow();
		}
	}

	private String lastParams() {
		return this.transport.lastSent().get("params").toString();
	}

	/**
	 * A transport whose blocking exchange answers every call with 7 and records the
	 * timeout it was given.
	 */
	private static final class BlockingTransport implements JsonRpcTransport {

		final List<Duration> timeouts = new java.util.concurrent.CopyOnWriteArrayList<>();

		final java.util.concurrent.atomic.AtomicInteger asyncExchanges = new java.util.concurrent.atomic.AtomicInteger();

		volatile boolean closed;

		@Override
		public CompletableFuture<List<JsonRpcResponse>> exchange(JsonRpcClientRequest request) {
			this.asyncExchanges.incrementAndGet();
			return CompletableFuture.completedFuture(answer(request));
		}

		@Override
		public List<JsonRpcResponse> exchangeBlocking(JsonRpcClientRequest request, Duration timeout) {
			this.timeouts.add(timeout);
			return answer(request);
		}

		private static List<JsonRpcResponse> answer(JsonRpcClientRequest request) {
			JsonRpcId id = request.entries().get(0).id();
			return (id != null) ? List.of(JsonRpcResponse.success(id, 7)) : List.of();
		}

		@Override
		public void close() {
			this.closed = true;
		}

	}

}
