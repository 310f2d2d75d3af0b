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

package io.github.jsonrpc.test.app;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.github.jsonrpc.server.JsonRpcException;
import io.github.jsonrpc.server.method.annotation.JsonRpcMethod;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;

/**
 * Methods of the specification's examples plus a few for error and timeout tests.
 */
@JsonRpcService
public class CalculatorService {

	/** Values received by {@code update}, so tests can wait for notifications. */
	private final BlockingQueue<List<Integer>> updates = new LinkedBlockingQueue<>();

	public int subtract(int minuend, int subtrahend) {
		return minuend - subtrahend;
	}

	public long sum(int... numbers) {
		return IntStream.of(numbers).asLongStream().sum();
	}

	@JsonRpcMethod("get_data")
	public List<Object> getData() {
		return List.of("hello", 5);
	}

	public void update(int... values) {
		this.updates.add(IntStream.of(values).boxed().toList());
	}

	public Item item(String sku, int quantity) {
		return new Item(sku, quantity);
	}

	public List<Item> items() {
		return List.of(new Item("apple", 3), new Item("pear", 1));
	}

	public int fail(int code) {
		throw new JsonRpcException(code, "Failure " + code, Map.of("reason", "test"));
	}

	public CompletableFuture<String> slow(long millis) {
		return CompletableFuture.supplyAsync(() -> "done",
				CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS));
	}

	public BlockingQueue<List<Integer>> updates() {
		return this.updates;
	}

	public record Item(String sku, int quantity) {
	}

}
