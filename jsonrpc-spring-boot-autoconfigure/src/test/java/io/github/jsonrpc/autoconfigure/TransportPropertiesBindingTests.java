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

package io.github.jsonrpc.autoconfigure;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.github.jsonrpc.autoconfigure.client.JsonRpcClientProperties;
import io.github.jsonrpc.autoconfigure.pubsub.JsonRpcPubSubProperties;
import io.github.jsonrpc.autoconfigure.security.JsonRpcSecurityProperties;
import io.github.jsonrpc.autoconfigure.stdio.JsonRpcStdioProperties;
import io.github.jsonrpc.autoconfigure.tcp.JsonRpcTcpProperties;
import io.github.jsonrpc.autoconfigure.websocket.JsonRpcWebSocketProperties;
import io.github.jsonrpc.protocol.JsonRpcFraming;
import io.github.jsonrpc.security.MethodAccessJsonRpcInterceptor.DeniedMethods;
import io.github.jsonrpc.server.connection.JsonRpcConnectionSettings;
import io.github.jsonrpc.server.connection.JsonRpcMemoryBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the binding of the transports' and features' properties
 * ({@code jsonrpc.websocket}, {@code jsonrpc.tcp}, {@code jsonrpc.pubsub},
 * {@code jsonrpc.security}, {@code jsonrpc.client}) through Spring Boot's binder: the
 * defaults the README documents, every bound value, the WebSocket connection settings
 * they produce, and every validation.
 *
 * @author JSON-RPC for Spring Boot team
 */
class TransportPropertiesBindingTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(PropertiesConfiguration.class);

	@Test
	void bindsTheDocumentedDefaults() {
		this.contextRunner.run((context) -> {
			JsonRpcWebSocketProperties websocket = context.getBean(JsonRpcWebSocketProperties.class);
			assertThat(websocket.isEnabled()).isTrue();
			assertThat(websocket.getPath()).isEqualTo("/jsonrpc");
			assertThat(websocket.getAllowedOrigins()).isEmpty();
			assertThat(websocket.getAllowedOriginPatterns()).isEmpty();
			assertThat(websocket.getAllowedHosts()).isEmpty();
			assertThat(websocket.isTomcatGatheredWrites()).isFalse();
			assertThat(websocket.getMaxSubscriptionsPerConnection()).isNull();
			assertThat(websocket.getTopics()).isEmpty();
			JsonRpcMemoryBudget budget = JsonRpcMemoryBudget.of(1024);
			assertThat(websocket.toConnectionSettings(Set.of(), budget)).isEqualTo(new JsonRpcConnectionSettings(
					1024 * 1024, 256, 4, 1024, 16 * 1024 * 1024, Duration.ofSeconds(10), Duration.ofSeconds(30),
					Duration.ofSeconds(90), Set.of(), budget, Duration.ofSeconds(30), 64));
			JsonRpcTcpProperties tcp = context.getBean(JsonRpcTcpProperties.class);
			assertThat(tcp.isEnabled()).isFalse();
			assertThat(tcp.getAddress()).isEqualTo(InetAddress.getLoopbackAddress());
			assertThat(tcp.getPort()).isZero();
			assertThat(tcp.getFraming()).isEqualTo(JsonRpcFraming.NDJSON);
			assertThat(tcp.getMaxMessageSize()).isEqualTo(DataSize.ofMegabytes(1));
			assertThat(tcp.getMaxInFlight()).isEqualTo(256);
			assertThat(tcp.getMaxOutboundMessages()).isEqualTo(1024);
			assertThat(tcp.getMaxOutboundSize()).isEqualTo(DataSize.ofMegabytes(16));
			assertThat(tcp.getSendTimeLimit()).isEqualTo(Duration.ofSeconds(10));
			assertThat(tcp.getIdleTimeout()).isEqualTo(Duration.ofMinutes(5));
			assertThat(tcp.getShutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
			assertThat(tcp.getSsl().getBundle()).isNull();
			assertThat(tcp.getSsl().getClientAuth()).isEqualTo(JsonRpcTcpProperties.ClientAuth.NONE);
			JsonRpcPubSubProperties pubsub = context.getBean(JsonRpcPubSubProperties.class);
			assertThat(pubsub.isEnabled()).isTrue();
			assertThat(pubsub.getMaxSubscriptionsPerConnection()).isEqualTo(1024);
			assertThat(pubsub.getTopics()).isEmpty();
			assertThat(pubsub.getBackend()).isEqualTo(JsonRpcPubSubProperties.Backend.IN_PROCESS);
			JsonRpcPubSubProperties.Methods methods = pubsub.getMethods();
			assertThat(List.of(methods.getSubscribe(), methods.getUnsubscribe(), methods.getGetSubscriptions(),
					methods.getGetTopics(), methods.getGetMethods(), methods.getOn(), methods.getOff()))
				.containsExactly("subscribe", "unsubscribe", "get_subscriptions", "get_topics", "get_methods", "rpc.on",
						"rpc.off");
			JsonRpcPubSubProperties.Redis redis = pubsub.getRedis();
			assertThat(redis.getChannelPrefix()).isNull();
			assertThat(redis.getTimeout()).isEqualTo(Duration.ofSeconds(1));
			assertThat(redis.getMaxMessageSize()).isEqualTo(DataSize.ofMegabytes(1));
			assertThat(redis.getMaxPendingSize()).isEqualTo(DataSize.ofMegabytes(16));
			assertThat(redis.getRetainedTimeToLive()).isEqualTo(Duration.ofDays(1));
			JsonRpcSecurityProperties security = context.getBean(JsonRpcSecurityProperties.class);
			assertThat(security.getDefaultAccess()).isEqualTo("permit-all");
			assertThat(security.getRules()).isEmpty();
			assertThat(security.getTopics()).isEmpty();
			assertThat(security.getDeniedMethods()).isEqualTo(DeniedMethods.UNAUTHORIZED);
			assertThat(security.getLogin().isEnabled()).isFalse();
			assertThat(security.getLogin().getMaxFailuresPerConnection()).isEqualTo(5);
			assertThat(security.getLogin().getMaxFailuresPerAddress()).isEqualTo(20);
			assertThat(security.getLogin().getFailureWindow()).isEqualTo(Duration.ofMinutes(1));
			assertThat(context.getBean(JsonRpcClientProperties.class)).isEmpty();
			assertThat(context.getBean(JsonRpcStdioProperties.class).isEnabled()).isFalse();
		});
	}

	@Test
	void bindsEveryWebSocketProperty() {
		this.contextRunner.withPropertyValues("jsonrpc.websocket.enabled=false", "jsonrpc.websocket.path=/ws",
				"jsonrpc.websocket.allowed-origins=https://a.example",
				"jsonrpc.websocket.allowed-origin-patterns=https://*.example",
				"jsonrpc.websocket.allowed-hosts=rpc.example", "jsonrpc.websocket.max-message-size=2KB",
				"jsonrpc.websocket.max-in-flight=3", "jsonrpc.websocket.max-concurrent-calls=2",
				"jsonrpc.websocket.max-outbound-messages=5", "jsonrpc.websocket.max-outbound-size=6KB",
				"jsonrpc.websocket.send-time-limit=7s", "jsonrpc.websocket.ping-interval=0s",
				"jsonrpc.websocket.idle-timeout=9s", "jsonrpc.websocket.tomcat-gathered-writes=true",
				"jsonrpc.websocket.server-request-timeout=11s", "jsonrpc.websocket.max-pending-server-requests=12",
				"jsonrpc.websocket.max-subscriptions-per-connection=13",
				"jsonrpc.websocket.topics.news.retain-last=true", "jsonrpc.websocket.topics.prices.retain-last=false")
			.run((context) -> {
				JsonRpcWebSocketProperties websocket = context.getBean(JsonRpcWebSocketProperties.class);
				assertThat(websocket.isEnabled()).isFalse();
				assertThat(websocket.getPath()).isEqualTo("/ws");
				assertThat(websocket.getAllowedOrigins()).containsExactly("https://a.example");
				assertThat(websocket.getAllowedOriginPatterns()).containsExactly("https://*.example");
				assertThat(websocket.getAllowedHosts()).containsExactly("rpc.example");
				assertThat(websocket.isTomcatGatheredWrites()).isTrue();
				assertThat(websocket.getMaxSubscriptionsPerConnection()).isEqualTo(13);
				assertThat(websocket.getTopics().get("news").isRetainLast()).isTrue();
				assertThat(websocket.getTopics().get("prices").isRetainLast()).isFalse();
				JsonRpcMemoryBudget budget = JsonRpcMemoryBudget.of(1024);
				assertThat(websocket.toConnectionSettings(Set.of("login"), budget))
					.isEqualTo(new JsonRpcConnectionSettings(2048, 3, 2, 5, 6 * 1024, Duration.ofSeconds(7),
							Duration.ZERO, Duration.ofSeconds(9), Set.of("login"), budget, Duration.ofSeconds(11), 12));
			});
	}

	@Test
	void bindsEveryTcpPubSubSecurityAndClientProperty() {
		this.contextRunner
			.withPropertyValues("jsonrpc.tcp.enabled=true", "jsonrpc.tcp.address=0.0.0.0", "jsonrpc.tcp.port=9090",
					"jsonrpc.tcp.framing=content-length", "jsonrpc.tcp.max-message-size=2KB",
					"jsonrpc.tcp.max-in-flight=3", "jsonrpc.tcp.max-outbound-messages=4",
					"jsonrpc.tcp.max-outbound-size=5KB", "jsonrpc.tcp.send-time-limit=6s",
					"jsonrpc.tcp.idle-timeout=7s", "jsonrpc.tcp.shutdown-timeout=8s", "jsonrpc.tcp.ssl.bundle=rpc",
					"jsonrpc.tcp.ssl.client-auth=need", "jsonrpc.pubsub.enabled=false",
					"jsonrpc.pubsub.max-subscriptions-per-connection=9", "jsonrpc.pubsub.topics.news.retain-last=true",
					"jsonrpc.pubsub.topics.prices.retain-last=false", "jsonrpc.pubsub.backend=redis",
					"jsonrpc.pubsub.methods.subscribe=sub", "jsonrpc.pubsub.methods.unsubscribe=unsub",
					"jsonrpc.pubsub.methods.get-subscriptions=subs", "jsonrpc.pubsub.methods.get-topics=topics",
					"jsonrpc.pubsub.methods.get-methods=methods", "jsonrpc.pubsub.methods.on=on",
					"jsonrpc.pubsub.methods.off=off", "jsonrpc.pubsub.redis.channel-prefix=app:",
					"jsonrpc.pubsub.redis.timeout=2s", "jsonrpc.pubsub.redis.max-message-size=3KB",
					"jsonrpc.pubsub.redis.max-pending-size=4KB", "jsonrpc.pubsub.redis.retained-time-to-live=5m",
					"jsonrpc.security.default-access=deny-all", "jsonrpc.security.rules.[calc.*]=authenticated",
					"jsonrpc.security.topics.news=hasRole('READER')", "jsonrpc.security.denied-methods=not-found",
					"jsonrpc.security.login.enabled=true", "jsonrpc.security.login.max-failures-per-connection=2",
					"jsonrpc.security.login.max-failures-per-address=3", "jsonrpc.security.login.failure-window=4m",
					"jsonrpc.client.calc.url=http://127.0.0.1:8080/jsonrpc", "jsonrpc.client.calc.transport=websocket",
					"jsonrpc.client.calc.connect-timeout=1s", "jsonrpc.client.calc.timeout=2s",
					"jsonrpc.client.calc.headers.X-Api-Key=k", "jsonrpc.client.calc.username=u",
					"jsonrpc.client.calc.password=p", "jsonrpc.client.calc.bearer-token=t",
					"jsonrpc.client.calc.reconnect-initial-delay=3s", "jsonrpc.client.calc.reconnect-max-delay=4s")
			.run((context) -> {
				JsonRpcTcpProperties tcp = context.getBean(JsonRpcTcpProperties.class);
				assertThat(tcp.isEnabled()).isTrue();
				assertThat(tcp.getAddress()).isEqualTo(InetAddress.getByName("0.0.0.0"));
				assertThat(tcp.getPort()).isEqualTo(9090);
				assertThat(tcp.getFraming()).isEqualTo(JsonRpcFraming.CONTENT_LENGTH);
				assertThat(tcp.getMaxMessageSize()).isEqualTo(DataSize.ofKilobytes(2));
				assertThat(tcp.getMaxInFlight()).isEqualTo(3);
				assertThat(tcp.getMaxOutboundMessages()).isEqualTo(4);
				assertThat(tcp.getMaxOutboundSize()).isEqualTo(DataSize.ofKilobytes(5));
				assertThat(tcp.getSendTimeLimit()).isEqualTo(Duration.ofSeconds(6));
				assertThat(tcp.getIdleTimeout()).isEqualTo(Duration.ofSeconds(7));
				assertThat(tcp.getShutdownTimeout()).isEqualTo(Duration.ofSeconds(8));
				assertThat(tcp.getSsl().getBundle()).isEqualTo("rpc");
				assertThat(tcp.getSsl().getClientAuth()).isEqualTo(JsonRpcTcpProperties.ClientAuth.NEED);
				JsonRpcPubSubProperties pubsub = context.getBean(JsonRpcPubSubProperties.class);
				assertThat(pubsub.isEnabled()).isFalse();
				assertThat(pubsub.getMaxSubscriptionsPerConnection()).isEqualTo(9);
				assertThat(pubsub.getTopics().get("news").isRetainLast()).isTrue();
				assertThat(pubsub.getTopics().get("prices").isRetainLast()).isFalse();
				assertThat(pubsub.getBackend()).isEqualTo(JsonRpcPubSubProperties.Backend.REDIS);
				JsonRpcPubSubProperties.Methods methods = pubsub.getMethods();
				assertThat(List.of(methods.getSubscribe(), methods.getUnsubscribe(), methods.getGetSubscriptions(),
						methods.getGetTopics(), methods.getGetMethods(), methods.getOn(), methods.getOff()))
					.containsExactly("sub", "unsub", "subs", "topics", "methods", "on", "off");
				JsonRpcPubSubProperties.Redis redis = pubsub.getRedis();
				assertThat(redis.getChannelPrefix()).isEqualTo("app:");
				assertThat(redis.getTimeout()).isEqualTo(Duration.ofSeconds(2));
				assertThat(redis.getMaxMessageSize()).isEqualTo(DataSize.ofKilobytes(3));
				assertThat(redis.getMaxPendingSize()).isEqualTo(DataSize.ofKilobytes(4));
				assertThat(redis.getRetainedTimeToLive()).isEqualTo(Duration.ofMinutes(5));
				JsonRpcSecurityProperties security = context.getBean(JsonRpcSecurityProperties.class);
				assertThat(security.getDefaultAccess()).isEqualTo("deny-all");
				assertThat(security.getRules())
					.containsExactly(org.assertj.core.api.Assertions.entry("calc.*", "authenticated"));
				assertThat(security.getTopics()).containsEntry("news", "hasRole('READER')");
				assertThat(security.getDeniedMethods()).isEqualTo(DeniedMethods.NOT_FOUND);
				assertThat(security.getLogin().isEnabled()).isTrue();
				assertThat(security.getLogin().getMaxFailuresPerConnection()).isEqualTo(2);
				assertThat(security.getLogin().getMaxFailuresPerAddress()).isEqualTo(3);
				assertThat(security.getLogin().getFailureWindow()).isEqualTo(Duration.ofMinutes(4));
				JsonRpcClientProperties.Client calc = context.getBean(JsonRpcClientProperties.class).get("calc");
				assertThat(calc.getUrl()).isEqualTo("http://127.0.0.1:8080/jsonrpc");
				assertThat(calc.getTransport()).isEqualTo(JsonRpcClientProperties.Transport.WEBSOCKET);
				assertThat(calc.getConnectTimeout()).isEqualTo(Duration.ofSeconds(1));
				assertThat(calc.getTimeout()).isEqualTo(Duration.ofSeconds(2));
				assertThat(calc.getHeaders()).containsEntry("X-Api-Key", "k");
				assertThat(calc.getUsername()).isEqualTo("u");
				assertThat(calc.getPassword()).isEqualTo("p");
				assertThat(calc.getBearerToken()).isEqualTo("t");
				assertThat(calc.getReconnectInitialDelay()).isEqualTo(Duration.ofSeconds(3));
				assertThat(calc.getReconnectMaxDelay()).isEqualTo(Duration.ofSeconds(4));
			});
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', value = { "jsonrpc.websocket.path=ws|'path' must start with '/'",
			"jsonrpc.websocket.max-message-size=0B|'maxMessageSize' must be positive and below 2 GB",
			"jsonrpc.websocket.max-message-size=2GB|'maxMessageSize' must be positive and below 2 GB",
			"jsonrpc.websocket.max-in-flight=0|'maxInFlight' must be positive",
			"jsonrpc.websocket.max-concurrent-calls=0|'maxConcurrentCalls' must be positive",
			"jsonrpc.websocket.max-outbound-messages=0|'maxOutboundMessages' must be positive",
			"jsonrpc.websocket.max-outbound-size=0B|'maxOutboundSize' must be positive",
			"jsonrpc.websocket.send-time-limit=0s|'sendTimeLimit' must be positive",
			"jsonrpc.websocket.send-time-limit=-1s|'sendTimeLimit' must be positive",
			"jsonrpc.websocket.ping-interval=-1s|'pingInterval' must not be negative",
			"jsonrpc.websocket.idle-timeout=0s|'idleTimeout' must be positive",
			"jsonrpc.websocket.idle-timeout=-1s|'idleTimeout' must be positive",
			"jsonrpc.websocket.max-subscriptions-per-connection=0|'maxSubscriptionsPerConnection' must be positive",
			"jsonrpc.websocket.server-request-timeout=0s|jsonrpc.websocket.server-request-timeout must be positive",
			"jsonrpc.websocket.max-pending-server-requests=0|jsonrpc.websocket.max-pending-server-requests must be positive",
			"jsonrpc.pubsub.max-subscriptions-per-connection=0|'maxSubscriptionsPerConnection' must be positive",
			"jsonrpc.security.default-access= |jsonrpc.security.default-access must not be empty",
			"jsonrpc.tcp.port=-1|jsonrpc.tcp.port must be between 0 and 65535",
			"jsonrpc.tcp.port=65536|jsonrpc.tcp.port must be between 0 and 65535",
			"jsonrpc.tcp.max-message-size=0B|jsonrpc.tcp.max-message-size must be positive and below 2 GB",
			"jsonrpc.tcp.max-message-size=5GB|jsonrpc.tcp.max-message-size must be positive and below 2 GB",
			"jsonrpc.tcp.max-in-flight=0|jsonrpc.tcp.max-in-flight must be positive",
			"jsonrpc.tcp.max-outbound-messages=0|jsonrpc.tcp.max-outbound-messages must be positive",
			"jsonrpc.tcp.max-outbound-size=0B|jsonrpc.tcp.max-outbound-size must be positive",
			"jsonrpc.tcp.send-time-limit=0s|jsonrpc.tcp.send-time-limit must be positive",
			"jsonrpc.tcp.idle-timeout=0s|jsonrpc.tcp.idle-timeout must be positive",
			"jsonrpc.tcp.shutdown-timeout=-1s|jsonrpc.tcp.shutdown-timeout must not be negative",
			"jsonrpc.stdio.max-message-size=0B|jsonrpc.stdio.max-message-size must be positive and below 2 GB",
			"jsonrpc.stdio.max-message-size=5GB|jsonrpc.stdio.max-message-size must be positive and below 2 GB",
			"jsonrpc.stdio.max-in-flight=0|jsonrpc.stdio.max-in-flight must be positive",
			"jsonrpc.stdio.send-time-limit=0s|jsonrpc.stdio.send-time-limit must be positive",
			"jsonrpc.stdio.shutdown-timeout=-1s|jsonrpc.stdio.shutdown-timeout must not be negative",
			"jsonrpc.pubsub.redis.timeout=0s|jsonrpc.pubsub.redis.timeout must be positive",
			"jsonrpc.pubsub.redis.max-message-size=0B|jsonrpc.pubsub.redis.max-message-size must be positive and below 2 GB",
			"jsonrpc.pubsub.redis.max-message-size=5GB|jsonrpc.pubsub.redis.max-message-size must be positive and below 2 GB",
			"jsonrpc.pubsub.redis.max-pending-size=0B|jsonrpc.pubsub.redis.max-pending-size must be positive",
			"jsonrpc.pubsub.redis.retained-time-to-live=-1s|jsonrpc.pubsub.redis.retained-time-to-live must not be negative",
			"jsonrpc.security.login.max-failures-per-connection=0|jsonrpc.security.login.max-failures-per-connection must be positive",
			"jsonrpc.security.login.max-failures-per-address=0|jsonrpc.security.login.max-failures-per-address must be positive",
			"jsonrpc.security.login.failure-window=0s|jsonrpc.security.login.failure-window must be positive",
			"jsonrpc.client.calc.connect-timeout=0s|jsonrpc.client.*.connect-timeout must be positive",
			"jsonrpc.client.calc.timeout=0s|jsonrpc.client.*.timeout must be positive",
			"jsonrpc.client.calc.reconnect-initial-delay=0s|jsonrpc.client.*.reconnect-initial-delay must be positive",
			"jsonrpc.client.calc.reconnect-max-delay=-1s|jsonrpc.client.*.reconnect-max-delay must be positive" })
	void refusesAnInvalidValueAtStartup(String property, String message) {
		this.contextRunner.withPropertyValues(property)
			.run((context) -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining(message));
	}

	@ParameterizedTest
	@CsvSource({ "jsonrpc.websocket.max-message-size=1B", "jsonrpc.websocket.max-message-size=2147483647B",
			"jsonrpc.websocket.max-in-flight=1", "jsonrpc.websocket.max-concurrent-calls=1",
			"jsonrpc.websocket.max-outbound-messages=1", "jsonrpc.websocket.max-outbound-size=1B",
			"jsonrpc.websocket.send-time-limit=1ms", "jsonrpc.websocket.idle-timeout=1ms",
			"jsonrpc.websocket.max-subscriptions-per-connection=1", "jsonrpc.pubsub.max-subscriptions-per-connection=1",
			"jsonrpc.websocket.server-request-timeout=1ms", "jsonrpc.websocket.max-pending-server-requests=1",
			"jsonrpc.tcp.port=65535", "jsonrpc.tcp.max-message-size=2147483647B", "jsonrpc.tcp.max-in-flight=1",
			"jsonrpc.tcp.max-outbound-messages=1", "jsonrpc.tcp.max-outbound-size=1B",
			"jsonrpc.tcp.send-time-limit=1ms", "jsonrpc.tcp.idle-timeout=1ms", "jsonrpc.tcp.shutdown-timeout=0s",
			"jsonrpc.stdio.max-message-size=1B", "jsonrpc.stdio.max-message-size=2147483647B",
			"jsonrpc.stdio.max-in-flight=1", "jsonrpc.stdio.send-time-limit=1ms", "jsonrpc.stdio.shutdown-timeout=0s",
			"jsonrpc.pubsub.redis.timeout=1ms", "jsonrpc.pubsub.redis.max-message-size=2147483647B",
			"jsonrpc.pubsub.redis.max-pending-size=1B", "jsonrpc.pubsub.redis.retained-time-to-live=0s",
			"jsonrpc.security.login.max-failures-per-connection=1", "jsonrpc.security.login.max-failures-per-address=1",
			"jsonrpc.security.login.failure-window=1ms", "jsonrpc.client.calc.connect-timeout=1ms",
			"jsonrpc.client.calc.timeout=1ms", "jsonrpc.client.calc.reconnect-initial-delay=1ms",
			"jsonrpc.client.calc.reconnect-max-delay=1ms" })
	void acceptsTheSmallestValidValue(String property) {
		this.contextRunner.withPropertyValues(property).run((context) -> assertThat(context).hasNotFailed());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ JsonRpcWebSocketProperties.class, JsonRpcTcpProperties.class,
			JsonRpcPubSubProperties.class, JsonRpcSecurityProperties.class, JsonRpcClientProperties.class,
			JsonRpcStdioProperties.class })
	static class PropertiesConfiguration {

	}

}
