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
package io.github.jsonrpc.autoconfigure.websocket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.jsonrpc.autoconfigure.PositiveDurations;
import io.github.jsonrpc.server.connection.JsonRpcConnectionSettings;
import io.github.jsonrpc.server.connection.JsonRpcMemoryBudget;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;
import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties of the JSON-RPC WebSocket endpoint and of publish/subscribe.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
@ConfigurationProperties("jsonrpc.websocket")
public class JsonRpcWebSocketProperties {

	/**
	 * Whether to serve JSON-RPC over WebSocket.
	 */
	private boolean enabled = true;

	/**
	 * Path of the WebSocket endpoint. Only upgrade requests are matched, so it can be the
	 * same path as the HTTP endpoint.
	 */
	private String path = "/jsonrpc";

	/**
	 * Origins allowed to open a connection, e.g. "https://example.com". Empty means same
	 * origin only; handshakes without an Origin header (non-browser clients) are
	 * accepted.
	 */
	private List<String> allowedOrigins = new ArrayList<>();

	/**
	 * Origin patterns allowed to open a connection, e.g. "https://*.example.com".
	 */
	private List<String> allowedOriginPatterns = new ArrayList<>();

	/**
	 * Hosts ('host' or 'host:port') this server is reached at, for the same-origin check
	 * of handshakes: an Origin with one of these is accepted, over http or https. A bare
	 * 'host' matches only the scheme's default port (80 for http, 443 for https), so
	 * 'http://host:8080' needs 'host:8080'. Empty means the Host header of the handshake
	 * decides what same origin is, which trusts the client (and any proxy) to send the
	 * right one.
	 */
	private List<String> allowedHosts = new ArrayList<>();

	/**
	 * Largest text message accepted; a larger one closes the connection with 1009.
	 */
	private DataSize maxMessageSize = DataSize.ofMegabytes(1);

	/**
	 * Maximum number of messages of one connection being handled at once, running or
	 * waiting to run; further calls are answered with -32005.
	 */
	private int maxInFlight = 256;

	/**
	 * Maximum number of messages of one connection running at once on the shared
	 * executor; the others of its in-flight messages wait in the connection's own queue,
	 * so that one connection cannot take the threads of all others.
	 */
	private int maxConcurrentCalls = 4;

	/**
	 * Maximum number of messages waiting to be written to one connection; beyond it the
	 * connection is closed with 1008 "slow consumer".
	 */
	private int maxOutboundMessages = 1024;

	/**
	 * Maximum size of the messages waiting to be written to one connection; beyond it the
	 * connection is closed with 1008 "slow consumer". Also the most bytes of received
	 * messages of one connection not handled yet; further calls are answered with -32005.
	 */
	private DataSize maxOutboundSize = DataSize.ofMegabytes(16);

	/**
	 * Longest a single write to a connection may take before the connection is closed
	 * with 1008 "slow consumer".
	 */
	private Duration sendTimeLimit = Duration.ofSeconds(10);

	/**
	 * Interval between pings sent to each connection; zero disables pings and the idle
	 * check.
	 */
	private Duration pingInterval = Duration.ofSeconds(30);

	/**
	 * How long a connection may stay silent (no message, no pong) before it is closed
	 * with 1001.
	 */
	private Duration idleTimeout = Duration.ofSeconds(90);

	/**
	 * Whether, on Tomcat, to send each message's encoded UTF-8 bytes as they are and to
	 * gather the messages queued for a connection into one network write (less CPU per
	 * notification when fanning out). Uses Tomcat's private WebSocket internals
	 * reflectively, whose meaning a Tomcat release may change; falls back to the standard
	 * RemoteEndpoint.Async send when they cannot be reached. Ignored on other containers.
	 */
	private boolean tomcatGatheredWrites;

	/**
	 * How long a call the server makes to a client (JsonRpcSession.call) waits for the
	 * client's answer unless the call sets its own timeout; it then fails with a
	 * TimeoutException.
	 */
	private Duration serverRequestTimeout = Duration.ofSeconds(30);

	/**
	 * Maximum number of calls to one client waiting for their answers; one more fails at
	 * once with a RejectedExecutionException.
	 */
	private int maxPendingServerRequests = 64;

	/**
	 * Maximum number of topics one connection can subscribe to.
	 */
	private @Nullable Integer maxSubscriptionsPerConnection;

	/**
	 * Topics clients can subscribe to, by name.
	 */
	private Map<String, Topic> topics = new LinkedHashMap<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public Duration getServerRequestTimeout() {
		return this.serverRequestTimeout;
	}

	public void setServerRequestTimeout(Duration serverRequestTimeout) {
		PositiveDurations.require(serverRequestTimeout, "jsonrpc.websocket.server-request-timeout must be positive");
		this.serverRequestTimeout = serverRequestTimeout;
	}

	public int getMaxPendingServerRequests() {
		return this.maxPendingServerRequests;
	}

	public void setMaxPendingServerRequests(int maxPendingServerRequests) {
		Assert.isTrue(maxPendingServerRequests > 0, "jsonrpc.websocket.max-pending-server-requests must be positive");
		this.maxPendingServerRequests = maxPendingServerRequests;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		Assert.isTrue(path.startsWith("/"), "'path' must start with '/'");
		this.path = path;
	}

	public List<String> getAllowedOrigins() {
		return this.allowedOrigins;
	}

	public void setAllowedOrigins(List<String> allowedOrigins) {
		this.allowedOrigins = allowedOrigins;
	}

	public List<String> getAllowedHosts() {
		return this.allowedHosts;
	}

	public void setAllowedHosts(List<String> allowedHosts) {
		this.allowedHosts = allowedHosts;
	}

