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

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.github.jsonrpc.protocol.JsonRpcEncodedMessage;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.JsonRpcTransportContext;
import io.github.jsonrpc.server.JsonRpcTransportContext.Transport;
import io.github.jsonrpc.server.connection.JsonRpcCloseReason;
import io.github.jsonrpc.server.connection.JsonRpcConnection;
import io.github.jsonrpc.server.connection.JsonRpcConnectionSettings;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;

/**
 * A JSON-RPC connection over one Spring {@link WebSocketSession}: writes through the
 * container's asynchronous API where it offers one (Jakarta WebSocket), else with
 * blocking sends on the writing thread; assembles fragmented messages up to the message
 * size limit; maps close reasons to WebSocket close statuses.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class WebSocketJsonRpcConnection extends JsonRpcConnection {

	private static final Log logger = LogFactory.getLog(WebSocketJsonRpcConnection.class);

	private final WebSocketSession delegate;

	private final Executor executor;

	private final RemoteEndpoint.@Nullable Async remote;

	// Tomcat's session with gathered writes enabled (opt-in, it reaches Tomcat's
	// internals): messages gathered into its buffer, one network write for all those
	// queued meanwhile
	private final @Nullable TomcatFrameWriter frames;

	private final WebSocketMessageAssembler assembler;

	private @Nullable SendHandlers sendHandlers;

	WebSocketJsonRpcConnection(WebSocketSession delegate, JsonRpcHandler handler, JsonRpcConnectionSettings settings,
			Executor executor) {
		this(delegate, handler, settings, executor, false);
	}

	WebSocketJsonRpcConnection(WebSocketSession delegate, JsonRpcHandler handler, JsonRpcConnectionSettings settings,
			Executor executor, boolean tomcatGatheredWrites) {
		super(delegate.getId(), delegate.getPrincipal(), delegate.getAttributes(), handler, settings, executor);
		this.delegate = delegate;
		this.executor = executor;
		this.assembler = new WebSocketMessageAssembler(settings.maxMessageSize(), settings.memoryBudget(),
				budgetHolder());
		// the parts of a message cut short by the close give back their bytes
		onClose(this.assembler::close);
		Session nativeSession = nativeSession(delegate);
		this.remote = (nativeSession != null) ? nativeSession.getAsyncRemote() : null;
		this.frames = (this.remote != null && tomcatGatheredWrites) ? TomcatFrameWriter.of(nativeSession) : null;
		if (this.remote != null) {
			long sendTimeLimit = containerMillis(settings.sendTimeLimit());
			// a write stuck past the send time limit is found by the connection (at the
			// next message, at each keep-alive check): Tomcat's timer costs a
			// registration
			// per message, so it is armed only without keep-alive
			this.remote.setSendTimeout(settings.pingInterval().isZero() ? sendTimeLimit : -1);
			TomcatFrameWriter.limitBlockingSends(nativeSession, sendTimeLimit);
		}
	}

	/**
	 * Return a send time limit as the milliseconds of a container's send timeout.
	 * @param limit the limit
	 * @return at least 1, or {@code -1} (no timeout) for a limit too long to add to the
	 * clock (Tomcat does, where {@link Duration#toMillis()} would have thrown first)
	 */
	static long containerMillis(Duration limit) {
		long millis = TimeUnit.MILLISECONDS.convert(limit);
		return (millis > Long.MAX_VALUE / 2) ? -1 : Math.max(1, millis);
	}

	private static @Nullable Session nativeSession(WebSocketSession session) {
		try {
			WebSocketSession unwrapped = WebSocketSessionDecorator.unwrap(session);
			return (unwrapped instanceof NativeWebSocketSession nativeSession)
					? nativeSession.getNativeSession(Session.class) : null;
		}
		catch (RuntimeException | LinkageError ex) {
			// no Jakarta WebSocket API: blocking sends
			return null;
		}
	}

	static CloseStatus closeStatus(JsonRpcCloseReason reason) {
		return switch (reason) {
			case NORMAL -> CloseStatus.NORMAL;
			case SHUTDOWN -> CloseStatus.GOING_AWAY;
			case IDLE -> JsonRpcWebSocketHandler.IDLE;
			case TOO_BIG -> CloseStatus.TOO_BIG_TO_PROCESS;
			case SLOW_CONSUMER -> JsonRpcWebSocketHandler.SLOW_CONSUMER;
			case OVERLOADED -> CloseStatus.SERVICE_OVERLOAD;
			case UNSUPPORTED_DATA -> JsonRpcWebSocketHandler.BINARY_NOT_SUPPORTED;
		};
	}

	@Override
	public Transport transport() {
		return Transport.WEBSOCKET;
	}

	@Override
	protected void describe(JsonRpcTransportContext.Builder context) {
		context.uri(this.delegate.getUri())
			.remoteAddress(this.delegate.getRemoteAddress())
			.headers(JsonRpcTransportContext.shareableHeaders(this.delegate.getHandshakeHeaders().asMultiValueMap()))
			.nativeRequest(this.delegate);
	}

	@Override
	protected void write(JsonRpcEncodedMessage message, WriteCompletion completion) {
		write(message, false, completion);
	}

	@Override
	protected void write(JsonRpcEncodedMessage message, boolean more, WriteCompletion completion) {
		TomcatFrameWriter frames = this.frames;
		if (frames != null) {
			SendHandlers handlers = sendHandlers(completion);
			frames.send(message, more, handlers.written(), handlers.buffered());
			return;
		}
		RemoteEndpoint.Async remote = this.remote;
		if (remote != null) {
			remote.sendText(message.text(), sendHandlers(completion).written());
			return;
		}
		try {
			this.delegate.sendMessage(new TextMessage(message.text()));
		}
		catch (IOException | RuntimeException ex) {
			completion.completed(ex);
			return;
		}
		completion.completed(null);
	}

	@Override
	protected boolean flush(WriteCompletion completion) {
		TomcatFrameWriter frames = this.frames;
		if (frames == null) {
			return false;
		}
		return frames.flush(sendHandlers(completion).written());
	}

	@Override
	protected void writesIdle() {
		TomcatFrameWriter frames = this.frames;
		if (frames != null) {
			frames.idle();
		}
	}

	// the queue passes the same completion to every write (never concurrent): one
	// pair of handlers per connection rather than one per message
	private SendHandlers sendHandlers(WriteCompletion completion) {
		SendHandlers handlers = this.sendHandlers;
		if (handlers == null || handlers.completion() != completion) {
			handlers = new SendHandlers(completion,
					(result) -> completion.completed(result.isOK() ? null : result.getException()), (result) -> {
						if (result.isOK()) {
							// counted by the queue until the flush
							completion.buffered();
						}
						else {
							completion.completed(result.getException());
						}
					});
			this.sendHandlers = handlers;
		}
		return handlers;
	}

	@Override
	protected void closeTransport(JsonRpcCloseReason reason) {
		TomcatFrameWriter frames = this.frames;
		if (frames != null) {
			// before the close, which writes what Tomcat's buffer holds (blocking, at
			// most
			// Tomcat's blocking send timeout): no message may be batched behind it
			frames.closing();
		}
		CloseStatus status = closeStatus(reason);
		Runnable close = () -> {
			try {
				this.delegate.close(status);
			}
			catch (IOException | RuntimeException ex) {
				logger.debug("Failed to close WebSocket session " + id(), ex);
			}
		};
		try {
			this.executor.execute(close);
		}
		catch (RuntimeException ex) {
			close.run();
		}
	}

	@Override
	protected void ping() {
		this.executor.execute(() -> {
			try {
				this.delegate.sendMessage(new PingMessage());
			}
			catch (IOException | RuntimeException ex) {
				logger.debug("Ping failed on WebSocket session " + id(), ex);
			}
		});
	}

	/**
	 * Add one part of a text message.
	 * @param part the part
	 * @param last whether it is the last part
	 * @return the complete message once the last part arrived, else {@code null} (also
	 * when the message went over the size limit or the memory budget, and the connection
	 * was closed)
	 */
	byte @Nullable [] assemble(String part, boolean last) {
		WebSocketMessageAssembler.Result result = this.assembler.add(part, last);
		JsonRpcCloseReason refused = result.refused();
		if (refused != null) {
			close(refused);
			return null;
		}
		return result.message();
	}

	/**
	 * Return whether part of a fragmented message is waiting for the rest.
	 * @return {@code true} while assembling
	 */
	boolean isAssembling() {
		return this.assembler.isAssembling();
	}

	/**
	 * Return whether this connection gathers its writes in Tomcat's buffer.
	 * @return {@code true} with gathered writes enabled on a Tomcat session whose
	 * internals are reachable
	 */
	boolean gathersWrites() {
		return this.frames != null;
	}

	/**
	 * Return the Spring session of this connection.
	 * @return the session
	 */
	WebSocketSession webSocketSession() {
		return this.delegate;
	}

	/**
	 * The handlers of the writes of one completion: of a message written, and of one that
	 * went into Tomcat's batching buffer.
	 */
	private record SendHandlers(WriteCompletion completion, SendHandler written, SendHandler buffered) {
	}

}
