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

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.task.TaskRejectedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link JsonRpcTaskExecutors}.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcTaskExecutorsTests {

	@Test
	void usesTheApplicationTaskExecutorWhenThereIsOne() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		Executor applicationTaskExecutor = Executors.newSingleThreadExecutor();
		beanFactory.registerSingleton(JsonRpcTaskExecutors.APPLICATION_TASK_EXECUTOR, applicationTaskExecutor);
		assertThat(JsonRpcTaskExecutors.resolve(beanFactory, "test-")).isSameAs(applicationTaskExecutor);
	}

	@Test
	void fallbackRejectsInsteadOfBlockingWhenFull() throws Exception {
		Executor executor = JsonRpcTaskExecutors.resolve(new DefaultListableBeanFactory(), "test-");
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch started = new CountDownLatch(64);
		try {
			for (int i = 0; i < 64; i++) {
				executor.execute(() -> {
					started.countDown();
					await(release);
				});
			}
			assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
			assertThatExceptionOfType(TaskRejectedException.class).isThrownBy(() -> executor.execute(() -> {
			}));
		}
		finally {
			release.countDown();
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
