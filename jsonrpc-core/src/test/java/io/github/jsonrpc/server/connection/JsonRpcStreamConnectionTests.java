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
package io.github.jsonrpc.server.connection;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.protocol.JsonRpcFraming;
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.connection.ConnectionCallQueueTests.ManualExecutor;

import static io.github.jsonrpc.server.connection.TestMessages.result;
import static io.github.jsonrpc.server.connection.TestMessages.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link JsonRpcStreamConnection} and its reading half {@link StreamInbound}:
 * framing in both directions, the message size limit at exactly N and N + 1, reading
 * paused while the connection is busy and resumed once, and the end of input. Calls run
 * on a {@link ManualExecutor}, so a call is in flight until the test runs it.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcStreamConnectionTests {

	private static final JsonRpcMessageCodec codec = JsonRpcMessageCodec.create(JsonMapper.builder().build());

	// answers every call with its method's name
	private final JsonRpcHandler handler = JsonRpcHandler
		.builder((exchange) -> CompletableFuture
			.completedFuture(JsonRpcResponse.success(exchange.id(), exchange.method())), codec)
		.build();

	private final ManualExecutor executor = new ManualExecutor();

	private final JsonRpcConnectionSettings settings = JsonRpcConnectionSettings.DEFAULTS
		.withMemoryBudget(JsonRpcMemoryBudget.of(1_000_000));

	@Test
	void constructorsRefuseMissingValues() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TestJsonRpcStreamConnection(this.handler, this.settings, this.executor, null))
			.withMessage("Framing is required");
		TestJsonRpcStreamConnection connection = connection(this.settings);
		assertThatIllegalArgumentException().isThrownBy(() -> new StreamInbound(null, JsonRpcFraming.NDJSON, (ex) -> {
		})).withMessage("Connection is required");
		assertThatIllegalArgumentException().isThrownBy(() -> new StreamInbound(connection, null, (ex) -> {
		})).withMessage("Framing is required");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new StreamInbound(connection, JsonRpcFraming.NDJSON, null))
			.withMessage("Framing error handler is required");
	}

	@Test
	void messagesOfAChunkAreAnsweredInOrderAndAMessageSplitAcrossChunksIsJoined() {
		TestJsonRpcStreamConnection connection = connection(this.settings);
		assertThat(connection.framing()).isEqualTo(JsonRpcFraming.NDJSON);
		String second = text(2, "b");
		assertThat(connection.read(chunk(text(1, "a") + "\n" + second.substring(0, 10)))).isTrue();
		assertThat(connection.hasPartialMessage()).isTrue();
		assertThat(connection.inFlight()).isOne();
		assertThat(connection.read(chunk(second.substring(10) + "\r\n"))).isTrue();
		assertThat(connection.hasPartialMessage()).isFalse();
		assertThat(connection.inFlight()).isEqualTo(2);
		this.executor.runAll();
		assertThat(connection.written).containsExactly(result(1, "a") + "\n", result(2, "b") + "\n");
		assertThat(connection.isOpen()).isTrue();
		assertThat(connection.lastWords()).isNull();
		// answered without ever waiting: no resume
		assertThat(connection.resumes).hasValue(0);
	}

	@Test
	void contentLengthFramedMessagesAreAnsweredInTheSameFraming() {
		TestJsonRpcStreamConnection connection = new TestJsonRpcStreamConnection(this.handler, this.settings,
				this.executor, JsonRpcFraming.CONTENT_LENGTH);
		String message = text(1, "a");
		assertThat(connection.read(chunk("Content-Length: " + message.length() + "\r\n\r\n" + message))).isTrue();
		this.executor.runAll();
		String answer = result(1, "a");
		assertThat(connection.written).containsExactly("Content-Length: " + answer.length() + "\r\n\r\n" + answer);
	}

	@Test
	void messageOfExactlyTheSizeLimitIsReadAndOneByteMoreClosesTheConnectionAsTooBig() {
		String message = text(1, "a");
		int size = message.length();
		TestJsonRpcStreamConnection atLimit = connection(this.settings.withMaxMessageSize(size));
		assertThat(atLimit.read(chunk(message + "\n"))).isTrue();
		this.executor.runAll();
		assertThat(atLimit.written).containsExactly(result(1, "a") + "\n");
		assertThat(atLimit.isOpen()).isTrue();
		TestJsonRpcStreamConnection overLimit = connection(this.settings.withMaxMessageSize(size - 1));
		assertThat(overLimit.read(chunk(message + "\n"))).isFalse();
		assertThat(overLimit.closedWith).isEqualTo(JsonRpcCloseReason.TOO_BIG);
		assertThat(overLimit.lastWordsAtClose).isNotNull();
		assertThat(new String(overLimit.lastWordsAtClose, StandardCharsets.UTF_8))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32005,\"message\":"
					+ "\"Message over the size limit of " + (size - 1) + " bytes\"},\"id\":null}\n");
		assertThat(overLimit.inFlight()).isZero();
		// nothing more is read
		assertThat(overLimit.read(chunk(text(2, "b") + "\n"))).isFalse();
		assertThat(overLimit.inFlight()).isZero();
		assertThat(overLimit.written).isEmpty();
	}

	@Test
	void brokenFramingIsAnsweredWithAParseErrorAfterTheMessagesBeforeItWereTaken() {
		TestJsonRpcStreamConnection connection = new TestJsonRpcStreamConnection(this.handler, this.settings,
				this.executor, JsonRpcFraming.CONTENT_LENGTH);
		String message = text(1, "a");
		String stream = "Content-Length: " + message.length() + "\r\n\r\n" + message + "Content-Length: 0\r\n\r\n";
		assertThat(connection.read(chunk(stream))).isFalse();
		// the message before the broken frame was taken (the close then drops it)
		assertThat(this.executor.tasks).hasSize(1);
		assertThat(connection.closedWith).isEqualTo(JsonRpcCloseReason.NORMAL);
		String error = "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":"
				+ "\"Invalid framing: Content-Length: 0\"},\"id\":null}";
		assertThat(new String(connection.lastWordsAtClose, StandardCharsets.UTF_8))
			.isEqualTo("Content-Length: " + error.length() + "\r\n\r\n" + error);
		assertThat(connection.read(chunk(stream))).isFalse();
		this.executor.runAll();
		assertThat(connection.written).isEmpty();
		assertThat(connection.inFlight()).isZero();
	}

	@Test
	void readingPausesWhileTheCallsInFlightAreAtTheLimitAndResumesOnceWhenTheyEnd() {
		TestJsonRpcStreamConnection connection = connection(this.settings.withMaxInFlight(2));
		// one of two in flight: go on reading
		assertThat(connection.read(chunk(text(1, "a") + "\n"))).isTrue();
		// two of two: the third waits
		assertThat(connection.read(chunk(text(2, "b") + "\n" + text(3, "c") + "\n"))).isFalse();
		assertThat(connection.inFlight()).isEqualTo(2);
		// the first ends: the third is taken, at the limit again
		this.executor.runNext();
		assertThat(connection.inFlight()).isEqualTo(2);
		assertThat(connection.resumes).hasValue(0);
		// the second ends: reading resumes, once
		this.executor.runNext();
		assertThat(connection.inFlight()).isOne();
		assertThat(connection.resumes).hasValue(1);
		this.executor.runNext();
		assertThat(connection.resumes).hasValue(1);
		assertThat(connection.written).containsExactly(result(1, "a") + "\n", result(2, "b") + "\n",
				result(3, "c") + "\n");
		assertThat(connection.read(chunk(""))).isTrue();
	}

	@Test
	void readingPausesWhileHalfTheOutboundLimitInMessagesIsQueued() {
		TestJsonRpcStreamConnection half = connection(
				this.settings.withOutboundLimits(2, 1 << 20, Duration.ofSeconds(10)));
		half.stall();
		assertThat(half.notify("n", 1)).isTrue();
		assertThat(half.read(chunk(""))).isFalse();
		half.unstall();
		assertThat(half.resumes).hasValue(1);
		assertThat(half.read(chunk(""))).isTrue();
		TestJsonRpcStreamConnection lessThanHalf = connection(
				this.settings.withOutboundLimits(3, 1 << 20, Duration.ofSeconds(10)));
		lessThanHalf.stall();
		assertThat(lessThanHalf.notify("n", 1)).isTrue();
		assertThat(lessThanHalf.read(chunk(""))).isTrue();
		lessThanHalf.unstall();
		// it never waited: no resume
		assertThat(lessThanHalf.resumes).hasValue(0);
	}

	@Test
	void readingPausesWhileHalfTheOutboundLimitInBytesIsQueued() {
		long size = codec.encodeNotification("n", 1).size();
		TestJsonRpcStreamConnection half = connection(
				this.settings.withOutboundLimits(1024, 2 * size, Duration.ofSeconds(10)));
		half.stall();
		assertThat(half.notify("n", 1)).isTrue();
		assertThat(half.outboundBytes()).isEqualTo(size);
		assertThat(half.read(chunk(""))).isFalse();
		half.unstall();
		assertThat(half.resumes).hasValue(1);
		TestJsonRpcStreamConnection lessThanHalf = connection(
				this.settings.withOutboundLimits(1024, 2 * size + 1, Duration.ofSeconds(10)));
		lessThanHalf.stall();
		assertThat(lessThanHalf.notify("n", 1)).isTrue();
		assertThat(lessThanHalf.read(chunk(""))).isTrue();
	}

	@Test
	void endOfInputClosesTheConnectionOnceEveryMessageReadIsAnswered() {
		TestJsonRpcStreamConnection idle = connection(this.settings);
		idle.inputEnded();
		assertThat(idle.closedWith).isEqualTo(JsonRpcCloseReason.NORMAL);
		TestJsonRpcStreamConnection connection = connection(this.settings.withMaxInFlight(1));
		assertThat(connection.read(chunk(text(1, "a") + "\n" + text(2, "b") + "\n"))).isFalse();
		connection.inputEnded();
		assertThat(connection.isOpen()).isTrue();
		// the first ends, the second is taken
		this.executor.runNext();
		assertThat(connection.isOpen()).isTrue();
		this.executor.runNext();
		assertThat(connection.written).containsExactly(result(1, "a") + "\n", result(2, "b") + "\n");
		assertThat(connection.closedWith).isEqualTo(JsonRpcCloseReason.NORMAL);
	}

	@Test
	void endOfInputWaitsForTheRepliesToBeWritten() {
		TestJsonRpcStreamConnection connection = connection(this.settings);
		connection.stall();
		assertThat(connection.read(chunk(text(1, "a") + "\n"))).isTrue();
		connection.inputEnded();
		this.executor.runAll();
		assertThat(connection.written).hasSize(1);
		assertThat(connection.isOpen()).isTrue();
		connection.unstall();
		assertThat(connection.closedWith).isEqualTo(JsonRpcCloseReason.NORMAL);
	}

	@Test
	void connectionWithCallsInFlightIsBusyNotIdle() {
		JsonRpcConnectionSettings settings = this.settings.withKeepAlive(Duration.ofSeconds(1), Duration.ofSeconds(1));
		TestJsonRpcStreamConnection busy = connection(settings);
		assertThat(busy.read(chunk(text(1, "a") + "\n"))).isTrue();
		long mark = System.nanoTime();
		busy.ping();
		busy.checkAlive(mark + Duration.ofSeconds(1).toNanos());
		assertThat(busy.isOpen()).isTrue();
		TestJsonRpcStreamConnection idle = connection(settings);
		mark = System.nanoTime();
		idle.ping();
		assertThat(idle.isOpen()).isTrue();
		// created before the mark: idle for longer than the timeout
		idle.checkAlive(mark + Duration.ofSeconds(1).toNanos());
		assertThat(idle.closedWith).isEqualTo(JsonRpcCloseReason.IDLE);
	}

	@Test
	void partOfAMessageReadKeepsTheConnectionAlive() {
		TestJsonRpcStreamConnection connection = connection(
				this.settings.withKeepAlive(Duration.ofSeconds(1), Duration.ofSeconds(1)));
		long mark = System.nanoTime();
		assertThat(connection.read(chunk("{\"jsonrpc\""))).isTrue();
		connection.checkAlive(mark + Duration.ofSeconds(1).toNanos());
		assertThat(connection.isOpen()).isTrue();
		assertThat(connection.hasPartialMessage()).isTrue();
	}

	@Test
	void endOfInputSeenByAPingClosesOnlyOnceEveryMessageReadWasTaken() {
		// the write of a notification is held: half the outbound limit, reading waits
		TestJsonRpcStreamConnection connection = connection(
				this.settings.withOutboundLimits(2, 1 << 20, Duration.ofSeconds(10)));
		connection.stall();
		assertThat(connection.notify("n", 1)).isTrue();
		assertThat(connection.read(chunk(text(1, "a") + "\n"))).isFalse();
		connection.inputEnded();
		// written, but the transport did not say so: drained, with a message still read
		connection.completeHeldWrites();
		assertThat(connection.isDrained()).isTrue();
		connection.ping();
		assertThat(connection.isOpen()).isTrue();
		connection.writeCompleted();
		assertThat(connection.resumes).hasValue(1);
		this.executor.runAll();
		assertThat(connection.written).containsExactly("{\"jsonrpc\":\"2.0\",\"method\":\"n\",\"params\":1}\n",
				result(1, "a") + "\n");
		assertThat(connection.closedWith).isEqualTo(JsonRpcCloseReason.NORMAL);
		// nothing read: the ping closes it
		TestJsonRpcStreamConnection quiet = connection(this.settings);
		quiet.stall();
		assertThat(quiet.notify("n", 1)).isTrue();
		quiet.inputEnded();
		quiet.completeHeldWrites();
		assertThat(quiet.isOpen()).isTrue();
		quiet.ping();
		assertThat(quiet.closedWith).isEqualTo(JsonRpcCloseReason.NORMAL);
	}

	@Test
	void readerOnAThreadOfItsOwnWaitsUntilTheConnectionTakesMessagesAgain() throws Exception {
		TestJsonRpcStreamConnection connection = connection(this.settings.withMaxInFlight(1));
		// not waiting: at once
		assertThat(connection.awaitReadable()).isTrue();
		assertThat(connection.read(chunk(text(1, "a") + "\n" + text(2, "b") + "\n"))).isFalse();
		CompletableFuture<Boolean> readable = new CompletableFuture<>();
		Thread reader = awaitReadable(connection, readable);
		// it waits
		await().atMost(TestWaits.SHORT)
			.until(() -> reader.getState() == Thread.State.TIMED_WAITING || readable.isDone());
		assertThat(readable).isNotDone();
		this.executor.runNext();
		this.executor.runNext();
		assertThat(TestWaits.get(readable)).isTrue();
		reader.join(TestWaits.SHORT.toMillis());
		assertThat(reader.isAlive()).isFalse();
		// closed while waiting
		TestJsonRpcStreamConnection closed = connection(this.settings.withMaxInFlight(1));
		assertThat(closed.read(chunk(text(1, "a") + "\n"))).isFalse();
		CompletableFuture<Boolean> closedReadable = new CompletableFuture<>();
		Thread closedReader = awaitReadable(closed, closedReadable);
		await().atMost(TestWaits.SHORT)
			.until(() -> closedReader.getState() == Thread.State.TIMED_WAITING || closedReadable.isDone());
		assertThat(closedReadable).isNotDone();
		closed.close();
		assertThat(TestWaits.get(closedReadable)).isFalse();
		closedReader.join(TestWaits.SHORT.toMillis());
		assertThat(closedReader.isAlive()).isFalse();
		// failed to read
		TestJsonRpcStreamConnection failed = connection(this.settings.withMaxMessageSize(1));
		assertThat(failed.read(chunk("{}\n"))).isFalse();
		assertThat(failed.awaitReadable()).isFalse();
	}

	/**
	 * Start a daemon thread that waits until the connection is readable and completes the
	 * future with the answer.
	 */
	private static Thread awaitReadable(TestJsonRpcStreamConnection connection, CompletableFuture<Boolean> readable) {
		Thread reader = new Thread(() -> {
			try {
				readable.complete(connection.awaitReadable());
			}
			catch (Throwable ex) {
				readable.completeExceptionally(ex);
			}
		}, "test-reader");
		reader.setDaemon(true);
		reader.start();
		return reader;
	}

	private TestJsonRpcStreamConnection connection(JsonRpcConnectionSettings settings) {
		return new TestJsonRpcStreamConnection(this.handler, settings, this.executor, JsonRpcFraming.NDJSON);
	}

	private static ByteBuffer chunk(String text) {
		return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
	}

}
