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

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One bounded fan-out run shared by {@link FanOutLoadRunner} and
 * {@link RedisFanOutLoadRunner}: connect and subscribe, one warm-up round, then measured
 * rounds; the throughput is the median round's, the latencies are over every measured
 * delivery. Arguments after the positional ones: {@code --window=N} ({@code say} calls in
 * flight, default 16), {@code --pid=P[,P]} (server process ids: adds the servers' CPU
 * time and allocation per notification, read through the attach API) and, with it,
 * {@code --jfr=file.jfr} (a flight recording of the measured rounds on each server,
 * {@code file-0.jfr}, {@code file-1.jfr}).
 */
final class FanOutRun {

	private final List<URI> servers;

	private final int subscribers;

	private final int messages;

	private final int rounds;

	private final int window;

	private final List<Long> pids;

	private final String recording;

	private FanOutRun(List<URI> servers, int subscribers, int messages, int rounds, int window, List<Long> pids,
			String recording) {
		this.recording = recording;
		this.servers = servers;
		this.subscribers = subscribers;
		this.messages = messages;
		this.rounds = rounds;
		this.window = window;
		this.pids = pids;
	}

	/**
	 * Read the arguments: {@code serverCount} URLs, then subscribers, messages, rounds,
	 * then options.
	 */
	static FanOutRun parse(String[] args, List<String> defaultUrls, int defaultMessages) {
		List<String> positional = new ArrayList<>();
		int window = 16;
		List<Long> pids = new ArrayList<>();
		String recording = null;
		for (String arg : args) {
			if (arg.startsWith("--jfr=")) {
				recording = arg.substring(6);
				continue;
			}
			if (arg.startsWith("--window=")) {
				window = Integer.parseInt(arg.substring(9));
			}
			else if (arg.startsWith("--pid=")) {
				Arrays.stream(arg.substring(6).split(",")).map(Long::valueOf).forEach(pids::add);
			}
			else {
				positional.add(arg);
			}
		}
		List<URI> servers = new ArrayList<>();
		for (int i = 0; i < defaultUrls.size(); i++) {
			servers.add(URI.create((positional.size() > i) ? positional.get(i) : defaultUrls.get(i)));
		}
		int at = defaultUrls.size();
		int subscribers = (positional.size() > at) ? Integer.parseInt(positional.get(at)) : 1000;
		int messages = (positional.size() > at + 1) ? Integer.parseInt(positional.get(at + 1)) : defaultMessages;
		int rounds = (positional.size() > at + 2) ? Integer.parseInt(positional.get(at + 2)) : 3;
		return new FanOutRun(servers, subscribers, messages, rounds, window, pids, recording);
	}

	Result run() throws Exception {
		try (FanOutClient client = FanOutClient.connect(this.servers, this.subscribers);
				ServerCost cost = this.pids.isEmpty() ? null : ServerCost.attach(this.pids)) {
			client.round(Math.max(20, this.messages / 2), this.window, 60);
			List<FanOutClient.Round> measured = new ArrayList<>();
			if (cost != null && this.recording != null) {
				cost.startRecording(this.recording);
			}
			ServerCost.Sample before = (cost != null) ? cost.sample() : null;
			for (int i = 0; i < this.rounds; i++) {
				measured.add(client.round(this.messages, this.window, 60));
			}
			ServerCost.Sample spent = (cost != null) ? cost.sample().minus(before) : null;
			if (cost != null && this.recording != null) {
				cost.stopRecording();
			}
			return new Result(this, measured, spent);
		}
	}

	int subscribers() {
		return this.subscribers;
	}

	List<URI> servers() {
		return this.servers;
	}

	/**
	 * The measured rounds.
	 */
	record Result(FanOutRun run, List<FanOutClient.Round> rounds, ServerCost.Sample spent) {

		double medianPerSecond() {
			double[] rates = this.rounds.stream().mapToDouble(FanOutClient.Round::perSecond).sorted().toArray();
			return rates[rates.length / 2];
		}

		double minPerSecond() {
			return this.rounds.stream().mapToDouble(FanOutClient.Round::perSecond).min().orElse(Double.NaN);
		}

		double maxPerSecond() {
			return this.rounds.stream().mapToDouble(FanOutClient.Round::perSecond).max().orElse(Double.NaN);
		}

		long notifications() {
			return this.rounds.stream().mapToLong(FanOutClient.Round::notifications).sum();
		}

		long[] latencies() {
			return this.rounds.stream().flatMapToLong((round) -> Arrays.stream(round.latencies())).toArray();
		}

		long[] latencies(int instance) {
			return this.rounds.stream().flatMapToLong((round) -> Arrays.stream(round.byInstance()[instance])).toArray();
		}

		/**
		 * Return the common part of the summary line: rate, spread, latency, cost.
		 */
		String summary() {
			long[] all = latencies();
			String line = String.format(Locale.ROOT,
					"%,.0f notifications/s (median of %d rounds of %d messages; min %,.0f, max %,.0f), latency p50 %.1f ms, p99 %.1f ms",
					medianPerSecond(), this.rounds.size(), this.run.messages, minPerSecond(), maxPerSecond(),
					FanOutClient.percentile(all, 0.50), FanOutClient.percentile(all, 0.99));
			if (this.spent != null) {
				line += String.format(Locale.ROOT, "; server per notification: %.2f us CPU, %,.0f B allocated",
						this.spent.cpuNanos() / 1e3 / notifications(),
						(double) this.spent.allocatedBytes() / notifications());
			}
			return line;
		}

	}

}
