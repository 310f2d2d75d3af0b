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
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.jsonrpc.autoconfigure.PositiveDurations;
import io.github.jsonrpc.pubsub.JsonRpcPubSubMethodNames;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties of publish/subscribe over persistent connections.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
@ConfigurationProperties("jsonrpc.pubsub")
public class JsonRpcPubSubProperties {

	/**
	 * Whether publish/subscribe (the publisher, topics and the built-in subscription
	 * methods) is enabled where a persistent transport such as WebSocket is.
	 */
	private boolean enabled = true;

	/**
	 * Maximum number of topics one connection can subscribe to.
	 */
	private int maxSubscriptionsPerConnection = 1024;

	/**
	 * Topics clients can subscribe to, by name. A name holding '*' declares topics by
	 * pattern (write it as '[rooms.*]' in YAML).
	 */
	private Map<String, Topic> topics = new LinkedHashMap<>();

	/**
	 * Names of the built-in methods.
	 */
	private final Methods methods = new Methods();

	/**
	 * Backend carrying publications, notifications to users and retained values between
	 * the instances of the application.
	 */
	private Backend backend = Backend.IN_PROCESS;

	/**
	 * Redis backend, used with 'jsonrpc.pubsub.backend=redis'.
	 */
	private final Redis redis = new Redis();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getMaxSubscriptionsPerConnection() {
		return this.maxSubscriptionsPerConnection;
	}

	public void setMaxSubscriptionsPerConnection(int maxSubscriptionsPerConnection) {
		Assert.isTrue(maxSubscriptionsPerConnection > 0, "'maxSubscriptionsPerConnection' must be positive");
		this.maxSubscriptionsPerConnection = maxSubscriptionsPerConnection;
	}

	public Map<String, Topic> getTopics() {
		return this.topics;
	}

	public void setTopics(Map<String, Topic> topics) {
		this.topics = topics;
	}

	public Methods getMethods() {
		return this.methods;
	}

	public Backend getBackend() {
		return this.backend;
	}

	public void setBackend(Backend backend) {
		this.backend = backend;
	}

	public Redis getRedis() {
		return this.redis;
	}

	/**
	 * Backends of publish/subscribe.
	 */
	public enum Backend {

		/**
		 * One instance: publications reach the subscribers connected to it.
		 */
		IN_PROCESS,

		/**
		 * Every instance sharing one Redis, through the application's
		 * RedisConnectionFactory (spring.data.redis.*, Lettuce).
		 */
		REDIS

	}

	/**
	 * Settings of the Redis backend.
	 */
	public static class Redis {

		/**
		 * Prefix of the Redis channel and keys, so that applications can share one Redis.
		 * Defaults to 'spring.application.name', or 'jsonrpc' without one.
		 */
		private @Nullable String channelPrefix;

		/**
		 * How long Redis may leave commands unanswered before it counts as unavailable
		 * (publications are then delivered on this instance only, until it answers a
		 * PING); also the longest a subscribe waits for a retained value from Redis, and
		 * the interval between attempts to connect after a start while Redis did not
		 * answer.
		 */
		private Duration timeout = Duration.ofSeconds(1);

		/**
		 * Maximum size of a notification sent or accepted through Redis; larger ones are
		 * delivered on the publishing instance only.
		 */
		private DataSize maxMessageSize = DataSize.ofMegabytes(1);

		/**
		 * Maximum size of what waits for Redis to take it; past it, publications are
		 * delivered on this instance only.
		 */
		private DataSize maxPendingSize = DataSize.ofMegabytes(16);

		/**
		 * How long a retained value stays in Redis after its last publication; 0 keeps it
		 * until the next publication.
		 */
		private @Nullable Duration retainedTimeToLive = Duration.ofDays(1);

		public @Nullable String getChannelPrefix() {
			return this.channelPrefix;
		}

		public void setChannelPrefix(@Nullable String channelPrefix) {
			this.channelPrefix = channelPrefix;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			PositiveDurations.require(timeout, "jsonrpc.pubsub.redis.timeout must be positive");
			this.timeout = timeout;
		}

