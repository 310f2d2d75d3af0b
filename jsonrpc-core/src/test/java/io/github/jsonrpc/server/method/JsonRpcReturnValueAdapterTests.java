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
package io.github.jsonrpc.server.method;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.server.JsonRpcException;
import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.JsonRpcPublisherContext;
import io.github.jsonrpc.server.JsonRpcStreamSink;
import io.github.jsonrpc.server.JsonRpcTransportContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link JsonRpcReturnValueAdapter}'s handling of streams of values.
 */
class JsonRpcReturnValueAdapterTests {

	private static final int MAX = 10_000;

	// A synchronous source (a Stream, Flux.just/range) completes the call before adapt
	// returns: the tests assert that first, so a mutant that never completes a stream
	// fails at once instead of hanging until PIT's timeout; sources that never end are
	// bounded (far beyond the limit) so that a mutant that never cancels them ends too.

	@Test
	void streamsAreCollectedWithoutSink() throws Exception {
		JsonRpcExchange exchange = exchange(null, JsonRpcId.of(1));
		assertThat(JsonRpcReturnValueAdapter.adapt(Stream.of(1, 2, 3), exchange, MAX))
			.isCompletedWithValue(List.of(1, 2, 3));
		assertThat(JsonRpcReturnValueAdapter.adapt(Flux.just("a", "b"), exchange, MAX))
			.isCompletedWithValue(List.of("a", "b"));
		SubmissionPublisher<Integer> publisher = new SubmissionPublisher<>();
		CompletableFuture<@Nullable Object> result = JsonRpcReturnValueAdapter.adapt(publisher, exchange, MAX);
		publisher.submit(7);
		publisher.close();
		assertThat(TestWaits.get(result)).isEqualTo(List.of(7));
	}

	@Test
	void streamsGoToTheSinkWithACountAsResult() throws Exception {
		RecordingSink sink = new RecordingSink();
		CompletableFuture<@Nullable Object> result = JsonRpcReturnValueAdapter
			.adapt(IntStream.rangeClosed(1, 1000).boxed(), exchange(sink, JsonRpcId.of(1)), MAX);
		assertThat(result).isCompletedWithValue(java.util.Map.of("count", 1000L));
		assertThat(sink.items).hasSize(1000).startsWith(1, 2);
		assertThat(sink.closed).isTrue();
		assertThat(
				JsonRpcReturnValueAdapter.adapt(Flux.range(0, 3), exchange(new RecordingSink(), JsonRpcId.of(2)), MAX))
			.isCompletedWithValue(java.util.Map.of("count", 3L));
	}

