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
package io.github.jsonrpc.server.support;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import io.github.jsonrpc.JsonRpcSetup;
import io.github.jsonrpc.protocol.JsonRpcError;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcProtocolException;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.server.JsonRpcErrorCode;
import io.github.jsonrpc.server.JsonRpcException;
import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.JsonRpcTransportContext;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DefaultJsonRpcExceptionResolver}.
 *
 * @author jsonrpc-dev
 */
class DefaultJsonRpcExceptionResolverTests {

	private final DefaultJsonRpcExceptionResolver resolver = new DefaultJsonRpcExceptionResolver();

	private final JsonRpcExchange exchange = JsonRpcExchange.of(JsonRpcRequest.call(JsonRpcId.of(1), "m", null),
			JsonRpcTransportContext.inProcess());

	@Test
	void jsonRpcExceptionPassesCodeMessageAndData() throws Exception {
		JsonRpcHandler handler = JsonRpcSetup.services(new ErrorService()).toHandler();
		String reply = handler.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"rejected\",\"id\":1}")
			.join()
			.orElseThrow();
		JSONAssert.assertEquals(
				"""
						{"jsonrpc":"2.0","error":{"code":-32042,"message":"Quota exceeded","data":{"limit":10,"used":[1,2]}},"id":1}
						""",
				reply, JSONCompareMode.STRICT);
	}

	@Test
	void jsonRpcExceptionWithoutData() {
		assertThat(this.resolver.resolveException(this.exchange, new JsonRpcException(-32001, "Unauthenticated")))
			.isEqualTo(JsonRpcError.of(-32001, "Unauthenticated"));
	}

	@Test
	void protocolExceptionPassesItsError() {
		JsonRpcError error = JsonRpcError.standard(-32600);
		assertThat(this.resolver.resolveException(this.exchange, new JsonRpcProtocolException(error, null)))
			.isEqualTo(error);
	}

	@Test
	void annotatedExceptionWithFixedMessage() {
		assertThat(this.resolver.resolveException(this.exchange, new FixedMessageException("secret details")))
			.isEqualTo(JsonRpcError.of(-32010, "Account locked"));
	}

	@Test
	void annotatedExceptionWithEmptyMessageSendsExceptionMessage() {
		assertThat(this.resolver.resolveException(this.exchange, new OwnMessageException("Order 7 is closed")))
			.isEqualTo(JsonRpcError.of(-32011, "Order 7 is closed"));
	}

	@Test
	void annotatedExceptionWithoutAnyMessage() {
		assertThat(this.resolver.resolveException(this.exchange, new OwnMessageException(null)))
			.isEqualTo(JsonRpcError.of(-32011, "Server error"));
	}

	@Test
	void annotationIsInherited() {
		assertThat(this.resolver.resolveException(this.exchange, new SubclassException()))
			.isEqualTo(JsonRpcError.of(-32010, "Account locked"));
	}

	@Test
	void unannotatedExceptionIsNotResolved() {
		assertThat(this.resolver.resolveException(this.exchange, new IllegalStateException("x"))).isNull();
		assertThat(this.resolver.resolveException(this.exchange, new IllegalStateException("x"))).isNull();
	}

	@Test
	void annotatedExceptionThroughHandler() throws Exception {
		JsonRpcHandler handler = JsonRpcSetup.services(new ErrorService()).toHandler();
		String reply = handler.handleText("""
				[{"jsonrpc":"2.0","method":"locked","id":1},{"jsonrpc":"2.0","method":"closed","id":2}]
				""").join().orElseThrow();
		JSONAssert.assertEquals("""
				[{"jsonrpc":"2.0","error":{"code":-32010,"message":"Account locked"},"id":1},
				 {"jsonrpc":"2.0","error":{"code":-32011,"message":"Order 7 is closed"},"id":2}]
				""", reply, JSONCompareMode.STRICT);
		assertThat(reply).doesNotContain("secret");
	}

	@JsonRpcErrorCode(code = -32010, message = "Account locked")
	static class FixedMessageException extends RuntimeException {

		FixedMessageException(String message) {
			super(message);
		}

	}

	static class SubclassException extends FixedMessageException {

		SubclassException() {
			super("secret");
		}

	}

	@JsonRpcErrorCode(code = -32011)
	static class OwnMessageException extends RuntimeException {

		OwnMessageException(String message) {
			super(message);
		}

	}

	@JsonRpcService
	static class ErrorService {

		public String rejected() {
			throw new JsonRpcException(-32042, "Quota exceeded", Map.of("limit", 10, "used", List.of(1, 2)));
		}

		public String locked() {
			throw new FixedMessageException("secret details");
		}

		public String closed() {
			throw new OwnMessageException("Order 7 is closed");
		}

	}

}
