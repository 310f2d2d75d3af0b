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

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import io.github.jsonrpc.protocol.JsonRpcLogText;
import io.github.jsonrpc.server.JsonRpcException;
import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.JsonRpcSession;
import io.github.jsonrpc.server.method.InvocableJsonRpcMethod;
import io.github.jsonrpc.server.method.InvocableJsonRpcMethodFactory;
import io.github.jsonrpc.server.method.JsonRpcHandlerMethod;
import io.github.jsonrpc.server.method.JsonRpcMethodAccessChecker;
import io.github.jsonrpc.server.method.JsonRpcMethodRegistry;
import io.github.jsonrpc.server.method.JsonRpcMethodRegistryCustomizer;
import io.github.jsonrpc.server.method.annotation.JsonRpcParams;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.util.Assert;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;

/**
 * Registers the built-in publish/subscribe and introspection methods, over one topic
 * registry, in the two dialects existing clients speak.
 *
 * <ul>
 * <li>aiohttp-json-rpc: {@code subscribe} / {@code unsubscribe} (params: topic names, as
 * {@code ["a","b"]}, {@code [["a","b"]]} or {@code {"topics":[...]}}; result: the
 * connection's current subscriptions, sorted), {@code get_subscriptions},
 * {@code get_topics}, {@code get_methods}. An unknown topic is a {@code -32602} error, a
 * denied one {@code -32003}, too many subscriptions {@code -32005}; on any error nothing
 * changes.</li>
 * <li>rpc-websockets: {@code rpc.on} / {@code rpc.off} (params: event names; result: a
 * map of each name to {@code "ok"} or a reason: {@code "provided event invalid"},
 * {@code "forbidden"}, {@code "subscription limit exceeded"}, {@code "not subscribed"}).
 * </li>
 * </ul>
 *
 * <p>
 * The names are configurable ({@link JsonRpcPubSubMethodNames}); an application method of
 * the same name replaces a built-in one. Over a persistent connection {@code subscribe}
 * and {@code unsubscribe} also take one topic as a plain string,
 * {@code {"method":"subscribe","params":"clock"}}, as the aiohttp-json-rpc client sends
 * it.
 *
 * <p>
 * Notifications are {@code {"jsonrpc":"2.0","method":"<topic>","params":<payload>}} for
 * both dialects. The response to a subscribe call precedes its first notification.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcPubSubMethods implements JsonRpcMethodRegistryCustomizer {

	private static final Log logger = LogFactory.getLog(JsonRpcPubSubMethods.class);

	/**
	 * Reason of {@code rpc.on} for an unknown event, as the rpc-websockets server says
	 * it.
	 */
	public static final String UNKNOWN_EVENT = "provided event invalid";

	private final InvocableJsonRpcMethodFactory methodFactory;

	private final JsonRpcSubscriptionRegistry subscriptions;

	private final JsonRpcMethodAccessChecker accessChecker;

	private final JsonRpcPubSubMethodNames names;

	private volatile @Nullable JsonRpcMethodRegistry registry;

	/**
	 * Create a new instance.
	 * @param methodFactory creates the invocable methods
	 * @param subscriptions the topics and subscriptions, which also decide which topics a
	 * session may see
	 * @param accessChecker decides which methods {@code get_methods} lists
	 * @param names the names of the methods, each can be switched off
	 */
	public JsonRpcPubSubMethods(InvocableJsonRpcMethodFactory methodFactory, JsonRpcSubscriptionRegistry subscriptions,
			JsonRpcMethodAccessChecker accessChecker, JsonRpcPubSubMethodNames names) {
		Assert.notNull(methodFactory, "MethodFactory is required");
		Assert.notNull(subscriptions, "Subscriptions are required");
		Assert.notNull(accessChecker, "AccessChecker is required");
		Assert.notNull(names, "Names are required");
		this.methodFactory = methodFactory;
		this.subscriptions = subscriptions;
		this.accessChecker = accessChecker;
		this.names = names;
	}

	@Override
	public void customize(JsonRpcMethodRegistry registry) {
		this.registry = registry;
		Endpoint endpoint = new Endpoint();
		register(registry, endpoint, this.names.subscribe(), "subscribe", "Subscribe the connection to topics");
		register(registry, endpoint, this.names.unsubscribe(), "unsubscribe", "Unsubscribe the connection from topics");
		register(registry, endpoint, this.names.getSubscriptions(), "getSubscriptions",
				"Topics the connection subscribed to");
		register(registry, endpoint, this.names.getTopics(), "getTopics", "Topics the caller may subscribe to");
		register(registry, endpoint, this.names.getMethods(), "getMethods", "Methods the caller may call");
		register(registry, endpoint, this.names.on(), "on", "Subscribe to events (rpc-websockets)");
		register(registry, endpoint, this.names.off(), "off", "Unsubscribe from events (rpc-websockets)");
	}

	private void register(JsonRpcMethodRegistry registry, Endpoint endpoint, @Nullable String name, String javaName,
			String description) {
		if (!StringUtils.hasText(name)) {
			// switched off
			return;
		}
		Method method = ReflectionUtils.findMethod(Endpoint.class, javaName, JsonRpcExchange.class, JsonNode.class);
		Assert.state(method != null, () -> "No method " + javaName);
		registry
			.registerBuiltIn(this.methodFactory.create(new JsonRpcHandlerMethod(name, endpoint, method, description)));
	}

	private static JsonRpcSession requireSession(JsonRpcExchange exchange) {
		JsonRpcSession session = exchange.session();
		if (session == null) {
			throw new JsonRpcException(JsonRpcErrorCodes.SERVER_ERROR,
					"Method '" + exchange.method() + "' requires a persistent (WebSocket) connection");
		}
		return session;
	}

	private static List<String> names(@Nullable JsonNode params) {
		Set<String> names = new LinkedHashSet<>();
		collect((params != null && params.isObject())
				? firstNonNull(params.get("topics"), params.get("topic"), params.get("events")) : params, names);
		if (names.isEmpty()) {
			throw new JsonRpcException(JsonRpcErrorCodes.INVALID_PARAMS, "Expected one or more topic names");
		}
		return new ArrayList<>(names);
	}

	private static @Nullable JsonNode firstNonNull(@Nullable JsonNode... nodes) {
		for (JsonNode node : nodes) {
			if (node != null) {
				return node;
			}
		}
		return null;
	}

	private static void collect(@Nullable JsonNode node, Set<String> names) {
		if (node == null) {
			return;
		}
		if (node.isString()) {
			names.add(node.stringValue());
		}
		else if (node.isArray()) {
			for (JsonNode element : node) {
				collect(element, names);
			}
		}
		else {
			throw new JsonRpcException(JsonRpcErrorCodes.INVALID_PARAMS, "Topic names must be strings");
		}
	}

	private void activate(JsonRpcExchange exchange, JsonRpcSession session, List<String> topics) {
		if (topics.isEmpty()) {
			return;
		}
		// nothing reaches the client before the subscribe response
		session.afterReply(exchange, () -> {
			for (String topic : topics) {
				try {
					this.subscriptions.activate(session, topic);
				}
				catch (RuntimeException ex) {
					// e.g. a retained-value lookup failing: the other topics still start
					logger.warn("Activating topic '" + JsonRpcLogText.escape(topic) + "' for session " + session.id()
							+ " failed", ex);
				}
			}
		});
	}

	/**
	 * The Java methods behind the built-in names; public for reflective invocation only.
	 */
	public final class Endpoint {

		Endpoint() {
		}

		public List<String> subscribe(JsonRpcExchange exchange, @JsonRpcParams(required = false) JsonNode params) {
			JsonRpcSession session = requireSession(exchange);
			List<String> topics = names(params);
			List<String> current = JsonRpcPubSubMethods.this.subscriptions.subscriptions(session);
			int added = 0;
			for (String topic : topics) {
				if (JsonRpcPubSubMethods.this.subscriptions.topic(topic) == null) {
					throw new JsonRpcException(JsonRpcErrorCodes.INVALID_PARAMS, "Unknown topic '" + topic + "'",
							Map.of("topic", topic));
				}
				if (!JsonRpcPubSubMethods.this.subscriptions.isAuthorized(topic, session)) {
					throw new JsonRpcException(JsonRpcErrorCodes.FORBIDDEN, "Not authorized for topic '" + topic + "'",
							Map.of("topic", topic));
				}
				added += current.contains(topic) ? 0 : 1;
			}
			int max = JsonRpcPubSubMethods.this.subscriptions.maxSubscriptionsPerSession();
			if (current.size() + added > max) {
				throw new JsonRpcException(JsonRpcErrorCodes.LIMIT_EXCEEDED,
						"Too many subscriptions (at most " + max + " per connection)", Map.of("max", max));
			}
			List<String> fresh = new ArrayList<>();
			for (String topic : topics) {
				try {
					if (JsonRpcPubSubMethods.this.subscriptions.subscribe(session, topic)) {
						fresh.add(topic);
					}
				}
				catch (IllegalStateException ex) {
					// raced with a concurrent subscribe on the same connection: the
					// client gets
					// an error, so undo what this call added rather than leave it half
					// done
					fresh.forEach((undo) -> JsonRpcPubSubMethods.this.subscriptions.unsubscribe(session, undo));
					throw new JsonRpcException(JsonRpcErrorCodes.LIMIT_EXCEEDED,
							"Too many subscriptions (at most " + max + " per connection)", Map.of("max", max));
				}
			}
			activate(exchange, session, fresh);
			return JsonRpcPubSubMethods.this.subscriptions.subscriptions(session);
		}

		public List<String> unsubscribe(JsonRpcExchange exchange, @JsonRpcParams(required = false) JsonNode params) {
			JsonRpcSession session = requireSession(exchange);
			for (String topic : names(params)) {
				JsonRpcPubSubMethods.this.subscriptions.unsubscribe(session, topic);
			}
			return JsonRpcPubSubMethods.this.subscriptions.subscriptions(session);
		}

		public List<String> getSubscriptions(JsonRpcExchange exchange,
				@JsonRpcParams(required = false) JsonNode params) {
			return JsonRpcPubSubMethods.this.subscriptions.subscriptions(requireSession(exchange));
		}

		public List<String> getTopics(JsonRpcExchange exchange, @JsonRpcParams(required = false) JsonNode params) {
			List<String> names = new ArrayList<>();
			for (JsonRpcTopic topic : JsonRpcPubSubMethods.this.subscriptions.topics()) {
				if (!topic.isPattern()
						&& JsonRpcPubSubMethods.this.subscriptions.isAuthorized(topic.name(), exchange.session())) {
					names.add(topic.name());
				}
			}
			return names;
		}

		public List<String> getMethods(JsonRpcExchange exchange, @JsonRpcParams(required = false) JsonNode params) {
			JsonRpcMethodRegistry current = JsonRpcPubSubMethods.this.registry;
			List<String> names = new ArrayList<>();
			if (current != null) {
				for (InvocableJsonRpcMethod method : current.methods()) {
					if (JsonRpcPubSubMethods.this.accessChecker.canInvoke(method, exchange)) {
						names.add(method.name());
					}
				}
			}
			return names;
		}

		public Map<String, String> on(JsonRpcExchange exchange, @JsonRpcParams(required = false) JsonNode params) {
			JsonRpcSession session = requireSession(exchange);
			Map<String, String> result = new LinkedHashMap<>();
			List<String> fresh = new ArrayList<>();
			for (String name : names(params)) {
				if (JsonRpcPubSubMethods.this.subscriptions.topic(name) == null) {
					result.put(name, UNKNOWN_EVENT);
				}
				else if (!JsonRpcPubSubMethods.this.subscriptions.isAuthorized(name, session)) {
					result.put(name, "forbidden");
				}
				else {
					try {
						if (JsonRpcPubSubMethods.this.subscriptions.subscribe(session, name)) {
							fresh.add(name);
						}
						result.put(name, "ok");
					}
					catch (IllegalStateException ex) {
						result.put(name, "subscription limit exceeded");
					}
				}
			}
			activate(exchange, session, fresh);
			return result;
		}

		public Map<String, String> off(JsonRpcExchange exchange, @JsonRpcParams(required = false) JsonNode params) {
			JsonRpcSession session = requireSession(exchange);
			Map<String, String> result = new LinkedHashMap<>();
			for (String name : names(params)) {
				result.put(name,
						JsonRpcPubSubMethods.this.subscriptions.unsubscribe(session, name) ? "ok" : "not subscribed");
			}
			return result;
		}

	}

}
