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
package io.github.jsonrpc.client;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ClientTimeouts}: timeouts past what the JDK schedules are capped, the
 * others kept.
 */
class ClientTimeoutsTests {

	@ParameterizedTest
	@MethodSource("io.github.jsonrpc.client.ServerCallTimerTests#unschedulable")
	void timeoutTooLongToScheduleIsCappedAtTheLongestNanos(Duration timeout) {
		assertThat(ClientTimeouts.capped(timeout)).isEqualTo(Duration.ofNanos(Long.MAX_VALUE));
		assertThat(ClientTimeouts.socketMillis(timeout)).isEqualTo(Integer.MAX_VALUE);
	}

	@Test
	void schedulableTimeoutIsKept() {
		assertThat(ClientTimeouts.capped(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
		assertThat(ClientTimeouts.capped(Duration.ofNanos(1))).isEqualTo(Duration.ofNanos(1));
		assertThat(ClientTimeouts.socketMillis(Duration.ofSeconds(3))).isEqualTo(3000);
	}

	@Test
	void socketTimeoutPastAnIntIsCappedInsteadOfWrappingAround() {
		// (int) of 30 days in milliseconds is negative, which Socket.connect refuses
		assertThat((int) Duration.ofDays(30).toMillis()).isNegative();
		assertThat(ClientTimeouts.socketMillis(Duration.ofDays(30))).isEqualTo(Integer.MAX_VALUE);
		assertThat(ClientTimeouts.socketMillis(Duration.ofMillis(Integer.MAX_VALUE))).isEqualTo(Integer.MAX_VALUE);
	}

	@Test
	void positiveTimeoutUnderOneMillisecondIsNotTakenAsNoTimeout() {
		// 0 is an infinite timeout for a socket
		assertThat(ClientTimeouts.socketMillis(Duration.ofNanos(1))).isEqualTo(1);
	}

}
