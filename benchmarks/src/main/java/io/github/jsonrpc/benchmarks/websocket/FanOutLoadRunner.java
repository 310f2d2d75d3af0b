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

/**
 * Bounded fan-out run on one instance: N WebSocket subscribers of {@code chat} on one
 * sample application, one caller of {@code say} (16 calls in flight); prints one line
 * with the notifications delivered per second (median of the measured rounds) and the
 * p50/p99 delivery latency, from sending {@code say} to a subscriber reading the
 * notification.
 *
 * <p>
 * Usage: {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.jsonrpc.benchmarks.websocket.FanOutLoadRunner [url] [subscribers] [messages]
 * [rounds] [--window=N] [--pid=P]}; defaults
 * {@code ws://127.0.0.1:18080/jsonrpc 1000 300 3}. With {@code --pid} (the server's
 * process id) the line adds the server's CPU time and bytes allocated per notification.
 * Every wait is bounded; the run fails rather than hangs.
 */
public final class FanOutLoadRunner {

	private FanOutLoadRunner() {
	}

	public static void main(String[] args) throws Exception {
		FanOutRun run = FanOutRun.parse(args, List.of("ws://127.0.0.1:18080/jsonrpc"), 300);
		FanOutRun.Result result = run.run();
		System.out.println("local fan-out, " + run.subscribers() + " subscribers on one instance: " + result.summary());
	}

}
