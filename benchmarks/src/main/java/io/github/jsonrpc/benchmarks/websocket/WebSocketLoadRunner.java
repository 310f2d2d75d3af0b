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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Bounded load runner against a running sample application (JDK WebSocket client only):
 *
 * <ol>
 * <li>round trips on one connection: {@code subtract} calls, sequential, then pipelined
 * with a window of in-flight calls;</li>
 * <li>fan-out: N connections subscribe to {@code chat}, one more calls {@code say} M
 * times; reports notifications delivered per second until every subscriber got every
 * message.</li>
 * </ol>
 *
 * <p>
 * Usage: {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.jsonrpc.benchmarks.websocket.WebSocketLoadRunner [url] [calls] [window]
 * [subscribers] [messages]}; defaults
 * {@code ws://127.0.0.1:8080/jsonrpc 50000 256 1000 200}. Every wait is bounded; the run
 * fails rather than hangs.
 */
public final class WebSocketLoadRunner {

	private WebSocketLoadRunner() {
	}

	public static void main(String[] args) throws Exception {
		URI uri = URI.create((args.length > 0) ? args[0] : "ws://127.0.0.1:8080/jsonrpc");
		int calls = (args.length > 1) ? Integer.parseInt(args[1]) : 50_000;
		int window = (args.length > 2) ? Integer.parseInt(args[2]) : 256;
		int subscribers = (args.length > 3) ? Integer.parseInt(args[3]) : 1000;
		int messages = (args.length > 4) ? Integer.parseInt(args[4]) : 200;
		HttpClient http = HttpClient.newHttpClient();
		// warm-up, then measure
		roundTrips(http, uri, Math.min(calls, 10_000), window);
		double sequential = roundTrips(http, uri, Math.min(calls, 10_000), 1);
		double pipelined = roundTrips(http, uri, calls, window);
		System.out.printf("round trips, one connection, sequential:        %,.0f calls/s%n", sequential);
		System.out.printf("round trips, one connection, %4d in flight:    %,.0f calls/s%n", window, pipelined);
		fanOut(http, uri, subscribers, Math.max(10, messages / 4));
		double rate = fanOut(http, uri, subscribers, messages);
		System.out.printf("fan-out to %d subscribers, %d messages:      %,.0f notifications/s (%,.0f publishes/s)%n",
				subscribers, messages, rate, rate / subscribers);
	}

	static double roundTrips(HttpClient http, URI uri, int calls, int window) throws Exception {
		Semaphore inFlight = new Semaphore(window);
		CountDownLatch done = new CountDownLatch(calls);
		WebSocket socket = connect(http, uri, (text) -> {
			inFlight.release();
			done.countDown();
		});
		long start = System.nanoTime();
		for (int i = 0; i < calls; i++) {
			if (!inFlight.tryAcquire(10, TimeUnit.SECONDS)) {
				throw new IllegalStateException("No response within 10 s");
			}
			socket
				.sendText("{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[" + i + ",1],\"id\":" + i + "}",
						true)
				.get(10, TimeUnit.SECONDS);
		}
		if (!done.await(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException("Missing responses: " + done.getCount());
		}
		double perSecond = calls / ((System.nanoTime() - start) / 1e9);
		socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
		return perSecond;
	}

	static double fanOut(HttpClient http, URI uri, int subscribers, int messages) throws Exception {
		AtomicLong received = new AtomicLong();
		long expected = (long) subscribers * messages;
		CountDownLatch subscribed = new CountDownLatch(subscribers);
		CountDownLatch all = new CountDownLatch(1);
		List<WebSocket> sockets = new ArrayList<>();
		for (int i = 0; i < subscribers; i++) {
			WebSocket socket = connect(http, uri, (text) -> {
				if (text.contains("\"method\":\"chat\"")) {
					if (received.incrementAndGet() == expected) {
						all.countDown();
					}
				}
				else if (text.contains("\"result\"")) {
					subscribed.countDown();
				}
			});
			socket.sendText("{\"jsonrpc\":\"2.0\",\"method\":\"subscribe\",\"params\":[\"chat\"],\"id\":1}", true)
				.get(10, TimeUnit.SECONDS);
			sockets.add(socket);
		}
		if (!subscribed.await(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException("Subscriptions missing: " + subscribed.getCount());
		}
		Semaphore inFlight = new Semaphore(16);
		WebSocket speaker = connect(http, uri, (text) -> inFlight.release());
		long start = System.nanoTime();
		for (int i = 0; i < messages; i++) {
			if (!inFlight.tryAcquire(10, TimeUnit.SECONDS)) {
				throw new IllegalStateException("No response to say within 10 s");
			}
			speaker
				.sendText(
						"{\"jsonrpc\":\"2.0\",\"method\":\"say\",\"params\":[\"message " + i + "\"],\"id\":" + i + "}",
						true)
				.get(10, TimeUnit.SECONDS);
		}
		if (!all.await(60, TimeUnit.SECONDS)) {
			throw new IllegalStateException("Notifications missing: " + (expected - received.get()));
		}
		double perSecond = expected / ((System.nanoTime() - start) / 1e9);
		for (WebSocket socket : sockets) {
			socket.abort();
		}
		speaker.abort();
		return perSecond;
	}

	private static WebSocket connect(HttpClient http, URI uri, Consumer<String> onMessage) throws Exception {
		return http.newWebSocketBuilder()
			.connectTimeout(Duration.ofSeconds(10))
			.buildAsync(uri, new Collector(onMessage))
			.get(10, TimeUnit.SECONDS);
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
