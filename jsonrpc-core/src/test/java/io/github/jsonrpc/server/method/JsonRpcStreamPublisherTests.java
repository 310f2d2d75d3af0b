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
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JsonRpcStreamPublisher}: items are pulled only as requested, and the
 * stream is closed exactly once when it ends, fails or is cancelled.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcStreamPublisherTests {

	private final AtomicInteger closed = new AtomicInteger();

	private final AtomicInteger pulled = new AtomicInteger();

	@Test
	void deliversExactlyTheRequestedItems() {
		Recorder recorder = subscribe(source(10));
		recorder.subscription.request(1);
		assertThat(recorder.items).containsExactly(0);
		recorder.subscription.request(2);
		assertThat(recorder.items).containsExactly(0, 1, 2);
		assertThat(this.pulled).hasValue(3);
		assertThat(recorder.completed).isZero();
		assertThat(this.closed).hasValue(0);
	}

	@Test
	void completesAndClosesTheStreamWhenItEndsOnceAtDemand() {
		Recorder recorder = subscribe(source(2));
		recorder.subscription.request(2);
		// the end is seen only when one more item is asked for
		assertThat(recorder.items).containsExactly(0, 1);
		assertThat(recorder.completed).isZero();
		recorder.subscription.request(1);
		assertThat(recorder.completed).isEqualTo(1);
		assertThat(this.closed).hasValue(1);
		recorder.subscription.request(1);
		recorder.subscription.cancel();
		assertThat(recorder.completed).isEqualTo(1);
		assertThat(recorder.errors).isEmpty();
		assertThat(this.closed).hasValue(1);
	}

	@Test
	void demandAddsUpWithoutOverflowing() {
		Recorder recorder = subscribe(source(5));
		recorder.subscription.request(Long.MAX_VALUE);
		assertThat(recorder.items).containsExactly(0, 1, 2, 3, 4);
		assertThat(recorder.completed).isEqualTo(1);

		Recorder reentrant = new Recorder((self, item) -> {
			if (self.items.size() == 1) {
				// Long.MAX_VALUE - 1 + Long.MAX_VALUE overflows: the demand saturates
				self.subscription.request(Long.MAX_VALUE);
			}
		});
		new JsonRpcStreamPublisher(source(4)).subscribe(reentrant);
		reentrant.subscription.request(Long.MAX_VALUE);
		assertThat(reentrant.items).containsExactly(0, 1, 2, 3);
		assertThat(reentrant.completed).isEqualTo(1);
		assertThat(reentrant.errors).isEmpty();
	}

	@Test
	void requestFromOnNextAddsDemandWithoutRecursion() {
		AtomicInteger depth = new AtomicInteger();
		List<Integer> depths = new ArrayList<>();
		Recorder recorder = new Recorder((self, item) -> {
			depths.add(depth.incrementAndGet());
			self.subscription.request(1);
			depth.decrementAndGet();
		});
		new JsonRpcStreamPublisher(source(5)).subscribe(recorder);
		recorder.subscription.request(1);
		assertThat(recorder.items).containsExactly(0, 1, 2, 3, 4);
		// every item is pulled by the first request's loop, none from inside onNext
		assertThat(depths).containsOnly(1);
		assertThat(recorder.completed).isEqualTo(1);
		assertThat(this.closed).hasValue(1);
	}

	@Test
	void nonPositiveRequestFailsAndClosesTheStream() {
		for (long n : new long[] { 0, -1 }) {
			this.closed.set(0);
			Recorder recorder = subscribe(source(3));
			recorder.subscription.request(n);
			assertThat(recorder.errors).hasSize(1);
			assertThat(recorder.errors.get(0)).isInstanceOf(IllegalArgumentException.class)
				.hasMessage("Non-positive request " + n);
			assertThat(this.closed).hasValue(1);
			recorder.subscription.request(3);
			assertThat(recorder.items).isEmpty();
			assertThat(this.pulled).hasValue(0);
		}
	}

	@Test
	void cancelClosesTheStreamAndStopsPulling() {
		Recorder recorder = new Recorder((self, item) -> {
			if ((Integer) item == 1) {
				self.subscription.cancel();
			}
		});
		new JsonRpcStreamPublisher(source(10)).subscribe(recorder);
		recorder.subscription.request(5);
		assertThat(recorder.items).containsExactly(0, 1);
		assertThat(this.pulled).hasValue(2);
		assertThat(this.closed).hasValue(1);
		recorder.subscription.cancel();
		recorder.subscription.request(1);
		assertThat(this.closed).hasValue(1);
		assertThat(recorder.completed).isZero();
		assertThat(recorder.errors).isEmpty();
	}

	@Test
	void failureOfTheSourceIsSignalledOnceAndClosesTheStream() {
		IllegalStateException failure = new IllegalStateException("source broke");
		Stream<Integer> failing = Stream.iterate(0, (i) -> {
			if (i == 1) {
				throw failure;
			}
			return i + 1;
		}).onClose(this.closed::incrementAndGet);
		Recorder recorder = subscribe(failing);
		recorder.subscription.request(5);
		assertThat(recorder.items).containsExactly(0, 1);
		assertThat(recorder.errors).containsExactly(failure);
		assertThat(this.closed).hasValue(1);
		recorder.subscription.request(1);
		assertThat(recorder.errors).hasSize(1);
		assertThat(recorder.completed).isZero();
	}

	private Stream<Integer> source(int size) {
		return IntStream.range(0, size)
			.boxed()
			.peek((i) -> this.pulled.incrementAndGet())
			.onClose(this.closed::incrementAndGet);
	}

	private static Recorder subscribe(Stream<?> stream) {
		Recorder recorder = new Recorder((self, item) -> {
		});
		new JsonRpcStreamPublisher(stream).subscribe(recorder);
		assertThat(recorder.subscription).isNotNull();
		return recorder;
	}

	private static final class Recorder implements Flow.Subscriber<Object> {

		private final BiConsumer<Recorder, Object> onItem;

		private final List<Object> items = new ArrayList<>();

		private final List<Throwable> errors = new ArrayList<>();

		private int completed;

		private Flow.Subscription subscription;

		Recorder(BiConsumer<Recorder, Object> onItem) {
			this.onItem = onItem;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
		}

		@Override
		public void onNext(Object item) {
			this.items.add(item);
			this.onItem.accept(this, item);
		}

		@Override
		public void onError(Throwable throwable) {
			this.errors.add(throwable);
		}

		@Override
		public void onComplete() {
			this.completed++;
		}

	}

}
