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

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.http.JsonRpcHttpMediaTypes;
import io.github.jsonrpc.server.http.JsonRpcHttpStatusPolicy;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.util.ServletRequestPathUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link JsonRpcHttpHandlerMapping}: its own path only, {@code POST} with JSON
 * to the handler on the servlet request, {@code 405} and {@code 415} answered without
 * touching the handler.
 *
 * @author jsonrpc-dev
 */
class JsonRpcHttpHandlerMappingTests {

	private final JsonRpcHttpHandler handler = new JsonRpcHttpHandler(JsonRpcHandler
		.builder((exchange) -> new CompletableFuture<>(), JsonRpcMessageCodec.create(JsonMapper.builder().build()))
		.build(), JsonRpcHttpStatusPolicy.standard(), 1024);

	private final JsonRpcHttpHandlerMapping mapping = new JsonRpcHttpHandlerMapping("/rpc", this.handler);

	@Test
	void postWithJsonIsServedOnTheServletRequestWithoutBuildingAFunctionalRequest() throws Exception {
		MockHttpServletRequest request = request("POST", "/rpc", "application/json");
		// a plain HttpRequestHandler: a ServerRequest costs every header copied, so it is
		// built only when a call asks for it or completes later
		assertThat(handlerFor(request)).isInstanceOf(HttpRequestHandler.class).isNotSameAs(this.handler);
		assertThat(request.getAttribute(RouterFunctions.REQUEST_ATTRIBUTE)).isNull();
	}

	@Test
	void otherPathsAreNotMatchedAndLeftUntouched() throws Exception {
		MockHttpServletRequest request = request("POST", "/rpc/other", "application/json");
		assertThat(this.mapping.getHandler(request)).isNull();
		assertThat(request.getAttribute(RouterFunctions.REQUEST_ATTRIBUTE)).isNull();
		assertThat(this.mapping.getHandler(request("POST", "/rp", "application/json"))).isNull();
	}

	@Test
	void otherMethodIsAnsweredWith405AndAllow() throws Exception {
		MockHttpServletResponse response = answer(request("GET", "/rpc", null));
		assertThat(response.getStatus()).isEqualTo(405);
		assertThat(response.getHeader(HttpHeaders.ALLOW)).isEqualTo("POST");
	}

	@Test
	void otherContentTypeIsAnsweredWith415AndAcceptPost() throws Exception {
		for (String contentType : new String[] { null, "text/plain", "application/*", "*/*",
				"application/json;charset=ISO-8859-1", "application/json;charset=x-unknown", "not a media type" }) {
			MockHttpServletResponse response = answer(request("POST", "/rpc", contentType));
			assertThat(response.getStatus()).as(String.valueOf(contentType)).isEqualTo(415);
			assertThat(response.getHeader("Accept-Post")).isEqualTo("application/json");
		}
	}

	@Test
	void jsonWithoutCharsetOrWithUtf8IsJson() {
		assertThat(JsonRpcHttpMediaTypes.isJson("application/json")).isTrue();
		assertThat(JsonRpcHttpMediaTypes.isJson("application/json;charset=UTF-8")).isTrue();
		assertThat(JsonRpcHttpMediaTypes.isJson("Application/JSON; charset=utf-8")).isTrue();
		assertThat(JsonRpcHttpMediaTypes.isJson((String) null)).isFalse();
		assertThat(JsonRpcHttpMediaTypes.isJson("application/json-patch+json")).isFalse();
		assertThat(JsonRpcHttpMediaTypes.isJson("application/json;charset=UTF-16")).isFalse();
		assertThat(JsonRpcHttpMediaTypes.isJson("application/json;charset=nope")).isFalse();
		assertThat(JsonRpcHttpMediaTypes.isJson(";;")).isFalse();
	}

	@Test
	void contentTypeFoundToBeJsonBeforeIsStillComparedExactly() {
		// a value found to be JSON is remembered (one slot): asked again, and after it
		// values that differ only a little, the answers stay those of the parsed type
		for (int i = 0; i < 2; i++) {
			assertThat(JsonRpcHttpMediaTypes.isJson("application/json;charset=UTF-8")).isTrue();
			assertThat(JsonRpcHttpMediaTypes.isJson("application/json;charset=UTF-16")).isFalse();
			assertThat(JsonRpcHttpMediaTypes.isJson("application/json;charset=UTF-8;")).isTrue();
			assertThat(JsonRpcHttpMediaTypes.isJson("application/json;charset=UTF-8x")).isFalse();
			assertThat(JsonRpcHttpMediaTypes.isJson("APPLICATION/JSON")).isTrue();
			assertThat(JsonRpcHttpMediaTypes.isJson("application/jsonx")).isFalse();
			assertThat(JsonRpcHttpMediaTypes.isJson("application/json ")).isTrue();
			assertThat(JsonRpcHttpMediaTypes.isJson("text/json")).isFalse();
		}
	}

	@Test
	void pathAndOrderAreExposed() {
		assertThat(this.mapping.getPath()).isEqualTo("/rpc");
		assertThat(this.mapping.getOrder()).isEqualTo(JsonRpcHttpHandlerMapping.DEFAULT_ORDER).isEqualTo(-5);
	}

	@Test
	void constructorRejectsMissingOrRelativePathAndMissingHandler() {
		assertThatIllegalArgumentException().isThrownBy(() -> new JsonRpcHttpHandlerMapping("", this.handler))
			.withMessage("Path is required");
		assertThatIllegalArgumentException().isThrownBy(() -> new JsonRpcHttpHandlerMapping("rpc", this.handler))
			.withMessage("Path must start with '/'");
		assertThatIllegalArgumentException().isThrownBy(() -> new JsonRpcHttpHandlerMapping("/rpc", null))
			.withMessage("Handler is required");
	}

	private Object handlerFor(MockHttpServletRequest request) throws Exception {
		HandlerExecutionChain chain = this.mapping.getHandler(request);
		assertThat(chain).isNotNull();
		return chain.getHandler();
	}

	private MockHttpServletResponse answer(MockHttpServletRequest request) throws Exception {
		Object handler = handlerFor(request);
		assertThat(handler).isInstanceOf(HttpRequestHandler.class);
		MockHttpServletResponse response = new MockHttpServletResponse();
		((HttpRequestHandler) handler).handleRequest(request, response);
		return response;
	}

	private static MockHttpServletRequest request(String method, String path, String contentType) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		if (contentType != null) {
			request.addHeader(HttpHeaders.CONTENT_TYPE, contentType);
		}
		// what the DispatcherServlet does before asking a handler mapping
		ServletRequestPathUtils.parseAndCache(request);
		return request;
	}

}
