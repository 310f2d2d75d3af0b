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
package io.github.jsonrpc.server.stdio;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.jsonrpc.CalculatorService;
import io.github.jsonrpc.JsonRpcSetup;
import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import io.github.jsonrpc.protocol.JsonRpcFrameDecoder;
import io.github.jsonrpc.protocol.JsonRpcFraming;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.JsonRpcSession;
import io.github.jsonrpc.server.JsonRpcSessionRegistry;
import io.github.jsonrpc.server.JsonRpcTransportContext.Transport;
import io.github.jsonrpc.server.connection.JsonRpcConnectionSettings;
import io.github.jsonrpc.server.method.annotation.JsonRpcMethod;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link JsonRpcStdioServer} on in-memory streams (a pipe for the input, a
 * decoding stream for the output), in both framings; waits are bounded by
 * {@link TestWaits#SHORT}.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcStdioServerTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final ExecutorService executor = Executors.newFixedThreadPool(4);

	private final GateService gate = new GateService();

	private final JsonRpcHandler handler = JsonRpcSetup.services(new CalculatorService(), this.gate).toHandler();

	private final JsonRpcSessionRegistry registry = new JsonRpcSessionRegistry();

	private final AtomicInteger endOfInput = new AtomicInteger();

	private final CountDownLatch ended = new CountDownLatch(1);

	private @Nullable JsonRpcStdioServer server;

	private PipedOutputStream input = new PipedOutputStream();

	private @Nullable PipedInputStream pipe;

	private @Nullable Output output;

	// the threads of the servers this test started, not those other tests may leave
	private final List<Thread> threads = new CopyOnWriteArrayList<>();

	@AfterEach
	void stop() throws IOException {
		if (this.server != null) {
			this.server.setShutdownTimeout(Duration.ZERO);
			this.server.stop();
		}
		this.input.close();
		this.executor.shutdownNow();
	}

	private JsonRpcStdioServer start(JsonRpcFraming framing, JsonRpcConnectionSettings settings, OutputStream out)
			throws IOException {
		JsonRpcStdioServer server = new JsonRpcStdioServer(this.handler, this.registry, this.executor);
		server.onNewThread(this.threads::add);
		this.pipe = new PipedInputStream(this.input, 64 * 1024);
		server.setStreams(this.pipe, out);
		server.setFraming(framing);
		server.setSettings(settings);
		server.setEndOfInput(() -> {
			this.endOfInput.incrementAndGet();
			this.ended.countDown();
		});
		server.start();
		this.server = server;
		return server;
	}

	private JsonRpcStdioServer start(JsonRpcFraming framing, JsonRpcConnectionSettings settings) throws IOException {
		Output output = new Output(framing);
		this.output = output;
		// buffered, as standard output is: the server flushes what it writes
		return start(framing, settings, new BufferedOutputStream(output, 64 * 1024));
	}

	private JsonRpcStdioServer start(JsonRpcFraming framing) throws IOException {
		return start(framing, JsonRpcConnectionSettings.DEFAULTS);
	}

	private void send(JsonRpcFraming framing, String json) throws IOException {
		this.input.write(framing.frame(json.getBytes(StandardCharsets.UTF_8)));
		this.input.flush();
	}

	/**
	 * Send a call that runs until the test opens the gate, and wait until it runs.
	 */
	private void sendGatedCall() throws IOException {
		send(JsonRpcFraming.NDJSON, "{\"jsonrpc\":\"2.0\",\"method\":\"gate.await\",\"id\":1}");
		await().atMost(TestWaits.SHORT).until(() -> this.gate.waiting() == 1);
	}

	private JsonNode next() throws InterruptedException {
		return this.output.next();
	}

	private List<Thread> keepingAlive() {
		return alive("jsonrpc-stdio").stream().filter((thread) -> !thread.isDaemon()).toList();
	}

	private List<Thread> alive(String name) {
		return created(name).stream().filter(Thread::isAlive).toList();
	}

	private List<Thread> created(String name) {
		return this.threads.stream().filter((thread) -> thread.getName().equals(name)).toList();
	}

	@Test
	void constructorAndSettersRefuseMissingValues() {
		JsonRpcSessionRegistry registry = this.registry;
		assertThatIllegalArgumentException().isThrownBy(() -> new JsonRpcStdioServer(null, registry, this.executor))
			.withMessage("Handler is required");
		assertThatIllegalArgumentException().isThrownBy(() -> new JsonRpcStdioServer(this.handler, null, this.executor))
			.withMessage("SessionRegistry is required");
		assertThatIllegalArgumentException().isThrownBy(() -> new JsonRpcStdioServer(this.handler, registry, null))
			.withMessage("Executor is required");
		JsonRpcStdioServer server = new JsonRpcStdioServer(this.handler, registry, this.executor);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> server.setStreams(null, new Output(JsonRpcFraming.NDJSON)))
			.withMessage("Input is required");
		assertThatIllegalArgumentException().isThrownBy(() -> server.setStreams(new PipedInputStream(), null))
			.withMessage("Output is required");
		assertThatIllegalArgumentException().isThrownBy(() -> server.setFraming(null))
			.withMessage("Framing is required");
		assertThatIllegalArgumentException().isThrownBy(() -> server.setSettings(null))
			.withMessage("Settings are required");
		assertThatIllegalArgumentException().isThrownBy(() -> server.setShutdownTimeout(null))
			.withMessage("Shutdown timeout must not be negative");
		assertThatIllegalArgumentException().isThrownBy(() -> server.setShutdownTimeout(Duration.ofMillis(-1)))
			.withMessage("Shutdown timeout must not be negative");
		server.setShutdownTimeout(Duration.ZERO);
		assertThatIllegalArgumentException().isThrownBy(() -> server.setEndOfInput(null))
			.withMessage("End of input action is required");
		// never started: stopping does nothing
		server.stop();
		assertThat(server.isRunning()).isFalse();
		assertThat(server.session()).isNull();
	}

	@ParameterizedTest
	@EnumSource(JsonRpcFraming.class)
	void callsAreAnsweredInTheFraming(JsonRpcFraming framing) throws Exception {
		JsonRpcStdioServer server = start(framing);
		assertThat(server.isRunning()).isTrue();
		JsonRpcSession session = server.session();
		assertThat(session).isNotNull();
		// a thread that is no daemon keeps the JVM alive while serving
		await().atMost(TestWaits.SHORT).until(() -> keepingAlive().size() == 1);
		// the others do not: a blocking read of standard input cannot be interrupted
		assertThat(alive("jsonrpc-stdio-reader")).isNotEmpty().allMatch(Thread::isDaemon);
		assertThat(alive("jsonrpc-stdio-watchdog")).isNotEmpty().allMatch(Thread::isDaemon);
		assertThat(session.transport()).isEqualTo(Transport.STDIO);
		assertThat(session.id()).isEqualTo("stdio");
		assertThat(this.registry.sessions()).containsExactly(session);
		// starting again keeps the session
		server.start();
		assertThat(server.session()).isSameAs(session);
		send(framing, "{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1,2],\"id\":1}");
		JsonNode response = next();
		assertThat(response.get("id").asInt()).isEqualTo(1);
		assertThat(response.get("result").asInt()).isEqualTo(3);
		send(framing, "{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[40,2],\"id\":2}");
		assertThat(next().get("result").asInt()).isEqualTo(42);
		assertThat(alive("jsonrpc-stdio-writer")).isNotEmpty().allMatch(Thread::isDaemon);
		assertThat(this.endOfInput).hasValue(0);
	}

	@Test
	void readingWaitsWhileTheSessionIsBusy() throws Exception {
		start(JsonRpcFraming.NDJSON, JsonRpcConnectionSettings.DEFAULTS.withMaxInFlight(1));
		sendGatedCall();
		byte[] second = JsonRpcFraming.NDJSON.frame(
				"{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1,2],\"id\":2}".getBytes(StandardCharsets.UTF_8));
		this.input.write(second);
		this.input.flush();
		// the one call in flight runs: the reader waits instead of reading on, and the
		// second call stays in the input
		await().during(Duration.ofMillis(100))
			.atMost(TestWaits.SHORT)
			.until(() -> this.pipe.available() == second.length);
		this.gate.open("done");
		assertThat(next().get("result").asString()).isEqualTo("done");
		assertThat(next().get("result").asInt()).isEqualTo(3);
		assertThat(this.pipe.available()).isZero();
	}

	@Test
	void serverStartedAgainRunsTheEndOfInputActionAgain() throws Exception {
		JsonRpcStdioServer server = start(JsonRpcFraming.NDJSON);
		this.input.close();
		await().atMost(TestWaits.SHORT).until(() -> this.endOfInput.get() == 1);
		server.stop();
		this.input = new PipedOutputStream();
		this.pipe = new PipedInputStream(this.input, 64 * 1024);
		server.setStreams(this.pipe, new Output(JsonRpcFraming.NDJSON));
		server.start();
		assertThat(server.session()).isNotNull();
		this.input.close();
		await().atMost(TestWaits.SHORT).until(() -> this.endOfInput.get() == 2);
	}

	@Test
	void watchdogLooksAtAQuarterOfTheSendTimeLimitWithinBounds() {
		assertThat(JsonRpcStdioServer.watchdogPeriodMillis(Duration.ofMillis(100))).isEqualTo(50);
		assertThat(JsonRpcStdioServer.watchdogPeriodMillis(Duration.ofMillis(200))).isEqualTo(50);
		assertThat(JsonRpcStdioServer.watchdogPeriodMillis(Duration.ofMillis(2000))).isEqualTo(500);
		assertThat(JsonRpcStdioServer.watchdogPeriodMillis(Duration.ofMillis(4000))).isEqualTo(1000);
		assertThat(JsonRpcStdioServer.watchdogPeriodMillis(Duration.ofSeconds(30))).isEqualTo(1000);
		// saturated, where Duration.toMillis() throws
		assertThat(JsonRpcStdioServer.watchdogPeriodMillis(ChronoUnit.FOREVER.getDuration())).isEqualTo(1000);
	}

	@Test
	void stopInterruptedWhileWaitingForRunningCallsGivesUpAndKeepsTheInterrupt() throws Exception {
		JsonRpcStdioServer server = start(JsonRpcFraming.NDJSON);
		JsonRpcSession session = server.session();
		sendGatedCall();
		CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
		Thread stopping = new Thread(() -> {
			server.stop();
			interrupted.complete(Thread.currentThread().isInterrupted());
		});
		stopping.start();
		await().atMost(TestWaits.SHORT).until(() -> stopping.getState() == Thread.State.TIMED_WAITING);
		stopping.interrupt();
		assertThat(TestWaits.get(interrupted)).isTrue();
		// gave up on the running call, not on stopping
		assertThat(session.isOpen()).isFalse();
		assertThat(server.isRunning()).isFalse();
	}

	@Test
	void endOfInputAnswersRunningCallsThenClosesAndRunsTheActionOnce() throws Exception {
		JsonRpcStdioServer server = start(JsonRpcFraming.NDJSON);
		JsonRpcSession session = server.session();
		sendGatedCall();
		this.input.close();
		// the running call holds the session open
		assertThat(this.ended.await(100, TimeUnit.MILLISECONDS)).isFalse();
		assertThat(session.isOpen()).isTrue();
		this.gate.open("late");
		JsonNode response = next();
		assertThat(response.get("result").asString()).isEqualTo("late");
		await().atMost(TestWaits.SHORT).until(() -> this.endOfInput.get() == 1);
		assertThat(session.isOpen()).isFalse();
		await().atMost(TestWaits.SHORT).until(() -> this.registry.sessions().isEmpty());
		// the end of input does not stop the server: the action (closing the context)
		// does
		assertThat(server.isRunning()).isTrue();
		server.stop();
		assertThat(server.isRunning()).isFalse();
		assertThat(server.session()).isNull();
		assertThat(this.endOfInput).hasValue(1);
	}

	@Test
	void endOfInputGivesUpOnRunningCallsAfterTheShutdownTimeout() throws Exception {
		JsonRpcStdioServer server = start(JsonRpcFraming.NDJSON);
		server.setShutdownTimeout(Duration.ofMillis(200));
		JsonRpcSession session = server.session();
		sendGatedCall();
		this.input.close();
		await().atMost(TestWaits.SHORT).until(() -> this.endOfInput.get() == 1);
		assertThat(session.isOpen()).isFalse();
		// the call was not answered
		assertThat(this.output.messages).isEmpty();
	}

	@Test
	void messageOverTheLimitIsAnsweredThenTheSessionEndsWithTheAction() throws Exception {
		JsonRpcStdioServer server = start(JsonRpcFraming.NDJSON,
				JsonRpcConnectionSettings.DEFAULTS.withMaxMessageSize(1024));
		JsonRpcSession session = server.session();
		send(JsonRpcFraming.NDJSON, "{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1,2],\"id\":1}");
		assertThat(next().get("result").asInt()).isEqualTo(3);
		// no newline comes, and the input stays open: the session ends by itself
		this.input.write(("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"" + "x".repeat(4096))
			.getBytes(StandardCharsets.UTF_8));
		this.input.flush();
		JsonNode error = next();
		assertThat(error.get("id").isNull()).isTrue();
		assertThat(error.get("error").get("code").asInt()).isEqualTo(JsonRpcErrorCodes.LIMIT_EXCEEDED);
		await().atMost(TestWaits.SHORT).until(() -> !session.isOpen());
		await().atMost(TestWaits.SHORT).until(() -> this.endOfInput.get() == 1);
		// the session ended by itself: its writer ends without waiting for the stop
		assertThat(created("jsonrpc-stdio-writer")).isNotEmpty();
		await().atMost(TestWaits.SHORT).until(() -> alive("jsonrpc-stdio-writer").isEmpty());
		// the reader ends too: still one action
		this.input.close();
		server.stop();
		assertThat(this.endOfInput).hasValue(1);
	}

	@Test
	void stopWaitsForRunningCallsToBeAnswered() throws Exception {
		JsonRpcStdioServer server = start(JsonRpcFraming.NDJSON);
		JsonRpcSession session = server.session();
		sendGatedCall();
		CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);
		assertThat(this.ended.await(100, TimeUnit.MILLISECONDS)).isFalse();
		assertThat(stopping).isNotDone();
		assertThat(session.isOpen()).isTrue();
		this.gate.open("finished");
		assertThat(next().get("result").asString()).isEqualTo("finished");
		TestWaits.get(stopping);
		assertThat(session.isOpen()).isFalse();
		assertThat(server.isRunning()).isFalse();
		// the thread that kept the JVM alive while serving ends, and so do the writer and
		// the watchdog
		assertThat(created("jsonrpc-stdio")).isNotEmpty();
		assertThat(created("jsonrpc-stdio-writer")).isNotEmpty();
		assertThat(created("jsonrpc-stdio-watchdog")).isNotEmpty();
		await().atMost(TestWaits.SHORT).until(() -> keepingAlive().isEmpty());
		await().atMost(TestWaits.SHORT)
			.until(() -> alive("jsonrpc-stdio-writer").isEmpty() && alive("jsonrpc-stdio-watchdog").isEmpty());
		assertThat(server.session()).isNull();
		assertThat(this.registry.sessions()).isEmpty();
		// stopped by the application, not ended by the input
		assertThat(this.endOfInput).hasValue(0);
	}

	@org.junit.jupiter.params.ParameterizedTest
	@org.junit.jupiter.params.provider.ValueSource(longs = { Long.MAX_VALUE, Long.MAX_VALUE / 1_000_000_000 })
	void shutdownTimeoutBeyondWhatNanosecondsHoldWaitsForTheCall(long seconds) throws Exception {
		JsonRpcStdioServer server = start(JsonRpcFraming.NDJSON);
		// the first makes Duration.toNanos() throw, the second overflows
		// System.nanoTime() + timeout
		server.setShutdownTimeout(Duration.ofSeconds(seconds));
		JsonRpcSession session = server.session();
		sendGatedCall();
		CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);
		assertThat(this.ended.await(100, TimeUnit.MILLISECONDS)).isFalse();
		assertThat(stopping).isNotDone();
		assertThat(session.isOpen()).isTrue();
		this.gate.open("finished");
		assertThat(next().get("result").asString()).isEqualTo("finished");
		TestWaits.get(stopping);
		assertThat(session.isOpen()).isFalse();
	}

	@Test
	void stopGivesUpAfterTheShutdownTimeout() throws Exception {
		JsonRpcStdioServer server = start(JsonRpcFraming.NDJSON);
		server.setShutdownTimeout(Duration.ofMillis(100));
		JsonRpcSession session = server.session();
		sendGatedCall();
		TestWaits.get(CompletableFuture.runAsync(server::stop));
		assertThat(session.isOpen()).isFalse();
		assertThat(this.output.messages).isEmpty();
	}

	@Test
	void failingOutputClosesTheSession() throws Exception {
		CountDownLatch failed = new CountDownLatch(1);
		OutputStream broken = new FailingOutput(failed::countDown);
		JsonRpcStdioServer server = start(JsonRpcFraming.NDJSON, JsonRpcConnectionSettings.DEFAULTS, broken);
		JsonRpcSession session = server.session();
		send(JsonRpcFraming.NDJSON, "{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1,2],\"id\":1}");
		assertThat(failed.await(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
		await().atMost(TestWaits.SHORT).until(() -> !session.isOpen());
		await().atMost(TestWaits.SHORT).until(() -> this.endOfInput.get() == 1);
	}

	@Test
	void parentThatStopsReadingClosesTheSessionAfterTheSendTimeLimit() throws Exception {
		CountDownLatch blocked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		OutputStream stuck = new FailingOutput(() -> {
			blocked.countDown();
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		JsonRpcStdioServer server = start(JsonRpcFraming.NDJSON,
				JsonRpcConnectionSettings.DEFAULTS.withOutboundLimits(16, 1024 * 1024, Duration.ofMillis(200)), stuck);
		try {
			JsonRpcSession session = server.session();
			send(JsonRpcFraming.NDJSON, "{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1,2],\"id\":1}");
			assertThat(blocked.await(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
			// the watchdog notices the write blocked beyond the limit
			await().atMost(TestWaits.SHORT).until(() -> !session.isOpen());
			await().atMost(TestWaits.SHORT).until(() -> this.endOfInput.get() == 1);
		}
		finally {
			release.countDown();
		}
	}

	/**
	 * Calls that wait until the test lets them finish.
	 */
	@JsonRpcService("gate")
	public static class GateService {

		private final CompletableFuture<String> gate = new CompletableFuture<>();

		private final AtomicInteger waiting = new AtomicInteger();

		@JsonRpcMethod("await")
		public CompletableFuture<String> awaitGate() {
			this.waiting.incrementAndGet();
			return this.gate;
		}

		int waiting() {
			return this.waiting.get();
		}

		void open(String result) {
			this.gate.complete(result);
		}

	}

	/**
	 * An output whose every write fails, as a closed pipe does, after an action (e.g.
	 * blocking as a parent that stopped reading does).
	 */
	static final class FailingOutput extends OutputStream {

		private final Runnable beforeFailing;

		FailingOutput(Runnable beforeFailing) {
			this.beforeFailing = beforeFailing;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			this.beforeFailing.run();
			throw new IOException("pipe closed");
		}

	}

	/**
	 * The server's output: decodes the framed messages it writes.
	 */
	static final class Output extends OutputStream {

		private final JsonRpcFrameDecoder decoder;

		private final BlockingQueue<byte[]> messages = new LinkedBlockingQueue<>();

		Output(JsonRpcFraming framing) {
			this.decoder = framing.decoder(1024 * 1024);
		}

		@Override
		public void write(int b) {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public synchronized void write(byte[] b, int off, int len) {
			this.decoder.decode(ByteBuffer.wrap(b, off, len), this.messages::add);
		}

		JsonNode next() throws InterruptedException {
			byte[] message = this.messages.poll(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS);
			if (message == null) {
				throw new AssertionError("No message within " + TestWaits.SHORT);
			}
			return mapper.readTree(new String(message, StandardCharsets.UTF_8));
		}

	}

}
