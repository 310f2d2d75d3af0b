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

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the body of every benchmark in {@link JsonRpcHandlerBenchmark} once and checks the
 * response, so that no benchmark silently measures an error path.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcHandlerBenchmarkTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static final JsonRpcHandlerBenchmark benchmark = new JsonRpcHandlerBenchmark();

	@BeforeAll
	static void setUp() {
		benchmark.setUp();
	}

	@Test
	void subtractPositionalAnswersTheDifference() {
		assertResponse(benchmark.handler::handle, benchmark.subtractPositional,
				BenchmarkRequests.SUBTRACT_POSITIONAL_RESPONSE);
		assertResponse(benchmark.floor::handle, benchmark.subtractPositional,
				BenchmarkRequests.SUBTRACT_POSITIONAL_RESPONSE);
	}

	@Test
	void subtractNamedAnswersTheDifference() {
		assertResponse(benchmark.handler::handle, benchmark.subtractNamed, BenchmarkRequests.SUBTRACT_NAMED_RESPONSE);
		assertResponse(benchmark.floor::handle, benchmark.subtractNamed, BenchmarkRequests.SUBTRACT_NAMED_RESPONSE);
	}

	@Test
	void batchOf10AnswersEveryCallInOrder() {
		assertResponse(benchmark.handler::handle, benchmark.batchOf10, BenchmarkRequests.batchOf10Response());
		assertResponse(benchmark.floor::handleBatch, benchmark.batchOf10, BenchmarkRequests.batchOf10Response());
	}

	@Test
	void notificationAnswersNothing() {
		assertThat(benchmark.handler.handle(benchmark.notification)).isEmpty();
		assertThat(benchmark.floor.handle(benchmark.notification)).isEmpty();
	}

	@Test
	void echo4kAnswersThePayload() {
		assertThat(BenchmarkRequests.payload4k().length()).isBetween(3800, 4400);
		assertResponse(benchmark.handler::handle, benchmark.echo4k, BenchmarkRequests.echo4kResponse());
		assertResponse(benchmark.floor::handle, benchmark.echo4k, BenchmarkRequests.echo4kResponse());
	}

	@Test
	void methodNotFoundAnswersTheStandardError() {
		assertResponse(benchmark.handler::handle, benchmark.methodNotFound,
				BenchmarkRequests.METHOD_NOT_FOUND_RESPONSE);
	}

	private static void assertResponse(Function<byte[], byte[]> body, byte[] request, String expected) {
		byte[] response = body.apply(request);
		assertThat(mapper.readTree(response)).isEqualTo(mapper.readTree(expected));
		// the exact text too: member order and number formatting are part of what is
		// measured
		assertThat(new String(response, StandardCharsets.UTF_8)).isEqualTo(expected);
	}

}
