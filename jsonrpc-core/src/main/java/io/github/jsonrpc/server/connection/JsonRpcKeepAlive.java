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

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.TaskScheduler;
import org.springframework.util.Assert;

/**
 * Checks the liveness of a transport's open connections at a fixed rate on a Spring
 * {@link TaskScheduler}: pings idle ones and closes those that stopped answering or
 * reading (see {@link JsonRpcConnection#checkAlive(long)}).
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcKeepAlive {

	private final TaskScheduler scheduler;

	private final Duration interval;

	private final Supplier<? extends Collection<? extends JsonRpcConnection>> connections;

	private @Nullable ScheduledFuture<?> task;

	/**
	 * Create a keep-alive.
	 * @param scheduler the scheduler the checks run on
	 * @param interval the interval of the checks (the ping interval);
	 * {@link Duration#ZERO} for none
	 * @param connections the open connections
	 */
	public JsonRpcKeepAlive(TaskScheduler scheduler, Duration interval,
			Supplier<? extends Collection<? extends JsonRpcConnection>> connections) {
		Assert.notNull(scheduler, "TaskScheduler is required");
		Assert.isTrue(interval != null && !interval.isNegative(), "Interval must not be negative");
		Assert.notNull(connections, "Connections are required");
		this.scheduler = scheduler;
		this.interval = interval;
		this.connections = connections;
	}

	/**
	 * Start checking, unless the interval is zero or it already checks.
	 */
	public synchronized void start() {
		if (!this.interval.isZero() && this.task == null) {
			this.task = this.scheduler.scheduleAtFixedRate(this::check, this.interval);
		}
	}

	/**
	 * Stop checking.
	 */
	public synchronized void stop() {
		if (this.task != null) {
			this.task.cancel(false);
			this.task = null;
		}
	}

	/**
	 * Check every open connection once.
	 */
	public void check() {
		long now = System.nanoTime();
		for (JsonRpcConnection connection : this.connections.get()) {
			connection.checkAlive(now);
		}
	}

}
