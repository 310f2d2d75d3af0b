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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JsonRpcLogText}.
 *
 * @author jsonrpc-dev
 */
class JsonRpcLogTextTests {

	@Test
	void plainTextIsUnchanged() {
		String text = "inventory.find-é";
		assertThat(JsonRpcLogText.escape(text)).isSameAs(text);
	}

	@Test
	void lineBreaksCannotForgeALine() {
		assertThat(JsonRpcLogText.escape("x\r\nINFO forged line\tend")).isEqualTo("x\\r\\nINFO forged line\\tend")
			.doesNotContain("\n", "\r");
	}

	@Test
	void ansiEscapesAndSeparatorsAreEscaped() {
		assertThat(JsonRpcLogText.escape("\u001b[31mred\u001b[0m\u2028\u0085\u007f"))
			.isEqualTo("\\u001b[31mred\\u001b[0m\\u2028\\u0085\\u007f");
	}

	@Test
	void edgesOfTheUnsafeRangesAreExact() {
		assertThat(JsonRpcLogText.escape("\u001f\u0020~\u007e\u009f\u00a0\u2027\u2029\u202a"))
			.isEqualTo("\\u001f ~~\\u009f\u00a0\u2027\\u2029\u202a");
	}

	@Test
	void textIsCopiedUpToTheFirstUnsafeCharacter() {
		assertThat(JsonRpcLogText.escape("method\u0000name")).isEqualTo("method\\u0000name");
	}

	@Test
	void longTextIsCut() {
		String escaped = JsonRpcLogText.escape("a".repeat(5000));
		assertThat(escaped).startsWith("a".repeat(JsonRpcLogText.MAX_LENGTH)).endsWith("...(5000 chars)");
	}

	@Test
	void nullIsWritten() {
		assertThat(JsonRpcLogText.escape(null)).isEqualTo("null");
	}

}
