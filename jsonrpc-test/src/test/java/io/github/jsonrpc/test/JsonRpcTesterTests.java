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

package io.github.jsonrpc.test;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.test.app.CalculatorService.Item;
import io.github.jsonrpc.test.app.TestJsonRpcApplication;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The same assertions through every kind of tester: in process, MockMvc, HTTP and
 * WebSocket, the last two against the real server on a random port (HTTP and WebSocket
 * both at {@code /jsonrpc}).
 */
@SpringBootTest(classes = TestJsonRpcApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class JsonRpcTesterTests {

	@Autowired
	private WebApplicationContext context;

	@Autowired
	private JsonRpcHandler handler;

	@LocalServerPort
	private int port;

	static Stream<Arguments> testers() {
		return Stream.of(
				Arguments.of(Named.of("in process", (TesterFactory) (test) -> JsonRpcTester.forHandler(test.handler))),
				Arguments.of(Named.of("MockMvc",
						(TesterFactory) (test) -> JsonRpcTester.forMockMvc(MockMvcTester.from(test.context),
								"/jsonrpc"))),
				Arguments.of(Named.of("HTTP",
						(TesterFactory) (test) -> JsonRpcTester.forUrl(test.url("http") + "/jsonrpc"))),
				Arguments.of(Named.of("WebSocket",
						(TesterFactory) (test) -> JsonRpcTester.forUrl(test.url("ws") + "/jsonrpc"))));
	}

	private String url(String scheme) {
		return scheme + "://127.0.0.1:" + this.port;
	}

	@ParameterizedTest
	@MethodSource("testers")
	void resultsAndErrors(TesterFactory testers) {
		try (JsonRpcTester tester = testers.create(this)) {
			tester.method("subtract").params(42, 23).execute().result().isEqualTo(19);
			tester.method("subtract").param("minuend", 42).param("subtrahend", 23).execute().result().isEqualTo(19L);
			tester.method("get_data").execute().result().isEqualTo(List.of("hello", 5)).hasSize(2);
			tester.method("item").params("apple", 3).execute().result().path("$.sku").isEqualTo("apple");
			tester.method("items").execute().result().path("$[1].quantity").isEqualTo(1);
			assertThat(tester.method("item").params("fig", 2).execute().resultAs(Item.class))
				.isEqualTo(new Item("fig", 2));
			tester.method("nope")
				.execute()
				.error()
				.hasCode(JsonRpcErrorCodes.METHOD_NOT_FOUND)
				.hasMessage("Method not found");
			tester.method("fail")
				.params(-32042)
				.execute()
				.error()
				.hasCode(-32042)
				.data()
				.path("$.reason")
				.isEqualTo("test");
			tester.method("subtract").params("x", "y").execute().error().hasCode(JsonRpcErrorCodes.INVALID_PARAMS);
		}
	}

	@ParameterizedTest
	@MethodSource("testers")
	void batchesAndNotifications(TesterFactory testers) {
		try (JsonRpcTester tester = testers.create(this)) {
			JsonRpcBatchTestResponse batch = tester.batch()
				.call("sum", 1, 2, 4)
				.notify("update", 7)
				.call("nope")
				.call("get_data")
				.execute()
				.hasResponseForEachCall();
			batch.response(0).result().isEqualTo(7);
			batch.response(1).error().hasCode(JsonRpcErrorCodes.METHOD_NOT_FOUND);
			batch.response(2).result().isEqualToJson("[\"hello\", 5]");
			tester.method("update").params(1).notifyAndExpectNoReply();
			tester.batch().notify("update", 1).notify("update", 2).execute().reply().isEmpty();
		}
	}

	@ParameterizedTest
	@MethodSource("testers")
	void rawMessages(TesterFactory testers) {
		try (JsonRpcTester tester = testers.create(this)) {
			tester.send("{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[42,23],\"id\":\"abc\"}")
				.single()
				.hasId(JsonRpcId.of("abc"))
				.result()
				.isEqualTo(19);
			tester.send("[1,2]")
				.batch()
				.forEach((response) -> response.error().hasCode(JsonRpcErrorCodes.INVALID_REQUEST));
			tester.send("{\"jsonrpc\":\"2.0\",\"method\":\"update\",\"params\":[1]}").isEmpty();
		}
	}

	@Test
	void failedAssertionsDescribeTheResponse() {
		JsonRpcTester tester = JsonRpcTester.forHandler(this.handler);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> tester.method("subtract").params(42, 23).execute().result().isEqualTo(20))
			.withMessageContaining("19");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> tester.method("nope").execute().result())
			.withMessageContaining("Expected a result");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> tester.method("subtract").params(1, 1).execute().error())
			.withMessageContaining("Expected an error");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> tester.method("nope").execute().error().hasCode(-32600))
			.withMessageContaining("-32600");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> tester.method("item").params("a", 1).execute().result().path("$.missing"))
			.withMessageContaining("No value at $.missing");
	}

	@Test
	void plainMockMvc() {
		JsonRpcTester tester = JsonRpcTester.forMockMvc(MockMvcBuilders.webAppContextSetup(this.context).build(),
				"/jsonrpc");
		tester.method("sum").params(1, 2).execute().result().isEqualTo(3);
	}

	@Test
	void pathSyntax() {
		assertThat(JsonRpcJsonAssert.toPointer("$")).hasToString("");
		assertThat(JsonRpcJsonAssert.toPointer("$.items[0].sku")).hasToString("/items/0/sku");
		assertThat(JsonRpcJsonAssert.toPointer("$['a/b']")).hasToString("/a~1b");
		assertThat(JsonRpcJsonAssert.toPointer("/items/0")).hasToString("/items/0");
		assertThatIllegalArgumentException().isThrownBy(() -> JsonRpcJsonAssert.toPointer("items"));
	}

	@Test
	void namedParamsFromMap() {
		JsonRpcTester tester = JsonRpcTester.forHandler(this.handler);
		tester.method("item")
			.params(Map.of("sku", "kiwi", "quantity", 4))
			.execute()
			.result()
			.isEqualToJson("{\"sku\":\"kiwi\",\"quantity\":4}");
	}

	/**
	 * Creates a tester for the running test instance.
	 */
	@FunctionalInterface
	interface TesterFactory {

		JsonRpcTester create(JsonRpcTesterTests test);

	}

}
