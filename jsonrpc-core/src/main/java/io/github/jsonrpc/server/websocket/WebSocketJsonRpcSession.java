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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.JsonRpcSession;
import io.github.jsonrpc.server.JsonRpcStreamSink;
import jakarta.websocket.Session;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;

/**
 * The {@link JsonRpcSession} of one WebSocket connection.
 *
 * <p>
 * Everything sent (responses, notifications, stream items) goes through one bounded,
 * ordered outbound queue, written with non-blocking sends, so no caller ever waits for a
 * slow client. Slow-consumer policy: when the queue holds more than its message or byte
 * limit, or a single send takes longer than the send time limit, the queue is dropped,
 * the session is unregistered at once (its subscriptions go with it) and the connection
 * is closed with {@link #SLOW_CONSUMER 1008 "slow consumer"}.
 *
 * <p>
 * {@link #principal()} is the handshake principal unless the attribute
 * {@link #PRINCIPAL_ATTRIBUTE} holds a replacement (e.g. set by an {@code rpc.login}
 * method).
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class WebSocketJsonRpcSession implements JsonRpcSession {

	/**
	 * Name of the session attribute that, when it holds a {@link Principal}, replaces the
	 * handshake principal of the connection.
	 */
	public static final String PRINCIPAL_ATTRIBUTE = WebSocketJsonRpcSession.class.getName() + ".principal";

	/** Method name of the notifications carrying the items of a streamed result. */
	public static final String STREAM_METHOD = "rpc.stream";

	/** Close status used when the client does not read fast enough. */
	public static final CloseStatus SLOW_CONSUMER = CloseStatus.POLICY_VIOLATION.withReason("slow consumer");

	private static final Log logger = LogFactory.getLog(WebSocketJsonRpcSession.class);

	private final WebSocketSession delegate;

	private final JsonMapper mapper;

	private final Map<String, Object> attributes;

	private final WebSocketOutbound outbound;

	private final Executor executor;

	private final Map<JsonRpcId, Runnable> cancellers = new ConcurrentHashMap<>();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicBoolean closed = new AtomicBoolean();

	private final List<String> held = new ArrayList<>();

	private int holds;

	private final Object partialMonitor = new Object();

	/**
	 * The parts of a fragmented message so far; {@code null} between messages so an idle
	 * connection keeps no buffer sized for its largest message.
	 */
	private @Nullable ByteArrayOutputStream partial;

	private volatile long lastReceived = System.nanoTime();

	private volatile Runnable onClose = () -> {
	};

	WebSocketJsonRpcSession(WebSocketSession delegate, JsonMapper mapper, int maxOutboundMessages,
			long maxOutboundBytes, Duration sendTimeLimit, Executor executor) {
		this.delegate = delegate;
		this.mapper = mapper;
		this.executor = executor;
		this.attributes = new ConcurrentHashMap<>(delegate.getAttributes());
		Session nativeSession = nativeSession(delegate);
		Runnable onFailure = () -> close(SLOW_CONSUMER);
		this.outbound = (nativeSession != null)
				? WebSocketOutbound.async(nativeSession.getAsyncRemote(), maxOutboundMessages, maxOutboundBytes,
						sendTimeLimit, executor, onFailure)
				: WebSocketOutbound.decorated(delegate, maxOutboundMessages, maxOutboundBytes, sendTimeLimit,
						onFailure);
	}

	private static @Nullable Session nativeSession(WebSocketSession session) {
		try {
			WebSocketSession unwrapped = WebSocketSessionDecorator.unwrap(session);
			return (unwrapped instanceof NativeWebSocketSession nativeSession)
					? nativeSession.getNativeSession(Session.class) : null;
		}
		catch (RuntimeException | LinkageError ex) {
			return null;
		}
	}

	@Override
	public String id() {
		return this.delegate.getId();
	}

	@Override
	public @Nullable Principal principal() {
		return (this.attributes.get(PRINCIPAL_ATTRIBUTE) instanceof Principal replacement) ? replacement
				: this.delegate.getPrincipal();
	}

	@Override
	public Map<String, Object> attributes() {
		return this.attributes;
	}

	@Override
	public boolean isOpen() {
		return !this.closed.get() && this.delegate.isOpen();
	}

	@Override
	public boolean notify(String method, @Nullable Object params) {
		ObjectNode message = this.mapper.createObjectNode();
		message.put("jsonrpc", JsonRpcMessageCodec.VERSION);
		message.put("method", method);
		if (params != null) {
			message.set("params", this.mapper.valueToTree(params));
		}
		String text = this.mapper.writeValueAsString(message);
		synchronized (this.held) {
			if (this.holds > 0) {
				if (this.held.size() >= this.outbound.maxMessages()) {
					close(SLOW_CONSUMER);
					return false;
				}
				this.held.add(text);
				return isOpen();
			}
			return send(text, null);
		}
	}

	/**
	 * Assemble a message from its parts.
	 * @param part the text of this part
	 * @param last whether it is the last part
	 * @param maxBytes the largest message accepted, in UTF-8 bytes
	 * @return the whole message once the last part arrived, or {@code null} when more is
	 * to come or the message is too big, in which case the connection is closed with
	 * {@code 1009}
	 */
	byte @Nullable [] assemble(String part, boolean last, int maxBytes) {
		byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
		synchronized (this.partialMonitor) {
			ByteArrayOutputStream partial = this.partial;
			int size = (partial != null) ? partial.size() : 0;
			if (size + bytes.length > maxBytes) {
				this.partial = null;
				close(CloseStatus.TOO_BIG_TO_PROCESS);
				return null;
			}
			if (partial == null) {
				if (last) {
					return bytes;
				}
				partial = new ByteArrayOutputStream((int) Math.min(2L * bytes.length, maxBytes));
				this.partial = partial;
			}
			partial.writeBytes(bytes);
			if (!last) {
				return null;
			}
			this.partial = null;
			return partial.toByteArray();
		}
	}

	/**
	 * Return whether parts of a fragmented message are held.
	 * @return {@code true} while a message is being assembled
	 */
	boolean isAssembling() {
		synchronized (this.partialMonitor) {
			return this.partial != null;
		}
	}

	/**
	 * Hold back notifications until {@link #release()}; holds nest.
	 */
	void hold() {
		synchronized (this.held) {
			this.holds++;
		}
	}

	/**
	 * Queue a reply, then end one hold: when none is left, queue the held notifications.
	 * @param reply the reply, or {@code null} when there is none
	 */
	void sendAndRelease(@Nullable String reply) {
		synchronized (this.held) {
			if (reply != null) {
				send(reply, null);
			}
			this.holds--;
			if (this.holds == 0 && !this.held.isEmpty()) {
				List<String> toSend = new ArrayList<>(this.held);
				this.held.clear();
				for (String text : toSend) {
					if (!send(text, null)) {
						break;
					}
				}
			}
		}
	}

	/**
	 * Return the underlying Spring session.
	 * @return the WebSocket session
	 */
	public WebSocketSession webSocketSession() {
		return this.delegate;
	}

	/**
	 * Return the number of messages waiting to be written.
	 * @return the queue length
	 */
	public int outboundQueueSize() {
		return this.outbound.size();
	}

	boolean send(String text, @Nullable Runnable whenRoom) {
		if (!isOpen()) {
			return false;
		}
		if (!this.outbound.offer(text, whenRoom)) {
			close(SLOW_CONSUMER);
			return false;
		}
		return true;
	}

	AtomicInteger inFlight() {
		return this.inFlight;
	}

	void received() {
		this.lastReceived = System.nanoTime();
	}

	long lastReceived() {
		return this.lastReceived;
	}

	void onClose(Runnable onClose) {
		this.onClose = onClose;
	}

	void registerCanceller(JsonRpcId id, Runnable canceller) {
		this.cancellers.put(id, canceller);
	}

	void removeCanceller(JsonRpcId id, Runnable canceller) {
		this.cancellers.remove(id, canceller);
	}

	boolean cancel(JsonRpcId id) {
		Runnable canceller = this.cancellers.remove(id);
		if (canceller == null) {
			return false;
		}
		canceller.run();
		return true;
	}

	/**
	 * Close the connection: stop sending, cancel every call and stream it started and
	 * unregister it. The close frame is written on another thread, so a stuck client
	 * never blocks the caller.
	 * @param status the close status
	 */
	public void close(CloseStatus status) {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		if (status.equals(SLOW_CONSUMER) && logger.isWarnEnabled()) {
			logger.warn("Closing WebSocket session " + id() + ": slow consumer, " + this.outbound.size()
					+ " messages queued");
		}
		this.outbound.close();
		cancelAll();
		this.onClose.run();
		this.executor.execute(() -> {
			try {
				this.delegate.close(status);
			}
			catch (IOException | RuntimeException ex) {
				logger.debug("Failed to close WebSocket session " + id(), ex);
			}
		});
	}

	void closed() {
		this.closed.set(true);
		this.outbound.close();
		cancelAll();
		this.onClose.run();
	}

	private void cancelAll() {
		List<Runnable> all = new ArrayList<>(this.cancellers.values());
		this.cancellers.clear();
		all.forEach(Runnable::run);
	}

	JsonRpcStreamSink streamSink() {
		return new StreamSink();
	}

	@Override
	public String toString() {
		return "WebSocketJsonRpcSession[" + id() + "]";
	}

	/**
	 * Sends the items of streamed results as {@code rpc.stream} notifications.
	 */
	private final class StreamSink implements JsonRpcStreamSink {

		private final Map<JsonRpcExchange, Runnable> opened = Collections.synchronizedMap(new IdentityHashMap<>());

		@Override
		public void open(JsonRpcExchange exchange, Runnable cancel) {
			JsonRpcId id = exchange.id();
			if (id != null) {
				this.opened.put(exchange, cancel);
				registerCanceller(id, cancel);
			}
		}

		@Override
		public boolean item(JsonRpcExchange exchange, @Nullable Object item, Runnable requestNext) {
			JsonRpcId id = exchange.id();
			ObjectNode params = WebSocketJsonRpcSession.this.mapper.createObjectNode();
			params.set("id", (id != null) ? id.value() : null);
			params.set("item", WebSocketJsonRpcSession.this.mapper.valueToTree(item));
			ObjectNode message = WebSocketJsonRpcSession.this.mapper.createObjectNode();
			message.put("jsonrpc", JsonRpcMessageCodec.VERSION);
			message.put("method", STREAM_METHOD);
			message.set("params", params);
			return send(WebSocketJsonRpcSession.this.mapper.writeValueAsString(message), requestNext);
		}

		@Override
		public void close(JsonRpcExchange exchange) {
			JsonRpcId id = exchange.id();
			Runnable cancel = this.opened.remove(exchange);
			if (id != null && cancel != null) {
				// only this stream's canceller: a later call may reuse the id
				removeCanceller(id, cancel);
			}
		}

	}

}
