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
package io.github.jsonrpc.server.webflux;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.github.jsonrpc.CalculatorService;
import io.github.jsonrpc.JsonRpcSetup;
import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.JsonRpcException;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.http.JsonRpcHttpStatusPolicy;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.ServerRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JsonRpcHttpHandler}: the rules of the Spring MVC endpoint on WebFlux.
 *
 * @author jsonrpc-dev
 */
class JsonRpcHttpHandlerTests {

	private static final String SUBTRACT = "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[42,23],\"id\":1}";

	private static final String COUNT = "{\"jsonrpc\":\"2.0\",\"method\":\"count\",\"params\":[2],\"id\":1}";

	private final JsonRpcHandler handler = JsonRpcSetup.services(new CalculatorService(), new HttpService())
		.toHandler();

	private final WebTestClient client = client(JsonRpcHttpStatusPolicy.standard());

	@Test
	void callIsAnsweredWithJson() {
		post(SUBTRACT).expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody()
			.json("{\"jsonrpc\":\"2.0\",\"result\":19,\"id\":1}", true);
	}

	@Test
	void errorIsAnsweredWithOk() {
		post("{\"jsonrpc\":\"2.0\",\"method\":\"nope\",\"id\":\"a\"}").expectStatus()
			.isOk()
			.expectBody()
			.json("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":\"a\"}",
					true);
	}

	@Test
	void batchIsAnsweredWithOk() {
		post("[" + SUBTRACT + ",{\"jsonrpc\":\"2.0\",\"method\":\"update\",\"params\":[1]},"
				+ "{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1,2],\"id\":2}]")
			.expectStatus()
			.isOk()
			.expectBody()
			.json("[{\"jsonrpc\":\"2.0\",\"result\":19,\"id\":1},{\"jsonrpc\":\"2.0\",\"result\":3,\"id\":2}]", true);
	}

	@Test
	void notificationIsAnsweredWithNoContent() {
		post("{\"jsonrpc\":\"2.0\",\"method\":\"update\",\"params\":[1]}").expectStatus()
			.isNoContent()
			.expectBody()
			.isEmpty();
	}

	@Test
	void bodyThatIsNotJsonIsBadRequestWithParseError() {
		post("{\"jsonrpc\": \"2.0\", \"method\": \"foobar, \"params\": \"bar\", \"baz]").expectStatus()
			.isBadRequest()
			.expectBody()
			.json("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}", true);
	}

	@Test
	void emptyBodyIsBadRequestWithParseError() {
		post("").expectStatus().isBadRequest().expectBody().jsonPath("$.error.code").isEqualTo(-32700);
	}

	@Test
	void getIsMethodNotAllowed() {
		this.client.get()
			.uri("/jsonrpc")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
			.expectHeader()
			.valueEquals(HttpHeaders.ALLOW, "POST");
	}

