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

package io.github.jsonrpc.sample.operations;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.jsonrpc.client.JsonRpcClient;
import io.github.jsonrpc.client.JsonRpcClientException;
import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Per-method timeouts and concurrency limits, and the call in the logging MDC, over real
 * HTTP and a real WebSocket.
 *
 * @author JSON-RPC for Spring Boot team
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "jsonrpc.methods.[ops.gate].max-concurrency=1",
				"jsonrpc.methods.[ops.configured*].timeout=200ms" })
@Import(OperationsTestService.class)
class MethodLimitsTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JsonRpcClient.Builder builder;

	@Autowired
	private OperationsTestService service;

	private @Nullable JsonRpcClient client;

	@AfterEach
	void close() {
		if (this.client != null) {
			this.client.close();
		}
		this.service.reset();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http", "ws" })
	void timedOutBlockingMethodGetsLimitExceededAndItsThreadIsInterrupted(String scheme) {
		JsonRpcClient client = client(scheme);
		assertThatExceptionOfType(JsonRpcClientException.class)
			.isThrownBy(() -> client.method("ops.sleep").retrieve(String.class))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo(JsonRpcErrorCodes.LIMIT_EXCEEDED);
				assertThat(ex.getData().path("reason").asString()).isEqualTo("timeout");
			});
		await().atMost(Duration.ofSeconds(10)).until(() -> this.service.interrupted.get() == 1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "http", "ws" })
	void configuredTimeoutAppliesToMatchingMethods(String scheme) {
		JsonRpcClient client = client(scheme);
		assertThatExceptionOfType(JsonRpcClientException.class)
			.isThrownBy(() -> client.method("ops.configuredSleep").retrieve(String.class))
			.satisfies((ex) -> assertThat(ex.getData().path("reason").asString()).isEqualTo("timeout"));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.service.interrupted.get() == 1);
		// a call that finishes in time is answered as usual
		assertThat(client.method("ops.configuredQuick").retrieve(String.class)).isEqualTo("quick");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http", "ws" })
	void callOverTheConcurrencyLimitGetsLimitExceeded(String scheme) throws Exception {
		JsonRpcClient client = client(scheme);
		CompletableFuture<@Nullable String> first = client.method("ops.gate").retrieveAsync(String.class);
		assertThat(this.service.gateEntered.await(10, TimeUnit.SECONDS)).isTrue();
		assertThatExceptionOfType(JsonRpcClientException.class)
			.isThrownBy(() -> client.method("ops.gate").retrieve(String.class))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo(JsonRpcErrorCodes.LIMIT_EXCEEDED);
				assertThat(ex.getData().path("reason").asString()).isEqualTo("max-concurrency");
			});
		this.service.gate.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("passed");
		// the permit is back once the first call ended
		assertThat(client.method("ops.gate").retrieve(String.class)).isEqualTo("passed");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http", "ws" })
	void callRunsWithItsMethodAndIdInTheMdc(String scheme) {
		JsonRpcClient client = client(scheme);
		@SuppressWarnings("unchecked")
		Map<String, String> mdc = client.method("ops.mdc").retrieve(Map.class);
		assertThat(mdc).containsEntry("method", "ops.mdc");
		assertThat(mdc.get("id")).isNotBlank();
		// on an executor thread too (a blocking method with a timeout runs on one)
		@SuppressWarnings("unchecked")
		Map<String, String> offloaded = client.method("ops.mdcOffloaded").retrieve(Map.class);
		assertThat(offloaded).containsEntry("method", "ops.mdcOffloaded");
		assertThat(offloaded.get("thread")).isNotEqualTo(mdc.get("thread"));
	}

	private JsonRpcClient client(String scheme) {
		this.client = this.builder.url(scheme + "://127.0.0.1:" + this.port + "/jsonrpc")
			.timeout(Duration.ofSeconds(10))
			.build();
		return this.client;
	}

}
