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

import java.util.concurrent.Executor;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * Where the JSON-RPC auto-configurations run work off the calling thread (offloaded
 * methods, parallel batch entries, WebSocket messages): Spring Boot's
 * {@code applicationTaskExecutor} (virtual threads when
 * {@code spring.threads.virtual.enabled} is set), or a bounded fallback when the
 * application has none. For the auto-configurations of this project; not a public API.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcTaskExecutors {

	/** Name of Spring Boot's application task executor bean. */
	public static final String APPLICATION_TASK_EXECUTOR = "applicationTaskExecutor";

	private static final int FALLBACK_CONCURRENCY_LIMIT = 64;

	private JsonRpcTaskExecutors() {
	}

	/**
	 * Return the executor to run JSON-RPC work on.
	 * @param beanFactory the application's bean factory
	 * @param threadNamePrefix the thread name prefix of the fallback executor
	 * @return the application task executor, or a fallback that runs at most 64 tasks at
	 * once and rejects (rather than blocks the submitting thread) beyond that
	 */
	public static Executor resolve(ListableBeanFactory beanFactory, String threadNamePrefix) {
		if (beanFactory.containsBean(APPLICATION_TASK_EXECUTOR)) {
			return beanFactory.getBean(APPLICATION_TASK_EXECUTOR, Executor.class);
		}
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor(threadNamePrefix);
		executor.setConcurrencyLimit(FALLBACK_CONCURRENCY_LIMIT);
		// a transport thread (e.g. a WebSocket I/O thread) must never wait for a free
		// slot
		executor.setRejectTasksWhenLimitReached(true);
		return executor;
	}

}
