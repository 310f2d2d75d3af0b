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
package io.github.jsonrpc.server.connection;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.function.Consumer;

import io.github.jsonrpc.protocol.JsonRpcFrameDecoder;
import io.github.jsonrpc.protocol.JsonRpcFraming;
import io.github.jsonrpc.protocol.JsonRpcFramingException;
import org.springframework.util.Assert;

/**
 * The reading half of a connection over a byte stream (TCP, standard input): splits the
 * stream into messages with a {@link JsonRpcFraming} and hands them to the
 * {@link JsonRpcConnection}, no faster than it takes them. While the connection is busy
 * (its in-flight calls at the limit, or its outbound queue half full), messages already
 * read wait here and the transport stops reading: the peer's writes then block in the
 * transport's flow control (TCP's window) instead of piling up in memory or being
 * answered with {@code -32005}. Memory is bounded by one chunk of input and one message.
 *
 * <p>
 * The transport calls {@link #read} with each chunk it reads and reads the next one only
 * when it returns {@code true}; otherwise it waits for {@link #resume} (called by the
 * connection when a call completes or a write finishes) to return {@code true}, or, for a
 * blocking reader, calls {@link #awaitReadable()}.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class StreamInbound {

	private final JsonRpcConnection connection;

	private final JsonRpcFrameDecoder decoder;

	private final Consumer<JsonRpcFramingException> onFramingError;

	private final ArrayDeque<byte[]> pending = new ArrayDeque<>();

	private boolean waiting;

	private boolean failed;

	/**
	 * Create the reading half of a connection.
	 * @param connection the connection messages go to
	 * @param framing how messages are delimited
	 * @param onFramingError called once when the stream cannot be read further (a message
	 * over {@link JsonRpcConnectionSettings#maxMessageSize()}, broken framing); it should
	 * tell the peer and close the connection
	 */
	StreamInbound(JsonRpcConnection connection, JsonRpcFraming framing,
			Consumer<JsonRpcFramingException> onFramingError) {
		Assert.notNull(connection, "Connection is required");
		Assert.notNull(framing, "Framing is required");
		Assert.notNull(onFramingError, "Framing error handler is required");
		this.connection = connection;
		this.decoder = framing.decoder(connection.settings().maxMessageSize());
		this.onFramingError = onFramingError;
	}

	/**
	 * Read a chunk of the stream.
	 * @param chunk the bytes read, consumed completely
	 * @return whether the transport may read the next chunk now; if not, it waits for
	 * {@link #resume()} to return {@code true}
	 */
	boolean read(ByteBuffer chunk) {
		JsonRpcFramingException failure = null;
		synchronized (this) {
			if (this.failed || !this.connection.isOpen()) {
				return false;
			}
			try {
				this.decoder.decode(chunk, this.pending::add);
			}
			catch (JsonRpcFramingException ex) {
				this.failed = true;
				failure = ex;
			}
			// messages before the broken one are still handled
			drain();
			if (failure == null) {
				this.waiting = !this.pending.isEmpty() || isBusy();
				return !this.waiting;
			}
		}
		this.onFramingError.accept(failure);
		return false;
	}

	/**
	 * Hand over the messages waiting, if the connection takes them now.
	 * @return {@code true} when the transport was waiting and may read again: returned
	 * once per wait
	 */
	synchronized boolean resume() {
		if (!this.waiting || this.failed) {
			return false;
		}
		drain();
		if (!this.pending.isEmpty() || isBusy()) {
			return false;
		}
		this.waiting = false;
		notifyAll();
		return true;
	}

	/**
	 * Block until the transport may read again, for readers on a thread of their own.
	 * @return {@code false} when the connection closed or failed meanwhile
	 * @throws InterruptedException when the thread is interrupted
	 */
	synchronized boolean awaitReadable() throws InterruptedException {
		while (this.waiting && !this.failed && this.connection.isOpen()) {
			// bounded: a close does not call resume(), so look again now and then
			wait(100);
			resume();
		}
		return !this.failed && this.connection.isOpen();
	}

	/**
	 * Return whether no message read is waiting to be handed over.
	 * @return {@code true} when every message read went to the connection
	 */
	synchronized boolean isEmpty() {
		return this.pending.isEmpty();
	}

	/**
	 * Return whether part of a message was read and the rest is missing.
	 * @return {@code true} when the stream ended in the middle of a message
	 */
	synchronized boolean hasPartialMessage() {
		return this.decoder.hasPartialMessage();
	}

	private void drain() {
		while (!this.pending.isEmpty() && !isBusy() && this.connection.isOpen()) {
			this.connection.receive(this.pending.poll());
		}
	}

	private boolean isBusy() {
		JsonRpcConnectionSettings settings = this.connection.settings();
		return this.connection.inFlight() >= settings.maxInFlight() || !this.connection.outboundBelowHalf();
	}

}