	@Test
	void otherPathIsNotFound() {
		this.client.post()
			.uri("/other")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(SUBTRACT)
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void textPlainIsUnsupportedMediaType() {
		post("text/plain", SUBTRACT).expectStatus()
			.isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.expectHeader()
			.valueEquals("Accept-Post", "application/json");
	}

	@Test
	void nonUtf8CharsetIsUnsupportedMediaType() {
		post("application/json;charset=ISO-8859-1", SUBTRACT).expectStatus()
			.isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
	}

	@Test
	void utf8CharsetIsAccepted() {
		post("application/json;charset=UTF-8", SUBTRACT).expectStatus().isOk();
	}

	@Test
	void bodyOverLimitWithContentLengthIsContentTooLarge() {
		String large = "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"" + "x".repeat(1100) + "\"],\"id\":1}";
		post(large).expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
	}

	@Test
	void bodyAtLimitIsAccepted() {
		String prefix = "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"";
		String suffix = "\"],\"id\":1}";
		String exact = prefix + "x".repeat(1024 - prefix.length() - suffix.length()) + suffix;
		assertThat(exact).hasSize(1024);
		post(exact).expectStatus().isOk();
	}

	@Test
	void chunkedBodyOverLimitIsContentTooLarge() {
		// a body of unknown length: the limit is enforced while aggregating the chunks
		Flux<DataBuffer> chunks = Flux.range(0, 12).map((i) -> buffer("x".repeat(100)));
		this.client.post()
			.uri("/jsonrpc")
			.contentType(MediaType.APPLICATION_JSON)
			.body(chunks, DataBuffer.class)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
	}

	@Test
	void chunkedBodyWithinLimitIsAccepted() {
		Flux<DataBuffer> chunks = Flux.just(buffer(SUBTRACT.substring(0, 10)), buffer(SUBTRACT.substring(10)));
		this.client.post()
			.uri("/jsonrpc")
			.contentType(MediaType.APPLICATION_JSON)
			.body(chunks, DataBuffer.class)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.result")
			.isEqualTo(19);
	}

	@Test
	void asyncMethodIsAnswered() {
		post("{\"jsonrpc\":\"2.0\",\"method\":\"slow\",\"params\":[\"done\"],\"id\":7}").expectStatus()
			.isOk()
			.expectBody()
			.json("{\"jsonrpc\":\"2.0\",\"result\":\"done\",\"id\":7}", true);
	}

	@Test
	void transportContextCarriesHttpDetails() {
		this.client.post()
			.uri("/jsonrpc")
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-Tenant", "acme")
			.bodyValue("{\"jsonrpc\":\"2.0\",\"method\":\"whoami\",\"id\":1}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.result")
			.isEqualTo("HTTP acme /jsonrpc true");
	}

	@Test
	void byErrorCodePolicyMapsErrorsToStatuses() {
		WebTestClient byCode = client(JsonRpcHttpStatusPolicy.byErrorCode());
		post(byCode, "application/json", "{\"jsonrpc\":\"2.0\",\"method\":\"nope\",\"id\":1}").expectStatus()
			.isNotFound();
		post(byCode, "application/json", "{\"jsonrpc\":\"2.0\",\"method\":\"fail\",\"params\":[-32003],\"id\":1}")
			.expectStatus()
			.isForbidden();
		post(byCode, "application/json", "[{\"jsonrpc\":\"2.0\",\"method\":\"nope\",\"id\":1}]").expectStatus().isOk();
	}

	@Test
	void ndjsonWritesOneLinePerItemThenTheResponse() {
		assertThat(stream(COUNT, "application/x-ndjson")).isEqualTo("""
				{"jsonrpc":"2.0","method":"rpc.stream","params":{"id":1,"item":1}}
				{"jsonrpc":"2.0","method":"rpc.stream","params":{"id":1,"item":2}}
				{"jsonrpc":"2.0","result":{"count":2},"id":1}
				""");
	}

	@Test
	void serverSentEventsWriteOneDataEventPerItemThenTheResponse() {
		assertThat(stream(COUNT, "text/event-stream")).isEqualTo("""
				data:{"jsonrpc":"2.0","method":"rpc.stream","params":{"id":1,"item":1}}

				data:{"jsonrpc":"2.0","method":"rpc.stream","params":{"id":1,"item":2}}

				data:{"jsonrpc":"2.0","result":{"count":2},"id":1}

				""");
	}

	@Test
	void failureAfterTheFirstItemEndsTheStreamWithAnErrorResponse() {
		assertThat(stream("{\"jsonrpc\":\"2.0\",\"method\":\"breaking\",\"id\":\"b\"}", "application/x-ndjson"))
			.isEqualTo("""
					{"jsonrpc":"2.0","method":"rpc.stream","params":{"id":"b","item":1}}
					{"jsonrpc":"2.0","error":{"code":-32050,"message":"Broke"},"id":"b"}
					""");
	}

	@Test
	void withoutAStreamingAcceptTheStreamIsCollected() {
		post(COUNT).expectStatus().isOk().expectBody().json("{\"jsonrpc\":\"2.0\",\"result\":[1,2],\"id\":1}", true);
	}

	@Test
	void callThatDoesNotStreamIsAnsweredAsPlainJson() {
		this.client.post()
			.uri("/jsonrpc")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_NDJSON)
			.bodyValue(SUBTRACT)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody()
			.json("{\"jsonrpc\":\"2.0\",\"result\":19,\"id\":1}", true);
	}

