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

package io.github.jsonrpc.server.method;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Limits of one method: how long a call may take and how many calls may run at once.
 *
 * @param timeout the longest time a call may take, or {@code null} for no limit
 * @param maxConcurrency the largest number of calls running at once, {@code 0} for no
 * limit
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public record JsonRpcMethodLimits(@Nullable Duration timeout, int maxConcurrency) {

	/** No limit at all. */
	public static final JsonRpcMethodLimits NONE = new JsonRpcMethodLimits(null, 0);

	/**
	 * Create a new instance.
	 * @param timeout the longest time a call may take, or {@code null} for no limit
	 * @param maxConcurrency the largest number of calls running at once, {@code 0} for no
	 * limit
	 */
	public JsonRpcMethodLimits {
		Assert.isTrue(timeout == null || (!timeout.isNegative() && !timeout.isZero()), "timeout must be positive");
		Assert.isTrue(maxConcurrency >= 0, "maxConcurrency must not be negative");
	}

	/**
	 * Return these limits with those set in another instance taking precedence.
	 * @param override the limits that win where they are set
	 * @return the combined limits
	 */
	public JsonRpcMethodLimits overriddenBy(JsonRpcMethodLimits override) {
		return new JsonRpcMethodLimits((override.timeout() != null) ? override.timeout() : this.timeout,
				(override.maxConcurrency() > 0) ? override.maxConcurrency() : this.maxConcurrency);
	}

	/**
	 * Return whether any limit is set.
	 * @return {@code false} for {@link #NONE}
	 */
	public boolean isLimited() {
		return this.timeout != null || this.maxConcurrency > 0;
	}

}
