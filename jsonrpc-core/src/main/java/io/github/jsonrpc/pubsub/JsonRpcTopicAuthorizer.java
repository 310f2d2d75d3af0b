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

/**
 * Strategy to decide whether a session may see a topic. Consulted when subscribing (a
 * denial is a {@code -32003} error for {@code subscribe}, the reason {@code "forbidden"}
 * for {@code rpc.on}), when listing topics ({@code get_topics}) and at each delivery, so
 * a subscriber whose rights no longer hold stops receiving. Declare a bean to replace the
 * default, which permits everything.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface JsonRpcTopicAuthorizer {

	/**
	 * Return whether the session may subscribe to, list and receive the topic.
	 * @param topic the topic name
	 * @param session the session, or {@code null} for a caller without a persistent
	 * connection (e.g. {@code get_topics} over HTTP)
	 * @return {@code true} to allow
	 */
	boolean isAuthorized(String topic, @Nullable JsonRpcSession session);

	/**
	 * Return whether every session may see the topic, whoever it is: a publication is
	 * then delivered without asking {@link #isAuthorized} for each subscriber (asked once
	 * per publication). The default is {@code false}: every subscriber is checked.
	 * @param topic the topic name
	 * @return {@code true} only if {@link #isAuthorized} allows the topic to any session
	 * @since 0.1.0
	 */
	default boolean isOpenToAll(String topic) {
		return false;
	}

	/**
	 * Return an authorizer that permits every topic to every session.
	 * @return the authorizer
	 */
	static JsonRpcTopicAuthorizer permitAll() {
		return new JsonRpcTopicAuthorizer() {

			@Override
			public boolean isAuthorized(String topic, @Nullable JsonRpcSession session) {
				return true;
			}

			@Override
			public boolean isOpenToAll(String topic) {
				return true;
			}

		};
	}

}
