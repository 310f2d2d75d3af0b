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
package io.github.jsonrpc.autoconfigure.pubsub;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.jsonrpc.autoconfigure.JsonRpcAutoConfiguration;
import io.github.jsonrpc.autoconfigure.websocket.JsonRpcWebSocketProperties;
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.pubsub.DefaultJsonRpcPublisher;
import io.github.jsonrpc.pubsub.InProcessJsonRpcPubSubBackend;
import io.github.jsonrpc.pubsub.JsonRpcPubSubBackend;
import io.github.jsonrpc.pubsub.JsonRpcPubSubMethodNames;
import io.github.jsonrpc.pubsub.JsonRpcPubSubMethods;
import io.github.jsonrpc.pubsub.JsonRpcPublisher;
import io.github.jsonrpc.pubsub.JsonRpcSubscriptionRegistry;
import io.github.jsonrpc.pubsub.JsonRpcTopic;
import io.github.jsonrpc.pubsub.JsonRpcTopicAuthorizer;
import io.github.jsonrpc.pubsub.redis.RedisJsonRpcPubSubBackend;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.JsonRpcSessionRegistry;
import io.github.jsonrpc.server.method.InvocableJsonRpcMethodFactory;
import io.github.jsonrpc.server.method.JsonRpcMethodAccessChecker;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of publish/subscribe, where a persistent transport (WebSocket)
 * registered its {@link JsonRpcSessionRegistry}: topics, this instance's subscriptions,
 * the {@link JsonRpcPubSubBackend} (in-process unless the application defines one, or
 * Redis with {@code jsonrpc.pubsub.backend=redis}), the {@link JsonRpcPublisher} and the
 * built-in subscription methods. Off with {@code jsonrpc.pubsub.enabled=false}; every
 * bean can be replaced.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = JsonRpcAutoConfiguration.class,
		afterName = { "io.github.jsonrpc.autoconfigure.websocket.JsonRpcWebSocketAutoConfiguration",
				"io.github.jsonrpc.autoconfigure.tcp.JsonRpcTcpAutoConfiguration",
				"io.github.jsonrpc.autoconfigure.stdio.JsonRpcStdioAutoConfiguration",
				"io.github.jsonrpc.autoconfigure.security.JsonRpcSecurityAutoConfiguration",
				"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration" })
