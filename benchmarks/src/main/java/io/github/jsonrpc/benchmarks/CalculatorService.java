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
package io.github.jsonrpc.benchmarks;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.github.jsonrpc.server.method.annotation.JsonRpcService;

/**
 * The service the benchmarks call, both through the handler and directly from the
 * hand-written floor.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
@JsonRpcService
public class CalculatorService {

	private final AtomicLong recorded = new AtomicLong();

	/**
	 * Subtract one number from another.
	 * @param minuend the number to subtract from
	 * @param subtrahend the number to subtract
	 * @return the difference
	 */
	public int subtract(int minuend, int subtrahend) {
		return minuend - subtrahend;
	}

	/**
	 * Return the given object unchanged.
	 * @param payload the object
	 * @return the same object
	 */
	public Map<String, Object> echo(Map<String, Object> payload) {
		return payload;
	}

	/**
	 * Record an event; called as a notification.
	 * @param event the event
	 */
	public void record(String event) {
		if (!event.isEmpty()) {
			this.recorded.incrementAndGet();
		}
	}

}
