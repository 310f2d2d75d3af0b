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

package io.github.jsonrpc.sample;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.github.jsonrpc.server.method.annotation.JsonRpcMethod;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;
import tools.jackson.databind.JsonNode;

/**
 * The methods of the JSON-RPC 2.0 specification's examples, plus {@code echo}.
 * Conformance suites call these exact names: keep them and their behaviour.
 *
 * @author JSON-RPC for Spring Boot team
 */
@JsonRpcService
public class SpecExamplesService {

	private final AtomicInteger notifications = new AtomicInteger();

	/**
	 * Subtract, by position ({@code [42, 23]}) or by name ({@code {"minuend": 42,
	 * "subtrahend": 23}}).
	 * @param minuend the number to subtract from
	 * @param subtrahend the number to subtract
	 * @return the difference
	 */
	public int subtract(int minuend, int subtrahend) {
		return minuend - subtrahend;
	}

	/**
	 * Add any number of integers ({@code [1, 2, 4]}).
	 * @param numbers the numbers
	 * @return the sum
	 */
	public long sum(int... numbers) {
		return IntStream.of(numbers).asLongStream().sum();
	}

	/**
	 * Return the data of the specification's batch example.
	 * @return {@code ["hello", 5]}
	 */
	@JsonRpcMethod("get_data")
	public List<Object> getData() {
		return List.of("hello", 5);
	}

	/**
	 * Accept an update (sent as a notification in the specification).
	 * @param values the values
	 */
	public void update(int... values) {
		this.notifications.incrementAndGet();
	}

	/**
	 * Accept a hello notification.
	 * @param values the values
	 */
	@JsonRpcMethod("notify_hello")
	public void notifyHello(int... values) {
		this.notifications.incrementAndGet();
	}

	/**
	 * Accept a sum notification.
	 * @param values the values
	 */
	@JsonRpcMethod("notify_sum")
	public void notifySum(int... values) {
		this.notifications.incrementAndGet();
	}

	/**
	 * Return the single argument unchanged, by position ({@code ["hi"]}) or by name
	 * ({@code {"x": "hi"}}).
	 * @param x any JSON value
	 * @return the same value
	 */
	public JsonNode echo(JsonNode x) {
		return x;
	}

	/**
	 * Return how many notifications were received, for tests.
	 * @return the count
	 */
	int notificationCount() {
		return this.notifications.get();
	}

}
