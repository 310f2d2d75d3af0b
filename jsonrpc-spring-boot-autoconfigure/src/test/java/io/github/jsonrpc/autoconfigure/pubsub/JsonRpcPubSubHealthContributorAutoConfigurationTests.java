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
import java.util.Map;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.autoconfigure.JsonRpcAutoConfiguration;
import io.github.jsonrpc.autoconfigure.servlet.JsonRpcWebMvcAutoConfiguration;
import io.github.jsonrpc.autoconfigure.websocket.JsonRpcWebSocketAutoConfiguration;
import io.github.jsonrpc.pubsub.JsonRpcPubSubBackend;
import io.github.jsonrpc.pubsub.redis.EnabledIfRedis;
import io.github.jsonrpc.pubsub.redis.RedisJsonRpcPubSubBackend;
import io.github.jsonrpc.pubsub.redis.RedisTestConnections;
import io.github.jsonrpc.pubsub.redis.RedisTestProxy;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link JsonRpcPubSubHealthContributorAutoConfiguration} and the Redis backend
 * of {@link JsonRpcPubSubAutoConfiguration}, on the real Redis server.
 */
@EnabledIfRedis
class JsonRpcPubSubHealthContributorAutoConfigurationTests {

	// the backend's timeout, so its interval between attempts to join, where it matters
	private static final Duration TIMEOUT = Duration.ofMillis(500);

	private final String prefix = RedisTestConnections.uniquePrefix();

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, JsonRpcAutoConfiguration.class,
				JsonRpcWebMvcAutoConfiguration.class, JsonRpcWebSocketAutoConfiguration.class,
				JsonRpcPubSubAutoConfiguration.class, JsonRpcPubSubHealthContributorAutoConfiguration.class))
		.withPropertyValues("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=6379",
				"spring.data.redis.client-name=" + this.prefix, "jsonrpc.pubsub.backend=redis");

	@Test
	void redisBackendOnTheApplicationConnectionFactoryNamedAfterTheApplication() {
		this.contextRunner.withPropertyValues("spring.application.name=" + this.prefix).run((context) -> {
			assertThat(context.getBean(JsonRpcPubSubBackend.class)).isInstanceOf(RedisJsonRpcPubSubBackend.class);
			HealthIndicator indicator = context.getBean("jsonrpc-pubsubHealthIndicator", HealthIndicator.class);
			Health health = indicator.health(true);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("channel", this.prefix + ":pubsub")
				.containsEntry("backend", "redis")
				.containsEntry("notSent", 0L);
		});
	}

	@Test
	void applicationStartsWhileRedisIsDownAndItsPubSubComesUpWhenRedisAnswers() throws Exception {
		try (RedisTestProxy proxy = RedisTestProxy.start()) {
			proxy.cut();
			this.contextRunner
				.withPropertyValues("spring.data.redis.port=" + proxy.port(),
						"jsonrpc.pubsub.redis.timeout=" + TIMEOUT.toMillis() + "ms")
				.run((context) -> {
					assertThat(context).hasNotFailed();
					HealthIndicator indicator = context.getBean("jsonrpc-pubsubHealthIndicator", HealthIndicator.class);
					Health down = indicator.health(true);
					assertThat(down.getStatus()).isEqualTo(Status.DOWN);
					assertThat(down.getDetails()).containsEntry("listening", false).containsKey("lastFailure");
					proxy.restore();
					// joined after an interval, a PING and a subscription, each at most
					// the
					// timeout, and the shared machine's slack
					await().atMost(TIMEOUT.multipliedBy(3).plus(TestWaits.SHORT)).untilAsserted(() -> {
						Health up = indicator.health(true);
						assertThat(up.getStatus()).isEqualTo(Status.UP);
						assertThat(up.getDetails()).containsEntry("listening", true);
					});
				});
		}
	}

	@Test
	void healthIsDownWhileRedisAnswersButTheInstanceIsNotSubscribed() {
		// the backend's own connection answers; the listener container's is refused
		this.contextRunner.withPropertyValues("jsonrpc.pubsub.redis.timeout=" + TIMEOUT.toMillis() + "ms")
			.withBean(RedisConnectionFactory.class, () -> new NotSubscribingConnectionFactory(this.prefix))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				HealthIndicator indicator = context.getBean("jsonrpc-pubsubHealthIndicator", HealthIndicator.class);
				assertThat(context.getBean(RedisJsonRpcPubSubBackend.class).check().available()).isTrue();
				Health health = indicator.health(true);
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("listening", false);
			});
	}

	/**
	 * A connection factory of the test Redis whose blocking connections, the listener
	 * container's, are all refused.
	 */
	static final class NotSubscribingConnectionFactory extends LettuceConnectionFactory {

		NotSubscribingConnectionFactory(String clientName) {
			super(new RedisStandaloneConfiguration("127.0.0.1", RedisTestConnections.PORT),
					LettuceClientConfiguration.builder().clientName(clientName).build());
		}

		@Override
		public RedisConnection getConnection() {
			throw new RedisConnectionFailureException("Refused by the test");
		}

	}

	@Test
	void channelPrefixIsConfigurable() {
		this.contextRunner
			.withPropertyValues("jsonrpc.pubsub.redis.channel-prefix=" + this.prefix + "-own",
					"jsonrpc.pubsub.redis.timeout=2s")
			.run((context) -> {
				RedisJsonRpcPubSubBackend backend = context.getBean(RedisJsonRpcPubSubBackend.class);
				assertThat(backend.check().channel()).isEqualTo(this.prefix + "-own:pubsub");
			});
	}

	@Test
	void healthIndicatorCanBeSwitchedOff() {
		this.contextRunner.withPropertyValues("management.health.jsonrpc-pubsub.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(RedisJsonRpcPubSubBackend.class)
				.doesNotHaveBean(HealthIndicator.class));
	}

	@Test
	void noHealthIndicatorForTheInProcessBackend() {
		this.contextRunner.withPropertyValues("jsonrpc.pubsub.backend=in-process")
			.run((context) -> assertThat(context.getBeansOfType(HealthIndicator.class)).isEqualTo(Map.of()));
	}

}
