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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.googlecode.jsonrpc4j.DefaultHttpStatusCodeProvider;
import com.googlecode.jsonrpc4j.JsonRpcBasicServer;
import com.googlecode.jsonrpc4j.JsonRpcParam;
import com.sun.net.httpserver.HttpServer;
import io.github.jsonrpc.client.JsonRpcBatchResponse;
import io.github.jsonrpc.client.JsonRpcClient;
import io.github.jsonrpc.client.JsonRpcClientException;
import io.github.jsonrpc.client.annotation.JsonRpcCall;
import io.github.jsonrpc.client.annotation.JsonRpcParamStyle;
import io.github.jsonrpc.client.annotation.JsonRpcRemote;
import io.github.jsonrpc.client.proxy.JsonRpcClientProxyFactory;
import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client against a JSON-RPC server that is not ours: jsonrpc4j (Jackson 2) served by
 * the JDK's HTTP server, answering errors with jsonrpc4j's own HTTP statuses and
 * {@code application/json-rpc} content type.
 */
class Jsonrpc4jInteropTests {

	private static HttpServer server;

	private static JsonRpcClient client;

	@BeforeAll
	static void startServer() throws IOException {
		JsonRpcBasicServer jsonRpc = new JsonRpcBasicServer(new ObjectMapper(), new Jsonrpc4jCalculator(),
				Calculator.class);
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/rpc", (exchange) -> {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			int code = jsonRpc.handleRequest(exchange.getRequestBody(), out);
			byte[] body = out.toByteArray();
			exchange.getResponseHeaders().set("Content-Type", "application/json-rpc");
			int status = DefaultHttpStatusCodeProvider.INSTANCE.getHttpStatusCode(code);
			exchange.sendResponseHeaders(status, (body.length > 0) ? body.length : -1);
			if (body.length > 0) {
				exchange.getResponseBody().write(body);
			}
			exchange.close();
		});
		server.start();
		client = JsonRpcClient.builder()
			.url("http://127.0.0.1:" + server.getAddress().getPort() + "/rpc")
			.errorMapping(-32001, (ex) -> new ArithmeticException("remote: " + ex.getErrorMessage()))
			.build();
	}

	@AfterAll
	static void stopServer() {
		client.close();
		server.stop(0);
	}

	@Test
	void positionalAndNamedCalls() {
		assertThat(client.method("subtract").params(42, 23).retrieve(Integer.class)).isEqualTo(19);
		assertThat(client.method("subtract").param("subtrahend", 23).param("minuend", 42).retrieve(Integer.class))
			.isEqualTo(19);
	}

	@Test
	void genericResult() {
		assertThat(client.method("items").retrieve(new ParameterizedTypeReference<List<Item>>() {
		})).containsExactly(new Item("apple", 3));
	}

	@Test
	void batchResultsAndPerEntryErrors() {
		JsonRpcBatchResponse batch = client.batch()
			.call("subtract", 42, 23)
			.call("nope")
			.call("subtract", Map.of("minuend", 1, "subtrahend", 2))
			.call("items")
			.execute();
		assertThat(batch.result(0, Integer.class)).isEqualTo(19);
		assertThat(batch.error(1).code()).isEqualTo(JsonRpcErrorCodes.METHOD_NOT_FOUND);
		assertThat(batch.result(2, Integer.class)).isEqualTo(-1);
		assertThat(batch.result(3, new ParameterizedTypeReference<List<Item>>() {
		})).containsExactly(new Item("apple", 3));
	}

	@Test
	void methodNotFoundAnsweredWith404IsStillAJsonRpcError() {
		assertThatExceptionOfType(JsonRpcClientException.class)
			.isThrownBy(() -> client.method("nope").retrieve(Integer.class))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(JsonRpcErrorCodes.METHOD_NOT_FOUND));
	}

	@Test
	void applicationErrorIsMappedByCodeNeverByTheClassNameSent() {
		// jsonrpc4j sends the exception's class name in error.data; only the code is used
		assertThatExceptionOfType(ArithmeticException.class)
			.isThrownBy(() -> client.method("divide").params(1, 0).retrieve(Integer.class))
			.withMessageStartingWith("remote: ");
		try (JsonRpcClient unmapped = JsonRpcClient
			.create("http://127.0.0.1:" + server.getAddress().getPort() + "/rpc")) {
			assertThatExceptionOfType(JsonRpcClientException.class)
				.isThrownBy(() -> unmapped.method("divide").params(1, 0).retrieve(Integer.class))
				.satisfies((ex) -> assertThat(ex.getData().get("exceptionTypeName").stringValue())
					.isEqualTo("java.lang.ArithmeticException"));
		}
	}

	@Test
	void notificationInBatchDespiteNullEntriesInTheReply() {
		JsonRpcBatchResponse batch = client.batch().call("subtract", 3, 1).notify("subtract", 1, 1).execute();
		assertThat(batch.result(0, Integer.class)).isEqualTo(2);
	}

	@Test
	void declarativeProxy() {
		RemoteCalculator calculator = JsonRpcClientProxyFactory.create(client).createClient(RemoteCalculator.class);
		assertThat(calculator.subtract(10, 4)).isEqualTo(6);
		assertThat(calculator.minus(10, 4)).isEqualTo(6);
		assertThat(calculator.items()).containsExactly(new Item("apple", 3));
	}

	@Test
	void testerWorksAgainstAnyServer() {
		try (JsonRpcTester tester = JsonRpcTester
			.forUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/rpc")) {
			tester.method("subtract").params(42, 23).execute().result().isEqualTo(19);
			tester.method("nope").execute().error().hasCode(JsonRpcErrorCodes.METHOD_NOT_FOUND);
		}
	}

	/**
	 * The service as jsonrpc4j exposes it.
	 */
	public interface Calculator {

		int subtract(@JsonRpcParam("minuend") int minuend, @JsonRpcParam("subtrahend") int subtrahend);

		int divide(@JsonRpcParam("dividend") int dividend, @JsonRpcParam("divisor") int divisor);

		List<Item> items();

	}

	public static class Jsonrpc4jCalculator implements Calculator {

		@Override
		public int subtract(int minuend, int subtrahend) {
			return minuend - subtrahend;
		}

		@Override
		public int divide(int dividend, int divisor) {
			return dividend / divisor;
		}

		@Override
		public List<Item> items() {
			return List.of(new Item("apple", 3));
		}

	}

	@JsonRpcRemote(name = "jsonrpc4j")
	interface RemoteCalculator {

		int subtract(int minuend, int subtrahend);

		@JsonRpcCall(value = "subtract", paramStyle = JsonRpcParamStyle.NAMED)
		int minus(int minuend, int subtrahend);

		List<Item> items();

	}

	public record Item(String sku, int quantity) {
	}

}
