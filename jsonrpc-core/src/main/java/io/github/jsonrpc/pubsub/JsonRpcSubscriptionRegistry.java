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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.github.jsonrpc.protocol.JsonRpcEncodedMessage;
import io.github.jsonrpc.server.JsonRpcSession;
import org.springframework.util.Assert;

/**
 * The declared topics and this instance's subscriptions. A subscription is first
 * registered (counted against the per-session limit) and then activated, once the
 * subscribe response is on its way, so that no notification precedes it; a retained value
 * is sent right on activation. A session's subscriptions end when it closes.
 *
 * <p>
 * Topics can be declared up front, added and removed at runtime, and declared by pattern
 * (see {@link JsonRpcTopic}). Removing a topic ends its subscriptions: each subscriber
 * gets the notification
 * {@code {"jsonrpc":"2.0","method":"rpc.unsubscribed","params":{"topic":"<topic>"}}}.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcSubscriptionRegistry {

	/** Method name of the notification sent to the subscribers of a removed topic. */
	public static final String UNSUBSCRIBED_METHOD = "rpc.unsubscribed";

	private static final Log logger = LogFactory.getLog(JsonRpcSubscriptionRegistry.class);

	private final Map<String, JsonRpcTopic> topics = new ConcurrentHashMap<>();

	private final List<JsonRpcTopic> patterns = new CopyOnWriteArrayList<>();

	private final int maxSubscriptionsPerSession;

	private final JsonRpcTopicAuthorizer authorizer;

	private final Map<String, Set<String>> bySession = new ConcurrentHashMap<>();

	private final Map<String, Map<String, JsonRpcSession>> activeByTopic = new ConcurrentHashMap<>();

	private final Map<String, JsonRpcEncodedMessage> retained = new ConcurrentHashMap<>();

	private volatile Function<String, @Nullable JsonRpcEncodedMessage> retainedFallback = (topic) -> null;

	/**
	 * Create a registry that authorizes every subscription.
	 * @param topics the topics declared up front
	 * @param maxSubscriptionsPerSession the most topics one session may subscribe to
	 */
	public JsonRpcSubscriptionRegistry(Collection<JsonRpcTopic> topics, int maxSubscriptionsPerSession) {
		this(topics, maxSubscriptionsPerSession, JsonRpcTopicAuthorizer.permitAll());
	}

	/**
	 * Create a registry.
	 * @param topics the topics declared up front
	 * @param maxSubscriptionsPerSession the most topics one session may subscribe to
	 * @param authorizer who may subscribe to (and receive) which topic, checked on
	 * subscribe and again at each delivery, before a topic's own authorizer
	 */
	public JsonRpcSubscriptionRegistry(Collection<JsonRpcTopic> topics, int maxSubscriptionsPerSession,
			JsonRpcTopicAuthorizer authorizer) {
		Assert.notNull(topics, "Topics are required");
		Assert.isTrue(maxSubscriptionsPerSession > 0, "maxSubscriptionsPerSession must be positive");
		Assert.notNull(authorizer, "Authorizer is required");
		this.maxSubscriptionsPerSession = maxSubscriptionsPerSession;
		this.authorizer = authorizer;
		for (JsonRpcTopic topic : topics) {
			JsonRpcTopic existing = declared(topic.name());
			Assert.state(existing == null || existing.equals(topic),
					() -> "Topic '" + topic.name() + "' declared twice with different settings");
			if (existing == null) {
				addTopic(topic);
			}
		}
	}

	// Topics

	/**
	 * Declare a topic, or a pattern of topics, at runtime.
	 * @param topic the topic
	 * @return {@code true} if it was added, {@code false} if one of that name exists
	 */
	public boolean addTopic(JsonRpcTopic topic) {
		Assert.notNull(topic, "Topic is required");
		if (topic.isPattern()) {
			synchronized (this.patterns) {
				if (declared(topic.name()) != null) {
					return false;
				}
				this.patterns.add(topic);
				return true;
			}
		}
		return this.topics.putIfAbsent(topic.name(), topic) == null;
	}

	/**
	 * Remove a topic, or a pattern, declared under that exact name: its subscriptions end
	 * and each subscriber is told with an {@value #UNSUBSCRIBED_METHOD} notification.
	 * @param name the name of the topic or pattern
	 * @return {@code true} if it was declared
	 */
	public boolean removeTopic(String name) {
		JsonRpcTopic removed = this.topics.remove(name);
		if (removed == null) {
			synchronized (this.patterns) {
				removed = this.patterns.stream()
					.filter((pattern) -> pattern.name().equals(name))
					.findFirst()
					.orElse(null);
				if (removed != null) {
					this.patterns.remove(removed);
				}
			}
		}
		return (removed != null) && endTopics(removed);
	}

	private boolean endTopics(JsonRpcTopic removed) {
		List<String> ended = new ArrayList<>();
		for (String topic : this.activeByTopic.keySet()) {
			if (removed.matches(topic) && topic(topic) == null) {
				ended.add(topic);
			}
		}
		this.bySession.values().forEach((subscribed) -> subscribed.forEach((topic) -> {
			if (removed.matches(topic) && topic(topic) == null && !ended.contains(topic)) {
				ended.add(topic);
			}
		}));
		for (String topic : ended) {
			endTopic(topic);
		}
		return true;
	}

	private void endTopic(String topic) {
		// first the registrations, so that an activation racing with this one fails
		for (Set<String> subscribed : this.bySession.values()) {
			subscribed.remove(topic);
		}
		List<JsonRpcSession> told = new ArrayList<>();
		Map<String, JsonRpcSession> subscribers = this.activeByTopic.get(topic);
		if (subscribers != null) {
			synchronized (subscribers) {
				told.addAll(subscribers.values());
				subscribers.clear();
				this.activeByTopic.remove(topic, subscribers);
			}
		}
		this.retained.remove(topic);
		for (JsonRpcSession session : told) {
			session.notify(UNSUBSCRIBED_METHOD, Map.of("topic", topic));
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Topic '" + topic + "' removed; " + told.size() + " subscriptions ended");
		}
	}

	/**
	 * Return the topic declaring a concrete topic name.
	 * @param name a concrete topic name
	 * @return the topic (for a pattern: the pattern's settings under that name), or
	 * {@code null} if it is not declared
	 */
	public @Nullable JsonRpcTopic topic(String name) {
		JsonRpcTopic topic = this.topics.get(name);
		if (topic != null || name.indexOf('*') >= 0) {
			return topic;
		}
		for (JsonRpcTopic pattern : this.patterns) {
			if (pattern.matches(name)) {
				return new JsonRpcTopic(name, pattern.retainLast(), pattern.authorizer());
			}
		}
		return null;
	}

	private @Nullable JsonRpcTopic declared(String name) {
		JsonRpcTopic topic = this.topics.get(name);
		if (topic != null) {
			return topic;
		}
		return this.patterns.stream().filter((pattern) -> pattern.name().equals(name)).findFirst().orElse(null);
	}

	/**
	 * Return the declared topics and patterns, sorted by name.
	 * @return the topics
	 */
	public List<JsonRpcTopic> topics() {
		List<JsonRpcTopic> sorted = new ArrayList<>(this.topics.values());
		sorted.addAll(this.patterns);
		sorted.sort((a, b) -> a.name().compareTo(b.name()));
		return sorted;
	}

	/**
	 * Return whether a session may subscribe to, and receive, a topic: the application's
	 * authorizer and the topic's own must both agree.
	 * @param topic a concrete topic name
	 * @param session the session, {@code null} without a connection
	 * @return {@code true} if the topic is declared and authorized
	 */
	public boolean isAuthorized(String topic, @Nullable JsonRpcSession session) {
		JsonRpcTopic declared = topic(topic);
		return declared != null && isAuthorized(declared, session);
	}

	private boolean isAuthorized(JsonRpcTopic topic, @Nullable JsonRpcSession session) {
		if (!this.authorizer.isAuthorized(topic.name(), session)) {
			return false;
		}
		JsonRpcTopicAuthorizer own = topic.authorizer();
		return own == null || own.isAuthorized(topic.name(), session);
	}

	private boolean isOpenToAll(JsonRpcTopic topic) {
		try {
			JsonRpcTopicAuthorizer own = topic.authorizer();
			return this.authorizer.isOpenToAll(topic.name()) && (own == null || own.isOpenToAll(topic.name()));
		}
		catch (RuntimeException ex) {
			// checked for each subscriber instead
			if (logger.isDebugEnabled()) {
				logger.debug("Authorizer failed for topic '" + topic.name() + "'", ex);
			}
			return false;
		}
	}

	/**
	 * Return the most topics one session may subscribe to.
	 * @return the limit
	 */
	public int maxSubscriptionsPerSession() {
		return this.maxSubscriptionsPerSession;
	}

	// Subscriptions

	/**
	 * Register a subscription, not active yet; it ends when the session closes.
	 * @param session the session
	 * @param topic a declared concrete topic name
	 * @return {@code true} if it is new, {@code false} if the session was subscribed
	 * already
	 * @throws IllegalStateException if the topic is not declared or the session reached
	 * its limit
	 */
	public boolean subscribe(JsonRpcSession session, String topic) {
		Assert.state(topic(topic) != null, () -> "Unknown topic '" + topic + "'");
		boolean[] first = new boolean[1];
		Set<String> current = this.bySession.computeIfAbsent(session.id(), (id) -> {
			first[0] = true;
			return ConcurrentHashMap.newKeySet();
		});
		if (first[0]) {
			session.onClose(() -> removeSession(session));
		}
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
	 * Activate a registered subscription: from now on the session receives the topic's
	 * notifications, starting with its retained value if any.
	 * @param session the session
	 * @param topic the topic
	 */
	public void activate(JsonRpcSession session, String topic) {
		Set<String> current = this.bySession.get(session.id());
		if (current == null || !current.contains(topic) || !session.isOpen()) {
			return;
		}
		JsonRpcEncodedMessage fallback = this.retained.containsKey(topic) ? null : this.retainedFallback.apply(topic);
		while (true) {
			Map<String, JsonRpcSession> subscribers = this.activeByTopic.computeIfAbsent(topic,
					(name) -> new ConcurrentHashMap<>());
			// hold the topic's lock so a concurrent delivery is either before the
			// retained
			// value (and then retained) or after it
			synchronized (subscribers) {
				if (this.activeByTopic.get(topic) != subscribers) {
					// emptied and detached meanwhile: take the current one
					continue;
				}
				if (subscribers.putIfAbsent(session.id(), session) == null) {
					// the connection may have closed, and removeSession run, or the topic
					// been removed, since the check above: never leave it subscribed
					Set<String> now = this.bySession.get(session.id());
					if (!session.isOpen() || now == null || !now.contains(topic) || topic(topic) == null) {
						subscribers.remove(session.id(), session);
						detachIfEmpty(topic, subscribers);
						return;
					}
					JsonRpcEncodedMessage value = this.retained.get(topic);
					if (value == null) {
						value = fallback;
					}
					if (value != null) {
						session.send(value);
					}
				}
				return;
			}
		}
	}

	// called holding the lock of the subscribers
	private void detachIfEmpty(String topic, Map<String, JsonRpcSession> subscribers) {
		if (subscribers.isEmpty() && this.activeByTopic.remove(topic, subscribers) && !this.topics.containsKey(topic)) {
			// the value of a topic declared by pattern lives as long as its subscribers
			this.retained.remove(topic);
		}
	}

	private void leave(String topic, JsonRpcSession session) {
		Map<String, JsonRpcSession> subscribers = this.activeByTopic.get(topic);
		if (subscribers != null) {
			synchronized (subscribers) {
				subscribers.remove(session.id(), session);
				detachIfEmpty(topic, subscribers);
			}
		}
	}

	/**
	 * End a subscription.
	 * @param session the session
	 * @param topic the topic
	 * @return {@code true} if the session was subscribed
	 */
	public boolean unsubscribe(JsonRpcSession session, String topic) {
		Set<String> current = this.bySession.get(session.id());
		boolean removed = current != null && current.remove(topic);
		leave(topic, session);
		return removed;
	}

	/**
	 * End every subscription of a session; runs by itself when the session closes.
	 * @param session the session
	 */
	public void removeSession(JsonRpcSession session) {
		Set<String> current = this.bySession.remove(session.id());
		if (current != null) {
			for (String topic : current) {
				leave(topic, session);
			}
		}
	}

	/**
	 * Return the topics a session subscribed to.
	 * @param session the session
	 * @return the sorted topic names
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
	 * Return the sessions with an active subscription to a topic.
	 * @param topic the topic
	 * @return a snapshot of the subscribers
	 */
	public List<JsonRpcSession> subscribers(String topic) {
		Map<String, JsonRpcSession> subscribers = this.activeByTopic.get(topic);
		return (subscribers != null) ? List.copyOf(subscribers.values()) : List.of();
	}

	/**
	 * Return the number of subscriptions, over every session of this instance.
	 * @return the count
	 */
	public int subscriptionCount() {
		return this.bySession.values().stream().mapToInt(Set::size).sum();
	}

	// Delivery

	/**
	 * Deliver a publication to this instance's active subscribers of a topic and retain
	 * it if the topic retains values. Authorization is asked again: once per publication
	 * for a topic open to all (see {@link JsonRpcTopicAuthorizer#isOpenToAll}, both the
	 * registry's authorizer and the topic's own), else for each subscriber.
	 * @param topic the concrete topic name
	 * @param message the encoded notification, shared by every subscriber
	 * @param retain whether to retain it
	 * @return the number of sessions it was queued for
	 */
	public int deliver(String topic, JsonRpcEncodedMessage message, boolean retain) {
		JsonRpcTopic declared = topic(topic);
		if (declared == null) {
			// removed meanwhile, or unknown on this instance
			return 0;
		}
		boolean byPattern = !this.topics.containsKey(topic);
		while (true) {
			Map<String, JsonRpcSession> subscribers = retain
					? this.activeByTopic.computeIfAbsent(topic, (name) -> new ConcurrentHashMap<>())
					: this.activeByTopic.get(topic);
			if (subscribers == null) {
				return 0;
			}
			synchronized (subscribers) {
				if (this.activeByTopic.get(topic) != subscribers) {
					continue;
				}
				if (retain && !(byPattern && subscribers.isEmpty())) {
					this.retained.put(topic, message);
				}
				// asked once per publication rather than once per subscriber
				boolean openToAll = isOpenToAll(declared);
				int delivered = 0;
				for (JsonRpcSession session : subscribers.values()) {
					try {
						if ((openToAll || isAuthorized(declared, session)) && session.send(message)) {
							delivered++;
						}
					}
					catch (RuntimeException ex) {
						// one subscriber's authorizer failing must not stop the others
						logger.debug("Delivery of topic '" + topic + "' to session " + session.id() + " failed", ex);
					}
				}
				detachIfEmpty(topic, subscribers);
				return delivered;
			}
		}
	}

	/**
	 * Return the number of topics with subscribers or a retained value on this instance
	 * (for monitoring: it shrinks back as subscribers leave).
	 * @return the count
	 */
	public int activeTopicCount() {
		return this.activeByTopic.size();
	}

	/**
	 * Return the value retained for a topic on this instance.
	 * @param topic the topic
	 * @return the last retained notification, if any
	 */
	public Optional<JsonRpcEncodedMessage> retained(String topic) {
		return Optional.ofNullable(this.retained.get(topic));
	}

	/**
	 * Set where retained values not received by this instance are looked up, e.g. a
	 * backend that stores them for every instance.
	 * @param fallback the lookup, returning {@code null} for none
	 */
	public void setRetainedFallback(Function<String, @Nullable JsonRpcEncodedMessage> fallback) {
		Assert.notNull(fallback, "Fallback is required");
		this.retainedFallback = fallback;
	}

}
