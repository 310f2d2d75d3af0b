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

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.github.jsonrpc.JsonRpcSetup;
import io.github.jsonrpc.server.http.JsonRpcHttpStatusPolicy;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JsonRpcHttpHandler}'s answer to a {@code Content-Type} of
 * {@code application/json} with a charset the JVM does not know, on the route of
 * {@link JsonRpcHttpHandler#routerFunction(String)}: no handler mapping refuses the
 * request before, so the handler's own check answers it.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcHttpHandlerUnknownCharsetTests {

	private static final String CALL = "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"hi\"],\"id\":1}";

	private final EchoService service = new EchoService();

	private final MockMvcTester mvc = MockMvcTester.create(
			MockMvcBuilders
				.routerFunctions(new JsonRpcHttpHandler(JsonRpcSetup.services(this.service).toHandler(),
						JsonRpcHttpStatusPolicy.standard(), 1024)
					.routerFunction("/jsonrpc"))
				.build());

	@Test
	void unknownCharsetIsUnsupportedMediaTypeWithEmptyBodyAndTheMethodIsNotCalled() {
		MvcTestResult result = post("application/json;charset=unknown-xyz");
		assertThat(result).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE).hasHeader("Accept-Post", "application/json");
		assertThat(result.getResponse().getContentAsByteArray()).isEmpty();
		assertThat(this.service.calls).isEmpty();
	}

	@Test
	void knownUtf8CharsetOfTheSameRequestIsServed() {
		MvcTestResult result = post("application/json;charset=utf-8");
		assertThat(result).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"hi\",\"id\":1}");
		assertThat(this.service.calls).containsExactly("hi");
	}

	private MvcTestResult post(String contentType) {
		return this.mvc.post().uri("/jsonrpc").header(HttpHeaders.CONTENT_TYPE, contentType).content(CALL).exchange();
	}

	@JsonRpcService
	static class EchoService {

		final List<String> calls = new CopyOnWriteArrayList<>();

		public String echo(String text) {
			this.calls.add(text);
			return text;
		}

	}

}
