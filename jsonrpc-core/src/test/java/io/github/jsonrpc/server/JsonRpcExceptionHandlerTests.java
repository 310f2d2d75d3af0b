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
package io.github.jsonrpc.server;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.JsonRpcSetup;
import io.github.jsonrpc.protocol.JsonRpcError;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JsonRpcExceptionHandler}.
 *
 * @author jsonrpc-dev
 */
class JsonRpcExceptionHandlerTests {

	private static final String SECRET = "password=hunter2 at db.internal";

	@Test
	void unmappedExceptionIsInternalErrorWithoutDetails() throws Exception {
		JsonRpcHandler handler = JsonRpcSetup.services(new FailingService()).toHandler();
		String reply = TestWaits.join(handler.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"fail\",\"id\":1}"))
			.orElseThrow();
		JSONAssert.assertEquals(
				"{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32603,\"message\":\"Internal error\"},\"id\":1}", reply,
				JSONCompareMode.STRICT);
		assertThat(reply).doesNotContain("hunter2")
			.doesNotContain("IllegalStateException")
			.doesNotContain("java.lang")
			.doesNotContain("Exception")
			.doesNotContain("FailingService");
	}

	@Test
	void resolverThatThrowsGivesInternalErrorInsteadOfNoResponse() throws Exception {
		JsonRpcExceptionResolver broken = (exchange, exception) -> {
			throw new IllegalArgumentException("resolver bug " + SECRET);
		};
		JsonRpcHandler handler = JsonRpcSetup.services(new FailingService()).exceptionResolvers(broken).toHandler();
		String reply = TestWaits.join(handler.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"fail\",\"id\":1}"))
			.orElseThrow();
		JSONAssert.assertEquals(
				"{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32603,\"message\":\"Internal error\"},\"id\":1}", reply,
				JSONCompareMode.STRICT);
		assertThat(reply).doesNotContain("hunter2").doesNotContain("resolver bug");
	}

	@Test
	void checkedExceptionIsInternalErrorWithoutDetails() {
		JsonRpcHandler handler = JsonRpcSetup.services(new FailingService()).toHandler();
		String reply = TestWaits.join(handler.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"failChecked\",\"id\":1}"))
			.orElseThrow();
		assertThat(reply)
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32603,\"message\":\"Internal error\"},\"id\":1}");
	}

	@Test
	void includeDetailsAddsExceptionAndMessage() throws Exception {
		JsonRpcHandler handler = JsonRpcSetup.services(new FailingService()).includeDetails(true).toHandler();
		String reply = TestWaits.join(handler.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"fail\",\"id\":1}"))
			.orElseThrow();
		JSONAssert.assertEquals(
				"""
						{"jsonrpc":"2.0","error":{"code":-32603,"message":"Internal error",
						 "data":{"exception":"java.lang.IllegalStateException","message":"password=hunter2 at db.internal"}},"id":1}
						""",
				reply, JSONCompareMode.STRICT);
	}

	@Test
	void resolversRunInOrderAndFirstAnswerWins() {
		JsonRpcExceptionHandler handler = new JsonRpcExceptionHandler(List.of((exchange, ex) -> null,
				JsonRpcExceptionResolver.forType(IllegalStateException.class, -32010, "First"),
				JsonRpcExceptionResolver.forType(RuntimeException.class, -32011, "Second")), false);
		JsonRpcResponse.Failure failure = handler.handle(exchange(JsonRpcId.of("x")),
				new IllegalStateException(SECRET));
		assertThat(failure).isEqualTo(JsonRpcResponse.failure(JsonRpcId.of("x"), JsonRpcError.of(-32010, "First")));
		assertThat(handler.handle(exchange(JsonRpcId.of("x")), new IllegalArgumentException()).error().code())
			.isEqualTo(-32011);
	}

	@Test
	void wrappedExceptionsAreUnwrappedBeforeResolving() {
		JsonRpcExceptionHandler handler = new JsonRpcExceptionHandler(
				List.of(JsonRpcExceptionResolver.forType(IllegalStateException.class, -32010, "Unwrapped")), false);
		Throwable wrapped = new CompletionException(new ExecutionException(
				new InvocationTargetException(new UndeclaredThrowableException(new IllegalStateException(SECRET)))));
		assertThat(handler.handle(exchange(JsonRpcId.of(1)), wrapped).error().code()).isEqualTo(-32010);
	}

	@Test
	void unwrapKeepsWrapperWithoutCause() {
		CompletionException wrapper = new CompletionException("no cause", null);
		assertThat(JsonRpcExceptionHandler.unwrap(wrapper)).isSameAs(wrapper);
	}

	@Test
	void failureOfNotificationUsesNullId() {
		JsonRpcExceptionHandler handler = new JsonRpcExceptionHandler(List.of(), false);
		JsonRpcExchange notification = JsonRpcExchange.of(JsonRpcRequest.notification("m", null),
				JsonRpcTransportContext.inProcess());
		assertThat(handler.handle(notification, new IllegalStateException()).id()).isEqualTo(JsonRpcId.NULL);
	}

	private static JsonRpcExchange exchange(JsonRpcId id) {
		return JsonRpcExchange.of(JsonRpcRequest.call(id, "m", null), JsonRpcTransportContext.inProcess());
	}

	@JsonRpcService
	static class FailingService {

		public String fail() {
			throw new IllegalStateException(SECRET);
		}

		public String failChecked() throws Exception {
			throw new java.io.IOException(SECRET);
		}

	}

}
