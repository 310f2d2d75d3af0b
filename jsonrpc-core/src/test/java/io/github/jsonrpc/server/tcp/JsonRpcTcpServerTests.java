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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

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

import static org.assertj.core.api.Assertions.assertThat;
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
				JsonRpcConnectionSettings.DEFAULTS.withOutboundLimits(16, 1024 * 1024, Duration.ofMillis(500))
					.withKeepAlive(Duration.ofMillis(100), Duration.ofSeconds(60)));
		java.net.Socket socket = new java.net.Socket("127.0.0.1", server.getPort());
		socket.setReceiveBufferSize(4096);
		try (TcpTestClient client = new TcpTestClient(socket, JsonRpcFraming.NDJSON, false)) {
			String big = "y".repeat(64 * 1024);
			String request = "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"" + big + "\"],\"id\":1}\n";
			await().atMost(TestWaits.SHORT).until(() -> server.sessions().size() == 1);
			JsonRpcSession session = server.sessions().get(0);
			// the replies fill the socket buffers; the server stops reading, then gives
			// up
			CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
				try {
					for (int i = 0; i < 200 && session.isOpen(); i++) {
						client.sendRaw(request.getBytes(StandardCharsets.UTF_8));
					}
				}
				catch (IOException ex) {
					// closed by the server
				}
			});
			// the expected end, after the send time limit: bounded by the test, not by
			// TestWaits
			await().atMost(Duration.ofSeconds(10)).until(() -> !session.isOpen());
			await().atMost(TestWaits.SHORT).until(() -> server.sessions().isEmpty());
			client.close();
			TestWaits.get(writing);
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
		try (TcpTestClient client = TcpTestClient.connect(server.getPort(), JsonRpcFraming.NDJSON)) {
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
		}
		// refused once stopped
		assertThat(tryConnect(server.getPort())).isFalse();
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

	private static boolean tryConnect(int port) {
		try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Calls that wait until the test lets them finish, and one that names the caller.
	 */
	@JsonRpcService("gate")
	public static class GateService {

		private volatile CompletableFuture<String> gate = new CompletableFuture<>();

		private final java.util.concurrent.atomic.AtomicInteger waiting = new java.util.concurrent.atomic.AtomicInteger();

		@JsonRpcMethod("await")
		CompletableFuture<String> awaitGate() {
			this.waiting.incrementAndGet();
			return this.gate;
		}

		@JsonRpcMethod
		@Nullable String whoami(JsonRpcSession session) {
			return (session.principal() != null) ? session.principal().getName() : null;
		}

		public int waiting() {
			return this.waiting.get();
		}

		void open(String result) {
			this.gate.complete(result);
		}

	}

}
