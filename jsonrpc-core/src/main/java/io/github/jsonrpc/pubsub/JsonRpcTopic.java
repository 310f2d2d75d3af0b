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

import org.springframework.util.Assert;
import org.springframework.util.PatternMatchUtils;

/**
 * A topic clients can subscribe to, or a pattern of topics. Declare topics as beans,
 * under {@code jsonrpc.pubsub.topics}, or at runtime with
 * {@link JsonRpcSubscriptionRegistry#addTopic}; subscribing to or publishing on an
 * undeclared topic fails.
 *
 * <p>
 * A name holding {@code *} is a pattern, e.g. {@code rooms.*}: it declares every topic
 * whose name matches it ({@link PatternMatchUtils#simpleMatch simple match}), such as
 * {@code rooms.42}, for per-room or per-user topics. Clients subscribe to, and
 * applications publish on, concrete names only.
 *
 * @param name the topic name, also the method name of its notifications, or a pattern
 * @param retainLast whether the last published value is kept and sent to each new
 * subscriber right after its subscribe response
 * @param authorizer who may subscribe to (and receive) this topic, in addition to the
 * application's {@link JsonRpcTopicAuthorizer}; {@code null} for no extra check
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public record JsonRpcTopic(String name, boolean retainLast, @Nullable JsonRpcTopicAuthorizer authorizer) {

	public JsonRpcTopic {
		Assert.hasText(name, "Topic name is required");
	}

	/**
	 * Create a topic.
	 * @param name the topic name
	 * @param retainLast whether the last value is retained
	 */
	public JsonRpcTopic(String name, boolean retainLast) {
		this(name, retainLast, null);
	}

	/**
	 * Create a topic that does not retain values.
	 * @param name the topic name
	 * @return the topic
	 */
	public static JsonRpcTopic of(String name) {
		return new JsonRpcTopic(name, false);
	}

	/**
	 * Create a topic that retains its last value.
	 * @param name the topic name
	 * @return the topic
	 */
	public static JsonRpcTopic retained(String name) {
		return new JsonRpcTopic(name, true);
	}

	/**
	 * Return a copy of this topic with an authorizer of its own.
	 * @param authorizer the authorizer
	 * @return the topic
	 */
	public JsonRpcTopic withAuthorizer(JsonRpcTopicAuthorizer authorizer) {
		Assert.notNull(authorizer, "Authorizer is required");
		return new JsonRpcTopic(this.name, this.retainLast, authorizer);
	}

	/**
	 * Return whether this declares topics by pattern.
	 * @return {@code true} if the name holds {@code *}
	 */
	public boolean isPattern() {
		return this.name.indexOf('*') >= 0;
	}

	/**
	 * Return whether this topic, or pattern, declares a concrete topic name.
	 * @param topic a concrete topic name
	 * @return {@code true} if it is this topic's name or matches its pattern
	 */
	public boolean matches(String topic) {
		return isPattern() ? PatternMatchUtils.simpleMatch(this.name, topic) : this.name.equals(topic);
	}

}
