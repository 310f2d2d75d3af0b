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
import java.util.concurrent.TimeUnit;

import io.github.jsonrpc.client.JsonRpcBatchResponse;
import io.github.jsonrpc.client.JsonRpcClient;
import io.github.jsonrpc.client.JsonRpcClientException;
import io.github.jsonrpc.client.JsonRpcTransportException;
import io.github.jsonrpc.client.annotation.JsonRpcCall;
import io.github.jsonrpc.client.annotation.JsonRpcParamStyle;
import io.github.jsonrpc.client.annotation.JsonRpcRemote;
import io.github.jsonrpc.client.config.EnableJsonRpcClients;
import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import io.github.jsonrpc.test.app.CalculatorService;
import io.github.jsonrpc.test.app.CalculatorService.Item;
import io.github.jsonrpc.test.app.TestJsonRpcApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client against our server over real HTTP on a random port.
 */
@SpringBootTest(classes = TestJsonRpcApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class JsonRpcClientHttpTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JsonRpcClient.Builder builder;

	@Autowired
	private CalculatorService calculator;

	private JsonRpcClient client;

	@BeforeEach
	void createClient() {
		this.client = this.builder.url("http://127.0.0.1:" + this.port + "/jsonrpc")
			.errorMapping(-32050,
					(ex) -> new IllegalStateException("mapped " + ex.getData().get("reason").stringValue()))
			.build();
	}

	@AfterEach
	void closeClient() {
		this.client.close();
	}

	@Test
	void positionalAndNamedCalls() {
		assertThat(this.client.method("subtract").params(42, 23).retrieve(Integer.class)).isEqualTo(19);
		assertThat(this.client.method("subtract").param("subtrahend", 23).param("minuend", 42).retrieve(Integer.class))
			.isEqualTo(19);
		assertThat(this.client.method("sum").params(1, 2, 4).retrieve(Long.class)).isEqualTo(7L);
	}

	@Test
	void genericResults() {
		assertThat(this.client.method("items").retrieve(new ParameterizedTypeReference<List<Item>>() {
		})).containsExactly(new Item("apple", 3), new Item("pear", 1));
		assertThat(this.client.method("item").params(Map.of("sku", "fig", "quantity", 2)).retrieve(Item.class))
			.isEqualTo(new Item("fig", 2));
	}

	@Test
	void asyncCall() throws Exception {
		assertThat(this.client.method("subtract").params(5, 3).retrieveAsync(Integer.class).get(5, TimeUnit.SECONDS))
			.isEqualTo(2);
	}

	@Test
	void notificationReachesTheServer() throws Exception {
		this.calculator.updates().clear();
		this.client.notify("update", 1, 2, 3);
		assertThat(this.calculator.updates().poll(5, TimeUnit.SECONDS)).containsExactly(1, 2, 3);
	}

	@Test
	void batchInOneRoundTripWithPerEntryErrors() {
		JsonRpcBatchResponse batch = this.client.batch()
			.call("sum", 1, 2, 4)
			.notify("notify_hello", 7)
			.call("subtract", 42, 23)
			.call("foo.get", Map.of("name", "myself"))
			.call("get_data")
			.execute();
		assertThat(batch.result(0, Long.class)).isEqualTo(7L);
		assertThat(batch.result(1, Integer.class)).isEqualTo(19);
		assertThat(batch.error(2).code()).isEqualTo(JsonRpcErrorCodes.METHOD_NOT_FOUND);
		assertThat(batch.result(3, new ParameterizedTypeReference<List<Object>>() {
		})).containsExactly("hello", 5);
	}

	@Test
	void errorsCarryCodeMessageAndData() {
		assertThatExceptionOfType(JsonRpcClientException.class)
			.isThrownBy(() -> this.client.method("fail").params(-32042).retrieve(Integer.class))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo(-32042);
				assertThat(ex.getErrorMessage()).isEqualTo("Failure -32042");
				assertThat(ex.getData().get("reason").stringValue()).isEqualTo("test");
			});
		assertThatExceptionOfType(JsonRpcClientException.class)
			.isThrownBy(() -> this.client.method("nope").retrieve(Integer.class))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(JsonRpcErrorCodes.METHOD_NOT_FOUND));
	}

	@Test
	void errorsAreMappedToRegisteredExceptions() {
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.client.method("fail").params(-32050).retrieve(Integer.class))
			.withMessage("mapped test");
	}

	@Test
	void callTimesOut() {
		assertThat(this.client.method("slow").params(2000).timeout(Duration.ofMillis(100)).retrieveAsync(String.class))
			.failsWithin(Duration.ofSeconds(5))
			.withThrowableOfType(java.util.concurrent.ExecutionException.class)
			.havingCause()
			.isInstanceOf(JsonRpcTransportException.class);
		assertThatExceptionOfType(JsonRpcTransportException.class).isThrownBy(
				() -> this.client.method("slow").params(2000).timeout(Duration.ofMillis(100)).retrieve(String.class))
			.withMessageContaining("No reply within PT0.1S for method 'slow'");
		try (JsonRpcClient impatient = JsonRpcClient.builder()
			.url("http://127.0.0.1:" + this.port + "/jsonrpc")
			.connectTimeout(Duration.ofSeconds(2))
			.timeout(Duration.ofMillis(100))
			.build()) {
			assertThatExceptionOfType(JsonRpcTransportException.class)
				.isThrownBy(() -> impatient.method("slow").params(2000).retrieve(String.class));
		}
	}

	@Test
	void declarativeClientConfiguredFromProperties() {
		try (ConfigurableApplicationContext clientContext = new SpringApplicationBuilder(ClientApplication.class)
			.web(WebApplicationType.NONE)
			.properties("jsonrpc.client.calc.url=http://127.0.0.1:" + this.port + "/jsonrpc",
					"jsonrpc.client.calc.timeout=5s", "jsonrpc.client.calc.headers.X-Test=yes",
					"jsonrpc.http.enabled=false")
			.run()) {
			Calculator calculator = clientContext.getBean(Calculator.class);
			assertThat(calculator.subtract(42, 23)).isEqualTo(19);
			assertThat(calculator.difference(42, 23)).isEqualTo(19);
			assertThat(calculator.sum(1, 2, 4)).isEqualTo(7);
			assertThat(calculator.items()).hasSize(2);
			assertThat(calculator.itemsAsync()).succeedsWithin(Duration.ofSeconds(5))
				.isEqualTo(List.of(new Item("apple", 3), new Item("pear", 1)));
			this.calculator.updates().clear();
			calculator.update(9);
			assertThatExceptionOfType(JsonRpcClientException.class).isThrownBy(() -> calculator.fail(-32001))
				.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(-32001));
		}
	}

	@JsonRpcRemote(name = "calc")
	interface Calculator {

		int subtract(int minuend, int subtrahend);

		@JsonRpcCall(value = "subtract", paramStyle = JsonRpcParamStyle.NAMED)
		int difference(int minuend, int subtrahend);

		long sum(int... numbers);

		List<Item> items();

		@JsonRpcCall("items")
		java.util.concurrent.CompletableFuture<List<Item>> itemsAsync();

		@JsonRpcCall(notification = true)
		void update(int... values);

		int fail(int code);

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@EnableJsonRpcClients(clients = Calculator.class)
	static class ClientApplication {

	}

}
