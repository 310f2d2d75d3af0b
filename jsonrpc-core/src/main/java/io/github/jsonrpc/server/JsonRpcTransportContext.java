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
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.CollectionUtils;
import org.springframework.util.LinkedCaseInsensitiveMap;
import org.springframework.util.MultiValueMap;

/**
 * What a transport knows about the message being handled, shared by every call of that
 * message: the transport, the URI, headers, remote address, principal, the native request
 * and, for persistent connections, the session. Typed throughout: a transport hands the
 * handler what it offers (a {@link JsonRpcStreamSink}, a {@link JsonRpcSession}) through
 * members of this class, never through string-keyed attributes.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcTransportContext {

	private static final MultiValueMap<String, String> NO_HEADERS = CollectionUtils
		.unmodifiableMultiValueMap(caseInsensitiveHeaders());

	private static final JsonRpcTransportContext IN_PROCESS = builder(Transport.IN_PROCESS).build();

	private final Transport transport;

	private final @Nullable URI uri;

	private final MultiValueMap<String, String> headers;

	private final @Nullable InetSocketAddress remoteAddress;

	private final @Nullable Principal principal;

	private final @Nullable JsonRpcSession session;

	private final @Nullable JsonRpcStreamSink streamSink;

	private final @Nullable Object nativeRequest;

	private JsonRpcTransportContext(Builder builder) {
		this.transport = builder.transport;
		this.uri = builder.uri;
		this.headers = builder.headers();
		this.remoteAddress = builder.remoteAddress;
		this.principal = builder.principal;
		this.session = builder.session;
		this.streamSink = (builder.streamSink != null) ? builder.streamSink
				: (builder.session != null) ? builder.session.streamSink() : null;
		this.nativeRequest = builder.nativeRequest;
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
	 * Create a builder initialized with the values of this context, e.g. to change the
	 * principal.
	 * @return the builder
	 */
	public Builder mutate() {
		Builder builder = new Builder(this.transport).uri(this.uri)
			.remoteAddress(this.remoteAddress)
			.principal(this.principal)
			.session(this.session)
			.streamSink(this.streamSink)
			.nativeRequest(this.nativeRequest);
		builder.sharedHeaders = this.headers;
		return builder;
	}

	/**
	 * Return a read-only, case-insensitive copy of headers that many contexts can share
	 * (e.g. the handshake headers of a connection, copied once rather than per message).
	 * @param headers the headers
	 * @return the shareable headers
	 */
	public static MultiValueMap<String, String> shareableHeaders(Map<String, List<String>> headers) {
		MultiValueMap<String, String> copy = caseInsensitiveHeaders();
		headers.forEach(copy::addAll);
		return CollectionUtils.unmodifiableMultiValueMap(copy);
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
	 * Return where the items of streamed results go: the session's sink on persistent
	 * connections, a per-request sink for HTTP calls that asked for a streamed response.
	 * @return the sink, or {@code null} when results are collected
	 */
	public @Nullable JsonRpcStreamSink streamSink() {
		return this.streamSink;
	}

	/**
	 * Return the transport's own request object, if it is of a type: the
	 * {@code ServerRequest} of an HTTP call, the {@code WebSocketSession} of a WebSocket
	 * connection.
	 * @param <T> the type
	 * @param type the type expected
	 * @return the request, or {@code null} if there is none of that type
	 */
	public <T> @Nullable T nativeRequest(Class<T> type) {
		return type.isInstance(this.nativeRequest) ? type.cast(this.nativeRequest) : null;
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

		/** A TCP connection (see {@code io.github.jsonrpc.server.tcp}). */
		TCP,

		/** Standard input and output of the process. */
		STDIO,

		/** A direct call from Java code. */
		IN_PROCESS

	}

	/**
	 * Builder for {@link JsonRpcTransportContext}.
	 */
	public static final class Builder {

		private final Transport transport;

		private @Nullable URI uri;

		private @Nullable MultiValueMap<String, String> headers;

		private @Nullable MultiValueMap<String, String> sharedHeaders;

		private @Nullable InetSocketAddress remoteAddress;

		private @Nullable Principal principal;

		private @Nullable JsonRpcSession session;

		private @Nullable JsonRpcStreamSink streamSink;

		private @Nullable Object nativeRequest;

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
			MultiValueMap<String, String> headers = this.headers;
			if (headers == null) {
				headers = caseInsensitiveHeaders();
				if (this.sharedHeaders != null) {
					headers.addAll(this.sharedHeaders);
					this.sharedHeaders = null;
				}
				this.headers = headers;
			}
			headers.addAll(name, values);
			return this;
		}

		/**
		 * Use headers made by {@link JsonRpcTransportContext#shareableHeaders}, without
		 * copying them; replaces any header added before.
		 * @param headers the shareable headers
		 * @return this builder
		 */
		public Builder headers(MultiValueMap<String, String> headers) {
			Assert.notNull(headers, "Headers are required");
			this.headers = null;
			this.sharedHeaders = headers;
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
		 * Set the session of a persistent connection; its
		 * {@link JsonRpcSession#streamSink() sink} streams results unless another one is
		 * set.
		 * @param session the session
		 * @return this builder
		 */
		public Builder session(@Nullable JsonRpcSession session) {
			this.session = session;
			return this;
		}

		/**
		 * Set where the items of streamed results go.
		 * @param streamSink the sink, {@code null} to collect results
		 * @return this builder
		 */
		public Builder streamSink(@Nullable JsonRpcStreamSink streamSink) {
			this.streamSink = streamSink;
			return this;
		}

		/**
		 * Set the transport's own request object.
		 * @param nativeRequest the request, e.g. a {@code ServerRequest}
		 * @return this builder
		 */
		public Builder nativeRequest(@Nullable Object nativeRequest) {
			this.nativeRequest = nativeRequest;
			return this;
		}

		private MultiValueMap<String, String> headers() {
			if (this.headers != null) {
				// hand the map over: headers added later go to a copy, never to a built
				// context
				this.sharedHeaders = CollectionUtils.unmodifiableMultiValueMap(this.headers);
				this.headers = null;
			}
			return (this.sharedHeaders != null) ? this.sharedHeaders : NO_HEADERS;
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
