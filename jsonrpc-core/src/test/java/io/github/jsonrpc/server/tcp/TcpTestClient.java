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
package io.github.jsonrpc.server.tcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.protocol.JsonRpcFrameDecoder;
import io.github.jsonrpc.protocol.JsonRpcFraming;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A raw JSON-RPC client over one TCP socket (or any connected {@link Socket}, e.g. TLS),
 * for tests: writes framed text as given, reads framed messages on a thread of its own.
 * Waits are bounded.
 *
 * @author JSON-RPC for Spring Boot team
 */
public final class TcpTestClient implements AutoCloseable {

	private static final byte[] END = new byte[0];

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final Socket socket;

	private final JsonRpcFraming framing;

	private final OutputStream output;

	private final BlockingQueue<byte[]> received = new LinkedBlockingQueue<>();

	private final Thread reader;

	/**
	 * Connect to a server on the loopback address.
	 * @param port the server's port
	 * @param framing the framing
	 * @return the client
	 * @throws IOException when the connection fails
	 */
	public static TcpTestClient connect(int port, JsonRpcFraming framing) throws IOException {
		Socket socket = new Socket();
		socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
		return new TcpTestClient(socket, framing, true);
	}

	/**
	 * Wrap a connected socket.
	 * @param socket the socket
	 * @param framing the framing
	 * @param read whether to read what the server sends (else the client never reads)
	 * @throws IOException when the socket fails
	 */
	public TcpTestClient(Socket socket, JsonRpcFraming framing, boolean read) throws IOException {
		this.socket = socket;
		this.framing = framing;
		this.output = socket.getOutputStream();
		InputStream input = socket.getInputStream();
		JsonRpcFrameDecoder decoder = framing.decoder(64 * 1024 * 1024);
		this.reader = new Thread(() -> {
			byte[] buffer = new byte[8192];
			try {
				int count;
				while ((count = input.read(buffer)) != -1) {
					decoder.decode(java.nio.ByteBuffer.wrap(buffer, 0, count), this.received::add);
				}
			}
			catch (IOException | RuntimeException ex) {
				// closed
			}
			this.received.add(END);
		}, "tcp-test-client");
		this.reader.setDaemon(true);
		if (read) {
			this.reader.start();
		}
	}

	/**
	 * Start reading what the server sends, for a client created not reading.
	 */
	public void startReading() {
		this.reader.start();
	}

	/**
	 * Send a message, framed.
	 * @param json the message
	 * @throws IOException when writing fails
	 */
	public void send(String json) throws IOException {
		sendRaw(this.framing.frame(json.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * Send bytes as they are.
	 * @param bytes the bytes
	 * @throws IOException when writing fails
	 */
	public synchronized void sendRaw(byte[] bytes) throws IOException {
		this.output.write(bytes);
		this.output.flush();
	}

	/**
	 * Return the next message, waiting up to {@link TestWaits#SHORT}.
	 * @return the message
	 * @throws AssertionError when none comes or the connection closed
	 */
	public JsonNode next() throws InterruptedException {
		return mapper.readTree(nextText());
	}

	/**
	 * Return the next message as text, waiting up to {@link TestWaits#SHORT}.
	 * @return the message
	 */
	public String nextText() throws InterruptedException {
		byte[] message = this.received.poll(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS);
		if (message == null) {
			throw new AssertionError("No message within " + TestWaits.SHORT);
		}
		if (message == END) {
			this.received.add(END);
			throw new AssertionError("Connection closed");
		}
		return new String(message, StandardCharsets.UTF_8);
	}

	/**
	 * Return whether the server closes the connection within the timeout, with no message
	 * left unread.
	 * @param timeout how long to wait
	 * @return {@code true} when the connection ended
	 */
	public boolean awaitClosed(Duration timeout) throws InterruptedException {
		byte[] message = this.received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
		if (message == END) {
			this.received.add(END);
			return true;
		}
		return false;
	}

	/**
	 * Return the socket.
	 * @return the socket
	 */
	public Socket socket() {
		return this.socket;
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
