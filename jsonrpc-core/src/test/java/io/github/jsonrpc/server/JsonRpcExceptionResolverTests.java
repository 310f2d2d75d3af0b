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

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.JsonRpcSetup;
import io.github.jsonrpc.protocol.JsonRpcError;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the {@link JsonRpcExceptionResolver} factories.
 *
 * @author jsonrpc-dev
 */
class JsonRpcExceptionResolverTests {

	private final JsonRpcExchange exchange = JsonRpcExchange.of(JsonRpcRequest.call(JsonRpcId.of(1), "m", null),
			JsonRpcTransportContext.inProcess());

	@Test
	void forTypeWithFixedError() {
		JsonRpcExceptionResolver resolver = JsonRpcExceptionResolver.forType(IllegalArgumentException.class, -32020,
				"Bad argument");
		assertThat(resolver.resolveException(this.exchange, new IllegalArgumentException("secret")))
			.isEqualTo(JsonRpcError.of(-32020, "Bad argument"));
		assertThat(resolver.resolveException(this.exchange, new NumberFormatException("secret")))
			.isEqualTo(JsonRpcError.of(-32020, "Bad argument"));
		assertThat(resolver.resolveException(this.exchange, new IllegalStateException())).isNull();
	}

	@Test
	void forTypeWithMapper() {
		JsonRpcExceptionResolver resolver = JsonRpcExceptionResolver.forType(NotFoundException.class,
				(ex) -> JsonRpcError.of(-32004, "Not found", Map.of("id", ex.id)));
		assertThat(resolver.resolveException(this.exchange, new NotFoundException(42)))
			.isEqualTo(JsonRpcError.of(-32004, "Not found", Map.of("id", 42)));
		assertThat(resolver.resolveException(this.exchange, new RuntimeException())).isNull();
	}

	@Test
	void forTypeThroughHandler() {
		JsonRpcHandler handler = JsonRpcSetup.services(new LookupService())
			.exceptionResolvers(JsonRpcExceptionResolver.forType(NotFoundException.class,
					(ex) -> JsonRpcError.of(-32004, "Not found", Map.of("id", ex.id))))
			.toHandler();
		assertThat(
				TestWaits.join(handler.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"find\",\"params\":[7],\"id\":1}")))
			.contains(
					"{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32004,\"message\":\"Not found\",\"data\":{\"id\":7}},\"id\":1}");
	}

	static class NotFoundException extends RuntimeException {

		final int id;

		NotFoundException(int id) {
			super("No entity " + id);
			this.id = id;
		}

	}

	@JsonRpcService
	static class LookupService {

		public String find(int id) {
			throw new NotFoundException(id);
		}

	}

	@Test
	void forTypeRequiresTypeAndMapper() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> JsonRpcExceptionResolver.forType(null, (IllegalStateException ex) -> null))
			.withMessage("Type is required");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> JsonRpcExceptionResolver.forType(IllegalStateException.class, null))
			.withMessage("Mapper is required");
	}

}
