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
package io.github.jsonrpc.server.http;

import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import io.github.jsonrpc.protocol.JsonRpcLogText;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Decides whether a WebSocket handshake may come from its {@code Origin}, the same way on
 * every stack (the Servlet handshake interceptor and the WebFlux handler mapping use it):
 * allowed origins and origin patterns, then same origin. A handshake without
 * {@code Origin} (a non-browser client) is accepted; one whose {@code Origin} is not a
 * valid {@code http(s)} URL is refused. Same origin compares with the configured allowed
 * hosts when there are some, otherwise the stack decides from the request's {@code Host}.
 *
 * <p>
 * An allowed host is compared with the {@code Origin}'s host and port, the port being the
 * scheme's default ({@code 80} for {@code http}, {@code 443} for {@code https}) when the
 * {@code Origin} does not write one: {@code host:port} matches that port only, and a bare
 * {@code host} matches the scheme's default port only (as a {@code Host} header without a
 * port means), never {@code http://host:8080}. Either scheme matches, since a host name
 * does not say which one the server is reached with: list exact origins in the allowed
 * origins to pin it.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcHandshakeOrigins {

	private static final Log logger = LogFactory.getLog(JsonRpcHandshakeOrigins.class);

	private final CorsConfiguration origins = new CorsConfiguration();

	private final List<String> allowedHosts;

	/**
	 * Create a new instance.
	 * @param allowedOrigins origins accepted, e.g. {@code https://example.com}
	 * @param allowedOriginPatterns origin patterns accepted, e.g.
	 * {@code https://*.example.com}
	 * @param allowedHosts hosts ({@code host} or {@code host:port}) this server is
	 * reached at; a bare {@code host} stands for the scheme's default port; empty to
	 * trust the {@code Host} header
	 */
	public JsonRpcHandshakeOrigins(List<String> allowedOrigins, List<String> allowedOriginPatterns,
			List<String> allowedHosts) {
		this.origins.setAllowedOrigins(List.copyOf(allowedOrigins));
		this.origins.setAllowedOriginPatterns(List.copyOf(allowedOriginPatterns));
		this.allowedHosts = allowedHosts.stream().map((host) -> host.toLowerCase(Locale.ROOT)).toList();
	}

	/**
	 * Return whether a handshake with this {@code Origin} is accepted.
	 * @param origin the {@code Origin} header, {@code null} when absent
	 * @param sameOriginAsHost whether the origin is the one of the request's
	 * {@code Host}; asked only when no allowed hosts are configured
	 * @return {@code true} to go on with the handshake, {@code false} for {@code 403}
	 */
	public boolean isAllowed(@Nullable String origin, BooleanSupplier sameOriginAsHost) {
		if (origin == null) {
			return true;
		}
		UriComponents url = parse(origin);
		if (url == null) {
			if (logger.isDebugEnabled()) {
				logger.debug("WebSocket handshake refused: invalid Origin " + JsonRpcLogText.escape(origin));
			}
			return false;
		}
		if (this.origins.checkOrigin(origin) != null || isSameOrigin(url, sameOriginAsHost)) {
			return true;
		}
		if (logger.isDebugEnabled()) {
			logger.debug("WebSocket handshake refused: Origin " + JsonRpcLogText.escape(origin) + " not allowed");
		}
		return false;
	}

	private boolean isSameOrigin(UriComponents origin, BooleanSupplier sameOriginAsHost) {
		if (this.allowedHosts.isEmpty()) {
			try {
				return sameOriginAsHost.getAsBoolean();
			}
			catch (RuntimeException ex) {
				// e.g. a Host header that is not a valid authority
				return false;
			}
		}
		String host = origin.getHost().toLowerCase(Locale.ROOT);
		int port = (origin.getPort() != -1) ? origin.getPort() : defaultPort(origin.getScheme());
		// a bare host means the scheme's default port, as in a Host header
		return this.allowedHosts.contains(host + ":" + port)
				|| (port == defaultPort(origin.getScheme()) && this.allowedHosts.contains(host));
	}

	private static int defaultPort(@Nullable String scheme) {
		return "https".equalsIgnoreCase(scheme) ? 443 : 80;
	}

	private static @Nullable UriComponents parse(String origin) {
		try {
			UriComponents url = UriComponentsBuilder.fromUriString(origin).build();
			boolean http = "http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme());
			return (http && url.getHost() != null && !url.getHost().isEmpty()) ? url : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