		public DataSize getMaxMessageSize() {
			return this.maxMessageSize;
		}

		public void setMaxMessageSize(DataSize maxMessageSize) {
			Assert.isTrue(maxMessageSize.toBytes() > 0 && maxMessageSize.toBytes() <= Integer.MAX_VALUE,
					"jsonrpc.pubsub.redis.max-message-size must be positive and below 2 GB");
			this.maxMessageSize = maxMessageSize;
		}

		public DataSize getMaxPendingSize() {
			return this.maxPendingSize;
		}

		public void setMaxPendingSize(DataSize maxPendingSize) {
			Assert.isTrue(maxPendingSize.toBytes() > 0, "jsonrpc.pubsub.redis.max-pending-size must be positive");
			this.maxPendingSize = maxPendingSize;
		}

		public @Nullable Duration getRetainedTimeToLive() {
			return this.retainedTimeToLive;
		}

		public void setRetainedTimeToLive(@Nullable Duration retainedTimeToLive) {
			Assert.isTrue(retainedTimeToLive == null || !retainedTimeToLive.isNegative(),
					"jsonrpc.pubsub.redis.retained-time-to-live must not be negative");
			this.retainedTimeToLive = retainedTimeToLive;
		}

	}

	/**
	 * Settings of one topic.
	 */
	public static class Topic {

		/**
		 * Whether the last published value is kept and sent to each new subscriber right
		 * after its subscribe response.
		 */
		private boolean retainLast;

		public boolean isRetainLast() {
			return this.retainLast;
		}

		public void setRetainLast(boolean retainLast) {
			this.retainLast = retainLast;
		}

	}

	/**
	 * Names of the built-in methods; an empty name switches that method off.
	 */
	public static class Methods {

		/**
		 * Name of the method subscribing the connection to topics (aiohttp-json-rpc
		 * dialect).
		 */
		private String subscribe = "subscribe";

		/**
		 * Name of the method ending subscriptions (aiohttp-json-rpc dialect).
		 */
		private String unsubscribe = "unsubscribe";

		/**
		 * Name of the method listing the connection's subscriptions.
		 */
		private String getSubscriptions = "get_subscriptions";

		/**
		 * Name of the method listing the topics the caller may subscribe to.
		 */
		private String getTopics = "get_topics";

		/**
		 * Name of the method listing the methods the caller may call.
		 */
		private String getMethods = "get_methods";

		/**
		 * Name of the method subscribing to events (rpc-websockets dialect).
		 */
		private String on = "rpc.on";

		/**
		 * Name of the method ending event subscriptions (rpc-websockets dialect).
		 */
		private String off = "rpc.off";

		public String getSubscribe() {
			return this.subscribe;
		}

		public void setSubscribe(String subscribe) {
			this.subscribe = subscribe;
		}

		public String getUnsubscribe() {
			return this.unsubscribe;
		}

		public void setUnsubscribe(String unsubscribe) {
			this.unsubscribe = unsubscribe;
		}

		public String getGetSubscriptions() {
			return this.getSubscriptions;
		}

		public void setGetSubscriptions(String getSubscriptions) {
			this.getSubscriptions = getSubscriptions;
		}

		public String getGetTopics() {
			return this.getTopics;
		}

		public void setGetTopics(String getTopics) {
			this.getTopics = getTopics;
		}

		public String getGetMethods() {
			return this.getMethods;
		}

		public void setGetMethods(String getMethods) {
			this.getMethods = getMethods;
		}

		public String getOn() {
			return this.on;
		}

		public void setOn(String on) {
			this.on = on;
		}

		public String getOff() {
			return this.off;
		}

		public void setOff(String off) {
			this.off = off;
		}

		JsonRpcPubSubMethodNames toNames() {
			return new JsonRpcPubSubMethodNames(this.subscribe, this.unsubscribe, this.getSubscriptions, this.getTopics,
					this.getMethods, this.on, this.off);
		}

	}

}
