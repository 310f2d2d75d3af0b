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
package io.github.jsonrpc.pubsub;

import org.jspecify.annotations.Nullable;

import io.github.jsonrpc.protocol.JsonRpcEncodedMessage;

/**
 * SPI of the part of publish/subscribe that carries publications between the instances of
 * an application. "Who is subscribed here" stays in each instance's
 * {@link JsonRpcSubscriptionRegistry}; a backend only takes what one instance publishes
 * and hands it to the {@link Receiver} of every instance (this one included), once.
 *
 * <p>
 * The default backend, {@link InProcessJsonRpcPubSubBackend}, hands publications straight
 * to this instance's receiver. A backend for several instances (Redis, a message broker)
 * is a bean of this type: the auto-configuration uses it instead. Messages arrive already
 * encoded: a backend moves bytes ({@link JsonRpcEncodedMessage#toByteArray()},
 * {@link JsonRpcEncodedMessage#wrap(byte[])}) and never serializes payloads itself.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 * @see DefaultJsonRpcPublisher
 */
public interface JsonRpcPubSubBackend {

	/**
	 * Attach the receiver of this instance; called once, before anything is published.
	 * @param receiver the receiver
	 */
	void attach(Receiver receiver);

	/**
	 * Publish a notification to the subscribers of a topic on every instance.
	 * @param topic the concrete topic name
	 * @param message the encoded notification
	 * @param retain whether the topic retains its last value
	 * @return the number of sessions of this instance it was queued for before returning
	 * (0 for a backend that delivers asynchronously)
	 */
	int publish(String topic, JsonRpcEncodedMessage message, boolean retain);

	/**
	 * Send a notification to every session of a user on every instance.
	 * @param userName the principal name
	 * @param message the encoded notification
	 * @return the number of sessions of this instance it was queued for before returning
	 * (0 for a backend that delivers asynchronously)
	 */
	int sendToUser(String userName, JsonRpcEncodedMessage message);

	/**
	 * Return the last value retained for a topic, for a backend that keeps retained
	 * values outside the instances (each instance also keeps the ones it received).
	 * @param topic the concrete topic name
	 * @return the retained notification, or {@code null} if the backend keeps none
	 */
	default @Nullable JsonRpcEncodedMessage retained(String topic) {
		return null;
	}

	/**
	 * What an instance does with what the backend delivers.
	 */
	interface Receiver {

		/**
		 * Deliver a publication to this instance's subscribers of its topic.
		 * @param topic the concrete topic name
		 * @param message the encoded notification
		 * @param retain whether the topic retains its last value
		 * @return the number of sessions it was queued for
		 */
		int published(String topic, JsonRpcEncodedMessage message, boolean retain);

		/**
		 * Deliver a notification to this instance's sessions of a user.
		 * @param userName the principal name
		 * @param message the encoded notification
		 * @return the number of sessions it was queued for
		 */
		int sentToUser(String userName, JsonRpcEncodedMessage message);

	}

}
