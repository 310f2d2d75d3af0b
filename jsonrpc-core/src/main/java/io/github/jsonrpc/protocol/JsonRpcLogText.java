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

import org.jspecify.annotations.Nullable;

/**
 * Makes text a client controls safe to put on a log line: control characters (line
 * breaks, ANSI escape sequences, the Unicode line and paragraph separators) are written
 * as {@code \n}, {@code \r}, {@code \t} or {@code \}{@code uXXXX} escapes, so that a
 * method name or an error message can never forge a log line or recolour a terminal.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcLogText {

	/** Longest text kept on a log line; longer text is cut and marked. */
	public static final int MAX_LENGTH = 1_000;

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private JsonRpcLogText() {
	}

	/**
	 * Return the text with every control character escaped, cut at {@link #MAX_LENGTH}
	 * characters.
	 * @param text the text, e.g. a method name sent by a client
	 * @return the escaped text; {@code "null"} for {@code null}
	 */
	public static String escape(@Nullable Object text) {
		String value = String.valueOf(text);
		int length = Math.min(value.length(), MAX_LENGTH);
		int first = firstUnsafe(value, length);
		if (first == length && length == value.length()) {
			// the common case: nothing to escape, no copy
			return value;
		}
		StringBuilder escaped = new StringBuilder(length + 16).append(value, 0, first);
		for (int i = first; i < length; i++) {
			char c = value.charAt(i);
			if (!isUnsafe(c)) {
				escaped.append(c);
			}
			else if (c == '\n') {
				escaped.append("\\n");
			}
			else if (c == '\r') {
				escaped.append("\\r");
			}
			else if (c == '\t') {
				escaped.append("\\t");
			}
			else {
				escaped.append("\\u")
					.append(HEX[(c >> 12) & 0xF])
					.append(HEX[(c >> 8) & 0xF])
					.append(HEX[(c >> 4) & 0xF])
					.append(HEX[c & 0xF]);
			}
		}
		if (length < value.length()) {
			escaped.append("...(").append(value.length()).append(" chars)");
		}
		return escaped.toString();
	}

	private static int firstUnsafe(String value, int length) {
		for (int i = 0; i < length; i++) {
			if (isUnsafe(value.charAt(i))) {
				return i;
			}
		}
		return length;
	}

	private static boolean isUnsafe(char c) {
		return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029';
	}

}
