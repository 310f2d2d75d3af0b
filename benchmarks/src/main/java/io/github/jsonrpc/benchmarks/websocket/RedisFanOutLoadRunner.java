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
package io.github.jsonrpc.benchmarks.websocket;

import java.util.List;
import java.util.Locale;

/**
 * Bounded cross-instance fan-out run against two sample applications sharing one Redis
 * (profile {@code redis}): N subscribers of {@code chat}, split evenly over both
 * instances, and one caller of {@code say} on the first (16 calls in flight). Each
 * message carries the runner's send time, so that the delivery latency (from sending
 * {@code say} to a subscriber reading the notification) is measured on one clock; prints
 * one line with the notifications delivered per second (median of the measured rounds)
 * and the p50/p99 latency, overall and on each instance.
 *
 * <p>
 * Usage: {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.jsonrpc.benchmarks.websocket.RedisFanOutLoadRunner [url-a] [url-b]
 * [subscribers] [messages] [rounds] [--window=N] [--pid=PA,PB]}; defaults
 * {@code ws://127.0.0.1:18091/jsonrpc ws://127.0.0.1:18092/jsonrpc 1000 200 3}. With
 * {@code --pid} (both servers' process ids) the line adds their CPU time and bytes
 * allocated per notification, summed. Every wait is bounded; the run fails rather than
 * hangs.
 */
public final class RedisFanOutLoadRunner {

	private RedisFanOutLoadRunner() {
	}

	public static void main(String[] args) throws Exception {
		FanOutRun run = FanOutRun.parse(args, List.of("ws://127.0.0.1:18091/jsonrpc", "ws://127.0.0.1:18092/jsonrpc"),
				200);
		FanOutRun.Result result = run.run();
		System.out.println(
				"cross-instance fan-out, " + run.subscribers() + " subscribers on two instances: " + result.summary()
						+ String.format(Locale.ROOT, "; p99 on the publishing instance %.1f ms, on the other %.1f ms",
								FanOutClient.percentile(result.latencies(0), 0.99),
								FanOutClient.percentile(result.latencies(1), 0.99)));
	}

}
