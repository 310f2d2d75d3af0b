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
package io.github.jsonrpc.security;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import io.github.jsonrpc.server.JsonRpcSession;
import org.springframework.util.Assert;

/**
 * Throttle of failed {@code rpc.login} attempts, per connection and per remote address:
 * once a connection, or all connections from one address together, failed as often as
 * allowed within a window, further attempts are refused without checking the password
 * (which is slow on purpose) until the window that began with the first of those failures
 * is over. A successful login clears the count of its connection, not of its address. The
 * addresses tracked are bounded; past the bound, expired windows are dropped first, then
 * all.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcLoginThrottle {

	/** Most addresses tracked at once. */
	static final int MAX_ADDRESSES = 10_000;

	private final int maxFailuresPerConnection;

	private final int maxFailuresPerAddress;

	private final long windowMillis;

	private final Clock clock;

	private final Map<String, Window> connections = new ConcurrentHashMap<>();

	private final Map<InetAddress, Window> addresses = new ConcurrentHashMap<>();

	/**
	 * Create a throttle.
	 * @param maxFailuresPerConnection failed attempts allowed per connection and window
	 * @param maxFailuresPerAddress failed attempts allowed per remote address and window
	 * @param window how long failures count
	 */
	public JsonRpcLoginThrottle(int maxFailuresPerConnection, int maxFailuresPerAddress, Duration window) {
		this(maxFailuresPerConnection, maxFailuresPerAddress, window, Clock.systemUTC());
	}

	JsonRpcLoginThrottle(int maxFailuresPerConnection, int maxFailuresPerAddress, Duration window, Clock clock) {
		Assert.isTrue(maxFailuresPerConnection > 0, "maxFailuresPerConnection must be positive");
		Assert.isTrue(maxFailuresPerAddress > 0, "maxFailuresPerAddress must be positive");
		Assert.isTrue(window != null && !window.isNegative() && !window.isZero(), "window must be positive");
		this.maxFailuresPerConnection = maxFailuresPerConnection;
		this.maxFailuresPerAddress = maxFailuresPerAddress;
		this.windowMillis = window.toMillis();
		this.clock = clock;
	}

	/**
	 * Create a throttle with the defaults: 5 failures per connection, 20 per address, in
	 * a window of one minute.
	 * @return the throttle
	 */
	public static JsonRpcLoginThrottle defaults() {
		return new JsonRpcLoginThrottle(5, 20, Duration.ofMinutes(1));
	}

	/**
	 * Return whether an attempt must be refused without checking it.
	 * @param session the connection of the attempt
	 * @param address its remote address, {@code null} when unknown
	 * @return {@code true} when too many attempts failed recently
	 */
	public boolean isBlocked(JsonRpcSession session, @Nullable InetAddress address) {
		long now = this.clock.millis();
		Window connection = this.connections.get(session.id());
		if (connection != null && connection.isFull(now, this.windowMillis, this.maxFailuresPerConnection)) {
			return true;
		}
		Window remote = (address != null) ? this.addresses.get(address) : null;
		return remote != null && remote.isFull(now, this.windowMillis, this.maxFailuresPerAddress);
	}

	/**
	 * Record a failed attempt.
	 * @param session the connection of the attempt
	 * @param address its remote address, {@code null} when unknown
	 */
	public void failed(JsonRpcSession session, @Nullable InetAddress address) {
		long now = this.clock.millis();
		Window connection = this.connections.computeIfAbsent(session.id(), (id) -> {
			// forgotten with the connection
			session.onClose(() -> this.connections.remove(id));
			return new Window();
		});
		connection.add(now, this.windowMillis);
		if (address != null) {
			if (this.addresses.size() >= MAX_ADDRESSES && !this.addresses.containsKey(address)) {
				this.addresses.values().removeIf((window) -> window.isExpired(now, this.windowMillis));
				if (this.addresses.size() >= MAX_ADDRESSES) {
					this.addresses.clear();
				}
			}
			this.addresses.computeIfAbsent(address, (key) -> new Window()).add(now, this.windowMillis);
		}
	}

	/**
	 * Record a successful login: the connection's failures are forgotten.
	 * @param session the connection
	 */
	public void succeeded(JsonRpcSession session) {
		this.connections.remove(session.id());
	}

	/**
	 * Failures counted since the start of a window.
	 */
	private static final class Window {

		private long start;

		private int failures;

		synchronized void add(long now, long windowMillis) {
			if (this.failures == 0 || now - this.start >= windowMillis) {
				this.start = now;
				this.failures = 0;
			}
			this.failures++;
		}

		synchronized boolean isFull(long now, long windowMillis, int max) {
			return this.failures >= max && now - this.start < windowMillis;
		}

		synchronized boolean isExpired(long now, long windowMillis) {
			return now - this.start >= windowMillis;
		}

	}

}
