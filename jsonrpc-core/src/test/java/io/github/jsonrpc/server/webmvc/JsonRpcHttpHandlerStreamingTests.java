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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.github.jsonrpc.server.http.JsonRpcHttpStatusPolicy;
import io.github.jsonrpc.JsonRpcSetup;
import io.github.jsonrpc.protocol.JsonRpcReply;
import io.github.jsonrpc.server.JsonRpcException;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.servlet.function.support.HandlerFunctionAdapter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the streaming forms of {@link JsonRpcHttpHandler}: NDJSON and Server-Sent
 * Events for a single call whose method streams, plain JSON for everything else.
 *
 * @author jsonrpc-dev
 */
class JsonRpcHttpHandlerStreamingTests {

	private static final String COUNT = "{\"jsonrpc\":\"2.0\",\"method\":\"count\",\"params\":[2],\"id\":1}";

	private final JsonRpcHandler handler = JsonRpcSetup.services(new StreamService()).toHandler();

	private final MockMvcTester mvc = MockMvcTester.create(MockMvcBuilders
		.routerFunctions(
				new JsonRpcHttpHandler(this.handler, JsonRpcHttpStatusPolicy.standard(), 1024).routerFunction("/rpc"))
		.build());

	@Test
	void ndjsonWritesOneLinePerItemThenTheResponse() {
		MvcTestResult result = post(COUNT, "application/x-ndjson");
		assertThat(result).hasStatusOk().hasContentType("application/x-ndjson;charset=UTF-8");
		assertThat(body(result)).isEqualTo("""
				{"jsonrpc":"2.0","method":"rpc.stream","params":{"id":1,"item":1}}
				{"jsonrpc":"2.0","method":"rpc.stream","params":{"id":1,"item":2}}
				{"jsonrpc":"2.0","result":{"count":2},"id":1}
				""");
	}

	@Test
	void serverSentEventsWriteOneDataEventPerItemThenTheResponse() {
		MvcTestResult result = post(COUNT, "text/event-stream");
		assertThat(result).hasStatusOk().hasContentType("text/event-stream;charset=UTF-8");
		assertThat(body(result)).isEqualTo("""
				data:{"jsonrpc":"2.0","method":"rpc.stream","params":{"id":1,"item":1}}

				data:{"jsonrpc":"2.0","method":"rpc.stream","params":{"id":1,"item":2}}

				data:{"jsonrpc":"2.0","result":{"count":2},"id":1}

				""");
	}

	@Test
	void streamingTypeIsFoundAmongOtherAcceptedTypes() {
		MvcTestResult result = post(COUNT, "application/json, application/x-ndjson;q=0.5");
		assertThat(result).hasStatusOk().hasContentType("application/x-ndjson;charset=UTF-8");
		assertThat(body(result).lines()).hasSize(3);
	}

	@Test
	void withoutAStreamingAcceptTheStreamIsCollected() {
		assertThat(post(COUNT, "application/json")).hasStatusOk()
			.hasContentType(MediaType.APPLICATION_JSON)
			.bodyJson()
			.isStrictlyEqualTo("{\"jsonrpc\":\"2.0\",\"result\":[1,2],\"id\":1}");
	}

	@Test
	void streamingTypeIsFoundInAnyCase() {
		MvcTestResult result = post(COUNT, "Application/X-NDJSON");
		assertThat(result).hasStatusOk().hasContentType("application/x-ndjson;charset=UTF-8");
		assertThat(body(result).lines()).hasSize(3);
		assertThat(post(COUNT, "TEXT/Event-Stream")).hasStatusOk().hasContentType("text/event-stream;charset=UTF-8");
	}

	@Test
	void acceptWithoutAStreamingTypeIsAnsweredAsPlainJson() {
		// no hyphen: told apart without a match at every position
		for (String accept : new String[] { "*/*", "application/*", "application/json, text/plain;q=0.5",
				"application/ndjson", "text/stream" }) {
			assertThat(post(COUNT, accept)).as(accept)
				.hasStatusOk()
				.hasContentType(MediaType.APPLICATION_JSON)
				.bodyJson()
				.isStrictlyEqualTo("{\"jsonrpc\":\"2.0\",\"result\":[1,2],\"id\":1}");
		}
	}

	@Test
	void malformedAcceptIsAnsweredAsPlainJson() {
		assertThat(post(COUNT, "not a media type")).hasStatusOk()
			.hasContentType(MediaType.APPLICATION_JSON)
			.bodyJson()
			.isStrictlyEqualTo("{\"jsonrpc\":\"2.0\",\"result\":[1,2],\"id\":1}");
	}