@ConditionalOnBean({ JsonRpcHandler.class, JsonRpcSessionRegistry.class })
@ConditionalOnBooleanProperty(name = "jsonrpc.pubsub.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ JsonRpcPubSubProperties.class, JsonRpcWebSocketProperties.class })
public final class JsonRpcPubSubAutoConfiguration {

	private static final Log logger = LogFactory.getLog(JsonRpcPubSubAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	JsonRpcTopicAuthorizer jsonRpcTopicAuthorizer() {
		return JsonRpcTopicAuthorizer.permitAll();
	}

	@Bean
	@ConditionalOnMissingBean
	JsonRpcMethodAccessChecker jsonRpcMethodAccessChecker() {
		return JsonRpcMethodAccessChecker.allowAll();
	}

	@Bean
	@ConditionalOnMissingBean
	@SuppressWarnings("removal")
	JsonRpcSubscriptionRegistry jsonRpcSubscriptionRegistry(JsonRpcPubSubProperties properties,
			JsonRpcWebSocketProperties webSocketProperties, ObjectProvider<JsonRpcTopic> topicBeans,
			JsonRpcTopicAuthorizer authorizer) {
		List<JsonRpcTopic> topics = new ArrayList<>();
		properties.getTopics().forEach((name, topic) -> topics.add(new JsonRpcTopic(name, topic.isRetainLast())));
		if (!webSocketProperties.getTopics().isEmpty()) {
			logger.warn("jsonrpc.websocket.topics is deprecated: declare topics under jsonrpc.pubsub.topics");
			for (Map.Entry<String, JsonRpcWebSocketProperties.Topic> entry : webSocketProperties.getTopics()
				.entrySet()) {
				topics.add(new JsonRpcTopic(entry.getKey(), entry.getValue().isRetainLast()));
			}
		}
		topicBeans.orderedStream().forEach(topics::add);
		Integer deprecatedMax = webSocketProperties.getMaxSubscriptionsPerConnection();
		if (deprecatedMax != null) {
			logger.warn("jsonrpc.websocket.max-subscriptions-per-connection is deprecated: use "
					+ "jsonrpc.pubsub.max-subscriptions-per-connection (the deprecated value applies while it is set)");
		}
		int max = (deprecatedMax != null) ? deprecatedMax : properties.getMaxSubscriptionsPerConnection();
		return new JsonRpcSubscriptionRegistry(topics, max, authorizer);
	}

	@Bean
	@ConditionalOnMissingBean
	JsonRpcPubSubBackend jsonRpcPubSubBackend(JsonRpcPubSubProperties properties) {
		// the Redis configuration below defines the backend when it can
		Assert.state(properties.getBackend() != JsonRpcPubSubProperties.Backend.REDIS,
				"jsonrpc.pubsub.backend=redis needs Spring Data Redis with Lettuce "
						+ "(spring-boot-starter-data-redis) and a RedisConnectionFactory bean");
		return new InProcessJsonRpcPubSubBackend();
	}

	@Bean
	@ConditionalOnMissingBean
	JsonRpcPublisher jsonRpcPublisher(JsonRpcSessionRegistry sessions, JsonRpcSubscriptionRegistry subscriptions,
			JsonRpcPubSubBackend backend, JsonRpcMessageCodec codec) {
		return new DefaultJsonRpcPublisher(sessions, subscriptions, backend, codec);
	}

	@Bean
	@ConditionalOnMissingBean
	JsonRpcPubSubMethodNames jsonRpcPubSubMethodNames(JsonRpcPubSubProperties properties) {
		return properties.getMethods().toNames();
	}

	@Bean
	@ConditionalOnMissingBean
	JsonRpcPubSubMethods jsonRpcPubSubMethods(InvocableJsonRpcMethodFactory methodFactory,
			JsonRpcSubscriptionRegistry subscriptions, JsonRpcMethodAccessChecker accessChecker,
			JsonRpcPubSubMethodNames names) {
		return new JsonRpcPubSubMethods(methodFactory, subscriptions, accessChecker, names);
	}

	/**
	 * The Redis backend, on the application's connection factory.
	 */
	@Configuration(proxyBeanMethods = false)
	// the backend talks to Redis through the reactive API: Lettuce brings Reactor
	@ConditionalOnClass(value = { RedisConnectionFactory.class, ReactiveRedisConnectionFactory.class },
			name = "reactor.core.publisher.Mono")
	@ConditionalOnProperty(name = "jsonrpc.pubsub.backend", havingValue = "redis")
	static class RedisBackendConfiguration {

		@Bean
		@ConditionalOnMissingBean(JsonRpcPubSubBackend.class)
		@ConditionalOnBean(RedisConnectionFactory.class)
		RedisJsonRpcPubSubBackend redisJsonRpcPubSubBackend(RedisConnectionFactory connectionFactory,
				JsonRpcPubSubProperties properties, Environment environment) {
			JsonRpcPubSubProperties.Redis redis = properties.getRedis();
			String prefix = redis.getChannelPrefix();
			if (!StringUtils.hasText(prefix)) {
				prefix = environment.getProperty("spring.application.name", "jsonrpc");
			}
			return RedisJsonRpcPubSubBackend.builder(connectionFactory)
				.channelPrefix(prefix)
				.timeout(redis.getTimeout())
				.maxMessageSize(Math.toIntExact(redis.getMaxMessageSize().toBytes()))
				.maxPendingSize(redis.getMaxPendingSize().toBytes())
				.retainedTimeToLive(retainedTimeToLive(redis))
				.build();
		}

		// an empty value cannot unset a property that has a default, so 0 stands for
		// "keep the retained value until the next publication"
		static @Nullable Duration retainedTimeToLive(JsonRpcPubSubProperties.Redis redis) {
			Duration timeToLive = redis.getRetainedTimeToLive();
			return (timeToLive == null || timeToLive.isZero()) ? null : timeToLive;
		}

	}

}
