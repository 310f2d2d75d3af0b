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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.jsonrpc.protocol.JsonRpcError;
import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import io.github.jsonrpc.server.JsonRpcException;
import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.JsonRpcStreamSink;
import org.jspecify.annotations.Nullable;

/**
 * Subscribes to the stream of values a method returned: collects them into a list, or,
 * with a {@link JsonRpcStreamSink}, hands them to the sink one at a time (requesting the
 * next item only once the previous one was queued) and completes with {@code {"count":
 * n}}.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class JsonRpcStreamingSubscriber implements Flow.Subscriber<Object> {

	private final JsonRpcExchange exchange;

	private final @Nullable JsonRpcStreamSink sink;

	private final CompletableFuture<@Nullable Object> result = new CompletableFuture<>();

	private final List<@Nullable Object> items = Collections.synchronizedList(new ArrayList<>());

	private final AtomicBoolean done = new AtomicBoolean();

	private volatile Flow.@Nullable Subscription subscription;

	private volatile long count;

	private final int maxCollectedItems;

	JsonRpcStreamingSubscriber(JsonRpcExchange exchange, @Nullable JsonRpcStreamSink sink, int maxCollectedItems) {
		this.exchange = exchange;
		this.sink = sink;
		this.maxCollectedItems = maxCollectedItems;
	}

	CompletableFuture<@Nullable Object> result() {
		return this.result;
	}

	@Override
	public void onSubscribe(Flow.Subscription subscription) {
		this.subscription = subscription;
		if (this.sink == null) {
			subscription.request(Long.MAX_VALUE);
			return;
		}
		this.sink.open(this.exchange, () -> fail(new JsonRpcException(JsonRpcErrorCodes.REQUEST_CANCELLED,
				JsonRpcErrorCodes.defaultMessage(JsonRpcErrorCodes.REQUEST_CANCELLED)), true));
		subscription.request(1);
	}

	@Override
	public void onNext(Object item) {
		if (this.done.get()) {
			return;
		}
		if (this.sink == null) {
			collect(item);
			return;
		}
		this.count++;
		if (!this.sink.item(this.exchange, item, this::requestNext)) {
			fail(new JsonRpcException(JsonRpcErrorCodes.LIMIT_EXCEEDED, "Outbound queue full, stream cancelled"), true);
		}
	}

	private void collect(Object item) {
		// never hold more than the limit: an endless source must not grow the heap
		if (this.exchange.request().isNotification()) {
			// nobody will read the items of a notification: consume up to the limit, keep
			// none
			if (++this.count >= this.maxCollectedItems) {
				finishNotification();
			}
			return;
		}
		if (this.items.size() >= this.maxCollectedItems) {
			fail(new JsonRpcException(JsonRpcErrorCodes.LIMIT_EXCEEDED,
					"Too many items: at most " + this.maxCollectedItems + " can be collected"), true);
			return;
		}
		// the budget is shared by every call of a batch: a batch must not multiply the
		// per-call limit
		if (!this.exchange.replyBudget().charge(item)) {
			fail(new JsonRpcException(JsonRpcError.replyTooLarge(this.exchange.replyBudget().maxBytes())), true);
			return;
		}
		this.items.add(item);
	}

	private void finishNotification() {
		if (this.done.compareAndSet(false, true)) {
			Flow.Subscription current = this.subscription;
			if (current != null) {
				current.cancel();
			}
			this.result.complete(null);
		}
	}

	private void requestNext() {
		Flow.Subscription current = this.subscription;
		if (current != null && !this.done.get()) {
			current.request(1);
		}
	}

	@Override
	public void onError(Throwable throwable) {
		fail(throwable, false);
	}

	@Override
	public void onComplete() {
		if (this.done.compareAndSet(false, true)) {
			if (this.sink == null) {
				this.result.complete(this.exchange.request().isNotification() ? null : new ArrayList<>(this.items));
				return;
			}
			this.sink.close(this.exchange);
			this.result.complete(Map.of("count", this.count));
		}
	}

	private void fail(Throwable ex, boolean cancelUpstream) {
		if (this.done.compareAndSet(false, true)) {
			Flow.Subscription current = this.subscription;
			if (cancelUpstream && current != null) {
				current.cancel();
			}
			if (this.sink != null) {
				this.sink.close(this.exchange);
			}
			this.result.completeExceptionally(ex);
		}
	}

}
