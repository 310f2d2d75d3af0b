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
package io.github.jsonrpc.server.logging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.JsonRpcTransportContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MdcJsonRpcInterceptor}.
 *
 * @author JSON-RPC for Spring Boot team
 */
class MdcJsonRpcInterceptorTests {

	private final MdcJsonRpcInterceptor interceptor = new MdcJsonRpcInterceptor();

	private final List<String> seen = new ArrayList<>();

	@AfterEach
	void clearMdc() {
		MDC.clear();
	}

	@Test
	void numericIdAndMethodAreInTheMdcWhileTheCallRuns() {
		intercept(JsonRpcId.of(42), "subtract");
		assertThat(this.seen).containsExactly("subtract", "42");
		assertThat(MDC.get(MdcJsonRpcInterceptor.METHOD_KEY)).isNull();
		assertThat(MDC.get(MdcJsonRpcInterceptor.ID_KEY)).isNull();
	}

	@Test
	void stringIdIsWrittenAsJson() {
		intercept(JsonRpcId.of("abc"), "subtract");
		assertThat(this.seen).containsExactly("subtract", "\"abc\"");
	}

	@Test
	void controlCharactersOfClientTextAreReplaced() {
		intercept(JsonRpcId.of("a\nb"), "fake\r\nlog line");
		assertThat(this.seen).containsExactly("fake??log line", "\"a\\nb\"");
	}

	@Test
	void longMethodNameIsCut() {
		intercept(JsonRpcId.of(1), "m".repeat(300));
		assertThat(this.seen.get(0)).hasSize(256);
	}

	@Test
	void previousValuesAreRestored() {
		MDC.put(MdcJsonRpcInterceptor.METHOD_KEY, "outer");
		intercept(null, "inner");
		assertThat(this.seen).containsExactly("inner", null);
		assertThat(MDC.get(MdcJsonRpcInterceptor.METHOD_KEY)).isEqualTo("outer");
	}

	private void intercept(@Nullable JsonRpcId id, String method) {
		JsonRpcExchange exchange = JsonRpcExchange.of(new JsonRpcRequest(id, method, null),
				JsonRpcTransportContext.inProcess());
		this.interceptor.intercept(exchange, (next) -> {
			this.seen.add(MDC.get(MdcJsonRpcInterceptor.METHOD_KEY));
			this.seen.add(MDC.get(MdcJsonRpcInterceptor.ID_KEY));
			return CompletableFuture.completedFuture(JsonRpcResponse.success(JsonRpcId.of(1), null));
		});
	}

}
