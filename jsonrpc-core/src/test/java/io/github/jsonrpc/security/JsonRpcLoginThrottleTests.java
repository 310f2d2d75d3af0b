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
package io.github.jsonrpc.security;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.security.TestSecurity.TestSession;
import io.github.jsonrpc.server.JsonRpcException;
import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.JsonRpcSession;
import io.github.jsonrpc.server.JsonRpcTransportContext;
import io.github.jsonrpc.server.JsonRpcTransportContext.Transport;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link JsonRpcLoginThrottle} and its use by {@link JsonRpcLoginMethod}.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcLoginThrottleTests {

	private final MutableClock clock = new MutableClock();

	private final JsonRpcLoginThrottle throttle = new JsonRpcLoginThrottle(3, 5, Duration.ofMinutes(1), this.clock);

	private final InetAddress address = InetAddress.getLoopbackAddress();

	@Test
	void connectionIsBlockedAfterItsFailuresUntilTheWindowIsOver() {
		TestSession session = new TestSession("1", null);
		for (int i = 0; i < 3; i++) {
			assertThat(this.throttle.tryAcquire(session, this.address)).isTrue();
		}
		assertThat(this.throttle.tryAcquire(session, this.address)).isFalse();
		assertThat(this.throttle.tryAcquire(new TestSession("2", null), this.address)).isTrue();
		this.clock.advance(Duration.ofSeconds(59));
		assertThat(this.throttle.tryAcquire(session, this.address)).isFalse();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.throttle.tryAcquire(session, this.address)).isTrue();
	}

	@Test
	void attemptsAreCountedBeforeTheyFinishSoConcurrentOnesCannotAllPass() {
		TestSession session = new TestSession("1", null);
		// three attempts running at once, none finished: the fourth is refused
		assertThat(this.throttle.tryAcquire(session, null)).isTrue();
		assertThat(this.throttle.tryAcquire(session, null)).isTrue();
		assertThat(this.throttle.tryAcquire(session, null)).isTrue();
		assertThat(this.throttle.tryAcquire(session, null)).isFalse();
	}

	@Test
	void addressIsBlockedAcrossItsConnections() throws Exception {
		for (int i = 0; i < 5; i++) {
			assertThat(this.throttle.tryAcquire(new TestSession("s" + i, null), this.address)).isTrue();
		}
		assertThat(this.throttle.tryAcquire(new TestSession("fresh", null), this.address)).isFalse();
		assertThat(this.throttle.tryAcquire(new TestSession("fresh", null), InetAddress.getByName("192.0.2.1")))
			.isTrue();
		assertThat(this.throttle.tryAcquire(new TestSession("fresh2", null), null)).isTrue();
	}

	@Test
	void ipv6AddressesCountByTheirSlash64Prefix() throws Exception {
		for (int i = 0; i < 5; i++) {
			InetAddress one = InetAddress.getByName("2001:db8:1:2::" + Integer.toHexString(i + 1));
			assertThat(this.throttle.tryAcquire(new TestSession("s" + i, null), one)).isTrue();
		}
		assertThat(this.throttle.tryAcquire(new TestSession("fresh", null), InetAddress.getByName("2001:db8:1:2::ff")))
			.isFalse();
		assertThat(this.throttle.tryAcquire(new TestSession("fresh", null), InetAddress.getByName("2001:db8:1:3::1")))
			.isTrue();
	}

	@Test
	void refusedByItsAddressCountsNothingForTheConnection() {
		for (int i = 0; i < 5; i++) {
			this.throttle.tryAcquire(new TestSession("s" + i, null), this.address);
		}
		TestSession session = new TestSession("x", null);
		for (int i = 0; i < 5; i++) {
			assertThat(this.throttle.tryAcquire(session, this.address)).isFalse();
		}
		// from an address without failures the connection still has all its attempts
		for (int i = 0; i < 3; i++) {
			assertThat(this.throttle.tryAcquire(session, null)).isTrue();
		}
	}

	@Test
	void successClearsTheConnectionAndGivesTheAttemptBackToTheAddress() {
		TestSession session = new TestSession("1", null);
		for (int i = 0; i < 3; i++) {
			assertThat(this.throttle.tryAcquire(session, this.address)).isTrue();
		}
		this.throttle.succeeded(session, this.address);
		// the connection starts again; its address counts the two failures and the next
		assertThat(this.throttle.tryAcquire(session, this.address)).isTrue();
		assertThat(this.throttle.tryAcquire(session, this.address)).isTrue();
		assertThat(this.throttle.tryAcquire(new TestSession("2", null), this.address)).isTrue();
		// five attempts from the address in the window
		assertThat(this.throttle.tryAcquire(new TestSession("3", null), this.address)).isFalse();
	}

	@Test
	void closedConnectionIsForgotten() {
		TestSession session = new TestSession("1", null);
		for (int i = 0; i < 3; i++) {
			this.throttle.tryAcquire(session, null);
		}
		assertThat(this.throttle.tryAcquire(session, null)).isFalse();
		session.close();
		assertThat(this.throttle.tryAcquire(new TestSession("1", null), null)).isTrue();
	}

	@Test
	void connectionClosedBeforeItsFirstAttemptLeavesNothingBehind() {
		TestSession session = new TestSession("1", null);
		session.close();
		for (int i = 0; i < 3; i++) {
			this.throttle.tryAcquire(session, null);
		}
		// the window was dropped at once: a new connection with the same id starts afresh
		assertThat(this.throttle.tryAcquire(new TestSession("1", null), null)).isTrue();
	}

	@Test
	void fullAddressTableThrottlesNewAddressesPerConnectionOnlyAndKeepsTheOthers() throws Exception {
		JsonRpcLoginThrottle throttle = new JsonRpcLoginThrottle(3, 1, Duration.ofMinutes(1), this.clock);
		assertThat(throttle.tryAcquire(new TestSession("first", null), this.address)).isTrue();
		for (int i = 1; i < JsonRpcLoginThrottle.MAX_ADDRESSES; i++) {
			byte[] bytes = { 10, (byte) (i >> 16), (byte) (i >> 8), (byte) i };
			throttle.tryAcquire(new TestSession("s" + i, null), InetAddress.getByAddress(bytes));
		}
		InetAddress newcomer = InetAddress.getByName("192.0.2.7");
		assertThat(throttle.tryAcquire(new TestSession("n1", null), newcomer)).isTrue();
		assertThat(throttle.tryAcquire(new TestSession("n2", null), newcomer)).isTrue();
		// the loopback address keeps its count: not reset by the newcomers
		assertThat(throttle.tryAcquire(new TestSession("second", null), this.address)).isFalse();
	}

	@Test
	void loginIsRefusedWithoutCheckingThePasswordOnceThrottled() {
		AtomicInteger checked = new AtomicInteger();
		AuthenticationManager users = new ProviderManager(new DaoAuthenticationProvider(new InMemoryUserDetailsManager(
				User.withUsername("alice").password("{noop}alice-secret").roles("USER").build())));
		JsonRpcLoginMethod login = new JsonRpcLoginMethod(() -> (authentication) -> {
			checked.incrementAndGet();
			return users.authenticate(authentication);
		}, this.throttle);
		TestSession session = new TestSession("1", null);
		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(BadCredentialsException.class)
				.isThrownBy(() -> login.login("alice", "wrong", exchange(session)));
		}
		assertThatExceptionOfType(JsonRpcException.class)
			.isThrownBy(() -> login.login("alice", "alice-secret", exchange(session)))
			.satisfies((ex) -> assertThat(ex.getError().code()).isEqualTo(JsonRpcErrorCodes.LIMIT_EXCEEDED));
		assertThat(checked.get()).isEqualTo(3);
		assertThat(session.principal()).isNull();
		// another connection from elsewhere still logs in
		TestSession other = new TestSession("2", null);
		assertThat(login.login("alice", "alice-secret", exchange(other))).isEqualTo("alice");
	}

	private static JsonRpcExchange exchange(JsonRpcSession session) {
		return JsonRpcExchange.of(JsonRpcRequest.call(JsonRpcId.of(1), "rpc.login", null),
				JsonRpcTransportContext.builder(Transport.WEBSOCKET)
					.session(session)
					.remoteAddress(new InetSocketAddress("192.0.2." + session.id(), 4000))
					.build());
	}

	private static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
