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

package io.github.jsonrpc.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The one check of the properties' durations that must be longer than zero, made when
 * they are bound.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class PositiveDurations {

	private PositiveDurations() {
	}

	/**
	 * Refuse a duration that is zero or negative.
	 * @param duration the duration
	 * @param message the message of the failure, naming the property
	 */
	public static void require(Duration duration, String message) {
		Assert.isTrue(!duration.isNegative() && !duration.isZero(), message);
	}

	/**
	 * Refuse a duration that is zero or negative; {@code null} (unset) is accepted.
	 * @param duration the duration, or {@code null}
	 * @param message the message of the failure, naming the property
	 */
	public static void requireUnlessUnset(@Nullable Duration duration, String message) {
		if (duration != null) {
			require(duration, message);
		}
	}

}
