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

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import io.github.jsonrpc.server.JsonRpcSession;
import org.springframework.util.Assert;

/**
 * Throttle of {@code rpc.login} attempts, per connection and per remote address: each
 * attempt is counted before its password is checked (so attempts running at the same time
 * cannot all pass), a successful one is given back. Once a connection, or all connections
 * from one address together, made as many unsuccessful attempts as allowed within a
 * window, further attempts are refused without checking the password (which is slow on
 * purpose) until the window that began with the first of them is over. IPv6 addresses
 * count by their /64 prefix, which one client usually holds whole. The addresses tracked
 * are bounded: past the bound, expired windows are dropped, and an address that still
 * finds no room is throttled per connection only (never are the counts of others reset).
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
	 * Count an attempt before its password is checked, unless too many attempts of its
	 * connection or address failed recently.
	 * @param session the connection of the attempt
	 * @param address its remote address, {@code null} when unknown
	 * @return {@code false} if the attempt must be refused without checking it (nothing
	 * is counted then)
	 */
	public boolean tryAcquire(JsonRpcSession session, @Nullable InetAddress address) {
		long now = this.clock.millis();
		Window connection = connectionWindow(session);
		if (!connection.tryAdd(now, this.windowMillis, this.maxFailuresPerConnection)) {
			return false;
		}
		Window remote = (address != null) ? addressWindow(address, now) : null;
		if (remote != null && !remote.tryAdd(now, this.windowMillis, this.maxFailuresPerAddress)) {
			connection.release();
			return false;
		}
		return true;
	}

	/**
	 * Give back the attempt of a successful login: the connection's failures are
	 * forgotten, and the attempt no longer counts for its address.
	 * @param session the connection
	 * @param address its remote address, {@code null} when unknown
	 */
	public void succeeded(JsonRpcSession session, @Nullable InetAddress address) {
		this.connections.remove(session.id());
		Window remote = (address != null) ? this.addresses.get(key(address)) : null;
		if (remote != null) {
			remote.release();
		}
	}

	private Window connectionWindow(JsonRpcSession session) {
		String id = session.id();
		Window window = this.connections.get(id);
		if (window == null) {
			Window created = new Window();
			window = this.connections.putIfAbsent(id, created);
			if (window == null) {
				window = created;
				// forgotten with the connection; outside the map's update, so that a
				// session
				// already closed (which runs it at once) removes it too
				session.onClose(() -> this.connections.remove(id, created));
			}
		}
		return window;
	}

	private @Nullable Window addressWindow(InetAddress address, long now) {
		InetAddress key = key(address);
		Window window = this.addresses.get(key);
		if (window != null) {
			return window;
		}
		if (this.addresses.size() >= MAX_ADDRESSES) {
			this.addresses.values().removeIf((expired) -> expired.isExpired(now, this.windowMillis));
			if (this.addresses.size() >= MAX_ADDRESSES) {
				// no room: this address counts per connection only, the others keep
				// theirs
				return null;
			}
		}
		return this.addresses.computeIfAbsent(key, (ignored) -> new Window());
	}

	private static InetAddress key(InetAddress address) {
		if (!(address instanceof Inet6Address)) {
			return address;
		}
		byte[] prefix = address.getAddress();
		Arrays.fill(prefix, 8, prefix.length, (byte) 0);
		try {
			return InetAddress.getByAddress(prefix);
		}
		catch (UnknownHostException ex) {
			return address;
		}
	}

	/**
	 * Attempts counted since the start of a window.
	 */
	private static final class Window {

		private long start;

		private int attempts;

		synchronized boolean tryAdd(long now, long windowMillis, int max) {
			if (this.attempts == 0 || now - this.start >= windowMillis) {
				this.start = now;
				this.attempts = 0;
			}
			if (this.attempts >= max) {
				return false;
			}
			this.attempts++;
			return true;
		}

		synchronized void release() {
			if (this.attempts > 0) {
				this.attempts--;
			}
		}

		synchronized boolean isExpired(long now, long windowMillis) {
			return now - this.start >= windowMillis;
		}

	}

}
