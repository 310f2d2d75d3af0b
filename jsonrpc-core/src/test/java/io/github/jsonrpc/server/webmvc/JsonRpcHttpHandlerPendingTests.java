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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.server.http.JsonRpcHttpStatusPolicy;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import io.github.jsonrpc.server.JsonRpcException;
import io.github.jsonrpc.server.JsonRpcHandler;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.servlet.function.AsyncServerResponse;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.fail;

/**
 * Tests that {@link JsonRpcHttpHandler} answers calls that complete later without holding
 * the servlet thread, that their late failures become error responses, and its guards.
 *
 * @author jsonrpc-dev
 */
class JsonRpcHttpHandlerPendingTests {

	private static final String CALL = PendingCall.CALL;

	private final PendingCall call = new PendingCall();

	private final CompletableFuture<JsonRpcResponse> pending = this.call.response();

	private final JsonRpcHandler handler = this.call.handler();

	private final ExecutorService servletThread = Executors.newSingleThreadExecutor();

	@AfterEach
	void releaseAndShutdown() {
		this.call.release();
		this.servletThread.shutdownNow();
	}

	@Test
	void pendingCallReleasesTheServletThreadAndIsAnsweredLater() throws Exception {
		ServerResponse response = handleWithoutBlocking(request(CALL));
		assertThat(this.pending).isNotDone();
		assertThat(response).isInstanceOf(AsyncServerResponse.class);
		this.pending.complete(JsonRpcResponse.success(io.github.jsonrpc.protocol.JsonRpcId.of(1), "late"));
		assertThat(((AsyncServerResponse) response).block().statusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void pendingCallFailingLaterIsAnsweredWithErrorResponse() {
		MockMvcTester mvc = tester(JsonRpcHttpStatusPolicy.standard());
		CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS)
			.execute(() -> this.pending.completeExceptionally(new JsonRpcException(-32050, "Late")));
		assertThat(mvc.post().uri("/rpc").contentType(MediaType.APPLICATION_JSON).content(CALL)).hasStatusOk()
			.hasContentType(MediaType.APPLICATION_JSON)
			.bodyJson()
			.isStrictlyEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32050,\"message\":\"Late\"},\"id\":1}");
	}

	@Test
	void pendingCallFailingLaterGetsThePolicyStatus() {
		MockMvcTester mvc = tester(JsonRpcHttpStatusPolicy.byErrorCode());
		CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS)
			.execute(() -> this.pending.completeExceptionally(new JsonRpcException(-32001, "Unauthorized")));
		assertThat(mvc.post().uri("/rpc").contentType(MediaType.APPLICATION_JSON).content(CALL))
			.hasStatus(HttpStatus.UNAUTHORIZED)
			.bodyJson()
			.isStrictlyEqualTo(
					"{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32001,\"message\":\"Unauthorized\"},\"id\":1}");
	}

	@Test
	void declaredContentLengthAtTheLimitIsReadAndOneMoreIsRefusedUnread() throws Exception {
		byte[] body = CALL.getBytes(StandardCharsets.UTF_8);
		this.pending.complete(JsonRpcResponse.success(io.github.jsonrpc.protocol.JsonRpcId.of(1), "ok"));
		JsonRpcHttpHandler exact = this.call.httpHandler(JsonRpcHttpStatusPolicy.standard(), body.length);
		assertThat(exact.handle(request(CALL)).statusCode()).isEqualTo(HttpStatus.OK);
		JsonRpcHttpHandler oneLess = this.call.httpHandler(JsonRpcHttpStatusPolicy.standard(), body.length - 1);
		MockHttpServletRequest servletRequest = servletRequest(CALL);
		assertThat(oneLess.handle(ServerRequest.create(servletRequest, converters())).statusCode())
			.isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
		// refused on the header alone: the body was never read
		assertThat(servletRequest.getInputStream().available()).isEqualTo(body.length);
	}

	@Test
	void undeclaredLengthAtTheLimitIsReadAndOneMoreIsRefused() throws Exception {
		byte[] body = CALL.getBytes(StandardCharsets.UTF_8);
		this.pending.complete(JsonRpcResponse.success(io.github.jsonrpc.protocol.JsonRpcId.of(1), "ok"));
		JsonRpcHttpHandler exact = this.call.httpHandler(JsonRpcHttpStatusPolicy.standard(), body.length);
		assertThat(exact.handle(chunked(CALL)).statusCode()).isEqualTo(HttpStatus.OK);
		JsonRpcHttpHandler oneLess = this.call.httpHandler(JsonRpcHttpStatusPolicy.standard(), body.length - 1);
		assertThat(oneLess.handle(chunked(CALL)).statusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
	}

	@Test
	void constructorRejectsMissingCollaboratorsAndNonPositiveLimit() {
		JsonRpcHttpStatusPolicy policy = JsonRpcHttpStatusPolicy.standard();
		assertThatIllegalArgumentException().isThrownBy(() -> new JsonRpcHttpHandler(null, policy, 1))
			.withMessage("Handler is required");
		assertThatIllegalArgumentException().isThrownBy(() -> new JsonRpcHttpHandler(this.handler, null, 1))
			.withMessage("StatusPolicy is required");
		assertThatIllegalArgumentException().isThrownBy(() -> new JsonRpcHttpHandler(this.handler, policy, 0))
			.withMessage("maxRequestBytes must be positive");
		assertThat(new JsonRpcHttpHandler(this.handler, policy, 1)).isNotNull();
	}

	private ServerResponse handleWithoutBlocking(ServerRequest request) throws Exception {
		JsonRpcHttpHandler httpHandler = this.call.httpHandler(JsonRpcHttpStatusPolicy.standard(), 1024);
		Future<ServerResponse> returned = this.servletThread.submit(() -> httpHandler.handle(request));
		try {
			return returned.get(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			return fail("The handler held the servlet thread while the call was pending");
		}
	}

	private MockMvcTester tester(JsonRpcHttpStatusPolicy policy) {
		return MockMvcTester.create(
				MockMvcBuilders.routerFunctions(this.call.httpHandler(policy, 1024).routerFunction("/rpc")).build());
	}

	private static ServerRequest request(String json) {
		return ServerRequest.create(servletRequest(json), converters());
	}

	private static MockHttpServletRequest servletRequest(String json) {
		MockHttpServletRequest servletRequest = new MockHttpServletRequest("POST", "/rpc");
		servletRequest.setContentType(MediaType.APPLICATION_JSON_VALUE);
		servletRequest.addHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE);
		servletRequest.setContent(json.getBytes(StandardCharsets.UTF_8));
		servletRequest.addHeader(HttpHeaders.CONTENT_LENGTH, json.getBytes(StandardCharsets.UTF_8).length);
		return servletRequest;
	}

	private static ServerRequest chunked(String json) {
		return ServerRequest.create(new JsonRpcHttpHandlerTests.ChunkedRequest(json.getBytes(StandardCharsets.UTF_8)),
				converters());
	}

	private static List<HttpMessageConverter<?>> converters() {
		return List.of(new ByteArrayHttpMessageConverter());
	}

}
