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

package io.github.jsonrpc.sample;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end tests of the sample application over real HTTP: the JSON-RPC 2.0
 * specification's examples, the HTTP mapping, and the inventory service.
 *
 * @author JSON-RPC for Spring Boot team
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
abstract class AbstractSampleApplicationHttpTests {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int port;

	@ParameterizedTest(name = "{0}")
	@MethodSource("io.github.jsonrpc.JsonRpcSpecificationExamples#arguments")
	void specificationExample(String name, String request, @Nullable String expected) throws Exception {
		HttpResponse<String> response = post(request);
		if (expected == null) {
			assertThat(response.statusCode()).isEqualTo(204);
			assertThat(response.body()).isEmpty();
			return;
		}
		// the documented mapping: 400 only for a body that is not JSON at all, 200
		// otherwise
		boolean parseError = !expected.strip().startsWith("[") && expected.contains("-32700");
		assertThat(response.statusCode()).isEqualTo(parseError ? 400 : 200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		JSONAssert.assertEquals(expected, response.body(), JSONCompareMode.STRICT);
	}

	@Test
	void echoReturnsItsArgumentAndTheIdUnchanged() throws Exception {
		String value = "{\"text\":\"h\\u00e9llo \\\"w\\\"\",\"big\":123456789012345678901234567890,\"exact\":1.000,"
				+ "\"list\":[true,false,null,-0.5e-10],\"nested\":{\"a\":{}}}";
		assertThat(post("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[" + value
				+ "],\"id\":98765432109876543210987654321}")
			.body()).isEqualTo(
					"{\"jsonrpc\":\"2.0\",\"result\":{\"text\":\"h\u00e9llo \\\"w\\\"\",\"big\":123456789012345678901234567890,"
							+ "\"exact\":1.000,\"list\":[true,false,null,-5E-11],\"nested\":{\"a\":{}}},"
							+ "\"id\":98765432109876543210987654321}");
		assertThat(post("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":{\"x\":null},\"id\":null}").body())
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":null,\"id\":null}");
		assertThat(post("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"a\"],\"id\":\"\"}").body())
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"a\",\"id\":\"\"}");
	}

	@Test
	void invalidParamsAreAnsweredWithoutInternals() throws Exception {
		String body = post("{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[\"x\",1],\"id\":7}").body();
		assertThat(body).contains("\"code\":-32602", "'minuend'", "integer", "\"id\":7")
			.doesNotContain("java.", "tools.jackson", "Exception", "at [Source");
		assertThat(post("{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[1],\"id\":8}").body())
			.contains("\"code\":-32602", "missing required parameter 'subtrahend'");
		assertThat(post("{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[1,2,3],\"id\":9}").body())
			.contains("\"code\":-32602", "at most 2");
		assertThat(post(
				"{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":{\"minuend\":1,\"subtrahend\":2,\"x\":3},\"id\":10}")
			.body()).contains("\"code\":-32602", "unknown parameter 'x'");
	}

	@Test
	void nonPostMethodsGet405WithAllow() throws Exception {
		HttpResponse<String> get = http.send(HttpRequest.newBuilder(uri()).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(get.statusCode()).isEqualTo(405);
		assertThat(get.headers().firstValue("Allow")).hasValue("POST");
		HttpResponse<String> put = http.send(
				HttpRequest.newBuilder(uri()).PUT(HttpRequest.BodyPublishers.ofString("{}")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(put.statusCode()).isEqualTo(405);
	}

	@Test
	void onlyApplicationJsonIsAccepted() throws Exception {
		String call = "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[42,23],\"id\":1}";
		assertThat(post(call, "text/plain").statusCode()).isEqualTo(415);
		assertThat(post(call, "text/plain; charset=application/json").statusCode()).isEqualTo(415);
		assertThat(post(call, "application/x-www-form-urlencoded").statusCode()).isEqualTo(415);
		assertThat(post(call, "application/json; charset=ISO-8859-1").statusCode()).isEqualTo(415);
		assertThat(post(call, "application/json-patch+json").statusCode()).isEqualTo(415);
		assertThat(post(call, "application/json; charset=utf-8").statusCode()).isEqualTo(200);
		assertThat(post(call, "Application/JSON").statusCode()).isEqualTo(200);
	}

	@Test
	void bodiesOverTheLimitGet413BeforeParsing() throws Exception {
		byte[] large = ("[" + "1,".repeat(600_000) + "1]").getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> withLength = http.send(HttpRequest.newBuilder(uri())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(large))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(withLength.statusCode()).isEqualTo(413);
		HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(uri())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(chunked.statusCode()).isEqualTo(413);
	}

	@Test
	void inventoryValidatesAddsReservesAndListsAsynchronously() throws Exception {
		assertThat(post(
				"{\"jsonrpc\":\"2.0\",\"method\":\"inventory.add\",\"params\":{\"sku\":\"\",\"quantity\":-1},\"id\":1}")
			.body())
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params\",\"data\":["
					+ "{\"field\":\"quantity\",\"message\":\"must be greater than or equal to 0\"},"
					+ "{\"field\":\"sku\",\"message\":\"must not be blank\"}]},\"id\":1}");
		assertThat(post(
				"{\"jsonrpc\":\"2.0\",\"method\":\"inventory.add\",\"params\":{\"sku\":\"pear\",\"quantity\":5},\"id\":2}")
			.body()).isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":{\"sku\":\"pear\",\"quantity\":5},\"id\":2}");
		assertThat(
				post("{\"jsonrpc\":\"2.0\",\"method\":\"inventory.reserve\",\"params\":[\"pear\",9],\"id\":3}").body())
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32011,\"message\":\"Insufficient stock\","
					+ "\"data\":{\"available\":5}},\"id\":3}");
		assertThat(
				post("{\"jsonrpc\":\"2.0\",\"method\":\"inventory.reserve\",\"params\":[\"pear\",0],\"id\":4}").body())
			.contains("\"code\":-32602", "\"field\":\"quantity\"");
		assertThat(post("{\"jsonrpc\":\"2.0\",\"method\":\"inventory.get\",\"params\":[\"kiwi\"],\"id\":5}").body())
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32010,\"message\":\"Item not found\"},\"id\":5}");
		assertThat(post("{\"jsonrpc\":\"2.0\",\"method\":\"inventory.list\",\"id\":6}").body())
			.contains("{\"sku\":\"pear\",\"quantity\":5}");
	}

	@Test
	void concurrentCallsAreAnsweredWithTheirOwnIds() throws Exception {
		List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			String request = "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[" + i + ",1],\"id\":" + i + "}";
			responses.add(http.sendAsync(HttpRequest.newBuilder(uri())
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(request))
				.build(), HttpResponse.BodyHandlers.ofString()));
		}
		for (int i = 0; i < responses.size(); i++) {
			assertThat(responses.get(i).get(10, TimeUnit.SECONDS).body())
				.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":" + (i - 1) + ",\"id\":" + i + "}");
		}
	}

	private HttpResponse<String> post(String body) throws Exception {
		return post(body, "application/json");
	}

	private HttpResponse<String> post(String body, String contentType) throws Exception {
		return http.send(HttpRequest.newBuilder(uri())
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri() {
		return URI.create("http://127.0.0.1:" + this.port + "/jsonrpc");
	}

}
