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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.JsonRpcSession;
import io.github.jsonrpc.server.JsonRpcSessionRegistry;
import io.github.jsonrpc.server.connection.JsonRpcCloseReason;
import io.github.jsonrpc.server.connection.JsonRpcConnectionSettings;
import io.github.jsonrpc.server.connection.JsonRpcKeepAlive;
import io.netty.handler.codec.TooLongFrameException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;

/**
 * Serves JSON-RPC over WebSocket on Spring WebFlux through the shared
 * {@link JsonRpcHandler}: one {@link JsonRpcSession} per connection, built on
 * {@link io.github.jsonrpc.server.connection.JsonRpcConnection}, so that the in-flight
 * cap, the bounded outbound queue and its slow-consumer close, keep-alive, pub/sub,
 * streaming and {@code rpc.cancel} behave as on the Servlet stack
 * ({@link io.github.jsonrpc.server.websocket.JsonRpcWebSocketHandler}). Calls run on the
 * executor, never on the event loop. The principal is the one of the handshake (the
 * {@code SecurityWebFilterChain} authenticated it).
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcWebSocketHandler implements WebSocketHandler, SmartLifecycle {

	/** Close status of a connection closed after its idle timeout. */
	public static final CloseStatus IDLE = CloseStatus.GOING_AWAY.withReason("idle");

	/** Close status of a connection whose client does not read fast enough. */
	public static final CloseStatus SLOW_CONSUMER = CloseStatus.POLICY_VIOLATION.withReason("slow consumer");

	private static final Log logger = LogFactory.getLog(JsonRpcWebSocketHandler.class);

	private static final boolean nettyPresent = ClassUtils.isPresent("io.netty.handler.codec.TooLongFrameException",
			JsonRpcWebSocketHandler.class.getClassLoader());

	private final JsonRpcHandler handler;

	private final JsonRpcSessionRegistry sessionRegistry;

	private final Executor executor;

	private final Map<String, WebFluxJsonRpcConnection> connections = new ConcurrentHashMap<>();

	private final Object lifecycleMonitor = new Object();

	private volatile JsonRpcConnectionSettings settings = JsonRpcConnectionSettings.DEFAULTS;

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
	 * Set the limits and keep-alive of new connections.
	 * @param settings the settings, {@link JsonRpcConnectionSettings#DEFAULTS} by default
	 */
	public void setSettings(JsonRpcConnectionSettings settings) {
		Assert.notNull(settings, "Settings are required");
		synchronized (this.lifecycleMonitor) {
			Assert.state(!this.running || settings.pingInterval().equals(this.settings.pingInterval()),
					"Keep-alive cannot change while running");
			this.settings = settings;
		}
	}

	/**
	 * Return the limits of new connections.
	 * @return the settings
	 */
	public JsonRpcConnectionSettings getSettings() {
		return this.settings;
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
	public Mono<Void> handle(WebSocketSession session) {
		return session.getHandshakeInfo()
			.getPrincipal()
			.<Optional<Principal>>map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((principal) -> serve(session, principal.orElse(null)));
	}

	private Mono<Void> serve(WebSocketSession session, @Nullable Principal principal) {
		WebFluxJsonRpcConnection connection = new WebFluxJsonRpcConnection(session, principal, this.handler,
				this.settings, this.executor);
		this.connections.put(session.getId(), connection);
		connection.onClose(() -> this.connections.remove(connection.id(), connection));
		this.sessionRegistry.register(connection);
		if (logger.isDebugEnabled()) {
			logger.debug("WebSocket session " + session.getId() + " opened from "
					+ session.getHandshakeInfo().getRemoteAddress());
		}
		Mono<Void> input = session.receive()
			.doOnNext(connection::handle)
			.then()
			// a message over the limit fails the inbound (Reactor Netty's frame
			// aggregator):
			// close with 1009 as the Servlet stack does, not with the 1002 Reactor Netty
			// sends for a failed handler
			.onErrorResume(JsonRpcWebSocketHandler::isTooBig,
					(ex) -> session.close(WebFluxJsonRpcConnection.closeStatus(JsonRpcCloseReason.TOO_BIG)));
		Mono<Void> output = session.send(connection.outbound());
		// the connection ends when either side ends: the client closed, or the server
		// closed the session
		return Mono.firstWithSignal(input, output).doFinally((signal) -> {
			connection.transportClosed();
			if (logger.isDebugEnabled()) {
				logger.debug("WebSocket session " + session.getId() + " closed: " + signal);
			}
		});
	}

	private static boolean isTooBig(Throwable ex) {
		return nettyPresent && NettyErrors.isTooLongFrame(ex);
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
		for (WebFluxJsonRpcConnection connection : this.connections.values()) {
			connection.close(JsonRpcCloseReason.SHUTDOWN);
		}
	}

	@Override
	public boolean isRunning() {
		synchronized (this.lifecycleMonitor) {
			return this.running;
		}
	}

	/**
	 * Netty's errors, in their own class so that other servers never load them.
	 */
	private static final class NettyErrors {

		static boolean isTooLongFrame(Throwable ex) {
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof TooLongFrameException) {
					return true;
				}
			}
			return false;
		}

	}

}
