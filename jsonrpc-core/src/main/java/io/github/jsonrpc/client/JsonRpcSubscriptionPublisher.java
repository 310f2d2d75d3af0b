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
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

/**
 * {@link Flow.Publisher} of a topic's notifications: each subscriber gets its own
 * subscription on the server, ended when the subscriber cancels or falls behind by more
 * than {@link JsonRpcClient.Builder#maxBufferedBytes(long)} of notifications received and
 * not yet delivered. The thread that reads the connection offers each notification to the
 * subscriber's buffer; the subscriber gets them on the client's
 * {@link JsonRpcClient.Builder#deliveryExecutor(java.util.concurrent.Executor) delivery
 * executor}, never on that thread.
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
		AtomicReference<@Nullable JsonRpcSubscription> registration = new AtomicReference<>();
		BoundedItemPublisher<T> items = new BoundedItemPublisher<>(this.client.maxBufferedBytes(),
				"notifications of topic '" + this.topic + "'", this.client.deliveryExecutor(), () -> {
					JsonRpcSubscription current = registration.getAndSet(null);
					if (current != null) {
						current.close();
					}
				});
		items.subscribe(subscriber);
		try {
			// on the thread that reads the connection, charged at the message's size: a
			// subscriber that does not keep up is detected there
			JsonRpcSubscription subscription = this.client.subscriptions()
				.subscribeDirect(this.topic, (params, messageBytes) -> {
					if (!params.isNull() && !params.isMissingNode() && !items.isClosed()) {
						T item = this.client.convertPayload(params, this.type);
						if (item != null) {
							items.offer(item, messageBytes);
						}
					}
				});
			registration.set(subscription);
			// the subscriber may have cancelled while we were subscribing on the server
			if (items.isClosed() && registration.compareAndSet(subscription, null)) {
				subscription.close();
			}
		}
		catch (RuntimeException ex) {
			items.fail(ex);
		}
	}

}
