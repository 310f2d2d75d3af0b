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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.jsonrpc.protocol.JsonRpcError;
import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcInbound;
import io.github.jsonrpc.protocol.JsonRpcMessage;
import io.github.jsonrpc.protocol.JsonRpcReply;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import io.github.jsonrpc.pubsub.JsonRpcSessionRegistry;
import io.github.jsonrpc.pubsub.JsonRpcSubscriptionRegistry;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.JsonRpcReplyCallbacks;
import io.github.jsonrpc.server.JsonRpcStreamSink;
import io.github.jsonrpc.server.JsonRpcTransportContext;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * Serves JSON-RPC over WebSocket through the shared {@link JsonRpcHandler}: one text
 * frame is one message (single or batch); calls of one connection run concurrently on the
 * executor and are answered as they complete, each response carrying its id.
 *
 * <ul>
 * <li>A bad message gets its error response; it never closes the connection. A frame
 * above the size limit closes it with {@code 1009}.</li>
 * <li>At most {@code maxInFlight} messages run at once per connection; more are answered
 * with {@code -32005} at once.</li>
 * <li>The notification
 * {@code {"jsonrpc":"2.0","method":"rpc.cancel","params":{"id":<id>}}} cancels a running
 * call or stream of this connection: a stream ends with a {@code -32006} error response,
 * a plain call is answered with {@code -32006} at once and its later result dropped.
 * Closing the connection cancels everything it started.</li>
 * <li>Keep-alive: a ping every {@code pingInterval}; a connection silent (no message, no
 * pong) for {@code idleTimeout} is closed with {@code 1001}.</li>
 * </ul>
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcWebSocketHandler extends TextWebSocketHandler implements SmartLifecycle {

	/** Method name of the cancel notification. */
	public static final String CANCEL_METHOD = "rpc.cancel";

	/** Name of the transport-context attribute holding the {@link WebSocketSession}. */
	public static final String WEB_SOCKET_SESSION_ATTRIBUTE = JsonRpcWebSocketHandler.class.getName()
			+ ".webSocketSession";

	/** Close status of a connection idle for longer than the idle timeout. */
	public static final CloseStatus IDLE = CloseStatus.GOING_AWAY.withReason("idle");

	private static final Log logger = LogFactory.getLog(JsonRpcWebSocketHandler.class);

	private final JsonRpcHandler handler;

	private final JsonRpcSessionRegistry sessionRegistry;

	private final Executor executor;

	private final Map<String, WebSocketJsonRpcSession> sessions = new ConcurrentHashMap<>();

	private int maxMessageSize = 1024 * 1024;

	private int maxInFlight = 256;

	private int maxOutboundMessages = 1024;

	private long maxOutboundBytes = 16L * 1024 * 1024;

	private Duration sendTimeLimit = Duration.ofSeconds(10);

	private final Object lifecycleMonitor = new Object();

	private WebSocketKeepAlive keepAlive;

	private boolean running;

	/**
	 * Create a new instance.
	 * @param handler the shared JSON-RPC handler
	 * @param sessionRegistry where open sessions are registered
	 * @param executor runs the calls and the writes of close frames
	 */
	public JsonRpcWebSocketHandler(JsonRpcHandler handler, JsonRpcSessionRegistry sessionRegistry, Executor executor) {
		Assert.notNull(handler, "Handler is required");
		Assert.notNull(sessionRegistry, "SessionRegistry is required");
		Assert.notNull(executor, "Executor is required");
		this.handler = handler;
		this.sessionRegistry = sessionRegistry;
		this.executor = executor;
		this.keepAlive = new WebSocketKeepAlive(Duration.ofSeconds(30), Duration.ofSeconds(90), executor,
				this.sessions::values);
	}

	/**
	 * Remove the subscriptions of each session when it closes.
	 * @param subscriptions the subscription registry
	 * @return this handler
	 */
	public JsonRpcWebSocketHandler cleanUp(JsonRpcSubscriptionRegistry subscriptions) {
		this.sessionRegistry.addRemovalListener(subscriptions::removeSession);
		return this;
	}

	/**
	 * Set the largest text message accepted, in bytes; a larger one closes the connection
	 * with {@code 1009}.
	 * @param maxMessageSize the limit
	 */
	public void setMaxMessageSize(int maxMessageSize) {
		Assert.isTrue(maxMessageSize > 0, "maxMessageSize must be positive");
		this.maxMessageSize = maxMessageSize;
	}

	/**
	 * Set how many messages of one connection may run at once.
	 * @param maxInFlight the limit
	 */
	public void setMaxInFlight(int maxInFlight) {
		Assert.isTrue(maxInFlight > 0, "maxInFlight must be positive");
		this.maxInFlight = maxInFlight;
	}

	/**
	 * Set the limits of the outbound queue of one connection.
	 * @param maxMessages the most messages waiting
	 * @param maxBytes the most characters waiting
	 * @param sendTimeLimit the longest a single write may take
	 */
	public void setOutboundLimits(int maxMessages, long maxBytes, Duration sendTimeLimit) {
		Assert.isTrue(maxMessages > 0, "maxMessages must be positive");
		Assert.isTrue(maxBytes > 0, "maxBytes must be positive");
		Assert.isTrue(!sendTimeLimit.isNegative() && !sendTimeLimit.isZero(), "sendTimeLimit must be positive");
		this.maxOutboundMessages = maxMessages;
		this.maxOutboundBytes = maxBytes;
		this.sendTimeLimit = sendTimeLimit;
	}

	/**
	 * Set the keep-alive: the ping interval ({@link Duration#ZERO} for none) and how long
	 * a connection may stay silent.
	 * @param pingInterval the ping interval
	 * @param idleTimeout the idle timeout
	 */
	public void setKeepAlive(Duration pingInterval, Duration idleTimeout) {
		Assert.isTrue(!pingInterval.isNegative(), "pingInterval must not be negative");
		Assert.isTrue(!idleTimeout.isNegative() && !idleTimeout.isZero(), "idleTimeout must be positive");
		synchronized (this.lifecycleMonitor) {
			Assert.state(!this.running, "Keep-alive cannot change while running");
			this.keepAlive = new WebSocketKeepAlive(pingInterval, idleTimeout, this.executor, this.sessions::values);
		}
	}

	/**
	 * Return the open sessions of this handler.
	 * @return a snapshot
	 */
	public List<WebSocketJsonRpcSession> sessions() {
		return new ArrayList<>(this.sessions.values());
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession webSocketSession) {
		WebSocketJsonRpcSession session = new WebSocketJsonRpcSession(webSocketSession, this.handler.codec().mapper(),
				this.maxOutboundMessages, this.maxOutboundBytes, this.sendTimeLimit, this.executor);
		session.onClose(() -> remove(session));
		this.sessions.put(webSocketSession.getId(), session);
		this.sessionRegistry.register(session);
		if (logger.isDebugEnabled()) {
			logger.debug("WebSocket session " + webSocketSession.getId() + " opened from "
					+ webSocketSession.getRemoteAddress());
		}
	}

	@Override
	protected void handleTextMessage(WebSocketSession webSocketSession, TextMessage message) {
		WebSocketJsonRpcSession session = this.sessions.get(webSocketSession.getId());
		if (session == null || !session.isOpen()) {
			return;
		}
		session.received();
		byte[] input = session.assemble(message.getPayload(), message.isLast(), this.maxMessageSize);
		if (input == null) {
			// more parts to come, or too big (and the connection closed with 1009)
			return;
		}
		// decoding never throws: malformed input becomes an error entry answered below
		JsonRpcInbound inbound = this.handler.codec().decodeRequests(input);
		if (isCancel(inbound)) {
			cancel(session, (JsonRpcRequest) inbound.entries().get(0));
			return;
		}
		if (session.inFlight().incrementAndGet() > this.maxInFlight) {
			session.inFlight().decrementAndGet();
			rejectTooBusy(session, inbound);
			return;
		}
		// register for cancellation here, in arrival order, before the call can run
		Call call = new Call(session, cancellableId(inbound));
		try {
			this.executor.execute(() -> dispatch(call, inbound));
		}
		catch (RuntimeException ex) {
			call.unregister();
			session.inFlight().decrementAndGet();
			rejectTooBusy(session, inbound);
		}
	}

	private void dispatch(Call call, JsonRpcInbound inbound) {
		WebSocketJsonRpcSession session = call.session;
		JsonRpcReplyCallbacks callbacks = new JsonRpcReplyCallbacks(session::hold);
		JsonRpcTransportContext context = context(session, callbacks);
		CompletableFuture<JsonRpcReply> reply;
		try {
			reply = this.handler.handle(inbound, context);
		}
		catch (RuntimeException ex) {
			reply = CompletableFuture.failedFuture(ex);
		}
		reply.whenComplete((result, ex) -> {
			session.inFlight().decrementAndGet();
			call.unregister();
			if (ex != null) {
				logger.error("JSON-RPC handler failed on WebSocket session " + session.id(), ex);
			}
			// every call is answered: when the handler failed, with -32603
			JsonRpcReply answer = (ex != null)
					? failures(inbound, JsonRpcError.standard(JsonRpcErrorCodes.INTERNAL_ERROR)) : result;
			String text = (!answer.isEmpty() && call.answer()) ? this.handler.codec().encodeToString(answer) : null;
			if (callbacks.isDeferring()) {
				session.sendAndRelease(text);
			}
			else if (text != null) {
				session.send(text, null);
			}
			callbacks.run();
		});
	}

	/**
	 * One message being handled, cancellable by id when it is a single call.
	 */
	private final class Call implements Runnable {

		final WebSocketJsonRpcSession session;

		final @Nullable JsonRpcId id;

		private final AtomicBoolean answered = new AtomicBoolean();

		Call(WebSocketJsonRpcSession session, @Nullable JsonRpcId id) {
			this.session = session;
			this.id = id;
			if (id != null) {
				session.registerCanceller(id, this);
			}
		}

		/**
		 * Cancel: a plain call cannot be interrupted, so answer now and drop its result.
		 * A stream replaces this canceller with its own when it starts.
		 */
		@Override
		public void run() {
			if (this.id != null && answer()) {
				send(this.session, JsonRpcReply.single(JsonRpcResponse.failure(this.id, cancelled())));
			}
		}

		boolean answer() {
			return this.answered.compareAndSet(false, true);
		}

		void unregister() {
			if (this.id != null) {
				this.session.removeCanceller(this.id, this);
			}
		}

	}

	private JsonRpcTransportContext context(WebSocketJsonRpcSession session, JsonRpcReplyCallbacks callbacks) {
		WebSocketSession webSocketSession = session.webSocketSession();
		JsonRpcTransportContext.Builder context = JsonRpcTransportContext
			.builder(JsonRpcTransportContext.Transport.WEBSOCKET)
			.uri(webSocketSession.getUri())
			.remoteAddress(webSocketSession.getRemoteAddress())
			.principal(session.principal())
			.session(session)
			.attribute(WEB_SOCKET_SESSION_ATTRIBUTE, webSocketSession)
			.attribute(JsonRpcStreamSink.ATTRIBUTE, session.streamSink())
			.attribute(JsonRpcReplyCallbacks.ATTRIBUTE, callbacks);
		webSocketSession.getHandshakeHeaders().forEach(context::header);
		return context.build();
	}

	private static @Nullable JsonRpcId cancellableId(JsonRpcInbound inbound) {
		if (!inbound.batch() && inbound.entries().get(0) instanceof JsonRpcRequest request) {
			return request.id();
		}
		return null;
	}

	private static boolean isCancel(JsonRpcInbound inbound) {
		return !inbound.batch() && inbound.entries().get(0) instanceof JsonRpcRequest request
				&& CANCEL_METHOD.equals(request.method()) && request.id() == null;
	}

	private void cancel(WebSocketJsonRpcSession session, JsonRpcRequest request) {
		JsonNode params = request.params();
		JsonNode id = (params == null) ? null : params.isArray() ? params.get(0) : params.get("id");
		if (id != null && JsonRpcId.isValid(id)) {
			boolean cancelled = session.cancel(JsonRpcId.of(id));
			if (logger.isDebugEnabled()) {
				logger.debug("Cancel of call " + id + " on WebSocket session " + session.id()
						+ (cancelled ? "" : ": no such call running"));
			}
		}
	}

	private void rejectTooBusy(WebSocketJsonRpcSession session, JsonRpcInbound inbound) {
		JsonRpcReply reply = failures(inbound, new JsonRpcError(JsonRpcErrorCodes.LIMIT_EXCEEDED,
				"Too many calls in flight on this connection (at most " + this.maxInFlight + ")", null));
		if (!reply.isEmpty()) {
			send(session, reply);
		}
	}

	/**
	 * Answer every call of a message with the same error, and every entry that could not
	 * be decoded with its own.
	 * @param inbound the message
	 * @param error the error of each call
	 * @return the reply, empty when the message holds only notifications
	 */
	private static JsonRpcReply failures(JsonRpcInbound inbound, JsonRpcError error) {
		List<JsonRpcResponse> responses = new ArrayList<>();
		for (JsonRpcMessage entry : inbound.entries()) {
			if (entry instanceof JsonRpcRequest request && request.id() != null) {
				responses.add(JsonRpcResponse.failure(request.id(), error));
			}
			else if (entry instanceof JsonRpcResponse.Failure failure) {
				responses.add(failure);
			}
		}
		if (responses.isEmpty()) {
			return JsonRpcReply.empty();
		}
		return inbound.batch() ? JsonRpcReply.batch(responses) : JsonRpcReply.single(responses.get(0));
	}

	private static JsonRpcError cancelled() {
		return new JsonRpcError(JsonRpcErrorCodes.REQUEST_CANCELLED,
				JsonRpcErrorCodes.defaultMessage(JsonRpcErrorCodes.REQUEST_CANCELLED), null);
	}

	private void send(WebSocketJsonRpcSession session, JsonRpcReply reply) {
		session.send(this.handler.codec().encodeToString(reply), null);
	}

	/**
	 * Take messages in parts, assembled by the session up to the size limit: the
	 * container's own limit would allocate a buffer that large for every connection.
	 */
	@Override
	public boolean supportsPartialMessages() {
		return true;
	}

	@Override
	protected void handlePongMessage(WebSocketSession webSocketSession, PongMessage message) {
		WebSocketJsonRpcSession session = this.sessions.get(webSocketSession.getId());
		if (session != null) {
			session.received();
		}
	}

	@Override
	public void handleTransportError(WebSocketSession webSocketSession, Throwable exception) {
		if (logger.isDebugEnabled()) {
			logger.debug("Transport error on WebSocket session " + webSocketSession.getId(), exception);
		}
	}

	@Override
	public void afterConnectionClosed(WebSocketSession webSocketSession, CloseStatus status) {
		WebSocketJsonRpcSession session = this.sessions.get(webSocketSession.getId());
		if (session != null) {
			session.closed();
		}
		if (logger.isDebugEnabled()) {
			logger.debug("WebSocket session " + webSocketSession.getId() + " closed: " + status);
		}
	}

	private void remove(WebSocketJsonRpcSession session) {
		this.sessions.remove(session.id(), session);
		this.sessionRegistry.unregister(session);
	}

	@Override
	public void start() {
		synchronized (this.lifecycleMonitor) {
			this.keepAlive.start();
			this.running = true;
		}
	}

	@Override
	public void stop() {
		synchronized (this.lifecycleMonitor) {
			this.keepAlive.stop();
			this.running = false;
		}
		for (WebSocketJsonRpcSession session : this.sessions.values()) {
			session.close(CloseStatus.GOING_AWAY);
		}
	}

	@Override
	public boolean isRunning() {
		synchronized (this.lifecycleMonitor) {
			return this.running;
		}
	}

}
