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
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Bounded cross-instance fan-out run against two sample applications sharing one Redis
 * (profile {@code redis}): N subscribers of {@code chat}, split evenly over both
 * instances, and one caller of {@code say} on the first. Each message carries the
 * runner's send time, so that the delivery latency (from sending {@code say} to a
 * subscriber reading the notification) is measured on one clock; reports notifications
 * delivered per second until every subscriber got every message, and the p50/p99 latency
 * on each instance.
 *
 * <p>
 * Usage: {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.jsonrpc.benchmarks.websocket.RedisFanOutLoadRunner [url-a] [url-b]
 * [subscribers] [messages]}; defaults
 * {@code ws://127.0.0.1:18081/jsonrpc ws://127.0.0.1:18082/jsonrpc 1000 200}. Every wait
 * is bounded; the run fails rather than hangs.
 */
public final class RedisFanOutLoadRunner {

	private RedisFanOutLoadRunner() {
	}

	public static void main(String[] args) throws Exception {
		URI a = URI.create((args.length > 0) ? args[0] : "ws://127.0.0.1:18081/jsonrpc");
		URI b = URI.create((args.length > 1) ? args[1] : "ws://127.0.0.1:18082/jsonrpc");
		int subscribers = (args.length > 2) ? Integer.parseInt(args[2]) : 1000;
		int messages = (args.length > 3) ? Integer.parseInt(args[3]) : 200;
		HttpClient http = HttpClient.newHttpClient();
		// warm-up, then measure
		run(http, a, b, subscribers, Math.max(10, messages / 4));
		Result result = run(http, a, b, subscribers, messages);
		System.out.printf("cross-instance fan-out, %d subscribers (%d on each instance), %d messages:%n", subscribers,
				subscribers / 2, messages);
		System.out.printf("  %,.0f notifications/s delivered (%,.0f publishes/s)%n", result.perSecond(),
				result.perSecond() / subscribers);
		System.out.printf("  latency on the publishing instance: p50 %.1f ms, p99 %.1f ms%n", result.a().p50(),
				result.a().p99());
		System.out.printf("  latency on the other instance:      p50 %.1f ms, p99 %.1f ms%n", result.b().p50(),
				result.b().p99());
	}

	static Result run(HttpClient http, URI a, URI b, int subscribers, int messages) throws Exception {
		int perInstance = subscribers / 2;
		Latencies onA = new Latencies(perInstance * messages);
		Latencies onB = new Latencies(perInstance * messages);
		CountDownLatch subscribed = new CountDownLatch(perInstance * 2);
		CountDownLatch all = new CountDownLatch(perInstance * 2 * messages);
		List<WebSocket> sockets = new ArrayList<>();
		for (int i = 0; i < perInstance * 2; i++) {
			boolean first = (i % 2) == 0;
			Latencies latencies = first ? onA : onB;
			WebSocket socket = connect(http, first ? a : b, (text) -> {
				int at = text.indexOf("\"text\":\"t");
				if (at >= 0) {
					int start = at + 9;
					long sent = Long.parseLong(text, start, text.indexOf('"', start), 10);
					latencies.add(System.nanoTime() - sent);
					all.countDown();
				}
				else if (text.contains("\"result\"")) {
					subscribed.countDown();
				}
			});
			socket.sendText("{\"jsonrpc\":\"2.0\",\"method\":\"subscribe\",\"params\":[\"chat\"],\"id\":1}", true)
				.get(10, TimeUnit.SECONDS);
			sockets.add(socket);
		}
		if (!subscribed.await(60, TimeUnit.SECONDS)) {
			throw new IllegalStateException("Subscriptions missing: " + subscribed.getCount());
		}
		Semaphore inFlight = new Semaphore(16);
		WebSocket speaker = connect(http, a, (text) -> inFlight.release());
		long start = System.nanoTime();
		for (int i = 0; i < messages; i++) {
			if (!inFlight.tryAcquire(10, TimeUnit.SECONDS)) {
				throw new IllegalStateException("No response to say within 10 s");
			}
			speaker
				.sendText("{\"jsonrpc\":\"2.0\",\"method\":\"say\",\"params\":[\"t" + System.nanoTime() + "\"],\"id\":"
						+ i + "}", true)
				.get(10, TimeUnit.SECONDS);
		}
		if (!all.await(120, TimeUnit.SECONDS)) {
			throw new IllegalStateException("Notifications missing: " + all.getCount());
		}
		double perSecond = (perInstance * 2.0 * messages) / ((System.nanoTime() - start) / 1e9);
		for (WebSocket socket : sockets) {
			socket.abort();
		}
		speaker.abort();
		return new Result(perSecond, onA, onB);
	}

	private static WebSocket connect(HttpClient http, URI uri, Consumer<String> onMessage) throws Exception {
		return http.newWebSocketBuilder()
			.connectTimeout(Duration.ofSeconds(10))
			.buildAsync(uri, new Collector(onMessage))
			.get(10, TimeUnit.SECONDS);
	}

	record Result(double perSecond, Latencies a, Latencies b) {

	}

	/**
	 * Delivery latencies of one instance's subscribers, in nanoseconds.
	 */
	static final class Latencies {

		private final long[] nanos;

		private final AtomicInteger count = new AtomicInteger();

		Latencies(int capacity) {
			this.nanos = new long[capacity];
		}

		void add(long latency) {
			int index = this.count.getAndIncrement();
			if (index < this.nanos.length) {
				this.nanos[index] = latency;
			}
		}

		double p50() {
			return percentile(0.50);
		}

		double p99() {
			return percentile(0.99);
		}

		private double percentile(double fraction) {
			int size = Math.min(this.count.get(), this.nanos.length);
			if (size == 0) {
				return Double.NaN;
			}
			long[] sorted = Arrays.copyOf(this.nanos, size);
			Arrays.sort(sorted);
			return sorted[(int) Math.min(size - 1, Math.ceil(fraction * size) - 1)] / 1e6;
		}

	}

	private static final class Collector implements WebSocket.Listener {

		private final Consumer<String> onMessage;

		private final StringBuilder partial = new StringBuilder();

		Collector(Consumer<String> onMessage) {
			this.onMessage = onMessage;
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				this.onMessage.accept(this.partial.toString());
				this.partial.setLength(0);
			}
			webSocket.request(1);
			return CompletableFuture.completedFuture(null);
		}

	}

}
