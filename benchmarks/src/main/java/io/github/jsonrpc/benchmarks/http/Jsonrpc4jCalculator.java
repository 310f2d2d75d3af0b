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
package io.github.jsonrpc.benchmarks.http;

import java.util.Map;

import com.googlecode.jsonrpc4j.JsonRpcParam;
import io.github.jsonrpc.benchmarks.CalculatorService;

/**
 * The {@link CalculatorService} as jsonrpc4j sees it: jsonrpc4j finds parameter names for
 * calls by name through {@link JsonRpcParam} on an interface.
 *
 * @author JSON-RPC for Spring Boot team
 */
public interface Jsonrpc4jCalculator {

	int subtract(@JsonRpcParam("minuend") int minuend, @JsonRpcParam("subtrahend") int subtrahend);

	Map<String, Object> echo(@JsonRpcParam("payload") Map<String, Object> payload);

	void record(@JsonRpcParam("event") String event);

	/**
	 * Calls the shared service.
	 */
	final class Adapter implements Jsonrpc4jCalculator {

		private final CalculatorService service;

		Adapter(CalculatorService service) {
			this.service = service;
		}

		@Override
		public int subtract(int minuend, int subtrahend) {
			return this.service.subtract(minuend, subtrahend);
		}

		@Override
		public Map<String, Object> echo(Map<String, Object> payload) {
			return this.service.echo(payload);
		}

		@Override
		public void record(String event) {
			this.service.record(event);
		}

	}

}
