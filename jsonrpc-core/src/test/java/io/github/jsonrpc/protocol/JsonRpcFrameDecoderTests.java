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
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link JsonRpcFrameDecoder} and {@link JsonRpcFraming}.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcFrameDecoderTests {

	private final List<String> messages = new ArrayList<>();

	private void feed(JsonRpcFrameDecoder decoder, String text) {
		decoder.decode(text.getBytes(StandardCharsets.UTF_8),
				(message) -> this.messages.add(new String(message, StandardCharsets.UTF_8)));
	}

	@Test
	void constructorRequiresFramingAndAPositiveLimit() {
		assertThatIllegalArgumentException().isThrownBy(() -> new JsonRpcFrameDecoder(null, 10))
			.withMessage("Framing is required");
		assertThatIllegalArgumentException().isThrownBy(() -> new JsonRpcFrameDecoder(JsonRpcFraming.NDJSON, 0))
			.withMessage("maxMessageSize must be positive");
		JsonRpcFrameDecoder decoder = new JsonRpcFrameDecoder(JsonRpcFraming.CONTENT_LENGTH, 1);
		assertThat(decoder.framing()).isEqualTo(JsonRpcFraming.CONTENT_LENGTH);
	}

	@Test
	void ndjsonSplitsLinesAcrossChunksAndSkipsBlankLines() {
		JsonRpcFrameDecoder decoder = JsonRpcFraming.NDJSON.decoder(100);
		feed(decoder, "{\"a\":1}\n{\"b\"");
		assertThat(this.messages).containsExactly("{\"a\":1}");
		assertThat(decoder.hasPartialMessage()).isTrue();
		feed(decoder, ":2}\r\n\n  \r\n[1]\n");
		assertThat(this.messages).containsExactly("{\"a\":1}", "{\"b\":2}", "[1]");
		assertThat(decoder.hasPartialMessage()).isFalse();
	}

	@Test
	void ndjsonLineAtTheLimitIsAccepted() {
		JsonRpcFrameDecoder decoder = JsonRpcFraming.NDJSON.decoder(5);
		feed(decoder, "12345\r\n12345\n");
		assertThat(this.messages).containsExactly("12345", "12345");
	}

	@Test
	void bufferGrowsOnlyWhenFullNotTowardsTheLimit() {
		// a connection holds about the bytes it sent, not its limit: 300 bytes of a
		// partial line in a 1 MB decoder take the 256-byte buffer doubled once
		JsonRpcFrameDecoder decoder = JsonRpcFraming.NDJSON.decoder(1024 * 1024);
		String line = "x".repeat(300);
		feed(decoder, line);
		assertThat(decoder.hasPartialMessage()).isTrue();
		byte[] buffer = (byte[]) ReflectionTestUtils.getField(decoder, "buffer");
		assertThat(buffer).hasSize(512);
		feed(decoder, "\n");
		assertThat(this.messages).containsExactly(line);
	}

	@Test
	void ndjsonLineOverTheLimitFailsBeforeItsNewline() {
		JsonRpcFrameDecoder decoder = JsonRpcFraming.NDJSON.decoder(5);
		feed(decoder, "1234");
		assertThatExceptionOfType(JsonRpcFramingException.class).isThrownBy(() -> feed(decoder, "5678"))
			.satisfies((ex) -> assertThat(ex.isTooBig()).isTrue());
		assertThatIllegalStateException().isThrownBy(() -> feed(decoder, "\n"));
	}

	@Test
	void ndjsonCarriageReturnInsideTheLimitOnly() {
		JsonRpcFrameDecoder decoder = JsonRpcFraming.NDJSON.decoder(5);
		assertThatExceptionOfType(JsonRpcFramingException.class).isThrownBy(() -> feed(decoder, "123456\r\n"));
	}

	@Test
	void contentLengthReadsBodiesOfTheAnnouncedSize() {
		JsonRpcFrameDecoder decoder = JsonRpcFraming.CONTENT_LENGTH.decoder(100);
		feed(decoder, "Content-Length: 7\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{\"a\":");
		assertThat(this.messages).isEmpty();
		feed(decoder, "1}content-length:3\r\n\r\n[1]");
		assertThat(this.messages).containsExactly("{\"a\":1}", "[1]");
		assertThat(decoder.hasPartialMessage()).isFalse();
	}

	@Test
	void contentLengthOverTheLimitFailsFromTheHeader() {
		JsonRpcFrameDecoder decoder = JsonRpcFraming.CONTENT_LENGTH.decoder(100);
		assertThatExceptionOfType(JsonRpcFramingException.class)
			.isThrownBy(() -> feed(decoder, "Content-Length: 101\r\n\r\n"))
			.satisfies((ex) -> assertThat(ex.isTooBig()).isTrue());
	}

	@Test
	void contentLengthHeadersAreBounded() {
		JsonRpcFrameDecoder decoder = JsonRpcFraming.CONTENT_LENGTH.decoder(100);
		assertThatExceptionOfType(JsonRpcFramingException.class)
			.isThrownBy(() -> feed(decoder, "X-Padding: " + "x".repeat(JsonRpcFrameDecoder.MAX_HEADER_SIZE)));
	}

	@Test
	void contentLengthMissingOrInvalidIsBrokenFraming() {
		for (String input : List.of("Content-Type: json\r\n\r\n", "Content-Length: abc\r\n\r\n",
				"Content-Length: 99999999999999999999\r\n\r\n", "Content-Length: 0\r\n\r\n")) {
			JsonRpcFrameDecoder decoder = JsonRpcFraming.CONTENT_LENGTH.decoder(100);
			assertThatExceptionOfType(JsonRpcFramingException.class).as(input)
				.isThrownBy(() -> feed(decoder, input))
				.satisfies((ex) -> assertThat(ex.isTooBig()).isFalse());
		}
	}

	@Test
	void framesForEachFraming() {
		byte[] message = "{\"a\":\n1}".getBytes(StandardCharsets.UTF_8);
		assertThat(new String(JsonRpcFraming.NDJSON.frame(message), StandardCharsets.UTF_8)).isEqualTo("{\"a\": 1}\n");
		assertThat(new String(JsonRpcFraming.CONTENT_LENGTH.frame(message), StandardCharsets.UTF_8))
			.isEqualTo("Content-Length: 8\r\n\r\n{\"a\":\n1}");
	}

	@Test
	void framedMessagesDecodeToThemselves() {
		for (JsonRpcFraming framing : JsonRpcFraming.values()) {
			this.messages.clear();
			JsonRpcFrameDecoder decoder = framing.decoder(100);
			byte[] framed = framing.frame("{\"é\":\"ü\"}".getBytes(StandardCharsets.UTF_8));
			// one byte at a time: every boundary falls somewhere
			for (byte b : framed) {
				decoder.decode(new byte[] { b },
						(message) -> this.messages.add(new String(message, StandardCharsets.UTF_8)));
			}
			assertThat(this.messages).as(framing.name()).containsExactly("{\"é\":\"ü\"}");
		}
	}

	@Test
	void contentLengthHeaderIsWrittenFromZeroAndRefusedForANegativeSize() {
		assertThat(new String(JsonRpcFraming.CONTENT_LENGTH.header(0), StandardCharsets.US_ASCII))
			.isEqualTo("Content-Length: 0\r\n\r\n");
		assertThat(new String(JsonRpcFraming.CONTENT_LENGTH.header(42), StandardCharsets.US_ASCII))
			.isEqualTo("Content-Length: 42\r\n\r\n");
		assertThat(JsonRpcFraming.NDJSON.header(0)).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> JsonRpcFraming.CONTENT_LENGTH.header(-1))
			.withMessage("Message size must not be negative");
		assertThatIllegalArgumentException().isThrownBy(() -> JsonRpcFraming.NDJSON.header(-1));
	}

}
