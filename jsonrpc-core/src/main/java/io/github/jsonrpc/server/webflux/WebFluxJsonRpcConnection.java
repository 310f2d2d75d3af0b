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
package io.github.jsonrpc.server.webflux;

import java.security.Principal;
import java.util.concurrent.Executor;

import io.github.jsonrpc.protocol.JsonRpcEncodedMessage;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.JsonRpcTransportContext;
import io.github.jsonrpc.server.JsonRpcTransportContext.Transport;
import io.github.jsonrpc.server.connection.JsonRpcCloseReason;
import io.github.jsonrpc.server.connection.JsonRpcConnection;
import io.github.jsonrpc.server.connection.JsonRpcConnectionSettings;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;

/**
 * A JSON-RPC connection over one reactive {@link WebSocketSession}. A message counts as
 * written once the session's outbound has demand for it, that is once Reactor Netty can
 * take it without going over its channel's write buffer: a client that does not read
 * stops the demand, its queue fills up and it is closed as a slow consumer, as on the
 * Servlet stack.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class WebFluxJsonRpcConnection extends JsonRpcConnection {

	private static final Log logger = LogFactory.getLog(WebFluxJsonRpcConnection.class);

	/**
	 * Close status of a connection that received a binary message: the one of the Servlet
	 * stack.
	 */
	static final CloseStatus BINARY_NOT_SUPPORTED = CloseStatus.NOT_ACCEPTABLE
		.withReason("Binary messages not supported");

	private final WebSocketSession session;

	private final Object monitor = new Object();

	private @Nullable FluxSink<WebSocketMessage> sink;

	private @Nullable PendingWrite pending;

	WebFluxJsonRpcConnection(WebSocketSession session, @Nullable Principal principal, JsonRpcHandler handler,
			JsonRpcConnectionSettings settings, Executor executor) {
		super(session.getId(), principal, session.getAttributes(), handler, settings, executor);
		this.session = session;
	}

	static CloseStatus closeStatus(JsonRpcCloseReason reason) {
		return switch (reason) {
			case NORMAL -> CloseStatus.NORMAL;
			case SHUTDOWN -> CloseStatus.GOING_AWAY;
			case IDLE -> JsonRpcWebSocketHandler.IDLE;
			case TOO_BIG -> CloseStatus.TOO_BIG_TO_PROCESS;
			case SLOW_CONSUMER -> JsonRpcWebSocketHandler.SLOW_CONSUMER;
			case OVERLOADED -> CloseStatus.SERVICE_OVERLOAD;
			case UNSUPPORTED_DATA -> BINARY_NOT_SUPPORTED;
		};
	}

	/**
	 * Return what the session sends: the messages of this connection and its pings.
	 * @return the outbound messages
	 */
	Flux<WebSocketMessage> outbound() {
		return Flux.create((sink) -> {
			synchronized (this.monitor) {
				this.sink = sink;
			}
			sink.onRequest((n) -> flush());
			flush();
		});
	}

	/**
	 * Handle one inbound WebSocket message: text is a JSON-RPC message, a pong only shows
	 * the client is alive, a binary message closes the connection with {@code 1003}.
	 * @param message the message
	 */
	void handle(WebSocketMessage message) {
		received();
		if (message.getType() == WebSocketMessage.Type.BINARY) {
			// refused as on the Servlet stack, same status and reason, rather than
			// dropped without the client knowing; the connection is closed first, so
			// that nothing received after it runs
			close(JsonRpcCloseReason.UNSUPPORTED_DATA);
			return;
		}
		if (message.getType() != WebSocketMessage.Type.TEXT) {
			return;
		}
		DataBuffer payload = message.getPayload();
		if (payload.readableByteCount() > settings().maxMessageSize()) {
			close(JsonRpcCloseReason.TOO_BIG);
			return;
		}
		byte[] bytes = new byte[payload.readableByteCount()];
		payload.read(bytes);
		receive(bytes);
	}

	@Override
	public Transport transport() {
		return Transport.WEBSOCKET;
	}

	@Override
	protected void describe(JsonRpcTransportContext.Builder context) {
		HandshakeInfo handshake = this.session.getHandshakeInfo();
		context.uri(handshake.getUri())
			.remoteAddress(handshake.getRemoteAddress())
			.headers(JsonRpcTransportContext.shareableHeaders(handshake.getHeaders().asMultiValueMap()))
			.nativeRequest(this.session);
	}

	@Override
	protected void write(JsonRpcEncodedMessage message, WriteCompletion completion) {
		FluxSink<WebSocketMessage> current;
		synchronized (this.monitor) {
			current = this.sink;
			if (current == null || this.pending != null || current.requestedFromDownstream() <= 0) {
				// sent once the session asks for more
				this.pending = new PendingWrite(message, completion);
				return;
			}
		}
		// the usual case, the session asked for more: no pending write per message
		send(current, message, completion);
	}

	private void flush() {
		FluxSink<WebSocketMessage> current;
		PendingWrite write;
		synchronized (this.monitor) {
			current = this.sink;
			write = this.pending;
			if (current == null || write == null || current.requestedFromDownstream() <= 0) {
				return;
			}
			this.pending = null;
		}
		send(current, write.message(), write.completion());
	}

	private void send(FluxSink<WebSocketMessage> sink, JsonRpcEncodedMessage message, WriteCompletion completion) {
		// the encoded bytes as they are: a publication is not encoded again per
		// subscriber
		sink.next(new WebSocketMessage(WebSocketMessage.Type.TEXT,
				this.session.bufferFactory().wrap(message.asReadOnlyBuffer())));
		completion.completed(null);
	}

	@Override
	protected void closeTransport(JsonRpcCloseReason reason) {
		this.session.close(closeStatus(reason))
			.subscribe(null, (ex) -> logger.debug("Failed to close WebSocket session " + id(), ex));
	}

	@Override
	protected void ping() {
		FluxSink<WebSocketMessage> current;
		synchronized (this.monitor) {
			current = this.sink;
		}
		if (current != null) {
			current.next(this.session.pingMessage((factory) -> factory.allocateBuffer(0)));
		}
	}

	/**
	 * Return the session of this connection.
	 * @return the session
	 */
	WebSocketSession webSocketSession() {
		return this.session;
	}

	private record PendingWrite(JsonRpcEncodedMessage message, WriteCompletion completion) {
	}

}
