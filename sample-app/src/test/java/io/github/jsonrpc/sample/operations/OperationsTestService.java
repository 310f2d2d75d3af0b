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

package io.github.jsonrpc.sample.operations;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.jsonrpc.server.method.annotation.JsonRpcMethod;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;
import org.slf4j.MDC;

import org.springframework.boot.test.context.TestComponent;

/**
 * Methods for the operations tests: one that sleeps until interrupted, one that waits at
 * a gate, two that report the logging MDC.
 *
 * <p>
 * A {@link TestComponent}, so that component scanning of the sample application skips it:
 * only the tests that import it have these methods.
 *
 * @author JSON-RPC for Spring Boot team
 */
@TestComponent
@JsonRpcService(value = "ops", exposeAll = false)
class OperationsTestService {

	final AtomicInteger interrupted = new AtomicInteger();

	volatile CountDownLatch gate = new CountDownLatch(1);

	volatile CountDownLatch gateEntered = new CountDownLatch(1);

	void reset() {
		this.interrupted.set(0);
		this.gate.countDown();
		this.gate = new CountDownLatch(1);
		this.gateEntered = new CountDownLatch(1);
	}

	@JsonRpcMethod(timeout = "200ms")
	public String sleep() {
		return sleepUntilInterrupted();
	}

	@JsonRpcMethod
	public String configuredSleep() {
		return sleepUntilInterrupted();
	}

	@JsonRpcMethod
	public String configuredQuick() {
		return "quick";
	}

	@JsonRpcMethod
	public String gate() throws InterruptedException {
		this.gateEntered.countDown();
		this.gate.await(30, TimeUnit.SECONDS);
		return "passed";
	}

	@JsonRpcMethod
	public Map<String, String> mdc() {
		return Map.of("method", String.valueOf(MDC.get("jsonrpc.method")), "id", String.valueOf(MDC.get("jsonrpc.id")),
				"thread", Thread.currentThread().getName());
	}

	@JsonRpcMethod(timeout = "10s")
	public Map<String, String> mdcOffloaded() {
		return mdc();
	}

	private String sleepUntilInterrupted() {
		try {
			Thread.sleep(30_000);
			return "slept";
		}
		catch (InterruptedException ex) {
			this.interrupted.incrementAndGet();
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

}
