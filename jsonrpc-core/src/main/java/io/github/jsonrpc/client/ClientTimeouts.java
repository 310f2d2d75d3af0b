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
import java.util.concurrent.TimeUnit;

/**
 * Timeouts the JDK can schedule: a timeout longer than {@link Long#MAX_VALUE} nanoseconds
 * (about 292 years, e.g. {@code ChronoUnit.FOREVER.getDuration()}) is capped at that, in
 * effect no timeout, instead of failing every call with an overflow (the JDK
 * {@code HttpClient} fails such requests with "long overflow",
 * {@link Duration#toMillis()} throws).
 *
 * @author JSON-RPC for Spring Boot team
 */
final class ClientTimeouts {

	private ClientTimeouts() {
	}

	/**
	 * Return a timeout capped at {@link Long#MAX_VALUE} nanoseconds.
	 * @param timeout the timeout
	 * @return the timeout, or the cap if it is longer
	 */
	static Duration capped(Duration timeout) {
		// saturates instead of throwing ArithmeticException, unlike Duration.toNanos()
		return Duration.ofNanos(TimeUnit.NANOSECONDS.convert(timeout));
	}

	/**
	 * Return a timeout in the milliseconds of {@link java.net.Socket#connect}, capped at
	 * {@link Integer#MAX_VALUE} (about 25 days).
	 * @param timeout the timeout
	 * @return the milliseconds, positive for a positive timeout
	 */
	static int socketMillis(Duration timeout) {
		// a plain int cast of a longer timeout wraps around, to a negative timeout the
		// socket refuses
		long millis = TimeUnit.MILLISECONDS.convert(capped(timeout));
		return (int) Math.max(1, Math.min(Integer.MAX_VALUE, millis));
	}

}
