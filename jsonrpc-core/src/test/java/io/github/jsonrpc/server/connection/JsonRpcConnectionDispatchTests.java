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

import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.protocol.JsonRpcEncodedMessage;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcInbound;
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.protocol.JsonRpcReply;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.JsonRpcSessionClosedException;
import io.github.jsonrpc.server.JsonRpcStreamSink;
import io.github.jsonrpc.server.JsonRpcTransportContext;
import io.github.jsonrpc.server.connection.ConnectionCallQueueTests.ManualExecutor;
import io.github.jsonrpc.server.connection.JsonRpcConnection.WriteCompletion;

import static io.github.jsonrpc.server.connection.TestMessages.bytes;
import static io.github.jsonrpc.server.connection.TestMessages.call;
import static io.github.jsonrpc.server.connection.TestMessages.notification;
import static io.github.jsonrpc.server.connection.TestMessages.result;
import static io.github.jsonrpc.server.connection.TestMessages.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tests for how {@link JsonRpcConnection} runs each received message: every call is
 * answered, also when its handler fails at once or later; a pending reply holds no
 * thread; a JVM error closes the connection without an answer; what a call holds is given
 * back whatever becomes of it; actions after the reply run once it is queued. Calls run
 * on a {@link ManualExecutor} or on the calling thread, so nothing is timed.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcConnectionDispatchTests {

	private static final JsonRpcMessageCodec codec = JsonRpcMessageCodec.create(JsonMapper.builder().build());

	private final JsonRpcMemoryBudget budget = JsonRpcMemoryBudget.of(1_000_000);

	private final JsonRpcConnectionSettings settings = JsonRpcConnectionSettings.DEFAULTS.withMemoryBudget(this.budget);

	private final ScriptedHandler handler = new ScriptedHandler();

	private final ManualExecutor executor = new ManualExecutor();

	@Test
	void handlerThatThrowsIsAnsweredWithInternalError() {
		TestJsonRpcConnection connection = connection(Runnable::run);
		connection.receive(call(1, "throws"));
		assertThat(connection.written).containsExactly(error(1, -32603, "Internal error"));
		assertThat(connection.isOpen()).isTrue();
		assertHoldsNothing(connection);
	}

	@Test
	void pendingReplyHoldsNoThreadAndItsLateFailureIsAnsweredWithInternalError() {
		TestJsonRpcConnection connection = connection(this.executor);
		connection.receive(call(1, "pending"));
		// the call ran and returned its future: the executor's thread is free
		this.executor.runAll();
		assertThat(this.executor.tasks).isEmpty();
		assertThat(connection.inFlight()).isOne();
		assertThat(connection.inboundBytes()).isEqualTo(call(1, "pending").length);
		assertThat(connection.isDrained()).isFalse();
		assertThat(connection.written).isEmpty();
		// another call of the connection is answered meanwhile
		connection.receive(call(2, "fast"));
		this.executor.runAll();
		assertThat(connection.written).containsExactly(result(2, "fast"));
		this.handler.pending.get(JsonRpcId.of(1)).completeExceptionally(new IllegalStateException("late"));
		assertThat(connection.written).containsExactly(result(2, "fast"), error(1, -32603, "Internal error"));
		assertHoldsNothing(connection);
	}

	@Test
	void pendingReplyIsWrittenWhenItCompletes() {
		TestJsonRpcConnection connection = connection(this.executor);
		connection.receive(call(1, "pending"));
		this.executor.runAll();
		this.handler.pending.get(JsonRpcId.of(1))
			.complete(JsonRpcReply.single(JsonRpcResponse.success(JsonRpcId.of(1), "done")));
		assertThat(connection.written).containsExactly(result(1, "done"));
		assertHoldsNothing(connection);
		// an answered call cannot be cancelled any more
		assertThat(connection.cancel(JsonRpcId.of(1))).isFalse();
	}

	@Test
	void jvmErrorOfTheHandlerClosesTheConnectionWithoutAnAnswer() {
		TestJsonRpcConnection connection = connection(Runnable::run);
		assertThatThrownBy(() -> connection.receive(call(1, "fatal"))).isInstanceOf(InternalError.class);
		assertThat(connection.closedWith).isEqualTo(JsonRpcCloseReason.OVERLOADED);
		assertThat(connection.written).isEmpty();
		assertHoldsNothing(connection);
	}

	@Test
	void lateJvmErrorClosesTheConnectionWithoutAnAnswerEvenWhenWrapped() {
		for (Throwable failure : List.of(new InternalError("late"), new CompletionException(new InternalError("late")),
				new ExecutionException(new CompletionException(new InternalError("late"))))) {
			TestJsonRpcConnection connection = connection(Runnable::run);
			connection.receive(call(1, "pending"));
			assertThat(connection.inFlight()).isOne();
			this.handler.pending.remove(JsonRpcId.of(1)).completeExceptionally(failure);
			assertThat(connection.closedWith).as(failure.toString()).isEqualTo(JsonRpcCloseReason.OVERLOADED);
			assertThat(connection.written).isEmpty();
			assertHoldsNothing(connection);
		}
		// wrapped around something else: an ordinary failure
		TestJsonRpcConnection connection = connection(Runnable::run);
		connection.receive(call(1, "pending"));
		this.handler.pending.remove(JsonRpcId.of(1))
			.completeExceptionally(new CompletionException(new IllegalStateException("late")));
		assertThat(connection.written).containsExactly(error(1, -32603, "Internal error"));
		assertThat(connection.isOpen()).isTrue();
	}

	@Test
	void notificationIsNotAnsweredAndBatchIsAnsweredOnce() {
		TestJsonRpcConnection connection = connection(Runnable::run);
		connection.receive(bytes("{\"jsonrpc\":\"2.0\",\"method\":\"fast\"}"));
		assertThat(connection.written).isEmpty();
		assertThat(this.handler.handled).hasValue(1);
		connection.receive(bytes("[" + text(1, "a") + "," + text(2, "b") + "]"));
		assertThat(connection.written).containsExactly("[" + result(1, "a") + "," + result(2, "b") + "]");
		// a batch is not one call: it cannot be cancelled by an id
		connection.receive(bytes("[" + text(3, "pending") + "]"));
		assertThat(connection.cancel(JsonRpcId.of(3))).isFalse();
		assertHoldsNothingButOneCall(connection);
	}

	@Test
	void cancelNotificationAnswersTheRunningCallOnceAndIsNotItselfACall() {
		TestJsonRpcConnection connection = connection(Runnable::run);
		connection.receive(call(1, "pending"));
		connection.receive(bytes("{\"jsonrpc\":\"2.0\",\"method\":\"rpc.cancel\",\"params\":{\"id\":1}}"));
		assertThat(connection.written).containsExactly(error(1, -32006, "Request cancelled"));
		assertThat(this.handler.handled).hasValue(1);
		// the call's own answer is not written any more
		this.handler.pending.get(JsonRpcId.of(1))
			.complete(JsonRpcReply.single(JsonRpcResponse.success(JsonRpcId.of(1), "done")));
		assertThat(connection.written).hasSize(1);
		assertHoldsNothing(connection);
		// a cancel of no running call: nothing
		connection.receive(bytes("{\"jsonrpc\":\"2.0\",\"method\":\"rpc.cancel\",\"params\":{\"id\":1}}"));
		assertThat(connection.written).hasSize(1);
		// a cancel in a batch is not a cancel
		connection.receive(call(2, "pending"));
		connection.receive(bytes("[{\"jsonrpc\":\"2.0\",\"method\":\"rpc.cancel\",\"params\":{\"id\":2}}]"));
		assertThat(connection.written).hasSize(1);
		assertThat(connection.cancel(JsonRpcId.of(2))).isTrue();
	}

	@Test
	void receivedCallsAreBoundedInBytesAtExactlyTheLimit() {
		// large enough for the refusal to fit in the outbound limit
		byte[] first = call(1, "pending", "x".repeat(100));
		byte[] second = call(2, "pending", "y".repeat(100));
		TestJsonRpcConnection connection = connection(
				this.settings.withOutboundLimits(1024, first.length + second.length, this.settings.sendTimeLimit()),
				Runnable::run);
		connection.receive(first);
		connection.receive(second);
		assertThat(connection.inboundBytes()).isEqualTo(first.length + second.length);
		assertThat(connection.budgetHolder().heldBytes()).isEqualTo(first.length + second.length);
		assertThat(this.budget.used()).isEqualTo(first.length + second.length);
		assertThat(connection.written).isEmpty();
		TestJsonRpcConnection overByOne = connection(
				this.settings.withOutboundLimits(1024, first.length + second.length - 1, this.settings.sendTimeLimit()),
				Runnable::run);
		overByOne.receive(call(3, "pending", "x".repeat(100)));
		overByOne.receive(call(4, "pending", "y".repeat(100)));
		// the limit refused is the one named
		assertThat(overByOne.written)
			.containsExactly(error(4, -32005, "Too many bytes of calls in flight on this connection (at most "
					+ (first.length + second.length - 1) + " bytes)"));
		assertThat(overByOne.inFlight()).isOne();
		assertThat(overByOne.inboundBytes()).isEqualTo(first.length);
		this.handler.pending.values()
			.forEach((reply) -> reply.complete(JsonRpcReply.single(JsonRpcResponse.success(JsonRpcId.of(9), "x"))));
		assertThat(connection.inboundBytes()).isZero();
		assertThat(overByOne.inboundBytes()).isZero();
		assertThat(this.budget.used()).isZero();
	}

	@Test
	void callTheExecutorRejectsIsAnsweredAsTooBusyAndHoldsNothing() {
		this.executor.rejecting = true;
		TestJsonRpcConnection connection = connection(this.executor);
		connection.receive(call(1, "fast"));
		assertThat(connection.written)
			.containsExactly(error(1, -32005, "Too many calls in flight on this connection (at most 256)"));
		assertHoldsNothing(connection);
		assertThat(this.handler.handled).hasValue(0);
	}

	@Test
	void waitingCallTheExecutorRejectsLaterIsAnsweredAsTooBusy() {
		TestJsonRpcConnection connection = connection(this.settings.withMaxConcurrency(1), this.executor);
		connection.receive(call(1, "fast"));
		connection.receive(call(2, "fast"));
		assertThat(connection.waitingCalls()).isOne();
		assertThat(connection.inFlight()).isEqualTo(2);
		this.executor.rejecting = true;
		this.executor.runNext();
		assertThat(connection.written).containsExactly(result(1, "fast"),
				error(2, -32005, "Too many calls in flight on this connection (at most 256)"));
		assertThat(connection.waitingCalls()).isZero();
		assertHoldsNothing(connection);
	}

	@Test
	void callWaitingForItsTurnWhenTheConnectionClosesNeverRuns() {
		TestJsonRpcConnection connection = connection(this.executor);
		connection.receive(call(1, "fast"));
		connection.close();
		this.executor.runAll();
		assertThat(this.handler.handled).hasValue(0);
		assertThat(connection.written).isEmpty();
		assertHoldsNothing(connection);
	}

	@Test
	void closeInterruptsABlockedCallAndItsThreadIsNotLeftInterrupted() throws Exception {
		CompletableFuture<Boolean> interruptedAfter = new CompletableFuture<>();
		// a thread per call that reports its interrupt status once the call returned
		List<Thread> started = new java.util.concurrent.CopyOnWriteArrayList<>();
		Executor threads = (task) -> {
			Thread thread = new Thread(() -> {
				task.run();
				interruptedAfter.complete(Thread.currentThread().isInterrupted());
			}, "test-call");
			thread.setDaemon(true);
			started.add(thread);
			thread.start();
		};
		TestJsonRpcConnection connection = connection(threads);
		connection.receive(call(1, "blocks"));
		assertThat(this.handler.blocked.await(TestWaits.SHORT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS))
			.isTrue();
		connection.close();
		assertThat(TestWaits.get(this.handler.wasInterrupted)).isTrue();
		assertThat(TestWaits.get(interruptedAfter)).isFalse();
		assertThat(connection.written).isEmpty();
		assertThat(started).hasSize(1);
		started.get(0).join(TestWaits.SHORT.toMillis());
		assertThat(started.get(0).isAlive()).isFalse();
	}

	@Test
	void actionsAfterTheReplyRunOnceItIsQueuedAndWhatTheySendFollowsIt() {
		TestJsonRpcConnection connection = connection(Runnable::run);
		connection.receive(call(1, "after"));
		assertThat(connection.written).containsExactly(result(1, "after"), notification("afterReply"));
		// the action ran once the reply was queued, before it was written
		assertThat(this.handler.writtenWhenActing).hasValue(0);
		assertThat(this.handler.exchanges).hasSize(1);
		// once replied, an action runs at once
		List<String> ran = new ArrayList<>();
		connection.afterReply(this.handler.exchanges.get(0), () -> ran.add("late"));
		assertThat(ran).containsExactly("late");
		// writing goes on: the queue was paused and resumed once
		assertThat(connection.notify("next", null)).isTrue();
		assertThat(connection.written).hasSize(3);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> connection.afterReply(this.handler.exchanges.get(0), null))
			.withMessage("Action is required");
	}

	@Test
	void actionAfterTheReplyOfAnotherSessionsCallRunsAtOnce() {
		TestJsonRpcConnection connection = connection(Runnable::run);
		TestJsonRpcConnection other = connection(Runnable::run);
		connection.receive(call(1, "pending"));
		JsonRpcExchange exchange = this.handler.exchanges.get(0);
		List<String> ran = new ArrayList<>();
		other.afterReply(exchange, () -> ran.add("other"));
		assertThat(ran).containsExactly("other");
		// on its own session it waits for the reply
		connection.afterReply(exchange, () -> ran.add("own"));
		assertThat(ran).containsExactly("other");
		this.handler.pending.get(JsonRpcId.of(1))
			.complete(JsonRpcReply.single(JsonRpcResponse.success(JsonRpcId.of(1), "done")));
		assertThat(ran).containsExactly("other", "own");
	}

	@Test
	void eachMessageGetsItsOwnContextWithThePrincipalOfTheMoment() {
		TestJsonRpcConnection connection = connection(Runnable::run);
		connection.receive(call(1, "fast"));
		Principal user = () -> "user";
		connection.login(user);
		connection.receive(call(2, "fast"));
		assertThat(this.handler.contexts).hasSize(2);
		assertThat(this.handler.contexts.get(0)).isNotSameAs(this.handler.contexts.get(1));
		assertThat(this.handler.contexts.get(0).principal()).isNull();
		assertThat(this.handler.contexts.get(1).principal()).isSameAs(user);
		assertThat(this.handler.contexts.get(1).session()).isSameAs(connection);
		assertThat(this.handler.contexts.get(1).transport()).isEqualTo(JsonRpcTransportContext.Transport.WEBSOCKET);
		assertThat(connection.describes).hasValue(1);
	}

	@Test
	void answerOfTheClientCompletesTheServersCallAndIsNotACall() throws Exception {
		TestJsonRpcConnection connection = connection(Runnable::run);
		CompletableFuture<String> call = connection.call("ask", null, String.class, null);
		assertThat(connection.written).hasSize(1);
		assertThat(connection.written.get(0)).contains("\"id\":\"srv-1\"");
		connection.receive(bytes("{\"jsonrpc\":\"2.0\",\"id\":\"srv-1\",\"result\":\"yes\"}"));
		assertThat(TestWaits.get(call)).isEqualTo("yes");
		assertThat(this.handler.handled).hasValue(0);
		assertThat(connection.written).hasSize(1);
		assertThat(connection.pendingServerRequests()).isZero();
	}

	@Test
	void queueOverItsMessageLimitClosesTheConnectionAsASlowConsumerLater() {
		TestJsonRpcConnection connection = connection(
				this.settings.withOutboundLimits(2, 1 << 20, this.settings.sendTimeLimit()), this.executor);
		connection.stall();
		assertThat(connection.notify("n", 1)).isTrue();
		assertThat(connection.notify("n", 2)).isTrue();
		assertThat(connection.notify("n", 3)).isFalse();
		// closed at once, the callbacks and the transport on the executor
		assertThat(connection.isOpen()).isFalse();
		assertThat(connection.closedWith).isNull();
		this.executor.runAll();
		assertThat(connection.closedWith).isEqualTo(JsonRpcCloseReason.SLOW_CONSUMER);
		assertThat(connection.outboundBytes()).isZero();
		assertThat(this.budget.used()).isZero();
	}

	@Test
	void closeOnASendPathTheExecutorRejectsFinishesAtOnce() {
		TestJsonRpcConnection connection = connection(
				this.settings.withOutboundLimits(1, 1 << 20, this.settings.sendTimeLimit()), this.executor);
		connection.stall();
		this.executor.rejecting = true;
		assertThat(connection.notify("n", 1)).isTrue();
		assertThat(connection.notify("n", 2)).isFalse();
		assertThat(connection.closedWith).isEqualTo(JsonRpcCloseReason.SLOW_CONSUMER);
	}

	@Test
	void failedWriteClosesTheConnectionAsASlowConsumer() {
		TestJsonRpcConnection connection = connection(Runnable::run);
		connection.failWrites = true;
		assertThat(connection.notify("n", 1)).isTrue();
		assertThat(connection.closedWith).isEqualTo(JsonRpcCloseReason.SLOW_CONSUMER);
		assertThat(connection.notify("n", 2)).isFalse();
	}

	@Test
	void budgetHolderHoldsTheQueuedAndReceivedBytesAndShedsByClosingAsOverloaded() {
		TestJsonRpcConnection connection = connection(this.executor);
		connection.stall();
		assertThat(connection.notify("n", 1)).isTrue();
		connection.receive(call(1, "fast"));
		long queued = codec.encodeNotification("n", 1).size();
		assertThat(connection.outboundBytes()).isEqualTo(queued);
		assertThat(connection.budgetHolder().heldBytes()).isEqualTo(queued + call(1, "fast").length);
		connection.budgetHolder().shed();
		assertThat(connection.isOpen()).isFalse();
		this.executor.runAll();
		assertThat(connection.closedWith).isEqualTo(JsonRpcCloseReason.OVERLOADED);
		assertThat(this.budget.used()).isZero();
	}

	@Test
	void streamOfACallIsCancelledByItsIdUntilItCloses() {
		TestJsonRpcConnection connection = connection(Runnable::run);
		connection.receive(call(5, "pending"));
		JsonRpcExchange call = this.handler.exchanges.get(0);
		List<String> ran = new ArrayList<>();
		JsonRpcStreamSink sink = connection.streamSink();
		sink.open(call, () -> ran.add("first stream"));
		// the stream's canceller takes the call's place
		assertThat(connection.cancel(JsonRpcId.of(5))).isTrue();
		assertThat(ran).containsExactly("first stream");
		assertThat(connection.written).isEmpty();
		sink.open(call, () -> ran.add("second stream"));
		assertThat(sink.item(call, "x", () -> ran.add("next"))).isTrue();
		assertThat(connection.written)
			.containsExactly("{\"jsonrpc\":\"2.0\",\"method\":\"rpc.stream\",\"params\":{\"id\":5,\"item\":\"x\"}}");
		sink.close(call);
		assertThat(connection.cancel(JsonRpcId.of(5))).isFalse();
		assertThat(ran).containsExactly("first stream", "next");
		// closing a stream leaves a later call of the same id alone
		sink.open(call, () -> ran.add("third stream"));
		connection.receive(call(5, "pending"));
		sink.close(call);
		assertThat(connection.cancel(JsonRpcId.of(5))).isTrue();
		assertThat(connection.written).hasSize(2);
		assertThat(connection.written.get(1)).isEqualTo(error(5, -32006, "Request cancelled"));
		assertThat(ran).containsExactly("first stream", "next");
		// once closed, items are refused
		connection.close();
		assertThat(sink.item(call, "y", () -> ran.add("never"))).isFalse();
	}

	@Test
	void onlyCallsStream() {
		TestJsonRpcConnection connection = connection(Runnable::run);
		connection.receive(bytes("{\"jsonrpc\":\"2.0\",\"method\":\"fast\"}"));
		JsonRpcExchange notification = this.handler.exchanges.get(0);
		List<String> ran = new ArrayList<>();
		connection.streamSink().open(notification, () -> ran.add("cancelled"));
		connection.streamSink().close(notification);
		assertThatIllegalStateException()
			.isThrownBy(() -> connection.streamSink().item(notification, "x", () -> ran.add("next")))
			.withMessage("Only calls stream");
		connection.close();
		assertThat(ran).isEmpty();
		assertThat(connection.written).isEmpty();
	}

	@Test
	void closeFailsTheServersCallsAtOnceAndRunsEveryCancellerOnce() {
		TestJsonRpcConnection connection = connection(Runnable::run);
		// the default timeout is long: only the close ends this call
		CompletableFuture<String> ask = connection.call("ask", null, String.class, null);
		connection.receive(call(5, "pending"));
		connection.receive(call(6, "pending"));
		List<String> ran = new ArrayList<>();
		connection.streamSink().open(this.handler.exchanges.get(0), () -> {
			throw new IllegalStateException("broken canceller");
		});
		connection.streamSink().open(this.handler.exchanges.get(1), () -> ran.add("stream 6"));
		connection.close();
		assertThat(ask).isCompletedExceptionally();
		assertThatThrownBy(ask::join).hasCauseInstanceOf(JsonRpcSessionClosedException.class)
			.hasMessageContaining("closed before its client answered 'ask'");
		assertThat(connection.pendingServerRequests()).isZero();
		assertThat(ran).containsExactly("stream 6");
		assertThat(connection.cancel(JsonRpcId.of(6))).isFalse();
		assertThat(ran).containsExactly("stream 6");
	}

	@Test
	void receivedMessageKeepsTheConnectionAlive() {
		TestJsonRpcConnection connection = connection(
				this.settings.withKeepAlive(Duration.ofSeconds(1), Duration.ofSeconds(1)), Runnable::run);
		long mark = System.nanoTime();
		// a notification: nothing is written, only the receive counts
		connection.receive(bytes("{\"jsonrpc\":\"2.0\",\"method\":\"fast\"}"));
		connection.checkAlive(mark + Duration.ofSeconds(1).toNanos());
		assertThat(connection.isOpen()).isTrue();
		assertThat(connection.written).isEmpty();
		connection.checkAlive(System.nanoTime() + Duration.ofMillis(1_001).toNanos());
		assertThat(connection.closedWith).isEqualTo(JsonRpcCloseReason.IDLE);
	}

	@Test
	void bufferingTransportIsFlushedWhenNothingMoreIsQueuedAndThenToldIdle() {
		List<String> events = new ArrayList<>();
		TestJsonRpcConnection connection = new TestJsonRpcConnection("b", this.handler, this.settings, Runnable::run) {

			@Override
			protected void write(JsonRpcEncodedMessage message, boolean more, WriteCompletion completion) {
				events.add("write " + message.text() + " more " + more);
				completion.buffered();
			}

			@Override
			protected boolean flush(WriteCompletion completion) {
				events.add("flush");
				completion.completed(null);
				return true;
			}

			@Override
			protected void writesIdle() {
				events.add("idle");
			}

		};
		assertThat(connection.notify("n", null)).isTrue();
		assertThat(events).containsExactly("write " + notification("n") + " more false", "flush", "idle");
		assertThat(connection.outboundMessages()).isZero();
		// a flush the client has not taken yet: the buffered message still counts
		List<WriteCompletion> flushing = new ArrayList<>();
		TestJsonRpcConnection held = new TestJsonRpcConnection("h", this.handler, this.settings, Runnable::run) {

			@Override
			protected void write(JsonRpcEncodedMessage message, boolean more, WriteCompletion completion) {
				completion.buffered();
			}

			@Override
			protected boolean flush(WriteCompletion completion) {
				flushing.add(completion);
				return true;
			}

		};
		assertThat(held.notify("n", null)).isTrue();
		assertThat(flushing).hasSize(1);
		assertThat(held.outboundMessages()).isOne();
		assertThat(held.outboundBytes()).isEqualTo(notification("n").length());
		flushing.get(0).completed(null);
		assertThat(held.outboundMessages()).isZero();
		assertThat(held.outboundBytes()).isZero();
		// a transport that does not buffer reports a write done when buffered
		List<String> completions = new ArrayList<>();
		JsonRpcConnection.WriteCompletion completion = (failure) -> completions.add(String.valueOf(failure));
		completion.buffered();
		assertThat(completions).containsExactly("null");
	}

	private TestJsonRpcConnection connection(Executor executor) {
		return connection(this.settings, executor);
	}

	private TestJsonRpcConnection connection(JsonRpcConnectionSettings settings, Executor executor) {
		return new TestJsonRpcConnection("c", this.handler, settings, executor);
	}

	private void assertHoldsNothing(TestJsonRpcConnection connection) {
		assertThat(connection.inFlight()).isZero();
		assertThat(connection.inboundBytes()).isZero();
		assertThat(connection.outboundBytes()).isZero();
		assertThat(connection.isDrained()).isTrue();
		assertThat(this.budget.used()).isZero();
	}

	private void assertHoldsNothingButOneCall(TestJsonRpcConnection connection) {
		assertThat(connection.inFlight()).isOne();
		assertThat(this.budget.used()).isEqualTo(connection.inboundBytes());
	}

	private static String error(int id, int code, String message) {
		return "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\"},\"id\":" + id
				+ "}";
	}

	/**
	 * A handler that acts by method name: {@code throws} throws, {@code fatal} throws a
	 * JVM error, {@code pending} returns a future the test completes, {@code blocks}
	 * blocks until interrupted, {@code after} adds an action after its reply; any other
	 * call is answered with its method's name.
	 */
	private static final class ScriptedHandler implements JsonRpcHandler {

		final Map<JsonRpcId, CompletableFuture<JsonRpcReply>> pending = new ConcurrentHashMap<>();

		final List<JsonRpcExchange> exchanges = new java.util.concurrent.CopyOnWriteArrayList<>();

		final List<JsonRpcTransportContext> contexts = new java.util.concurrent.CopyOnWriteArrayList<>();

		final AtomicInteger handled = new AtomicInteger();

		final AtomicInteger writtenWhenActing = new AtomicInteger(-1);

		final java.util.concurrent.CountDownLatch blocked = new java.util.concurrent.CountDownLatch(1);

		final CompletableFuture<Boolean> wasInterrupted = new CompletableFuture<>();

		private final JsonRpcHandler answering = JsonRpcHandler.builder((exchange) -> {
			this.exchanges.add(exchange);
			if (exchange.method().equals("after")) {
				exchange.session().afterReply(exchange, () -> {
					this.writtenWhenActing.set(((TestJsonRpcConnection) exchange.session()).written.size());
					exchange.session().notify("afterReply", null);
				});
			}
			if (exchange.method().equals("pending")) {
				CompletableFuture<JsonRpcResponse> response = new CompletableFuture<>();
				return response;
			}
			return CompletableFuture.completedFuture(JsonRpcResponse.success(exchange.id(), exchange.method()));
		}, codec).build();

		@Override
		public CompletableFuture<JsonRpcReply> handle(JsonRpcInbound inbound, JsonRpcTransportContext context) {
			this.handled.incrementAndGet();
			this.contexts.add(context);
			String method = (!inbound.batch() && inbound.entries().get(0) instanceof JsonRpcRequest request)
					? request.method() : "batch";
			switch (method) {
				case "throws" -> throw new IllegalStateException("handler bug");
				case "fatal" -> throw new InternalError("fatal");
				case "pending" -> {
					CompletableFuture<JsonRpcReply> reply = new CompletableFuture<>();
					this.answering.handle(inbound, context);
					this.pending.put(((JsonRpcRequest) inbound.entries().get(0)).id(), reply);
					return reply;
				}
				case "blocks" -> {
					this.blocked.countDown();
					try {
						// only the close ends the wait
						this.wasInterrupted.complete(new java.util.concurrent.CountDownLatch(1)
							.await(TestWaits.SHORT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS));
					}
					catch (InterruptedException ex) {
						this.wasInterrupted.complete(true);
						Thread.currentThread().interrupt();
					}
					return CompletableFuture.completedFuture(JsonRpcReply
						.single(JsonRpcResponse.success(((JsonRpcRequest) inbound.entries().get(0)).id(), "blocked")));
				}
				default -> {
					return this.answering.handle(inbound, context);
				}
			}
		}

		@Override
		public JsonRpcMessageCodec codec() {
			return codec;
		}

	}

}
