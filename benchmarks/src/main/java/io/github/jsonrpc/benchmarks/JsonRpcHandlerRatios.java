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

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Measure the handler/floor ratio of each comparable pair in
 * {@link JsonRpcHandlerBenchmark} on a shared, noisy machine. Each round runs the two
 * benchmarks of a pair back to back, short, alternating which goes first, so that both
 * see about the same background load. A benchmark's score is its best one-second
 * iteration: background load only ever slows an iteration down, so the best one is the
 * closest to the undisturbed speed. The ratio is computed per round and the median over
 * rounds is reported with its spread.
 *
 * <p>
 * Run with {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.jsonrpc.benchmarks.JsonRpcHandlerRatios [rounds]}; the default is 5 rounds,
 * about eight minutes.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcHandlerRatios {

	private static final Map<String, String> PAIRS = new LinkedHashMap<>();

	static {
		PAIRS.put("subtractPositional", "floorSubtractPositional");
		PAIRS.put("subtractNamed", "floorSubtractNamed");
		PAIRS.put("batchOf10", "floorBatchOf10");
		PAIRS.put("notification", "floorNotification");
		PAIRS.put("echo4k", "floorEcho4k");
	}

	private JsonRpcHandlerRatios() {
	}

	/**
	 * Run the rounds and print the ratios.
	 * @param args optionally the number of rounds
	 * @throws RunnerException if JMH fails to run a benchmark
	 */
	public static void main(String[] args) throws RunnerException {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 5;
		Map<String, List<Double>> ratios = new LinkedHashMap<>();
		for (int round = 1; round <= rounds; round++) {
			for (Map.Entry<String, String> pair : PAIRS.entrySet()) {
				boolean handlerFirst = (round % 2 == 1);
				double handler = handlerFirst ? run(pair.getKey()) : 0;
				double floor = run(pair.getValue());
				handler = handlerFirst ? handler : run(pair.getKey());
				double ratio = handler / floor;
				ratios.computeIfAbsent(pair.getKey(), (key) -> new ArrayList<>()).add(ratio);
				System.out.printf("round %d %-20s handler %,12.0f  floor %,12.0f  ratio %.2f%n", round, pair.getKey(),
						handler, floor, ratio);
			}
		}
		System.out.printf("%n| Case | Handler / floor, median of %d rounds | min | max |%n", rounds);
		System.out.println("| --- | ---: | ---: | ---: |");
		ratios.forEach((name, values) -> {
			List<Double> sorted = values.stream().sorted().toList();
			System.out.printf("| %s | %.2f | %.2f | %.2f |%n", name, median(sorted), sorted.get(0),
					sorted.get(sorted.size() - 1));
		});
	}

	private static double run(String benchmark) throws RunnerException {
		Options options = new OptionsBuilder()
			.include(JsonRpcHandlerBenchmark.class.getName() + "\\." + benchmark + "$")
			.warmupIterations(3)
			.warmupTime(TimeValue.seconds(1))
			.measurementIterations(5)
			.measurementTime(TimeValue.seconds(1))
			.forks(1)
			.verbosity(VerboseMode.SILENT)
			.build();
		Collection<RunResult> results = new Runner(options).run();
		return results.iterator().next().getPrimaryResult().getStatistics().getMax();
	}

	private static double median(List<Double> sorted) {
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

}
