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

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import tools.jackson.databind.json.JsonMapper;

/**
 * Measure the handler's CPU time and bytes allocated per request against the
 * {@link JacksonFloor floor}'s, in a way that survives a loaded machine.
 *
 * <p>
 * Each fork is a new JVM measuring on one thread. Every workload is first warmed up on
 * both sides (enough calls for C2), then measured in rounds: each round runs, for every
 * workload, four short blocks of calls in the order handler, floor, floor, handler, and
 * reads the thread's own CPU time ({@code ThreadMXBean.getCurrentThreadCpuTime}) and
 * allocated bytes around each block. A block pairs with its neighbour (handler/floor,
 * floor/handler), so each round gives two ratios per workload, taken milliseconds apart.
 * Thread CPU time does not count the time the thread waited for a core, so other
 * processes slow the run down but hardly change the figures; what they still change
 * (caches, a JIT compilation on the other core) moves both blocks of a pair alike, and
 * the median over many pairs drops the pairs that a pause hit. The JIT's decisions differ
 * from one JVM to the next by a few percent of a workload's ratio, so the pairs of
 * several forks are pooled.
 *
 * <p>
 * Run with {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.jsonrpc.benchmarks.JsonRpcHandlerCpuRatios [forks [rounds [workload...]]]};
 * the default is 3 forks of 20 rounds of every workload (120 pairs each), two to four
 * minutes on 2 loaded vCPUs.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcHandlerCpuRatios {

	private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	private static final String CHILD = "--fork";

	private static final int WARM_UP_BLOCKS = 10;

	/** Consumed results: printed at the end so that the JIT cannot drop any call. */
	private static long sink;

	private JsonRpcHandlerCpuRatios() {
	}

	/**
	 * Run the forks and print the ratios, or, in a fork, warm up, run the rounds and
	 * print every pair.
	 * @param args optionally the number of forks, the number of rounds per fork, then the
	 * workloads to run (all by default)
	 * @throws Exception if a fork cannot be run
	 */
	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals(CHILD)) {
			measure(Integer.parseInt(args[1]), Arrays.asList(args).subList(2, args.length));
			return;
		}
		int forks = (args.length > 0) ? Integer.parseInt(args[0]) : 3;
		int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 20;
		List<String> only = (args.length > 2) ? Arrays.asList(args).subList(2, args.length) : List.of();
		Map<String, List<double[]>> pairs = new LinkedHashMap<>();
		Map<String, List<Double>> forkMedians = new LinkedHashMap<>();
		long start = System.nanoTime();
		for (int fork = 1; fork <= forks; fork++) {
			Map<String, List<double[]>> forkPairs = fork(rounds, only);
			forkPairs.forEach((name, values) -> {
				pairs.computeIfAbsent(name, (key) -> new ArrayList<>()).addAll(values);
				forkMedians.computeIfAbsent(name, (key) -> new ArrayList<>()).add(median(values, 0));
			});
			System.out.printf("fork %d of %d done after %.0f s%n", fork, forks, (System.nanoTime() - start) / 1e9);
		}
		System.out.println();
		System.out.println("| Workload | CPU handler / floor, median (IQR) | forks' medians | ns per request, "
				+ "handler / floor | Bytes handler / floor, median (IQR) | B per request, handler / floor | pairs |");
		System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
		pairs.forEach((name, values) -> {
			double[] medians = forkMedians.get(name).stream().mapToDouble(Double::doubleValue).sorted().toArray();
			System.out.printf("| %s | %s | %.3f - %.3f | %,.0f / %,.0f | %s | %,.0f / %,.0f | %d |%n", name,
					summary(values, 0), medians[0], medians[medians.length - 1], median(values, 2), median(values, 3),
					summary(values, 1), median(values, 4), median(values, 5), values.size());
		});
	}

	/**
	 * Run one fork: a new JVM, so that its JIT decisions are its own, with the same class
	 * path.
	 */
	private static Map<String, List<double[]>> fork(int rounds, List<String> only) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), JsonRpcHandlerCpuRatios.class.getName(), CHILD,
						Integer.toString(rounds)));
		command.addAll(only);
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		Map<String, List<double[]>> pairs = new LinkedHashMap<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				String[] fields = line.split(" ");
				if (fields[0].equals("pair")) {
					double[] values = new double[fields.length - 2];
					for (int i = 0; i < values.length; i++) {
						values[i] = Double.parseDouble(fields[i + 2]);
					}
					pairs.computeIfAbsent(fields[1], (key) -> new ArrayList<>()).add(values);
				}
				else {
					System.out.println("  " + line);
				}
			}
		}
		if (process.waitFor() != 0) {
			throw new IllegalStateException("Fork failed with exit code " + process.exitValue());
		}
		return pairs;
	}

	private static void measure(int rounds, List<String> only) {
		List<Workload> workloads = new ArrayList<>();
		for (Workload workload : workloads()) {
			if (only.isEmpty() || only.contains(workload.name)) {
				workloads.add(workload);
			}
		}
		long start = System.nanoTime();
		for (int i = 0; i < WARM_UP_BLOCKS; i++) {
			for (Workload workload : workloads) {
				workload.block(workload.handler);
				workload.block(workload.floor);
			}
		}
		double warmUp = (System.nanoTime() - start) / 1e9;
		for (int round = 0; round < rounds; round++) {
			for (Workload workload : workloads) {
				workload.measurePair(true);
				workload.measurePair(false);
			}
		}
		System.out.printf("warm-up %.1f s, measured %.1f s (sink %d)%n", warmUp,
				(System.nanoTime() - start) / 1e9 - warmUp, sink);
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

	private static double[] sorted(List<double[]> pairs, int column) {
		return pairs.stream().mapToDouble((pair) -> pair[column]).sorted().toArray();
	}

	private static String summary(List<double[]> pairs, int column) {
		double[] sorted = sorted(pairs, column);
		return String.format("%.3f (%.3f - %.3f)", quantile(sorted, 0.5), quantile(sorted, 0.25),
				quantile(sorted, 0.75));
	}

	private static double median(List<double[]> pairs, int column) {
		return quantile(sorted(pairs, column), 0.5);
	}

	private static final class Workload {

		private final String name;

		private final Function<byte[], byte[]> handler;

		private final Function<byte[], byte[]> floor;

		private final byte[] input;

		private final int blockSize;

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
		long[] block(Function<byte[], byte[]> side) {
			long sum = 0;
			long bytes = THREADS.getCurrentThreadAllocatedBytes();
			long cpu = THREADS.getCurrentThreadCpuTime();
			for (int i = 0; i < this.blockSize; i++) {
				sum += side.apply(this.input).length;
			}
			cpu = THREADS.getCurrentThreadCpuTime() - cpu;
			bytes = THREADS.getCurrentThreadAllocatedBytes() - bytes;
			sink += sum;
			return new long[] { cpu, bytes };
		}

		/**
		 * Run a handler block and a floor block, in the given order, and print the pair:
		 * CPU ratio, bytes ratio, then CPU (ns) and bytes per request of each side.
		 */
		void measurePair(boolean handlerFirst) {
			long[] first = block(handlerFirst ? this.handler : this.floor);
			long[] second = block(handlerFirst ? this.floor : this.handler);
			long[] handlerBlock = handlerFirst ? first : second;
			long[] floorBlock = handlerFirst ? second : first;
			System.out.println("pair " + this.name + " " + (double) handlerBlock[0] / floorBlock[0] + " "
					+ (double) handlerBlock[1] / floorBlock[1] + " " + (double) handlerBlock[0] / this.blockSize + " "
					+ (double) floorBlock[0] / this.blockSize + " " + (double) handlerBlock[1] / this.blockSize + " "
					+ (double) floorBlock[1] / this.blockSize);
		}

	}

}
