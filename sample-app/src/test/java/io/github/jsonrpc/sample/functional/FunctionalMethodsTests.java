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
package io.github.jsonrpc.sample.functional;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.github.jsonrpc.server.support.JsonRpcMethodRegistrar;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Functional methods of the sample application over real HTTP, and a method added and
 * removed while the application runs. Over WebSocket:
 * {@code WebSocketFunctionalMethodsTests}.
 *
 * @author JSON-RPC for Spring Boot team
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class FunctionalMethodsTests {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int port;

	@Autowired
	private JsonRpcMethodRegistrar methods;

	@Test
	void functionsOverHttp() throws Exception {
		assertThat(post(
				"{\"jsonrpc\":\"2.0\",\"method\":\"math.multiply\",\"params\":{\"multiplicand\":6,\"multiplier\":7},\"id\":1}"))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":42,\"id\":1}");
		assertThat(post("{\"jsonrpc\":\"2.0\",\"method\":\"math.multiply\",\"params\":[6,7],\"id\":2}"))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":42,\"id\":2}");
		assertThat(post("{\"jsonrpc\":\"2.0\",\"method\":\"math.version\",\"id\":3}"))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"1.0\",\"id\":3}");
		assertThat(post("{\"jsonrpc\":\"2.0\",\"method\":\"math.square\",\"params\":[9],\"id\":4}"))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":81,\"id\":4}");
		assertThat(post("{\"jsonrpc\":\"2.0\",\"method\":\"math.multiply\",\"params\":[6,\"7\"],\"id\":5}"))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,"
					+ "\"message\":\"Invalid params: parameter 'multiplier' must be an integer\"},\"id\":5}");
	}

	@Test
	void methodAddedAtRuntimeIsServedAndDiscoveredThenRemoved() throws Exception {
		this.methods.method("math.negate", Integer.class, (value) -> -value);
		try {
			assertThat(post("{\"jsonrpc\":\"2.0\",\"method\":\"math.negate\",\"params\":[5],\"id\":1}"))
				.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":-5,\"id\":1}");
			assertThat(post("{\"jsonrpc\":\"2.0\",\"method\":\"rpc.discover\",\"id\":2}"))
				.contains("\"name\":\"math.negate\"");
		}
		finally {
			assertThat(this.methods.unregister("math.negate")).isTrue();
		}
		assertThat(post("{\"jsonrpc\":\"2.0\",\"method\":\"math.negate\",\"params\":[5],\"id\":3}"))
			.contains("\"code\":-32601");
		assertThat(post("{\"jsonrpc\":\"2.0\",\"method\":\"rpc.discover\",\"id\":4}")).doesNotContain("math.negate");
	}

	private String post(String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/jsonrpc"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
	}

}
