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

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.github.jsonrpc.protocol.JsonRpcEncodedMessage;

/**
 * Writes to a Tomcat WebSocket session without a thread hand-off per message: the
 * messages are sent as the UTF-8 bytes they were encoded to (no encoding of the text
 * again for every session) into the session's batching buffer, where a send completes at
 * once, and the buffer goes to the network without blocking when it is full and when the
 * connection's queue has nothing more to write ({@link #flush}). Tomcat dispatches the
 * completion of every non-blocking network write to its executor; this way there is one
 * such write, and one hand-off, for all the messages queued meanwhile rather than one per
 * message.
 * <p>
 * The Jakarta API has no non-blocking flush (its {@code flushBatch} blocks until the
 * client takes the bytes): this uses Tomcat's own non-blocking message start
 * ({@code WsRemoteEndpointImplBase.startMessage}, the method behind
 * {@code sendText(String, SendHandler)}), found reflectively. Where it cannot be found
 * (another container, another Tomcat version, a security manager) the connection keeps
 * the standard {@code RemoteEndpoint.Async.sendText}.
 * <p>
 * Every Tomcat session, gathering or not, gets the send time limit as the timeout of
 * Tomcat's blocking sends ({@link #limitBlockingSends}).
 *
 * @author JSON-RPC for Spring Boot team
 */
final class TomcatFrameWriter {

	private static final Log logger = LogFactory.getLog(TomcatFrameWriter.class);

	private static final byte OPCODE_TEXT = 0x01;

	// Tomcat's internal opcode for "write the batching buffer"
	private static final byte OPCODE_FLUSH = 0x18;

	private static final String SESSION_CLASS = "org.apache.tomcat.websocket.WsSession";

	// the session property Tomcat's blocking sends take their timeout from, in
	// milliseconds (a Long, -1 for none), 20 s when unset
	static final String BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

	private static final ClassValue<@Nullable Handles> handles = new ClassValue<>() {

		@Override
		protected @Nullable Handles computeValue(Class<?> type) {
			return Handles.find(type);
		}

	};

	private static final SendHandler IGNORE = (result) -> {
		// a failed write closes the session in Tomcat
	};

	private final Object endpoint;

	private final MethodHandle startMessage;

	// Tomcat's own state of the endpoint: whether sends are gathered in its buffer, the
	// buffer, the permit of the one frame being written
	private final AtomicBoolean batchingAllowed;

	private final ByteBuffer outputBuffer;

	private final Semaphore writePermit;

	private boolean batching;

	// set before the session closes: batching is not turned on again (guarded by this)
	private boolean closing;

	TomcatFrameWriter(Object endpoint, MethodHandle startMessage, AtomicBoolean batchingAllowed,
			ByteBuffer outputBuffer, Semaphore writePermit) {
		this.endpoint = endpoint;
		this.startMessage = startMessage;
		this.batchingAllowed = batchingAllowed;
		this.outputBuffer = outputBuffer;
		this.writePermit = writePermit;
	}

	/**
	 * Return a writer for a session if it is Tomcat's and its internals are reachable.
	 * @param session the session
	 * @return the writer, or {@code null} to use the standard API
	 */
	static @Nullable TomcatFrameWriter of(Session session) {
		return of(session, handles.get(session.getClass()));
	}

	/**
	 * Return a writer for a session, with the handles found for its type.
	 * @param session the session
	 * @param found the handles, {@code null} if its type is not Tomcat's
	 * @return the writer, or {@code null} to use the standard API
	 */
	static @Nullable TomcatFrameWriter of(Session session, @Nullable Handles found) {
		if (found == null) {
			return null;
		}
		try {
			Object endpoint = (Object) found.endpoint().invokeExact((Object) session);
			if (endpoint == null) {
				return null;
			}
			return new TomcatFrameWriter(endpoint, found.startMessage(),
					(AtomicBoolean) found.batchingAllowed().invokeExact(endpoint),
					(ByteBuffer) found.outputBuffer().invokeExact(endpoint),
					(Semaphore) found.writePermit().invokeExact(endpoint));
		}
		catch (Throwable ex) {
			logger.debug("Cannot reach the remote endpoint of Tomcat's WebSocket session", ex);
			return null;
		}
	}

	/**
	 * Bound the blocking sends of a Tomcat session: the close frame and the flush before
	 * it, a ping. Against a client that stopped reading, each would otherwise hold its
	 * thread (the one closing the session, or a ping's) for Tomcat's default of 20 s,
	 * whatever the send time limit. A timeout the application already set on the session
	 * is kept when it is shorter (and positive); a longer one, {@code 0}, or none
	 * ({@code -1}), gives way to the send time limit, which always bounds the close.
	 * Sessions of other containers are left alone.
	 * @param session the session
	 * @param timeoutMillis the timeout in milliseconds, {@code -1} for none
	 */
	static void limitBlockingSends(Session session, long timeoutMillis) {
		if (isTomcat(session.getClass())) {
			Map<String, Object> properties = session.getUserProperties();
			// Tomcat reads only a Long; anything else it ignores for its default of 20 s
			if (!(properties.get(BLOCKING_SEND_TIMEOUT) instanceof Long configured)
					|| !isShorter(configured, timeoutMillis)) {
				properties.put(BLOCKING_SEND_TIMEOUT, timeoutMillis);
			}
		}
	}

