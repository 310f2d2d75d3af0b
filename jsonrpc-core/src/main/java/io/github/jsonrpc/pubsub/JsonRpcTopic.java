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

import org.springframework.util.Assert;

/**
 * A topic clients can subscribe to. Declare topics as beans or under
 * {@code jsonrpc.websocket.topics}; subscribing to or publishing on an undeclared topic
 * fails.
 *
 * @param name the topic name, also the method name of its notifications
 * @param retainLast whether the last published value is kept and sent to each new
 * subscriber right after its subscribe response
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public record JsonRpcTopic(String name, boolean retainLast) {

	public JsonRpcTopic {
		Assert.hasText(name, "Topic name is required");
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

}
