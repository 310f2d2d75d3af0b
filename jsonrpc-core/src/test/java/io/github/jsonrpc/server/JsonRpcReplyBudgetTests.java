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

import java.util.Collections;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.jsonrpc.JsonRpcSetup;
import io.github.jsonrpc.protocol.JsonRpcCodecLimits;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link JsonRpcReplyBudget}: one budget per request, shared by the calls of a
 * batch, for collected items and for the encoded reply.
 *
 * @author jsonrpc-dev
 */
class JsonRpcReplyBudgetTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void batchCannotMultiplyTheCollectedItemsLimit() {
		// each call alone fits (1000 items), ten of them together do not
		JsonRpcHandler handler = handler(40_000);
		String batch = batch(10, "countdown", "[1000]");
		JsonNode reply = read(JsonRpcSetup.call(handler, batch));
		assertThat(reply).hasSize(10);
		assertThat(reply.get(0).get("result")).hasSize(1000);
		assertThat(reply.get(1).get("result")).hasSize(1000);
		for (int i = 2; i < 10; i++) {
			assertReplyTooLarge(reply.get(i), 40_000);
		}
	}

	@Test
	void singleCallsOfOneHandlerEachHaveTheWholeBudget() {
		// one call of 1000 items fits in 25,000 bytes, two together do not (a batch
		// shares its budget); consecutive single calls share nothing
		JsonRpcHandler handler = handler(25_000);
		JsonNode together = read(JsonRpcSetup.call(handler, batch(2, "countdown", "[1000]")));
		assertThat(together.get(0).get("result")).hasSize(1000);
		assertReplyTooLarge(together.get(1), 25_000);
		for (int i = 0; i < 3; i++) {
			JsonNode alone = read(JsonRpcSetup.call(handler,
					"{\"jsonrpc\":\"2.0\",\"method\":\"countdown\",\"params\":[1000],\"id\":" + i + "}"));
			assertThat(alone.get("result")).as("call %d", i).hasSize(1000);
		}
	}

	@Test
	void callsAfterTheBudgetIsSpentAreNotRun() {
		CountingService service = new CountingService();
		JsonRpcHandler handler = JsonRpcSetup.services(service)
			.codecLimits(JsonRpcCodecLimits.DEFAULTS.withMaxReplyBytes(20_000))
			.toHandler();
		JsonRpcSetup.call(handler, batch(10, "countdown", "[1000]"));
		// the second call exhausts the budget and is cancelled; the eight after it never
		// start
		assertThat(service.started).isEqualTo(2);
	}

	@Test
	void batchReplyIsBoundedInBytes() {
		JsonRpcHandler handler = handler(5_000);
		String reply = JsonRpcSetup.call(handler, batch(10, "text", "[1000]"));
		JsonNode responses = read(reply);
		assertThat(responses).hasSize(10);
		assertThat(responses.get(0).get("result").stringValue()).hasSize(1000);
		assertThat(responses.get(3).get("result").stringValue()).hasSize(1000);
		for (int i = 4; i < 10; i++) {
			assertReplyTooLarge(responses.get(i), 5_000);
		}
		// the errors of the calls that did not fit are small: nothing near the 10 KB
		// that the results would have taken
		assertThat(reply.length()).isLessThan(5_000 + 10 * 120);
	}

	@Test
	void singleReplyBeyondTheBudgetIsAnError() {
		JsonRpcHandler handler = handler(5_000);
		JsonNode reply = read(
				JsonRpcSetup.call(handler, "{\"jsonrpc\":\"2.0\",\"method\":\"text\",\"params\":[6000],\"id\":7}"));
		assertReplyTooLarge(reply, 5_000);
		assertThat(reply.get("id").asInt()).isEqualTo(7);
	}

	@Test
	void repliesWithinTheBudgetAreUnchanged() {
		JsonRpcHandler handler = handler(5_000);
		assertThat(JsonRpcSetup.call(handler, "{\"jsonrpc\":\"2.0\",\"method\":\"text\",\"params\":[3],\"id\":1}"))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"xxx\",\"id\":1}");
		assertThat(
				JsonRpcSetup.call(handler, "[{\"jsonrpc\":\"2.0\",\"method\":\"countdown\",\"params\":[2],\"id\":1}]"))
			.isEqualTo("[{\"jsonrpc\":\"2.0\",\"result\":[2,1],\"id\":1}]");
	}

	@Test
	void chargeOfExactlyTheBudgetFitsAndOneByteMoreExhaustsIt() {
		// a string costs 40 bytes plus its length
		JsonRpcReplyBudget exact = JsonRpcReplyBudget.of(50);
		assertThat(exact.charge("0123456789")).isTrue();
		assertThat(exact.isExhausted()).isFalse();
		JsonRpcReplyBudget oneLess = JsonRpcReplyBudget.of(49);
		assertThat(oneLess.charge("0123456789")).isFalse();
		assertThat(oneLess.isExhausted()).isTrue();
		assertThat(oneLess.maxBytes()).isEqualTo(49);
	}

	@Test
	void chargesAddUp() {
		JsonRpcReplyBudget budget = JsonRpcReplyBudget.of(48);
		assertThat(budget.charge(1)).isTrue();
		assertThat(budget.charge(2)).isTrue();
		assertThat(budget.charge(3)).isTrue();
		assertThat(budget.isExhausted()).isFalse();
		assertThat(budget.charge(null)).isFalse();
		assertThat(budget.isExhausted()).isTrue();
	}

	@Test
	void budgetsOfOneLimitChargeNothingToEachOther() {
		JsonRpcReplyBudget.Limit limit = new JsonRpcReplyBudget.Limit(50);
		JsonRpcReplyBudget first = limit.newBudget();
		JsonRpcReplyBudget second = limit.newBudget();
		assertThat(first.charge("0123456789")).isTrue();
		assertThat(first.charge(1)).isFalse();
		assertThat(first.isExhausted()).isTrue();
		assertThat(second.isExhausted()).isFalse();
		assertThat(second.charge("0123456789")).isTrue();
		assertThat(second.maxBytes()).isEqualTo(first.maxBytes()).isEqualTo(50);
	}

	@Test
	void threadThatLosesTheRaceToTheFirstChargeAddsToTheWinnersUsage() {
		// replays the race: this thread read the limit, then another charged first
		JsonRpcReplyBudget.Limit limit = new JsonRpcReplyBudget.Limit(66);
		JsonRpcReplyBudget budget = limit.newBudget();
		assertThat(budget.charge("0123456789")).isTrue();
		JsonRpcReplyBudget.Usage usage = budget.startUsage(limit);
		assertThat(budget.startUsage(limit)).isSameAs(usage);
		assertThat(usage.add(16)).isEqualTo(66);
		assertThat(budget.isExhausted()).isFalse();
		assertThat(budget.charge(null)).isFalse();
		assertThat(budget.isExhausted()).isTrue();
		assertThat(usage.isExhausted()).isTrue();
	}

	@Test
	void threadThatWinsTheRaceToTheFirstChargeStartsTheUsage() {
		JsonRpcReplyBudget.Limit limit = new JsonRpcReplyBudget.Limit(66);
		JsonRpcReplyBudget budget = limit.newBudget();
		JsonRpcReplyBudget.Usage usage = budget.startUsage(limit);
		assertThat(usage.add(50)).isEqualTo(50);
		assertThat(budget.charge(1)).isTrue();
		assertThat(budget.charge(1)).isFalse();
		assertThat(usage.isExhausted()).isTrue();
		assertThat(limit.newBudget().isExhausted()).isFalse();
	}

	@Test
	void budgetNeedsAPositiveSize() {
		assertThatIllegalArgumentException().isThrownBy(() -> JsonRpcReplyBudget.of(0))
			.withMessage("maxBytes must be positive");
		assertThat(JsonRpcReplyBudget.of(1).maxBytes()).isEqualTo(1);
	}

	@Test
	void estimateCountsEncodedSizeAndHeapForEachKindOfValue() {
		assertThat(JsonRpcReplyBudget.estimate(null)).isEqualTo(16);
		assertThat(JsonRpcReplyBudget.estimate(12345L)).isEqualTo(16);
		assertThat(JsonRpcReplyBudget.estimate(true)).isEqualTo(16);
		assertThat(JsonRpcReplyBudget.estimate("abc")).isEqualTo(43);
		assertThat(JsonRpcReplyBudget.estimate(new StringBuilder("abcde"))).isEqualTo(45);
		// base64: four characters for every three bytes
		assertThat(JsonRpcReplyBudget.estimate(new byte[30])).isEqualTo(56);
		assertThat(JsonRpcReplyBudget.estimate(java.util.List.of(1, 2, 3))).isEqualTo(80);
		assertThat(JsonRpcReplyBudget.estimate(java.util.Map.of("a", 1, "b", 2))).isEqualTo(112);
		assertThat(JsonRpcReplyBudget.estimate(new Object())).isEqualTo(32);
	}

	@Test
	void defaultBudgetIsFourMegabytes() {
		assertThat(JsonRpcCodecLimits.DEFAULTS.maxReplyBytes()).isEqualTo(4L * 1024 * 1024);
		assertThat(JsonRpcReplyBudget.unlimited().charge("anything")).isTrue();
	}

	private static void assertReplyTooLarge(JsonNode response, long max) {
		assertThat(response.get("error").get("code").asInt()).isEqualTo(-32005);
		assertThat(response.get("error").get("message").asString()).isEqualTo("Reply too large");
		assertThat(response.get("error").get("data").get("maxReplySize").asLong()).isEqualTo(max);
	}

	private JsonNode read(String json) {
		return this.mapper.readTree(json);
	}

	private static JsonRpcHandler handler(long maxReplyBytes) {
		return JsonRpcSetup.services(new BigService())
			.codecLimits(JsonRpcCodecLimits.DEFAULTS.withMaxReplyBytes(maxReplyBytes))
			.toHandler();
	}

	private static String batch(int count, String method, String params) {
		StringBuilder batch = new StringBuilder("[");
		for (int i = 0; i < count; i++) {
			batch.append((i > 0) ? "," : "")
				.append("{\"jsonrpc\":\"2.0\",\"method\":\"")
				.append(method)
				.append("\",\"params\":")
				.append(params)
				.append(",\"id\":")
				.append(i)
				.append('}');
		}
		return batch.append(']').toString();
	}

	@JsonRpcService
	static class BigService {

		public Stream<Integer> countdown(int from) {
			return IntStream.iterate(from, (i) -> i > 0, (i) -> i - 1).boxed();
		}

		public String text(int length) {
			return String.join("", Collections.nCopies(length, "x"));
		}

	}

	@JsonRpcService
	static class CountingService {

		volatile int started;

		public Stream<Integer> countdown(int from) {
			this.started++;
			return IntStream.iterate(from, (i) -> i > 0, (i) -> i - 1).boxed();
		}

	}

}
