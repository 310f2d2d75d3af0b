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

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import tools.jackson.databind.json.JsonMapper;

/**
 * Measure the handler's CPU time and bytes allocated per request against the
 * {@link JacksonFloor floor}'s, in a way that survives a loaded machine.
 *
 * <p>
 * One JVM, one thread. Every workload is first warmed up on both sides (enough calls for
 * C2), then measured in rounds: each round runs, for every workload, four short blocks of
 * calls in the order handler, floor, floor, handler, and reads the thread's own CPU time
 * ({@code ThreadMXBean.getCurrentThreadCpuTime}) and allocated bytes around each block. A
 * block pairs with its neighbour (handler/floor, floor/handler), so each round gives two
 * ratios per workload, taken a few milliseconds apart. Thread CPU time does not count the
 * time the thread waited for a core, so other processes slow the run down but hardly
 * change the figures; what they still change (caches, frequency, a JIT compilation on the
 * other core) moves both blocks of a pair alike, and the median over many pairs drops the
 * pairs a pause or a recompilation hit.
 *
 * <p>
 * Run with {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.jsonrpc.benchmarks.JsonRpcHandlerCpuRatios [rounds [workload...]]}; the
 * default is 40 rounds of every workload, one to two minutes on 2 vCPUs.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcHandlerCpuRatios {

	private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	/** Consumed results: printed at the end so that the JIT cannot drop any call. */
	private static long sink;

	private JsonRpcHandlerCpuRatios() {
	}

	/**
	 * Warm up, run the rounds and print the ratios.
	 * @param args optionally the number of rounds, then the workloads to run (all by
	 * default)
	 */
	public static void main(String[] args) {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 40;
		List<String> only = (args.length > 1) ? Arrays.asList(args).subList(1, args.length) : List.of();
		List<Workload> workloads = new ArrayList<>();
		for (Workload workload : workloads()) {
			if (only.isEmpty() || only.contains(workload.name)) {
				workloads.add(workload);
			}
		}
		long start = System.nanoTime();
		for (int i = 0; i < 10; i++) {
			for (Workload workload : workloads) {
				workload.block(workload.handler, workload.blockSize);
				workload.block(workload.floor, workload.blockSize);
			}
		}
		System.out.printf("warm-up %.1f s%n", (System.nanoTime() - start) / 1e9);
		for (int round = 0; round < rounds; round++) {
			for (Workload workload : workloads) {
				workload.measurePair(true);
				workload.measurePair(false);
			}
		}
		System.out.printf("measured %.1f s in total%n%n", (System.nanoTime() - start) / 1e9);
		System.out.println("| Workload | CPU handler / floor, median (IQR) | ns per request, handler / floor "
				+ "| Bytes handler / floor, median (IQR) | B per request, handler / floor | pairs |");
		System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
		for (Workload workload : workloads) {
			workload.print();
		}
		System.out.println("(sink " + sink + ")");
	}

	private static List<Workload> workloads() {
		JsonMapper mapper = JsonMapper.builder().build();
		CalculatorService service = new CalculatorService();
		JsonRpcHandlerFixture handler = new JsonRpcHandlerFixture(mapper, service);
		JacksonFloor floor = new JacksonFloor(mapper, service);
		byte[] positional = BenchmarkRequests.bytes(BenchmarkRequests.SUBTRACT_POSITIONAL);
		byte[] named = BenchmarkRequests.bytes(BenchmarkRequests.SUBTRACT_NAMED);
		byte[] batch = BenchmarkRequests.bytes(BenchmarkRequests.batchOf10());
		byte[] notification = BenchmarkRequests.bytes(BenchmarkRequests.NOTIFICATION);
		byte[] echo = BenchmarkRequests.bytes(BenchmarkRequests.echo4k());
		return List.of(new Workload("subtractPositional", handler::handle, floor::handle, positional, 20_000),
				new Workload("subtractNamed", handler::handle, floor::handle, named, 20_000),
				new Workload("batchOf10", handler::handle, floor::handleBatch, batch, 4_000),
				new Workload("notification", handler::handle, floor::handle, notification, 20_000),
				new Workload("echo4k", handler::handle, floor::handle, echo, 500));
	}

	private static double quantile(double[] sorted, double q) {
		double position = q * (sorted.length - 1);
		int below = (int) Math.floor(position);
		int above = Math.min(below + 1, sorted.length - 1);
		return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
	}

	private static String summary(List<Double> values) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return String.format("%.3f (%.3f - %.3f)", quantile(sorted, 0.5), quantile(sorted, 0.25),
				quantile(sorted, 0.75));
	}

	private static double median(List<Double> values) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return quantile(sorted, 0.5);
	}

	private static final class Workload {

		private final String name;

		private final Function<byte[], byte[]> handler;

		private final Function<byte[], byte[]> floor;

		private final byte[] input;

		private final int blockSize;

		private final List<Double> cpuRatios = new ArrayList<>();

		private final List<Double> byteRatios = new ArrayList<>();

		private final List<Double> handlerNanos = new ArrayList<>();

		private final List<Double> floorNanos = new ArrayList<>();

		private final List<Double> handlerBytes = new ArrayList<>();

		private final List<Double> floorBytes = new ArrayList<>();

		Workload(String name, Function<byte[], byte[]> handler, Function<byte[], byte[]> floor, byte[] input,
				int blockSize) {
			this.name = name;
			this.handler = handler;
			this.floor = floor;
			this.input = input;
			this.blockSize = blockSize;
		}

		/**
		 * Run one block and return its thread CPU time and allocated bytes.
		 */
		long[] block(Function<byte[], byte[]> side, int calls) {
			long sum = 0;
			long bytes = THREADS.getCurrentThreadAllocatedBytes();
			long cpu = THREADS.getCurrentThreadCpuTime();
			for (int i = 0; i < calls; i++) {
				sum += side.apply(this.input).length;
			}
			cpu = THREADS.getCurrentThreadCpuTime() - cpu;
			bytes = THREADS.getCurrentThreadAllocatedBytes() - bytes;
			sink += sum;
			return new long[] { cpu, bytes };
		}

		void measurePair(boolean handlerFirst) {
			long[] first = block(handlerFirst ? this.handler : this.floor, this.blockSize);
			long[] second = block(handlerFirst ? this.floor : this.handler, this.blockSize);
			long[] handlerBlock = handlerFirst ? first : second;
			long[] floorBlock = handlerFirst ? second : first;
			this.cpuRatios.add((double) handlerBlock[0] / floorBlock[0]);
			this.byteRatios.add((double) handlerBlock[1] / floorBlock[1]);
			this.handlerNanos.add((double) handlerBlock[0] / this.blockSize);
			this.floorNanos.add((double) floorBlock[0] / this.blockSize);
			this.handlerBytes.add((double) handlerBlock[1] / this.blockSize);
			this.floorBytes.add((double) floorBlock[1] / this.blockSize);
		}

		void print() {
			System.out.printf("| %s | %s | %,.0f / %,.0f | %s | %,.0f / %,.0f | %d |%n", this.name,
					summary(this.cpuRatios), median(this.handlerNanos), median(this.floorNanos),
					summary(this.byteRatios), median(this.handlerBytes), median(this.floorBytes),
					this.cpuRatios.size());
		}

	}

}
