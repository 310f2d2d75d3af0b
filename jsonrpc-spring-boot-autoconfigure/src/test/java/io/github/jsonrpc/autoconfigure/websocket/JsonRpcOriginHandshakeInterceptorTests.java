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

import java.util.HashMap;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JsonRpcOriginHandshakeInterceptor}.
 *
 * @author jsonrpc-dev
 */
class JsonRpcOriginHandshakeInterceptorTests {

	private final JsonRpcOriginHandshakeInterceptor sameOrigin = new JsonRpcOriginHandshakeInterceptor(List.of(),
			List.of(), List.of());

	@Test
	void handshakeWithoutOriginIsAccepted() {
		assertThat(handshake(this.sameOrigin, "localhost:8080", null)).isNull();
	}

	@Test
	void sameOriginByHostHeaderIsAccepted() {
		assertThat(handshake(this.sameOrigin, "localhost:8080", "http://localhost:8080")).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://[bad", "not a url", "null", "http://", "ftp://localhost:8080", "%%%" })
	void invalidOriginIs403(String origin) {
		assertThat(handshake(this.sameOrigin, "localhost:8080", origin)).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void foreignOriginIs403() {
		assertThat(handshake(this.sameOrigin, "localhost:8080", "https://evil.example"))
			.isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void allowedOriginsAndPatternsAreAccepted() {
		JsonRpcOriginHandshakeInterceptor interceptor = new JsonRpcOriginHandshakeInterceptor(
				List.of("https://app.example"), List.of("https://*.example.org"), List.of());
		assertThat(handshake(interceptor, "rpc.example", "https://app.example")).isNull();
		assertThat(handshake(interceptor, "rpc.example", "https://a.example.org")).isNull();
		assertThat(handshake(interceptor, "rpc.example", "https://other.example")).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void allowedHostsReplaceTheHostHeaderForSameOrigin() {
		JsonRpcOriginHandshakeInterceptor interceptor = new JsonRpcOriginHandshakeInterceptor(List.of(), List.of(),
				List.of("rpc.example.com", "localhost:8080"));
		// a forged Host header no longer makes a foreign origin "same origin"
		assertThat(handshake(interceptor, "evil.example", "https://evil.example")).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(handshake(interceptor, "whatever", "https://RPC.example.com")).isNull();
		// a host without port stands for the scheme's default port only
		assertThat(handshake(interceptor, "whatever", "https://rpc.example.com:8443")).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(handshake(interceptor, "whatever", "http://localhost:8080")).isNull();
		assertThat(handshake(interceptor, "whatever", "http://localhost:9090")).isEqualTo(HttpStatus.FORBIDDEN);
	}

	private static HttpStatus handshake(JsonRpcOriginHandshakeInterceptor interceptor, String host, String origin) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/jsonrpc");
		request.addHeader("Host", host);
		if (origin != null) {
			request.addHeader("Origin", origin);
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		ServletServerHttpResponse serverResponse = new ServletServerHttpResponse(response);
		boolean accepted = interceptor.beforeHandshake(new ServletServerHttpRequest(request), serverResponse,
				new TextWebSocketHandler(), new HashMap<>());
		serverResponse.close();
		if (accepted) {
			return null;
		}
		return HttpStatus.valueOf(response.getStatus());
	}

}
