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

package io.github.jsonrpc.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link WebSocketMessageChannel} with the JDK's WebSocket client against a
 * real embedded Tomcat on the loopback interface: what the handshake carries, how frames
 * become messages, and how the end of the WebSocket is reported.
 * <p>
 * There is no fake of the JDK's {@code WebSocket} here. The two ends Tomcat cannot be
 * made to produce are provoked by a raw socket on the loopback interface that speaks just
 * enough of the handshake: a handshake that is never answered (for the connect timeout)
 * and a connection reset after the handshake (the JDK reports it as an error; a Tomcat
 * endpoint always ends with a close frame, which is an orderly close).
 */
class WebSocketMessageChannelTests {

	private static LoopbackWebSocketServer server;

	private final RecordingReceiver receiver = new RecordingReceiver();

	private @Nullable MessageChannel channel;

	@BeforeAll
	static void startTomcat() throws Exception {
		server = LoopbackWebSocketServer.start();
	}

	@AfterAll
	static void stopTomcat() throws Exception {
		server.close();
	}

	@AfterEach
	void closeChannel() {
		if (this.channel != null) {
			this.channel.close();
		}
	}

	@Test
	void handshakeCarriesTheHeaders() throws Exception {
		this.channel = open(server.uri(), Map.of("Authorization", "Bearer t0k3n"), Duration.ofSeconds(7));
		assertThat(server.nextConnection().header("Authorization")).containsExactly("Bearer t0k3n");
	}

