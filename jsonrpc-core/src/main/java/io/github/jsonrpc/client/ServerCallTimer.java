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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.jsonrpc.protocol.JsonRpcResponse;
import org.jspecify.annotations.Nullable;

/**
 * Expires a pending call of the server: completes its answer with a marker response once
 * the server call timeout elapsed, unless it was answered first. The client's timer is
 * {@link #after(Duration)}; tests expire calls themselves.
 *
 * @author JSON-RPC for Spring Boot team
 */
@FunctionalInterface
interface ServerCallTimer {

	/**
	 * Complete {@code answer} with {@code expired} when the timeout elapses, unless it
	 * was completed before.
	 * @param answer the pending answer
	 * @param expired the marker response of an expired call
	 */
	void arm(CompletableFuture<@Nullable JsonRpcResponse> answer, JsonRpcResponse expired);

	/**
	 * A timer that expires calls after {@code timeout}. A timeout longer than
	 * {@link Long#MAX_VALUE} nanoseconds (about 292 years, e.g.
	 * {@code ChronoUnit.FOREVER.getDuration()}) is capped at that: in effect no timeout.
	 * The timer of an answer completed first is cancelled, nothing is held after it.
	 * @param timeout the timeout, positive
	 * @return the timer
	 */
	static ServerCallTimer after(Duration timeout) {
		long nanos = ClientTimeouts.capped(timeout).toNanos();
		return (answer, expired) -> answer.completeOnTimeout(expired, nanos, TimeUnit.NANOSECONDS);
	}

}
