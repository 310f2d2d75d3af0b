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

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.github.jsonrpc.protocol.JsonRpcError;

import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the guards and values of the small server types: the transport context
 * builder's suppliers, {@link JsonRpcPublisherContext#andThen} and
 * {@link JsonRpcSessionCallException}.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcServerSideValuesTests {

	private final JsonRpcTransportContext.Builder builder = JsonRpcTransportContext
		.builder(JsonRpcTransportContext.Transport.HTTP);

	@Test
	void transportContextBuilderRefusesMissingSuppliers() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.builder.uri((Supplier<URI>) null))
			.withMessage("URI supplier is required");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.builder.headers((Supplier<MultiValueMap<String, String>>) null))
			.withMessage("Headers supplier is required");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.builder.remoteAddress((Supplier<InetSocketAddress>) null))
			.withMessage("Remote address supplier is required");
	}

	@Test
	void publisherContextAndThenWritesBothInOrder() {
		JsonRpcPublisherContext first = (context) -> context.accept("a", 1);
		JsonRpcPublisherContext second = (context) -> context.accept("b", 2);
		List<String> written = new ArrayList<>();
		first.andThen(second).writeTo((key, value) -> written.add(key + "=" + value));
		assertThat(written).containsExactly("a=1", "b=2");
		assertThatIllegalArgumentException().isThrownBy(() -> first.andThen(null))
			.withMessage("Next PublisherContext is required");
	}

	@Test
	void sessionCallExceptionCarriesTheMethodAndTheClientsError() {
		JsonRpcError error = JsonRpcError.of(-32042, "Not now\nplease");
		JsonRpcSessionCallException ex = new JsonRpcSessionCallException("ui.confirm", error);
		assertThat(ex.getMethod()).isEqualTo("ui.confirm");
		assertThat(ex.getError()).isSameAs(error);
		assertThat(ex.getCode()).isEqualTo(-32042);
		assertThat(ex.getMessage()).startsWith("Client answered 'ui.confirm' with error -32042: Not now")
			.doesNotContain("\n");
	}

	@Test
	void sessionCallExceptionRequiresAnError() {
		assertThatIllegalArgumentException().isThrownBy(() -> new JsonRpcSessionCallException("ui.confirm", null))
			.withMessage("Error is required");
	}

}
