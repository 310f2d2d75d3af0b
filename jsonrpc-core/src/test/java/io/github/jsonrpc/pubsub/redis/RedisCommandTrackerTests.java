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
package io.github.jsonrpc.pubsub.redis;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RedisCommandTracker}'s rules, on a clock of the test's own (so that
 * the timeout and the warning interval are exact, and nothing waits) and with commands
 * the test completes: what Redis answering, failing or staying silent looks like to it.
 * What a real Redis going away does is in {@link RedisJsonRpcPubSubBackendOutageTests}.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisCommandTrackerTests {

	private static final long SECOND = Duration.ofSeconds(1).toNanos();

	private final AtomicLong clock = new AtomicLong(1_000 * SECOND);

	private final RedisCommandTracker tracker = new RedisCommandTracker(Duration.ofSeconds(1), 100, this.clock::get);

	private final AtomicInteger pings = new AtomicInteger();

	@Test
	void commandsLeftUnansweredLongerThanTheTimeoutMakeRedisUnavailable(CapturedOutput output) {
		Sinks.Empty<Void> command = send(10);
		Supplier<Mono<String>> silent = ping(Mono.never());
		this.clock.addAndGet(SECOND);
		// exactly the timeout: still available
		assertThat(this.tracker.isAvailable(silent)).isTrue();
		assertThat(this.pings).hasValue(0);
		this.clock.incrementAndGet();
		assertThat(this.tracker.isAvailable(silent)).isFalse();
		assertThat(this.tracker.isAvailable()).isFalse();
		assertThat(this.tracker.lastFailure()).isEqualTo("waiting for Redis: no answer within 1000 ms");
		assertThat(output)
			.containsOnlyOnce("Redis is unavailable (waiting for Redis failed: no answer within 1000 ms); "
					+ "publications are delivered on this instance only until it answers again");
		// one PING at a time probes it
		assertThat(this.pings).hasValue(1);
		assertThat(this.tracker.isAvailable(silent)).isFalse();
		assertThat(this.pings).hasValue(1);
		// what waited is answered at last: available again, logged once
		command.tryEmitEmpty();
		assertThat(this.tracker.isAvailable()).isTrue();
		assertThat(output).containsOnlyOnce("Redis answers again: publications reach every instance");
		this.tracker.answered();
		assertThat(output).containsOnlyOnce("Redis answers again");
	}

	@Test
	void nothingWaitingIsNoOutageHoweverLongRedisWasQuiet() {
		this.clock.addAndGet(60 * SECOND);
		assertThat(this.tracker.isAvailable(ping(Mono.never()))).isTrue();
		// the time of a command starts when it is sent, not at the last answer
		send(10);
		this.clock.addAndGet(SECOND);
		assertThat(this.tracker.isAvailable(ping(Mono.never()))).isTrue();
		this.clock.incrementAndGet();
		assertThat(this.tracker.isAvailable(ping(Mono.never()))).isFalse();
	}

	@Test
	void aBacklogRedisWorksThroughIsNoOutage() {
		Sinks.Empty<Void> first = send(10);
		this.clock.addAndGet(SECOND / 2);
		// sent behind the first one: its time runs from the first one's
		send(10);
		this.clock.addAndGet(SECOND / 2 + 1);
		assertThat(this.tracker.isAvailable(ping(Mono.never()))).isFalse();
		first.tryEmitEmpty();
		assertThat(this.tracker.isAvailable()).isTrue();
		// each answer restarts the wait of those still waiting
		this.clock.addAndGet(SECOND);
		assertThat(this.tracker.isAvailable(ping(Mono.never()))).isTrue();
		this.clock.incrementAndGet();
		assertThat(this.tracker.isAvailable(ping(Mono.never()))).isFalse();
	}

	@Test
	void probeThatFailsOrEndsWithoutAnswerIsSentAgainAndOneThatAnswersEndsTheOutage(CapturedOutput output) {
		this.tracker.failed("PING", "refused");
		assertThat(this.tracker.isAvailable(ping(Mono.error(new IllegalStateException("refused"))))).isFalse();
		assertThat(this.tracker.isAvailable(ping(Mono.empty()))).isFalse();
		assertThat(this.pings).hasValue(2);
		assertThat(this.tracker.isAvailable(ping(Mono.just("PONG")))).isTrue();
		assertThat(this.pings).hasValue(3);
		assertThat(output).containsOnlyOnce("Redis answers again");
		// a later outage is probed again
		this.tracker.failed("PING", "refused again");
		assertThat(this.tracker.isAvailable(ping(Mono.just("PONG")))).isTrue();
		assertThat(this.pings).hasValue(4);
		assertThat(this.tracker.lastFailure()).isEqualTo("PING: refused again");
		assertThat(output).containsOnlyOnce("Redis is unavailable (PING failed: refused); ")
			.containsOnlyOnce("Redis is unavailable (PING failed: refused again); ");
	}

	@Test
	void atMostOnePingWaitsForRedisWhetherItProbesOrChecks() {
		Sinks.One<String> pong = Sinks.one();
		Supplier<Mono<String>> waiting = ping(pong.asMono());
		CompletableFuture<@Nullable String> first = this.tracker.ping(waiting);
		// a health check during an outage waits for the same PING, so does a probe
		assertThat(this.tracker.ping(waiting)).isSameAs(first);
		this.tracker.failed("PING", "no answer");
		assertThat(this.tracker.isAvailable(waiting)).isFalse();
		assertThat(this.tracker.ping(waiting)).isSameAs(first);
		assertThat(this.pings).hasValue(1);
		assertThat(first).isNotDone();
		// answered: Redis is available before whoever waits for the PING sees its answer
		CompletableFuture<Boolean> availableWhenAnswered = first.thenApply((answer) -> this.tracker.isAvailable());
		pong.tryEmitValue("PONG");
		assertThat(first).isCompletedWithValue("PONG");
		assertThat(availableWhenAnswered).isCompletedWithValue(true);
		assertThat(this.tracker.isAvailable()).isTrue();
		// completed: the next one is sent, and one that ends without an answer is none
		CompletableFuture<@Nullable String> empty = this.tracker.ping(ping(Mono.empty()));
		assertThat(empty).isNotSameAs(first).isCompletedWithValue(null);
		assertThat(this.pings).hasValue(2);
		this.tracker.failed("PING", "refused");
		CompletableFuture<@Nullable String> failed = this.tracker
			.ping(ping(Mono.error(new IllegalStateException("refused"))));
		assertThat(failed).isCompletedExceptionally();
		assertThat(this.tracker.isAvailable()).isFalse();
		assertThat(this.tracker.ping(ping(Mono.just("PONG")))).isCompletedWithValue("PONG");
		assertThat(this.pings).hasValue(4);
		assertThat(this.tracker.isAvailable()).isTrue();
	}

	@Test
	void bytesWaitingAreBoundedAtExactlyTheMaximum() {
		Sinks.Empty<Void> first = send(60);
		assertThat(this.tracker.reserve(41)).isFalse();
		Sinks.Empty<Void> second = send(40);
		assertThat(this.tracker.reserve(1)).isFalse();
		assertThat(this.tracker.reserve(1)).isFalse();
		// refused reservations hold nothing; answered or failed commands release theirs
		first.tryEmitEmpty();
		assertThat(this.tracker.reserve(61)).isFalse();
		assertThat(this.tracker.reserve(60)).isTrue();
		this.tracker.send(Mono.error(new IllegalStateException("gone")), 60, () -> "publication");
		second.tryEmitError(new IllegalStateException("gone"));
		assertThat(this.tracker.reserve(100)).isTrue();
	}

	@Test
	void failedCommandMakesRedisUnavailableAtOnce(CapturedOutput output) {
		assertThat(this.tracker.reserve(10)).isTrue();
		this.tracker.send(Mono.error(new IllegalStateException("NOPERM")), 10, () -> "publication on topic 'a'");
		assertThat(this.tracker.isAvailable()).isFalse();
		assertThat(this.tracker.lastFailure())
			.isEqualTo("sending publication on topic 'a': java.lang.IllegalStateException: NOPERM");
		assertThat(output).contains("Redis is unavailable (sending publication on topic 'a' failed: "
				+ "java.lang.IllegalStateException: NOPERM)");
		// an answered command, Redis answers again
		assertThat(this.tracker.reserve(10)).isTrue();
		this.tracker.send(Mono.just(1L), 10, () -> "publication on topic 'a'");
		assertThat(this.tracker.isAvailable()).isTrue();
		assertThat(this.tracker.lastFailure())
			.isEqualTo("sending publication on topic 'a': java.lang.IllegalStateException: NOPERM");
	}

	@Test
	void readLeftUnansweredMakesRedisUnavailableUnlessRedisAnsweredMeanwhile() {
		long sent = this.tracker.now();
		this.clock.addAndGet(SECOND);
		this.tracker.answered();
		this.tracker.unanswered("reading", sent);
		assertThat(this.tracker.isAvailable()).isTrue();
		// nothing answered since it was sent, not even at that very time
		this.tracker.unanswered("reading", this.tracker.now());
		assertThat(this.tracker.isAvailable()).isFalse();
		assertThat(this.tracker.lastFailure()).isEqualTo("reading: no answer within 1000 ms");
	}

	@Test
	void warningsAreLoggedAtMostOncePerTenSecondsWithTheCountOfThoseLeftOut(CapturedOutput output) {
		this.tracker.warn("Warning first");
		this.clock.addAndGet(9 * SECOND);
		this.tracker.warn("Warning second");
		this.tracker.warn("Warning third");
		this.clock.addAndGet(SECOND - 1);
		this.tracker.warn("Warning fourth");
		this.clock.incrementAndGet();
		this.tracker.warn("Warning fifth");
		this.clock.addAndGet(10 * SECOND);
		this.tracker.warn("Warning sixth");
		assertThat(output).containsOnlyOnce("Warning first")
			.containsOnlyOnce("Warning fifth (3 similar warnings suppressed)")
			.containsOnlyOnce("Warning sixth")
			.doesNotContain("Warning second", "Warning third", "Warning fourth", "Warning sixth (");
	}

	private Sinks.Empty<Void> send(long size) {
		assertThat(this.tracker.reserve(size)).isTrue();
		Sinks.Empty<Void> command = Sinks.empty();
		this.tracker.send(command.asMono(), size, () -> "command");
		return command;
	}

	private Supplier<Mono<String>> ping(Mono<String> answer) {
		return () -> {
			this.pings.incrementAndGet();
			return answer;
		};
	}

}
