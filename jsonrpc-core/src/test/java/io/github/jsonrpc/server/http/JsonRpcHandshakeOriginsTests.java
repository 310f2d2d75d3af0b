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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JsonRpcHandshakeOrigins}.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcHandshakeOriginsTests {

	private static final BooleanSupplier SAME = () -> true;

	private static final BooleanSupplier OTHER = () -> false;

	private static final BooleanSupplier FAILING = () -> {
		throw new IllegalArgumentException("invalid Host");
	};

	private final JsonRpcHandshakeOrigins none = new JsonRpcHandshakeOrigins(List.of(), List.of(), List.of());

	@Test
	void handshakeWithoutOriginIsAcceptedWithoutAskingTheHost() {
		AtomicInteger asked = new AtomicInteger();
		assertThat(this.none.isAllowed(null, () -> asked.incrementAndGet() > 0 && false)).isTrue();
		assertThat(asked).hasValue(0);
	}

	@Test
	void originThatIsNotAnHttpUrlIsRefusedEvenWhenSameOriginWouldAccept() {
		JsonRpcHandshakeOrigins any = new JsonRpcHandshakeOrigins(List.of("*"), List.of("*"), List.of());
		assertThat(any.isAllowed("null", SAME)).isFalse();
		assertThat(any.isAllowed("file:///etc", SAME)).isFalse();
		assertThat(any.isAllowed("ws://example.com", SAME)).isFalse();
		assertThat(any.isAllowed("http://", SAME)).isFalse();
		assertThat(any.isAllowed("http:// bad host", SAME)).isFalse();
		assertThat(any.isAllowed("%%%", SAME)).isFalse();
	}

	@Test
	void httpAndHttpsOriginsInAnyCaseAreParsed() {
		assertThat(this.none.isAllowed("http://example.com", SAME)).isTrue();
		assertThat(this.none.isAllowed("HTTPS://example.com", SAME)).isTrue();
		assertThat(this.none.isAllowed("https://example.com:8443", SAME)).isTrue();
	}

	@Test
	void allowedOriginIsAcceptedAndOthersAreNot() {
		JsonRpcHandshakeOrigins origins = new JsonRpcHandshakeOrigins(List.of("https://app.example.com"), List.of(),
				List.of());
		assertThat(origins.isAllowed("https://app.example.com", OTHER)).isTrue();
		assertThat(origins.isAllowed("https://evil.example.com", OTHER)).isFalse();
	}

	@Test
	void allowedOriginPatternIsAccepted() {
		JsonRpcHandshakeOrigins origins = new JsonRpcHandshakeOrigins(List.of(), List.of("https://*.example.com"),
				List.of());
		assertThat(origins.isAllowed("https://app.example.com", OTHER)).isTrue();
		assertThat(origins.isAllowed("https://example.org", OTHER)).isFalse();
	}

	@Test
	void withoutAllowedHostsTheStackDecidesSameOrigin() {
		assertThat(this.none.isAllowed("https://example.com", SAME)).isTrue();
		assertThat(this.none.isAllowed("https://example.com", OTHER)).isFalse();
	}

	@Test
	void hostThatCannotBeComparedIsNotSameOrigin() {
		assertThat(this.none.isAllowed("https://example.com", FAILING)).isFalse();
	}

	@Test
	void allowedHostsAreComparedIgnoringCaseWithoutAskingTheStack() {
		JsonRpcHandshakeOrigins origins = new JsonRpcHandshakeOrigins(List.of(), List.of(), List.of("API.Example.com"));
		assertThat(origins.isAllowed("https://api.EXAMPLE.com", OTHER)).isTrue();
		assertThat(origins.isAllowed("https://other.example.com", SAME)).isFalse();
		assertThat(origins.isAllowed("https://api.example.com:8443", OTHER)).isFalse();
	}

	@Test
	void allowedHostWithPortMatchesOnlyThatPort() {
		JsonRpcHandshakeOrigins origins = new JsonRpcHandshakeOrigins(List.of(), List.of(),
				List.of("api.example.com:8443"));
		assertThat(origins.isAllowed("https://api.example.com:8443", OTHER)).isTrue();
		assertThat(origins.isAllowed("https://api.example.com:9443", SAME)).isFalse();
		assertThat(origins.isAllowed("https://api.example.com", SAME)).isFalse();
	}

	private final JsonRpcHandshakeOrigins pinned = new JsonRpcHandshakeOrigins(List.of(), List.of(),
			List.of("rpc.example.com", "Local.example:8080", "tls.example:8443"));

	@ParameterizedTest
	@ValueSource(strings = { "http://rpc.example.com", "https://rpc.example.com", "http://rpc.example.com:80",
			"https://rpc.example.com:443", "HTTPS://RPC.Example.com" })
	void hostWithoutPortMatchesTheDefaultPortOfEitherScheme(String origin) {
		assertThat(isAllowed(origin)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://rpc.example.com:8080", "https://rpc.example.com:8443",
			"http://rpc.example.com:443", "https://rpc.example.com:80" })
	void hostWithoutPortRejectsEveryOtherPort(String origin) {
		assertThat(isAllowed(origin)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://local.example:8080", "https://local.example:8080", "https://tls.example:8443" })
	void hostWithPortMatchesThatPort(String origin) {
		assertThat(isAllowed(origin)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://local.example", "https://local.example", "http://local.example:8081",
			"https://tls.example", "http://other.example:8080", "https://evil.rpc.example.com" })
	void hostWithPortRejectsOtherPortsAndHosts(String origin) {
		assertThat(isAllowed(origin)).isFalse();
	}

	@Test
	void defaultPortWrittenInTheEntryMatchesAnOriginWithoutPort() {
		JsonRpcHandshakeOrigins origins = new JsonRpcHandshakeOrigins(List.of(), List.of(),
				List.of("a.example:443", "b.example:80"));
		assertThat(origins.isAllowed("https://a.example", () -> false)).isTrue();
		assertThat(origins.isAllowed("http://a.example", () -> false)).isFalse();
		assertThat(origins.isAllowed("http://b.example", () -> false)).isTrue();
		assertThat(origins.isAllowed("https://b.example", () -> false)).isFalse();
	}

	@Test
	void allowedHostsReplaceTheHostHeader() {
		assertThat(this.pinned.isAllowed("https://evil.example", () -> true)).isFalse();
		JsonRpcHandshakeOrigins byHost = new JsonRpcHandshakeOrigins(List.of(), List.of(), List.of());
		assertThat(byHost.isAllowed("https://any.example:9999", () -> true)).isTrue();
		assertThat(byHost.isAllowed("https://any.example:9999", () -> false)).isFalse();
	}

	@Test
	void originsWithoutOriginOrNotHttpAreDecidedFirst() {
		assertThat(this.pinned.isAllowed(null, () -> false)).isTrue();
		assertThat(this.pinned.isAllowed("ws://rpc.example.com", () -> true)).isFalse();
		assertThat(this.pinned.isAllowed("null", () -> true)).isFalse();
	}

	private boolean isAllowed(String origin) {
		// the Host header is never asked once allowed hosts are configured
		return this.pinned.isAllowed(origin, () -> {
			throw new AssertionError("Host header consulted for " + origin);
		});
	}

}
