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

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The client side of a fan-out run: many subscriber connections read by one selector
 * thread, and one speaker connection calling {@code say}. A minimal RFC 6455 client over
 * NIO, so that the client's own cost per notification (one read per readable socket,
 * frames parsed in place, the send time read from the bytes) stays far below the server's
 * on a machine they share; the JDK's WebSocket client decodes every message to a
 * {@code String} and hops executors per message.
 *
 * <p>
 * Each {@code say} carries the runner's {@link System#nanoTime()} as its text,
 * {@code "t<nanos>"}, which the notification repeats; the selector thread records each
 * delivery's latency on one clock. Every wait is bounded.
 */
final class FanOutClient implements AutoCloseable {

	private static final byte[] MARKER = "\"text\":\"t".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] RESULT = "\"result\"".getBytes(StandardCharsets.US_ASCII);

	private final Selector selector;

	private final List<Connection> subscribers = new ArrayList<>();

	private final Object lock = new Object();

	// written by the selector thread, read under the lock
	private long delivered;

	private int subscribed;

	private long[] latencies = new long[0];

	private int[] instanceOf = new int[0];

	private long[][] latenciesByInstance = new long[0][];

	private int[] countByInstance = new int[0];

	private volatile boolean running = true;

	private final Thread reader;

	private Connection speaker;

	private final Semaphore inFlight = new Semaphore(0);

	private Thread speakerReader;

	private FanOutClient() throws IOException {
		this.selector = Selector.open();
		this.reader = new Thread(this::readLoop, "fan-out-reader");
		this.reader.setDaemon(true);
	}

	/**
	 * Connect subscribers, spread round-robin over the servers, and subscribe each to
	 * {@code chat}; the speaker connects to the first server.
	 * @param servers the WebSocket URLs
	 * @param subscribers the number of subscribers
	 * @return the client, every subscription confirmed
	 */
	static FanOutClient connect(List<URI> servers, int subscribers) throws Exception {
		FanOutClient client = new FanOutClient();
		client.instanceOf = new int[subscribers];
		client.countByInstance = new int[servers.size()];
		client.reader.start();
		byte[] subscribe = "{\"jsonrpc\":\"2.0\",\"method\":\"subscribe\",\"params\":[\"chat\"],\"id\":1}"
			.getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < subscribers; i++) {
			int instance = i % servers.size();
			Connection connection = Connection.open(servers.get(instance), instance);
			connection.writeFrame(subscribe);
			connection.channel.configureBlocking(false);
			client.subscribers.add(connection);
			client.instanceOf[i] = instance;
			client.register(connection);
		}
		client.awaitSubscribed(subscribers, 60);
		client.speaker = Connection.open(servers.get(0), 0);
		client.speakerReader = new Thread(client::speakerLoop, "fan-out-speaker-reader");
		client.speakerReader.setDaemon(true);
		client.speakerReader.start();
		return client;
	}

	private final List<Connection> toRegister = new ArrayList<>();

	private void register(Connection connection) {
		synchronized (this.toRegister) {
			this.toRegister.add(connection);
		}
		this.selector.wakeup();
	}

	private void awaitSubscribed(int count, int seconds) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		synchronized (this.lock) {
			while (this.subscribed < count) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new IllegalStateException("Subscriptions missing: " + (count - this.subscribed));
				}
				TimeUnit.NANOSECONDS.timedWait(this.lock, left);
			}
		}
	}

	/**
	 * Call {@code say} {@code messages} times, at most {@code window} calls in flight,
	 * and wait until every subscriber got every message.
	 * @return the round's result
	 */
	Round round(int messages, int window, int timeoutSeconds) throws Exception {
		int servers = this.countByInstance.length;
		long expected = (long) this.subscribers.size() * messages;
		synchronized (this.lock) {
			this.delivered = 0;
			this.latencies = new long[(int) expected];
			this.latenciesByInstance = new long[servers][];
			for (int s = 0; s < servers; s++) {
				this.latenciesByInstance[s] = new long[(int) expected];
			}
			Arrays.fill(this.countByInstance, 0);
		}
		this.inFlight.drainPermits();
		this.inFlight.release(window);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
		long start = System.nanoTime();
		for (int i = 0; i < messages; i++) {
			if (!this.inFlight.tryAcquire(10, TimeUnit.SECONDS)) {
				throw new IllegalStateException("No response to say within 10 s");
			}
			long now = System.nanoTime();
			this.speaker
				.writeFrame(("{\"jsonrpc\":\"2.0\",\"method\":\"say\",\"params\":[\"t" + now + "\"],\"id\":" + i + "}")
					.getBytes(StandardCharsets.UTF_8));
		}
		long end;
		synchronized (this.lock) {
			while (this.delivered < expected) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new IllegalStateException("Notifications missing: " + (expected - this.delivered));
				}
				TimeUnit.NANOSECONDS.timedWait(this.lock, left);
			}
			end = this.lastDelivery;
		}
		if (!this.inFlight.tryAcquire(window, 10, TimeUnit.SECONDS)) {
			throw new IllegalStateException("Responses to say missing");
		}
		long[] all = Arrays.copyOf(this.latencies, (int) expected);
		long[][] byInstance = new long[servers][];
		for (int s = 0; s < servers; s++) {
			byInstance[s] = Arrays.copyOf(this.latenciesByInstance[s], this.countByInstance[s]);
		}
		return new Round(expected, end - start, all, byInstance);
	}

	private long lastDelivery;

	private void readLoop() {
		try {
			while (this.running) {
				this.selector.select(100);
				synchronized (this.toRegister) {
					for (Connection connection : this.toRegister) {
						connection.channel.register(this.selector, SelectionKey.OP_READ, connection);
					}
					this.toRegister.clear();
				}
				for (SelectionKey key : this.selector.selectedKeys()) {
					Connection connection = (Connection) key.attachment();
					if (!connection.read()) {
						key.cancel();
						continue;
					}
					connection.frames(this::onSubscriberFrame);
				}
				this.selector.selectedKeys().clear();
			}
		}
		catch (IOException ex) {
			if (this.running) {
				ex.printStackTrace();
			}
		}
	}

	private void onSubscriberFrame(Connection connection, ByteBuffer buffer, int start, int length) {
		int at = indexOf(buffer, start, length, MARKER);
		if (at >= 0) {
			long now = System.nanoTime();
			long sent = 0;
			for (int i = at + MARKER.length; i < start + length; i++) {
				byte digit = buffer.get(i);
				if (digit < '0' || digit > '9') {
					break;
				}
				sent = sent * 10 + (digit - '0');
			}
			long latency = now - sent;
			synchronized (this.lock) {
				if (this.delivered < this.latencies.length) {
					this.latencies[(int) this.delivered] = latency;
					int instance = connection.instance;
					this.latenciesByInstance[instance][this.countByInstance[instance]++] = latency;
				}
				this.delivered++;
				this.lastDelivery = now;
				if (this.delivered == this.latencies.length) {
					this.lock.notifyAll();
				}
			}
		}
		else if (indexOf(buffer, start, length, RESULT) >= 0) {
			synchronized (this.lock) {
				this.subscribed++;
				this.lock.notifyAll();
			}
		}
	}

	private void speakerLoop() {
		try {
			while (this.running) {
				if (!this.speaker.read()) {
					return;
				}
				this.speaker.frames((connection, buffer, start, length) -> this.inFlight.release());
			}
		}
		catch (IOException ex) {
			if (this.running) {
				ex.printStackTrace();
			}
		}
	}

	private static int indexOf(ByteBuffer buffer, int start, int length, byte[] needle) {
		int last = start + length - needle.length;
		outer: for (int i = start; i <= last; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (buffer.get(i + j) != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	@Override
	public void close() {
		this.running = false;
		this.selector.wakeup();
		for (Connection connection : this.subscribers) {
			connection.closeQuietly();
		}
		if (this.speaker != null) {
			this.speaker.closeQuietly();
		}
		try {
			this.selector.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

	/**
	 * What one round measured.
	 *
	 * @param notifications the notifications delivered
	 * @param nanos from the first {@code say} sent to the last notification read
	 * @param latencies every delivery's latency, in nanoseconds
	 * @param byInstance the latencies of each server's subscribers
	 */
	record Round(long notifications, long nanos, long[] latencies, long[][] byInstance) {

		double perSecond() {
			return this.notifications / (this.nanos / 1e9);
		}

	}

	/**
	 * Return a percentile, in milliseconds.
	 */
	static double percentile(long[] nanos, double fraction) {
		if (nanos.length == 0) {
			return Double.NaN;
		}
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return sorted[(int) Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] / 1e6;
	}

	@FunctionalInterface
	interface FrameHandler {

		void frame(Connection connection, ByteBuffer buffer, int start, int length);

	}

	/**
	 * One WebSocket connection: handshake, masked text frames out, frames parsed in
	 * place.
	 */
	static final class Connection {

		final SocketChannel channel;

		final int instance;

		private ByteBuffer input = ByteBuffer.allocate(16 * 1024);

		private Connection(SocketChannel channel, int instance) {
			this.channel = channel;
			this.instance = instance;
		}

		static Connection open(URI uri, int instance) throws IOException {
			SocketChannel channel = SocketChannel.open();
			channel.socket().setSoTimeout(10_000);
			channel.socket().setTcpNoDelay(true);
			channel.connect(new InetSocketAddress(uri.getHost(), uri.getPort()));
			Connection connection = new Connection(channel, instance);
			connection.handshake(uri);
			return connection;
		}

		private void handshake(URI uri) throws IOException {
			byte[] nonce = new byte[16];
			ThreadLocalRandom.current().nextBytes(nonce);
			String request = "GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
					+ "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
					+ Base64.getEncoder().encodeToString(nonce) + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
			writeFully(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			// the socket's stream honours the read timeout, a blocking channel does not
			InputStream stream = this.channel.socket().getInputStream();
			while (true) {
				int read = stream.read(this.input.array(), this.input.position(), this.input.remaining());
				if (read < 0) {
					throw new IOException("Closed during the handshake");
				}
				this.input.position(this.input.position() + read);
				String head = new String(this.input.array(), 0, this.input.position(), StandardCharsets.US_ASCII);
				int end = head.indexOf("\r\n\r\n");
				if (end >= 0) {
					if (!head.startsWith("HTTP/1.1 101")) {
						throw new IOException("Handshake refused: " + head.lines().findFirst().orElse(""));
					}
					// what follows the response's head is frames
					this.input.flip();
					this.input.position(end + 4);
					this.input.compact();
					return;
				}
				if (System.nanoTime() > deadline) {
					throw new IOException("No handshake response within 10 s");
				}
			}
		}

		void writeFrame(byte[] payload) throws IOException {
			int headerSize = 2 + ((payload.length > 125) ? ((payload.length > 0xFFFF) ? 8 : 2) : 0) + 4;
			ByteBuffer frame = ByteBuffer.allocate(headerSize + payload.length);
			frame.put((byte) 0x81);
			if (payload.length <= 125) {
				frame.put((byte) (0x80 | payload.length));
			}
			else if (payload.length <= 0xFFFF) {
				frame.put((byte) (0x80 | 126)).putShort((short) payload.length);
			}
			else {
				frame.put((byte) (0x80 | 127)).putLong(payload.length);
			}
			byte[] mask = new byte[4];
			ThreadLocalRandom.current().nextBytes(mask);
			frame.put(mask);
			for (int i = 0; i < payload.length; i++) {
				frame.put((byte) (payload[i] ^ mask[i & 3]));
			}
			frame.flip();
			synchronized (this) {
				writeFully(frame);
			}
		}

		private void writeFully(ByteBuffer buffer) throws IOException {
			while (buffer.hasRemaining()) {
				this.channel.write(buffer);
			}
		}

		/**
		 * Read what is there; {@code false} once the server closed.
		 */
		boolean read() throws IOException {
			if (!this.input.hasRemaining()) {
				this.input = ByteBuffer.allocate(this.input.capacity() * 2).put(this.input.flip());
			}
			return this.channel.read(this.input) >= 0;
		}

		/**
		 * Hand every complete data frame read so far to the handler, keep the rest.
		 */
		void frames(FrameHandler handler) {
			ByteBuffer buffer = this.input;
			int limit = buffer.position();
			int at = 0;
			while (limit - at >= 2) {
				int opcode = buffer.get(at) & 0x0F;
				int length = buffer.get(at + 1) & 0x7F;
				int header = 2;
				if (length == 126) {
					if (limit - at < 4) {
						break;
					}
					length = buffer.getShort(at + 2) & 0xFFFF;
					header = 4;
				}
				else if (length == 127) {
					if (limit - at < 10) {
						break;
					}
					length = (int) buffer.getLong(at + 2);
					header = 10;
				}
				if (limit - at < header + length) {
					break;
				}
				if (opcode == 0x1 || opcode == 0x0) {
					handler.frame(this, buffer, at + header, length);
				}
				at += header + length;
			}
			buffer.flip();
			buffer.position(at);
			buffer.compact();
		}

		void closeQuietly() {
			try {
				this.channel.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
		}

	}

}
