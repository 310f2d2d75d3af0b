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
package io.github.jsonrpc.server.connection;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link JsonRpcMemoryBudget}.
 */
class JsonRpcMemoryBudgetTests {

	@Test
	void reservesUpToItsSizeAndNoMore() {
		JsonRpcMemoryBudget budget = JsonRpcMemoryBudget.of(100);
		assertThat(budget.tryReserve(60)).isTrue();
		assertThat(budget.tryReserve(40)).isTrue();
		assertThat(budget.tryReserve(1)).isFalse();
		assertThat(budget.used()).isEqualTo(100);
		budget.release(40);
		assertThat(budget.tryReserve(41)).isFalse();
		assertThat(budget.tryReserve(40)).isTrue();
	}

	@Test
	void reservingShedsTheHoldersThatHoldMoreThanTheRequesterLargestFirst() {
		JsonRpcMemoryBudget budget = JsonRpcMemoryBudget.of(100);
		TestHolder large = new TestHolder(budget, 50);
		TestHolder medium = new TestHolder(budget, 30);
		TestHolder requester = new TestHolder(budget, 20);
		assertThat(budget.used()).isEqualTo(100);
		assertThat(budget.tryReserve(40, requester)).isTrue();
		// the largest was enough: the other one keeps its room
		assertThat(large.sheds).isEqualTo(1);
		assertThat(medium.sheds).isZero();
		assertThat(requester.sheds).isZero();
		assertThat(budget.used()).isEqualTo(90);
		// shed once: unregistered
		assertThat(budget.tryReserve(20, requester)).isTrue();
		assertThat(large.sheds).isEqualTo(1);
		assertThat(medium.sheds).isEqualTo(1);
	}

	@Test
	void holdersThatHoldNoMoreThanTheRequesterAreNotShed() {
		JsonRpcMemoryBudget budget = JsonRpcMemoryBudget.of(100);
		TestHolder equal = new TestHolder(budget, 50);
		TestHolder requester = new TestHolder(budget, 50);
		assertThat(budget.tryReserve(1, requester)).isFalse();
		assertThat(equal.sheds).isZero();
		assertThat(requester.sheds).isZero();
		assertThat(budget.used()).isEqualTo(100);
		// without a requester, every holder holds more than it
		assertThat(budget.tryReserve(1, null)).isTrue();
		assertThat(equal.sheds + requester.sheds).isEqualTo(1);
	}

	@Test
	void sheddingThatFreesNothingAtOnceAsksEachHolderOnceThenRefuses() {
		JsonRpcMemoryBudget budget = JsonRpcMemoryBudget.of(100);
		List<TestHolder> slow = List.of(new TestHolder(budget, 40, false), new TestHolder(budget, 30, false),
				new TestHolder(budget, 30, false));
		assertThat(budget.tryReserve(10, null)).isFalse();
		assertThat(slow).allMatch((holder) -> holder.sheds == 1);
		assertThat(budget.used()).isEqualTo(100);
		// unregistered holders are never asked again
		assertThat(budget.tryReserve(10, null)).isFalse();
		assertThat(slow).allMatch((holder) -> holder.sheds == 1);
	}

	@Test
	void unregisteredHoldersAreNotShed() {
		JsonRpcMemoryBudget budget = JsonRpcMemoryBudget.of(100);
		TestHolder holder = new TestHolder(budget, 100);
		budget.unregister(holder);
		assertThat(budget.tryReserve(1, null)).isFalse();
		assertThat(holder.sheds).isZero();
	}

	@Test
	void reserveGoesBeyondTheBudgetAndSizesMustNotBeNegative() {
		JsonRpcMemoryBudget budget = JsonRpcMemoryBudget.of(10);
		budget.reserve(15);
		assertThat(budget.used()).isEqualTo(15);
		assertThat(budget.tryReserve(0)).isFalse();
		budget.release(15);
		assertThat(budget.used()).isZero();
		// zero is a size
		budget.reserve(0);
		budget.release(0);
		assertThat(budget.tryReserve(0)).isTrue();
		assertThat(budget).hasToString("JsonRpcMemoryBudget[0/10 bytes]");
		assertThatIllegalArgumentException().isThrownBy(() -> budget.reserve(-1))
			.withMessage("bytes must not be negative");
		assertThatIllegalArgumentException().isThrownBy(() -> budget.release(-1))
			.withMessage("bytes must not be negative");
		assertThatIllegalArgumentException().isThrownBy(() -> budget.tryReserve(-1))
			.withMessage("bytes must not be negative");
		assertThatIllegalArgumentException().isThrownBy(() -> budget.register(null)).withMessage("Holder is required");
		assertThat(budget.used()).isZero();
	}

	@Test
	void heapShareIsAShareOfTheMaximumHeap() {
		assertThat(JsonRpcMemoryBudget.ofHeapPercent(25).maxBytes())
			.isEqualTo(Runtime.getRuntime().maxMemory() / 100 * 25);
		assertThat(JsonRpcMemoryBudget.shared().maxBytes()).isEqualTo(JsonRpcMemoryBudget.ofHeapPercent(25).maxBytes());
		assertThatIllegalArgumentException().isThrownBy(() -> JsonRpcMemoryBudget.ofHeapPercent(0));
		assertThatIllegalArgumentException().isThrownBy(() -> JsonRpcMemoryBudget.of(0));
		assertThatIllegalArgumentException().isThrownBy(() -> JsonRpcMemoryBudget.ofHeapPercent(101));
		assertThat(JsonRpcMemoryBudget.ofHeapPercent(100).maxBytes())
			.isEqualTo(Runtime.getRuntime().maxMemory() / 100 * 100);
		assertThat(JsonRpcMemoryBudget.of(1).maxBytes()).isEqualTo(1);
	}

	/**
	 * Holds room of a budget, and gives it back when shed (at once, or later: never,
	 * here).
	 */
	private static final class TestHolder implements JsonRpcMemoryBudget.Holder {

		private final JsonRpcMemoryBudget budget;

		private final boolean releases;

		private long held;

		private int sheds;

		TestHolder(JsonRpcMemoryBudget budget, long held) {
			this(budget, held, true);
		}

		TestHolder(JsonRpcMemoryBudget budget, long held, boolean releases) {
			this.budget = budget;
			this.releases = releases;
			this.held = held;
			budget.reserve(held);
			budget.register(this);
		}

		@Override
		public long heldBytes() {
			return this.held;
		}

		@Override
		public void shed() {
			this.sheds++;
			if (this.releases) {
				this.budget.release(this.held);
				this.held = 0;
			}
		}

	}

}
