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

package io.github.jsonrpc.client;

import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;

import org.jspecify.annotations.Nullable;

/**
 * {@link Flow.Publisher} of a topic's notifications: each subscriber gets its own
 * subscription on the server, cancelled with the subscriber's subscription.
 *
 * @param <T> the payload type
 * @author JSON-RPC for Spring Boot team
 */
final class JsonRpcSubscriptionPublisher<T> implements Flow.Publisher<T> {

	private final DefaultJsonRpcClient client;

	private final String topic;

	private final Class<T> type;

	JsonRpcSubscriptionPublisher(DefaultJsonRpcClient client, String topic, Class<T> type) {
		this.client = client;
		this.topic = topic;
		this.type = type;
	}

	@Override
	public void subscribe(Flow.Subscriber<? super T> subscriber) {
		// SubmissionPublisher handles demand and buffering; we only add unsubscribe on
		// cancel
		SubmissionPublisher<T> publisher = new SubmissionPublisher<>();
		CancellingSubscriber<T> cancelling = new CancellingSubscriber<>(subscriber, publisher);
		publisher.subscribe(cancelling);
		try {
			JsonRpcSubscription registration = this.client.subscribe(this.topic, this.type, (item) -> {
				if (item != null) {
					publisher.submit(item);
				}
			});
			cancelling.registration = registration;
			// the subscriber may have cancelled while we were subscribing on the server
			if (cancelling.cancelled) {
				registration.close();
			}
		}
		catch (RuntimeException ex) {
			publisher.closeExceptionally(ex);
		}
	}

	private static final class CancellingSubscriber<T> implements Flow.Subscriber<T> {

		private final Flow.Subscriber<? super T> delegate;

		private final SubmissionPublisher<T> publisher;

		volatile @Nullable JsonRpcSubscription registration;

		volatile boolean cancelled;

		CancellingSubscriber(Flow.Subscriber<? super T> delegate, SubmissionPublisher<T> publisher) {
			this.delegate = delegate;
			this.publisher = publisher;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.delegate.onSubscribe(new Flow.Subscription() {

				@Override
				public void request(long n) {
					subscription.request(n);
				}

				@Override
				public void cancel() {
					CancellingSubscriber.this.cancelled = true;
					subscription.cancel();
					JsonRpcSubscription current = CancellingSubscriber.this.registration;
					if (current != null) {
						current.close();
					}
					CancellingSubscriber.this.publisher.close();
				}

			});
		}

		@Override
		public void onNext(T item) {
			this.delegate.onNext(item);
		}

		@Override
		public void onError(Throwable throwable) {
			this.delegate.onError(throwable);
		}

		@Override
		public void onComplete() {
			this.delegate.onComplete();
		}

	}

}
