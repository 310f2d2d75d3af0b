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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Soak client for the sample app, run by soak.sh as a single-file program
 * ({@code java Soak.java <port> <seconds>}): mixes HTTP calls and batches, WebSocket
 * subscribers that read, slow readers, publishers of large chat messages and abrupt
 * disconnects for the given time, then prints one line of counts. "errors" are answers
 * that are missing or wrong for a client that behaves; slow readers being closed by the
 * server is expected and counted apart.
 */
public class Soak {

	static final AtomicLong calls = new AtomicLong();

	static final AtomicLong batches = new AtomicLong();

	static final AtomicLong published = new AtomicLong();

	static final AtomicLong notifications = new AtomicLong();

	static final AtomicLong connections = new AtomicLong();

	static final AtomicLong aborted = new AtomicLong();

	static final AtomicLong slowClosedByServer = new AtomicLong();

	static final AtomicLong errors = new AtomicLong();

	static HttpClient http;

	static String base;

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		long seconds = Long.parseLong(args[1]);
		base = "127.0.0.1:" + port + "/jsonrpc";
		http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		ExecutorService workers = Executors.newFixedThreadPool(10);
		List<CompletableFuture<Void>> running = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			int kind = i;
			running.add(CompletableFuture.runAsync(() -> {
				while (System.nanoTime() < end) {
					try {
						switch (kind % 5) {
							case 0 -> httpCalls();
							case 1 -> subscriber();
							case 2 -> slowReader();
							case 3 -> publisher();
							default -> abrupt();
						}
					}
					catch (Exception ex) {
						errors.incrementAndGet();
						System.err.println("error (" + kind % 5 + "): " + ex);
					}
				}
			}, workers));
		}
		CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get(seconds + 120, TimeUnit.SECONDS);
		workers.shutdownNow();
		System.out.println("SOAK calls=" + calls + " batches=" + batches + " published=" + published
				+ " notifications=" + notifications + " connections=" + connections + " aborted=" + aborted
				+ " slowClosedByServer=" + slowClosedByServer + " errors=" + errors);
	}

	// HTTP: single calls and batches of 20, answers checked
	static void httpCalls() throws Exception {
		for (int i = 0; i < 50; i++) {
			String body = post("{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[42,23],\"id\":1}");
			check(body.equals("{\"jsonrpc\":\"2.0\",\"result\":19,\"id\":1}"), body);
			calls.incrementAndGet();
		}
		StringBuilder batch = new StringBuilder("[");
		for (int i = 0; i < 20; i++) {
			batch.append(i > 0 ? "," : "").append("{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1,2,")
				.append(i)
				.append("],\"id\":")
				.append(i)
				.append('}');
		}
		String body = post(batch.append(']').toString());
		check(body.startsWith("[") && body.contains("\"id\":19"), body);
		batches.incrementAndGet();
	}

	// WebSocket: subscribes to chat, reads for a while, calls, closes normally
	static void subscriber() throws Exception {
		Client client = Client.connect(true);
		client.call("{\"jsonrpc\":\"2.0\",\"method\":\"subscribe\",\"params\":[\"chat\"],\"id\":\"s\"}", "\"s\"");
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		int id = 0;
		while (System.nanoTime() < until) {
			client.call("{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[42,23],\"id\":" + id + "}",
					"\"id\":" + id);
			calls.incrementAndGet();
			id++;
			Thread.sleep(50);
		}
		client.webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
		client.webSocket.abort();
	}

	// WebSocket: subscribes, then reads one fragment every two seconds, then drops the
	// connection without a close frame
	static void slowReader() throws Exception {
		Client client = Client.connect(false);
		client.webSocket.sendText("{\"jsonrpc\":\"2.0\",\"method\":\"subscribe\",\"params\":[\"chat\"],\"id\":1}", true)
			.get(10, TimeUnit.SECONDS);
		for (int i = 0; i < 8 && !client.closed.isDone(); i++) {
			Thread.sleep(2000);
			client.webSocket.request(1);
		}
		if (client.closed.isDone()) {
			slowClosedByServer.incrementAndGet();
		}
		client.webSocket.abort();
		aborted.incrementAndGet();
	}

	// WebSocket: publishes 256 KB chat messages
	static void publisher() throws Exception {
		Client client = Client.connect(true);
		String text = "x".repeat(256 * 1024);
		for (int i = 0; i < 20; i++) {
			client.call("{\"jsonrpc\":\"2.0\",\"method\":\"say\",\"params\":[\"" + text + "\"],\"id\":" + i + "}",
					"\"id\":" + i);
			published.incrementAndGet();
			Thread.sleep(100);
		}
		client.webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
		client.webSocket.abort();
	}

	// WebSocket: a batch of streamed countdowns and a subscribe, then gone mid-flight
	static void abrupt() throws Exception {
		Client client = Client.connect(false);
		client.webSocket.sendText("[{\"jsonrpc\":\"2.0\",\"method\":\"subscribe\",\"params\":[\"chat\"],\"id\":1},"
				+ "{\"jsonrpc\":\"2.0\",\"method\":\"countdown\",\"params\":[5000],\"id\":2},"
				+ "{\"jsonrpc\":\"2.0\",\"method\":\"countdown\",\"params\":[5000],\"id\":3}]", true)
			.get(10, TimeUnit.SECONDS);
		Thread.sleep(ThreadLocalRandom.current().nextInt(10, 300));
		client.webSocket.abort();
		aborted.incrementAndGet();
	}

	static String post(String body) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://" + base))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		check(response.statusCode() == 200, "HTTP " + response.statusCode());
		return response.body();
	}

	static void check(boolean condition, String what) {
		if (!condition) {
			throw new IllegalStateException("unexpected: " + what.substring(0, Math.min(200, what.length())));
		}
	}

	static final class Client implements WebSocket.Listener {

		final boolean reading;

		final java.util.concurrent.LinkedBlockingQueue<String> messages = new java.util.concurrent.LinkedBlockingQueue<>();

		final StringBuilder partial = new StringBuilder();

		final CompletableFuture<Integer> closed = new CompletableFuture<>();

		WebSocket webSocket;

		Client(boolean reading) {
			this.reading = reading;
		}

		static Client connect(boolean reading) throws Exception {
			Client client = new Client(reading);
			client.webSocket = http.newWebSocketBuilder()
				.buildAsync(URI.create("ws://" + base), client)
				.get(10, TimeUnit.SECONDS);
			connections.incrementAndGet();
			return client;
		}

		void call(String request, String expectedId) throws Exception {
			this.webSocket.sendText(request, true).get(10, TimeUnit.SECONDS);
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (System.nanoTime() < deadline) {
				String message = this.messages.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
				if (message == null) {
					break;
				}
				if (message.contains("\"method\"")) {
					notifications.incrementAndGet();
				}
				else if (message.contains("\"id\":" + expectedId.replace("\"id\":", ""))) {
					check(!message.contains("\"error\""), message);
					return;
				}
			}
			throw new IllegalStateException("no answer to " + request.substring(0, Math.min(80, request.length())));
		}

		@Override
		public void onOpen(WebSocket webSocket) {
			webSocket.request(1);
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			if (this.reading) {
				this.partial.append(data);
				if (last) {
					this.messages.add(this.partial.toString());
					this.partial.setLength(0);
				}
				webSocket.request(1);
			}
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			this.closed.complete(statusCode);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			this.closed.complete(-1);
		}

	}

}