	@Test
	void handshakeThatIsNeverAnsweredFailsTheOpeningAfterTheConnectTimeout() throws Exception {
		try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			silent.setSoTimeout((int) TestWaits.SHORT.toMillis());
			CompletableFuture<MessageChannel> opening = WebSocketMessageChannel
				.opener(URI.create("ws://127.0.0.1:" + silent.getLocalPort() + "/ws"), HttpClient.newHttpClient(),
						Map.of(), Duration.ofMillis(200))
				.open(this.receiver);
			try (Socket peer = silent.accept()) {
				peer.setSoTimeout((int) TestWaits.SHORT.toMillis());
				// the upgrade request arrives and is never answered
				assertThat(peer.getInputStream().read()).isEqualTo('G');
				assertThat(opening).failsWithin(TestWaits.SHORT)
					.withThrowableOfType(ExecutionException.class)
					.havingCause()
					.isInstanceOf(HttpTimeoutException.class);
			}
		}
	}

	@Test
	void handshakeThatTheServerRefusesFailsTheOpening() {
		CompletableFuture<MessageChannel> opening = WebSocketMessageChannel
			.opener(server.missingEndpoint(), HttpClient.newHttpClient(), Map.of(), null)
			.open(this.receiver);
		assertThat(opening).failsWithin(TestWaits.SHORT)
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOf(WebSocketHandshakeException.class);
	}

	@Test
	void sendsWholeTextMessages() throws Exception {
		this.channel = open(server.uri(), Map.of(), null);
		LoopbackWebSocketServer.Connection connection = server.nextConnection();
		TestWaits.get(this.channel.send("{\"a\":1}").thenApply((sent) -> "sent"));
		TestWaits.get(this.channel.send("{\"b\":2}").thenApply((sent) -> "sent"));
		assertThat(connection.nextMessage()).isEqualTo("{\"a\":1}");
		assertThat(connection.nextMessage()).isEqualTo("{\"b\":2}");
		assertThat(this.channel.isOutputClosed()).isFalse();
	}

	@Test
	void partsOfATextMessageAreAssembledAndEveryFrameIsRead() throws Exception {
		this.channel = open(server.uri(), Map.of(), null);
		LoopbackWebSocketServer.Connection connection = server.nextConnection();
		// each frame is read only once the previous one asked for it
		connection.send("{\"a\":", false);
		connection.send("1}", true);
		connection.send("{\"b\":2}", true);
		assertThat(this.receiver.next()).isEqualTo("{\"a\":1}");
		assertThat(this.receiver.next()).isEqualTo("{\"b\":2}");
	}

	@Test
	void receiverThatFailsStillGetsTheNextMessage() throws Exception {
		this.channel = open(server.uri(), Map.of(), null);
		LoopbackWebSocketServer.Connection connection = server.nextConnection();
		connection.send("fail", true);
		connection.send("{}", true);
		assertThat(this.receiver.next()).isEqualTo("{}");
		assertThat(this.receiver.closes).isEmpty();
	}

	@Test
	void closeOfTheServerIsReportedWithoutAnError() throws Exception {
		this.channel = open(server.uri(), Map.of(), null);
		LoopbackWebSocketServer.Connection connection = server.nextConnection();
		connection.close(1001, "going away");
		assertThat(this.receiver.nextClose()).isEqualTo("orderly");
		// the JDK answers the close, after which nothing can be sent
		assertThat(connection.closeCode()).isEqualTo(1001);
		await().atMost(TestWaits.SHORT).until(this.channel::isOutputClosed);
		// closing again is not the caller's problem
		this.channel.close();
	}

	@Test
	void closeOfTheServerWithAnErrorStatusIsReportedAsAnErrorNamingIt() throws Exception {
		this.channel = open(server.uri(), Map.of(), null);
		LoopbackWebSocketServer.Connection connection = server.nextConnection();
		connection.close(1008, "slow consumer");
		assertThat(this.receiver.nextClose()).isEqualTo(IOException.class.getName());
		assertThat(this.receiver.errors.poll())
			.hasMessage("WebSocket to " + server.uri() + " closed with status 1008 (slow consumer)");
	}

	@Test
	void closeOfTheServerWithoutAStatusIsReportedWithoutAnError() throws Exception {
		try (RawPeer peer = openOnRawPeer()) {
			// a close frame without a status (1005 to the JDK)
			peer.socket().getOutputStream().write(new byte[] { (byte) 0x88, 0 });
			peer.socket().getOutputStream().flush();
			assertThat(this.receiver.nextClose()).isEqualTo("orderly");
		}
	}

	@Test
	void connectionDroppedWithoutACloseFrameIsReportedAsAnErrorNamingTheStatus() throws Exception {
		URI uri;
		try (RawPeer peer = openOnRawPeer()) {
			uri = peer.uri();
			// the end of the stream, without a close frame: 1006 to the JDK
			peer.socket().shutdownOutput();
			assertThat(this.receiver.nextClose()).isEqualTo(IOException.class.getName());
		}
		assertThat(this.receiver.errors.poll()).hasMessage(
				"WebSocket to " + uri + " closed with status 1006 (the connection ended without a close frame)");
	}

	@Test
	void pendingCallFailsWithTheReasonOfAConnectionDroppedWithoutACloseFrame() throws Exception {
		try (ServerSocket raw = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			raw.setSoTimeout((int) TestWaits.SHORT.toMillis());
			URI uri = URI.create("ws://127.0.0.1:" + raw.getLocalPort() + "/ws");
			// no reconnect while the test runs
			MessageChannelJsonRpcTransport transport = new MessageChannelJsonRpcTransport(uri,
					JsonRpcMessageCodec.create(JsonMapper.builder().build()),
					new MessageChannelJsonRpcTransport.Options(TestWaits.SHORT, Map.of(), Duration.ofMinutes(1),
							Duration.ofMinutes(1)));
			try {
				CompletableFuture<byte[]> call = transport
					.exchangeRaw("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"id\":1}".getBytes(StandardCharsets.UTF_8));
				try (Socket peer = raw.accept()) {
					acceptUpgrade(peer);
					// the call's text frame (final, opcode 1) arrived
					assertThat(peer.getInputStream().read()).isEqualTo(0x81);
					peer.shutdownOutput();
					assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> TestWaits.get(call))
						.havingCause()
						.isInstanceOf(JsonRpcTransportException.class)
						.withMessage("Connection to " + uri + " closed")
						.havingCause()
						.isInstanceOf(IOException.class)
						.withMessage("WebSocket to " + uri
								+ " closed with status 1006 (the connection ended without a close frame)");
				}
			}
			finally {
				transport.close();
			}
		}
	}

	@Test
	void closingTheChannelClosesTheWebSocketNormally() throws Exception {
		this.channel = open(server.uri(), Map.of(), null);
		LoopbackWebSocketServer.Connection connection = server.nextConnection();
		this.channel.close();
		assertThat(connection.closeCode()).isEqualTo(1000);
		assertThat(this.channel.isOutputClosed()).isTrue();
	}

	@Test
	void closingTheChannelIsNotReportedWhenTheServerAnswersTheClose() throws Exception {
		try (RawPeer peer = openOnRawPeer()) {
			this.channel.close();
			// the client's close frame (final, opcode 8), answered as a server does
			assertThat(peer.socket().getInputStream().read()).isEqualTo(0x88);
			peer.socket().getOutputStream().write(new byte[] { (byte) 0x88, 2, 0x03, (byte) 0xE8 });
			peer.socket().getOutputStream().flush();
			// the JDK shuts its output down once its close frame is out, and reports the
			// answer to the listener on its own thread afterwards: nothing on the network
			// marks that moment, so the check below holds for a while
			peer.socket().getInputStream().readAllBytes();
		}
		// closed by us: no one is told (MessageChannel#close)
		await().during(Duration.ofMillis(300)).atMost(TestWaits.SHORT).until(this.receiver.closes::isEmpty);
	}

	@Test
	void connectionResetIsReportedAsAnError() throws Exception {
		try (RawPeer peer = openOnRawPeer()) {
			// closed with a reset instead of a close frame
			peer.socket().setSoLinger(true, 0);
		}
		assertThat(this.receiver.nextClose()).isEqualTo(SocketException.class.getName());
	}

	private MessageChannel open(URI uri, Map<String, String> headers, @Nullable Duration connectTimeout)
			throws Exception {
		return TestWaits.get(WebSocketMessageChannel.opener(uri, HttpClient.newHttpClient(), headers, connectTimeout)
			.open(this.receiver));
	}

	/**
	 * Open this test's channel to a raw loopback socket that answers the upgrade itself,
	 * for what a real server cannot be made to do.
	 */
	private RawPeer openOnRawPeer() throws Exception {
		ServerSocket raw = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		try {
			raw.setSoTimeout((int) TestWaits.SHORT.toMillis());
			CompletableFuture<MessageChannel> opening = openRaw(raw);
			Socket peer = raw.accept();
			try {
				acceptUpgrade(peer);
				this.channel = TestWaits.get(opening);
				return new RawPeer(raw, peer);
			}
			catch (Exception | AssertionError ex) {
				peer.close();
				throw ex;
			}
		}
		catch (Exception | AssertionError ex) {
			raw.close();
			throw ex;
		}
	}

	private CompletableFuture<MessageChannel> openRaw(ServerSocket raw) {
		return WebSocketMessageChannel
			.opener(URI.create("ws://127.0.0.1:" + raw.getLocalPort() + "/ws"), HttpClient.newHttpClient(), Map.of(),
					TestWaits.SHORT)
			.open(this.receiver);
	}

	/**
	 * Answer the upgrade request read from a raw socket as a WebSocket server does (RFC
	 * 6455, section 4.2.2).
	 */
	private static void acceptUpgrade(Socket peer) throws Exception {
		peer.setSoTimeout((int) TestWaits.SHORT.toMillis());
		BufferedReader request = new BufferedReader(
				new InputStreamReader(peer.getInputStream(), StandardCharsets.ISO_8859_1));
		String key = null;
		for (String line = request.readLine(); line != null && !line.isEmpty(); line = request.readLine()) {
			if (line.toLowerCase(Locale.ROOT).startsWith("sec-websocket-key:")) {
				key = line.substring("sec-websocket-key:".length()).trim();
			}
		}
		assertThat(key).as("the upgrade request's key").isNotNull();
		byte[] digest = MessageDigest.getInstance("SHA-1")
			.digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.ISO_8859_1));
		String response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
				+ "Sec-WebSocket-Accept: " + Base64.getEncoder().encodeToString(digest) + "\r\n\r\n";
		peer.getOutputStream().write(response.getBytes(StandardCharsets.ISO_8859_1));
		peer.getOutputStream().flush();
	}

	/**
	 * Keeps what the channel reads, and how it ended; called on the JDK's threads.
	 */
	private static final class RecordingReceiver implements MessageChannel.Receiver {

		final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

		final BlockingQueue<String> closes = new LinkedBlockingQueue<>();

		final BlockingQueue<Throwable> errors = new LinkedBlockingQueue<>();

		@Override
		public void onMessage(String text) {
			if (text.equals("fail")) {
				throw new IllegalStateException("receiver failed");
			}
			this.messages.add(text);
		}

		@Override
		public void onClosed(@Nullable Throwable error) {
			if (error != null) {
				this.errors.add(error);
			}
			this.closes.add((error != null) ? error.getClass().getName() : "orderly");
		}

		String next() throws InterruptedException {
			String message = this.messages.poll(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS);
			assertThat(message).as("a message read by the channel").isNotNull();
			return message;
		}

		String nextClose() throws InterruptedException {
			String close = this.closes.poll(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS);
			assertThat(close).as("the end of the channel, reported").isNotNull();
			return close;
		}

	}

	/**
	 * The server side of a channel opened on a raw socket; closing it closes both
	 * sockets.
	 */
	private record RawPeer(ServerSocket server, Socket socket) implements AutoCloseable {

		URI uri() {
			return URI.create("ws://127.0.0.1:" + this.server.getLocalPort() + "/ws");
		}

		@Override
		public void close() throws IOException {
			try (ServerSocket closedLast = this.server) {
				this.socket.close();
			}
		}

	}

}
