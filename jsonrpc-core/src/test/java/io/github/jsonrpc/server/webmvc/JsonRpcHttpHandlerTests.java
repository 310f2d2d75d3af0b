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
package io.github.jsonrpc.server.webmvc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import io.github.jsonrpc.server.http.JsonRpcHttpStatusPolicy;
import io.github.jsonrpc.CalculatorService;
import io.github.jsonrpc.JsonRpcSetup;
import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.JsonRpcException;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.filter.CharacterEncodingFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.servlet.function.support.HandlerFunctionAdapter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JsonRpcHttpHandler}.
 *
 * @author jsonrpc-dev
 */
class JsonRpcHttpHandlerTests {

	private static final String SUBTRACT = "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[42,23],\"id\":1}";

	private final JsonRpcHandler handler = JsonRpcSetup.services(new CalculatorService(), new HttpService())
		.toHandler();

	private final MockMvcTester mvc = tester(JsonRpcHttpStatusPolicy.standard());

	@Test
	void callIsAnsweredWithJson() {
		assertThat(post(SUBTRACT)).hasStatusOk()
			.hasContentType(MediaType.APPLICATION_JSON)
			.bodyJson()
			.isStrictlyEqualTo("{\"jsonrpc\":\"2.0\",\"result\":19,\"id\":1}");
	}

	@Test
	void errorIsAnsweredWithOk() {
		assertThat(post("{\"jsonrpc\":\"2.0\",\"method\":\"nope\",\"id\":\"a\"}")).hasStatusOk()
			.hasContentType(MediaType.APPLICATION_JSON)
			.bodyJson()
			.isStrictlyEqualTo(
					"{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":\"a\"}");
	}

	@Test
	void invalidRequestIsAnsweredWithOk() {
		assertThat(post("{\"jsonrpc\":\"2.0\",\"method\":1,\"id\":2}")).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo(
					"{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\"},\"id\":2}");
	}

	@Test
	void batchIsAnsweredWithOk() {
		assertThat(post("[" + SUBTRACT + ",{\"jsonrpc\":\"2.0\",\"method\":\"update\",\"params\":[1]},"
				+ "{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1,2],\"id\":2}]"))
			.hasStatusOk()
			.hasContentType(MediaType.APPLICATION_JSON)
			.bodyJson()
			.isStrictlyEqualTo(
					"[{\"jsonrpc\":\"2.0\",\"result\":19,\"id\":1},{\"jsonrpc\":\"2.0\",\"result\":3,\"id\":2}]");
	}

	@Test
	void notificationIsAnsweredWithNoContent() {
		MvcTestResult result = post("{\"jsonrpc\":\"2.0\",\"method\":\"update\",\"params\":[1]}");
		assertThat(result).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(result.getResponse().getContentAsByteArray()).isEmpty();
	}

	@Test
	void allNotificationBatchIsAnsweredWithNoContent() {
		MvcTestResult result = post("[{\"jsonrpc\":\"2.0\",\"method\":\"update\",\"params\":[1]},"
				+ "{\"jsonrpc\":\"2.0\",\"method\":\"notify_hello\",\"params\":[7]}]");
		assertThat(result).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(result.getResponse().getContentAsByteArray()).isEmpty();
	}

