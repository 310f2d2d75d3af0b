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
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.netty.channel.socket.DuplexChannel;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.databind.JsonNode;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.CalculatorService;
import io.github.jsonrpc.JsonRpcSetup;
import io.github.jsonrpc.JsonRpcSpecificationExamples;
import io.github.jsonrpc.protocol.JsonRpcFraming;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.JsonRpcSession;
import io.github.jsonrpc.server.JsonRpcSessionRegistry;
import io.github.jsonrpc.server.connection.JsonRpcConnectionSettings;
import io.github.jsonrpc.server.method.annotation.JsonRpcMethod;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;

import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link JsonRpcTcpServer} over real sockets on the loopback address, in both
 * framings.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcTcpServerTests {

	private final ExecutorService executor = Executors.newFixedThreadPool(16);

	private final GateService gate = new GateService();

	private @Nullable JsonRpcTcpServer server;

	@AfterEach
	void stop() {
		// no call left waiting: a mutant that waits for them anyway ends
		this.gate.open("end");
		if (this.server != null) {
			this.server.setShutdownTimeout(Duration.ZERO);
			this.server.stop();
		}
		this.executor.shutdownNow();
	}

	private JsonRpcTcpServer start(JsonRpcFraming framing, JsonRpcConnectionSettings settings) {
		JsonRpcTcpServer server = new JsonRpcTcpServer(
				JsonRpcSetup.services(new CalculatorService(), this.gate).toHandler(), new JsonRpcSessionRegistry(),
				this.executor);
		server.setFraming(framing);
		server.setSettings(settings);
		// tests that stop with calls running set their own
		server.setShutdownTimeout(Duration.ZERO);
		server.start();
		this.server = server;
		return server;
	}

	private JsonRpcTcpServer start(JsonRpcFraming framing) {
		return start(framing, JsonRpcConnectionSettings.DEFAULTS.withMaxInFlight(1024));
	}

	static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> examples() {
		return JsonRpcSpecificationExamples.all()
			.stream()
			.flatMap((example) -> java.util.Arrays.stream(JsonRpcFraming.values())
				.map((framing) -> org.junit.jupiter.params.provider.Arguments.of(framing, example.name(),
						example.request(), example.response())));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("examples")
	void specificationExamples(JsonRpcFraming framing, String name, String request, @Nullable String response)
			throws Exception {
		JsonRpcTcpServer server = start(framing);
		try (TcpTestClient client = TcpTestClient.connect(server.getPort(), framing)) {
			client.send(request.strip().replace('\n', ' '));
			if (response != null) {
				JSONAssert.assertEquals(response, client.nextText(), JSONCompareMode.STRICT);
			}
			// nothing (more) was sent back: the next call is answered first
			client.send("{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1,2],\"id\":\"after\"}");
			assertThat(client.next().get("id").asString()).isEqualTo("after");
		}
	}

	@ParameterizedTest
	@EnumSource(JsonRpcFraming.class)
	void manyConcurrentCallsOnOneConnectionAreAnsweredById(JsonRpcFraming framing) throws Exception {
		JsonRpcTcpServer server = start(framing);
		try (TcpTestClient client = TcpTestClient.connect(server.getPort(), framing)) {
			StringBuilder all = new StringBuilder();
			for (int i = 0; i < 500; i++) {
				all.append(new String(framing
					.frame(("{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[" + i + ",1000],\"id\":" + i + "}")
						.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
			}
			client.sendRaw(all.toString().getBytes(StandardCharsets.UTF_8));
			Set<Integer> ids = new HashSet<>();
			for (int i = 0; i < 500; i++) {
				JsonNode response = client.next();
				int id = response.get("id").asInt();
				assertThat(response.get("result").asInt()).isEqualTo(id + 1000);
				ids.add(id);
			}
			assertThat(ids).hasSize(500);
		}
	}

	@Test
	void callsBeyondTheInFlightLimitWaitInsteadOfBeingRejected() throws Exception {
		JsonRpcTcpServer server = start(JsonRpcFraming.NDJSON, JsonRpcConnectionSettings.DEFAULTS.withMaxInFlight(2));
		try (TcpTestClient client = TcpTestClient.connect(server.getPort(), JsonRpcFraming.NDJSON)) {
			client.send("{\"jsonrpc\":\"2.0\",\"method\":\"gate.await\",\"id\":1}");
			client.send("{\"jsonrpc\":\"2.0\",\"method\":\"gate.await\",\"id\":2}");
			client.send("{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1,2],\"id\":3}");
			await().atMost(TestWaits.SHORT).until(() -> this.gate.waiting() == 2);
			this.gate.open("done");
			Set<Integer> ids = new HashSet<>();
			for (int i = 0; i < 3; i++) {
				JsonNode response = client.next();
				assertThat(response.has("error")).as(response.toString()).isFalse();
				ids.add(response.get("id").asInt());
			}
			assertThat(ids).containsExactlyInAnyOrder(1, 2, 3);
		}
	}

	@Test
	void overLongLineIsAnsweredWithAnErrorAndClosesTheConnection() throws Exception {
		JsonRpcTcpServer server = start(JsonRpcFraming.NDJSON,
				JsonRpcConnectionSettings.DEFAULTS.withMaxMessageSize(1024));
		try (TcpTestClient client = TcpTestClient.connect(server.getPort(), JsonRpcFraming.NDJSON)) {
			client.send("{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1,2],\"id\":1}");
			assertThat(client.next().get("result").asInt()).isEqualTo(3);
			// no newline ever comes: the server must not wait for one
			client.sendRaw(("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"" + "x".repeat(4096))
				.getBytes(StandardCharsets.UTF_8));
			JsonNode error = client.next();
			assertThat(error.get("id").isNull()).isTrue();
			assertThat(error.get("error").get("code").asInt()).isEqualTo(-32005);
			assertThat(client.awaitClosed(TestWaits.SHORT)).isTrue();
		}
	}

	@Test
	void overSizeContentLengthIsAnsweredWithAnErrorAndClosesTheConnection() throws Exception {
		JsonRpcTcpServer server = start(JsonRpcFraming.CONTENT_LENGTH,
				JsonRpcConnectionSettings.DEFAULTS.withMaxMessageSize(1024));
		try (TcpTestClient client = TcpTestClient.connect(server.getPort(), JsonRpcFraming.CONTENT_LENGTH)) {
			// refused from the header alone, before any of the body
			client.sendRaw("Content-Length: 1025\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			JsonNode error = client.next();
			assertThat(error.get("error").get("code").asInt()).isEqualTo(-32005);
			assertThat(client.awaitClosed(TestWaits.SHORT)).isTrue();
		}
	}

	@Test
	void brokenContentLengthHeaderIsAParseErrorAndClosesTheConnection() throws Exception {
		JsonRpcTcpServer server = start(JsonRpcFraming.CONTENT_LENGTH);
		try (TcpTestClient client = TcpTestClient.connect(server.getPort(), JsonRpcFraming.CONTENT_LENGTH)) {
			client.sendRaw("Content-Type: application/json\r\n\r\n{}".getBytes(StandardCharsets.US_ASCII));
			assertThat(client.next().get("error").get("code").asInt()).isEqualTo(-32700);
			assertThat(client.awaitClosed(TestWaits.SHORT)).isTrue();
		}
	}

	@Test
	void clientThatStopsReadingIsClosedAsSlowConsumer() throws Exception {
		JsonRpcTcpServer server = start(JsonRpcFraming.NDJSON,
				JsonRpcConnectionSettings.DEFAULTS.withOutboundLimits(1024, 64L * 1024 * 1024, Duration.ofMillis(300))
					.withKeepAlive(Duration.ofMillis(50), Duration.ofSeconds(60)));
		try (TcpTestClient client = notReading(server.getPort())) {
			TcpJsonRpcConnection session = sessionOf(server, client);
			// more than the socket buffers hold: a write stays stuck, and the keep-alive
			// check closes the connection once it is stuck for the send time limit
			io.github.jsonrpc.protocol.JsonRpcEncodedMessage filler = notification(64 * 1024);
			for (int i = 0; i < 128 && session.send(filler); i++) {
				// until the queue refuses a write stuck for the send time limit
			}
			await().atMost(TestWaits.SHORT).until(() -> !session.isOpen());
			await().atMost(TestWaits.SHORT).until(() -> server.sessions().isEmpty());
			assertThat(session.outboundBytes()).isZero();
		}
	}

	@Test
	void readingPausesOverHalfTheOutboundByteLimitAndResumesWhenTheQueueDrains() throws Exception {
		// the exact boundary is tested in-process (JsonRpcStreamConnectionTests): over
		// sockets the kernel may still take some queued bytes late, so the paused
		// connection holds far more than half the limit over what it could take
		long limit = 32L * 1024 * 1024;
		JsonRpcTcpServer server = start(JsonRpcFraming.NDJSON, JsonRpcConnectionSettings.DEFAULTS.withMaxInFlight(1024)
			.withOutboundLimits(1024, limit, Duration.ofSeconds(60)));
		try (TcpTestClient below = notReading(server.getPort()); TcpTestClient over = notReading(server.getPort())) {
			TcpJsonRpcConnection belowSession = sessionOf(server, below);
			TcpJsonRpcConnection overSession = sessionOf(server, over);
			// one byte under half the limit waits to be written: the server still reads
			fill(belowSession);
			topUp(belowSession, limit / 2 - 1);
			below.send("{\"jsonrpc\":\"2.0\",\"method\":\"gate.tally\"}");
			await().atMost(TestWaits.SHORT).until(() -> this.gate.tallied() == 1);
			// one byte under the limit: the server stops reading this connection
			fill(overSession);
			topUp(overSession, limit - 1);
			over.send("{\"jsonrpc\":\"2.0\",\"method\":\"gate.tally\"}");
			await().during(Duration.ofMillis(300)).atMost(TestWaits.SHORT).until(() -> this.gate.tallied() == 1);
			assertThat(overSession.outboundBytes()).isGreaterThanOrEqualTo(limit / 2);
			assertThat(overSession.isOpen()).isTrue();
			// the client reads, the queue drains, the server reads on
			over.startReading();
			await().atMost(TestWaits.SHORT).until(() -> this.gate.tallied() == 2);
			assertThat(overSession.outboundBytes()).isLessThan(limit / 2);
			// read from the socket again, not only what was read before the pause
			over.send("{\"jsonrpc\":\"2.0\",\"method\":\"gate.tally\"}");
			await().atMost(TestWaits.SHORT).until(() -> this.gate.tallied() == 3);
			assertThat(overSession.isOpen()).isTrue();
		}
	}

	private static TcpTestClient notReading(int port) throws IOException {
		java.net.Socket socket = new java.net.Socket();
		socket.setReceiveBufferSize(4096);
		socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 5000);
		return new TcpTestClient(socket, JsonRpcFraming.NDJSON, false);
	}

	private static TcpJsonRpcConnection sessionOf(JsonRpcTcpServer server, TcpTestClient client) {
		int port = client.socket().getLocalPort();
		return await().atMost(TestWaits.SHORT)
			.until(() -> server.sessions()
				.stream()
				.map(TcpJsonRpcConnection.class::cast)
				.filter((session) -> session.remoteAddress() != null && session.remoteAddress().getPort() == port)
				.findFirst()
				.orElse(null), java.util.Objects::nonNull);
	}

	/**
	 * Send notifications of 64 KiB to a client that does not read until about 2 MiB of
	 * them wait to be written and that no longer changes (the socket buffers are full).
	 */
	private static void fill(TcpJsonRpcConnection session) {
		io.github.jsonrpc.protocol.JsonRpcEncodedMessage filler = notification(64 * 1024);
		java.util.concurrent.atomic.AtomicLong last = new java.util.concurrent.atomic.AtomicLong(-1);
		await().atMost(TestWaits.SHORT).pollInterval(Duration.ofMillis(100)).until(() -> {
			long now = session.outboundBytes();
			if (now > 0 && last.get() == now) {
				return true;
			}
			while (session.outboundBytes() < 2 * 1024 * 1024) {
				assertThat(session.send(filler)).isTrue();
			}
			last.set(session.outboundBytes());
			return false;
		});
	}

	/**
	 * Queue notifications until exactly {@code target} bytes wait to be written.
	 */
	private static void topUp(TcpJsonRpcConnection session, long target) {
		io.github.jsonrpc.protocol.JsonRpcEncodedMessage filler = notification(64 * 1024);
		while (target - session.outboundBytes() >= 65 * 1024) {
			assertThat(session.send(filler)).isTrue();
		}
		assertThat(session.send(notification((int) (target - session.outboundBytes())))).isTrue();
		assertThat(session.outboundBytes()).isEqualTo(target);
	}

	/**
	 * A notification of exactly the given size in bytes.
	 */
	private static io.github.jsonrpc.protocol.JsonRpcEncodedMessage notification(int size) {
		String head = "{\"jsonrpc\":\"2.0\",\"method\":\"tick\",\"params\":[\"";
		String tail = "\"]}";
		return io.github.jsonrpc.protocol.JsonRpcEncodedMessage
			.wrap((head + "y".repeat(size - head.length() - tail.length()) + tail).getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void callsAtTheInFlightLimitRunAndOneMoreWaitsForItsTurn() throws Exception {
		JsonRpcTcpServer server = start(JsonRpcFraming.NDJSON, JsonRpcConnectionSettings.DEFAULTS.withMaxInFlight(2));
		try (TcpTestClient client = TcpTestClient.connect(server.getPort(), JsonRpcFraming.NDJSON)) {
			for (int id = 1; id <= 3; id++) {
				client.send("{\"jsonrpc\":\"2.0\",\"method\":\"gate.await\",\"id\":" + id + "}");
			}
			// N calls run; the N+1st is not read while they do
			await().atMost(TestWaits.SHORT).until(() -> this.gate.waiting() == 2);
			await().during(Duration.ofMillis(200)).atMost(TestWaits.SHORT).until(() -> this.gate.waiting() == 2);
			this.gate.open("done");
			Set<Integer> ids = new HashSet<>();
			for (int i = 0; i < 3; i++) {
				JsonNode response = client.next();
				assertThat(response.get("result").asString()).isEqualTo("done");
				ids.add(response.get("id").asInt());
			}
			assertThat(ids).containsExactlyInAnyOrder(1, 2, 3);
			assertThat(this.gate.waiting()).isEqualTo(3);
			// reading resumed once the calls completed
			client.send("{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1,2],\"id\":4}");
			assertThat(client.next().get("result").asInt()).isEqualTo(3);
		}
	}

	@Test
	// when the second call arrives in a chunk of its own, Reactor Netty holds it until
	// the
	// first call completes, after the end of input (see InputShutdownHandler): it was
	// lost
	// in about 1 run in 20 beside two busy processes
	void clientThatShutsDownItsOutputWhileReadingIsPausedIsAnsweredThenClosed() throws Exception {
		JsonRpcTcpServer server = start(JsonRpcFraming.NDJSON, JsonRpcConnectionSettings.DEFAULTS.withMaxInFlight(1));
		try (TcpTestClient client = TcpTestClient.connect(server.getPort(), JsonRpcFraming.NDJSON)) {
			client.send("{\"jsonrpc\":\"2.0\",\"method\":\"gate.await\",\"id\":1}");
			client.send("{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1,2],\"id\":2}");
			client.socket().shutdownOutput();
			await().atMost(TestWaits.SHORT).until(() -> this.gate.waiting() == 1);
			assertThat(client.awaitClosed(Duration.ofMillis(100))).isFalse();
			this.gate.open("late");
			assertThat(client.next().get("result").asString()).isEqualTo("late");
			assertThat(client.next().get("result").asInt()).isEqualTo(3);
			assertThat(client.awaitClosed(TestWaits.SHORT)).isTrue();
		}
	}

	@Test
	void callHeldBackWhenTheClientShutsDownItsOutputIsAnsweredThenClosed() throws Exception {
		JsonRpcTcpServer server = start(JsonRpcFraming.NDJSON, JsonRpcConnectionSettings.DEFAULTS.withMaxInFlight(1));
		try (TcpTestClient client = TcpTestClient.connect(server.getPort(), JsonRpcFraming.NDJSON)) {
			client.send("{\"jsonrpc\":\"2.0\",\"method\":\"gate.await\",\"id\":1}");
			await().atMost(TestWaits.SHORT).until(() -> this.gate.waiting() == 1);
			TcpJsonRpcConnection session = sessionOf(server, client);
			DuplexChannel channel = (DuplexChannel) session.connection().channel();
			// a chunk of its own, read while the connection is busy: Reactor Netty holds
			// it
			// and stops auto-read (the end of input is then read later, or, on epoll, at
			// once)
			client.send("{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1,2],\"id\":2}");
			client.socket().shutdownOutput();
			await().atMost(TestWaits.SHORT).until(() -> !channel.config().isAutoRead() || channel.isInputShutdown());
			// handing the chunk over, Reactor Netty asks the channel to read again
			this.gate.open("late");
			assertThat(client.next().get("result").asString()).isEqualTo("late");
			assertThat(client.next().get("result").asInt()).isEqualTo(3);
			assertThat(client.awaitClosed(TestWaits.SHORT)).isTrue();
		}
	}

	@Test
	void replyLargerThanTheSocketBuffersToAClientThatShutDownItsOutputIsWrittenInFull() throws Exception {
		JsonRpcTcpServer server = start(JsonRpcFraming.NDJSON);
		Socket socket = new Socket();
		socket.setReceiveBufferSize(4096);
		socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getPort()), 5000);
		try (TcpTestClient client = new TcpTestClient(socket, JsonRpcFraming.NDJSON, false)) {
			client.send("{\"jsonrpc\":\"2.0\",\"method\":\"gate.await\",\"id\":1}");
			await().atMost(TestWaits.SHORT).until(() -> this.gate.waiting() == 1);
			DuplexChannel channel = (DuplexChannel) sessionOf(server, client).connection().channel();
			client.socket().shutdownOutput();
			await().atMost(TestWaits.SHORT).until(channel::isInputShutdown);
			// far more than the socket buffers hold: the server must wait to write the
			// rest
			// (on Netty's epoll transport, asking to be told when it can write closed the
			// channel once the input was shut down)
			this.gate.open("x".repeat(3_000_000));
			await().atMost(TestWaits.SHORT).until(() -> !channel.isWritable() || !channel.isActive());
			client.startReading();
			assertThat(client.next().get("result").asString()).hasSize(3_000_000);
			assertThat(client.awaitClosed(TestWaits.SHORT)).isTrue();
		}
	}

	@Test
	void callThatFailsLateIsAnsweredWithAnError() throws Exception {
		JsonRpcTcpServer server = start(JsonRpcFraming.NDJSON);
		try (TcpTestClient client = TcpTestClient.connect(server.getPort(), JsonRpcFraming.NDJSON)) {
			client.send("{\"jsonrpc\":\"2.0\",\"method\":\"gate.await\",\"id\":1}");
			await().atMost(TestWaits.SHORT).until(() -> this.gate.waiting() == 1);
			this.gate.fail(new IllegalStateException("broken later"));
			JsonNode response = client.next();
			assertThat(response.get("id").asInt()).isEqualTo(1);
			assertThat(response.get("error").get("code").asInt()).isEqualTo(-32603);
			assertThat(response.toString()).doesNotContain("broken later");
			// the connection goes on
			client.send("{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1,2],\"id\":2}");
			assertThat(client.next().get("result").asInt()).isEqualTo(3);
		}
	}

	@Test
	void serverCallPendingWhenTheClientDisconnectsFailsAtOnce() throws Exception {
		JsonRpcTcpServer server = start(JsonRpcFraming.NDJSON);
		TcpTestClient client = TcpTestClient.connect(server.getPort(), JsonRpcFraming.NDJSON);
		try (client) {
			TcpJsonRpcConnection session = sessionOf(server, client);
			CompletableFuture<String> answered = session.call("ask", java.util.List.of(1), String.class);
			JsonNode request = client.next();
			assertThat(request.get("method").asString()).isEqualTo("ask");
			client.send("{\"jsonrpc\":\"2.0\",\"result\":\"yes\",\"id\":" + request.get("id") + "}");
			assertThat(TestWaits.get(answered)).isEqualTo("yes");
			CompletableFuture<String> pending = session.call("ask", java.util.List.of(2), String.class);
			assertThat(client.next().get("method").asString()).isEqualTo("ask");
			assertThat(session.pendingServerRequests()).isOne();
			client.close();
			// no thread waits for the server request timeout (30 s)
			assertThatExceptionOfType(java.util.concurrent.ExecutionException.class)
				.isThrownBy(() -> TestWaits.get(pending));
			assertThat(session.pendingServerRequests()).isZero();
			await().atMost(TestWaits.SHORT).until(() -> server.sessions().isEmpty());
		}
	}

	@Test
	void connectionResetByTheClientEndsTheSession() throws Exception {
		JsonRpcSessionRegistry registry = new JsonRpcSessionRegistry();
		JsonRpcTcpServer server = new JsonRpcTcpServer(
				JsonRpcSetup.services(new CalculatorService(), this.gate).toHandler(), registry, this.executor);
		server.start();
		this.server = server;
		TcpTestClient client = TcpTestClient.connect(server.getPort(), JsonRpcFraming.NDJSON);
		try (client) {
			client.send("{\"jsonrpc\":\"2.0\",\"method\":\"gate.await\",\"id\":1}");
			await().atMost(TestWaits.SHORT).until(() -> this.gate.waiting() == 1);
			JsonRpcSession session = server.sessions().get(0);
			// closing with unread data and no linger sends a reset, not a FIN
			client.send("{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1,2],\"id\":2}");
			client.socket().setSoLinger(true, 0);
			client.close();
			await().atMost(TestWaits.SHORT).until(() -> !session.isOpen());
			await().atMost(TestWaits.SHORT).until(() -> server.sessions().isEmpty() && registry.sessions().isEmpty());
		}
	}

	@Test
	void transportContextNamesThePeerAndTheNettyConnection() throws Exception {
		JsonRpcTcpServer server = start(JsonRpcFraming.NDJSON);
		try (TcpTestClient client = TcpTestClient.connect(server.getPort(), JsonRpcFraming.NDJSON)) {
			client.send("{\"jsonrpc\":\"2.0\",\"method\":\"gate.peer\",\"id\":1}");
			assertThat(client.next().get("result").asString())
				.isEqualTo("127.0.0.1:" + client.socket().getLocalPort() + " netty");
		}
	}

	@ParameterizedTest
	@EnumSource(JsonRpcFraming.class)
	void clientThatShutsDownItsOutputIsStillAnswered(JsonRpcFraming framing) throws Exception {
		JsonRpcTcpServer server = start(framing);
		try (TcpTestClient client = TcpTestClient.connect(server.getPort(), framing)) {
			client.send("{\"jsonrpc\":\"2.0\",\"method\":\"gate.await\",\"id\":1}");
			client.send("{\"jsonrpc\":\"2.0\",\"method\":\"notify_hello\",\"params\":[1]}");
			// as nc -N does at the end of its input
			client.socket().shutdownOutput();
			await().atMost(TestWaits.SHORT).until(() -> this.gate.waiting() == 1);
			assertThat(client.awaitClosed(Duration.ofMillis(100))).isFalse();
			this.gate.open("late");
			assertThat(client.next().get("result").asString()).isEqualTo("late");
			// then the server closes its side too
			assertThat(client.awaitClosed(TestWaits.SHORT)).isTrue();
		}
	}

	@Test
	void idleConnectionIsClosed() throws Exception {
		JsonRpcTcpServer server = start(JsonRpcFraming.NDJSON,
				JsonRpcConnectionSettings.DEFAULTS.withKeepAlive(Duration.ofMillis(50), Duration.ofMillis(300)));
		try (TcpTestClient client = TcpTestClient.connect(server.getPort(), JsonRpcFraming.NDJSON)) {
			client.send("{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1,2],\"id\":1}");
			assertThat(client.next().get("result").asInt()).isEqualTo(3);
			assertThat(client.awaitClosed(TestWaits.SHORT)).isTrue();
		}
	}

	@Test
	void stopWaitsForRunningCallsToBeAnswered() throws Exception {
		JsonRpcTcpServer server = start(JsonRpcFraming.NDJSON);
		// longer than the test waits, shorter than the default 30 s
		server.setShutdownTimeout(TestWaits.SHORT.multipliedBy(3));
		try (TcpTestClient client = TcpTestClient.connect(server.getPort(), JsonRpcFraming.NDJSON)) {
			io.netty.channel.Channel listener = listenerOf(sessionOf(server, client));
			client.send("{\"jsonrpc\":\"2.0\",\"method\":\"gate.await\",\"id\":1}");
			await().atMost(TestWaits.SHORT).until(() -> this.gate.waiting() == 1);
			CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);
			// stopping holds until the call is answered
			assertThat(client.awaitClosed(Duration.ofMillis(200))).isFalse();
			assertThat(stopping).isNotDone();
			this.gate.open("finished");
			JsonNode response = client.next();
			assertThat(response.get("result").asString()).isEqualTo("finished");
			TestWaits.get(stopping);
			assertThat(client.awaitClosed(TestWaits.SHORT)).isTrue();
			assertThat(server.isRunning()).isFalse();
			// refused once stopped: the listening socket is closed
			assertThat(listener.isOpen()).isFalse();
		}
	}

	@Test
	void stopGivesUpAfterTheShutdownTimeout() throws Exception {
		JsonRpcTcpServer server = start(JsonRpcFraming.NDJSON);
		server.setShutdownTimeout(Duration.ofMillis(100));
		try (TcpTestClient client = TcpTestClient.connect(server.getPort(), JsonRpcFraming.NDJSON)) {
			client.send("{\"jsonrpc\":\"2.0\",\"method\":\"gate.await\",\"id\":1}");
			await().atMost(TestWaits.SHORT).until(() -> this.gate.waiting() == 1);
			TestWaits.get(CompletableFuture.runAsync(server::stop));
			assertThat(client.awaitClosed(TestWaits.SHORT)).isTrue();
		}
	}

	@ParameterizedTest
	@org.junit.jupiter.params.provider.ValueSource(longs = { Long.MAX_VALUE, Long.MAX_VALUE / 1_000_000_000 })
	void shutdownTimeoutBeyondWhatNanosecondsHoldWaitsForTheCall(long seconds) throws Exception {
		JsonRpcTcpServer server = start(JsonRpcFraming.NDJSON);
		// the first makes Duration.toNanos() throw, the second (~292 years) is the
		// longest
		// it converts
		server.setShutdownTimeout(Duration.ofSeconds(seconds));
		try (TcpTestClient client = TcpTestClient.connect(server.getPort(), JsonRpcFraming.NDJSON)) {
			client.send("{\"jsonrpc\":\"2.0\",\"method\":\"gate.await\",\"id\":1}");
			await().atMost(TestWaits.SHORT).until(() -> this.gate.waiting() == 1);
			CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);
			// stopping waits for the call instead of failing or giving up at once
			await().atMost(TestWaits.SHORT).until(() -> !server.isRunning());
			assertThat(client.awaitClosed(Duration.ofMillis(200))).isFalse();
			assertThat(stopping).isNotDone();
			this.gate.open("finished");
			assertThat(client.next().get("result").asString()).isEqualTo("finished");
			TestWaits.get(stopping);
			assertThat(client.awaitClosed(TestWaits.SHORT)).isTrue();
		}
	}

	@Test
	void stopInterruptedWhileWaitingClosesEverythingAndKeepsTheInterrupt() throws Exception {
		JsonRpcTcpServer server = start(JsonRpcFraming.NDJSON);
		// longer than the test waits: only the interrupt ends the wait in time
		server.setShutdownTimeout(TestWaits.SHORT.multipliedBy(3));
		int port = server.getPort();
		try (TcpTestClient client = TcpTestClient.connect(port, JsonRpcFraming.NDJSON)) {
			io.netty.channel.Channel listener = listenerOf(sessionOf(server, client));
			client.send("{\"jsonrpc\":\"2.0\",\"method\":\"gate.await\",\"id\":1}");
			await().atMost(TestWaits.SHORT).until(() -> this.gate.waiting() == 1);
			CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
			Thread stopping = new Thread(() -> {
				try {
					server.stop();
					interrupted.complete(Thread.currentThread().isInterrupted());
				}
				catch (Throwable ex) {
					interrupted.completeExceptionally(ex);
				}
			});
			stopping.start();
			await().atMost(TestWaits.SHORT).until(() -> stopping.getState() == Thread.State.TIMED_WAITING);
			stopping.interrupt();
			// stopping gives up waiting, closes everything and keeps the interrupt
			assertThat(TestWaits.get(interrupted)).isTrue();
			assertThat(client.awaitClosed(TestWaits.SHORT)).isTrue();
			assertThat(server.isRunning()).isFalse();
			assertThat(server.sessions()).isEmpty();
			// the listening socket is closed (not the port: another process may take it)
			assertThat(listener.isOpen()).isFalse();
		}
	}

	/**
	 * The server socket that accepted the session's connection.
	 */
	private static io.netty.channel.Channel listenerOf(TcpJsonRpcConnection session) {
		io.github.jsonrpc.server.JsonRpcTransportContext.Builder context = io.github.jsonrpc.server.JsonRpcTransportContext
			.builder(io.github.jsonrpc.server.JsonRpcTransportContext.Transport.TCP);
		session.describe(context);
		reactor.netty.Connection connection = context.build().nativeRequest(reactor.netty.Connection.class);
		assertThat(connection).isNotNull();
		io.netty.channel.Channel listener = connection.channel().parent();
		assertThat(listener).isNotNull();
		assertThat(listener.isOpen()).isTrue();
		return listener;
	}

	@Test
	void connectionOpenedWhileStoppingIsClosedUnanswered() throws Exception {
		JsonRpcTcpServer server = start(JsonRpcFraming.NDJSON);
		// once stopping, the server no longer names the port it still listens on
		int port = server.getPort();
		try (TcpTestClient client = TcpTestClient.connect(port, JsonRpcFraming.NDJSON)) {
			client.send("{\"jsonrpc\":\"2.0\",\"method\":\"gate.await\",\"id\":1}");
			await().atMost(TestWaits.SHORT).until(() -> this.gate.waiting() == 1);
			server.setShutdownTimeout(TestWaits.SHORT.multipliedBy(3));
			CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);
			// not blocked by the stop waiting for the call
			await().atMost(TestWaits.SHORT).until(() -> !server.isRunning());
			try (TcpTestClient late = TcpTestClient.connect(port, JsonRpcFraming.NDJSON)) {
				late.send("{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1,2],\"id\":2}");
				assertThat(late.awaitClosed(TestWaits.SHORT)).isTrue();
			}
			assertThat(server.sessions()).hasSize(1);
			assertThat(stopping).isNotDone();
			this.gate.open("finished");
			assertThat(client.next().get("result").asString()).isEqualTo("finished");
			TestWaits.get(stopping);
		}
	}

	@Test
	void stopEndsTheKeepAliveThreadTheServerStarted() throws Exception {
		Set<Thread> before = Thread.getAllStackTraces().keySet();
		JsonRpcTcpServer server = start(JsonRpcFraming.NDJSON,
				JsonRpcConnectionSettings.DEFAULTS.withKeepAlive(Duration.ofMillis(50), Duration.ofSeconds(60)));
		java.util.function.Supplier<java.util.List<Thread>> keepAliveThreads = () -> Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> !before.contains(thread) && thread.getName().startsWith("jsonrpc-tcp-keepalive-"))
			.toList();
		await().atMost(TestWaits.SHORT).until(() -> keepAliveThreads.get().size() == 1);
		// it does not keep the JVM alive
		assertThat(keepAliveThreads.get().get(0).isDaemon()).isTrue();
		server.stop();
		await().atMost(TestWaits.SHORT).until(() -> keepAliveThreads.get().isEmpty());
	}

	@Test
	void keepAliveRunsOnTheGivenSchedulerAndStopsWithTheServer() throws Exception {
		java.util.List<java.util.concurrent.ScheduledFuture<?>> scheduled = new java.util.concurrent.CopyOnWriteArrayList<>();
		org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler scheduler = new org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler() {
			@Override
			public java.util.concurrent.ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Duration period) {
				java.util.concurrent.ScheduledFuture<?> future = super.scheduleAtFixedRate(task, period);
				scheduled.add(future);
				return future;
			}
		};
		scheduler.initialize();
		try {
			JsonRpcTcpServer server = new JsonRpcTcpServer(JsonRpcSetup.services(new CalculatorService()).toHandler(),
					new JsonRpcSessionRegistry(), this.executor);
			server.setSettings(
					JsonRpcConnectionSettings.DEFAULTS.withKeepAlive(Duration.ofMillis(50), Duration.ofMillis(300)));
			server.setTaskScheduler(scheduler);
			server.setShutdownTimeout(Duration.ZERO);
			server.start();
			this.server = server;
			assertThat(scheduled).hasSize(1);
			try (TcpTestClient client = TcpTestClient.connect(server.getPort(), JsonRpcFraming.NDJSON)) {
				// the idle check runs on the given scheduler
				assertThat(client.awaitClosed(TestWaits.SHORT)).isTrue();
			}
			server.stop();
			assertThat(scheduled.get(0).isCancelled()).isTrue();
			// the scheduler is the application's: it keeps running
			assertThat(scheduler.getScheduledExecutor().isShutdown()).isFalse();
		}
		finally {
			scheduler.shutdown();
		}
	}

	@Test
	void withoutAnIdleCheckTheServerStartsAndStopsWithoutAScheduler() throws Exception {
		Set<Thread> before = Thread.getAllStackTraces().keySet();
		JsonRpcTcpServer server = start(JsonRpcFraming.NDJSON,
				JsonRpcConnectionSettings.DEFAULTS.withKeepAlive(Duration.ZERO, Duration.ofSeconds(60)));
		try (TcpTestClient client = TcpTestClient.connect(server.getPort(), JsonRpcFraming.NDJSON)) {
			client.send("{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1,2],\"id\":1}");
			assertThat(client.next().get("result").asInt()).isEqualTo(3);
		}
		server.stop();
		assertThat(server.isRunning()).isFalse();
		// an uninterrupted stop leaves no interrupt behind
		assertThat(Thread.interrupted()).isFalse();
		assertThat(Thread.getAllStackTraces().keySet())
			.noneMatch((thread) -> !before.contains(thread) && thread.getName().startsWith("jsonrpc-tcp-keepalive-"));
	}

	@Test
	void refusedConnectionIsClosedWithoutAnswerOrSession() throws Exception {
		JsonRpcSessionRegistry registry = new JsonRpcSessionRegistry();
		JsonRpcTcpServer server = new JsonRpcTcpServer(JsonRpcSetup.services(new CalculatorService()).toHandler(),
				registry, this.executor);
		java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
		server.setAuthenticator((handshake) -> {
			attempts.incrementAndGet();
			throw new IllegalStateException("nobody is welcome");
		});
		server.start();
		this.server = server;
		try (TcpTestClient client = TcpTestClient.connect(server.getPort(), JsonRpcFraming.NDJSON)) {
			client.send("{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1,2],\"id\":1}");
			assertThat(client.awaitClosed(TestWaits.SHORT)).isTrue();
		}
		assertThat(attempts).hasValue(1);
		assertThat(server.sessions()).isEmpty();
		assertThat(registry.sessions()).isEmpty();
		// the server goes on serving
		server.setAuthenticator(null);
		try (TcpTestClient client = TcpTestClient.connect(server.getPort(), JsonRpcFraming.NDJSON)) {
			client.send("{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1,2],\"id\":1}");
			assertThat(client.next().get("result").asInt()).isEqualTo(3);
		}
	}

	@Test
	void authenticatorNamesTheConnectionsPrincipalOrRefusesIt() throws Exception {
		JsonRpcTcpServer server = new JsonRpcTcpServer(
				JsonRpcSetup.services(new CalculatorService(), this.gate).toHandler(), new JsonRpcSessionRegistry(),
				this.executor);
		server.setAuthenticator((handshake) -> {
			assertThat(handshake.sslSession()).isNull();
			if (handshake.remoteAddress() == null) {
				throw new IllegalStateException("unknown peer");
			}
			return () -> "peer-" + handshake.remoteAddress().getAddress().getHostAddress();
		});
		server.start();
		this.server = server;
		try (TcpTestClient client = TcpTestClient.connect(server.getPort(), JsonRpcFraming.NDJSON)) {
			client.send("{\"jsonrpc\":\"2.0\",\"method\":\"gate.whoami\",\"id\":1}");
			assertThat(client.next().get("result").asString()).isEqualTo("peer-127.0.0.1");
		}
		// nothing is running: a mutant that waits anyway must not take 30 s
		server.setShutdownTimeout(Duration.ZERO);
		server.stop();
		server.setAuthenticator((handshake) -> {
			throw new IllegalStateException("nobody is welcome");
		});
		server.start();
		try (TcpTestClient client = TcpTestClient.connect(server.getPort(), JsonRpcFraming.NDJSON)) {
			assertThat(client.awaitClosed(TestWaits.SHORT)).isTrue();
		}
	}

	@Test
	void constructorAndSettersRefuseInvalidValues() {
		JsonRpcHandler handler = JsonRpcSetup.services(new CalculatorService()).toHandler();
		JsonRpcSessionRegistry registry = new JsonRpcSessionRegistry();
		assertThatIllegalArgumentException().isThrownBy(() -> new JsonRpcTcpServer(null, registry, this.executor))
			.withMessage("Handler is required");
		assertThatIllegalArgumentException().isThrownBy(() -> new JsonRpcTcpServer(handler, null, this.executor))
			.withMessage("SessionRegistry is required");
		assertThatIllegalArgumentException().isThrownBy(() -> new JsonRpcTcpServer(handler, registry, null))
			.withMessage("Executor is required");
		JsonRpcTcpServer server = new JsonRpcTcpServer(handler, registry, this.executor);
		assertThatIllegalArgumentException().isThrownBy(() -> server.setAddress(null))
			.withMessage("Address is required");
		assertThatIllegalArgumentException().isThrownBy(() -> server.setPort(-1))
			.withMessage("Port must be between 0 and 65535");
		assertThatIllegalArgumentException().isThrownBy(() -> server.setPort(65536))
			.withMessage("Port must be between 0 and 65535");
		server.setPort(65535);
		assertThat(server.getPort()).isEqualTo(65535);
		server.setPort(0);
		assertThat(server.getPort()).isZero();
		assertThatIllegalArgumentException().isThrownBy(() -> server.setFraming(null))
			.withMessage("Framing is required");
		assertThatIllegalArgumentException().isThrownBy(() -> server.setSettings(null))
			.withMessage("Settings are required");
		JsonRpcConnectionSettings settings = JsonRpcConnectionSettings.DEFAULTS.withMaxInFlight(7);
		server.setSettings(settings);
		assertThat(server.getSettings()).isSameAs(settings);
		assertThatIllegalArgumentException().isThrownBy(() -> server.setShutdownTimeout(null))
			.withMessage("Shutdown timeout must not be negative");
		assertThatIllegalArgumentException().isThrownBy(() -> server.setShutdownTimeout(Duration.ofMillis(-1)))
			.withMessage("Shutdown timeout must not be negative");
		server.setShutdownTimeout(Duration.ZERO);
		assertThatIllegalArgumentException().isThrownBy(() -> server.setTaskScheduler(null))
			.withMessage("TaskScheduler is required");
		assertThat(server.getAddress()).isEqualTo(java.net.InetAddress.getLoopbackAddress());
		server.setAddress(java.net.InetAddress.getLoopbackAddress());
		// never started: stopping does nothing
		server.stop();
		assertThat(server.isRunning()).isFalse();
		assertThat(server.sessions()).isEmpty();
	}

	@Test
	void gettersReturnTheConfiguration() {
		JsonRpcSessionRegistry registry = new JsonRpcSessionRegistry();
		JsonRpcTcpServer server = new JsonRpcTcpServer(JsonRpcSetup.services(new CalculatorService()).toHandler(),
				registry, this.executor);
		assertThat(server.getSessionRegistry()).isSameAs(registry);
		assertThat(server.getFraming()).isEqualTo(JsonRpcFraming.NDJSON);
		assertThat(server.getShutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(server.getAuthenticator()).isNull();
		assertThat(server.getTaskScheduler()).isNull();
		server.setFraming(JsonRpcFraming.CONTENT_LENGTH);
		server.setShutdownTimeout(Duration.ofSeconds(6));
		JsonRpcConnectionAuthenticator authenticator = (handshake) -> null;
		server.setAuthenticator(authenticator);
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		server.setTaskScheduler(scheduler);
		assertThat(server.getFraming()).isEqualTo(JsonRpcFraming.CONTENT_LENGTH);
		assertThat(server.getShutdownTimeout()).isEqualTo(Duration.ofSeconds(6));
		assertThat(server.getAuthenticator()).isSameAs(authenticator);
		assertThat(server.getTaskScheduler()).isSameAs(scheduler);
	}

	@Test
	void startingTwiceKeepsTheBoundPortAndSessionsJoinTheRegistry() throws Exception {
		JsonRpcSessionRegistry registry = new JsonRpcSessionRegistry();
		JsonRpcTcpServer server = new JsonRpcTcpServer(
				JsonRpcSetup.services(new CalculatorService(), this.gate).toHandler(), registry, this.executor);
		server.start();
		this.server = server;
		assertThat(server.isRunning()).isTrue();
		int port = server.getPort();
		assertThat(port).isPositive();
		server.start();
		assertThat(server.getPort()).isEqualTo(port);
		try (TcpTestClient client = TcpTestClient.connect(port, JsonRpcFraming.NDJSON)) {
			client.send("{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1,2],\"id\":1}");
			assertThat(client.next().get("result").asInt()).isEqualTo(3);
			assertThat(server.sessions()).hasSize(1);
			JsonRpcSession session = server.sessions().get(0);
			assertThat(registry.sessions()).containsExactly(session);
			assertThat(session.transport()).isEqualTo(io.github.jsonrpc.server.JsonRpcTransportContext.Transport.TCP);
			client.close();
			await().atMost(TestWaits.SHORT).until(() -> server.sessions().isEmpty());
			assertThat(session.isOpen()).isFalse();
			await().atMost(TestWaits.SHORT).until(() -> registry.sessions().isEmpty());
		}
	}

	/**
	 * Calls that wait until the test lets them finish, and one that names the caller.
	 */
	@JsonRpcService("gate")
	public static class GateService {

		private volatile CompletableFuture<String> gate = new CompletableFuture<>();

		private final java.util.concurrent.atomic.AtomicInteger waiting = new java.util.concurrent.atomic.AtomicInteger();

		private final java.util.concurrent.atomic.AtomicInteger tallied = new java.util.concurrent.atomic.AtomicInteger();

		@JsonRpcMethod("await")
		CompletableFuture<String> awaitGate() {
			this.waiting.incrementAndGet();
			return this.gate;
		}

		@JsonRpcMethod
		@Nullable String whoami(JsonRpcSession session) {
			return (session.principal() != null) ? session.principal().getName() : null;
		}

		@JsonRpcMethod
		void tally() {
			this.tallied.incrementAndGet();
		}

		@JsonRpcMethod
		String peer(io.github.jsonrpc.server.JsonRpcTransportContext context) {
			java.net.InetSocketAddress remote = context.remoteAddress();
			return ((remote != null) ? remote.getAddress().getHostAddress() + ":" + remote.getPort() : "unknown")
					+ ((context.nativeRequest(reactor.netty.Connection.class) != null) ? " netty" : " none");
		}

		public int waiting() {
			return this.waiting.get();
		}

		int tallied() {
			return this.tallied.get();
		}

		void open(String result) {
			this.gate.complete(result);
		}

		void fail(Throwable failure) {
			this.gate.completeExceptionally(failure);
		}

	}

}
