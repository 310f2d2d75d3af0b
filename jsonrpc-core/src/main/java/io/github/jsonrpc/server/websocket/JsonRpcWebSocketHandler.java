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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.JsonRpcSession;
import io.github.jsonrpc.server.JsonRpcSessionRegistry;
import io.github.jsonrpc.server.connection.JsonRpcCloseReason;
import io.github.jsonrpc.server.connection.JsonRpcConnectionSettings;
import io.github.jsonrpc.server.connection.JsonRpcKeepAlive;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.Assert;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * Serves JSON-RPC over WebSocket through the shared {@link JsonRpcHandler}: an adapter of
 * Spring's WebSocket handler contract to one {@link JsonRpcSession} per connection (see
 * {@link io.github.jsonrpc.server.connection.JsonRpcConnection} for what a connection
 * does). One text message (possibly fragmented) is one JSON-RPC message, single or batch;
 * calls of one connection run concurrently on the executor and are answered as they
 * complete, each response carrying its id.
 *
 * <ul>
 * <li>A bad message gets its error response; it never closes the connection. A message
 * above the size limit closes it with {@code 1009}.</li>
 * <li>At most {@code maxInFlight} messages run at once per connection; more are answered
 * with {@code -32005} at once.</li>
 * <li>The notification
 * {@code {"jsonrpc":"2.0","method":"rpc.cancel","params":{"id":<id>}}} cancels a running
 * call or stream of this connection. Closing the connection cancels everything it
 * started.</li>
 * <li>A client that does not read fast enough is closed with {@code 1008} ("slow
 * consumer").</li>
 * <li>Keep-alive on a Spring {@link TaskScheduler}: a ping every {@code pingInterval}; a
 * connection silent (no message, no pong) for {@code idleTimeout} is closed with
 * {@code 1001}.</li>
 * </ul>
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcWebSocketHandler extends TextWebSocketHandler implements SmartLifecycle {

	/** Close status of a connection closed after its idle timeout. */
	public static final CloseStatus IDLE = CloseStatus.GOING_AWAY.withReason("idle");

	/** Close status of a connection whose client does not read fast enough. */
	public static final CloseStatus SLOW_CONSUMER = CloseStatus.POLICY_VIOLATION.withReason("slow consumer");

	/**
	 * Close status of a connection that received a binary message: the one of Spring's
	 * {@link TextWebSocketHandler}.
	 */
	static final CloseStatus BINARY_NOT_SUPPORTED = CloseStatus.NOT_ACCEPTABLE
		.withReason("Binary messages not supported");

	private static final Log logger = LogFactory.getLog(JsonRpcWebSocketHandler.class);

	private final JsonRpcHandler handler;

	private final JsonRpcSessionRegistry sessionRegistry;

	private final Executor executor;

	private final Map<String, WebSocketJsonRpcConnection> connections = new ConcurrentHashMap<>();

	private final Object lifecycleMonitor = new Object();

	private volatile JsonRpcConnectionSettings settings = JsonRpcConnectionSettings.DEFAULTS;

	private volatile boolean tomcatGatheredWrites;

	private @Nullable TaskScheduler taskScheduler;

	private @Nullable ThreadPoolTaskScheduler ownScheduler;

	private @Nullable JsonRpcKeepAlive keepAlive;

	private boolean running;

	/**
	 * Create a handler.
	 * @param handler the shared JSON-RPC handler
	 * @param sessionRegistry the registry every connection joins while open
	 * @param executor the executor calls run on
	 */
	public JsonRpcWebSocketHandler(JsonRpcHandler handler, JsonRpcSessionRegistry sessionRegistry, Executor executor) {
		Assert.notNull(handler, "Handler is required");
		Assert.notNull(sessionRegistry, "SessionRegistry is required");
		Assert.notNull(executor, "Executor is required");
		this.handler = handler;
		this.sessionRegistry = sessionRegistry;
		this.executor = executor;
	}

	/**
	 * Set the limits of new connections.
	 * @param settings the settings, {@link JsonRpcConnectionSettings#DEFAULTS} by default
	 */
	public void setSettings(JsonRpcConnectionSettings settings) {
		Assert.notNull(settings, "Settings are required");
		this.settings = settings;
	}

	/**
	 * Return the limits of new connections.
	 * @return the settings
	 */
	public JsonRpcConnectionSettings getSettings() {
		return this.settings;
	}

	/**
	 * Set the largest message accepted, in bytes (1 MB by default).
	 * @param maxMessageSize the limit
	 */
	public void setMaxMessageSize(int maxMessageSize) {
		this.settings = this.settings.withMaxMessageSize(maxMessageSize);
	}

	/**
	 * Set the most messages of one connection running at once (256 by default).
	 * @param maxInFlight the limit
	 */
	public void setMaxInFlight(int maxInFlight) {
		this.settings = this.settings.withMaxInFlight(maxInFlight);
	}

	/**
	 * Set the limits of each connection's outbound queue: a connection going over one is
	 * closed as a slow consumer.
	 * @param maxMessages the most messages waiting (1024 by default)
	 * @param maxBytes the most bytes waiting (16 MB by default)
	 * @param sendTimeLimit the longest one write may take (10 s by default)
	 */
	public void setOutboundLimits(int maxMessages, long maxBytes, Duration sendTimeLimit) {
		this.settings = this.settings.withOutboundLimits(maxMessages, maxBytes, sendTimeLimit);
	}

	/**
	 * Set the keep-alive.
	 * @param pingInterval the ping interval (30 s by default), {@link Duration#ZERO} for
	 * no pings and no idle check
	 * @param idleTimeout how long a connection may stay silent (90 s by default)
	 */
	public void setKeepAlive(Duration pingInterval, Duration idleTimeout) {
		synchronized (this.lifecycleMonitor) {
			Assert.state(!this.running, "Keep-alive cannot change while running");
			this.settings = this.settings.withKeepAlive(pingInterval, idleTimeout);
		}
	}

	/**
	 * Set whether new connections on Tomcat send each message's encoded bytes as they are
	 * and gather the messages queued meanwhile into one network write. This reaches
	 * Tomcat's private WebSocket internals reflectively (their meaning may change in a
	 * Tomcat release), so it is off by default; where they cannot be reached, and on
	 * other containers, messages are sent with {@code RemoteEndpoint.Async} as usual.
	 * @param tomcatGatheredWrites whether to gather writes on Tomcat ({@code false} by
	 * default)
	 */
	public void setTomcatGatheredWrites(boolean tomcatGatheredWrites) {
		this.tomcatGatheredWrites = tomcatGatheredWrites;
	}

	/**
	 * Return whether new connections on Tomcat gather their writes.
	 * @return whether gathered writes are enabled
	 * @see #setTomcatGatheredWrites(boolean)
	 */
	public boolean isTomcatGatheredWrites() {
		return this.tomcatGatheredWrites;
	}

	/**
	 * Set the scheduler the keep-alive runs on; by default one of the handler's own.
	 * @param taskScheduler the scheduler
	 */
	public void setTaskScheduler(TaskScheduler taskScheduler) {
		Assert.notNull(taskScheduler, "TaskScheduler is required");
		this.taskScheduler = taskScheduler;
	}

	/**
	 * Return the open connections of this handler.
	 * @return a snapshot of the sessions
	 */
	public List<JsonRpcSession> sessions() {
		return new ArrayList<>(this.connections.values());
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession webSocketSession) {
		WebSocketJsonRpcConnection connection = new WebSocketJsonRpcConnection(webSocketSession, this.handler,
				this.settings, this.executor, this.tomcatGatheredWrites);
		this.connections.put(webSocketSession.getId(), connection);
		connection.onClose(() -> this.connections.remove(connection.id(), connection));
		this.sessionRegistry.register(connection);
		if (logger.isDebugEnabled()) {
			logger.debug("WebSocket session " + webSocketSession.getId() + " opened from "
					+ webSocketSession.getRemoteAddress());
		}
	}

	@Override
	protected void handleTextMessage(WebSocketSession webSocketSession, TextMessage message) {
		WebSocketJsonRpcConnection connection = this.connections.get(webSocketSession.getId());
		if (connection == null || !connection.isOpen()) {
			return;
		}
		connection.received();
		byte[] input = connection.assemble(message.getPayload(), message.isLast());
		if (input != null) {
			connection.receive(input);
		}
	}

	@Override
	public boolean supportsPartialMessages() {
		return true;
	}

	@Override
	protected void handleBinaryMessage(WebSocketSession webSocketSession, BinaryMessage message) {
		WebSocketJsonRpcConnection connection = this.connections.get(webSocketSession.getId());
		if (connection == null) {
			super.handleBinaryMessage(webSocketSession, message);
			return;
		}
		// through the connection, so that it is closed (and its calls cancelled) at once,
		// not only when the container reports the session's end
		connection.close(JsonRpcCloseReason.UNSUPPORTED_DATA);
	}

	@Override
	protected void handlePongMessage(WebSocketSession webSocketSession, PongMessage message) {
		WebSocketJsonRpcConnection connection = this.connections.get(webSocketSession.getId());
		if (connection != null) {
			connection.received();
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
		WebSocketJsonRpcConnection connection = this.connections.get(webSocketSession.getId());
		if (connection != null) {
			connection.transportClosed();
		}
		if (logger.isDebugEnabled()) {
			logger.debug("WebSocket session " + webSocketSession.getId() + " closed: " + status);
		}
	}

	@Override
	public void start() {
		synchronized (this.lifecycleMonitor) {
			if (this.running) {
				return;
			}
			TaskScheduler scheduler = this.taskScheduler;
			if (scheduler == null && !this.settings.pingInterval().isZero()) {
				ThreadPoolTaskScheduler own = new ThreadPoolTaskScheduler();
				own.setThreadNamePrefix("jsonrpc-ws-keepalive-");
				own.setDaemon(true);
				own.initialize();
				this.ownScheduler = own;
				scheduler = own;
			}
			if (scheduler != null) {
				this.keepAlive = new JsonRpcKeepAlive(scheduler, this.settings.pingInterval(),
						this.connections::values);
				this.keepAlive.start();
			}
			this.running = true;
		}
	}

	@Override
	public void stop() {
		synchronized (this.lifecycleMonitor) {
			if (this.keepAlive != null) {
				this.keepAlive.stop();
				this.keepAlive = null;
			}
			if (this.ownScheduler != null) {
				this.ownScheduler.shutdown();
				this.ownScheduler = null;
			}
			this.running = false;
		}
		for (WebSocketJsonRpcConnection connection : this.connections.values()) {
			connection.close(JsonRpcCloseReason.SHUTDOWN);
		}
	}

	@Override
	public boolean isRunning() {
		synchronized (this.lifecycleMonitor) {
			return this.running;
		}
	}

}
