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

import org.junit.jupiter.api.Test;

import io.github.jsonrpc.JsonRpcSetup;
import io.github.jsonrpc.server.http.JsonRpcHttpStatusPolicy;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.filter.CharacterEncodingFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the label of {@link JsonRpcHttpHandler}'s JSON replies behind a filter that
 * forces another response charset, as Spring Boot's
 * {@code spring.servlet.encoding.force=true} does: the bytes are UTF-8, so the reply must
 * not be labelled with the forced charset (the end-to-end test on a real Tomcat is the
 * sample application's {@code HttpResponseCharsetTests}).
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcHttpHandlerForcedCharsetTests {

	private static final String TEXT = "Grüße, Ωμέγα";

	private final MockMvcTester mvc = MockMvcTester.create(MockMvcBuilders
		.routerFunctions(new JsonRpcHttpHandler(JsonRpcSetup.services(new GreetingService()).toHandler(),
				JsonRpcHttpStatusPolicy.standard(), 1024)
			.routerFunction("/jsonrpc"))
		.addFilters(new CharacterEncodingFilter("ISO-8859-1", true))
		.build());

	@Test
	void replyIsPlainJsonWhoseBytesAreUtf8() {
		MvcTestResult result = this.mvc.post()
			.uri("/jsonrpc")
			.header(HttpHeaders.CONTENT_TYPE, "application/json;charset=UTF-8")
			.content("{\"jsonrpc\":\"2.0\",\"method\":\"greeting\",\"id\":1}")
			.exchange();
		assertThat(result).hasStatusOk().hasHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE);
		assertThat(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"" + TEXT + "\",\"id\":1}");
	}

	@Test
	void errorReplyIsPlainJsonToo() {
		MvcTestResult result = this.mvc.post()
			.uri("/jsonrpc")
			.header(HttpHeaders.CONTENT_TYPE, "application/json;charset=UTF-8")
			.content("{\"jsonrpc\":\"2.0\",\"method\":\"nope\",\"id\":1}")
			.exchange();
		assertThat(result).hasStatusOk().hasHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE);
		assertThat(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8))
			.contains("\"code\":-32601");
	}

	@JsonRpcService
	static class GreetingService {

		public String greeting() {
			return TEXT;
		}

	}

}
