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

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Calls per second on one WebSocket connection with a window of calls in flight: the
 * client writes {@code subtract} calls (positional, id {@code i}, params {@code [i,1]})
 * as long as fewer than {@code window} are unanswered, reads the replies on another
 * thread, checks every one ({@code "result":i-1} for id {@code i}) and records its
 * latency from the write. A warm-up run comes first, then the measured run; each is
 * bounded by a number of calls and a time, so a run never takes more than about
 * {@code 2 x seconds + 10} seconds.
 *
 * <p>
 * The client is a minimal RFC 6455 client on a plain socket (masked text frames out,
 * unmasked frames in), so that it costs the shared CPUs little next to the server: the
 * JDK's {@code java.net.http.WebSocket} allows one send at a time and costs more per
 * message than the server under test.
 *
 * <p>
 * Usage: {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.jsonrpc.benchmarks.websocket.WebSocketPipelineLoad [url] [calls] [window]
 * [seconds] [server pid]}; defaults {@code ws://127.0.0.1:18080/jsonrpc 300000 256 20}.
 * With the pid of a server on the same Linux machine it also prints the CPU time the
 * whole server process used per call in the measured run (from {@code /proc}), which
 * compares builds on a busy machine where calls per second do not. Exits with 2 when a
 * reply is missing, wrong or an error.
 */
public final class WebSocketPipelineLoad {

	private final URI uri;

	private final int window;

	private WebSocketPipelineLoad(URI uri, int window) {
		this.uri = uri;
		this.window = window;
	}

	public static void main(String[] args) throws Exception {
		URI uri = URI.create((args.length > 0) ? args[0] : "ws://127.0.0.1:18080/jsonrpc");
		int calls = (args.length > 1) ? Integer.parseInt(args[1]) : 300_000;
		int window = (args.length > 2) ? Integer.parseInt(args[2]) : 256;
		int seconds = (args.length > 3) ? Integer.parseInt(args[3]) : 20;
		long serverPid = (args.length > 4) ? Long.parseLong(args[4]) : -1;
		WebSocketPipelineLoad load = new WebSocketPipelineLoad(uri, window);
		Result warmUp = load.run(calls, seconds);
		System.out.printf("warm-up:  %s%n", warmUp);
		long cpuBefore = cpuNanos(serverPid);
		Result measured = load.run(calls, seconds);
		long cpuAfter = cpuNanos(serverPid);
		System.out.printf("measured: %s%n", measured);
		if (cpuBefore >= 0 && cpuAfter >= 0 && measured.calls > 0) {
			System.out.printf("server process CPU per call (measured run): %.1f us%n",
					(cpuAfter - cpuBefore) / 1e3 / measured.calls);
		}
		if (warmUp.failure != null || measured.failure != null) {
			System.exit(2);
		}
	}

	Result run(int calls, int seconds) throws Exception {
		long[] sentAt = new long[calls];
		long[] latencies = new long[calls];
		Semaphore inFlight = new Semaphore(this.window);
		AtomicLong answered = new AtomicLong();
		AtomicReference<String> failure = new AtomicReference<>();
		try (Socket socket = connect()) {
			InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
			OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
			handshake(in, out);
			Thread reader = new Thread(() -> read(in, sentAt, latencies, inFlight, answered, failure),
					"ws-load-reader");
			reader.setDaemon(true);
			reader.start();
			byte[] mask = new byte[4];
			ThreadLocalRandom.current().nextBytes(mask);
			long start = System.nanoTime();
			long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
			int sent = 0;
			while (sent < calls && failure.get() == null) {
				if (!inFlight.tryAcquire()) {
					// nothing more may go out until a reply arrives: send what is
					// buffered
					out.flush();
					if (System.nanoTime() > deadline) {
						break;
					}
					if (!inFlight.tryAcquire(10, TimeUnit.SECONDS)) {
						failure.compareAndSet(null, "no reply within 10 s");
						break;
					}
				}
				byte[] call = ("{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[" + sent + ",1],\"id\":" + sent
						+ "}")
					.getBytes(StandardCharsets.US_ASCII);
				sentAt[sent] = System.nanoTime();
				writeFrame(out, call, mask);
				sent++;
			}
			out.flush();
			// every call sent gets its reply, however long the run was cut short
			long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (answered.get() < sent && failure.get() == null && System.nanoTime() < waitUntil) {
				Thread.sleep(5);
			}
			long elapsed = System.nanoTime() - start;
			if (failure.get() == null && answered.get() < sent) {
				failure.set((sent - answered.get()) + " replies missing");
			}
			int count = (int) Math.min(answered.get(), sent);
			long[] sorted = Arrays.copyOf(latencies, sent);
			Arrays.sort(sorted);
			return new Result(count, elapsed, percentile(sorted, 0.50), percentile(sorted, 0.99), failure.get());
		}
	}

	// user + system time of a process, from /proc/<pid>/stat (in clock ticks of 10 ms)
	private static long cpuNanos(long pid) {
		if (pid <= 0) {
			return -1;
		}
		try {
			String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// fields 14 and 15 of the file, counted after the command name
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	private static long percentile(long[] sorted, double fraction) {
		return (sorted.length == 0) ? 0
				: sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
	}

	private Socket connect() throws IOException {
		Socket socket = new Socket();
		socket.setTcpNoDelay(true);
		int port = (this.uri.getPort() > 0) ? this.uri.getPort() : 80;
		socket.connect(new InetSocketAddress(this.uri.getHost(), port), 5_000);
		socket.setSoTimeout(30_000);
		return socket;
	}

	private void handshake(InputStream in, OutputStream out) throws IOException {
		byte[] key = new byte[16];
		ThreadLocalRandom.current().nextBytes(key);
		String request = "GET " + this.uri.getRawPath() + " HTTP/1.1\r\nHost: " + this.uri.getHost() + ":"
				+ this.uri.getPort() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
				+ Base64.getEncoder().encodeToString(key) + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
		out.write(request.getBytes(StandardCharsets.US_ASCII));
		out.flush();
		StringBuilder response = new StringBuilder();
		while (!response.toString().endsWith("\r\n\r\n")) {
			int b = in.read();
			if (b < 0 || response.length() > 8192) {
				throw new IOException("Handshake failed: " + response);
			}
			response.append((char) b);
		}
		if (!response.toString().startsWith("HTTP/1.1 101")) {
			throw new IOException("Handshake refused: " + response.toString().lines().findFirst().orElse(""));
		}
	}

	private static void writeFrame(OutputStream out, byte[] payload, byte[] mask) throws IOException {
		// FIN + text, masked as every client frame must be
		out.write(0x81);
		if (payload.length < 126) {
			out.write(0x80 | payload.length);
		}
		else {
			out.write(0x80 | 126);
			out.write(payload.length >>> 8);
			out.write(payload.length & 0xFF);
		}
		out.write(mask);
		for (int i = 0; i < payload.length; i++) {
			payload[i] ^= mask[i & 3];
		}
		out.write(payload);
	}

	private static void read(InputStream input, long[] sentAt, long[] latencies, Semaphore inFlight,
			AtomicLong answered, AtomicReference<String> failure) {
		DataInputStream in = new DataInputStream(input);
		try {
			while (true) {
				int first = in.readUnsignedByte();
				int second = in.readUnsignedByte();
				long length = second & 0x7F;
				if (length == 126) {
					length = in.readUnsignedShort();
				}
				else if (length == 127) {
					length = in.readLong();
				}
				byte[] payload = new byte[(int) length];
				in.readFully(payload);
				int opcode = first & 0x0F;
				if (opcode == 0x8) {
					return;
				}
				if (opcode != 0x1 || (first & 0x80) == 0) {
					// pings, and fragmented replies (none for these small calls)
					if (opcode == 0x0 || opcode == 0x1) {
						failure.compareAndSet(null, "fragmented reply");
					}
					continue;
				}
				long now = System.nanoTime();
				String text = new String(payload, StandardCharsets.US_ASCII);
				int id = number(text, "\"id\":");
				int result = number(text, "\"result\":");
				if (id < 0 || id >= sentAt.length || result != id - 1) {
					failure.compareAndSet(null, "unexpected reply: " + text);
					inFlight.release();
					continue;
				}
				latencies[id] = now - sentAt[id];
				answered.incrementAndGet();
				inFlight.release();
			}
		}
		catch (EOFException ex) {
			// closed by the server
		}
		catch (IOException ex) {
			failure.compareAndSet(null, "read failed: " + ex);
		}
	}

	private static int number(String text, String member) {
		int at = text.indexOf(member);
		if (at < 0) {
			return Integer.MIN_VALUE;
		}
		int i = at + member.length();
		boolean negative = i < text.length() && text.charAt(i) == '-';
		if (negative) {
			i++;
		}
		int value = 0;
		int digits = 0;
		while (i < text.length() && Character.isDigit(text.charAt(i))) {
			value = value * 10 + (text.charAt(i++) - '0');
			digits++;
		}
		return (digits == 0) ? Integer.MIN_VALUE : (negative ? -value : value);
	}

	record Result(int calls, long elapsedNanos, long p50Nanos, long p99Nanos, String failure) {

		@Override
		public String toString() {
			String rate = String.format("%,d calls in %.2f s: %,.0f calls/s, p50 %.2f ms, p99 %.2f ms", this.calls,
					this.elapsedNanos / 1e9, this.calls / (this.elapsedNanos / 1e9), this.p50Nanos / 1e6,
					this.p99Nanos / 1e6);
			return (this.failure != null) ? rate + " FAILED: " + this.failure : rate;
		}

	}

}
