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

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.protocol.JsonRpcCodecLimits;
import io.github.jsonrpc.protocol.JsonRpcInbound;
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.protocol.JsonRpcReply;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import io.github.jsonrpc.protocol.JsonRpcVersion;
import io.github.jsonrpc.server.JsonRpcDispatcher;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.JsonRpcTransportContext;
import io.github.jsonrpc.server.support.JsonRpcServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.github.jsonrpc.server.connection.TestMessages.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every answer a connection makes itself, outside the handler's ordinary path (cancelled,
 * over the in-flight cap, handler failed) or that the codec substitutes (a result it
 * cannot write, a reply over the budget), is written in the shape of the call's protocol
 * version: a JSON-RPC 1.0 call gets {@code result} and {@code error}, one of them
 * {@code null}, and no {@code "jsonrpc"} member. So are the items of a streamed result:
 * 1.0 notifications ({@code "id": null}, positional params) for a 1.0 call.
 */
class JsonRpcConnectionVersionTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static final JsonRpcMessageCodec codec = JsonRpcMessageCodec
		.create(mapper, JsonRpcCodecLimits.DEFAULTS.withMaxReplyBytes(1_000))
		.withVersion1(true);

	private final ExecutorService executor = Executors.newFixedThreadPool(4);

	private final CountDownLatch release = new CountDownLatch(1);

	private final AtomicInteger started = new AtomicInteger();

	// "slow" blocks until released, "big" answers over the reply budget, "unwritable"
	// with a value the mapper cannot write; anything else answers at once
	private final JsonRpcDispatcher dispatcher = (exchange) -> {
		Object result = switch (exchange.method()) {
			case "slow" -> {
				this.started.incrementAndGet();
				try {
					this.release.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				yield "late";
			}
			case "big" -> "x".repeat(5_000);
			case "unwritable" -> new Unwritable();
			default -> "ok";
		};
		return CompletableFuture.completedFuture(JsonRpcResponse.success(exchange.id(), result));
	};

	private final JsonRpcHandler handler = new FailingHandler(JsonRpcHandler.builder(this.dispatcher, codec).build());

	@AfterEach
	void shutdown() {
		this.release.countDown();
		this.executor.shutdownNow();
	}

	static Stream<Arguments> answers() {
		Stream.Builder<Arguments> table = Stream.builder();
		for (Scenario scenario : Scenario.values()) {
			for (JsonRpcVersion version : JsonRpcVersion.values()) {
				table.add(Arguments.of(scenario, version));
			}
		}
		return table.build();
	}

	@ParameterizedTest(name = "{0} in {1}")
	@MethodSource("answers")
	void answerIsWrittenInTheShapeOfTheCallsVersion(Scenario scenario, JsonRpcVersion version) {
		TestJsonRpcConnection connection = new TestJsonRpcConnection("c", this.handler,
				JsonRpcConnectionSettings.DEFAULTS.withMaxInFlight(1), this.executor);
		scenario.driver.accept(this, new Driver(connection, version));
		await().atMost(TestWaits.SHORT).until(() -> !connection.written.isEmpty());
		JsonNode written = mapper.readTree(connection.written.get(connection.written.size() - 1));
		assertThat(written).isEqualTo(expected(version, scenario.error));
	}

	@ParameterizedTest
	@EnumSource(JsonRpcVersion.class)
	void streamedItemsAreNotificationsInTheShapeOfTheCallsVersion(JsonRpcVersion version) {
		JsonRpcServer server = JsonRpcServer.builder()
			.version1(true)
			.discovery(false)
			.method("letters", () -> Flux.just("a", "b"))
			.build();
		TestJsonRpcConnection connection = new TestJsonRpcConnection("s", server, JsonRpcConnectionSettings.DEFAULTS,
				this.executor);
		connection.receive(call(version, "letters"));
		await().atMost(TestWaits.SHORT).until(() -> connection.written.size() == 3);
		String[] expected = (version == JsonRpcVersion.V1)
				? new String[] { "{\"method\":\"rpc.stream\",\"params\":[7,\"a\"],\"id\":null}",
						"{\"method\":\"rpc.stream\",\"params\":[7,\"b\"],\"id\":null}",
						"{\"result\":{\"count\":2},\"error\":null,\"id\":7}" }
				: new String[] { "{\"jsonrpc\":\"2.0\",\"method\":\"rpc.stream\",\"params\":{\"id\":7,\"item\":\"a\"}}",
						"{\"jsonrpc\":\"2.0\",\"method\":\"rpc.stream\",\"params\":{\"id\":7,\"item\":\"b\"}}",
						"{\"jsonrpc\":\"2.0\",\"result\":{\"count\":2},\"id\":7}" };
		assertThat(connection.written).map(mapper::readTree)
			.containsExactly(mapper.readTree(expected[0]), mapper.readTree(expected[1]), mapper.readTree(expected[2]));
	}

	private static JsonNode expected(JsonRpcVersion version, String error) {
		String json = (version == JsonRpcVersion.V1) ? "{\"result\":null,\"error\":" + error + ",\"id\":7}"
				: "{\"jsonrpc\":\"2.0\",\"error\":" + error + ",\"id\":7}";
		return mapper.readTree(json);
	}

	private static byte[] call(JsonRpcVersion version, String method) {
		String json = (version == JsonRpcVersion.V1) ? "{\"method\":\"" + method + "\",\"params\":[],\"id\":7}"
				: "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":[],\"id\":7}";
		return json.getBytes(StandardCharsets.UTF_8);
	}

	enum Scenario {

		CANCELLED_BY_A_2_0_NOTIFICATION("{\"code\":-32006,\"message\":\"Request cancelled\"}", (test, driver) -> {
			driver.connection.receive(call(driver.version, "slow"));
			await().atMost(TestWaits.SHORT).until(() -> test.started.get() == 1);
			driver.connection.receive(bytes("{\"jsonrpc\":\"2.0\",\"method\":\"rpc.cancel\",\"params\":{\"id\":7}}"));
		}),

		CANCELLED_BY_A_1_0_NOTIFICATION("{\"code\":-32006,\"message\":\"Request cancelled\"}", (test, driver) -> {
			driver.connection.receive(call(driver.version, "slow"));
			await().atMost(TestWaits.SHORT).until(() -> test.started.get() == 1);
			driver.connection.receive(bytes("{\"method\":\"rpc.cancel\",\"params\":[7],\"id\":null}"));
		}),

		OVER_THE_IN_FLIGHT_CAP(
				"{\"code\":-32005,\"message\":\"Too many calls in flight on this connection (at most 1)\"}",
				(test, driver) -> {
					driver.connection.receive(bytes("{\"jsonrpc\":\"2.0\",\"method\":\"slow\",\"id\":1}"));
					driver.connection.receive(call(driver.version, "fast"));
				}),

		HANDLER_FAILED("{\"code\":-32603,\"message\":\"Internal error\"}",
				(test, driver) -> driver.connection.receive(call(driver.version, "broken"))),

		RESULT_THE_MAPPER_CANNOT_WRITE("{\"code\":-32603,\"message\":\"Internal error\"}",
				(test, driver) -> driver.connection.receive(call(driver.version, "unwritable"))),

		REPLY_OVER_THE_BUDGET("{\"code\":-32005,\"message\":\"Reply too large\",\"data\":{\"maxReplySize\":1000}}",
				(test, driver) -> driver.connection.receive(call(driver.version, "big")));

		private final String error;

		private final BiConsumer<JsonRpcConnectionVersionTests, Driver> driver;

		Scenario(String error, BiConsumer<JsonRpcConnectionVersionTests, Driver> driver) {
			this.error = error;
			this.driver = driver;
		}

	}

	record Driver(TestJsonRpcConnection connection, JsonRpcVersion version) {
	}

	/**
	 * A handler whose future fails for the method {@code broken}, as a handler with a bug
	 * would: the connection answers such a call itself.
	 */
	private record FailingHandler(JsonRpcHandler delegate) implements JsonRpcHandler {

		@Override
		public CompletableFuture<JsonRpcReply> handle(JsonRpcInbound inbound, JsonRpcTransportContext context) {
			if (inbound.entries().get(0) instanceof JsonRpcRequest request && request.method().equals("broken")) {
				return CompletableFuture.failedFuture(new IllegalStateException("handler bug"));
			}
			return this.delegate.handle(inbound, context);
		}

		@Override
		public JsonRpcMessageCodec codec() {
			return this.delegate.codec();
		}

	}

	/**
	 * A value whose serialization fails.
	 */
	static final class Unwritable {

		public String getValue() {
			throw new IllegalStateException("cannot be written");
		}

	}

}
