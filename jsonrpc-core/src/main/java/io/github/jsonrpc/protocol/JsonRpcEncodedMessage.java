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

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * One JSON-RPC message, already encoded as UTF-8 JSON, ready to be written to any number
 * of connections: a reply, a notification or a stream item built by the
 * {@link JsonRpcMessageCodec}. Encoding once and sharing the instance is what makes a
 * publication to many subscribers cost one serialization.
 *
 * <p>
 * Immutable: the bytes are never exposed for writing, and the text form is decoded at
 * most once (transports that write text frames share it too).
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcEncodedMessage {

	private final byte[] bytes;

	private volatile @Nullable String text;

	private volatile @Nullable ByteBuffer readOnly;

	private JsonRpcEncodedMessage(byte[] bytes, @Nullable String text) {
		this.bytes = bytes;
		this.text = text;
	}

	/**
	 * Wrap bytes that hold one encoded JSON-RPC message, e.g. a message received from
	 * another instance of the application through a pub/sub backend. The bytes must have
	 * been written by a {@link JsonRpcMessageCodec}; they are copied.
	 * @param utf8Json the UTF-8 encoded message
	 * @return the message
	 */
	public static JsonRpcEncodedMessage wrap(byte[] utf8Json) {
		Assert.notNull(utf8Json, "Bytes are required");
		Assert.isTrue(utf8Json.length > 0, "An encoded message cannot be empty");
		return new JsonRpcEncodedMessage(utf8Json.clone(), null);
	}

	/**
	 * Wrap part of an array that holds one encoded JSON-RPC message, e.g. the body of a
	 * frame received from another instance: the range is copied once.
	 * @param utf8Json the array
	 * @param offset where the message starts
	 * @param length its size in bytes
	 * @return the message
	 * @see #wrap(byte[])
	 */
	public static JsonRpcEncodedMessage wrap(byte[] utf8Json, int offset, int length) {
		Assert.notNull(utf8Json, "Bytes are required");
		Assert.isTrue(length > 0, "An encoded message cannot be empty");
		Assert.isTrue(offset >= 0 && offset <= utf8Json.length - length, "Range out of bounds");
		return new JsonRpcEncodedMessage(Arrays.copyOfRange(utf8Json, offset, offset + length), null);
	}

	/**
	 * Create a message from bytes the codec just wrote and nobody else holds.
	 */
	static JsonRpcEncodedMessage of(byte[] bytes) {
		return new JsonRpcEncodedMessage(bytes, null);
	}

	/**
	 * Return the size of the message in bytes, the unit every outbound limit counts in.
	 * @return the size in bytes
	 */
	public int size() {
		return this.bytes.length;
	}

	/**
	 * Return a copy of the UTF-8 encoded message.
	 * @return the bytes
	 */
	public byte[] toByteArray() {
		return this.bytes.clone();
	}

	/**
	 * Return the message as text, decoded once and then shared.
	 * @return the JSON text
	 */
	public String text() {
		String text = this.text;
		if (text == null) {
			// racy single-check: decoding twice is harmless, the result is the same
			text = new String(this.bytes, StandardCharsets.UTF_8);
			this.text = text;
		}
		return text;
	}

	/**
	 * Write the message to a stream without copying it.
	 * @param output the stream
	 * @throws IOException when the stream fails
	 */
	public void writeTo(OutputStream output) throws IOException {
		output.write(this.bytes);
	}

	/**
	 * Copy the message into a buffer, e.g. behind a frame header.
	 * @param buffer the buffer, with at least {@link #size()} bytes remaining
	 */
	public void writeTo(ByteBuffer buffer) {
		buffer.put(this.bytes);
	}

	/**
	 * Return a read-only view of the message's UTF-8 bytes, without copying them: a
	 * transport hands the same bytes to every connection (a publication to all its
	 * subscribers) rather than encoding the text again for each.
	 * @return a new read-only buffer positioned at the first byte, its limit at the last
	 */
	public ByteBuffer asReadOnlyBuffer() {
		ByteBuffer readOnly = this.readOnly;
		if (readOnly == null) {
			// racy single-check, as for the text: one view per message, a duplicate of it
			// (its own position) per caller
			readOnly = ByteBuffer.wrap(this.bytes).asReadOnlyBuffer();
			this.readOnly = readOnly;
		}
		return readOnly.duplicate();
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (this == other)
				|| (other instanceof JsonRpcEncodedMessage that && Arrays.equals(this.bytes, that.bytes));
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.bytes);
	}

	@Override
	public String toString() {
		return text();
	}

}
