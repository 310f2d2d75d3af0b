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

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Strict check of the UTF-8 encoding of a message, before it is parsed: JSON-RPC messages
 * are UTF-8 only. Rejects malformed and truncated sequences, overlong encodings (such as
 * {@code C0 AF} for {@code /}), encoded UTF-16 surrogates, code points above
 * {@code U+10FFFF}, and NUL bytes, which never occur in a JSON text but do in every
 * UTF-16 or UTF-32 encoded one (so a parser's encoding detection can never pick another
 * encoding).
 *
 * @author JSON-RPC for Spring Boot team
 */
final class JsonRpcUtf8 {

	// eight bytes at a time: byte order does not matter for the checks below
	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private static final long HIGH_BITS = 0x8080808080808080L;

	private static final long LOW_BITS = 0x0101010101010101L;

	private JsonRpcUtf8() {
	}

	/**
	 * Return whether the bytes are well-formed UTF-8 without NUL bytes.
	 * @param bytes the bytes
	 * @return {@code true} if they are
	 */
	static boolean isValid(byte[] bytes) {
		int i = 0;
		int length = bytes.length;
		int lastWord = length - 8;
		int lastPair = length - 16;
		while (true) {
			// sixteen ASCII bytes none of which is NUL (the common case): skipped at
			// once,
			// with one test for both words; a pair that fails goes to the word loop
			while (i <= lastPair) {
				long first = (long) LONGS.get(bytes, i);
				long second = (long) LONGS.get(bytes, i + 8);
				if ((((first | second) | ((first - LOW_BITS) & ~first) | ((second - LOW_BITS) & ~second))
						& HIGH_BITS) != 0) {
					break;
				}
				i += 16;
			}
			// eight ASCII bytes none of which is NUL: skipped at once, in a loop of its
			// own that C2 compiles without the byte checks below
			while (i <= lastWord) {
				long word = (long) LONGS.get(bytes, i);
				if ((word & HIGH_BITS) != 0 || ((word - LOW_BITS) & ~word & HIGH_BITS) != 0) {
					break;
				}
				i += 8;
			}
			if (i >= length) {
				return true;
			}
			if (i > lastWord && lastWord >= 0) {
				// fewer than eight bytes left: one test of the last eight (some of them
				// checked again) instead of a byte at a time
				long word = (long) LONGS.get(bytes, lastWord);
				if ((word & HIGH_BITS) == 0 && ((word - LOW_BITS) & ~word & HIGH_BITS) == 0) {
					return true;
				}
			}
			int b = bytes[i];
			if (b > 0) {
				// ASCII, the common case
				i++;
				continue;
			}
			if (b == 0) {
				return false;
			}
			int lead = b & 0xFF;
			int needed;
			int min;
			if (lead >= 0xC2 && lead <= 0xDF) {
				needed = 1;
				min = 0x80;
			}
			else if (lead >= 0xE0 && lead <= 0xEF) {
				needed = 2;
				min = 0x800;
			}
			else if (lead >= 0xF0 && lead <= 0xF4) {
				needed = 3;
				min = 0x10000;
			}
			else {
				// a continuation byte without a lead, C0/C1 (always overlong) or F5..FF
				return false;
			}
			if (i + needed >= length) {
				return false;
			}
			int codePoint = lead & (0x3F >> needed);
			for (int k = 1; k <= needed; k++) {
				int next = bytes[i + k] & 0xFF;
				if ((next & 0xC0) != 0x80) {
					return false;
				}
				codePoint = (codePoint << 6) | (next & 0x3F);
			}
			if (codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
				return false;
			}
			i += needed + 1;
		}
	}

}
