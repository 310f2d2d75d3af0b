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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import io.github.jsonrpc.server.JsonRpcException;
import io.github.jsonrpc.server.method.annotation.JsonRpcMethod;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end: with Spring Boot's forced response encoding set to a charset other than
 * UTF-8, every HTTP reply still declares the charset its bytes are in (UTF-8, or no
 * charset for {@code application/json}, which is UTF-8 by RFC 8259), so that a client
 * decoding the body as the {@code Content-Type} says reads the text the method returned.
 *
 * @author JSON-RPC for Spring Boot team
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "spring.servlet.encoding.force=true",
		"spring.servlet.encoding.charset=ISO-8859-1", "jsonrpc.explorer.enabled=true" })
class HttpResponseCharsetTests {

	// Latin-1 letters (whose bytes differ in UTF-8 and ISO-8859-1) and characters beyond
	// it
	private static final String TEXT = "Grüße, ½ € 世界 ✓";

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@LocalServerPort
	private int port;

	@Test
	void replyIsReadAsTheTextTheMethodReturned() throws Exception {
		HttpResponse<byte[]> response = post(call("echo", List.of(TEXT)), "application/json");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(mediaType(response).isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
		assertThat(mapper.readTree(decode(response)).get("result").asString()).isEqualTo(TEXT);
	}

	@Test
	void batchReplyIsReadAsTheTextTheMethodsReturned() throws Exception {
		String batch = "[" + call("echo", List.of(TEXT)) + "," + call("echo", List.of(TEXT + "!")) + "]";
		HttpResponse<byte[]> response = post(batch, "application/json");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode replies = mapper.readTree(decode(response));
		assertThat(replies.get(0).get("result").asString()).isEqualTo(TEXT);
		assertThat(replies.get(1).get("result").asString()).isEqualTo(TEXT + "!");
	}

	@Test
	void errorReplyIsReadAsTheTextOfItsMessage() throws Exception {
		HttpResponse<byte[]> response = post(call("charset.fail", List.of(TEXT)), "application/json");
		assertThat(mapper.readTree(decode(response)).get("error").get("message").asString()).isEqualTo(TEXT);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "application/x-ndjson", "text/event-stream" })
	void streamedItemsAreReadAsTheTextTheMethodReturned(String accept) throws Exception {
		HttpResponse<byte[]> response = post(call("charset.repeat", List.of(TEXT, 2)), accept);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(mediaType(response).isCompatibleWith(MediaType.parseMediaType(accept))).isTrue();
		List<JsonNode> messages = decode(response).lines()
			.filter((line) -> !line.isEmpty())
			.map((line) -> line.startsWith("data:") ? line.substring("data:".length()) : line)
			.map(mapper::readTree)
			.toList();
		assertThat(messages).hasSize(3);
		assertThat(messages.get(0).at("/params/item").asString()).isEqualTo(TEXT);
		assertThat(messages.get(1).at("/params/item").asString()).isEqualTo(TEXT);
		assertThat(messages.get(2).at("/result/count").asInt()).isEqualTo(2);
	}

	@Test
	void openRpcDocumentIsReadAsTheTextItDescribes() throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/jsonrpc/openrpc.json"))
			.timeout(Duration.ofSeconds(5))
			.GET()
			.build();
		HttpResponse<byte[]> response = this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode document = mapper.readTree(decode(response));
		List<String> descriptions = document.path("methods")
			.valueStream()
			.filter((method) -> method.path("name").asString().equals("charset.describe"))
			.map((method) -> method.path("description").asString())
			.toList();
		assertThat(descriptions).containsExactly(TEXT);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "/explorer.js", "/explorer.css" })
	void explorerPagesAreReadAsTheirUtf8Text(String page) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/jsonrpc/explorer" + page))
			.timeout(Duration.ofSeconds(5))
			.GET()
			.build();
		HttpResponse<byte[]> response = this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		String file = page.isEmpty() ? "/index.html" : page;
		String text = new ClassPathResource("io/github/jsonrpc/autoconfigure/servlet/explorer" + file)
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(decode(response)).isEqualTo(text);
	}

	@Test
	void explorerScriptHoldsTextBeyondAscii() throws Exception {
		// what makes the test above able to fail: the script's bytes differ when read
		// in the forced charset
		String text = new ClassPathResource("io/github/jsonrpc/autoconfigure/servlet/explorer/explorer.js")
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(text.chars().anyMatch((c) -> c > 0x7F)).isTrue();
	}

	private static String call(String method, List<Object> params) {
		return "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + mapper.writeValueAsString(params)
				+ ",\"id\":1}";
	}

	private HttpResponse<byte[]> post(String body, String accept) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/jsonrpc"))
			.timeout(Duration.ofSeconds(5))
			.header("Content-Type", "application/json")
			.header("Accept", accept)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
	}

	private static MediaType mediaType(HttpResponse<?> response) {
		return MediaType.parseMediaType(response.headers().firstValue("Content-Type").orElseThrow());
	}

	/**
	 * Decode a body as a client does: in the charset its {@code Content-Type} declares,
	 * else in UTF-8 (JSON's, NDJSON's and server-sent events' own).
	 */
	private static String decode(HttpResponse<byte[]> response) {
		Charset charset = mediaType(response).getCharset();
		return new String(response.body(), (charset != null) ? charset : StandardCharsets.UTF_8);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class CharsetServiceConfiguration {

		@Bean
		CharsetService charsetService() {
			return new CharsetService();
		}

	}

	@JsonRpcService("charset")
	static class CharsetService {

		public Stream<String> repeat(String text, int times) {
			return Stream.generate(() -> text).limit(times);
		}

		public String fail(String message) {
			throw new JsonRpcException(-32000, message);
		}

		@JsonRpcMethod(description = TEXT)
		public String describe() {
			return "";
		}

	}

}
