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

/**
 * Sends notifications from the application to connected clients:
 * {@link #publish(String, Object)} to every subscriber of a topic as
 * {@code {"jsonrpc":"2.0","method":"<topic>","params":<payload>}}, {@link #notify} to one
 * session, {@link #notifyUser} to every session of a user. Sending never blocks: each
 * session has a bounded outbound queue, and a client that cannot keep up is disconnected
 * rather than slowing the publisher or other clients down.
 *
 * <p>
 * The auto-configured {@link DefaultJsonRpcPublisher} serializes each payload once and
 * goes through the {@link JsonRpcPubSubBackend}, so that with a multi-instance backend a
 * publication reaches subscribers on every instance. Applications may replace or decorate
 * it with a bean of their own.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public interface JsonRpcPublisher {

	/**
	 * Publish a payload to every subscriber of a topic, authorized again at delivery.
	 * @param topic a declared topic, or a concrete name of a declared pattern
	 * @param payload the params of the notifications, {@code null} to omit them
	 * @return the number of sessions of this instance it was queued for at once (with an
	 * asynchronous multi-instance backend, 0)
	 * @throws IllegalArgumentException if the topic is not declared
	 */
	int publish(String topic, @Nullable Object payload);

	/**
	 * Send a notification to one session of this instance.
	 * @param sessionId the session id
	 * @param method the method name of the notification
	 * @param params the params, {@code null} to omit them
	 * @return {@code true} if the session is open and the notification was queued
	 */
	boolean notify(String sessionId, String method, @Nullable Object params);

	/**
	 * Send a notification to every session of a user, on every instance.
	 * @param userName the principal name
	 * @param method the method name of the notification
	 * @param params the params, {@code null} to omit them
	 * @return the number of sessions of this instance it was queued for at once
	 */
	int notifyUser(String userName, String method, @Nullable Object params);

}
