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
package io.github.jsonrpc.autoconfigure.reactive;

import java.util.List;
import java.util.Map;

import io.github.jsonrpc.autoconfigure.JsonRpcAutoConfiguration;
import io.github.jsonrpc.server.method.annotation.JsonRpcMethod;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Origin checks of WebSocket handshakes on the WebFlux endpoint, on a real Reactor Netty
 * server: the Servlet endpoint's rules ({@code allowed-origins},
 * {@code allowed-origin-patterns}, same origin, {@code allowed-hosts}).
 *
 * @author JSON-RPC for Spring Boot team
 */
@TestInstance(Lifecycle.PER_CLASS)
class JsonRpcReactiveWebSocketOriginTests {

	private ReactiveTestServer server;

	private ReactiveTestServer pinned;

	@BeforeAll
	void start() {
		this.server = ReactiveTestServer.start(List.of("jsonrpc.websocket.allowed-origins=https://app.example.com",
				"jsonrpc.websocket.allowed-origin-patterns=https://*.trusted.example"), Application.class);
		this.pinned = ReactiveTestServer.start(List.of("jsonrpc.websocket.allowed-hosts=jsonrpc.example.com"),
				Application.class);
	}

	@AfterAll
	void stop() {
		this.server.close();
		this.pinned.close();
	}

	@Test
	void clientsWithoutOriginAreServed() {
		assertThat(this.server.handshakeStatus(Map.of())).isEqualTo(101);
		assertThat(this.server.webSocket(new HttpHeaders(), 1, ReactiveTestServer.request("echo", "[\"hi\"]", 1))
			.get(0)
			.get("result")
			.asString()).isEqualTo("hi");
	}

	@Test
	void allowedAndSameOriginsAreAccepted() {
		assertThat(this.server.handshakeStatus(Map.of("Origin", "https://app.example.com"))).isEqualTo(101);
		assertThat(this.server.handshakeStatus(Map.of("Origin", "https://ui.trusted.example"))).isEqualTo(101);
		String self = this.server.uri("http", "").toString();
		assertThat(this.server.handshakeStatus(Map.of("Origin", self))).isEqualTo(101);
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://evil.example", "http://app.example.com", "https://trusted.example.evil", "null",
			"not a url", "file:///etc/passwd" })
	void foreignOrInvalidOriginsAreRefusedWith403(String origin) {
		assertThat(this.server.handshakeStatus(Map.of("Origin", origin))).isEqualTo(403);
	}

	@Test
	void allowedHostsPinSameOrigin() {
		// the Host header alone no longer makes an origin "same"
		String self = this.pinned.uri("http", "").toString();
		assertThat(this.pinned.handshakeStatus(Map.of("Origin", self))).isEqualTo(403);
		assertThat(this.pinned.handshakeStatus(Map.of("Origin", "https://jsonrpc.example.com"))).isEqualTo(101);
		// a host without port stands for the scheme's default port only
		assertThat(this.pinned.handshakeStatus(Map.of("Origin", "https://jsonrpc.example.com:8443"))).isEqualTo(403);
		assertThat(this.pinned.handshakeStatus(Map.of())).isEqualTo(101);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, JsonRpcAutoConfiguration.class,
			JsonRpcWebFluxAutoConfiguration.class, JsonRpcReactiveWebSocketAutoConfiguration.class,
			WebFluxAutoConfiguration.class, HttpHandlerAutoConfiguration.class })
	@Import(EchoService.class)
	static class Application {

	}

	@JsonRpcService
	static class EchoService {

		@JsonRpcMethod
		public String echo(String text) {
			return text;
		}

	}

}
