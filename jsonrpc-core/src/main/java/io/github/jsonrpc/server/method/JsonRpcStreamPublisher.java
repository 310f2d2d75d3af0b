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

import java.util.Iterator;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A {@link Flow.Publisher} over a {@link Stream}, for a single subscriber: items are
 * pulled on the thread that requests them, the stream is closed when it ends, fails or is
 * cancelled.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class JsonRpcStreamPublisher implements Flow.Publisher<Object> {

	private final Stream<?> stream;

	JsonRpcStreamPublisher(Stream<?> stream) {
		this.stream = stream;
	}

	@Override
	public void subscribe(Flow.Subscriber<? super Object> subscriber) {
		subscriber.onSubscribe(new StreamSubscription(this.stream, subscriber));
	}

	private static final class StreamSubscription implements Flow.Subscription {

		private final Stream<?> stream;

		private final Iterator<?> iterator;

		private final Flow.Subscriber<? super Object> subscriber;

		private final AtomicLong demand = new AtomicLong();

		private final AtomicInteger wip = new AtomicInteger();

		private final AtomicBoolean terminated = new AtomicBoolean();

		StreamSubscription(Stream<?> stream, Flow.Subscriber<? super Object> subscriber) {
			this.stream = stream;
			this.iterator = stream.iterator();
			this.subscriber = subscriber;
		}

		@Override
		public void request(long n) {
			if (n <= 0) {
				terminate();
				this.subscriber.onError(new IllegalArgumentException("Non-positive request " + n));
				return;
			}
			this.demand.getAndAccumulate(n, (current, add) -> (current + add < 0) ? Long.MAX_VALUE : current + add);
			drain();
		}

		private void drain() {
			// items are pulled by one thread at a time; re-entrant requests only add
			// demand
			if (this.wip.getAndIncrement() != 0) {
				return;
			}
			int missed = 1;
			do {
				while (this.demand.get() > 0 && !this.terminated.get()) {
					try {
						if (!this.iterator.hasNext()) {
							if (terminate()) {
								this.subscriber.onComplete();
							}
							return;
						}
						Object item = this.iterator.next();
						this.demand.decrementAndGet();
						this.subscriber.onNext(item);
					}
					catch (RuntimeException ex) {
						if (terminate()) {
							this.subscriber.onError(ex);
						}
						return;
					}
				}
				missed = this.wip.addAndGet(-missed);
			}
			while (missed != 0);
		}

		@Override
		public void cancel() {
			terminate();
		}

		private boolean terminate() {
			if (this.terminated.compareAndSet(false, true)) {
				this.stream.close();
				return true;
			}
			return false;
		}

	}

}
