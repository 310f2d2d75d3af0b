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
package io.github.jsonrpc.server.connection;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link JsonRpcConnectionSettings}: each limit refused at 0 (or below) and
 * accepted at 1, the defaults, and each {@code with...} changing only its own values.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcConnectionSettingsTests {

	private static final JsonRpcConnectionSettings D = JsonRpcConnectionSettings.DEFAULTS;

	private static final Duration NANO = Duration.ofNanos(1);

	@Test
	void defaults() {
		assertThat(D.maxMessageSize()).isEqualTo(1024 * 1024);
		assertThat(D.maxInFlight()).isEqualTo(256);
		assertThat(D.maxConcurrency()).isEqualTo(4);
		assertThat(D.maxOutboundMessages()).isEqualTo(1024);
		assertThat(D.maxOutboundBytes()).isEqualTo(16L * 1024 * 1024);
		assertThat(D.sendTimeLimit()).isEqualTo(Duration.ofSeconds(10));
		assertThat(D.pingInterval()).isEqualTo(Duration.ofSeconds(30));
		assertThat(D.idleTimeout()).isEqualTo(Duration.ofSeconds(90));
		assertThat(D.stringParamsMethods()).isEmpty();
		assertThat(D.memoryBudget()).isSameAs(JsonRpcMemoryBudget.shared());
		assertThat(D.serverRequestTimeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(D.maxPendingServerRequests()).isEqualTo(64);
	}

	@Test
	void shortConstructorUsesTheDefaultsForTheRest() {
		JsonRpcConnectionSettings settings = new JsonRpcConnectionSettings(1, 2, 3, 4, Duration.ofSeconds(5),
				Duration.ZERO, Duration.ofSeconds(7), Set.of("m"));
		assertThat(settings)
			.isEqualTo(new JsonRpcConnectionSettings(1, 2, 4, 3, 4, Duration.ofSeconds(5), Duration.ZERO,
					Duration.ofSeconds(7), Set.of("m"), JsonRpcMemoryBudget.shared(), Duration.ofSeconds(30), 64));
	}

	@Test
	void limitsMustBePositive() {
		refused(() -> D.withMaxMessageSize(0), "maxMessageSize must be positive");
		assertThat(D.withMaxMessageSize(1).maxMessageSize()).isEqualTo(1);
		refused(() -> D.withMaxInFlight(0), "maxInFlight must be positive");
		assertThat(D.withMaxInFlight(1).maxInFlight()).isEqualTo(1);
		refused(() -> D.withMaxConcurrency(0), "maxConcurrency must be positive");
		assertThat(D.withMaxConcurrency(1).maxConcurrency()).isEqualTo(1);
		refused(() -> D.withOutboundLimits(0, 1, NANO), "maxOutboundMessages must be positive");
		refused(() -> D.withOutboundLimits(1, 0, NANO), "maxOutboundBytes must be positive");
		refused(() -> D.withOutboundLimits(1, 1, Duration.ZERO), "sendTimeLimit must be positive");
		refused(() -> D.withOutboundLimits(1, 1, NANO.negated()), "sendTimeLimit must be positive");
		refused(() -> D.withOutboundLimits(1, 1, null), "sendTimeLimit must be positive");
		JsonRpcConnectionSettings outbound = D.withOutboundLimits(1, 1, NANO);
		assertThat(outbound.maxOutboundMessages()).isEqualTo(1);
		assertThat(outbound.maxOutboundBytes()).isEqualTo(1);
		assertThat(outbound.sendTimeLimit()).isEqualTo(NANO);
		refused(() -> D.withKeepAlive(NANO.negated(), NANO), "pingInterval must not be negative");
		refused(() -> D.withKeepAlive(null, NANO), "pingInterval must not be negative");
		refused(() -> D.withKeepAlive(Duration.ZERO, Duration.ZERO), "idleTimeout must be positive");
		refused(() -> D.withKeepAlive(Duration.ZERO, NANO.negated()), "idleTimeout must be positive");
		refused(() -> D.withKeepAlive(Duration.ZERO, null), "idleTimeout must be positive");
		JsonRpcConnectionSettings keepAlive = D.withKeepAlive(Duration.ZERO, NANO);
		assertThat(keepAlive.pingInterval()).isZero();
		assertThat(keepAlive.idleTimeout()).isEqualTo(NANO);
		refused(() -> D.withMemoryBudget(null), "memoryBudget is required");
		refused(() -> D.withServerRequests(Duration.ZERO, 1), "serverRequestTimeout must be positive");
		refused(() -> D.withServerRequests(NANO.negated(), 1), "serverRequestTimeout must be positive");
		refused(() -> D.withServerRequests(null, 1), "serverRequestTimeout must be positive");
		refused(() -> D.withServerRequests(NANO, 0), "maxPendingServerRequests must be positive");
		JsonRpcConnectionSettings serverRequests = D.withServerRequests(NANO, 1);
		assertThat(serverRequests.serverRequestTimeout()).isEqualTo(NANO);
		assertThat(serverRequests.maxPendingServerRequests()).isEqualTo(1);
	}

	@Test
	void eachWitherChangesOnlyItsOwnValues() {
		JsonRpcMemoryBudget budget = JsonRpcMemoryBudget.of(1000);
		assertThat(D.withMaxMessageSize(5)).isEqualTo(copy(5, 256, 4, 1024, 16L << 20, s(10), s(30), s(90), Set.of(),
				JsonRpcMemoryBudget.shared(), s(30), 64));
		assertThat(D.withMaxInFlight(5)).isEqualTo(copy(1 << 20, 5, 4, 1024, 16L << 20, s(10), s(30), s(90), Set.of(),
				JsonRpcMemoryBudget.shared(), s(30), 64));
		assertThat(D.withMaxConcurrency(5)).isEqualTo(copy(1 << 20, 256, 5, 1024, 16L << 20, s(10), s(30), s(90),
				Set.of(), JsonRpcMemoryBudget.shared(), s(30), 64));
		assertThat(D.withOutboundLimits(5, 6, s(7))).isEqualTo(
				copy(1 << 20, 256, 4, 5, 6, s(7), s(30), s(90), Set.of(), JsonRpcMemoryBudget.shared(), s(30), 64));
		assertThat(D.withKeepAlive(s(5), s(6))).isEqualTo(copy(1 << 20, 256, 4, 1024, 16L << 20, s(10), s(5), s(6),
				Set.of(), JsonRpcMemoryBudget.shared(), s(30), 64));
		assertThat(D.withStringParamsMethods(Set.of("a"))).isEqualTo(copy(1 << 20, 256, 4, 1024, 16L << 20, s(10),
				s(30), s(90), Set.of("a"), JsonRpcMemoryBudget.shared(), s(30), 64));
		assertThat(D.withMemoryBudget(budget))
			.isEqualTo(copy(1 << 20, 256, 4, 1024, 16L << 20, s(10), s(30), s(90), Set.of(), budget, s(30), 64));
		assertThat(D.withServerRequests(s(5), 6)).isEqualTo(copy(1 << 20, 256, 4, 1024, 16L << 20, s(10), s(30), s(90),
				Set.of(), JsonRpcMemoryBudget.shared(), s(5), 6));
	}

	@Test
	void stringParamsMethodsAreCopied() {
		Set<String> methods = new HashSet<>(Set.of("a"));
		JsonRpcConnectionSettings settings = D.withStringParamsMethods(methods);
		methods.add("b");
		assertThat(settings.stringParamsMethods()).containsExactly("a");
	}

	private static Duration s(long seconds) {
		return Duration.ofSeconds(seconds);
	}

	private static JsonRpcConnectionSettings copy(int maxMessageSize, int maxInFlight, int maxConcurrency,
			int maxOutboundMessages, long maxOutboundBytes, Duration sendTimeLimit, Duration pingInterval,
			Duration idleTimeout, Set<String> stringParamsMethods, JsonRpcMemoryBudget memoryBudget,
			Duration serverRequestTimeout, int maxPendingServerRequests) {
		return new JsonRpcConnectionSettings(maxMessageSize, maxInFlight, maxConcurrency, maxOutboundMessages,
				maxOutboundBytes, sendTimeLimit, pingInterval, idleTimeout, stringParamsMethods, memoryBudget,
				serverRequestTimeout, maxPendingServerRequests);
	}

	private static void refused(Runnable settings, String message) {
		assertThatIllegalArgumentException().isThrownBy(settings::run).withMessage(message);
	}

}
