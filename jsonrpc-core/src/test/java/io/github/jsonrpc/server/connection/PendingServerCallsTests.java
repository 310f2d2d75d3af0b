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

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.protocol.JsonRpcEncodedMessage;
import io.github.jsonrpc.protocol.JsonRpcError;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import io.github.jsonrpc.server.JsonRpcSessionCallException;
import io.github.jsonrpc.server.JsonRpcSessionClosedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PendingServerCalls}.
 *
 * @author JSON-RPC for Spring Boot team
 */
class PendingServerCallsTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final JsonRpcMessageCodec codec = JsonRpcMessageCodec.create(this.mapper);

	private final List<String> sent = new ArrayList<>();

	private final PendingServerCalls calls = new PendingServerCalls("s1", this.codec, 2, Duration.ofSeconds(30),
			Runnable::run);

	private <T> CompletableFuture<T> call(String method, Object params, Class<T> type) {
		return this.calls.call(method, params, type, null, this::send);
	}

	private boolean send(JsonRpcEncodedMessage message) {
		this.sent.add(message.text());
		return true;
	}

	@Test
	void callsGetIdsOfTheServersOwnSpace() {
		call("a", null, String.class);
		call("b", List.of(1), String.class);
		assertThat(this.sent).containsExactly("{\"jsonrpc\":\"2.0\",\"method\":\"a\",\"id\":\"srv-1\"}",
				"{\"jsonrpc\":\"2.0\",\"method\":\"b\",\"params\":[1],\"id\":\"srv-2\"}");
	}

	@Test
	void answerCompletesTheCallWithTheConvertedResult() throws Exception {
		CompletableFuture<Integer> call = call("a", null, Integer.class);
		assertThat(this.calls.complete(JsonRpcResponse.success(JsonRpcId.of("srv-1"), this.mapper.readTree("42"))))
			.isTrue();
		assertThat(call.get(1, TimeUnit.SECONDS)).isEqualTo(42);
		assertThat(this.calls.size()).isZero();
		// a second answer to the same call completes nothing
		assertThat(this.calls.complete(JsonRpcResponse.success(JsonRpcId.of("srv-1"), this.mapper.readTree("43"))))
			.isFalse();
	}

	@Test
	void resultOfTheWrongTypeFailsTheCall() {
		CompletableFuture<Integer> call = call("a", null, Integer.class);
		this.calls.complete(JsonRpcResponse.success(JsonRpcId.of("srv-1"), this.mapper.readTree("{\"x\":1}")));
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> TestWaits.get(call))
			.withCauseInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void errorAnswerFailsTheCallWithTheError() {
		CompletableFuture<Integer> call = call("a", null, Integer.class);
		this.calls
			.complete(JsonRpcResponse.failure(JsonRpcId.of("srv-1"), JsonRpcError.of(-32601, "Method not found")));
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> TestWaits.get(call))
			.havingCause()
			.isInstanceOfSatisfying(JsonRpcSessionCallException.class, (ex) -> {
				assertThat(ex.getCode()).isEqualTo(-32601);
				assertThat(ex.getMethod()).isEqualTo("a");
			});
	}

	@Test
	void answerToNoPendingCallIsDropped() {
		assertThat(this.calls.complete(JsonRpcResponse.success(JsonRpcId.of("srv-9"), null))).isFalse();
		// a client's own id space never matches
		call("a", null, Integer.class);
		assertThat(this.calls.complete(JsonRpcResponse.success(JsonRpcId.of(1), null))).isFalse();
		assertThat(this.calls.size()).isOne();
	}

	@Test
	void timedOutCallIsForgottenAndItsLateAnswerDropped() {
		CompletableFuture<String> call = this.calls.call("a", null, String.class, Duration.ofMillis(10), this::send);
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> call.get(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS))
			.withCauseInstanceOf(TimeoutException.class);
		assertThat(this.calls.size()).isZero();
		assertThat(this.calls.complete(JsonRpcResponse.success(JsonRpcId.of("srv-1"), null))).isFalse();
	}

	@Test
	void callWithATimeoutOfForeverIsAnsweredAndFreesItsSlot() throws Exception {
		// ChronoUnit.FOREVER: Duration.toNanos() throws for it
		Duration forever = ChronoUnit.FOREVER.getDuration();
		for (int i = 1; i <= 3; i++) {
			CompletableFuture<Integer> call = this.calls.call("a", null, Integer.class, forever, this::send);
			assertThat(this.calls.size()).isOne();
			assertThat(
					this.calls.complete(JsonRpcResponse.success(JsonRpcId.of("srv-" + i), this.mapper.readTree("7"))))
				.isTrue();
			assertThat(TestWaits.get(call)).isEqualTo(7);
			assertThat(this.calls.size()).isZero();
		}
		// the limit of 2 still holds for such calls
		this.calls.call("b", null, String.class, forever, this::send);
		this.calls.call("c", null, String.class, forever, this::send);
		CompletableFuture<String> third = this.calls.call("d", null, String.class, forever, this::send);
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> TestWaits.get(third))
			.withCauseInstanceOf(RejectedExecutionException.class);
		assertThat(this.calls.size()).isEqualTo(2);
	}

	@Test
	void defaultTimeoutOfForeverIsAppliedWithoutFailingTheCall() throws Exception {
		PendingServerCalls patient = new PendingServerCalls("s3", this.codec, 1, ChronoUnit.FOREVER.getDuration(),
				Runnable::run);
		CompletableFuture<Integer> call = patient.call("a", null, Integer.class, null, this::send);
		assertThat(patient.complete(JsonRpcResponse.success(JsonRpcId.of("srv-1"), this.mapper.readTree("8"))))
			.isTrue();
		assertThat(TestWaits.get(call)).isEqualTo(8);
		assertThat(patient.size()).isZero();
		assertThat(patient.call("b", null, Integer.class, null, this::send)).isNotDone();
	}

	@Test
	void pendingCallsAreBounded() {
		call("a", null, String.class);
		CompletableFuture<String> second = call("b", null, String.class);
		CompletableFuture<String> third = call("c", null, String.class);
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> TestWaits.get(third))
			.withCauseInstanceOf(RejectedExecutionException.class);
		assertThat(this.sent).hasSize(2);
		second.cancel(false);
		assertThat(call("d", null, String.class)).isNotDone();
	}

	@Test
	void closeFailsEveryPendingCallAndEveryLaterOne() {
		CompletableFuture<String> first = call("a", null, String.class);
		CompletableFuture<String> second = call("b", null, String.class);
		this.calls.close();
		for (CompletableFuture<String> call : List.of(first, second, call("c", null, String.class))) {
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> TestWaits.get(call))
				.withCauseInstanceOf(JsonRpcSessionClosedException.class);
		}
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> TestWaits.get(second))
			.havingCause()
			.withMessageEndingWith("closed before its client answered 'b'");
		assertThat(this.calls.size()).isZero();
	}

	@Test
	void callWhoseParamsCannotBeWrittenFailsAndIsNotPending() {
		CompletableFuture<String> call = call("a", new Unwritable(), String.class);
		assertThat(call).isCompletedExceptionally();
		assertThat(this.sent).isEmpty();
		assertThat(this.calls.size()).isZero();
		// its slot is free again
		assertThat(call("b", null, String.class)).isNotDone();
		assertThat(call("c", null, String.class)).isNotDone();
	}

	@Test
	void answerIsDeliveredOnTheAnsweringThreadWhenTheExecutorRejects() throws Exception {
		PendingServerCalls rejecting = new PendingServerCalls("s2", this.codec, 2, Duration.ofSeconds(30), (task) -> {
			throw new RejectedExecutionException("shut down");
		});
		CompletableFuture<Integer> call = rejecting.call("a", null, Integer.class, null, this::send);
		assertThat(rejecting.complete(JsonRpcResponse.success(JsonRpcId.of("srv-1"), this.mapper.readTree("7"))))
			.isTrue();
		assertThat(call).isCompletedWithValue(7);
	}

	@Test
	void callThatCannotBeSentFailsAsClosed() {
		CompletableFuture<String> call = this.calls.call("a", null, String.class, null, (message) -> false);
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> TestWaits.get(call))
			.withCauseInstanceOf(JsonRpcSessionClosedException.class);
		assertThat(this.calls.size()).isZero();
	}

	/**
	 * A value whose serialization fails.
	 */
	static final class Unwritable {

		public String getValue() {
			throw new IllegalStateException("cannot be written");
		}

	}

}
