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
import java.security.Principal;
import java.util.Map;
import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;

import io.github.jsonrpc.protocol.JsonRpcEncodedMessage;
import io.github.jsonrpc.protocol.JsonRpcError;
import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import io.github.jsonrpc.protocol.JsonRpcFraming;
import io.github.jsonrpc.protocol.JsonRpcFramingException;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import io.github.jsonrpc.server.JsonRpcHandler;
import org.springframework.util.Assert;

/**
 * Base class of connections over a byte stream (TCP, standard input/output), where a
 * {@link JsonRpcFraming} delimits messages. The transport hands every chunk it reads to
 * {@link #read(ByteBuffer)} and reads on only while it returns {@code true}; otherwise
 * the connection calls {@link #resumeReading()} once it takes messages again (a call
 * completed, the outbound queue drained). A message over the size limit or broken framing
 * is answered with an error response ({@code id: null}) written just before the
 * connection closes, as the rest of the stream cannot be read.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public abstract class JsonRpcStreamConnection extends JsonRpcConnection {

	private final JsonRpcFraming framing;

	private final JsonRpcHandler handler;

	private final StreamInbound inbound;

	private volatile byte @Nullable [] lastWords;

	private volatile boolean inputEnded;

	/**
	 * Create a connection.
	 * @param id the id of the connection, unique among open ones
	 * @param principal the principal the transport established, {@code null} when
	 * anonymous
	 * @param attributes the initial attributes (copied)
	 * @param handler the handler calls are dispatched to
	 * @param settings the limits of the connection
	 * @param executor the executor calls run on
	 * @param framing how messages are delimited in both directions
	 */
	protected JsonRpcStreamConnection(String id, @Nullable Principal principal, Map<String, Object> attributes,
			JsonRpcHandler handler, JsonRpcConnectionSettings settings, Executor executor, JsonRpcFraming framing) {
		super(id, principal, attributes, handler, settings, executor);
		Assert.notNull(framing, "Framing is required");
		this.framing = framing;
		this.handler = handler;
		this.inbound = new StreamInbound(this, framing, this::framingFailed);
	}

	/**
	 * Ask the transport to read again, after {@link #read(ByteBuffer)} returned
	 * {@code false}. Called once per pause, on any thread; must not block.
	 */
	protected abstract void resumeReading();

	/**
	 * Read a chunk of the stream.
	 * @param chunk the bytes read, consumed completely
	 * @return whether the transport may read the next chunk now; if not, it waits for
	 * {@link #resumeReading()}
	 */
	public final boolean read(ByteBuffer chunk) {
		received();
		return this.inbound.read(chunk);
	}

	/**
	 * Block until the connection takes messages again, for transports that read on a
	 * thread of their own instead of waiting for {@link #resumeReading()}.
	 * @return {@code false} when the connection closed meanwhile
	 * @throws InterruptedException when the thread is interrupted
	 */
	public final boolean awaitReadable() throws InterruptedException {
		return this.inbound.awaitReadable();
	}

	/**
	 * Tell the connection that the peer will send nothing more (it shut down its output,
	 * as {@code nc -N} does after its input): what it sent is still answered, then the
	 * connection closes.
	 */
	public final void inputEnded() {
		this.inputEnded = true;
		closeIfDone();
	}

	/**
	 * Return whether the stream ended (or ends now) in the middle of a message.
	 * @return {@code true} when part of a message was read
	 */
	public final boolean hasPartialMessage() {
		return this.inbound.hasPartialMessage();
	}

	/**
	 * Return the framing of this connection.
	 * @return the framing
	 */
	public final JsonRpcFraming framing() {
		return this.framing;
	}

	/**
	 * Return a message framed for the stream.
	 * @param message the message
	 * @return the bytes to write
	 */
	protected final byte[] frame(JsonRpcEncodedMessage message) {
		return this.framing.frame(message.toByteArray());
	}

	/**
	 * Return the framed error response to write before the transport closes, if the
	 * connection closes because the stream could not be read.
	 * @return the bytes to write last, {@code null} for none
	 */
	protected final byte @Nullable [] lastWords() {
		return this.lastWords;
	}

	/**
	 * Tell the connection that a write completed: reading may resume.
	 */
	protected final void writeCompleted() {
		flowChanged();
	}

	@Override
	protected void callCompleted() {
		flowChanged();
	}

	/**
	 * A stream has no transport-level ping: a connection with calls in flight is busy,
	 * not idle; one without is closed after the idle timeout unless the peer writes.
	 */
	@Override
	protected void ping() {
		if (inFlight() > 0) {
			received();
		}
		closeIfDone();
	}

	private void flowChanged() {
		if (this.inbound.resume()) {
			resumeReading();
		}
		closeIfDone();
	}

	private void closeIfDone() {
		if (this.inputEnded && isOpen() && this.inbound.isEmpty() && isDrained()) {
			close(JsonRpcCloseReason.NORMAL);
		}
	}

	private void framingFailed(JsonRpcFramingException ex) {
		JsonRpcError error = ex.isTooBig()
				? JsonRpcError.of(JsonRpcErrorCodes.LIMIT_EXCEEDED,
						"Message over the size limit of " + settings().maxMessageSize() + " bytes")
				: JsonRpcError.of(JsonRpcErrorCodes.PARSE_ERROR, "Invalid framing: " + ex.getMessage());
		this.lastWords = this.framing
			.frame(this.handler.codec().encode(JsonRpcResponse.failure(JsonRpcId.NULL, error)));
		close(ex.isTooBig() ? JsonRpcCloseReason.TOO_BIG : JsonRpcCloseReason.NORMAL);
	}

}