	private static boolean isShorter(long configured, long timeoutMillis) {
		// negative: no timeout, longer than any; 0 fails every blocking send at once
		// (the close frame, pings), which an application may have meant as "none"
		return configured > 0 && (timeoutMillis < 0 || configured < timeoutMillis);
	}

	private static boolean isTomcat(Class<?> sessionType) {
		for (Class<?> type = sessionType; type != null; type = type.getSuperclass()) {
			if (SESSION_CLASS.equals(type.getName())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Send one message as a text frame. With more queued behind it (or others already
	 * buffered) it goes into the batching buffer and the handler is called once it is
	 * there (at once, unless the buffer had to be written first); alone, it is written at
	 * once, as {@code sendText} would.
	 * @param message the message
	 * @param more whether more messages are queued behind it
	 * @param written the handler of a message written at once
	 * @param buffered the handler of a message that went into the batching buffer (and
	 * goes to the network with the next {@link #flush})
	 */
	void send(JsonRpcEncodedMessage message, boolean more, SendHandler written, SendHandler buffered) {
		if (more && !this.batching) {
			synchronized (this) {
				if (!this.closing) {
					this.batchingAllowed.set(true);
					this.batching = true;
				}
			}
		}
		start(OPCODE_TEXT, message.asReadOnlyBuffer(), this.batching ? buffered : written);
	}

	/**
	 * Never turn batching on again: called before the session is closed. Tomcat's close
	 * turns batching off and writes what the buffer holds before its close frame; a
	 * message batched after that would stay in the buffer behind the close frame and be
	 * lost (Tomcat's warning {@code wsRemoteEndpoint.flushOnCloseFailed}). A message sent
	 * from now on is written at once.
	 */
	void closing() {
		synchronized (this) {
			this.closing = true;
		}
	}

	/**
	 * Write the batching buffer without blocking, if messages were buffered.
	 * @param handler called once it is written
	 * @return whether a write was started (else the handler is never called)
	 */
	boolean flush(SendHandler handler) {
		if (!this.batching) {
			return false;
		}
		start(OPCODE_FLUSH, null, handler);
		return true;
	}

	/**
	 * Stop batching until the next message, so that the frames Tomcat sends by itself (a
	 * pong, a ping of the keep-alive) are not held in the buffer meanwhile. Called when
	 * the buffer was just written: a frame that went into it since (or is going into it
	 * now) is written without blocking.
	 */
	void idle() {
		if (!this.batching) {
			return;
		}
		this.batching = false;
		// not setBatchingAllowed(false): its flush blocks, and costs a network write
		this.batchingAllowed.set(false);
		// a frame is buffered by whoever holds the permit: once it is free, what it
		// wrote to the buffer is visible
		if (this.writePermit.availablePermits() > 0 && this.outputBuffer.position() == 0) {
			return;
		}
		try {
			start(OPCODE_FLUSH, null, IGNORE);
		}
		catch (RuntimeException ex) {
			// the session is closing: nothing is left to deliver
			logger.debug("Failed to flush a WebSocket session", ex);
		}
	}

	private void start(byte opCode, @Nullable ByteBuffer payload, SendHandler handler) {
		try {
			this.startMessage.invokeExact(this.endpoint, opCode, payload, true, handler);
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The reflective handles on Tomcat's session and remote endpoint.
	 */
	record Handles(MethodHandle endpoint, MethodHandle startMessage, MethodHandle batchingAllowed,
			MethodHandle outputBuffer, MethodHandle writePermit) {

		static @Nullable Handles find(Class<?> sessionType) {
			Class<?> session = sessionType;
			while (session != null && !SESSION_CLASS.equals(session.getName())) {
				session = session.getSuperclass();
			}
			if (session == null) {
				return null;
			}
			try {
				Field field = session.getDeclaredField("wsRemoteEndpoint");
				Class<?> endpointType = field.getType();
				Method start = endpointType.getDeclaredMethod("startMessage", byte.class, ByteBuffer.class,
						boolean.class, SendHandler.class);
				start.setAccessible(true);
				MethodHandles.Lookup lookup = MethodHandles.lookup();
				MethodHandle startMessage = lookup.unreflect(start)
					.asType(MethodType.methodType(void.class, Object.class, byte.class, ByteBuffer.class, boolean.class,
							SendHandler.class));
				return new Handles(getter(lookup, field, Object.class), startMessage,
						getter(lookup, endpointType.getDeclaredField("batchingAllowed"), AtomicBoolean.class),
						getter(lookup, endpointType.getDeclaredField("outputBuffer"), ByteBuffer.class),
						getter(lookup, endpointType.getDeclaredField("messagePartInProgress"), Semaphore.class));
			}
			catch (ReflectiveOperationException | RuntimeException | LinkageError ex) {
				logger.debug("Tomcat's WebSocket internals not reachable, sending with RemoteEndpoint.Async", ex);
				return null;
			}
		}

		private static MethodHandle getter(MethodHandles.Lookup lookup, Field field, Class<?> type)
				throws IllegalAccessException {
			if (!type.isAssignableFrom(field.getType())) {
				throw new IllegalStateException("Unexpected type of " + field);
			}
			field.setAccessible(true);
			return lookup.unreflectGetter(field).asType(MethodType.methodType(type, Object.class));
		}

	}

}
