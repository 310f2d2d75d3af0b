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
package io.github.jsonrpc.server.support;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.CalculatorService;
import io.github.jsonrpc.server.method.JsonRpcNamingStyle;
import io.github.jsonrpc.server.method.annotation.JsonRpcParam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link JsonRpcServer}: a server built without any Spring context.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcServerTests {

	private final CalculatorService calculator = new CalculatorService();

	private final JsonRpcServer server = JsonRpcServer.builder()
		.service(this.calculator)
		.method("add", Addition.class, (addition) -> addition.augend() + addition.addend())
		.method("greet", String.class, (name) -> "Hello, " + name)
		.method("total", int[].class, (values) -> java.util.stream.IntStream.of(values).sum())
		.method("order", Order.class, (order) -> order.quantity() + " x " + order.item())
		.method("version", () -> "1.2.0")
		.asyncMethod("later", Addition.class,
				(addition) -> CompletableFuture.supplyAsync(() -> addition.augend() * addition.addend()))
		.asyncMethod("ready", () -> CompletableFuture.completedFuture(true))
		.method("countdown", Integer.class, (from) -> Stream.iterate(from, (n) -> n > 0, (n) -> n - 1))
		.build();

	@ParameterizedTest(name = "{0}")
	@MethodSource("io.github.jsonrpc.JsonRpcSpecificationExamples#arguments")
	void answersTheSpecificationExamples(String name, String request, String expected) throws Exception {
		String actual = this.server.handleText(request)
			.orTimeout(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)
			.join()
			.orElse(null);
		if (expected == null) {
			assertThat(actual).isNull();
		}
		else {
			assertThat(actual).isNotNull();
			JSONAssert.assertEquals(expected, actual, JSONCompareMode.STRICT);
		}
	}

	@Test
	void handlesBytes() {
		byte[] reply = this.server
			.handle("{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[42,23],\"id\":1}"
				.getBytes(StandardCharsets.UTF_8))
			.orTimeout(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)
			.join();
		assertThat(new String(reply, StandardCharsets.UTF_8)).isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":19,\"id\":1}");
		assertThat(this.server
			.handle("{\"jsonrpc\":\"2.0\",\"method\":\"update\",\"params\":[1]}".getBytes(StandardCharsets.UTF_8))
			.orTimeout(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)
			.join()).isEmpty();
	}

	@Test
	void notificationsShareOneEmptyReplyThatCannotBeChanged() {
		byte[] notification = "{\"jsonrpc\":\"2.0\",\"method\":\"update\",\"params\":[1]}"
			.getBytes(StandardCharsets.UTF_8);
		CompletableFuture<byte[]> first = this.server.handle(notification);
		assertThat(this.server.handle(notification)).isSameAs(first);
		assertThat(first.join()).isEmpty();
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> first.obtrudeValue(new byte[] { 1 }));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> first.obtrudeException(new IllegalStateException()));
		assertThat(first.complete(new byte[] { 1 })).isFalse();
		assertThat(first.join()).isEmpty();
	}

	@Test
	void recordParamsBindNamedOrPositional() {
		assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":{\"augend\":2,\"addend\":3},\"id\":1}"))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":5,\"id\":1}");
		assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":[2,3],\"id\":1}"))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":5,\"id\":1}");
	}

	@Test
	void recordComponentsTakeParamAnnotations() {
		assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"order\",\"params\":{\"item\":\"pen\"},\"id\":1}"))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"1 x pen\",\"id\":1}");
		assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"order\",\"params\":[\"pen\",3],\"id\":1}"))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"3 x pen\",\"id\":1}");
	}

	@Test
	void recordParamsAreCheckedAsMethodParameters() {
		assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":{\"augend\":2},\"id\":1}")).isEqualTo(
				"{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: missing required parameter 'addend'\"},\"id\":1}");
		assertThat(call(
				"{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":{\"augend\":2,\"addend\":3,\"x\":1},\"id\":1}"))
			.contains("unknown parameter 'x'");
		assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":[2,\"3\"],\"id\":1}")).isEqualTo(
				"{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: parameter 'addend' must be an integer\"},\"id\":1}");
	}

	@Test
	void scalarParamsTypeIsTheOneParameter() {
		assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"greet\",\"params\":[\"Ada\"],\"id\":1}"))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"Hello, Ada\",\"id\":1}");
		assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"greet\",\"params\":{\"value\":\"Ada\"},\"id\":1}"))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"Hello, Ada\",\"id\":1}");
		assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"greet\",\"params\":[5],\"id\":1}")).isEqualTo(
				"{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: parameter 'value' must be a string\"},\"id\":1}");
	}

	@Test
	void arrayParamsTypeReceivesTheWholeParams() {
		assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"total\",\"params\":[1,2,4],\"id\":1}"))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":7,\"id\":1}");
	}

	@Test
	void functionWithoutParams() {
		assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"version\",\"id\":1}"))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"1.2.0\",\"id\":1}");
		assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"version\",\"params\":[1],\"id\":1}"))
			.contains("\"code\":-32602");
	}

	@Test
	void asyncFunctions() {
		assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"later\",\"params\":[6,7],\"id\":1}"))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":42,\"id\":1}");
		assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"ready\",\"id\":1}"))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":true,\"id\":1}");
	}

	@Test
	void returnedStreamIsCollectedInProcess() {
		assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"countdown\",\"params\":[3],\"id\":1}"))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":[3,2,1],\"id\":1}");
	}

	@Test
	void functionsAreDiscoveredLikeAnnotatedMethods() throws Exception {
		String document = call("{\"jsonrpc\":\"2.0\",\"method\":\"rpc.discover\",\"id\":1}");
		JSONAssert.assertEquals("""
				{"result": {"info": {"title": "JSON-RPC API", "version": "1.0.0"}, "methods": [
				  {"name": "add", "params": [
				    {"name": "augend", "required": true, "schema": {"type": "integer"}},
				    {"name": "addend", "required": true, "schema": {"type": "integer"}}]},
				  {"name": "countdown"}, {"name": "echo"}, {"name": "get_data"},
				  {"name": "greet", "params": [{"name": "value", "required": true, "schema": {"type": "string"}}]},
				  {"name": "later"}, {"name": "notify_hello"}, {"name": "notify_sum"},
				  {"name": "order", "params": [
				    {"name": "item", "required": true}, {"name": "quantity", "required": false}]},
				  {"name": "ready", "params": []}, {"name": "rpc.discover", "params": []},
				  {"name": "subtract"}, {"name": "sum"}, {"name": "total"}, {"name": "update"},
				  {"name": "version", "params": []}]}}
				""", document, JSONCompareMode.LENIENT);
	}

	@Test
	void methodsAddedAndRemovedWhileServing() {
		this.server.methods().method("late", () -> "here");
		assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"late\",\"id\":1}"))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"here\",\"id\":1}");
		assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"rpc.discover\",\"id\":1}")).contains("\"name\":\"late\"");
		assertThat(this.server.methods().unregister("late")).isTrue();
		assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"late\",\"id\":1}")).contains("\"code\":-32601");
		assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"rpc.discover\",\"id\":1}")).doesNotContain("\"late\"");
	}

	@Test
	void serviceObjectsCanBeAddedAtRuntimeAllOrNothing() {
		JsonRpcServer empty = JsonRpcServer.builder().method("sum", () -> 0).build();
		assertThatIllegalStateException().isThrownBy(() -> empty.methods().service(new CalculatorService()))
			.withMessageContaining("Duplicate JSON-RPC method name 'sum'");
		assertThat(empty.registry().lookup("subtract")).as("rolled back").isNull();
		assertThat(empty.methods().unregister("sum")).isTrue();
		assertThat(empty.methods().service(new CalculatorService())).contains("subtract", "sum");
		assertThat(empty.registry().lookup("subtract")).isNotNull();
	}

	@Test
	void startupChecksApplyToTheBuilder() {
		assertThatIllegalStateException()
			.isThrownBy(() -> JsonRpcServer.builder().method("a", () -> 1).method("a", () -> 2).build())
			.withMessageContaining("Duplicate JSON-RPC method name 'a'");
		assertThatIllegalStateException().isThrownBy(() -> JsonRpcServer.builder().method("rpc.mine", () -> 1).build())
			.withMessageContaining("reserves");
	}

	@Test
	void optionsApply() {
		JsonRpcServer server = JsonRpcServer.builder()
			.namingStyle(JsonRpcNamingStyle.SNAKE_CASE)
			.discovery(false)
			.maxBatchSize(1)
			.method("add", Addition.class, (addition) -> addition.augend() + addition.addend())
			.method("hello", Person.class, (person) -> "Hello, " + person.firstName())
			.build();
		assertThat(server.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"rpc.discover\",\"id\":1}")
			.orTimeout(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)
			.join()).hasValueSatisfying((reply) -> assertThat(reply).contains("-32601"));
		assertThat(server
			.handleText("[{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":[1,2],\"id\":1},"
					+ "{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":[1,2],\"id\":2}]")
			.orTimeout(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)
			.join()).hasValueSatisfying((reply) -> assertThat(reply).contains("Batch too large"));
		assertThat(server
			.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"hello\",\"params\":{\"first_name\":\"Ada\"},\"id\":1}")
			.orTimeout(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)
			.join()).contains("{\"jsonrpc\":\"2.0\",\"result\":\"Hello, Ada\",\"id\":1}");
	}

	private String call(String json) {
		Optional<String> reply = this.server.handleText(json)
			.orTimeout(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)
			.join();
		assertThat(reply).isPresent();
		return reply.get();
	}

	record Addition(int augend, int addend) {
	}

	record Person(String firstName) {
	}

	record Order(String item, @JsonRpcParam(defaultValue = "1") int quantity) {
	}

}
