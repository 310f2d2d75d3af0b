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

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.databind.json.JsonMapper;

/**
 * Throughput of {@link io.github.jsonrpc.server.JsonRpcHandler} from request bytes to
 * response bytes, and of a hand-written Jackson {@link JacksonFloor floor} for the same
 * messages in the same run, so that their ratio is meaningful on a noisy machine.
 *
 * <p>
 * Benchmarks named {@code floor…} are the floor; the others go through the handler.
 * {@code JsonRpcHandlerBenchmarkTests} checks that every benchmark produces the expected
 * response, so that none silently measures an error path.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JsonRpcHandlerBenchmark {

	JsonRpcHandlerFixture handler;

	JacksonFloor floor;

	byte[] subtractPositional;

	byte[] subtractNamed;

	byte[] batchOf10;

	byte[] notification;

	byte[] echo4k;

	byte[] methodNotFound;

	@Setup
	public void setUp() {
		JsonMapper mapper = JsonMapper.builder().build();
		CalculatorService service = new CalculatorService();
		this.handler = new JsonRpcHandlerFixture(mapper, service);
		this.floor = new JacksonFloor(mapper, service);
		this.subtractPositional = BenchmarkRequests.bytes(BenchmarkRequests.SUBTRACT_POSITIONAL);
		this.subtractNamed = BenchmarkRequests.bytes(BenchmarkRequests.SUBTRACT_NAMED);
		this.batchOf10 = BenchmarkRequests.bytes(BenchmarkRequests.batchOf10());
		this.notification = BenchmarkRequests.bytes(BenchmarkRequests.NOTIFICATION);
		this.echo4k = BenchmarkRequests.bytes(BenchmarkRequests.echo4k());
		this.methodNotFound = BenchmarkRequests.bytes(BenchmarkRequests.METHOD_NOT_FOUND);
	}

	@Benchmark
	public void subtractPositional(Blackhole blackhole) {
		blackhole.consume(this.handler.handle(this.subtractPositional));
	}

	@Benchmark
	public void subtractNamed(Blackhole blackhole) {
		blackhole.consume(this.handler.handle(this.subtractNamed));
	}

	@Benchmark
	public void batchOf10(Blackhole blackhole) {
		blackhole.consume(this.handler.handle(this.batchOf10));
	}

	@Benchmark
	public void notification(Blackhole blackhole) {
		blackhole.consume(this.handler.handle(this.notification));
	}

	@Benchmark
	public void echo4k(Blackhole blackhole) {
		blackhole.consume(this.handler.handle(this.echo4k));
	}

	@Benchmark
	public void methodNotFound(Blackhole blackhole) {
		blackhole.consume(this.handler.handle(this.methodNotFound));
	}

	@Benchmark
	public void floorSubtractPositional(Blackhole blackhole) {
		blackhole.consume(this.floor.handle(this.subtractPositional));
	}

	@Benchmark
	public void floorSubtractNamed(Blackhole blackhole) {
		blackhole.consume(this.floor.handle(this.subtractNamed));
	}

	@Benchmark
	public void floorBatchOf10(Blackhole blackhole) {
		blackhole.consume(this.floor.handleBatch(this.batchOf10));
	}

	@Benchmark
	public void floorNotification(Blackhole blackhole) {
		blackhole.consume(this.floor.handle(this.notification));
	}

	@Benchmark
	public void floorEcho4k(Blackhole blackhole) {
		blackhole.consume(this.floor.handle(this.echo4k));
	}

}
