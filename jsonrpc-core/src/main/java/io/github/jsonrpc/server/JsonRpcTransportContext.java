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
package io.github.jsonrpc.server;

import java.net.InetSocketAddress;
import java.net.URI;
import java.security.Principal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.CollectionUtils;
import org.springframework.util.LinkedCaseInsensitiveMap;
import org.springframework.util.MultiValueMap;

/**
 * What a transport knows about the message being handled, shared by every call of that
 * message: the transport, the URI, headers, remote address, principal and, for persistent
 * connections, the session.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcTransportContext {

	private static final JsonRpcTransportContext IN_PROCESS = builder(Transport.IN_PROCESS).build();

	private final Transport transport;

	private final @Nullable URI uri;

	private final MultiValueMap<String, String> headers;

	private final @Nullable InetSocketAddress remoteAddress;

	private final @Nullable Principal principal;

	private final @Nullable JsonRpcSession session;

	private final Map<String, Object> attributes;

	private JsonRpcTransportContext(Builder builder) {
		this.transport = builder.transport;
		this.uri = builder.uri;
		MultiValueMap<String, String> headers = caseInsensitiveHeaders();
		headers.addAll(builder.headers);
		this.headers = CollectionUtils.unmodifiableMultiValueMap(headers);
		this.remoteAddress = builder.remoteAddress;
		this.principal = builder.principal;
		this.session = builder.session;
		this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(builder.attributes));
	}

	/**
	 * Return the context of a call made from plain Java, without a network transport.
	 * @return the in-process context
	 */
	public static JsonRpcTransportContext inProcess() {
		return IN_PROCESS;
	}

	/**
	 * Create a builder.
	 * @param transport the transport the message arrived on
	 * @return the builder
	 */
	public static Builder builder(Transport transport) {
		return new Builder(transport);
	}

	/**
	 * Return the transport the message arrived on.
	 * @return the transport
	 */
	public Transport transport() {
		return this.transport;
	}

	/**
	 * Return the URI of the endpoint.
	 * @return the URI, or {@code null} in process
	 */
	public @Nullable URI uri() {
		return this.uri;
	}

	/**
	 * Return the headers of the HTTP request or of the WebSocket handshake, with
	 * case-insensitive names.
	 * @return the read-only headers, empty in process
	 */
	public MultiValueMap<String, String> headers() {
		return this.headers;
	}

	/**
	 * Return the address of the peer.
	 * @return the address, or {@code null} when unknown
	 */
	public @Nullable InetSocketAddress remoteAddress() {
		return this.remoteAddress;
	}

	/**
	 * Return the authenticated principal established by the transport.
	 * @return the principal, or {@code null} when anonymous
	 */
	public @Nullable Principal principal() {
		return this.principal;
	}

	/**
	 * Return the session of a persistent connection.
	 * @return the session, or {@code null} for HTTP and in-process calls
	 */
	public @Nullable JsonRpcSession session() {
		return this.session;
	}

	/**
	 * Return transport-specific attributes (e.g. the native request).
	 * @return the read-only attributes
	 */
	public Map<String, Object> attributes() {
		return this.attributes;
	}

	private static MultiValueMap<String, String> caseInsensitiveHeaders() {
		// a view, not new LinkedMultiValueMap<>(map), which copies into a case-sensitive
		// map
		return CollectionUtils.toMultiValueMap(new LinkedCaseInsensitiveMap<>());
	}

	/**
	 * The transports a message can arrive on.
	 */
	public enum Transport {

		/** HTTP POST. */
		HTTP,

		/** A WebSocket connection. */
		WEBSOCKET,

		/** A direct call from Java code. */
		IN_PROCESS

	}

	/**
	 * Builder for {@link JsonRpcTransportContext}.
	 */
	public static final class Builder {

		private final Transport transport;

		private @Nullable URI uri;

		private final MultiValueMap<String, String> headers = caseInsensitiveHeaders();

		private @Nullable InetSocketAddress remoteAddress;

		private @Nullable Principal principal;

		private @Nullable JsonRpcSession session;

		private final Map<String, Object> attributes = new LinkedHashMap<>();

		private Builder(Transport transport) {
			Assert.notNull(transport, "Transport is required");
			this.transport = transport;
		}

		/**
		 * Set the URI of the endpoint.
		 * @param uri the URI
		 * @return this builder
		 */
		public Builder uri(@Nullable URI uri) {
			this.uri = uri;
			return this;
		}

		/**
		 * Add a header value.
		 * @param name the header name
		 * @param values the values
		 * @return this builder
		 */
		public Builder header(String name, List<String> values) {
			this.headers.addAll(name, values);
			return this;
		}

		/**
		 * Set the peer address.
		 * @param remoteAddress the address
		 * @return this builder
		 */
		public Builder remoteAddress(@Nullable InetSocketAddress remoteAddress) {
			this.remoteAddress = remoteAddress;
			return this;
		}

		/**
		 * Set the authenticated principal.
		 * @param principal the principal, {@code null} when anonymous
		 * @return this builder
		 */
		public Builder principal(@Nullable Principal principal) {
			this.principal = principal;
			return this;
		}

		/**
		 * Set the session of a persistent connection.
		 * @param session the session
		 * @return this builder
		 */
		public Builder session(@Nullable JsonRpcSession session) {
			this.session = session;
			return this;
		}

		/**
		 * Add an attribute.
		 * @param name the name
		 * @param value the value
		 * @return this builder
		 */
		public Builder attribute(String name, Object value) {
			this.attributes.put(name, value);
			return this;
		}

		/**
		 * Build the context.
		 * @return the context
		 */
		public JsonRpcTransportContext build() {
			return new JsonRpcTransportContext(this);
		}

	}

}
