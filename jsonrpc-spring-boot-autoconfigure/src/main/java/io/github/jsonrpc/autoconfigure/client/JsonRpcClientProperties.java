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

package io.github.jsonrpc.autoconfigure.client;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.jsonrpc.autoconfigure.PositiveDurations;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of named JSON-RPC clients, under
 * {@code jsonrpc.client.<name>}; the name is the one of
 * {@code @JsonRpcRemote(name = ...)}. Like Spring Boot's HTTP service client properties,
 * this is a map of names to settings.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
@ConfigurationProperties("jsonrpc.client")
public class JsonRpcClientProperties extends LinkedHashMap<String, JsonRpcClientProperties.Client> {

	/**
	 * Settings of one named client.
	 */
	public static class Client {

		/**
		 * URL of the JSON-RPC endpoint: http(s)://, ws(s):// or tcp(s)://host:port
		 * (?framing=content-length for Content-Length framing).
		 */
		private @Nullable String url;

		/**
		 * Transport to use, HTTP or WebSocket, rewriting the URL's scheme; derived from
		 * the scheme when not set. Not allowed with a tcp(s):// URL.
		 */
		private @Nullable Transport transport;

		/**
		 * Connect timeout of the HTTP connection, the WebSocket handshake, or the TCP
		 * connection and its TLS handshake (the TLS handshake: 10 s when unset). Setting
		 * it makes HTTP clients use a JDK HttpClient request factory with this connect
		 * timeout and the timeout below as read timeout, instead of the
		 * RestClient.Builder's.
		 */
		private @Nullable Duration connectTimeout;

		/**
		 * How long to wait for a response. Blocking HTTP calls are bounded by the HTTP
		 * client's read timeout, which is this timeout when a connect timeout is set.
		 */
		private Duration timeout = Duration.ofSeconds(30);

		/**
		 * Headers sent with every HTTP request or with the WebSocket handshake.
		 */
		private Map<String, String> headers = new LinkedHashMap<>();

		/**
		 * Username for HTTP Basic authentication.
		 */
		private @Nullable String username;

		/**
		 * Password for HTTP Basic authentication.
		 */
		private @Nullable String password;

		/**
		 * Bearer token sent in the Authorization header.
		 */
		private @Nullable String bearerToken;

		/**
		 * First delay before reconnecting a dropped WebSocket connection; doubles on each
		 * failed attempt.
		 */
		private Duration reconnectInitialDelay = Duration.ofMillis(500);

		/**
		 * Largest delay between WebSocket reconnect attempts; at least the initial delay.
		 */
		private Duration reconnectMaxDelay = Duration.ofSeconds(30);

		public @Nullable String getUrl() {
			return this.url;
		}

		public void setUrl(@Nullable String url) {
			this.url = url;
		}

		public @Nullable Transport getTransport() {
			return this.transport;
		}

		public void setTransport(@Nullable Transport transport) {
			this.transport = transport;
		}

		public @Nullable Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(@Nullable Duration connectTimeout) {
			PositiveDurations.requireUnlessUnset(connectTimeout, "jsonrpc.client.*.connect-timeout must be positive");
			this.connectTimeout = connectTimeout;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			PositiveDurations.require(timeout, "jsonrpc.client.*.timeout must be positive");
			this.timeout = timeout;
		}

		public Map<String, String> getHeaders() {
			return this.headers;
		}

		public void setHeaders(Map<String, String> headers) {
			this.headers = headers;
		}

		public @Nullable String getUsername() {
			return this.username;
		}

		public void setUsername(@Nullable String username) {
			this.username = username;
		}

		public @Nullable String getPassword() {
			return this.password;
		}

		public void setPassword(@Nullable String password) {
			this.password = password;
		}

		public @Nullable String getBearerToken() {
			return this.bearerToken;
		}

		public void setBearerToken(@Nullable String bearerToken) {
			this.bearerToken = bearerToken;
		}

		public Duration getReconnectInitialDelay() {
			return this.reconnectInitialDelay;
		}

		public void setReconnectInitialDelay(Duration reconnectInitialDelay) {
			PositiveDurations.require(reconnectInitialDelay,
					"jsonrpc.client.*.reconnect-initial-delay must be positive");
			this.reconnectInitialDelay = reconnectInitialDelay;
		}

		public Duration getReconnectMaxDelay() {
			return this.reconnectMaxDelay;
		}

		public void setReconnectMaxDelay(Duration reconnectMaxDelay) {
			PositiveDurations.require(reconnectMaxDelay, "jsonrpc.client.*.reconnect-max-delay must be positive");
			this.reconnectMaxDelay = reconnectMaxDelay;
		}

	}

	/**
	 * Client transports.
	 */
	public enum Transport {

		/** HTTP POST through a {@code RestClient}. */
		HTTP,

		/** One WebSocket connection. */
		WEBSOCKET

	}

}