	@Test
	void callThatDoesNotStreamIsAnsweredAsPlainJson() {
		assertThat(
				post("{\"jsonrpc\":\"2.0\",\"method\":\"plain\",\"params\":[\"a\"],\"id\":1}", "application/x-ndjson"))
			.hasStatusOk()
			.hasContentType(MediaType.APPLICATION_JSON)
			.bodyJson()
			.isStrictlyEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"a\",\"id\":1}");
	}

	@Test
	void errorOfACallThatDoesNotStreamKeepsItsStatus() {
		MockMvcTester byCode = MockMvcTester.create(
				MockMvcBuilders
					.routerFunctions(new JsonRpcHttpHandler(this.handler, JsonRpcHttpStatusPolicy.byErrorCode(), 1024)
						.routerFunction("/rpc"))
					.build());
		assertThat(byCode.post()
			.uri("/rpc")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_NDJSON)
			.content("{\"jsonrpc\":\"2.0\",\"method\":\"nope\",\"id\":1}")).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_JSON)
			.bodyJson()
			.isStrictlyEqualTo(
					"{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":1}");
	}

	@Test
	void functionalResponseReportsTheStatusItWrites() throws Exception {
		JsonRpcHttpHandler byCode = new JsonRpcHttpHandler(this.handler, JsonRpcHttpStatusPolicy.byErrorCode(), 1024);
		ServerResponse notFound = byCode.handle(request("{\"jsonrpc\":\"2.0\",\"method\":\"nope\",\"id\":1}"));
		assertThat(notFound.statusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(written(notFound).getStatus()).isEqualTo(404);
		ServerResponse stream = byCode.handle(request(COUNT));
		assertThat(stream.statusCode()).isEqualTo(HttpStatus.OK);
		MockHttpServletResponse written = written(stream);
		assertThat(written.getStatus()).isEqualTo(200);
		assertThat(written.getContentAsString().lines()).hasSize(3);
		ServerResponse notification = byCode
			.handle(request("{\"jsonrpc\":\"2.0\",\"method\":\"plain\",\"params\":[\"a\"]}"));
		assertThat(notification.statusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(written(notification).getStatus()).isEqualTo(204);
	}

	@Test
	void statusPolicyIsAskedOncePerReply() {
		List<JsonRpcReply> asked = new ArrayList<>();
		JsonRpcHttpStatusPolicy counting = (reply) -> {
			asked.add(reply);
			return JsonRpcHttpStatusPolicy.standard().status(reply);
		};
		MockMvcTester mvc = MockMvcTester.create(MockMvcBuilders
			.routerFunctions(new JsonRpcHttpHandler(this.handler, counting, 1024).routerFunction("/rpc"))
			.build());
		assertThat(mvc.post()
			.uri("/rpc")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"jsonrpc\":\"2.0\",\"method\":\"plain\",\"params\":[\"a\"],\"id\":1}")).hasStatusOk();
		assertThat(asked).hasSize(1);
		assertThat(mvc.post()
			.uri("/rpc")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_NDJSON)
			.content("{\"jsonrpc\":\"2.0\",\"method\":\"plain\",\"params\":[\"a\"],\"id\":1}")).hasStatusOk();
		assertThat(asked).hasSize(2);
	}

	@Test
	void streamOnTheServletPathIsA200WhateverAnEarlierFilterSet() throws Exception {
		JsonRpcHttpHandler httpHandler = new JsonRpcHttpHandler(this.handler, JsonRpcHttpStatusPolicy.standard(), 1024);
		MockHttpServletResponse response = new MockHttpServletResponse();
		response.setStatus(202);
		httpHandler.handle(request(COUNT).servletRequest(), response, new HandlerFunctionAdapter());
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("application/x-ndjson;charset=UTF-8");
		assertThat(response.getContentAsString().lines()).hasSize(3);
	}

	private static ServerRequest request(String json) {
		MockHttpServletRequest servletRequest = new MockHttpServletRequest("POST", "/rpc");
		servletRequest.addHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE);
		servletRequest.addHeader(HttpHeaders.ACCEPT, "application/x-ndjson");
		servletRequest.setContent(json.getBytes(StandardCharsets.UTF_8));
		return ServerRequest.create(servletRequest, List.of(new ByteArrayHttpMessageConverter()));
	}

	private static MockHttpServletResponse written(ServerResponse response) throws Exception {
		MockHttpServletRequest servletRequest = new MockHttpServletRequest();
		MockHttpServletResponse servletResponse = new MockHttpServletResponse();
		response.writeTo(servletRequest, servletResponse, () -> List.of());
		return servletResponse;
	}

	@Test
	void notificationThatDoesNotStreamIsAnsweredWithNoContent() {
		MvcTestResult result = post("{\"jsonrpc\":\"2.0\",\"method\":\"plain\",\"params\":[\"a\"]}",
				"application/x-ndjson");
		assertThat(result).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(result.getResponse().getContentType()).isNull();
		assertThat(result.getResponse().getContentAsByteArray()).isEmpty();
	}

	@Test
	void batchIsCollectedEvenWhenTheAcceptAsksForAStream() {
		assertThat(post("[" + COUNT + ",{\"jsonrpc\":\"2.0\",\"method\":\"plain\",\"params\":[\"a\"],\"id\":2}]",
				"application/x-ndjson"))
			.hasStatusOk()
			.hasContentType(MediaType.APPLICATION_JSON)
			.bodyJson()
			.isStrictlyEqualTo(
					"[{\"jsonrpc\":\"2.0\",\"result\":[1,2],\"id\":1},{\"jsonrpc\":\"2.0\",\"result\":\"a\",\"id\":2}]");
	}

	@Test
	void failureAfterTheFirstItemEndsTheStreamWithAnErrorResponse() {
		MvcTestResult result = post("{\"jsonrpc\":\"2.0\",\"method\":\"breaking\",\"id\":\"b\"}",
				"application/x-ndjson");
		assertThat(result).hasStatusOk().hasContentType("application/x-ndjson;charset=UTF-8");
		assertThat(body(result)).isEqualTo("""
				{"jsonrpc":"2.0","method":"rpc.stream","params":{"id":"b","item":1}}
				{"jsonrpc":"2.0","error":{"code":-32050,"message":"Broke"},"id":"b"}
				""");
	}

	private MvcTestResult post(String json, String accept) {
		return this.mvc.post()
			.uri("/rpc")
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.ACCEPT, accept)
			.content(json)
			.exchange();
	}

	private static String body(MvcTestResult result) {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	@JsonRpcService
	static class StreamService {

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

		public String plain(String value) {
			return value;
		}

	}

}
