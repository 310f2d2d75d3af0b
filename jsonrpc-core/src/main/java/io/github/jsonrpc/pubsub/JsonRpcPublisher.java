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

import io.github.jsonrpc.server.JsonRpcSession;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;

/**
 * Pushes notifications to the clients of persistent connections:
 * {@link #publish(String, Object)} to every subscriber of a topic as
 * {@code {"jsonrpc":"2.0","method":"<topic>","params":<payload>}}, {@link #notify} to one
 * session and {@link #notifyUser} to all sessions of a user. Sending never blocks: each
 * session queues its messages (see its slow-consumer policy).
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcPublisher {

	private final JsonRpcSessionRegistry sessions;

	private final JsonRpcSubscriptionRegistry subscriptions;

	private final JsonRpcTopicAuthorizer authorizer;

	private final JsonMapper mapper;

	/**
	 * Create a new instance.
	 * @param sessions the open sessions
	 * @param subscriptions the subscriptions
	 * @param authorizer checked again at each delivery
	 * @param mapper converts payloads to JSON once per publication
	 */
	public JsonRpcPublisher(JsonRpcSessionRegistry sessions, JsonRpcSubscriptionRegistry subscriptions,
			JsonRpcTopicAuthorizer authorizer, JsonMapper mapper) {
		Assert.notNull(sessions, "Sessions are required");
		Assert.notNull(subscriptions, "Subscriptions are required");
		Assert.notNull(authorizer, "Authorizer is required");
		Assert.notNull(mapper, "JsonMapper is required");
		this.sessions = sessions;
		this.subscriptions = subscriptions;
		this.authorizer = authorizer;
		this.mapper = mapper;
	}

	/**
	 * Publish a payload to every subscriber of a topic, and retain it if the topic
	 * retains values.
	 * @param topic a declared topic
	 * @param payload the params of the notification, {@code null} to omit them
	 * @return the number of sessions it was queued for
	 * @throws IllegalArgumentException if the topic is not declared
	 */
	public int publish(String topic, @Nullable Object payload) {
		JsonRpcTopic declared = this.subscriptions.topic(topic);
		Assert.isTrue(declared != null, () -> "Unknown topic '" + topic + "'");
		JsonNode params = (payload != null) ? this.mapper.valueToTree(payload) : null;
		int[] delivered = new int[1];
		this.subscriptions.publish(declared, params, () -> {
			for (JsonRpcSession session : this.subscriptions.subscribers(topic)) {
				if (this.authorizer.isAuthorized(topic, session) && session.notify(topic, params)) {
					delivered[0]++;
				}
			}
		});
		return delivered[0];
	}

	/**
	 * Send a notification to one session.
	 * @param sessionId the session id
	 * @param method the method name of the notification
	 * @param params the params, {@code null} to omit them
	 * @return {@code true} if it was queued, {@code false} if no such session is open or
	 * its queue is full
	 */
	public boolean notify(String sessionId, String method, @Nullable Object params) {
		JsonRpcSession session = this.sessions.session(sessionId);
		return session != null && session.notify(method, params);
	}

	/**
	 * Send a notification to every open session of a user.
	 * @param userName the principal name
	 * @param method the method name of the notification
	 * @param params the params, {@code null} to omit them
	 * @return the number of sessions it was queued for
	 */
	public int notifyUser(String userName, String method, @Nullable Object params) {
		JsonNode node = (params != null) ? this.mapper.valueToTree(params) : null;
		int delivered = 0;
		for (JsonRpcSession session : this.sessions.sessionsOf(userName)) {
			if (session.notify(method, node)) {
				delivered++;
			}
		}
		return delivered;
	}

}
