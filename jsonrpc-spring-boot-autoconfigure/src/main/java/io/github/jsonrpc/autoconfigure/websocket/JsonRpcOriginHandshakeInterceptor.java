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

import java.util.List;
import java.util.Map;

import io.github.jsonrpc.server.http.JsonRpcHandshakeOrigins;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.WebUtils;

/**
 * {@link HandshakeInterceptor} that checks the {@code Origin} of WebSocket handshakes
 * with {@link JsonRpcHandshakeOrigins} (the rules the WebFlux endpoint applies too):
 * allowed origins and origin patterns, then same origin. A handshake without
 * {@code Origin} (a non-browser client) is accepted; one whose {@code Origin} is not a
 * valid URL gets {@code 403}, never a server error. Same origin compares with the
 * configured allowed hosts when there are some, otherwise with the {@code Host} header.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcOriginHandshakeInterceptor implements HandshakeInterceptor {

	private final JsonRpcHandshakeOrigins origins;

	/**
	 * Create a new instance.
	 * @param allowedOrigins origins accepted, e.g. {@code https://example.com}
	 * @param allowedOriginPatterns origin patterns accepted, e.g.
	 * {@code https://*.example.com}
	 * @param allowedHosts hosts ({@code host} or {@code host:port}) this server is
	 * reached at; empty to trust the {@code Host} header
	 */
	public JsonRpcOriginHandshakeInterceptor(List<String> allowedOrigins, List<String> allowedOriginPatterns,
			List<String> allowedHosts) {
		this.origins = new JsonRpcHandshakeOrigins(allowedOrigins, allowedOriginPatterns, allowedHosts);
	}

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler wsHandler,
			Map<String, Object> attributes) {
		if (this.origins.isAllowed(request.getHeaders().getOrigin(), () -> WebUtils.isSameOrigin(request))) {
			return true;
		}
		response.setStatusCode(HttpStatus.FORBIDDEN);
		return false;
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler wsHandler,
			@Nullable Exception exception) {
	}

}
