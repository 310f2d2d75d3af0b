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

import io.github.jsonrpc.server.connection.JsonRpcCloseReason;
import io.github.jsonrpc.server.connection.JsonRpcMemoryBudget;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link WebSocketMessageAssembler}.
 *
 * @author JSON-RPC for Spring Boot team
 */
class WebSocketMessageAssemblerTests {

	private final JsonRpcMemoryBudget budget = JsonRpcMemoryBudget.of(1_000);

	private final WebSocketMessageAssembler assembler = new WebSocketMessageAssembler(100, this.budget);

	@Test
	void surrogatePairSplitAcrossPartsIsEncodedAsOneCharacter() {
		String text = "[\"\uD83D\uDE00\"]";
		int split = text.indexOf('\uDE00');
		assertThat(this.assembler.add(text.substring(0, split), false).message()).isNull();
		byte[] message = this.assembler.add(text.substring(split), true).message();
		assertThat(message).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
		assertThat(this.budget.used()).isZero();
	}

	@Test
	void partsHeldAreReservedFromTheBudgetUntilComplete() {
		assertThat(this.assembler.add("0123456789", false).message()).isNull();
		assertThat(this.budget.used()).isEqualTo(10);
		assertThat(this.assembler.add("abc", true).message()).isEqualTo("0123456789abc".getBytes());
		assertThat(this.budget.used()).isZero();
		assertThat(this.assembler.isAssembling()).isFalse();
	}

	@Test
	void partOverTheBudgetRefusesTheMessageAsOverloaded() {
		WebSocketMessageAssembler other = new WebSocketMessageAssembler(100, this.budget);
		this.budget.tryReserve(950);
		assertThat(other.add("x".repeat(40), false).refused()).isNull();
		assertThat(other.add("x".repeat(40), false).refused()).isEqualTo(JsonRpcCloseReason.OVERLOADED);
		// what was held is given back
		assertThat(this.budget.used()).isEqualTo(950);
		assertThat(other.isAssembling()).isFalse();
	}

	@Test
	void messageOverTheSizeLimitIsRefusedAsTooBig() {
		assertThat(this.assembler.add("x".repeat(60), false).refused()).isNull();
		assertThat(this.assembler.add("x".repeat(60), true).refused()).isEqualTo(JsonRpcCloseReason.TOO_BIG);
		assertThat(this.budget.used()).isZero();
	}

	@Test
	void messageAfterAnOversizedOneCarriesNoLeftovers() {
		WebSocketMessageAssembler small = new WebSocketMessageAssembler(10, this.budget);
		assertThat(small.add("123456", false).message()).isNull();
		assertThat(small.add("123456", true).refused()).isEqualTo(JsonRpcCloseReason.TOO_BIG);
		assertThat(small.add("{}", true).message()).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
		assertThat(small.add("{\"a\":", false).message()).isNull();
		assertThat(small.add("1}", true).message()).isEqualTo("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void bufferHeldNeverGrowsPastTheLimitAndIsWhatIsReserved() {
		// a buffer doubling from 66 bytes would reach 132 for a limit of 100
		String[] parts = { "a".repeat(33), "b".repeat(33), "c".repeat(33) };
		int written = 0;
		for (String part : parts) {
			assertThat(this.assembler.add(part, false).message()).isNull();
			written += part.length();
			assertThat(this.assembler.capacity()).isBetween(written, 100);
			assertThat(this.assembler.reserved()).isEqualTo(this.assembler.capacity());
			assertThat(this.budget.used()).isEqualTo(this.assembler.capacity());
		}
		byte[] message = this.assembler.add("d", true).message();
		assertThat(message).hasSize(100);
		assertThat(new String(message, StandardCharsets.UTF_8)).isEqualTo(String.join("", parts) + "d");
		assertThat(this.assembler.capacity()).isZero();
		assertThat(this.budget.used()).isZero();
	}

	@Test
	void manySmallPartsAreHeldInOneBufferWithinTheLimit() {
		WebSocketMessageAssembler large = new WebSocketMessageAssembler(600, this.budget);
		StringBuilder sent = new StringBuilder();
		for (int i = 0; i < 500; i++) {
			String part = Integer.toString(i % 10);
			sent.append(part);
			assertThat(large.add(part, false).message()).isNull();
			assertThat(large.capacity()).isBetween(sent.length(), 600);
			assertThat(this.budget.used()).isEqualTo(large.capacity());
		}
		assertThat(large.add("!", true).message()).isEqualTo((sent + "!").getBytes(StandardCharsets.UTF_8));
		assertThat(this.budget.used()).isZero();
	}

	@Test
	void growthRefusedByTheBudgetRefusesTheMessageAsOverloaded() {
		WebSocketMessageAssembler other = new WebSocketMessageAssembler(100, this.budget);
		this.budget.tryReserve(930);
		assertThat(other.add("x".repeat(40), false).refused()).isNull();
		// 70 bytes written would fit; the 80 bytes of capacity the doubling needs do not
		assertThat(other.add("x".repeat(30), false).refused()).isEqualTo(JsonRpcCloseReason.OVERLOADED);
		assertThat(this.budget.used()).isEqualTo(930);
		assertThat(other.capacity()).isZero();
	}

	@Test
	void closeGivesBackWhatIsHeld() {
		this.assembler.add("x".repeat(60), false);
		this.assembler.close();
		assertThat(this.budget.used()).isZero();
		assertThat(this.assembler.add("{}", true).message()).isNull();
	}

	@Test
	void bufferGrowsOnlyWhenAPartDoesNotFitAndDoublesThen() {
		assertThat(this.assembler.add("abcd", false).message()).isNull();
		assertThat(this.assembler.capacity()).isEqualTo(4);
		// a part that fits exactly, here an empty one, keeps the buffer
		assertThat(this.assembler.add("", false).message()).isNull();
		assertThat(this.assembler.capacity()).isEqualTo(4);
		assertThat(this.assembler.add("e", false).message()).isNull();
		assertThat(this.assembler.capacity()).isEqualTo(8);
		assertThat(this.budget.used()).isEqualTo(8);
		// the last part sizes the buffer to the message exactly
		assertThat(this.assembler.add("f", true).message()).isEqualTo("abcdef".getBytes(StandardCharsets.UTF_8));
		assertThat(this.budget.used()).isZero();
	}

}