	public List<String> getAllowedOriginPatterns() {
		return this.allowedOriginPatterns;
	}

	public void setAllowedOriginPatterns(List<String> allowedOriginPatterns) {
		this.allowedOriginPatterns = allowedOriginPatterns;
	}

	public DataSize getMaxMessageSize() {
		return this.maxMessageSize;
	}

	public void setMaxMessageSize(DataSize maxMessageSize) {
		Assert.isTrue(maxMessageSize.toBytes() > 0 && maxMessageSize.toBytes() <= Integer.MAX_VALUE,
				"'maxMessageSize' must be positive and below 2 GB");
		this.maxMessageSize = maxMessageSize;
	}

	public int getMaxInFlight() {
		return this.maxInFlight;
	}

	public void setMaxInFlight(int maxInFlight) {
		Assert.isTrue(maxInFlight > 0, "'maxInFlight' must be positive");
		this.maxInFlight = maxInFlight;
	}

	public int getMaxConcurrentCalls() {
		return this.maxConcurrentCalls;
	}

	public void setMaxConcurrentCalls(int maxConcurrentCalls) {
		Assert.isTrue(maxConcurrentCalls > 0, "'maxConcurrentCalls' must be positive");
		this.maxConcurrentCalls = maxConcurrentCalls;
	}

	public int getMaxOutboundMessages() {
		return this.maxOutboundMessages;
	}

	public void setMaxOutboundMessages(int maxOutboundMessages) {
		Assert.isTrue(maxOutboundMessages > 0, "'maxOutboundMessages' must be positive");
		this.maxOutboundMessages = maxOutboundMessages;
	}

	public DataSize getMaxOutboundSize() {
		return this.maxOutboundSize;
	}

	public void setMaxOutboundSize(DataSize maxOutboundSize) {
		Assert.isTrue(maxOutboundSize.toBytes() > 0, "'maxOutboundSize' must be positive");
		this.maxOutboundSize = maxOutboundSize;
	}

	public Duration getSendTimeLimit() {
		return this.sendTimeLimit;
	}

	public void setSendTimeLimit(Duration sendTimeLimit) {
		PositiveDurations.require(sendTimeLimit, "'sendTimeLimit' must be positive");
		this.sendTimeLimit = sendTimeLimit;
	}

	public Duration getPingInterval() {
		return this.pingInterval;
	}

	public void setPingInterval(Duration pingInterval) {
		Assert.isTrue(!pingInterval.isNegative(), "'pingInterval' must not be negative");
		this.pingInterval = pingInterval;
	}

	public Duration getIdleTimeout() {
		return this.idleTimeout;
	}

	public void setIdleTimeout(Duration idleTimeout) {
		PositiveDurations.require(idleTimeout, "'idleTimeout' must be positive");
		this.idleTimeout = idleTimeout;
	}

	public boolean isTomcatGatheredWrites() {
		return this.tomcatGatheredWrites;
	}

	public void setTomcatGatheredWrites(boolean tomcatGatheredWrites) {
		this.tomcatGatheredWrites = tomcatGatheredWrites;
	}

	@Deprecated(since = "0.1.0", forRemoval = true)
	@DeprecatedConfigurationProperty(replacement = "jsonrpc.pubsub.max-subscriptions-per-connection", since = "0.1.0")
	public @Nullable Integer getMaxSubscriptionsPerConnection() {
		return this.maxSubscriptionsPerConnection;
	}

	@Deprecated(since = "0.1.0", forRemoval = true)
	public void setMaxSubscriptionsPerConnection(@Nullable Integer maxSubscriptionsPerConnection) {
		Assert.isTrue(maxSubscriptionsPerConnection == null || maxSubscriptionsPerConnection > 0,
				"'maxSubscriptionsPerConnection' must be positive");
		this.maxSubscriptionsPerConnection = maxSubscriptionsPerConnection;
	}

	@Deprecated(since = "0.1.0", forRemoval = true)
	@DeprecatedConfigurationProperty(replacement = "jsonrpc.pubsub.topics", since = "0.1.0")
	public Map<String, Topic> getTopics() {
		return this.topics;
	}

	@Deprecated(since = "0.1.0", forRemoval = true)
	public void setTopics(Map<String, Topic> topics) {
		this.topics = topics;
	}

	/**
	 * Settings of one topic.
	 */
	public static class Topic {

		/**
		 * Whether the last published value is kept and sent to each new subscriber right
		 * after its subscribe response.
		 */
		private boolean retainLast;

		public boolean isRetainLast() {
			return this.retainLast;
		}

		public void setRetainLast(boolean retainLast) {
			this.retainLast = retainLast;
		}

	}

	/**
	 * Return the connection settings these properties describe, for the Servlet and the
	 * reactive WebSocket handler alike.
	 * @param stringParamsMethods the methods whose {@code params} may be a JSON string
	 * @param memoryBudget the byte budget shared with every other connection
	 * @return the settings
	 */
	public JsonRpcConnectionSettings toConnectionSettings(Set<String> stringParamsMethods,
			JsonRpcMemoryBudget memoryBudget) {
		return JsonRpcConnectionSettings.DEFAULTS.withMaxMessageSize((int) getMaxMessageSize().toBytes())
			.withMaxInFlight(getMaxInFlight())
			.withMaxConcurrency(getMaxConcurrentCalls())
			.withMemoryBudget(memoryBudget)
			.withOutboundLimits(getMaxOutboundMessages(), getMaxOutboundSize().toBytes(), getSendTimeLimit())
			.withKeepAlive(getPingInterval(), getIdleTimeout())
			.withStringParamsMethods(stringParamsMethods)
			.withServerRequests(getServerRequestTimeout(), getMaxPendingServerRequests());
	}

}
