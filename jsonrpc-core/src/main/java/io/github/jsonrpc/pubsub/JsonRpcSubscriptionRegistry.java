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

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.jsonrpc.server.JsonRpcSession;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Which session is subscribed to which topic, plus the declared topics and their retained
 * values. A subscription is first <em>pending</em> (counted, listed, not yet delivered
 * to) and becomes <em>active</em> with {@link #activate}, which also sends the retained
 * value.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcSubscriptionRegistry {

	private final Map<String, JsonRpcTopic> topics;

	private final int maxSubscriptionsPerSession;

	private final Map<String, Set<String>> bySession = new ConcurrentHashMap<>();

	private final Map<String, Map<String, JsonRpcSession>> activeByTopic = new ConcurrentHashMap<>();

	private final Map<String, Optional<Object>> retained = new ConcurrentHashMap<>();

	/**
	 * Create a new instance.
	 * @param topics the declared topics
	 * @param maxSubscriptionsPerSession the maximum number of topics one session can
	 * subscribe to
	 */
	public JsonRpcSubscriptionRegistry(Collection<JsonRpcTopic> topics, int maxSubscriptionsPerSession) {
		Assert.notNull(topics, "Topics are required");
		Assert.isTrue(maxSubscriptionsPerSession > 0, "maxSubscriptionsPerSession must be positive");
		Map<String, JsonRpcTopic> map = new LinkedHashMap<>();
		for (JsonRpcTopic topic : topics) {
			JsonRpcTopic existing = map.putIfAbsent(topic.name(), topic);
			Assert.state(existing == null || existing.equals(topic),
					() -> "Topic '" + topic.name() + "' declared twice with different settings");
		}
		this.topics = Collections.unmodifiableMap(map);
		this.maxSubscriptionsPerSession = maxSubscriptionsPerSession;
	}

	/**
	 * Return the declared topic of a name.
	 * @param name the topic name
	 * @return the topic, or {@code null} if it is not declared
	 */
	public @Nullable JsonRpcTopic topic(String name) {
		return this.topics.get(name);
	}

	/**
	 * Return the declared topics, sorted by name.
	 * @return the topics
	 */
	public List<JsonRpcTopic> topics() {
		List<JsonRpcTopic> sorted = new ArrayList<>(this.topics.values());
		sorted.sort((a, b) -> a.name().compareTo(b.name()));
		return sorted;
	}

	/**
	 * Return the maximum number of subscriptions of one session.
	 * @return the maximum
	 */
	public int maxSubscriptionsPerSession() {
		return this.maxSubscriptionsPerSession;
	}

	/**
	 * Add a pending subscription; {@link #activate} makes it deliverable.
	 * @param session the session
	 * @param topic a declared topic
	 * @return {@code false} if the session is already subscribed
	 * @throws IllegalStateException when the session reached its maximum
	 */
	public boolean subscribe(JsonRpcSession session, String topic) {
		Assert.state(this.topics.containsKey(topic), () -> "Unknown topic '" + topic + "'");
		Set<String> current = this.bySession.computeIfAbsent(session.id(), (id) -> ConcurrentHashMap.newKeySet());
		synchronized (current) {
			if (current.contains(topic)) {
				return false;
			}
			Assert.state(current.size() < this.maxSubscriptionsPerSession,
					() -> "Session " + session.id() + " reached " + this.maxSubscriptionsPerSession + " subscriptions");
			current.add(topic);
		}
		if (!session.isOpen()) {
			// closed meanwhile: its removal may already have run
			removeSession(session);
		}
		return true;
	}

	/**
	 * Make a pending subscription deliverable and send the retained value of the topic,
	 * if there is one. Does nothing if the subscription was removed meanwhile.
	 * @param session the session
	 * @param topic the topic
	 */
	public void activate(JsonRpcSession session, String topic) {
		Set<String> current = this.bySession.get(session.id());
		if (current == null || !current.contains(topic) || !session.isOpen()) {
			return;
		}
		Map<String, JsonRpcSession> subscribers = this.activeByTopic.computeIfAbsent(topic,
				(name) -> new ConcurrentHashMap<>());
		// hold the topic's lock so a concurrent publish is either before the retained
		// value (and then retained) or after it
		synchronized (subscribers) {
			if (subscribers.putIfAbsent(session.id(), session) == null) {
				// the connection may have closed, and removeSession run, since the check
				// above: never leave a closed session subscribed
				Set<String> now = this.bySession.get(session.id());
				if (!session.isOpen() || now == null || !now.contains(topic)) {
					subscribers.remove(session.id(), session);
					return;
				}
				Optional<Object> value = this.retained.get(topic);
				if (value != null) {
					session.notify(topic, value.orElse(null));
				}
			}
		}
	}

	/**
	 * Remove a subscription.
	 * @param session the session
	 * @param topic the topic
	 * @return {@code true} if the session was subscribed
	 */
	public boolean unsubscribe(JsonRpcSession session, String topic) {
		Set<String> current = this.bySession.get(session.id());
		boolean removed = current != null && current.remove(topic);
		Map<String, JsonRpcSession> subscribers = this.activeByTopic.get(topic);
		if (subscribers != null) {
			subscribers.remove(session.id());
		}
		return removed;
	}

	/**
	 * Remove every subscription of a session, e.g. when its connection closed.
	 * @param session the session
	 */
	public void removeSession(JsonRpcSession session) {
		Set<String> current = this.bySession.remove(session.id());
		if (current != null) {
			for (String topic : current) {
				Map<String, JsonRpcSession> subscribers = this.activeByTopic.get(topic);
				if (subscribers != null) {
					subscribers.remove(session.id());
				}
			}
		}
	}

	/**
	 * Return the topics a session is subscribed to, sorted.
	 * @param session the session
	 * @return the topic names, possibly empty
	 */
	public List<String> subscriptions(JsonRpcSession session) {
		Set<String> current = this.bySession.get(session.id());
		if (current == null) {
			return List.of();
		}
		List<String> sorted = new ArrayList<>(current);
		Collections.sort(sorted);
		return sorted;
	}

	/**
	 * Return the active subscribers of a topic.
	 * @param topic the topic
	 * @return a snapshot of the sessions
	 */
	public List<JsonRpcSession> subscribers(String topic) {
		Map<String, JsonRpcSession> subscribers = this.activeByTopic.get(topic);
		return (subscribers != null) ? List.copyOf(subscribers.values()) : List.of();
	}

	/**
	 * Return the number of subscriptions, pending or active, over all sessions.
	 * @return the count
	 */
	public int subscriptionCount() {
		return this.bySession.values().stream().mapToInt(Set::size).sum();
	}

	/**
	 * Run an action while no subscriber is activated on a topic, and keep the value if
	 * the topic retains values. Used by the publisher so a new subscriber gets either the
	 * retained value or the next publication.
	 * @param topic the topic
	 * @param value the value published
	 * @param delivery the fan-out to the current subscribers
	 */
	void publish(JsonRpcTopic topic, @Nullable Object value, Runnable delivery) {
		Map<String, JsonRpcSession> subscribers = this.activeByTopic.computeIfAbsent(topic.name(),
				(name) -> new ConcurrentHashMap<>());
		if (!topic.retainLast()) {
			delivery.run();
			return;
		}
		synchronized (subscribers) {
			this.retained.put(topic.name(), Optional.ofNullable(value));
			delivery.run();
		}
	}

	/**
	 * Return the retained value of a topic.
	 * @param topic the topic
	 * @return the value, empty if none was retained (or it was {@code null})
	 */
	public Optional<Object> retained(String topic) {
		Optional<Object> value = this.retained.get(topic);
		return (value != null) ? value : Optional.empty();
	}

}
