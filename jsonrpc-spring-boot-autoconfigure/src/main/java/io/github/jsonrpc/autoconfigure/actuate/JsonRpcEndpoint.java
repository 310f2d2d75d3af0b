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

package io.github.jsonrpc.autoconfigure.actuate;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.github.jsonrpc.autoconfigure.JsonRpcProperties;
import io.github.jsonrpc.autoconfigure.security.JsonRpcSecurityProperties;
import io.github.jsonrpc.server.JsonRpcSessionRegistry;
import io.github.jsonrpc.pubsub.JsonRpcSubscriptionRegistry;
import io.github.jsonrpc.pubsub.JsonRpcTopic;
import io.github.jsonrpc.server.JsonRpcSession;
import io.github.jsonrpc.server.method.InvocableJsonRpcMethod;
import io.github.jsonrpc.server.method.JsonRpcMethodLimits;
import io.github.jsonrpc.server.method.JsonRpcMethodRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.env.Environment;
import org.springframework.util.PatternMatchUtils;
import org.springframework.util.StringUtils;

/**
 * {@link Endpoint @Endpoint} {@code jsonrpc}: the methods with their access rules and
 * limits, the topics with their subscriber counts, the open sessions by transport, the
 * calls in flight and the configured limits. Read-only; it never shows params,
 * principals, credentials or payloads.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
@Endpoint(id = "jsonrpc")
public class JsonRpcEndpoint {

	private static final Set<String> SECURITY_ANNOTATIONS = Set.of(
			"org.springframework.security.access.prepost.PreAuthorize",
			"org.springframework.security.access.prepost.PostAuthorize",
			"org.springframework.security.access.annotation.Secured", "jakarta.annotation.security.RolesAllowed",
			"jakarta.annotation.security.PermitAll", "jakarta.annotation.security.DenyAll");

	private final JsonRpcMethodRegistry registry;

	private final JsonRpcInFlightCalls inFlight;

	private final JsonRpcProperties properties;

	private final Environment environment;

	private final ObjectProvider<JsonRpcSecurityProperties> securityProperties;

	private final ObjectProvider<JsonRpcSessionRegistry> sessions;

	private final ObjectProvider<JsonRpcSubscriptionRegistry> subscriptions;

	/**
	 * Create a new instance.
	 * @param registry the methods
	 * @param inFlight the counter of calls in flight
	 * @param properties the server properties
	 * @param environment the environment, for the WebSocket limits that are set
	 * @param securityProperties the access rules, when security is configured
	 * @param sessions the open sessions, when a persistent transport is configured
	 * @param subscriptions the topics and subscriptions, when pub/sub is configured
	 */
	public JsonRpcEndpoint(JsonRpcMethodRegistry registry, JsonRpcInFlightCalls inFlight, JsonRpcProperties properties,
			Environment environment, ObjectProvider<JsonRpcSecurityProperties> securityProperties,
			ObjectProvider<JsonRpcSessionRegistry> sessions,
			ObjectProvider<JsonRpcSubscriptionRegistry> subscriptions) {
		this.registry = registry;
		this.inFlight = inFlight;
		this.properties = properties;
		this.environment = environment;
		this.securityProperties = securityProperties;
		this.sessions = sessions;
		this.subscriptions = subscriptions;
	}

	/**
	 * Return the state of the JSON-RPC server.
	 * @return the descriptor
	 */
	@ReadOperation
	public JsonRpcDescriptor jsonrpc() {
		JsonRpcSecurityProperties security = this.securityProperties.getIfAvailable();
		List<MethodDescriptor> methods = new ArrayList<>();
		for (InvocableJsonRpcMethod method : this.registry.methods()) {
			JsonRpcMethodLimits limits = method.limits();
			String description = method.handlerMethod().description();
			methods.add(new MethodDescriptor(method.name(), StringUtils.hasText(description) ? description : null,
					access(method.name(), security), methodSecurity(method),
					(limits.timeout() != null) ? limits.timeout().toString() : null, limits.maxConcurrency(),
					this.inFlight.of(method.name())));
		}
		return new JsonRpcDescriptor(methods, topics(), sessions(),
				new InFlightDescriptor(this.inFlight.total(), this.inFlight.byTransport()), limits());
	}

	private static @Nullable String access(String method, @Nullable JsonRpcSecurityProperties security) {
		if (security == null) {
			return null;
		}
		for (Map.Entry<String, String> rule : security.getRules().entrySet()) {
			if (PatternMatchUtils.simpleMatch(rule.getKey(), method)) {
				return rule.getValue();
			}
		}
		return security.getDefaultAccess();
	}

	private static List<String> methodSecurity(InvocableJsonRpcMethod method) {
		List<String> rules = new ArrayList<>();
		AnnotatedElement[] elements = { method.handlerMethod().getMethod(), method.handlerMethod().beanType() };
		for (AnnotatedElement element : elements) {
			for (Annotation annotation : element.getAnnotations()) {
				String type = annotation.annotationType().getName();
				if (SECURITY_ANNOTATIONS.contains(type)) {
					Object value = AnnotationUtils.getValue(annotation);
					String text = (value instanceof String[] values) ? String.join(", ", values)
							: (value != null) ? value.toString() : "";
					rules.add("@" + annotation.annotationType().getSimpleName()
							+ (text.isEmpty() ? "" : "(" + text + ")"));
				}
			}
			if (!rules.isEmpty()) {
				// method annotations override those of the class
				break;
			}
		}
		return rules;
	}

	private List<TopicDescriptor> topics() {
		JsonRpcSubscriptionRegistry registry = this.subscriptions.getIfAvailable();
		if (registry == null) {
			return List.of();
		}
		List<TopicDescriptor> topics = new ArrayList<>();
		for (JsonRpcTopic topic : registry.topics()) {
			topics
				.add(new TopicDescriptor(topic.name(), topic.retainLast(), registry.subscribers(topic.name()).size()));
		}
		return topics;
	}

	private Map<String, Integer> sessions() {
		JsonRpcSessionRegistry registry = this.sessions.getIfAvailable();
		Map<String, Integer> counts = new TreeMap<>();
		if (registry != null) {
			for (JsonRpcSession session : registry.sessions()) {
				counts.merge(transportOf(session), 1, Integer::sum);
			}
		}
		return counts;
	}

	// every persistent transport is counted under its own name, as calls are
	private static String transportOf(JsonRpcSession session) {
		return session.transport().name();
	}

	private Map<String, Object> limits() {
		Map<String, Object> limits = new LinkedHashMap<>();
		JsonRpcProperties.Limits codec = this.properties.getLimits();
		limits.put("http.max-request-size", this.properties.getHttp().getMaxRequestSize().toString());
		limits.put("batch.max-size", this.properties.getBatch().getMaxSize());
		limits.put("batch.parallelism", this.properties.getBatch().getParallelism());
		limits.put("limits.max-nesting-depth", codec.getMaxNestingDepth());
		limits.put("limits.max-number-length", codec.getMaxNumberLength());
		limits.put("limits.max-string-length", codec.getMaxStringLength());
		limits.put("limits.max-name-length", codec.getMaxNameLength());
		limits.put("limits.max-method-name-length", codec.getMaxMethodNameLength());
		limits.put("limits.max-collected-items", codec.getMaxCollectedItems());
		limits.put("execution.offload-blocking", this.properties.getExecution().isOffloadBlocking());
		// the WebSocket limits that are set explicitly; the others have their defaults
		Binder.get(this.environment)
			.bind("jsonrpc.websocket", Bindable.mapOf(String.class, Object.class))
			.ifBound((websocket) -> websocket.forEach((key, value) -> {
				if (key.startsWith("max-") || key.equals("send-time-limit") || key.equals("idle-timeout")
						|| key.equals("ping-interval")) {
					limits.put("websocket." + key, value);
				}
			}));
		return limits;
	}

	/**
	 * The state of the JSON-RPC server.
	 *
	 * @param methods the registered methods
	 * @param topics the declared topics
	 * @param sessions the open sessions by transport
	 * @param inFlight the calls in flight
	 * @param limits the configured limits
	 */
	public record JsonRpcDescriptor(List<MethodDescriptor> methods, List<TopicDescriptor> topics,
			Map<String, Integer> sessions, InFlightDescriptor inFlight,
			Map<String, Object> limits) implements OperationResponseBody {

	}

	/**
	 * One method.
	 *
	 * @param name the JSON-RPC name
	 * @param description the description, or {@code null}
	 * @param access the {@code jsonrpc.security} rule that applies, or {@code null}
	 * without security
	 * @param methodSecurity the method security annotations that apply
	 * @param timeout the timeout (ISO-8601), or {@code null}
	 * @param maxConcurrency the concurrency limit, {@code 0} for none
	 * @param inFlight the calls in flight
	 */
	public record MethodDescriptor(String name, @Nullable String description, @Nullable String access,
			List<String> methodSecurity, @Nullable String timeout, int maxConcurrency, int inFlight) {

	}

	/**
	 * One topic.
	 *
	 * @param name the topic name
	 * @param retainLast whether the last value is kept for new subscribers
	 * @param subscribers the number of subscribed sessions
	 */
	public record TopicDescriptor(String name, boolean retainLast, int subscribers) {

	}

	/**
	 * The calls in flight.
	 *
	 * @param total all calls
	 * @param byTransport the calls by transport
	 */
	public record InFlightDescriptor(int total, Map<String, Integer> byTransport) {

	}

}
