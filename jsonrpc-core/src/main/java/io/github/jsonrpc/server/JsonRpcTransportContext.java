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
import java.util.function.Supplier;

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
 * <p>
 * A transport may hand over the URI, the headers and the remote address as suppliers:
 * they are then computed when first asked for, at most once per context in the common
 * case, so a call that never looks at them does not pay for them. Such suppliers read the
 * transport's request, so they must be asked before the request is complete; the HTTP
 * transport resolves them before it hands a call to another thread.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcTransportContext {

	private static final MultiValueMap<String, String> NO_HEADERS = CollectionUtils
		.unmodifiableMultiValueMap(caseInsensitiveHeaders());

	private static final JsonRpcTransportContext IN_PROCESS = builder(Transport.IN_PROCESS).build();

	private final Transport transport;

	// each lazy member: the value, or the supplier still to be asked (volatile, and the
	// value written before the supplier is cleared, so a reader that sees no supplier
	// sees the value)
	private volatile @Nullable URI uri;

	private volatile @Nullable Supplier<? extends @Nullable URI> uriSupplier;

	private volatile MultiValueMap<String, String> headers;

	private volatile @Nullable Supplier<? extends MultiValueMap<String, String>> headersSupplier;

	private volatile @Nullable InetSocketAddress remoteAddress;

	private volatile @Nullable Supplier<? extends @Nullable InetSocketAddress> remoteAddressSupplier;

	private final @Nullable Principal principal;

	private final @Nullable JsonRpcSession session;

	private final @Nullable JsonRpcStreamSink streamSink;

	private volatile @Nullable Object nativeRequest;

	private final @Nullable Class<?> nativeRequestType;

	private volatile @Nullable Supplier<?> nativeRequestSupplier;

	private JsonRpcTransportContext(Builder builder) {
		this.transport = builder.transport;
		this.uri = builder.uri;
		this.uriSupplier = builder.uriSupplier;
		this.headers = builder.headers();
		this.headersSupplier = builder.headersSupplier;
		this.remoteAddress = builder.remoteAddress;
		this.remoteAddressSupplier = builder.remoteAddressSupplier;
		this.principal = builder.principal;
		this.session = builder.session;
		this.streamSink = (builder.streamSink != null) ? builder.streamSink
				: (builder.session != null) ? builder.session.streamSink() : null;
		this.nativeRequest = builder.nativeRequest;
		this.nativeRequestType = builder.nativeRequestType;
		this.nativeRequestSupplier = builder.nativeRequestSupplier;
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
		Builder builder = new Builder(this.transport).principal(this.principal)
			.session(this.session)
			.streamSink(this.streamSink);
		Supplier<?> nativeRequestSupplier = this.nativeRequestSupplier;
		builder.nativeRequest = (nativeRequestSupplier != null) ? null : this.nativeRequest;
		builder.nativeRequestType = (nativeRequestSupplier != null) ? this.nativeRequestType : null;
		builder.nativeRequestSupplier = nativeRequestSupplier;
		// still unresolved suppliers are passed on, not asked
		Supplier<? extends @Nullable URI> uriSupplier = this.uriSupplier;
		builder.uri = (uriSupplier != null) ? null : this.uri;
		builder.uriSupplier = uriSupplier;
		Supplier<? extends @Nullable InetSocketAddress> remoteAddressSupplier = this.remoteAddressSupplier;
		builder.remoteAddress = (remoteAddressSupplier != null) ? null : this.remoteAddress;
		builder.remoteAddressSupplier = remoteAddressSupplier;
		Supplier<? extends MultiValueMap<String, String>> headersSupplier = this.headersSupplier;
		if (headersSupplier != null) {
			builder.headersSupplier = headersSupplier;
		}
		else {
			builder.sharedHeaders = this.headers;
		}
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
		Supplier<? extends @Nullable URI> supplier = this.uriSupplier;
		if (supplier == null) {
			return this.uri;
		}
		// racy: two threads may both ask the supplier, which gives the same value
		URI uri = supplier.get();
		this.uri = uri;
		this.uriSupplier = null;
		return uri;
	}

	/**
	 * Return the headers of the HTTP request or of the WebSocket handshake, with
	 * case-insensitive names.
	 * @return the read-only headers, empty in process
	 */
	public MultiValueMap<String, String> headers() {
		Supplier<? extends MultiValueMap<String, String>> supplier = this.headersSupplier;
		if (supplier == null) {
			return this.headers;
		}
		MultiValueMap<String, String> headers = supplier.get();
		this.headers = headers;
		this.headersSupplier = null;
		return headers;
	}

	/**
	 * Return the address of the peer.
	 * @return the address, or {@code null} when unknown
	 */
	public @Nullable InetSocketAddress remoteAddress() {
		Supplier<? extends @Nullable InetSocketAddress> supplier = this.remoteAddressSupplier;
		if (supplier == null) {
			return this.remoteAddress;
		}
		InetSocketAddress remoteAddress = supplier.get();
		this.remoteAddress = remoteAddress;
		this.remoteAddressSupplier = null;
		return remoteAddress;
	}

	/**
	 * Ask every supplier the transport handed over now, so that nothing reads the
	 * transport's request later, e.g. before a call goes on on another thread.
	 * @return this context
	 */
	public JsonRpcTransportContext resolve() {
		uri();
		headers();
		remoteAddress();
		nativeRequest(Object.class);
		return this;
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
		Supplier<?> supplier = this.nativeRequestSupplier;
		if (supplier != null) {
			Class<?> suppliedType = this.nativeRequestType;
			if (suppliedType == null || !type.isAssignableFrom(suppliedType)) {
				// not what the supplier makes: no reason to make it
				return null;
			}
			Object request = supplier.get();
			this.nativeRequest = request;
			this.nativeRequestSupplier = null;
			return type.isInstance(request) ? type.cast(request) : null;
		}
		Object request = this.nativeRequest;
		return type.isInstance(request) ? type.cast(request) : null;
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

		private @Nullable Supplier<? extends @Nullable URI> uriSupplier;

		private @Nullable MultiValueMap<String, String> headers;

		private @Nullable MultiValueMap<String, String> sharedHeaders;

		private @Nullable Supplier<? extends MultiValueMap<String, String>> headersSupplier;

		private @Nullable InetSocketAddress remoteAddress;

		private @Nullable Supplier<? extends @Nullable InetSocketAddress> remoteAddressSupplier;

		private @Nullable Principal principal;

		private @Nullable JsonRpcSession session;

		private @Nullable JsonRpcStreamSink streamSink;

		private @Nullable Object nativeRequest;

		private @Nullable Class<?> nativeRequestType;

		private @Nullable Supplier<?> nativeRequestSupplier;

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
			this.uriSupplier = null;
			return this;
		}

		/**
		 * Set the URI of the endpoint, computed when first asked for.
		 * @param uri supplies the URI; asked at most once in the common case, and only
		 * while the transport's request is in progress
		 * @return this builder
		 */
		public Builder uri(Supplier<? extends @Nullable URI> uri) {
			Assert.notNull(uri, "URI supplier is required");
			this.uri = null;
			this.uriSupplier = uri;
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
				if (this.headersSupplier != null) {
					headers.addAll(this.headersSupplier.get());
					this.headersSupplier = null;
				}
				else if (this.sharedHeaders != null) {
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
			this.headersSupplier = null;
			this.sharedHeaders = headers;
			return this;
		}

		/**
		 * Use headers computed when first asked for; replaces any header added before.
		 * @param headers supplies read-only, case-insensitive headers, e.g. made by
		 * {@link JsonRpcTransportContext#shareableHeaders}; asked at most once in the
		 * common case, and only while the transport's request is in progress
		 * @return this builder
		 */
		public Builder headers(Supplier<? extends MultiValueMap<String, String>> headers) {
			Assert.notNull(headers, "Headers supplier is required");
			this.headers = null;
			this.sharedHeaders = null;
			this.headersSupplier = headers;
			return this;
		}

		/**
		 * Set the peer address.
		 * @param remoteAddress the address
		 * @return this builder
		 */
		public Builder remoteAddress(@Nullable InetSocketAddress remoteAddress) {
			this.remoteAddress = remoteAddress;
			this.remoteAddressSupplier = null;
			return this;
		}

		/**
		 * Set the peer address, computed when first asked for.
		 * @param remoteAddress supplies the address; asked at most once in the common
		 * case, and only while the transport's request is in progress
		 * @return this builder
		 */
		public Builder remoteAddress(Supplier<? extends @Nullable InetSocketAddress> remoteAddress) {
			Assert.notNull(remoteAddress, "Remote address supplier is required");
			this.remoteAddress = null;
			this.remoteAddressSupplier = remoteAddress;
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
			this.nativeRequestType = null;
			this.nativeRequestSupplier = null;
			return this;
		}

		/**
		 * Set the transport's own request object, made when first asked for with a type
		 * it is an instance of.
		 * @param <T> the type of the request
		 * @param type the type of the request, e.g. {@code ServerRequest}
		 * @param nativeRequest supplies the request; asked at most once in the common
		 * case, and only while the transport's request is in progress
		 * @return this builder
		 */
		public <T> Builder nativeRequest(Class<T> type, Supplier<? extends T> nativeRequest) {
			Assert.notNull(type, "Type is required");
			Assert.notNull(nativeRequest, "Native request supplier is required");
			this.nativeRequest = null;
			this.nativeRequestType = type;
			this.nativeRequestSupplier = nativeRequest;
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
