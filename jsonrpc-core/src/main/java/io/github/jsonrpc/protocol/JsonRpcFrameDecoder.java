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

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Splits the bytes of one stream into JSON-RPC messages of a {@link JsonRpcFraming}, as
 * they arrive in chunks of any size. Memory is bounded: a decoder never holds more than
 * the largest message accepted plus a small header; a line or a {@code Content-Length}
 * over the limit fails at once with a {@link JsonRpcFramingException}, whether or not the
 * rest of the message ever arrives. Not thread-safe: one decoder per stream, fed by one
 * reader at a time. After a failure the decoder stays failed.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcFrameDecoder {

	/** The most bytes of {@code Content-Length} headers (with their blank line). */
	static final int MAX_HEADER_SIZE = 8 * 1024;

	private static final String CONTENT_LENGTH = "content-length:";

	private final JsonRpcFraming framing;

	private final int maxMessageSize;

	/** The line or header under way. */
	private byte[] buffer = new byte[256];

	private int length;

	/**
	 * The body under way ({@code CONTENT_LENGTH}), {@code null} while reading headers.
	 */
	private byte @Nullable [] body;

	private int bodyLength;

	private long contentLength = -1;

	private boolean failed;

	JsonRpcFrameDecoder(JsonRpcFraming framing, int maxMessageSize) {
		Assert.notNull(framing, "Framing is required");
		Assert.isTrue(maxMessageSize > 0, "maxMessageSize must be positive");
		this.framing = framing;
		this.maxMessageSize = maxMessageSize;
	}

	/**
	 * Return the framing of this decoder.
	 * @return the framing
	 */
	public JsonRpcFraming framing() {
		return this.framing;
	}

	/**
	 * Read a chunk of the stream, passing each message it completes to the consumer, in
	 * order. Bytes of an incomplete message are kept for the next chunk.
	 * @param input the chunk, read to its end
	 * @param messages receives each complete message (the JSON bytes, without framing)
	 * @throws JsonRpcFramingException when a message is over the size limit or the
	 * framing is broken; the decoder cannot be used further
	 */
	public void decode(ByteBuffer input, Consumer<byte[]> messages) {
		Assert.state(!this.failed, "The stream failed to decode before");
		try {
			if (this.framing == JsonRpcFraming.NDJSON) {
				decodeLines(input, messages);
			}
			else {
				decodeContentLength(input, messages);
			}
		}
		catch (JsonRpcFramingException ex) {
			this.failed = true;
			this.buffer = new byte[0];
			this.body = null;
			throw ex;
		}
	}

	/**
	 * Read a chunk of the stream.
	 * @param input the chunk
	 * @param messages receives each complete message
	 * @see #decode(ByteBuffer, Consumer)
	 */
	public void decode(byte[] input, Consumer<byte[]> messages) {
		decode(ByteBuffer.wrap(input), messages);
	}

	/**
	 * Return whether part of a message is waiting for the rest.
	 * @return {@code true} when bytes are held
	 */
	public boolean hasPartialMessage() {
		return this.length > 0 || this.body != null;
	}

	private void decodeLines(ByteBuffer input, Consumer<byte[]> messages) {
		while (input.hasRemaining()) {
			byte next = input.get();
			if (next != '\n') {
				// one more than the limit for a '\r' before the newline
				append(next, this.maxMessageSize + 1L, "Line");
				continue;
			}
			int end = this.length;
			if (end > 0 && this.buffer[end - 1] == '\r') {
				end--;
			}
			if (end > this.maxMessageSize) {
				throw tooBig("Line", end);
			}
			byte[] line = Arrays.copyOf(this.buffer, end);
			this.length = 0;
			if (!isBlank(line)) {
				messages.accept(line);
			}
		}
	}

	private void decodeContentLength(ByteBuffer input, Consumer<byte[]> messages) {
		while (input.hasRemaining()) {
			byte[] body = this.body;
			if (body != null) {
				int count = Math.min(input.remaining(), body.length - this.bodyLength);
				input.get(body, this.bodyLength, count);
				this.bodyLength += count;
				if (this.bodyLength == body.length) {
					this.body = null;
					this.bodyLength = 0;
					messages.accept(body);
				}
				continue;
			}
			byte next = input.get();
			append(next, MAX_HEADER_SIZE, "Header");
			if (next == '\n') {
				headerLine();
			}
		}
	}

	/**
	 * A header line ended (the buffer ends with {@code \n}): record a
	 * {@code Content-Length}, or start the body after the blank line.
	 */
	private void headerLine() {
		int start = lastLineStart();
		int end = this.length - 1;
		if (end > start && this.buffer[end - 1] == '\r') {
			end--;
		}
		if (end > start) {
			String line = new String(this.buffer, start, end - start, StandardCharsets.US_ASCII);
			if (line.toLowerCase(Locale.ROOT).startsWith(CONTENT_LENGTH)) {
				this.contentLength = parseLength(line.substring(CONTENT_LENGTH.length()).trim());
			}
			return;
		}
		if (start == 0) {
			// blank lines between messages
			this.length = 0;
			return;
		}
		long size = this.contentLength;
		if (size < 0) {
			throw new JsonRpcFramingException("Header without Content-Length", false);
		}
		if (size > this.maxMessageSize) {
			throw tooBig("Content-Length", size);
		}
		if (size == 0) {
			throw new JsonRpcFramingException("Content-Length: 0", false);
		}
		this.length = 0;
		this.contentLength = -1;
		this.body = new byte[(int) size];
		this.bodyLength = 0;
	}

	private int lastLineStart() {
		for (int i = this.length - 2; i >= 0; i--) {
			if (this.buffer[i] == '\n') {
				return i + 1;
			}
		}
		return 0;
	}

	private static long parseLength(String value) {
		if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(Character::isDigit)) {
			throw new JsonRpcFramingException("Invalid Content-Length", false);
		}
		return Long.parseLong(value);
	}

	private void append(byte next, long limit, String what) {
		if (this.length >= limit) {
			throw tooBig(what, this.length + 1L);
		}
		if (this.length == this.buffer.length) {
			this.buffer = Arrays.copyOf(this.buffer, (int) Math.min(limit, 2L * this.buffer.length));
		}
		this.buffer[this.length++] = next;
	}

	private JsonRpcFramingException tooBig(String what, long size) {
		long limit = "Header".equals(what) ? MAX_HEADER_SIZE : this.maxMessageSize;
		return new JsonRpcFramingException(what + " of " + size + " bytes or more is over the limit of " + limit, true);
	}

	private static boolean isBlank(byte[] line) {
		for (byte b : line) {
			if (b != ' ' && b != '\t' && b != '\r') {
				return false;
			}
		}
		return true;
	}

}
