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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.jsonrpc.client.JsonRpcClient;
import io.github.jsonrpc.sample.security.SampleCredentials;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code jsonrpc} Actuator endpoint and the JSON-RPC timers of the sample
 * application, with calls in flight over HTTP and WebSocket.
 *
 * @author JSON-RPC for Spring Boot team
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
@Import(OperationsTestService.class)
class JsonRpcEndpointTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@LocalServerPort
	private int port;

	@Autowired
	private JsonRpcClient.Builder builder;

	@Autowired
	private OperationsTestService service;

	@Autowired
	private MeterRegistry meterRegistry;

	private @Nullable JsonRpcClient httpClient;

	private @Nullable JsonRpcClient webSocketClient;

	@AfterEach
	void close() {
		this.service.reset();
		if (this.httpClient != null) {
			this.httpClient.close();
		}
		if (this.webSocketClient != null) {
			this.webSocketClient.close();
		}
	}

	@Test
	void showsMethodsTopicsSessionsCallsInFlightAndLimits() throws Exception {
		this.httpClient = this.builder.url("http://127.0.0.1:" + this.port + "/jsonrpc")
			.timeout(Duration.ofSeconds(20))
			.build();
		this.webSocketClient = this.builder.url("ws://127.0.0.1:" + this.port + "/jsonrpc")
			.timeout(Duration.ofSeconds(20))
			.build();
		assertThat(this.webSocketClient.method("subscribe").params("clock").retrieve(List.class)).contains("clock");
		CompletableFuture<@Nullable String> overHttp = this.httpClient.method("ops.gate").retrieveAsync(String.class);
		CompletableFuture<@Nullable String> overWebSocket = this.webSocketClient.method("ops.gate")
			.retrieveAsync(String.class);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode inFlight = endpoint().path("inFlight");
			assertThat(inFlight.path("byTransport").path("HTTP").asInt()).isEqualTo(1);
			assertThat(inFlight.path("byTransport").path("WEBSOCKET").asInt()).isEqualTo(1);
		});
		JsonNode endpoint = endpoint();
		assertThat(method(endpoint, "ops.gate").path("inFlight").asInt()).isEqualTo(2);
		this.service.gate.countDown();
		assertThat(overHttp.get(10, TimeUnit.SECONDS)).isEqualTo("passed");
		assertThat(overWebSocket.get(10, TimeUnit.SECONDS)).isEqualTo("passed");

		assertThat(endpoint.path("sessions").path("WEBSOCKET").asInt()).isEqualTo(1);
		assertThat(topic(endpoint, "clock").path("subscribers").asInt()).isEqualTo(1);
		assertThat(method(endpoint, "subtract").path("access").asString()).isEqualTo("permit-all");
		assertThat(method(endpoint, "admin.stats").path("methodSecurity").get(0).asString())
			.isEqualTo("@PreAuthorize(hasRole('ADMIN'))");
		assertThat(method(endpoint, "inventory.list").path("timeout").asString()).isEqualTo("PT5S");
		assertThat(method(endpoint, "ops.sleep").path("timeout").asString()).isEqualTo("PT0.2S");
		assertThat(endpoint.path("limits").path("batch.max-size").asInt()).isPositive();
		// no credentials, principals or payloads
		assertThat(endpoint.toString()).doesNotContain("secret", "alice");

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(endpoint().path("inFlight").path("total").asInt()).isZero());
	}

	@Test
	void isForAdminsOnly() {
		assertThat(get("/actuator/jsonrpc", null).statusCode()).isEqualTo(401);
		assertThat(get("/actuator/jsonrpc", "alice").statusCode()).isEqualTo(403);
		assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
	}

	@Test
	void callsAreTimedUnderJsonRpcServerCalls() throws Exception {
		post("{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[42,23],\"id\":1}");
		HttpResponse<String> metrics = get("/actuator/metrics/jsonrpc.server.calls", "admin");
		assertThat(metrics.statusCode()).isEqualTo(200);
		JsonNode body = mapper.readTree(metrics.body());
		assertThat(body.path("measurements").get(0).path("value").asDouble()).isPositive();
		assertThat(body.path("availableTags").toString()).contains("subtract");
	}

	@Test
	void javaClientCallsAreTimedUnderJsonRpcClientCalls() {
		this.httpClient = this.builder.url("http://127.0.0.1:" + this.port + "/jsonrpc").build();
		assertThat(this.httpClient.method("subtract").params(42, 23).retrieve(Integer.class)).isEqualTo(19);
		Timer timer = this.meterRegistry.find("jsonrpc.client.calls")
			.tags("rpc.method", "subtract", "outcome", "SUCCESS")
			.timer();
		assertThat(timer).isNotNull();
		assertThat(timer.count()).isPositive();
	}

	private JsonNode endpoint() {
		HttpResponse<String> response = get("/actuator/jsonrpc", "admin");
		assertThat(response.statusCode()).isEqualTo(200);
		return mapper.readTree(response.body());
	}

	private static JsonNode method(JsonNode endpoint, String name) {
		for (JsonNode method : endpoint.path("methods")) {
			if (method.path("name").asString().equals(name)) {
				return method;
			}
		}
		throw new AssertionError("No method " + name);
	}

	private static JsonNode topic(JsonNode endpoint, String name) {
		for (JsonNode topic : endpoint.path("topics")) {
			if (topic.path("name").asString().equals(name)) {
				return topic;
			}
		}
		throw new AssertionError("No topic " + name);
	}

	private HttpResponse<String> get(String path, @Nullable String user) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(10));
		if (user != null) {
			request.header("Authorization", SampleCredentials.basic(user));
		}
		return send(request.GET().build());
	}

	private void post(String body) {
		send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/jsonrpc"))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
