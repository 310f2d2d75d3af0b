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
import java.util.Collection;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.web.socket.PingMessage;

/**
 * Keep-alive of the connections of a handler: every ping interval, a connection silent
 * (no message, no pong) for longer than the idle timeout is closed with
 * {@link JsonRpcWebSocketHandler#IDLE 1001}, the others get a ping (written on the
 * executor, skipped while writes are pending).
 *
 * @author JSON-RPC for Spring Boot team
 */
final class WebSocketKeepAlive {

	private static final Log logger = LogFactory.getLog(WebSocketKeepAlive.class);

	private final Duration pingInterval;

	private final Duration idleTimeout;

	private final Executor executor;

	private final Supplier<Collection<WebSocketJsonRpcSession>> sessions;

	private @Nullable ScheduledExecutorService scheduler;

	WebSocketKeepAlive(Duration pingInterval, Duration idleTimeout, Executor executor,
			Supplier<Collection<WebSocketJsonRpcSession>> sessions) {
		this.pingInterval = pingInterval;
		this.idleTimeout = idleTimeout;
		this.executor = executor;
		this.sessions = sessions;
	}

	synchronized void start() {
		if (this.pingInterval.isZero() || this.scheduler != null) {
			return;
		}
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "jsonrpc-ws-keepalive");
			thread.setDaemon(true);
			return thread;
		});
		long period = this.pingInterval.toMillis();
		scheduler.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
		this.scheduler = scheduler;
	}

	synchronized void stop() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.scheduler = null;
		}
	}

	private void check() {
		long now = System.nanoTime();
		for (WebSocketJsonRpcSession session : this.sessions.get()) {
			if (now - session.lastReceived() > this.idleTimeout.toNanos()) {
				session.close(JsonRpcWebSocketHandler.IDLE);
				continue;
			}
			if (session.outboundQueueSize() > 0) {
				// writes are pending: a ping would only queue behind them
				continue;
			}
			this.executor.execute(() -> {
				try {
					session.webSocketSession().sendMessage(new PingMessage());
				}
				catch (Exception ex) {
					logger.debug("Ping failed on WebSocket session " + session.id(), ex);
				}
			});
		}
	}

}
