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
package io.github.jsonrpc.protocol;

import org.junit.jupiter.api.Test;

import static io.github.jsonrpc.protocol.BoundedOutputStream.MAX_ARRAY_LENGTH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link BoundedOutputStream} at the edges of an {@code int}: a budget that is
 * a {@code long} and a buffer that is an array. Replies of gigabytes are not written
 * here; the arithmetic that decides them is checked at its boundaries.
 *
 * @author jsonrpc-dev
 */
class BoundedOutputStreamTests {

	@Test
	void budgetIsCappedToTheLargestArray() {
		assertThat(BoundedOutputStream.cap(1)).isEqualTo(1);
		assertThat(BoundedOutputStream.cap(MAX_ARRAY_LENGTH - 1)).isEqualTo(MAX_ARRAY_LENGTH - 1);
		assertThat(BoundedOutputStream.cap(MAX_ARRAY_LENGTH)).isEqualTo(MAX_ARRAY_LENGTH);
		assertThat(BoundedOutputStream.cap(MAX_ARRAY_LENGTH + 1L)).isEqualTo(MAX_ARRAY_LENGTH);
		assertThat(BoundedOutputStream.cap(Integer.MAX_VALUE + 1L)).isEqualTo(MAX_ARRAY_LENGTH);
		assertThat(BoundedOutputStream.cap(Long.MAX_VALUE)).isEqualTo(MAX_ARRAY_LENGTH);
	}

	@Test
	void bufferGrowsByDoublingButNeverPastTheLargestArray() {
		assertThat(BoundedOutputStream.grownLength(0, 1)).isEqualTo(128);
		assertThat(BoundedOutputStream.grownLength(100, 150)).isEqualTo(200);
		assertThat(BoundedOutputStream.grownLength(100, 500)).isEqualTo(500);
		// doubling 2^30 - 1 gives 2^31 - 2: more than the JVM allocates
		assertThat(BoundedOutputStream.grownLength((1 << 30) - 1, 1 << 30)).isEqualTo(MAX_ARRAY_LENGTH);
		// doubling 2^30 overflows an int
		assertThat(BoundedOutputStream.grownLength(1 << 30, (1 << 30) + 1)).isEqualTo(MAX_ARRAY_LENGTH);
		assertThat(BoundedOutputStream.grownLength(MAX_ARRAY_LENGTH - 1, MAX_ARRAY_LENGTH)).isEqualTo(MAX_ARRAY_LENGTH);
	}

	@Test
	void unboundedStreamWritesAndOneByteOverABudgetIsRefused() {
		BoundedOutputStream unbounded = new BoundedOutputStream(Long.MAX_VALUE);
		unbounded.write(new byte[] { 1, 2, 3 }, 0, 3);
		unbounded.write(4);
		assertThat(unbounded.toByteArray()).containsExactly(1, 2, 3, 4);
		BoundedOutputStream bounded = new BoundedOutputStream(3);
		bounded.write(new byte[] { 1, 2 }, 0, 2);
		bounded.write(3);
		assertThatExceptionOfType(BoundedOutputStream.ReplyTooLargeException.class).isThrownBy(() -> bounded.write(4));
		assertThatExceptionOfType(BoundedOutputStream.ReplyTooLargeException.class)
			.isThrownBy(() -> bounded.write(new byte[] { 4 }, 0, 1));
		assertThat(bounded.toByteArray()).containsExactly(1, 2, 3);
	}

}
