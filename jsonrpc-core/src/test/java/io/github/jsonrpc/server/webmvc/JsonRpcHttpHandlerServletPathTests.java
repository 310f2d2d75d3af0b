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

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.github.jsonrpc.CalculatorService;
import io.github.jsonrpc.JsonRpcSetup;
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.http.JsonRpcHttpStatusPolicy;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.support.HandlerFunctionAdapter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the servlet path of {@link JsonRpcHttpHandler} (what
 * {@link JsonRpcHttpHandlerMapping} hands {@code POST} with JSON to): replies ready at
 * once are written straight to the servlet response, limits are checked before the
 * handler runs.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcHttpHandlerServletPathTests {

	private static final String SUBTRACT = "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[42,23],\"id\":1}";

	private final JsonRpcHttpHandler handler = new JsonRpcHttpHandler(
			JsonRpcSetup.services(new CalculatorService()).toHandler(), JsonRpcHttpStatusPolicy.standard(), 200);

	@Test
	void callIsWrittenWithItsLengthAndTypeWithoutAFunctionalRequest() throws Exception {
		MockHttpServletRequest request = request(SUBTRACT, true);
		MockHttpServletResponse response = serve(this.handler, request);
		String body = "{\"jsonrpc\":\"2.0\",\"result\":19,\"id\":1}";
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("application/json");
		assertThat(response.getContentAsString()).isEqualTo(body);
		assertThat(response.getContentLength()).isEqualTo(body.length());
		assertThat(request.getAttribute(RouterFunctions.REQUEST_ATTRIBUTE)).isNull();
	}

	@Test
	void bodyOfUnknownLengthIsReadToo() throws Exception {
		MockHttpServletResponse response = serve(this.handler, request(SUBTRACT, false));
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":19,\"id\":1}");
	}

	@Test
	void notificationIsAnsweredWithNoContentAndNoBody() throws Exception {
		MockHttpServletResponse response = serve(this.handler,
				request("{\"jsonrpc\":\"2.0\",\"method\":\"update\",\"params\":[1]}", true));
		assertThat(response.getStatus()).isEqualTo(204);
		assertThat(response.getContentAsByteArray()).isEmpty();
		assertThat(response.getContentType()).isNull();
	}

	@Test
	void declaredLengthOverTheLimitIsRefusedBeforeReading() throws Exception {
		String large = "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[42,23],\"id\":\"" + "x".repeat(200)
				+ "\"}";
		MockHttpServletResponse response = serve(this.handler, request(large, true));
		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getContentAsByteArray()).isEmpty();
	}

	@Test
	void undeclaredBodyOverTheLimitIsRefusedAtOneByteMore() throws Exception {
		String exact = SUBTRACT + " ".repeat(200 - SUBTRACT.length());
		assertThat(serve(this.handler, request(exact, false)).getStatus()).isEqualTo(200);
		assertThat(serve(this.handler, request(exact + " ", false)).getStatus()).isEqualTo(413);
	}

	@Test
	void declaredLengthAtTheLimitIsServed() throws Exception {
		String exact = SUBTRACT + " ".repeat(200 - SUBTRACT.length());
		assertThat(serve(this.handler, request(exact, true)).getStatus()).isEqualTo(200);
	}

	@Test
	void pendingReplyIsHandedToSpringMvcWithAFunctionalRequest() throws Exception {
		CompletableFuture<JsonRpcResponse> never = new CompletableFuture<>();
		JsonRpcHttpHandler pending = new JsonRpcHttpHandler(
				JsonRpcHandler.builder((exchange) -> never, JsonRpcMessageCodec.create(JsonMapper.builder().build()))
					.build(),
				JsonRpcHttpStatusPolicy.standard(), 200);
		MockHttpServletRequest request = request(SUBTRACT, true);
		request.setAsyncSupported(true);
		MockHttpServletResponse response = serve(pending, request);
		// not answered on this thread: the request went asynchronous
		assertThat(request.isAsyncStarted()).isTrue();
		assertThat(response.getContentAsByteArray()).isEmpty();
		assertThat(request.getAttribute(RouterFunctions.REQUEST_ATTRIBUTE)).isNotNull();
	}

	private static MockHttpServletResponse serve(JsonRpcHttpHandler handler, MockHttpServletRequest request)
			throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		handler.handle(request, response, new HandlerFunctionAdapter());
		return response;
	}

	private static MockHttpServletRequest request(String body, boolean declareLength) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/jsonrpc");
		request.setContentType("application/json");
		request.setContent(body.getBytes(StandardCharsets.UTF_8));
		if (!declareLength) {
			request.removeHeader("Content-Length");
		}
		else {
			request.addHeader("Content-Length", String.valueOf(body.getBytes(StandardCharsets.UTF_8).length));
		}
		return request;
	}

}
