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

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * A byte array stream that refuses to grow past the reply budget, so that an oversized
 * result is abandoned while it is written, not after. Not a
 * {@link ByteArrayOutputStream}: that one locks on every write and on
 * {@code toByteArray()}, and starts with a buffer that is copied again at the end. The
 * generator writes a reply that fits its own buffer in one chunk, which this stream
 * copies once into an array of the exact size and hands out as it is.
 * <p>
 * The budget is a {@code long} (a configured {@code DataSize}), the buffer an array: a
 * budget above {@link #MAX_ARRAY_LENGTH} is capped to it, so that a reply that outgrows
 * any array ends in {@link ReplyTooLargeException}, never in an {@code int} overflow.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class BoundedOutputStream extends OutputStream {

	/**
	 * The largest array the JVM reliably allocates (as the JDK's own growable buffers
	 * assume): the most bytes one reply can take.
	 */
	static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

	private static final byte[] EMPTY = new byte[0];

	private final int maxBytes;

	private byte[] buffer = EMPTY;

	private int count;

	BoundedOutputStream(long maxBytes) {
		this.maxBytes = cap(maxBytes);
	}

	/**
	 * Cap a reply budget to what one array can hold.
	 * @param maxBytes the budget
	 * @return the budget, at most {@link #MAX_ARRAY_LENGTH}
	 */
	static int cap(long maxBytes) {
		return (int) Math.min(maxBytes, MAX_ARRAY_LENGTH);
	}

	@Override
	public void write(int b) {
		check(1);
		ensureCapacity(this.count + 1);
		this.buffer[this.count++] = (byte) b;
	}

	@Override
	public void write(byte[] b, int off, int len) {
		Objects.checkFromIndexSize(off, len, b.length);
		check(len);
		if (this.count == 0 && this.buffer.length == 0) {
			// the first chunk, usually the only one: exactly its size
			this.buffer = Arrays.copyOfRange(b, off, off + len);
			this.count = len;
			return;
		}
		ensureCapacity(this.count + len);
		System.arraycopy(b, off, this.buffer, this.count, len);
		this.count += len;
	}

	private void check(int len) {
		// in long: count + len may pass Integer.MAX_VALUE; past the check it cannot
		if (this.count + (long) len > this.maxBytes) {
			throw ReplyTooLargeException.INSTANCE;
		}
	}

	private void ensureCapacity(int capacity) {
		if (capacity > this.buffer.length) {
			this.buffer = Arrays.copyOf(this.buffer, grownLength(this.buffer.length, capacity));
		}
	}

	/**
	 * The new length of a buffer that must hold {@code capacity} bytes: at least doubled,
	 * so that a large reply written in many chunks is copied a logarithmic number of
	 * times, as {@link ByteArrayOutputStream} does, but never past
	 * {@link #MAX_ARRAY_LENGTH}.
	 * @param length the current length
	 * @param capacity the bytes needed, at most {@link #MAX_ARRAY_LENGTH}
	 * @return the new length
	 */
	static int grownLength(int length, int capacity) {
		long doubled = Math.max(2L * length, 128);
		return (int) Math.max(capacity, Math.min(doubled, MAX_ARRAY_LENGTH));
	}

	byte[] toByteArray() {
		return (this.count == this.buffer.length) ? this.buffer : Arrays.copyOf(this.buffer, this.count);
	}

	/**
	 * Thrown by {@link BoundedOutputStream}; never leaves the codec.
	 */
	@SuppressWarnings("serial")
	static final class ReplyTooLargeException extends RuntimeException {

		static final ReplyTooLargeException INSTANCE = new ReplyTooLargeException();

		private ReplyTooLargeException() {
			super("Reply too large", null, false, false);
		}

	}

}