	@Test
	void publishersAreSubscribedWithThePublisherContextOfTheCall() throws Exception {
		JsonRpcExchange exchange = exchange(null, JsonRpcId.of(1));
		JsonRpcPublisherContext alice = (context) -> context.accept("user", "alice");
		exchange.publisherContext(alice.andThen((context) -> context.accept("user", "bob")));
		Mono<String> mono = Mono.deferContextual((context) -> Mono.just(context.getOrDefault("user", "nobody")));
		assertThat(JsonRpcReturnValueAdapter.adapt(mono, exchange, MAX)
			.get(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("bob");
		Flux<String> flux = Flux.deferContextual((context) -> Flux.just(context.getOrDefault("user", "nobody")));
		assertThat(JsonRpcReturnValueAdapter.adapt(flux, exchange, MAX)
			.get(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(List.of("bob"));
		assertThat(JsonRpcReturnValueAdapter.adapt(mono, exchange(null, JsonRpcId.of(2)), MAX)
			.get(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("nobody");
	}

	@Test
	void publisherContextIsWrittenOnlyForPublishers() throws Exception {
		AtomicInteger written = new AtomicInteger();
		JsonRpcExchange exchange = exchange(null, JsonRpcId.of(1));
		exchange.publisherContext((context) -> written.incrementAndGet());
		assertThat(JsonRpcReturnValueAdapter.adapt("plain", exchange, MAX)).isCompletedWithValue("plain");
		assertThat(JsonRpcReturnValueAdapter.adapt(null, exchange, MAX)).isCompletedWithValue(null);
		assertThat(JsonRpcReturnValueAdapter.adapt(java.util.Optional.of(1), exchange, MAX)).isCompletedWithValue(1);
		assertThat(JsonRpcReturnValueAdapter.adapt(CompletableFuture.completedFuture(2), exchange, MAX))
			.isCompletedWithValue(2);
		assertThat(JsonRpcReturnValueAdapter.adapt(Stream.of(3), exchange, MAX)).isCompletedWithValue(List.of(3));
		assertThat(written).hasValue(0);
		assertThat(JsonRpcReturnValueAdapter.adapt(Mono.just(4), exchange, MAX)).isCompletedWithValue(4);
		assertThat(written).hasValue(1);
		assertThat(JsonRpcReturnValueAdapter.adapt(Flux.just(5), exchange, MAX)).isCompletedWithValue(List.of(5));
		assertThat(written).hasValue(2);
	}

	@Test
	void copiesOfTheExchangeCarryThePublisherContext() {
		JsonRpcExchange exchange = exchange(null, JsonRpcId.of(1));
		JsonRpcPublisherContext publisherContext = (context) -> context.accept("user", "alice");
		exchange.publisherContext(publisherContext);
		assertThat(exchange.withRequest(new JsonRpcRequest(JsonRpcId.of(2), "n", null)).publisherContext())
			.isSameAs(publisherContext);
		assertThat(exchange.withContext(JsonRpcTransportContext.inProcess()).publisherContext())
			.isSameAs(publisherContext);
		assertThat(exchange(null, JsonRpcId.of(3)).publisherContext()).isNull();
	}

	@Test
	void notificationsAreNeverStreamedNorCollected() throws Exception {
		RecordingSink sink = new RecordingSink();
		AtomicInteger produced = new AtomicInteger();
		assertThat(JsonRpcReturnValueAdapter.adapt(Stream.of(1, 2, 3).peek((item) -> produced.incrementAndGet()),
				exchange(sink, null), MAX))
			.isCompletedWithValue(null);
		assertThat(produced).hasValue(3);
		assertThat(sink.items).isEmpty();
	}

	@Test
	void endlessSourceOfANotificationIsCancelledAtTheLimit() throws Exception {
		AtomicBoolean closed = new AtomicBoolean();
		AtomicInteger pulled = new AtomicInteger();
		Stream<Integer> endless = endless(pulled).onClose(() -> closed.set(true));
		assertThat(JsonRpcReturnValueAdapter.adapt(endless, exchange(null, null), 100)).isCompletedWithValue(null);
		assertThat(pulled).hasValue(100);
		assertThat(closed).isTrue();
	}

	@Test
	void collectingMoreThanTheLimitFailsAndCancelsTheSource() {
		AtomicBoolean closed = new AtomicBoolean();
		AtomicInteger pulled = new AtomicInteger();
		Stream<Integer> endless = endless(pulled).onClose(() -> closed.set(true));
		CompletableFuture<@Nullable Object> result = JsonRpcReturnValueAdapter.adapt(endless,
				exchange(null, JsonRpcId.of(1)), 100);
		assertThat(result).isCompletedExceptionally();
		assertThat(pulled).hasValue(101);
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> result.get(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS))
			.havingCause()
			.isInstanceOfSatisfying(JsonRpcException.class, (ex) -> {
				assertThat(ex.getError().code()).isEqualTo(JsonRpcErrorCodes.LIMIT_EXCEEDED);
				assertThat(ex.getError().message()).isEqualTo("Too many items: at most 100 can be collected");
			});
		assertThat(closed).isTrue();
		CompletableFuture<@Nullable Object> flux = JsonRpcReturnValueAdapter.adapt(Flux.range(0, 101),
				exchange(null, JsonRpcId.of(2)), 100);
		assertThat(flux).isCompletedExceptionally();
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> flux.get(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS))
			.withCauseInstanceOf(JsonRpcException.class);
		CompletableFuture<@Nullable Object> atLimit = JsonRpcReturnValueAdapter.adapt(Flux.range(0, 100),
				exchange(null, JsonRpcId.of(3)), 100);
		assertThat(atLimit).isDone();
		assertThat(TestWaits.join(atLimit)).asList().hasSize(100);
	}

	@Test
	void cancelClosesTheSourceAndFailsWithRequestCancelled() {
		RecordingSink sink = new RecordingSink();
		AtomicBoolean closed = new AtomicBoolean();
		sink.cancelAfter = 2;
		CompletableFuture<@Nullable Object> result = JsonRpcReturnValueAdapter.adapt(
				IntStream.range(0, 100).boxed().onClose(() -> closed.set(true)), exchange(sink, JsonRpcId.of(1)), MAX);
		assertThat(result).isCompletedExceptionally();
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> result.get(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS))
			.havingCause()
			.isInstanceOfSatisfying(JsonRpcException.class,
					(ex) -> assertThat(ex.getError().code()).isEqualTo(JsonRpcErrorCodes.REQUEST_CANCELLED));
		assertThat(closed).isTrue();
		assertThat(sink.items).hasSize(2);
		assertThat(sink.closed).isTrue();
	}

	@Test
	void fullSinkCancelsTheSourceAndFailsWithLimitExceeded() {
		RecordingSink sink = new RecordingSink();
		sink.refuseAfter = 3;
		AtomicBoolean closed = new AtomicBoolean();
		CompletableFuture<@Nullable Object> result = JsonRpcReturnValueAdapter.adapt(
				IntStream.range(0, 100).boxed().onClose(() -> closed.set(true)), exchange(sink, JsonRpcId.of(1)), MAX);
		assertThat(result).isCompletedExceptionally();
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(result::get)
			.havingCause()
			.isInstanceOfSatisfying(JsonRpcException.class, (ex) -> {
				assertThat(ex.getError().code()).isEqualTo(JsonRpcErrorCodes.LIMIT_EXCEEDED);
				assertThat(ex.getError().message()).isEqualTo("Outbound queue full, stream cancelled");
			});
		assertThat(sink.items).hasSize(3);
		assertThat(closed).isTrue();
		assertThat(sink.closed).isTrue();
	}

	@Test
	void errorMidStreamFailsTheResult() {
		RecordingSink sink = new RecordingSink();
		CompletableFuture<@Nullable Object> result = JsonRpcReturnValueAdapter.adapt(
				Flux.just(1).concatWith(Flux.error(new IllegalStateException("boom"))), exchange(sink, JsonRpcId.of(1)),
				MAX);
		assertThat(result).isCompletedExceptionally();
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> result.get(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS))
			.withCauseInstanceOf(IllegalStateException.class);
		assertThat(sink.items).containsExactly(1);
		assertThat(sink.closed).isTrue();
	}

	/**
	 * A source that would run for a long time unless cancelled, counting what is pulled
	 * from it.
	 */
	private static Stream<Integer> endless(AtomicInteger pulled) {
		return Stream.iterate(0, (i) -> i + 1).limit(10_000).peek((i) -> pulled.incrementAndGet());
	}

	private static JsonRpcExchange exchange(@Nullable JsonRpcStreamSink sink, @Nullable JsonRpcId id) {
		JsonRpcTransportContext.Builder context = JsonRpcTransportContext
			.builder(JsonRpcTransportContext.Transport.WEBSOCKET);
		context.streamSink(sink);
		return JsonRpcExchange.of(new JsonRpcRequest(id, "m", null), context.build());
	}

	private static final class RecordingSink implements JsonRpcStreamSink {

		final List<@Nullable Object> items = new ArrayList<>();

		final AtomicReference<Runnable> cancel = new AtomicReference<>();

		int cancelAfter = -1;

		int refuseAfter = -1;

		boolean closed;

		@Override
		public void open(JsonRpcExchange exchange, Runnable cancel) {
			this.cancel.set(cancel);
		}

		@Override
		public boolean item(JsonRpcExchange exchange, @Nullable Object item, Runnable requestNext) {
			this.items.add(item);
			if (this.items.size() == this.refuseAfter) {
				return false;
			}
			if (this.items.size() == this.cancelAfter) {
				this.cancel.get().run();
				return true;
			}
			requestNext.run();
			return true;
		}

		@Override
		public void close(JsonRpcExchange exchange) {
			this.closed = true;
		}

	}

}
