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
package io.github.jsonrpc.server.websocket;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

import io.github.jsonrpc.server.connection.JsonRpcCloseReason;
import io.github.jsonrpc.server.connection.JsonRpcMemoryBudget;

/**
 * Assembles the UTF-8 bytes of one text message from the parts the container delivers
 * (partial messages are on, so that a large message is never held whole by the container
 * first). The parts held are bounded by the message size limit and reserved from the
 * shared {@link JsonRpcMemoryBudget} until the message is complete or the connection
 * closes. A part may end between the two halves of a surrogate pair; the high half waits
 * for the next part so that the pair is encoded as one character.
 *
 * <p>
 * What is reserved is the capacity of the buffer held, not the bytes written to it, and
 * the buffer never grows past the limit: a buffer that doubled as it filled could
 * otherwise hold up to twice the limit while counting only what was written. The last
 * part sizes the buffer exactly, so the buffer is the message, without another copy.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class WebSocketMessageAssembler {

	private static final Result INCOMPLETE = new Result(null, null);

	private final int maxBytes;

	private final JsonRpcMemoryBudget budget;

	private final JsonRpcMemoryBudget.@Nullable Holder holder;

	// the bytes of the parts received so far; null when none is held
	private byte @Nullable [] buffer;

	private int count;

	private @Nullable String pendingHighSurrogate;

	private long reserved;

	private boolean closed;

	WebSocketMessageAssembler(int maxBytes, JsonRpcMemoryBudget budget) {
		this(maxBytes, budget, null);
	}

	WebSocketMessageAssembler(int maxBytes, JsonRpcMemoryBudget budget, JsonRpcMemoryBudget.@Nullable Holder holder) {
		this.maxBytes = maxBytes;
		this.budget = budget;
		this.holder = holder;
	}

	/**
	 * Add one part of a text message.
	 * @param part the part
	 * @param last whether it is the last part
	 * @return the complete message, nothing yet, or why the message is refused (the parts
	 * held so far are then dropped)
	 */
	synchronized Result add(String part, boolean last) {
		if (this.closed) {
			return new Result(null, JsonRpcCloseReason.NORMAL);
		}
		String text = part;
		if (this.pendingHighSurrogate != null) {
			text = this.pendingHighSurrogate + text;
			this.pendingHighSurrogate = null;
		}
		if (!last && !text.isEmpty() && Character.isHighSurrogate(text.charAt(text.length() - 1))) {
			this.pendingHighSurrogate = text.substring(text.length() - 1);
			text = text.substring(0, text.length() - 1);
		}
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		byte[] buffer = this.buffer;
		if ((long) this.count + bytes.length > this.maxBytes) {
			reset();
			return new Result(null, JsonRpcCloseReason.TOO_BIG);
		}
		int needed = this.count + bytes.length;
		if (buffer == null && last) {
			return new Result(bytes, null);
		}
		int capacity = (buffer != null) ? buffer.length : 0;
		if (buffer == null || needed > capacity || (last && needed != capacity)) {
			// doubling while parts arrive, never past the limit; the last part sizes
			// the buffer to the message exactly
			int grown = last ? needed : (int) Math.min(this.maxBytes, Math.max(needed, 2L * capacity));
			// shedding closes other connections: it takes their locks, never this one
			if (grown > capacity && !this.budget.tryReserve(grown - capacity, this.holder)) {
				reset();
				return new Result(null, JsonRpcCloseReason.OVERLOADED);
			}
			byte[] copy = new byte[grown];
			if (buffer != null) {
				System.arraycopy(buffer, 0, copy, 0, this.count);
			}
			if (grown < capacity) {
				this.budget.release(capacity - grown);
			}
			this.reserved += grown - capacity;
			buffer = copy;
			this.buffer = copy;
		}
		System.arraycopy(bytes, 0, buffer, this.count, bytes.length);
		this.count = needed;
		if (!last) {
			return INCOMPLETE;
		}
		reset();
		return new Result(buffer, null);
	}

	/**
	 * Return the capacity of the buffer held for the parts received so far.
	 * @return the byte count, at most the message size limit
	 */
	synchronized int capacity() {
		return (this.buffer != null) ? this.buffer.length : 0;
	}

	/**
	 * Return whether part of a message is waiting for the rest.
	 * @return {@code true} while assembling
	 */
	synchronized boolean isAssembling() {
		return this.buffer != null || this.pendingHighSurrogate != null;
	}

	/**
	 * Return the bytes reserved from the budget for the parts held.
	 * @return the byte count
	 */
	synchronized long reserved() {
		return this.reserved;
	}

	/**
	 * Drop the parts held and refuse further ones.
	 */
	synchronized void close() {
		this.closed = true;
		reset();
	}

	private void reset() {
		this.buffer = null;
		this.count = 0;
		this.pendingHighSurrogate = null;
		this.budget.release(this.reserved);
		this.reserved = 0;
	}

	/**
	 * What one part led to.
	 *
	 * @param message the complete message, {@code null} when there is none (yet)
	 * @param refused why the message was refused, {@code null} when it was not
	 */
	record Result(byte @Nullable [] message, @Nullable JsonRpcCloseReason refused) {

	}

}
