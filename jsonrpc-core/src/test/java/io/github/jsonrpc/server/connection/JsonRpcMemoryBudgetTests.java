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
	void heapShareIsAShareOfTheMaximumHeap() {
		assertThat(JsonRpcMemoryBudget.ofHeapPercent(25).maxBytes())
			.isEqualTo(Runtime.getRuntime().maxMemory() / 100 * 25);
		assertThat(JsonRpcMemoryBudget.shared().maxBytes()).isEqualTo(JsonRpcMemoryBudget.ofHeapPercent(25).maxBytes());
		assertThatIllegalArgumentException().isThrownBy(() -> JsonRpcMemoryBudget.ofHeapPercent(0));
		assertThatIllegalArgumentException().isThrownBy(() -> JsonRpcMemoryBudget.of(0));
	}

}
