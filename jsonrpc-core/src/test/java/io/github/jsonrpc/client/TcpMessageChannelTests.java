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

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.protocol.JsonRpcFramingException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link TcpMessageChannel} against a real socket on the loopback interface:
 * framing of what is sent and read, the end of the connection, and the endpoints the
 * opener accepts.
 */
class TcpMessageChannelTests {

	private final RecordingReceiver receiver = new RecordingReceiver();

	private @Nullable ServerSocket server;

	private @Nullable MessageChannel channel;

	@BeforeEach
	void listen() throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.server.setSoTimeout((int) TestWaits.SHORT.toMillis());
	}

	@AfterEach
	void close() throws IOException {
		if (this.channel != null) {
			this.channel.close();
		}
		this.server.close();
	}

	@Test
	void messagesAreSentAndReadAsLinesByDefault() throws Exception {
		// opened by a thread that is no daemon, which a new thread takes after
		CompletableFuture<MessageChannel> opened = new CompletableFuture<>();
		Thread starter = new Thread(() -> {
			try {
				opened.complete(open(""));
			}
			catch (Exception ex) {
				opened.completeExceptionally(ex);
			}
		});
		starter.setDaemon(false);
		starter.start();
		this.channel = TestWaits.get(opened);
		try (Socket peer = accept()) {
			// a line break inside a message would end its frame early
			TestWaits.get(this.channel.send("{\"a\":\n1}").thenApply((sent) -> "sent"));
			TestWaits.get(this.channel.send("{\"b\":2}").thenApply((sent) -> "sent"));
			assertThat(read(peer.getInputStream(), 17)).isEqualTo("{\"a\": 1}\n{\"b\":2}\n");
			write(peer, "{\"c\":3}\n{\"d\":4}\n");
			assertThat(this.receiver.next()).isEqualTo("{\"c\":3}");
			assertThat(this.receiver.next()).isEqualTo("{\"d\":4}");
			assertThat(this.channel.isOutputClosed()).isFalse();
			// read on a thread of the channel's own, which does not keep the JVM alive
			assertThat(this.receiver.threads)
				.containsOnly("jsonrpc-tcp-127.0.0.1:" + this.server.getLocalPort() + "-reader (daemon)");
		}
	}

	@Test
	void contentLengthFramingIsChosenByTheQuery() throws Exception {
		this.channel = open("?other=1&framing=content-length");
		try (Socket peer = accept()) {
			TestWaits.get(this.channel.send("{\"a\":1}").thenApply((sent) -> "sent"));
			assertThat(read(peer.getInputStream(), 28)).isEqualTo("Content-Length: 7\r\n\r\n{\"a\":1}");
			write(peer, "Content-Length: 7\r\n\r\n{\"b\":2}");
			assertThat(this.receiver.next()).isEqualTo("{\"b\":2}");
		}
	}

	@Test
	void endOfTheServersStreamClosesTheChannelWithoutAnError() throws Exception {
		this.channel = open("");
		accept().close();
		assertThat(TestWaits.get(this.receiver.closed)).isEqualTo("closed without an error");
		assertThat(this.channel.isOutputClosed()).isTrue();
	}

	@Test
	void invalidFrameClosesTheChannelWithTheFramingError() throws Exception {
		this.channel = open("?framing=content-length");
		try (Socket peer = accept()) {
			write(peer, "Content-Length: many\r\n\r\n");
			assertThat(TestWaits.get(this.receiver.closed)).isEqualTo(JsonRpcFramingException.class.getName());
			assertThat(this.channel.isOutputClosed()).isTrue();
		}
	}

	@Test
	void closingTheChannelEndsTheConnectionWithoutReportingItAndRefusesSends() throws Exception {
		this.channel = open("");
		try (Socket peer = accept()) {
			// a first message shows which thread reads
			write(peer, "{\"a\":1}\n");
			assertThat(this.receiver.next()).isEqualTo("{\"a\":1}");
			this.channel.close();
			assertThat(this.channel.isOutputClosed()).isTrue();
			assertThat(peer.getInputStream().read()).isEqualTo(-1);
			assertThat(this.channel.send("{}")).failsWithin(TestWaits.SHORT)
				.withThrowableOfType(ExecutionException.class)
				.havingCause()
				.isInstanceOf(IOException.class)
				.withMessage("Connection closed");
		}
		// closed by us: no one is told, not even once the reader has seen the end
		this.receiver.awaitReaderEnd();
		assertThat(this.receiver.closed).isNotDone();
	}

	@Test
	void receiverThatFailsDoesNotEndTheConnection() throws Exception {
		this.channel = open("");
		this.receiver.failOn = "{\"bad\":1}";
		try (Socket peer = accept()) {
			write(peer, "{\"bad\":1}\n{\"good\":2}\n");
			assertThat(this.receiver.next()).isEqualTo("{\"good\":2}");
			assertThat(this.receiver.closed).isNotDone();
			// still open both ways
			TestWaits.get(this.channel.send("{}").thenApply((sent) -> "sent"));
			assertThat(read(peer.getInputStream(), 3)).isEqualTo("{}\n");
		}
		// the end that is reported is the server's, once, and not an error
		this.receiver.awaitReaderEnd();
		assertThat(this.receiver.closes).containsExactly("closed without an error");
	}

	@Test
	void refusedConnectionFailsTheOpening() throws Exception {
		int port = this.server.getLocalPort();
		this.server.close();
		CompletableFuture<MessageChannel> opening = TcpMessageChannel
			.opener(URI.create("tcp://127.0.0.1:" + port), null, TestWaits.SHORT)
			.open(this.receiver);
		assertThat(opening).failsWithin(TestWaits.SHORT)
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOf(IOException.class);
	}

	@Test
	void tcpsStartsATlsHandshake() throws Exception {
		CompletableFuture<MessageChannel> opening = TcpMessageChannel
			.opener(URI.create("tcps://127.0.0.1:" + this.server.getLocalPort()), null, null)
			.open(this.receiver);
		try (Socket peer = accept()) {
			// a TLS record of type handshake: the ClientHello
			assertThat(peer.getInputStream().read()).isEqualTo(0x16);
		}
		assertThat(opening).failsWithin(TestWaits.SHORT)
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOf(IOException.class);
	}

	@Test
	void tlsHandshakeThatThePeerNeverAnswersFailsTheOpeningAfterTheConnectTimeout() throws Exception {
		CompletableFuture<MessageChannel> opening = TcpMessageChannel
			.opener(URI.create("tcps://127.0.0.1:" + this.server.getLocalPort()), null, Duration.ofMillis(200))
			.open(this.receiver);
		try (Socket peer = accept()) {
			// the ClientHello arrives and is never answered
			assertThat(peer.getInputStream().read()).isEqualTo(0x16);
			assertThat(opening).failsWithin(TestWaits.SHORT)
				.withThrowableOfType(ExecutionException.class)
				.havingCause()
				.isInstanceOf(SocketTimeoutException.class);
		}
	}

	@Test
	void schemeIsReadWhateverItsCase() throws Exception {
		this.channel = TestWaits
			.get(TcpMessageChannel.opener(URI.create("TCP://127.0.0.1:" + this.server.getLocalPort()), null, null)
				.open(this.receiver));
		try (Socket peer = accept()) {
			TestWaits.get(this.channel.send("{}").thenApply((sent) -> "sent"));
			assertThat(read(peer.getInputStream(), 3)).isEqualTo("{}\n");
		}
	}

	@Test
	void openerRefusesOtherEndpoints() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TcpMessageChannel.opener(URI.create("ws://127.0.0.1:1"), null, null))
			.withMessage("URI must be tcp(s)://, not ws://127.0.0.1:1");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TcpMessageChannel.opener(URI.create("tcp://127.0.0.1"), null, null))
			.withMessage("URI must name a host and a port: tcp://127.0.0.1");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TcpMessageChannel.opener(URI.create("tcp://127.0.0.1:0"), null, null))
			.withMessage("URI must name a host and a port: tcp://127.0.0.1:0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TcpMessageChannel.opener(URI.create("tcp:relative"), null, null))
			.withMessage("URI must name a host and a port: tcp:relative");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> TcpMessageChannel.opener(URI.create("tcp://127.0.0.1:1?framing=xml"), null, null));
	}

	private MessageChannel open(String query) throws Exception {
		URI uri = URI.create("tcp://127.0.0.1:" + this.server.getLocalPort() + query);
		return TestWaits.get(TcpMessageChannel.opener(uri, null, TestWaits.SHORT).open(this.receiver));
	}

	private Socket accept() throws IOException {
		Socket peer = this.server.accept();
		peer.setSoTimeout((int) TestWaits.SHORT.toMillis());
		return peer;
	}

	private static String read(InputStream input, int length) throws IOException {
		return new String(input.readNBytes(length), StandardCharsets.UTF_8);
	}

	private static void write(Socket peer, String text) throws IOException {
		peer.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
		peer.getOutputStream().flush();
	}

	/**
	 * Keeps what the channel reads, and how it ended.
	 */
	private static final class RecordingReceiver implements MessageChannel.Receiver {

		final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

		final BlockingQueue<String> threads = new LinkedBlockingQueue<>();

		final CompletableFuture<String> closed = new CompletableFuture<>();

		final BlockingQueue<String> closes = new LinkedBlockingQueue<>();

		volatile @Nullable String failOn;

		volatile @Nullable Thread reader;

		@Override
		public void onMessage(String text) {
			Thread thread = Thread.currentThread();
			this.reader = thread;
			if (text.equals(this.failOn)) {
				throw new IllegalStateException("receiver failed");
			}
			this.threads.add(thread.getName() + (thread.isDaemon() ? " (daemon)" : ""));
			this.messages.add(text);
		}

		@Override
		public void onClosed(@Nullable Throwable error) {
			String close = (error != null) ? error.getClass().getName() : "closed without an error";
			this.closes.add(close);
			this.closed.complete(close);
		}

		/**
		 * Wait until the thread that read the messages has ended: whatever it reports
		 * about the end of the connection it reports before that, so nothing more comes
		 * after this returns.
		 */
		void awaitReaderEnd() throws InterruptedException {
			Thread thread = this.reader;
			assertThat(thread).as("the thread that read a message").isNotNull();
			thread.join(TestWaits.SHORT.toMillis());
			assertThat(thread.isAlive()).as("%s ended", thread.getName()).isFalse();
		}

		String next() throws InterruptedException {
			String message = this.messages.poll(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS);
			assertThat(message).as("a message read by the channel").isNotNull();
			return message;
		}

	}

}
