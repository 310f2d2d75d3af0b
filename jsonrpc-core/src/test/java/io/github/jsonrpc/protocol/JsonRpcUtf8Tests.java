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

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JsonRpcUtf8}: every range boundary of the UTF-8 grammar at exactly the
 * first and last legal value and one past it.
 *
 * @author jsonrpc-dev
 */
class JsonRpcUtf8Tests {

	@Test
	void asciiAndEveryEncodedLengthAreValid() {
		assertThat(valid("{\"a\":\"é€😀\"}".getBytes(StandardCharsets.UTF_8))).isTrue();
		assertThat(valid(new byte[0])).isTrue();
	}

	@Test
	void nulIsInvalid() {
		assertThat(valid(0x7B, 0x00, 0x7D)).isFalse();
	}

	@Test
	void twoByteLeadsAreC2ToDf() {
		assertThat(valid(0xC1, 0xBF)).isFalse();
		assertThat(valid(0xC2, 0x80)).isTrue();
		assertThat(valid(0xDF, 0xBF)).isTrue();
	}

	@Test
	void threeByteLeadsAreE0ToEf() {
		assertThat(valid(0xE0, 0xA0, 0x80)).isTrue();
		assertThat(valid(0xEF, 0xBF, 0xBF)).isTrue();
	}

	@Test
	void fourByteLeadsAreF0ToF4() {
		assertThat(valid(0xF0, 0x90, 0x80, 0x80)).isTrue();
		assertThat(valid(0xF4, 0x8F, 0xBF, 0xBF)).isTrue();
		assertThat(valid(0xF5, 0x80, 0x80, 0x80)).isFalse();
	}

	@Test
	void continuationByteWithoutLeadIsInvalid() {
		assertThat(valid(0x41, 0x80)).isFalse();
		assertThat(valid(0xBF)).isFalse();
	}

	@Test
	void sequenceCutAtTheEndIsInvalid() {
		assertThat(valid(0x41, 0xC3)).isFalse();
		assertThat(valid(0xE2, 0x82)).isFalse();
		assertThat(valid(0xF0, 0x9F, 0x98)).isFalse();
	}

	@Test
	void sequenceEndingExactlyAtTheLastByteIsValid() {
		assertThat(valid(0x41, 0xC3, 0xA9)).isTrue();
		assertThat(valid(0x41, 0xE2, 0x82, 0xAC)).isTrue();
	}

	@Test
	void leadFollowedByANonContinuationByteIsInvalid() {
		assertThat(valid(0xC3, 0x41)).isFalse();
		assertThat(valid(0xC3, 0xC3)).isFalse();
		assertThat(valid(0xE2, 0x82, 0x41)).isFalse();
		assertThat(valid(0xE2, 0x41, 0xAC, 0x41)).isFalse();
	}

	@Test
	void overlongEncodingsAreInvalidAndTheShortestFormsValid() {
		// U+07FF in three bytes, then U+0800 in three bytes (the smallest legal one)
		assertThat(valid(0xE0, 0x9F, 0xBF)).isFalse();
		assertThat(valid(0xE0, 0xA0, 0x80)).isTrue();
		// U+FFFF in four bytes, then U+10000 (the smallest legal one)
		assertThat(valid(0xF0, 0x8F, 0xBF, 0xBF)).isFalse();
		assertThat(valid(0xF0, 0x90, 0x80, 0x80)).isTrue();
	}

	@Test
	void codePointsAboveU10ffffAreInvalid() {
		assertThat(valid(0xF4, 0x8F, 0xBF, 0xBF)).isTrue();
		assertThat(valid(0xF4, 0x90, 0x80, 0x80)).isFalse();
	}

	@Test
	void encodedSurrogatesAreInvalidAndTheirNeighboursValid() {
		assertThat(valid(0xED, 0x9F, 0xBF)).isTrue();
		assertThat(valid(0xED, 0xA0, 0x80)).isFalse();
		assertThat(valid(0xED, 0xBF, 0xBF)).isFalse();
		assertThat(valid(0xEE, 0x80, 0x80)).isTrue();
	}

	@Test
	void everyByteAfterAValidSequenceIsStillChecked() {
		assertThat(valid(0xC3, 0xA9, 0x00)).isFalse();
		assertThat(valid(0xE2, 0x82, 0xAC, 0xC0, 0xAF)).isFalse();
		assertThat(valid(0xF0, 0x9F, 0x98, 0x80, 0xFF)).isFalse();
	}

	@Test
	void everyPositionOfALongInputIsChecked() {
		// ASCII is skipped sixteen, then eight bytes at a time: a bad byte must be found
		// at any
		// offset, in the first or second word of a pair, in a lone word or in the tail
		for (int length = 1; length <= 40; length++) {
			for (int at = 0; at < length; at++) {
				byte[] nul = ascii(length);
				nul[at] = 0x00;
				assertThat(valid(nul)).as("NUL at %d of %d", at, length).isFalse();
				byte[] lone = ascii(length);
				lone[at] = (byte) 0x80;
				assertThat(valid(lone)).as("continuation byte at %d of %d", at, length).isFalse();
				byte[] lead = ascii(length);
				lead[at] = (byte) 0xC3;
				assertThat(valid(lead)).as("lead byte at %d of %d", at, length).isFalse();
				if (at + 1 < length) {
					byte[] pair = ascii(length);
					pair[at] = (byte) 0xC3;
					pair[at + 1] = (byte) 0xA9;
					assertThat(valid(pair)).as("é at %d of %d", at, length).isTrue();
				}
			}
			assertThat(valid(ascii(length))).as("ASCII of %d", length).isTrue();
		}
	}

	private static byte[] ascii(int length) {
		byte[] bytes = new byte[length];
		for (int i = 0; i < length; i++) {
			bytes[i] = (byte) ('a' + (i % 26));
		}
		return bytes;
	}

	private static boolean valid(byte[] bytes) {
		return JsonRpcUtf8.isValid(bytes);
	}

	private static boolean valid(int... values) {
		byte[] bytes = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			bytes[i] = (byte) values[i];
		}
		return JsonRpcUtf8.isValid(bytes);
	}

}
