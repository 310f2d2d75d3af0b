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

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.github.jsonrpc.protocol.JsonRpcError;
import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.http.JsonRpcHttpStatusPolicy;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.servlet.function.RouterFunctions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the OpenRPC document route of {@link JsonRpcHttpHandler}: an
 * {@code rpc.discover} call whose result is the body, and whose error picks the status.
 *
 * @author jsonrpc-dev
 */
class JsonRpcHttpHandlerDocumentTests {

	private final AtomicReference<JsonRpcExchange> called = new AtomicReference<>();

	private final AtomicReference<JsonRpcResponse> answer = new AtomicReference<>();

	private final JsonRpcHttpHandler handler = new JsonRpcHttpHandler(JsonRpcHandler.builder((exchange) -> {
		this.called.set(exchange);
		// answered later: the document route is asynchronous too
		return CompletableFuture.supplyAsync(this.answer::get);
	}, JsonRpcMessageCodec.create(JsonMapper.builder().build())).build(), JsonRpcHttpStatusPolicy.standard(), 1024);

	private final MockMvcTester mvc = MockMvcTester.create(MockMvcBuilders
		.routerFunctions(RouterFunctions.route().GET("/rpc/openrpc.json", this.handler::handleOpenRpcDocument).build())
		.build());

	@Test
	void documentIsTheResultOfAnRpcDiscoverCall() {
		this.answer.set(JsonRpcResponse.success(JsonRpcId.of("openrpc.json"), Map.of("openrpc", "1.3.2")));
		assertThat(this.mvc.get().uri("/rpc/openrpc.json")).hasStatusOk()
			.hasContentType(MediaType.APPLICATION_JSON)
			.bodyJson()
			.isStrictlyEqualTo("{\"openrpc\":\"1.3.2\"}");
		assertThat(this.called.get().method()).isEqualTo("rpc.discover");
		assertThat(this.called.get().id()).isEqualTo(JsonRpcId.of("openrpc.json"));
	}

	@Test
	void unauthenticatedCallerGets401WithTheError() {
		assertStatusFor(JsonRpcErrorCodes.UNAUTHENTICATED, HttpStatus.UNAUTHORIZED);
	}

	@Test
	void forbiddenCallerGets403WithTheError() {
		assertStatusFor(JsonRpcErrorCodes.FORBIDDEN, HttpStatus.FORBIDDEN);
	}

	@Test
	void discoveryTurnedOffGets404WithTheError() {
		assertStatusFor(JsonRpcErrorCodes.METHOD_NOT_FOUND, HttpStatus.NOT_FOUND);
	}

	@Test
	void anyOtherErrorGets500WithTheError() {
		assertStatusFor(JsonRpcErrorCodes.INTERNAL_ERROR, HttpStatus.INTERNAL_SERVER_ERROR);
	}

	private void assertStatusFor(int code, HttpStatus status) {
		this.answer.set(JsonRpcResponse.failure(JsonRpcId.of("openrpc.json"), JsonRpcError.of(code, "No")));
		assertThat(this.mvc.get().uri("/rpc/openrpc.json")).hasStatus(status)
			.hasContentType(MediaType.APPLICATION_JSON)
			.bodyJson()
			.isStrictlyEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":" + code
					+ ",\"message\":\"No\"},\"id\":\"openrpc.json\"}");
	}

}
