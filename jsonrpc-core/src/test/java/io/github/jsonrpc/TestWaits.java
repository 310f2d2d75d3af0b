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

package io.github.jsonrpc;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

/**
 * The one bound of the tests' waits for asynchronous work that should end quickly: 10
 * seconds, or {@code -Djsonrpc.test.wait-millis}. The mutation profile sets it to 2
 * seconds so that a mutant which never completes a reply fails its test before PIT's own
 * timeout (about 4 seconds), instead of hanging until PIT kills and restarts its JVM.
 *
 * @author JSON-RPC for Spring Boot team
 */
public final class TestWaits {

	/** How long a test waits for work that should end at once. */
	public static final Duration SHORT = Duration.ofMillis(Long.getLong("jsonrpc.test.wait-millis", 10_000));

	private TestWaits() {
	}

	/**
	 * Wait at most {@link #SHORT} for a future.
	 * @param <T> the type of value
	 * @param future the future
	 * @return its value
	 * @throws ExecutionException if it failed
	 * @throws TimeoutException if it did not complete in time
	 * @throws InterruptedException if interrupted
	 */
	public static <T extends @Nullable Object> T get(CompletableFuture<T> future)
			throws InterruptedException, ExecutionException, TimeoutException {
		return future.get(SHORT.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Wait at most {@link #SHORT} for a future, as {@link CompletableFuture#join()} does.
	 * @param <T> the type of value
	 * @param future the future
	 * @return its value
	 */
	public static <T extends @Nullable Object> T join(CompletableFuture<T> future) {
		return future.copy().orTimeout(SHORT.toMillis(), TimeUnit.MILLISECONDS).join();
	}

}
