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
package io.github.jsonrpc.server.websocket;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.github.jsonrpc.server.connection.JsonRpcCloseReason;
import io.github.jsonrpc.server.connection.JsonRpcMemoryBudget;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzz test of WebSocket message assembly: a text cut into any parts, at any character
 * (between the halves of a surrogate pair too), assembles to exactly the UTF-8 bytes of
 * the whole text when it fits the size limit and is refused as too big otherwise; after
 * either, nothing is held and the next message carries no leftovers. The seed corpus (the
 * specification's examples and texts outside the BMP) and every input that once failed
 * are under {@code WebSocketMessageAssemblerFuzzTestsInputs} in the test resources and
 * run in every build; {@code -Pfuzz} fuzzes.
 *
 * @author JSON-RPC for Spring Boot team
 */
class WebSocketMessageAssemblerFuzzTests {

	@FuzzTest(maxDuration = "10m")
	void assemble(FuzzedDataProvider data) {
		int maxBytes = data.consumeInt(1, 4096);
		JsonRpcMemoryBudget budget = JsonRpcMemoryBudget.of(1024 * 1024);
		WebSocketMessageAssembler assembler = new WebSocketMessageAssembler(maxBytes, budget);
		while (data.remainingBytes() > 0) {
			String text = data.consumeString(data.consumeInt(0, 2048));
			byte[] expected = text.getBytes(StandardCharsets.UTF_8);
			int parts = data.consumeInt(1, 16);
			WebSocketMessageAssembler.Result result = null;
			int start = 0;
			for (int i = 1; i <= parts; i++) {
				boolean last = i == parts;
				int end = last ? text.length() : data.consumeInt(start, text.length());
				result = assembler.add(text.substring(start, end), last);
				start = end;
				if (result.refused() != null || last) {
					break;
				}
				assertThat(result.message()).isNull();
			}
			assertThat(result).isNotNull();
			if (expected.length > maxBytes) {
				assertThat(result.refused()).isEqualTo(JsonRpcCloseReason.TOO_BIG);
			}
			else {
				assertThat(result.refused()).isNull();
				assertThat(result.message()).isEqualTo(expected);
			}
			assertThat(assembler.isAssembling()).isFalse();
			assertThat(budget.used()).isZero();
		}
	}

}
