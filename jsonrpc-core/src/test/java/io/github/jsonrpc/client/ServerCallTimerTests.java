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
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.protocol.JsonRpcError;
import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server call timer at the edge of what can be scheduled: a timeout longer than
 * {@code Long.MAX_VALUE} nanoseconds is capped instead of failing every call, one at the
 * edge is taken as it is, and a short one expires the call.
 */
class ServerCallTimerTests {

	private static final JsonRpcResponse EXPIRED = JsonRpcResponse.failure(JsonRpcId.NULL,
			JsonRpcError.standard(JsonRpcErrorCodes.INTERNAL_ERROR));

	static Duration[] unschedulable() {
		return new Duration[] { ChronoUnit.FOREVER.getDuration(), Duration.ofSeconds(Long.MAX_VALUE),
				Duration.ofNanos(Long.MAX_VALUE).plusNanos(1), Duration.ofNanos(Long.MAX_VALUE),
				Duration.ofMillis(Long.MAX_VALUE) };
	}

	@ParameterizedTest
	@MethodSource("unschedulable")
	void timeoutTooLongToScheduleIsArmedWithoutFailingAndDoesNotExpire(Duration timeout) {
		CompletableFuture<@Nullable JsonRpcResponse> answer = new CompletableFuture<>();
		ServerCallTimer.after(timeout).arm(answer, EXPIRED);
		assertThat(answer).isNotDone();
		JsonRpcResponse handled = JsonRpcResponse.success(JsonRpcId.of("srv-1"), null);
		assertThat(answer.complete(handled)).isTrue();
		assertThat(answer.join()).isSameAs(handled);
	}

	@ParameterizedTest
	@MethodSource("shortTimeouts")
	void shortTimeoutExpiresTheCall(Duration timeout) throws Exception {
		CompletableFuture<@Nullable JsonRpcResponse> answer = new CompletableFuture<>();
		ServerCallTimer.after(timeout).arm(answer, EXPIRED);
		assertThat(TestWaits.get(answer)).isSameAs(EXPIRED);
	}

	static Duration[] shortTimeouts() {
		return new Duration[] { Duration.ofNanos(1), Duration.ofMillis(1) };
	}

}
