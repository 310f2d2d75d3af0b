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

package io.github.jsonrpc.test.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.JsonRpcSession;
import io.github.jsonrpc.server.method.annotation.JsonRpcParams;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Test-only publish/subscribe in the protocol of our server: {@code subscribe} and
 * {@code unsubscribe} take topic names (as params array, or one array param) and answer
 * with the session's current subscriptions; notifications have the topic as method.
 */
@JsonRpcService
public class TopicService {

	private final Map<String, Set<JsonRpcSession>> subscribers = new ConcurrentHashMap<>();

	private final Map<String, CompletableFuture<Void>> waiters = new ConcurrentHashMap<>();

	private final Map<String, CompletableFuture<Void>> unsubscribeWaiters = new ConcurrentHashMap<>();

	public List<String> subscribe(JsonRpcExchange exchange, @JsonRpcParams @Nullable JsonNode params) {
		JsonRpcSession session = session(exchange);
		for (String topic : topics(params)) {
			this.subscribers.computeIfAbsent(topic, (key) -> ConcurrentHashMap.newKeySet()).add(session);
			CompletableFuture<Void> waiter = this.waiters.remove(topic);
			if (waiter != null) {
				waiter.complete(null);
			}
		}
		return subscriptions(session);
	}

	public List<String> unsubscribe(JsonRpcExchange exchange, @JsonRpcParams @Nullable JsonNode params) {
		JsonRpcSession session = session(exchange);
		for (String topic : topics(params)) {
			Set<JsonRpcSession> sessions = this.subscribers.get(topic);
			if (sessions != null) {
				sessions.remove(session);
			}
			CompletableFuture<Void> waiter = this.unsubscribeWaiters.remove(topic);
			if (waiter != null) {
				waiter.complete(null);
			}
		}
		return subscriptions(session);
	}

	/**
	 * Return a future completed by the next subscription to a topic.
	 * @param topic the topic
	 * @return the future
	 */
	public CompletableFuture<Void> nextSubscription(String topic) {
		return this.waiters.computeIfAbsent(topic, (key) -> new CompletableFuture<>());
	}

	/**
	 * Return a future completed by the next unsubscription from a topic.
	 * @param topic the topic
	 * @return the future
	 */
	public CompletableFuture<Void> nextUnsubscription(String topic) {
		return this.unsubscribeWaiters.computeIfAbsent(topic, (key) -> new CompletableFuture<>());
	}

	/**
	 * Send a notification to every open session subscribed to a topic.
	 * @param topic the topic
	 * @param payload the params
	 * @return the number of sessions notified
	 */
	public int publish(String topic, @Nullable Object payload) {
		int count = 0;
		for (JsonRpcSession session : this.subscribers.getOrDefault(topic, Set.of())) {
			if (session.isOpen() && session.notify(topic, payload)) {
				count++;
			}
		}
		return count;
	}

	public int subscriberCount(String topic) {
		return (int) this.subscribers.getOrDefault(topic, Set.of()).stream().filter(JsonRpcSession::isOpen).count();
	}

	void removeSession(JsonRpcSession session) {
		this.subscribers.values().forEach((sessions) -> sessions.remove(session));
	}

	private static JsonRpcSession session(JsonRpcExchange exchange) {
		JsonRpcSession session = exchange.session();
		if (session == null) {
			throw new io.github.jsonrpc.server.JsonRpcException(-32000, "Subscriptions need a WebSocket connection");
		}
		return session;
	}

	private static List<String> topics(@Nullable JsonNode params) {
		List<String> topics = new ArrayList<>();
		if (params != null) {
			for (JsonNode param : params) {
				if (param.isArray()) {
					param.forEach((topic) -> topics.add(topic.stringValue()));
				}
				else {
					topics.add(param.stringValue());
				}
			}
		}
		return topics;
	}

	private List<String> subscriptions(JsonRpcSession session) {
		return this.subscribers.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().contains(session))
			.map(Map.Entry::getKey)
			.sorted()
			.toList();
	}

}
