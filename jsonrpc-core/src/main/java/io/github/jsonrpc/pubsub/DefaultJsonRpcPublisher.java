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
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.server.JsonRpcSession;
import io.github.jsonrpc.server.JsonRpcSessionRegistry;
import org.springframework.util.Assert;

/**
 * The default {@link JsonRpcPublisher}: encodes each notification once with the codec,
 * hands it to the {@link JsonRpcPubSubBackend}, and, as the backend's
 * {@link JsonRpcPubSubBackend.Receiver receiver}, delivers what the backend brings to
 * this instance's subscribers and sessions.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public class DefaultJsonRpcPublisher implements JsonRpcPublisher, JsonRpcPubSubBackend.Receiver {

	private final JsonRpcSessionRegistry sessions;

	private final JsonRpcSubscriptionRegistry subscriptions;

	private final JsonRpcPubSubBackend backend;

	private final JsonRpcMessageCodec codec;

	/**
	 * Create a publisher and attach it to the backend as this instance's receiver.
	 * @param sessions the open sessions of this instance
	 * @param subscriptions the topics and this instance's subscriptions
	 * @param backend the backend carrying publications to every instance
	 * @param codec the codec encoding notifications
	 */
	public DefaultJsonRpcPublisher(JsonRpcSessionRegistry sessions, JsonRpcSubscriptionRegistry subscriptions,
			JsonRpcPubSubBackend backend, JsonRpcMessageCodec codec) {
		Assert.notNull(sessions, "Sessions are required");
		Assert.notNull(subscriptions, "Subscriptions are required");
		Assert.notNull(backend, "Backend is required");
		Assert.notNull(codec, "Codec is required");
		this.sessions = sessions;
		this.subscriptions = subscriptions;
		this.backend = backend;
		this.codec = codec;
		backend.attach(this);
		subscriptions.setRetainedFallback(backend::retained);
	}

	@Override
	public int publish(String topic, @Nullable Object payload) {
		JsonRpcTopic declared = this.subscriptions.topic(topic);
		Assert.isTrue(declared != null, () -> "Unknown topic '" + topic + "'");
		// encoded once, whatever the number of subscribers and instances
		JsonRpcEncodedMessage message = this.codec.encodeNotification(topic, payload);
		return this.backend.publish(topic, message, declared.retainLast());
	}

	@Override
	public boolean notify(String sessionId, String method, @Nullable Object params) {
		JsonRpcSession session = this.sessions.session(sessionId);
		return session != null && session.send(this.codec.encodeNotification(method, params));
	}

	@Override
	public int notifyUser(String userName, String method, @Nullable Object params) {
		Assert.hasText(userName, "User name is required");
		return this.backend.sendToUser(userName, this.codec.encodeNotification(method, params));
	}

	@Override
	public int published(String topic, JsonRpcEncodedMessage message, boolean retain) {
		return this.subscriptions.deliver(topic, message, retain);
	}

	@Override
	public int sentToUser(String userName, JsonRpcEncodedMessage message) {
		int delivered = 0;
		for (JsonRpcSession session : this.sessions.sessionsOf(userName)) {
			if (session.send(message)) {
				delivered++;
			}
		}
		return delivered;
	}

}
