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

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.test.app.CalculatorService.Item;
import io.github.jsonrpc.test.app.TestJsonRpcApplication;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What each assertion of the tester accepts, what it rejects and with which message, and
 * how the tester reacts to endpoints that do not answer like a JSON-RPC server.
 */
@SpringBootTest(classes = TestJsonRpcApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class JsonRpcTesterAssertionsTests {

	private static final String CALL = "{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1,2],\"id\":7}";

	private static final String NOTIFICATION = "{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1,2]}";

	@Autowired
	private JsonRpcHandler handler;

	@LocalServerPort
	private int port;

	private JsonRpcTester tester() {
		return JsonRpcTester.forHandler(this.handler);
	}

	@Test
	void factoriesRequireWhatTheyCall() {
		assertThatIllegalArgumentException().isThrownBy(() -> JsonRpcTester.forHandler(null))
			.withMessage("Handler is required");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> JsonRpcTester.forMockMvc((MockMvcTester) null, "/jsonrpc"))
			.withMessage("MockMvcTester is required");
		assertThatIllegalArgumentException().isThrownBy(() -> JsonRpcTester.forTransport(null))
			.withMessage("Transport is required");
	}

	@Test
	void assertionsChainOnOneResponse() {
		JsonRpcTester tester = tester();
		JsonRpcTestResponse response = tester.method("subtract").params(42, 23).id(JsonRpcId.of("mine")).execute();
		assertThat(response.json().get("id").stringValue()).isEqualTo("mine");
		assertThat(response.isSuccess().hasId(JsonRpcId.of("mine")).json().get("result").intValue()).isEqualTo(19);
		assertThat(response).hasToString(response.json().toString());
		tester.method("nope").execute().isError().hasId(JsonRpcId.of(1));
		tester.method("get_data")
			.execute()
			.result()
			.isEqualToJson("[\"hello\", 5.0]")
			.hasSize(2)
			.path("$[0]")
			.isEqualTo("hello");
		tester.method("get_data").execute().result().convertTo(List.class).isEqualTo(List.of("hello", 5));
		tester.method("item").params("fig", 2).execute().result().convertTo(Item.class).isEqualTo(new Item("fig", 2));
		assertThat(tester.method("sum").params(1, 2).execute().result().value().intValue()).isEqualTo(3);
	}

	@Test
	void failedJsonAssertionsDescribeTheValue() {
		JsonRpcJsonAssert data = tester().method("get_data").execute().result();
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> data.isEqualTo(List.of("bye", 5)))
			.withMessageContaining("Expected JSON [\"bye\",5] but got [\"hello\",5]");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> data.hasSize(3))
			.withMessageContaining("Expected an array or object of size 3 but got [\"hello\",5]");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(data::isJsonNull)
			.withMessageContaining("Expected JSON null but got [\"hello\",5]");
		JsonRpcJsonAssert number = tester().method("sum").params(1, 2).execute().result();
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> number.hasSize(1))
			.withMessageContaining("Expected an array or object of size 1 but got 3");
	}

	@Test
	void nullResult() {
		try (JsonRpcTester tester = JsonRpcTester.forUrl("http://127.0.0.1:" + this.port + "/jsonrpc")) {
			tester.method("echoHeader").params("X-Absent").execute().result().isJsonNull().isEqualTo(null);
		}
	}

	@Test
	void errorAssertions() {
		JsonRpcTester tester = tester();
		tester.method("nope")
			.execute()
			.error()
			.hasMessage("Method not found")
			.hasMessageContaining("not found")
			.hasNoData()
			.hasCode(JsonRpcErrorCodes.METHOD_NOT_FOUND);
		JsonRpcErrorAssert withData = tester.method("fail").params(-32042).execute().error();
		assertThatExceptionOfType(AssertionError.class).isThrownBy(withData::hasNoData)
			.withMessageContaining("Expected no error data but got");
		JsonRpcErrorAssert noData = tester.method("nope").execute().error();
		assertThatExceptionOfType(AssertionError.class).isThrownBy(noData::data)
			.withMessageContaining("Expected error data but got");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> noData.hasMessage("Not found"))
			.withMessageContaining("Expected error message <Not found> but got");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> noData.hasMessageContaining("missing"))
			.withMessageContaining("Expected error message containing <missing> but got");
	}

	@Test
	void replyShapeAssertions() {
		JsonRpcTester tester = tester();
		tester.send(NOTIFICATION).isEmpty().isNull();
		tester.send(CALL).json().path("$.result").isEqualTo(3);
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> tester.send(CALL).isEmpty())
			.withMessageContaining("Expected no reply but got");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> tester.send(CALL).batch())
			.withMessageContaining("Expected a batch reply but got");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> tester.send(NOTIFICATION).single())
			.withMessageContaining("Expected a response but got no reply");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> tester.send("[" + CALL + "]").single())
			.withMessageContaining("Expected a single response object but got [");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> tester.send(CALL).single().hasId(JsonRpcId.of(8)))
			.withMessageContaining("Expected id 8 but got 7");
	}

	@Test
	void batchAssertions() {
		JsonRpcTester tester = tester();
		JsonRpcBatchTestResponse batch = tester.batch()
			.call("item", Map.of("sku", "kiwi", "quantity", 4))
			.call("sum", 1, 2)
			.execute()
			.hasResponseForEachCall();
		batch.response(0).result().path("$.sku").isEqualTo("kiwi");
		batch.response(1).result().isEqualTo(3);
		tester.batch().notify("sum", 1).execute().hasResponseForEachCall().reply().isEmpty();
		assertThatIllegalStateException().isThrownBy(() -> tester.batch().execute())
			.withMessage("A batch needs at least one entry");
	}

	@Test
	void batchReplyMissingAResponse() {
		JsonRpcBatchTestResponse batch = JsonRpcTester.forMockMvc(misbehavingEndpoints(), "/short-batch")
			.batch()
			.call("sum", 3, 4)
			.call("sum", 1)
			.execute();
		batch.response(0).result().isEqualTo(7);
		assertThatExceptionOfType(AssertionError.class).isThrownBy(batch::hasResponseForEachCall)
			.withMessageContaining("Expected 2 responses but got");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> batch.response(1))
			.withMessage("No response with id 2 in [{\"jsonrpc\":\"2.0\",\"result\":7,\"id\":1}]");
	}

	@Test
	void batchReplyAnsweringAnotherId() {
		JsonRpcBatchTestResponse batch = JsonRpcTester.forMockMvc(misbehavingEndpoints(), "/wrong-id-batch")
			.batch()
			.call("sum", 3, 4)
			.call("sum", 1)
			.execute();
		assertThatExceptionOfType(AssertionError.class).isThrownBy(batch::hasResponseForEachCall)
			.withMessageStartingWith("No response with id 2 in ");
	}

	@Test
	void endpointsThatDoNotAnswerJsonRpc() {
		MockMvcTester mockMvc = misbehavingEndpoints();
		JsonRpcTester.forMockMvc(mockMvc, "/status/204").send(CALL).isEmpty();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> JsonRpcTester.forMockMvc(mockMvc, "/status/300").send(CALL))
			.withMessage("JSON-RPC exchange failed for " + CALL)
			.havingCause()
			.withMessage("HTTP 300 from /status/300");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> JsonRpcTester.forMockMvc(mockMvc, "/status/404").send(CALL))
			.havingCause()
			.withMessage("HTTP 404 from /status/404");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> JsonRpcTester.forMockMvc(mockMvc, "/failing").send(CALL))
			.withMessage("JSON-RPC exchange failed for " + CALL)
			.havingRootCause()
			.withMessage("endpoint failed");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> JsonRpcTester.forMockMvc(mockMvc, "/not-json-rpc").send(CALL).single())
			.withMessageContaining("Expected a JSON-RPC 2.0 response object but got {\"result\":3,\"id\":7}");
	}

	@Test
	void closingAWebSocketTesterClosesItsConnection() {
		JsonRpcTester tester = JsonRpcTester.forUrl("ws://127.0.0.1:" + this.port + "/jsonrpc");
		tester.method("sum").params(1, 2).execute().result().isEqualTo(3);
		tester.close();
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> tester.method("sum").params(1, 2).execute())
			.withMessageStartingWith("JSON-RPC exchange failed for ")
			.havingCause()
			.withMessageContaining("is closed");
	}

	@Test
	void waitsAtMostTheTimeout() {
		JsonRpcTester tester = tester().withTimeout(Duration.ofMillis(100));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> tester.method("slow").params(10_000).execute())
			.withMessageStartingWith("No JSON-RPC reply within PT0.1S to ");
	}

	@Test
	void interruptedWhileWaitingKeepsTheInterrupt() {
		JsonRpcTester tester = tester();
		Thread.currentThread().interrupt();
		try {
			assertThatIllegalStateException().isThrownBy(() -> tester.method("slow").params(10_000).execute())
				.withCauseInstanceOf(InterruptedException.class);
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
		}
	}

	@Test
	void convertsWithTheGivenMapper() {
		JsonRpcTester upperCamel = tester()
			.withMapper(JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE).build());
		upperCamel.method("item").params("fig", 2).execute().result().isEqualTo(Map.of("sku", "fig", "quantity", 2));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(
					() -> upperCamel.method("item").params("fig", 2).execute().result().isEqualTo(new Item("fig", 2)))
			.withMessageContaining("\"Sku\":\"fig\"");
	}

	@Test
	void quotedEmptyPathSegment() {
		assertThat(JsonRpcJsonAssert.toPointer("$['']")).hasToString("/");
	}

	private static MockMvcTester misbehavingEndpoints() {
		return MockMvcTester.create(MockMvcBuilders.standaloneSetup(new MisbehavingEndpoints()).build());
	}

	/**
	 * Endpoints a tester may be pointed at by mistake, or servers that break the
	 * protocol.
	 */
	@RestController
	static class MisbehavingEndpoints {

		@PostMapping("/status/{status}")
		ResponseEntity<Void> status(@PathVariable("status") int status) {
			return ResponseEntity.status(status).build();
		}

		@PostMapping("/failing")
		void failing() {
			throw new IllegalStateException("endpoint failed");
		}

		@PostMapping(path = "/not-json-rpc", produces = MediaType.APPLICATION_JSON_VALUE)
		String notJsonRpc() {
			return "{\"result\":3,\"id\":7}";
		}

		@PostMapping(path = "/short-batch", produces = MediaType.APPLICATION_JSON_VALUE)
		String shortBatch() {
			return "[{\"jsonrpc\":\"2.0\",\"result\":7,\"id\":1}]";
		}

		@PostMapping(path = "/wrong-id-batch", produces = MediaType.APPLICATION_JSON_VALUE)
		String wrongIdBatch() {
			return "[{\"jsonrpc\":\"2.0\",\"result\":7,\"id\":1},{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":9}]";
		}

	}

}