	@Test
	void bodyThatIsNotJsonIsBadRequestWithParseError() {
		assertThat(post("{\"jsonrpc\": \"2.0\", \"method\": \"foobar, \"params\": \"bar\", \"baz]"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_JSON)
			.bodyJson()
			.isStrictlyEqualTo(
					"{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}");
	}

	@Test
	void emptyBodyIsBadRequestWithParseError() {
		assertThat(post("")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.isStrictlyEqualTo(
					"{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}");
	}

	@Test
	void getIsMethodNotAllowed() {
		assertThat(this.mvc.get().uri("/jsonrpc")).hasStatus(HttpStatus.METHOD_NOT_ALLOWED)
			.hasHeader(HttpHeaders.ALLOW, "POST");
	}

	@Test
	void putIsMethodNotAllowed() {
		assertThat(this.mvc.put().uri("/jsonrpc").contentType(MediaType.APPLICATION_JSON).content(SUBTRACT))
			.hasStatus(HttpStatus.METHOD_NOT_ALLOWED)
			.hasHeader(HttpHeaders.ALLOW, "POST");
	}

	@Test
	void otherPathIsNotFound() {
		assertThat(this.mvc.post().uri("/other").contentType(MediaType.APPLICATION_JSON).content(SUBTRACT))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void textPlainIsUnsupportedMediaType() {
		assertThat(post("text/plain", SUBTRACT)).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.hasHeader("Accept-Post", "application/json");
	}

	@Test
	void missingContentTypeIsUnsupportedMediaType() {
		assertThat(this.mvc.post().uri("/jsonrpc").content(SUBTRACT)).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
	}

	@Test
	void jsonAsCharsetParameterIsUnsupportedMediaType() {
		assertThat(post("text/plain;charset=application/json", SUBTRACT)).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
	}

	@Test
	void nonUtf8CharsetIsUnsupportedMediaType() {
		assertThat(post("application/json;charset=ISO-8859-1", SUBTRACT)).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		assertThat(post("application/json;charset=UTF-16", SUBTRACT)).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
	}

	@Test
	void unknownOrMalformedCharsetIsUnsupportedMediaType() {
		assertThat(post("application/json;charset=no-such-charset", SUBTRACT))
			.hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		assertThat(post("application/json;charset=\"", SUBTRACT)).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
	}

	@Test
	void otherJsonLikeMediaTypeIsUnsupportedMediaType() {
		assertThat(post("application/problem+json", SUBTRACT)).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
	}

	@Test
	void utf8CharsetIsAccepted() {
		assertThat(post("application/json;charset=UTF-8", SUBTRACT)).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("{\"jsonrpc\":\"2.0\",\"result\":19,\"id\":1}");
		assertThat(post("application/json; charset=utf-8", SUBTRACT)).hasStatusOk();
	}

	@Test
	void nonAsciiTextIsReadAndWrittenAsUtf8() {
		String text = "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"gr\u00fc\u00df \u2713\"],\"id\":1}";
		MvcTestResult result = this.mvc.post()
			.uri("/jsonrpc")
			.contentType(MediaType.APPLICATION_JSON)
			.content(text.getBytes(StandardCharsets.UTF_8))
			.exchange();
		assertThat(result).hasStatusOk();
		assertThat(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"gr\u00fc\u00df \u2713\",\"id\":1}");
	}

	@Test
	void bodyOverLimitWithContentLengthIsContentTooLarge() {
		String large = "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"" + "x".repeat(1100) + "\"],\"id\":1}";
		assertThat(post(large)).hasStatus(HttpStatus.CONTENT_TOO_LARGE);
	}

	@Test
	void declaredContentLengthOverLimitIsContentTooLarge() {
		assertThat(this.mvc.post()
			.uri("/jsonrpc")
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_LENGTH, "4096")
			.content(SUBTRACT)).hasStatus(HttpStatus.CONTENT_TOO_LARGE);
	}

	@Test
	void bodyAtLimitIsAccepted() {
		String prefix = "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"";
		String suffix = "\"],\"id\":1}";
		String exact = prefix + "x".repeat(1024 - prefix.length() - suffix.length()) + suffix;
		assertThat(exact).hasSize(1024);
		assertThat(post(exact)).hasStatusOk();
	}

	@Test
	void bodyOverLimitWithoutContentLengthIsContentTooLarge() throws Exception {
		String large = "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"" + "x".repeat(1100) + "\"],\"id\":1}";
		MockHttpServletRequest servletRequest = new ChunkedRequest(large.getBytes(StandardCharsets.UTF_8));
		ServerRequest request = ServerRequest.create(servletRequest,
				List.<HttpMessageConverter<?>>of(new ByteArrayHttpMessageConverter()));
		assertThat(request.headers().contentLength()).isEmpty();
		ServerResponse response = new JsonRpcHttpHandler(this.handler, JsonRpcHttpStatusPolicy.standard(), 1024)
			.handle(request);
		assertThat(response.statusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
	}

	@Test
	void bodyWithinLimitWithoutContentLengthIsAccepted() throws Exception {
		MockHttpServletRequest servletRequest = new ChunkedRequest(SUBTRACT.getBytes(StandardCharsets.UTF_8));
		ServerRequest request = ServerRequest.create(servletRequest,
				List.<HttpMessageConverter<?>>of(new ByteArrayHttpMessageConverter()));
		ServerResponse response = new JsonRpcHttpHandler(this.handler, JsonRpcHttpStatusPolicy.standard(), 1024)
			.handle(request);
		assertThat(response.statusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void requestEncodingForcedByAFilterDoesNotChangeTheDeclaredContentType() throws Exception {
		// as with server.servlet.encoding.charset=ISO-8859-1, forced on requests: the
		// client declared plain application/json, and the body is read as UTF-8 bytes
		String echo = "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"gr\u00fc\u00df \u2713\"],\"id\":1}";
		JsonRpcHttpHandler httpHandler = new JsonRpcHttpHandler(this.handler, JsonRpcHttpStatusPolicy.standard(), 1024);
		ContainerRequestEncoding container = new ContainerRequestEncoding();
		Filter[] filters = { container, new CharacterEncodingFilter("ISO-8859-1", true) };
		MockMvcTester router = MockMvcTester.create(
				MockMvcBuilders.routerFunctions(httpHandler.routerFunction("/jsonrpc")).addFilters(filters).build());
		StaticWebApplicationContext context = new StaticWebApplicationContext();
		context.setServletContext(new MockServletContext());
		context.registerBean(JsonRpcHttpHandlerMapping.class,
				() -> new JsonRpcHttpHandlerMapping("/jsonrpc", httpHandler));
		context.refresh();
		MockMvcTester mapping = MockMvcTester.from(context, (builder) -> builder.addFilters(filters).build());
		for (MockMvcTester mvc : List.of(router, mapping)) {
			MvcTestResult result = mvc.post()
				.uri("/jsonrpc")
				.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
				.content(echo.getBytes(StandardCharsets.UTF_8))
				.exchange();
			assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
			assertThat(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8))
				.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"gr\u00fc\u00df \u2713\",\"id\":1}");
		}
		// the filter did set the encoding, once per request
		assertThat(container.encodings).containsExactly("ISO-8859-1", "ISO-8859-1");
		context.close();
	}

	@Test
	void bodyWithoutContentLengthIsReadUnderTheLargestLimit() throws Exception {
		// the limit plus the one byte read to tell a larger body must not overflow
		JsonRpcHttpHandler unlimited = new JsonRpcHttpHandler(this.handler, JsonRpcHttpStatusPolicy.standard(),
				Long.MAX_VALUE);
		MockHttpServletResponse response = new MockHttpServletResponse();
		unlimited.handle(new ChunkedRequest(SUBTRACT.getBytes(StandardCharsets.UTF_8)), response,
				new HandlerFunctionAdapter());
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":19,\"id\":1}");
		ServerRequest request = ServerRequest.create(new ChunkedRequest(SUBTRACT.getBytes(StandardCharsets.UTF_8)),
				List.<HttpMessageConverter<?>>of(new ByteArrayHttpMessageConverter()));
		assertThat(unlimited.handle(request).statusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void bodyLargerThanAnArrayCanHoldIsContentTooLargeUnderAnyLimit() throws Exception {
		// a limit of 2 GB or more: what is read is capped by the largest array, and a
		// body past that is refused, never cut and parsed
		assertThat(JsonRpcHttpHandler.maxBodyBytes(Long.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE - 9);
		assertThat(JsonRpcHttpHandler.maxBodyBytes(3L * 1024 * 1024 * 1024)).isEqualTo(Integer.MAX_VALUE - 9);
		assertThat(JsonRpcHttpHandler.maxBodyBytes(Integer.MAX_VALUE - 9)).isEqualTo(Integer.MAX_VALUE - 9);
		assertThat(JsonRpcHttpHandler.maxBodyBytes(Integer.MAX_VALUE - 10)).isEqualTo(Integer.MAX_VALUE - 10);
		assertThat(JsonRpcHttpHandler.maxBodyBytes(1024)).isEqualTo(1024);
		JsonRpcHttpHandler fourGigabytes = new JsonRpcHttpHandler(this.handler, JsonRpcHttpStatusPolicy.standard(),
				4L * 1024 * 1024 * 1024);
		for (long declared : new long[] { Integer.MAX_VALUE - 8, 3L * 1024 * 1024 * 1024 }) {
			MockHttpServletRequest request = new MockHttpServletRequest("POST", "/jsonrpc");
			request.addHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE);
			request.addHeader(HttpHeaders.CONTENT_LENGTH, declared);
			request.setContent(SUBTRACT.getBytes(StandardCharsets.UTF_8));
			MockHttpServletResponse response = new MockHttpServletResponse();
			fourGigabytes.handle(request, response, new HandlerFunctionAdapter());
			assertThat(response.getStatus()).as("Content-Length %d", declared).isEqualTo(413);
			// refused on the header alone
			assertThat(request.getInputStream().available()).isEqualTo(SUBTRACT.length());
		}
	}

	@Test
	void asyncMethodIsAnswered() {
		MvcTestResult result = post("{\"jsonrpc\":\"2.0\",\"method\":\"slow\",\"params\":[\"done\"],\"id\":7}");
		assertThat(result).hasStatusOk()
			.hasContentType(MediaType.APPLICATION_JSON)
			.bodyJson()
			.isStrictlyEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"done\",\"id\":7}");
	}

	@Test
	void asyncNotificationIsAnsweredWithNoContent() {
		assertThat(post("{\"jsonrpc\":\"2.0\",\"method\":\"slow\",\"params\":[\"done\"]}"))
			.hasStatus(HttpStatus.NO_CONTENT);
	}

	@Test
	void transportContextCarriesHttpDetails() {
		assertThat(this.mvc.post()
			.uri("/jsonrpc")
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-Tenant", "acme")
			.principal(() -> "alice")
			.content("{\"jsonrpc\":\"2.0\",\"method\":\"whoami\",\"id\":1}")).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"HTTP alice acme /jsonrpc true\",\"id\":1}");
	}

	@Test
	void byErrorCodePolicyMapsErrorsToStatuses() {
		MockMvcTester byCode = tester(JsonRpcHttpStatusPolicy.byErrorCode());
		assertThat(post(byCode, "{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1],\"id\":1}")).hasStatusOk();
		assertThat(post(byCode, "{\"jsonrpc\":\"2.0\",\"method\":\"nope\",\"id\":1}")).hasStatus(HttpStatus.NOT_FOUND)
			.bodyJson()
			.extractingPath("$.error.code")
			.isEqualTo(-32601);
		assertThat(post(byCode, "{\"jsonrpc\":\"2.0\",\"id\":1}")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(post(byCode, "{")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(post(byCode, "{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[\"x\"],\"id\":1}"))
			.hasStatus(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(post(byCode, "{\"jsonrpc\":\"2.0\",\"method\":\"fail\",\"params\":[-32001],\"id\":1}"))
			.hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(post(byCode, "{\"jsonrpc\":\"2.0\",\"method\":\"fail\",\"params\":[-32003],\"id\":1}"))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(post(byCode, "{\"jsonrpc\":\"2.0\",\"method\":\"fail\",\"params\":[-32050],\"id\":1}"))
			.hasStatus(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(post(byCode, "[{\"jsonrpc\":\"2.0\",\"method\":\"nope\",\"id\":1}]")).hasStatusOk();
		assertThat(post(byCode, "{\"jsonrpc\":\"2.0\",\"method\":\"nope\"}")).hasStatus(HttpStatus.NO_CONTENT);
	}

	private MockMvcTester tester(JsonRpcHttpStatusPolicy policy) {
		return MockMvcTester.create(MockMvcBuilders
			.routerFunctions(new JsonRpcHttpHandler(this.handler, policy, 1024).routerFunction("/jsonrpc"))
			.build());
	}

	private MvcTestResult post(String json) {
		return post(this.mvc, json);
	}

	private static MvcTestResult post(MockMvcTester mvc, String json) {
		return mvc.post().uri("/jsonrpc").contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	private MvcTestResult post(String contentType, String json) {
		return this.mvc.post().uri("/jsonrpc").header(HttpHeaders.CONTENT_TYPE, contentType).content(json).exchange();
	}

	/**
	 * A request whose length is unknown, as with chunked transfer encoding.
	 */
	static class ChunkedRequest extends MockHttpServletRequest {

		ChunkedRequest(byte[] body) {
			super("POST", "/jsonrpc");
			setContentType(MediaType.APPLICATION_JSON_VALUE);
			setContent(body);
		}

		@Override
		public int getContentLength() {
			return -1;
		}

		@Override
		public long getContentLengthLong() {
			return -1;
		}

	}

	/**
	 * What a servlet container does with a request encoding a filter sets: the
	 * {@code Content-Type} header stays as the client sent it
	 * ({@link MockHttpServletRequest} would rewrite it).
	 */
	static class ContainerRequestEncoding extends OncePerRequestFilter {

		final List<String> encodings = new CopyOnWriteArrayList<>();

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			chain.doFilter(new HttpServletRequestWrapper(request) {

				private @Nullable String encoding = request.getCharacterEncoding();

				@Override
				public @Nullable String getCharacterEncoding() {
					return this.encoding;
				}

				@Override
				public void setCharacterEncoding(String encoding) {
					ContainerRequestEncoding.this.encodings.add(encoding);
					this.encoding = encoding;
				}

			}, response);
		}

	}

	@JsonRpcService
	static class HttpService {

		public CompletableFuture<String> slow(String value) {
			return CompletableFuture.supplyAsync(() -> value,
					CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS));
		}

		public String whoami(JsonRpcExchange exchange) {
			return exchange.context().transport() + " " + exchange.principal().getName() + " "
					+ exchange.context().headers().getFirst("x-tenant") + " " + exchange.context().uri().getPath() + " "
					+ (exchange.context().nativeRequest(ServerRequest.class) != null);
		}

		public String fail(int code) {
			throw new JsonRpcException(code, "Failed");
		}

	}

}
