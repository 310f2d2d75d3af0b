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
package io.github.jsonrpc.autoconfigure.tcp;

import java.net.InetAddress;
import java.time.Duration;

import io.github.jsonrpc.autoconfigure.PositiveDurations;
import org.jspecify.annotations.Nullable;

import io.github.jsonrpc.protocol.JsonRpcFraming;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties of the JSON-RPC TCP server.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
@ConfigurationProperties("jsonrpc.tcp")
public class JsonRpcTcpProperties {

	/**
	 * Whether to serve JSON-RPC over TCP.
	 */
	private boolean enabled;

	/**
	 * Address to listen on. The loopback address unless set: serving other hosts is a
	 * decision (use TLS).
	 */
	private InetAddress address = InetAddress.getLoopbackAddress();

	/**
	 * Port to listen on; 0 picks a free port, which is logged at startup.
	 */
	private int port;

	/**
	 * How messages are delimited: one per line (ndjson) or with Content-Length headers
	 * (content-length, as language servers do).
	 */
	private JsonRpcFraming framing = JsonRpcFraming.NDJSON;

	/**
	 * Largest message accepted (a line, or a Content-Length); a larger one is answered
	 * with -32005 and closes the connection.
	 */
	private DataSize maxMessageSize = DataSize.ofMegabytes(1);

	/**
	 * Maximum number of messages of one connection being handled at once (4 of them run
	 * at once, the others wait in the connection's queue); at this many the server stops
	 * reading from the connection until one completes.
	 */
	private int maxInFlight = 256;

	/**
	 * Maximum number of messages waiting to be written to one connection; beyond it the
	 * connection is closed as a slow consumer.
	 */
	private int maxOutboundMessages = 1024;

	/**
	 * Maximum size of the messages waiting to be written to one connection; beyond it the
	 * connection is closed as a slow consumer. Also the most bytes of received messages
	 * of one connection not handled yet; further calls are answered with -32005.
	 */
	private DataSize maxOutboundSize = DataSize.ofMegabytes(16);

	/**
	 * Longest a single write to a connection may take before the connection is closed as
	 * a slow consumer.
	 */
	private Duration sendTimeLimit = Duration.ofSeconds(10);

	/**
	 * How long a connection with no call running may stay silent before it is closed.
	 */
	private Duration idleTimeout = Duration.ofMinutes(5);

	/**
	 * How long stopping waits for running calls to be answered before closing the
	 * connections.
	 */
	private Duration shutdownTimeout = Duration.ofSeconds(30);

	private final Ssl ssl = new Ssl();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public InetAddress getAddress() {
		return this.address;
	}

	public void setAddress(InetAddress address) {
		this.address = address;
	}

	public int getPort() {
		return this.port;
	}

	public void setPort(int port) {
		Assert.isTrue(port >= 0 && port <= 65535, "jsonrpc.tcp.port must be between 0 and 65535");
		this.port = port;
	}

	public JsonRpcFraming getFraming() {
		return this.framing;
	}

	public void setFraming(JsonRpcFraming framing) {
		this.framing = framing;
	}

	public DataSize getMaxMessageSize() {
		return this.maxMessageSize;
	}

	public void setMaxMessageSize(DataSize maxMessageSize) {
		Assert.isTrue(maxMessageSize.toBytes() > 0 && maxMessageSize.toBytes() <= Integer.MAX_VALUE,
				"jsonrpc.tcp.max-message-size must be positive and below 2 GB");
		this.maxMessageSize = maxMessageSize;
	}

	public int getMaxInFlight() {
		return this.maxInFlight;
	}

	public void setMaxInFlight(int maxInFlight) {
		Assert.isTrue(maxInFlight > 0, "jsonrpc.tcp.max-in-flight must be positive");
		this.maxInFlight = maxInFlight;
	}

	public int getMaxOutboundMessages() {
		return this.maxOutboundMessages;
	}

	public void setMaxOutboundMessages(int maxOutboundMessages) {
		Assert.isTrue(maxOutboundMessages > 0, "jsonrpc.tcp.max-outbound-messages must be positive");
		this.maxOutboundMessages = maxOutboundMessages;
	}

	public DataSize getMaxOutboundSize() {
		return this.maxOutboundSize;
	}

	public void setMaxOutboundSize(DataSize maxOutboundSize) {
		Assert.isTrue(maxOutboundSize.toBytes() > 0, "jsonrpc.tcp.max-outbound-size must be positive");
		this.maxOutboundSize = maxOutboundSize;
	}

	public Duration getSendTimeLimit() {
		return this.sendTimeLimit;
	}

	public void setSendTimeLimit(Duration sendTimeLimit) {
		PositiveDurations.require(sendTimeLimit, "jsonrpc.tcp.send-time-limit must be positive");
		this.sendTimeLimit = sendTimeLimit;
	}

	public Duration getIdleTimeout() {
		return this.idleTimeout;
	}

	public void setIdleTimeout(Duration idleTimeout) {
		PositiveDurations.require(idleTimeout, "jsonrpc.tcp.idle-timeout must be positive");
		this.idleTimeout = idleTimeout;
	}

	public Duration getShutdownTimeout() {
		return this.shutdownTimeout;
	}

	public void setShutdownTimeout(Duration shutdownTimeout) {
		Assert.isTrue(!shutdownTimeout.isNegative(), "jsonrpc.tcp.shutdown-timeout must not be negative");
		this.shutdownTimeout = shutdownTimeout;
	}

	public Ssl getSsl() {
		return this.ssl;
	}

	/**
	 * TLS of the TCP server.
	 */
	public static class Ssl {

		/**
		 * Name of the SSL bundle (spring.ssl.bundle.*) with the server's key and, for
		 * client certificates, its trust material. Plain TCP unless set.
		 */
		private @Nullable String bundle;

		/**
		 * Whether client certificates are requested or required. With "need", a
		 * connection's principal is the subject of its certificate unless a
		 * JsonRpcConnectionAuthenticator bean decides.
		 */
		private ClientAuth clientAuth = ClientAuth.NONE;

		public @Nullable String getBundle() {
			return this.bundle;
		}

		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
		}

		public ClientAuth getClientAuth() {
			return this.clientAuth;
		}

		public void setClientAuth(ClientAuth clientAuth) {
			this.clientAuth = clientAuth;
		}

	}

	/**
	 * Client certificate policy.
	 */
	public enum ClientAuth {

		/** No client certificate is requested. */
		NONE,

		/** A client certificate is requested but not required. */
		WANT,

		/** A client certificate is required. */
		NEED

	}

}