	@Test
	void batchIsCollectedEvenWhenTheAcceptAsksForAStream() {
		this.client.post()
			.uri("/jsonrpc")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_NDJSON)
			.bodyValue("[" + COUNT + "]")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.json("[{\"jsonrpc\":\"2.0\",\"result\":[1,2],\"id\":1}]", true);
	}

	@Test
	void clientGoingAwayCancelsAnEndlessStream() {
		Flux<String> lines = this.client.post()
			.uri("/jsonrpc")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_NDJSON)
			.bodyValue("{\"jsonrpc\":\"2.0\",\"method\":\"endless\",\"id\":1}")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody();
		StepVerifier.create(lines.take(3)).expectNextCount(3).expectComplete().verify(Duration.ofSeconds(5));
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(HttpService.endlessCancelled::get);
	}

	@Test
	void constructorChecksItsArguments() {
		JsonRpcHttpStatusPolicy policy = JsonRpcHttpStatusPolicy.standard();
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> new JsonRpcHttpHandler(null, policy, 1))
			.withMessage("Handler is required");
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> new JsonRpcHttpHandler(this.handler, null, 1))
			.withMessage("StatusPolicy is required");
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> new JsonRpcHttpHandler(this.handler, policy, 0))
			.withMessage("maxRequestBytes must be positive");
		WebTestClient oneByte = WebTestClient
			.bindToRouterFunction(new JsonRpcHttpHandler(this.handler, policy, 1).routerFunction("/jsonrpc"))
			.build();
		post(oneByte, "application/json", "1").expectStatus().isOk();
		post(oneByte, "application/json", "12").expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
	}

	@Test
	void unparsableContentTypeIsUnsupportedMediaType() {
		ServerRequest request = org.springframework.mock.web.reactive.function.server.MockServerRequest.builder()
			.header(HttpHeaders.CONTENT_TYPE, "application/json;;;=")
			.body(reactor.core.publisher.Mono.just(SUBTRACT));
		assertThat(new JsonRpcHttpHandler(this.handler, JsonRpcHttpStatusPolicy.standard(), 1024).handle(request)
			.block(Duration.ofSeconds(5))
			.statusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
	}

	@Test
	void openRpcDocumentIsTheResultOfTheDiscoverCall() {
		JsonRpcHandler discovering = JsonRpcHandler
			.builder(
					(exchange) -> CompletableFuture.completedFuture(io.github.jsonrpc.protocol.JsonRpcResponse
						.success(exchange.id(), java.util.Map.of("openrpc", "1.3.2", "method", exchange.method()))),
					this.handler.codec())
			.build();
		document(discovering).expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody()
			.json("{\"openrpc\":\"1.3.2\",\"method\":\"rpc.discover\"}", true);
	}

	@Test
	void openRpcDocumentWithoutDiscoveryIsNotFound() {
		document(this.handler).expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.error.code")
			.isEqualTo(-32601);
	}

	private static WebTestClient.ResponseSpec document(JsonRpcHandler handler) {
		JsonRpcHttpHandler http = new JsonRpcHttpHandler(handler, JsonRpcHttpStatusPolicy.standard(), 1024);
		return WebTestClient
			.bindToRouterFunction(org.springframework.web.reactive.function.server.RouterFunctions.route()
				.GET("/jsonrpc/openrpc.json", http::handleOpenRpcDocument)
				.build())
			.build()
			.get()
			.uri("/jsonrpc/openrpc.json")
			.exchange();
	}

	private WebTestClient client(JsonRpcHttpStatusPolicy policy) {
		return WebTestClient
			.bindToRouterFunction(new JsonRpcHttpHandler(this.handler, policy, 1024).routerFunction("/jsonrpc"))
			.build();
	}

	private WebTestClient.ResponseSpec post(String json) {
		return post(this.client, "application/json", json);
	}

	private WebTestClient.ResponseSpec post(String contentType, String json) {
		return post(this.client, contentType, json);
	}

	private static WebTestClient.ResponseSpec post(WebTestClient client, String contentType, String json) {
		return client.post()
			.uri("/jsonrpc")
			.header(HttpHeaders.CONTENT_TYPE, contentType)
			.bodyValue(json.getBytes(StandardCharsets.UTF_8))
			.exchange();
	}

	private String stream(String json, String accept) {
		byte[] body = this.client.post()
			.uri("/jsonrpc")
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.ACCEPT, accept)
			.bodyValue(json)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(accept)
			.expectBody()
			.returnResult()
			.getResponseBody();
		return new String(body, StandardCharsets.UTF_8);
	}

	private static DataBuffer buffer(String text) {
		return DefaultDataBufferFactory.sharedInstance.wrap(text.getBytes(StandardCharsets.UTF_8));
	}

	@JsonRpcService
	static class HttpService {

		static final java.util.concurrent.atomic.AtomicBoolean endlessCancelled = new java.util.concurrent.atomic.AtomicBoolean();

		public CompletableFuture<String> slow(String value) {
			return CompletableFuture.supplyAsync(() -> value,
					CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS));
		}

		public String whoami(JsonRpcExchange exchange) {
			return exchange.context().transport() + " " + exchange.context().headers().getFirst("x-tenant") + " "
					+ exchange.context().uri().getPath() + " "
					+ (exchange.context().nativeRequest(ServerRequest.class) != null);
		}

		public String fail(int code) {
			throw new JsonRpcException(code, "Failed");
		}

		public Stream<Integer> count(int n) {
			return IntStream.rangeClosed(1, n).boxed();
		}

		public Stream<Integer> breaking() {
			return Stream.iterate(1, (i) -> i + 1).map((i) -> {
				if (i > 1) {
					throw new JsonRpcException(-32050, "Broke");
				}
				return i;
			});
		}

		public Flux<Integer> endless() {
			return Flux.range(1, Integer.MAX_VALUE).doOnCancel(() -> endlessCancelled.set(true));
		}

	}

}
