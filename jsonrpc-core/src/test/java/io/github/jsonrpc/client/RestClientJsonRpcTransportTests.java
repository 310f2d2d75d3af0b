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

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withNoContent;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

class RestClientJsonRpcTransportTests {

	private final RestClient.Builder restClientBuilder = RestClient.builder();

	private final MockRestServiceServer server = MockRestServiceServer.bindTo(this.restClientBuilder).build();

	private JsonRpcClient client() {
		return JsonRpcClient.builder()
			.url("http://localhost/jsonrpc")
			.restClientBuilder(this.restClientBuilder)
			.bearerToken("t0k3n")
			.build();
	}

	@Test
	void postsJsonWithConfiguredHeadersThroughTheRestClient() {
		this.server.expect(requestTo("http://localhost/jsonrpc"))
			.andExpect(method(HttpMethod.POST))
			.andExpect(header("Authorization", "Bearer t0k3n"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(content().json("{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[42,23],\"id\":1}"))
			.andRespond(withSuccess("{\"jsonrpc\":\"2.0\",\"result\":19,\"id\":1}", MediaType.APPLICATION_JSON));
		assertThat(client().method("subtract").params(42, 23).retrieve(Integer.class)).isEqualTo(19);
		this.server.verify();
	}

	@Test
	void noContentAnswersANotification() {
		this.server.expect(requestTo("http://localhost/jsonrpc")).andRespond(withNoContent());
		client().notify("update", 1);
		this.server.verify();
	}

	@Test
	void errorStatusWithJsonRpcBodyIsReadAsReply() {
		// jsonrpc4j answers "method not found" with 404 and a JSON-RPC body
		this.server.expect(requestTo("http://localhost/jsonrpc"))
			.andRespond(withStatus(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
				.body("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":1}"));
		assertThatExceptionOfType(JsonRpcClientException.class)
			.isThrownBy(() -> client().method("nope").retrieve(Integer.class))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(-32601));
	}

	@ParameterizedTest
	@MethodSource("io.github.jsonrpc.client.ServerCallTimerTests#unschedulable")
	void timeoutTooLongToScheduleIsCappedForTheJdkHttpClient(Duration timeout) throws IOException {
		// the JDK HttpClient fails a request whose read or connect timeout is longer than
		// Long.MAX_VALUE nanoseconds with "long overflow"
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/jsonrpc", (exchange) -> {
			byte[] reply = "{\"jsonrpc\":\"2.0\",\"result\":19,\"id\":1}".getBytes(StandardCharsets.UTF_8);
			exchange.getRequestBody().readAllBytes();
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, reply.length);
			exchange.getResponseBody().write(reply);
			exchange.close();
		});
		server.start();
		String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/jsonrpc";
		try (JsonRpcClient readTimeout = JsonRpcClient.builder().url(url).timeout(timeout).build();
				JsonRpcClient connectTimeout = JsonRpcClient.builder().url(url).connectTimeout(timeout).build()) {
			assertThat(readTimeout.method("subtract").params(42, 23).retrieve(Integer.class)).isEqualTo(19);
			assertThat(connectTimeout.method("subtract").params(42, 23).retrieve(Integer.class)).isEqualTo(19);
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void errorStatusWithoutJsonIsTransportException() {
		this.server.expect(requestTo("http://localhost/jsonrpc"))
			.andRespond(withStatus(HttpStatus.UNAUTHORIZED).contentType(MediaType.TEXT_HTML).body("<html/>"));
		assertThatExceptionOfType(JsonRpcTransportException.class)
			.isThrownBy(() -> client().method("x").retrieve(Integer.class))
			.withMessageContaining("HTTP 401");
	}

}
