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

import io.github.jsonrpc.autoconfigure.JsonRpcAutoConfiguration;
import io.github.jsonrpc.autoconfigure.servlet.JsonRpcWebMvcAutoConfiguration;
import io.github.jsonrpc.autoconfigure.websocket.JsonRpcWebSocketAutoConfiguration;
import io.github.jsonrpc.server.websocket.JsonRpcWebSocketHandler;
import io.github.jsonrpc.protocol.JsonRpcEncodedMessage;
import io.github.jsonrpc.pubsub.DefaultJsonRpcPublisher;
import io.github.jsonrpc.pubsub.InProcessJsonRpcPubSubBackend;
import io.github.jsonrpc.pubsub.JsonRpcPubSubBackend;
import io.github.jsonrpc.pubsub.JsonRpcPubSubMethods;
import io.github.jsonrpc.pubsub.JsonRpcPublisher;
import io.github.jsonrpc.pubsub.JsonRpcSubscriptionRegistry;
import io.github.jsonrpc.pubsub.JsonRpcTopic;
import io.github.jsonrpc.server.method.JsonRpcMethodRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JsonRpcPubSubAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class JsonRpcPubSubAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JsonRpcAutoConfiguration.class, JsonRpcWebMvcAutoConfiguration.class,
				JsonRpcWebSocketAutoConfiguration.class, JsonRpcPubSubAutoConfiguration.class));

	@Test
	void inProcessBackendByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(InProcessJsonRpcPubSubBackend.class);
			assertThat(context.getBean(JsonRpcPublisher.class)).isInstanceOf(DefaultJsonRpcPublisher.class);
		});
	}

	@Test
	void inProcessBackendEvenWithRedisConfiguredUnlessAskedFor() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class)).run((context) -> {
			assertThat(context).hasSingleBean(RedisConnectionFactory.class);
			assertThat(context).hasSingleBean(InProcessJsonRpcPubSubBackend.class);
		});
	}

	@Test
	void redisBackendWithoutSpringDataRedisFailsAtStartup() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class))
			.withPropertyValues("jsonrpc.pubsub.backend=redis")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("jsonrpc.pubsub.backend=redis needs Spring Data Redis"));
	}

	@Test
	void redisBackendWithoutConnectionFactoryFailsAtStartup() {
		this.contextRunner.withPropertyValues("jsonrpc.pubsub.backend=redis")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("a RedisConnectionFactory bean"));
	}

	@Test
	void zeroRetainedTimeToLiveKeepsRetainedValuesUntilTheNextPublication() {
		// an empty value cannot unset the 1d default: the binder skips it
		JsonRpcPubSubProperties.Redis redis = new JsonRpcPubSubProperties().getRedis();
		assertThat(JsonRpcPubSubAutoConfiguration.RedisBackendConfiguration.retainedTimeToLive(redis))
			.isEqualTo(Duration.ofDays(1));
		redis.setRetainedTimeToLive(Duration.ZERO);
		assertThat(JsonRpcPubSubAutoConfiguration.RedisBackendConfiguration.retainedTimeToLive(redis)).isNull();
		redis.setRetainedTimeToLive(Duration.ofMinutes(5));
		assertThat(JsonRpcPubSubAutoConfiguration.RedisBackendConfiguration.retainedTimeToLive(redis))
			.isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void applicationBackendReplacesTheInProcessOne() {
		this.contextRunner.withUserConfiguration(BackendConfiguration.class)
			.withPropertyValues("jsonrpc.pubsub.topics.news.retain-last=true")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(InProcessJsonRpcPubSubBackend.class);
				RecordingBackend backend = context.getBean(RecordingBackend.class);
				context.getBean(JsonRpcPublisher.class).publish("news", 1);
				assertThat(backend.published)
					.isEqualTo("news:true:{\"jsonrpc\":\"2.0\",\"method\":\"news\",\"params\":1}");
			});
	}

	@Test
	void topicsPatternsAndLimitsComeFromProperties() {
		this.contextRunner.withPropertyValues("jsonrpc.pubsub.topics.clock.retain-last=true",
				"jsonrpc.pubsub.topics[rooms.*].retain-last=false", "jsonrpc.pubsub.max-subscriptions-per-connection=3")
			.run((context) -> {
				JsonRpcSubscriptionRegistry registry = context.getBean(JsonRpcSubscriptionRegistry.class);
				assertThat(registry.topics()).containsExactly(JsonRpcTopic.retained("clock"),
						JsonRpcTopic.of("rooms.*"));
				assertThat(registry.topic("rooms.7")).isNotNull();
				assertThat(registry.maxSubscriptionsPerSession()).isEqualTo(3);
			});
	}

	@Test
	void deprecatedWebSocketPropertiesAreWarnedAbout(CapturedOutput output) {
		this.contextRunner.run((context) -> assertThat(output).doesNotContain("is deprecated"));
		this.contextRunner
			.withPropertyValues("jsonrpc.websocket.topics.clock.retain-last=true",
					"jsonrpc.websocket.max-subscriptions-per-connection=7")
			.run((context) -> assertThat(output)
				.contains("jsonrpc.websocket.topics is deprecated: declare topics under jsonrpc.pubsub.topics")
				.contains("jsonrpc.websocket.max-subscriptions-per-connection is deprecated"));
	}

	@Test
	void builtInMethodNamesAreConfigurableAndCanBeSwitchedOff() {
		this.contextRunner
			.withPropertyValues("jsonrpc.pubsub.methods.subscribe=sub", "jsonrpc.pubsub.methods.get-methods=",
					"jsonrpc.pubsub.methods.on=")
			.run((context) -> {
				JsonRpcMethodRegistry registry = context.getBean(JsonRpcMethodRegistry.class);
				assertThat(registry.lookup("sub")).isNotNull();
				assertThat(registry.lookup("subscribe")).isNull();
				assertThat(registry.lookup("get_methods")).isNull();
				assertThat(registry.lookup("rpc.on")).isNull();
				assertThat(registry.lookup("rpc.off")).isNotNull();
				assertThat(context.getBean(JsonRpcWebSocketHandler.class).getSettings().stringParamsMethods())
					.containsExactlyInAnyOrder("sub", "unsubscribe");
			});
	}

	@Test
	void backsOffWhenDisabledWithoutTouchingWebSocket() {
		this.contextRunner.withPropertyValues("jsonrpc.pubsub.enabled=false").run((context) -> {
			assertThat(context).hasSingleBean(JsonRpcWebSocketHandler.class)
				.doesNotHaveBean(JsonRpcPublisher.class)
				.doesNotHaveBean(JsonRpcPubSubMethods.class);
			assertThat(context.getBean(JsonRpcMethodRegistry.class).lookup("subscribe")).isNull();
			assertThat(context.getBean(JsonRpcWebSocketHandler.class).getSettings().stringParamsMethods()).isEmpty();
		});
	}

	@Test
	void backsOffWithoutAPersistentTransport() {
		this.contextRunner.withPropertyValues("jsonrpc.websocket.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(JsonRpcPublisher.class));
	}

	@Test
	void applicationSubscribeMethodReplacesTheBuiltInOne() {
		this.contextRunner.withUserConfiguration(OwnSubscribeConfiguration.class).run((context) -> {
			JsonRpcMethodRegistry registry = context.getBean(JsonRpcMethodRegistry.class);
			assertThat(registry.lookup("subscribe").handlerMethod().bean())
				.isInstanceOf(OwnSubscribeConfiguration.Subscriptions.class);
			// the other built-in methods stay
			assertThat(registry.lookup("unsubscribe").handlerMethod().bean())
				.isInstanceOf(JsonRpcPubSubMethods.Endpoint.class);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnSubscribeConfiguration {

		// registered as a member class of this configuration
		@io.github.jsonrpc.server.method.annotation.JsonRpcService
		static class Subscriptions {

			public String subscribe(String topic) {
				return "mine:" + topic;
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BackendConfiguration {

		@Bean
		RecordingBackend recordingBackend() {
			return new RecordingBackend();
		}

	}

	static class RecordingBackend implements JsonRpcPubSubBackend {

		volatile String published;

		@Override
		public void attach(Receiver receiver) {
		}

		@Override
		public int publish(String topic, JsonRpcEncodedMessage message, boolean retain) {
			this.published = topic + ":" + retain + ":" + message.text();
			return 0;
		}

		@Override
		public int sendToUser(String userName, JsonRpcEncodedMessage message) {
			return 0;
		}

	}

}
