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

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * A {@link Flow.Subscriber} for the client's tests that records every signal: the
 * subscription, the items in order, the error, the completion and how many terminal
 * signals arrived. It requests a given number of items on subscribe (none for {@code 0},
 * everything for {@link Long#MAX_VALUE}); the test requests more through
 * {@link #subscription}. Subclass it to act in a signal, calling {@code super} to keep
 * the record.
 *
 * @param <T> the type of items
 * @author JSON-RPC for Spring Boot team
 */
class RecordingSubscriber<T> implements Flow.Subscriber<T> {

	final List<T> items = new CopyOnWriteArrayList<>();

	final AtomicInteger terminalSignals = new AtomicInteger();

	private final long initialRequest;

	volatile Flow.@Nullable Subscription subscription;

	volatile @Nullable Throwable error;

	volatile boolean completed;

	/**
	 * Create a subscriber.
	 * @param initialRequest how many items to request on subscribe, {@code 0} for none
	 */
	RecordingSubscriber(long initialRequest) {
		this.initialRequest = initialRequest;
	}

	@Override
	public void onSubscribe(Flow.Subscription subscription) {
		this.subscription = subscription;
		if (this.initialRequest > 0) {
			subscription.request(this.initialRequest);
		}
	}

	@Override
	public void onNext(T item) {
		this.items.add(item);
	}

	@Override
	public void onError(Throwable throwable) {
		this.error = throwable;
		this.terminalSignals.incrementAndGet();
	}

	@Override
	public void onComplete() {
		this.completed = true;
		this.terminalSignals.incrementAndGet();
	}

	/**
	 * Return the items received so far as text, JSON text for a {@code JsonNode}.
	 * @return the items' {@code toString()}, in order
	 */
	List<String> itemTexts() {
		return this.items.stream().map(String::valueOf).toList();
	}

}
