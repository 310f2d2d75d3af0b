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
import java.util.Set;

import org.springframework.util.Assert;

/**
 * The limits and timings of the connections of one transport.
 *
 * @param maxMessageSize the largest inbound message accepted, in bytes; a larger one
 * closes the connection ({@link JsonRpcCloseReason#TOO_BIG})
 * @param maxInFlight how many messages of one connection may be handled at once (running
 * or waiting to run); more are answered with {@code -32005} at once
 * @param maxConcurrency how many messages of one connection may run at once on the shared
 * executor; the others wait in the connection's own queue, so that one connection cannot
 * occupy the executor
 * @param maxOutboundMessages the most messages waiting to be written to one connection
 * @param maxOutboundBytes the most bytes waiting to be written to one connection, and the
 * most bytes of received messages of one connection not handled yet
 * @param sendTimeLimit the longest a single write may take
 * @param pingInterval how often a connection with nothing to write is pinged,
 * {@link Duration#ZERO} for never
 * @param idleTimeout how long a connection may stay silent (no message, no pong) before
 * it is closed ({@link JsonRpcCloseReason#IDLE})
 * @param stringParamsMethods the methods whose {@code params} may be a JSON string (the
 * aiohttp-json-rpc client's {@code subscribe}/{@code unsubscribe}); empty for none
 * @param memoryBudget the byte budget shared with every other connection
 * @param serverRequestTimeout how long a call the server makes to the client
 * ({@link io.github.jsonrpc.server.JsonRpcSession#call}) waits for its response by
 * default
 * @param maxPendingServerRequests the most calls to the client of one connection waiting
 * for their responses; another one fails at once
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public record JsonRpcConnectionSettings(int maxMessageSize, int maxInFlight, int maxConcurrency,
		int maxOutboundMessages, long maxOutboundBytes, Duration sendTimeLimit, Duration pingInterval,
		Duration idleTimeout, Set<String> stringParamsMethods, JsonRpcMemoryBudget memoryBudget,
		Duration serverRequestTimeout, int maxPendingServerRequests) {

	/** Default of {@link #maxConcurrency()}. */
	public static final int DEFAULT_MAX_CONCURRENCY = 4;

	/** Default time a call to the client waits for its response. */
	public static final Duration DEFAULT_SERVER_REQUEST_TIMEOUT = Duration.ofSeconds(30);

	/** Default most calls to the client waiting for their responses, per connection. */
	public static final int DEFAULT_MAX_PENDING_SERVER_REQUESTS = 64;

	/**
	 * The defaults: 1 MB messages, 256 in flight of which 4 run at once, 1024 messages /
	 * 16 MB outbound, 10 s sends, ping every 30 s, 90 s idle, the
	 * {@link JsonRpcMemoryBudget#shared() shared} memory budget.
	 */
	public static final JsonRpcConnectionSettings DEFAULTS = new JsonRpcConnectionSettings(1024 * 1024, 256,
			DEFAULT_MAX_CONCURRENCY, 1024, 16L * 1024 * 1024, Duration.ofSeconds(10), Duration.ofSeconds(30),
			Duration.ofSeconds(90), Set.of(), JsonRpcMemoryBudget.shared(), DEFAULT_SERVER_REQUEST_TIMEOUT,
			DEFAULT_MAX_PENDING_SERVER_REQUESTS);

	public JsonRpcConnectionSettings {
		Assert.isTrue(maxMessageSize > 0, "maxMessageSize must be positive");
		Assert.isTrue(maxInFlight > 0, "maxInFlight must be positive");
		Assert.isTrue(maxConcurrency > 0, "maxConcurrency must be positive");
		Assert.isTrue(maxOutboundMessages > 0, "maxOutboundMessages must be positive");
		Assert.isTrue(maxOutboundBytes > 0, "maxOutboundBytes must be positive");
		Assert.isTrue(isPositive(sendTimeLimit), "sendTimeLimit must be positive");
		Assert.isTrue(pingInterval != null && !pingInterval.isNegative(), "pingInterval must not be negative");
		Assert.isTrue(isPositive(idleTimeout), "idleTimeout must be positive");
		Assert.notNull(memoryBudget, "memoryBudget is required");
		Assert.isTrue(isPositive(serverRequestTimeout), "serverRequestTimeout must be positive");
		Assert.isTrue(maxPendingServerRequests > 0, "maxPendingServerRequests must be positive");
		stringParamsMethods = Set.copyOf(stringParamsMethods);
	}

	/**
	 * Create settings with the default concurrency and the shared memory budget.
	 * @param maxMessageSize the largest inbound message accepted, in bytes
	 * @param maxInFlight how many messages of one connection may be handled at once
	 * @param maxOutboundMessages the most messages waiting to be written
	 * @param maxOutboundBytes the most bytes waiting to be written
	 * @param sendTimeLimit the longest a single write may take
	 * @param pingInterval the ping interval, {@link Duration#ZERO} for none
	 * @param idleTimeout the idle timeout
	 * @param stringParamsMethods the methods whose {@code params} may be a JSON string
	 */
	public JsonRpcConnectionSettings(int maxMessageSize, int maxInFlight, int maxOutboundMessages,
			long maxOutboundBytes, Duration sendTimeLimit, Duration pingInterval, Duration idleTimeout,
			Set<String> stringParamsMethods) {
		this(maxMessageSize, maxInFlight, DEFAULT_MAX_CONCURRENCY, maxOutboundMessages, maxOutboundBytes, sendTimeLimit,
				pingInterval, idleTimeout, stringParamsMethods, JsonRpcMemoryBudget.shared(),
				DEFAULT_SERVER_REQUEST_TIMEOUT, DEFAULT_MAX_PENDING_SERVER_REQUESTS);
	}

	private static boolean isPositive(Duration duration) {
		return duration != null && !duration.isNegative() && !duration.isZero();
	}

	/**
	 * Return a copy with another message size limit.
	 * @param maxMessageSize the limit in bytes
	 * @return the settings
	 */
	public JsonRpcConnectionSettings withMaxMessageSize(int maxMessageSize) {
		return new JsonRpcConnectionSettings(maxMessageSize, this.maxInFlight, this.maxConcurrency,
				this.maxOutboundMessages, this.maxOutboundBytes, this.sendTimeLimit, this.pingInterval,
				this.idleTimeout, this.stringParamsMethods, this.memoryBudget, this.serverRequestTimeout,
				this.maxPendingServerRequests);
	}

	/**
	 * Return a copy with another in-flight limit.
	 * @param maxInFlight the limit
	 * @return the settings
	 */
	public JsonRpcConnectionSettings withMaxInFlight(int maxInFlight) {
		return new JsonRpcConnectionSettings(this.maxMessageSize, maxInFlight, this.maxConcurrency,
				this.maxOutboundMessages, this.maxOutboundBytes, this.sendTimeLimit, this.pingInterval,
				this.idleTimeout, this.stringParamsMethods, this.memoryBudget, this.serverRequestTimeout,
				this.maxPendingServerRequests);
	}

	/**
	 * Return a copy with another limit of the messages of one connection running at once.
	 * @param maxConcurrency the limit
	 * @return the settings
	 */
	public JsonRpcConnectionSettings withMaxConcurrency(int maxConcurrency) {
		return new JsonRpcConnectionSettings(this.maxMessageSize, this.maxInFlight, maxConcurrency,
				this.maxOutboundMessages, this.maxOutboundBytes, this.sendTimeLimit, this.pingInterval,
				this.idleTimeout, this.stringParamsMethods, this.memoryBudget, this.serverRequestTimeout,
				this.maxPendingServerRequests);
	}

	/**
	 * Return a copy with other outbound limits.
	 * @param maxMessages the most messages waiting
	 * @param maxBytes the most bytes waiting
	 * @param sendTimeLimit the longest a single write may take
	 * @return the settings
	 */
	public JsonRpcConnectionSettings withOutboundLimits(int maxMessages, long maxBytes, Duration sendTimeLimit) {
		return new JsonRpcConnectionSettings(this.maxMessageSize, this.maxInFlight, this.maxConcurrency, maxMessages,
				maxBytes, sendTimeLimit, this.pingInterval, this.idleTimeout, this.stringParamsMethods,
				this.memoryBudget, this.serverRequestTimeout, this.maxPendingServerRequests);
	}

	/**
	 * Return a copy with another keep-alive.
	 * @param pingInterval the ping interval, {@link Duration#ZERO} for none
	 * @param idleTimeout the idle timeout
	 * @return the settings
	 */
	public JsonRpcConnectionSettings withKeepAlive(Duration pingInterval, Duration idleTimeout) {
		return new JsonRpcConnectionSettings(this.maxMessageSize, this.maxInFlight, this.maxConcurrency,
				this.maxOutboundMessages, this.maxOutboundBytes, this.sendTimeLimit, pingInterval, idleTimeout,
				this.stringParamsMethods, this.memoryBudget, this.serverRequestTimeout, this.maxPendingServerRequests);
	}

	/**
	 * Return a copy with other methods that accept a JSON string as params.
	 * @param methods the method names
	 * @return the settings
	 */
	public JsonRpcConnectionSettings withStringParamsMethods(Set<String> methods) {
		return new JsonRpcConnectionSettings(this.maxMessageSize, this.maxInFlight, this.maxConcurrency,
				this.maxOutboundMessages, this.maxOutboundBytes, this.sendTimeLimit, this.pingInterval,
				this.idleTimeout, methods, this.memoryBudget, this.serverRequestTimeout, this.maxPendingServerRequests);
	}

	/**
	 * Return a copy with another memory budget shared with other connections.
	 * @param memoryBudget the budget
	 * @return the settings
	 */
	public JsonRpcConnectionSettings withMemoryBudget(JsonRpcMemoryBudget memoryBudget) {
		return new JsonRpcConnectionSettings(this.maxMessageSize, this.maxInFlight, this.maxConcurrency,
				this.maxOutboundMessages, this.maxOutboundBytes, this.sendTimeLimit, this.pingInterval,
				this.idleTimeout, this.stringParamsMethods, memoryBudget, this.serverRequestTimeout,
				this.maxPendingServerRequests);
	}

	/**
	 * Return a copy with other limits of the calls the server makes to the client.
	 * @param timeout how long a call waits for its response by default
	 * @param maxPending the most calls waiting for their responses
	 * @return the settings
	 */
	public JsonRpcConnectionSettings withServerRequests(Duration timeout, int maxPending) {
		return new JsonRpcConnectionSettings(this.maxMessageSize, this.maxInFlight, this.maxConcurrency,
				this.maxOutboundMessages, this.maxOutboundBytes, this.sendTimeLimit, this.pingInterval,
				this.idleTimeout, this.stringParamsMethods, this.memoryBudget, timeout, maxPending);
	}

}
