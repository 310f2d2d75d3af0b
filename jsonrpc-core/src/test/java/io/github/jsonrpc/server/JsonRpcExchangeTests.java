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

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link JsonRpcExchange}: what it exposes of the request and the transport,
 * and that a changed copy shares the attributes and the reply budget.
 *
 * @author jsonrpc-dev
 */
class JsonRpcExchangeTests {

	private final JsonRpcRequest request = JsonRpcRequest.call(JsonRpcId.of(3), "sum", null);

	@Test
	void exposesTheRequestAndWhatTheTransportKnows() {
		Principal alice = () -> "alice";
		RecordingJsonRpcSession session = new RecordingJsonRpcSession("s1", alice);
		JsonRpcTransportContext context = JsonRpcTransportContext.builder(JsonRpcTransportContext.Transport.WEBSOCKET)
			.principal(alice)
			.session(session)
			.build();
		JsonRpcReplyBudget budget = JsonRpcReplyBudget.of(100);
		JsonRpcExchange exchange = JsonRpcExchange.of(this.request, context, budget);
		assertThat(exchange.request()).isSameAs(this.request);
		assertThat(exchange.method()).isEqualTo("sum");
		assertThat(exchange.id()).isEqualTo(JsonRpcId.of(3));
		assertThat(exchange.context()).isSameAs(context);
		assertThat(exchange.principal()).isSameAs(alice);
		assertThat(exchange.session()).isSameAs(session);
		assertThat(exchange.replyBudget()).isSameAs(budget);
		assertThat(exchange).hasToString("JsonRpcExchange[method=sum, id=3, transport=WEBSOCKET]");
	}

	@Test
	void withoutABudgetTheReplyIsUnlimited() {
		JsonRpcExchange exchange = JsonRpcExchange.of(this.request, JsonRpcTransportContext.inProcess());
		assertThat(exchange.replyBudget().maxBytes()).isEqualTo(JsonRpcReplyBudget.unlimited().maxBytes());
		assertThat(exchange.principal()).isNull();
		assertThat(exchange.session()).isNull();
	}

	@Test
	void changedCopiesShareAttributesAndBudget() {
		JsonRpcReplyBudget budget = JsonRpcReplyBudget.of(100);
		JsonRpcExchange exchange = JsonRpcExchange.of(this.request, JsonRpcTransportContext.inProcess(), budget);
		exchange.attributes().put("k", "v");
		JsonRpcRequest renamed = JsonRpcRequest.call(JsonRpcId.of(3), "add", null);
		JsonRpcExchange withRequest = exchange.withRequest(renamed);
		JsonRpcTransportContext http = JsonRpcTransportContext.builder(JsonRpcTransportContext.Transport.HTTP).build();
		JsonRpcExchange withContext = exchange.withContext(http);
		assertThat(withRequest.request()).isSameAs(renamed);
		assertThat(withRequest.context()).isSameAs(exchange.context());
		assertThat(withContext.context()).isSameAs(http);
		assertThat(withContext.request()).isSameAs(this.request);
		withRequest.attributes().put("k2", "v2");
		assertThat(exchange.attributes()).containsEntry("k", "v").containsEntry("k2", "v2");
		assertThat(withContext.attributes()).isSameAs(exchange.attributes());
		assertThat(withRequest.replyBudget()).isSameAs(budget);
		assertThat(withContext.replyBudget()).isSameAs(budget);
	}

	@Test
	void copiesMadeBeforeAnyAttributeShareTheAttributesMadeLater() {
		// the map is made when first asked for: a copy taken before must still share it
		JsonRpcExchange exchange = JsonRpcExchange.of(this.request, JsonRpcTransportContext.inProcess());
		JsonRpcExchange copy = exchange.withContext(JsonRpcTransportContext.inProcess());
		copy.attributes().put("k", "v");
		assertThat(exchange.attributes()).containsEntry("k", "v").isSameAs(copy.attributes());
	}

	@Test
	void threadsAskingForTheAttributesAtOnceGetOneMap() throws Exception {
		for (int round = 0; round < 50; round++) {
			JsonRpcExchange exchange = JsonRpcExchange.of(this.request, JsonRpcTransportContext.inProcess());
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService threads = Executors.newFixedThreadPool(4);
			try {
				List<Future<Map<String, Object>>> maps = new ArrayList<>();
				for (int i = 0; i < 4; i++) {
					maps.add(threads.submit(() -> {
						start.await();
						return exchange.attributes();
					}));
				}
				start.countDown();
				for (Future<Map<String, Object>> map : maps) {
					assertThat(map.get(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS))
						.isSameAs(exchange.attributes());
				}
			}
			finally {
				threads.shutdownNow();
			}
		}
	}

	@Test
	void requestContextAndBudgetAreRequired() {
		JsonRpcTransportContext context = JsonRpcTransportContext.inProcess();
		assertThatIllegalArgumentException().isThrownBy(() -> JsonRpcExchange.of(null, context))
			.withMessage("Request is required");
		assertThatIllegalArgumentException().isThrownBy(() -> JsonRpcExchange.of(this.request, null))
			.withMessage("Context is required");
		assertThatIllegalArgumentException().isThrownBy(() -> JsonRpcExchange.of(this.request, context, null))
			.withMessage("ReplyBudget is required");
	}

}
