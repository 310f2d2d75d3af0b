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

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import tools.jackson.databind.JsonNode;

import io.github.jsonrpc.server.method.annotation.JsonRpcMethod;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;

/**
 * Test service with the methods of the examples of the JSON-RPC 2.0 specification, plus
 * {@code echo}. Records the calls it receives so that notifications can be checked.
 *
 * @author jsonrpc-dev
 * @since 0.1.0
 */
@JsonRpcService(exposeAll = false)
public class CalculatorService {

	private final List<String> calls = new CopyOnWriteArrayList<>();

	@JsonRpcMethod
	public int subtract(int minuend, int subtrahend) {
		this.calls.add("subtract");
		return minuend - subtrahend;
	}

	@JsonRpcMethod
	public int sum(int... values) {
		this.calls.add("sum");
		return IntStream.of(values).sum();
	}

	@JsonRpcMethod("get_data")
	public List<Object> getData() {
		this.calls.add("get_data");
		return List.of("hello", 5);
	}

	@JsonRpcMethod
	public void update(int... values) {
		this.calls.add("update");
	}

	@JsonRpcMethod("notify_hello")
	public void notifyHello(int value) {
		this.calls.add("notify_hello");
	}

	@JsonRpcMethod("notify_sum")
	public int notifySum(int... values) {
		this.calls.add("notify_sum");
		return IntStream.of(values).sum();
	}

	@JsonRpcMethod
	public JsonNode echo(JsonNode value) {
		this.calls.add("echo");
		return value;
	}

	/**
	 * Return the names of the methods called so far, in call order.
	 * @return the method names
	 */
	public List<String> calls() {
		return List.copyOf(this.calls);
	}

}
