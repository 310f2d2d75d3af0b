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
package io.github.jsonrpc.autoconfigure.tcp;

import java.net.InetAddress;
import java.time.Duration;

import javax.net.ssl.SSLEngine;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;

import io.github.jsonrpc.CalculatorService;
import io.github.jsonrpc.autoconfigure.JsonRpcAutoConfiguration;
import io.github.jsonrpc.autoconfigure.pubsub.JsonRpcPubSubAutoConfiguration;
import io.github.jsonrpc.protocol.JsonRpcFraming;
import io.github.jsonrpc.server.JsonRpcSessionRegistry;
import io.github.jsonrpc.server.tcp.JsonRpcConnectionAuthenticator;
import io.github.jsonrpc.server.tcp.JsonRpcTcpServer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.LifecycleProcessor;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In-process tests for {@link JsonRpcTcpAutoConfiguration}: the server bean and its
 * configuration, never started (no port bound), so that mutation testing can run them on
 * every mutant in a few seconds. {@link JsonRpcTcpAutoConfigurationTests} checks the
 * started server on real sockets.
 */
class JsonRpcTcpAutoConfigurationInProcessTests {

	private static final String PASSWORD = "changeit";

	private static final String[] BUNDLE = { "jsonrpc.tcp.enabled=true", "jsonrpc.tcp.ssl.bundle=rpc",
			"spring.ssl.bundle.jks.rpc.keystore.location=%s", "spring.ssl.bundle.jks.rpc.keystore.password=" + PASSWORD,
			"spring.ssl.bundle.jks.rpc.keystore.type=PKCS12", "spring.ssl.bundle.jks.rpc.truststore.location=%s",
			"spring.ssl.bundle.jks.rpc.truststore.password=" + PASSWORD,
			"spring.ssl.bundle.jks.rpc.truststore.type=PKCS12" };

	// the committed test key store (JsonRpcTcpAutoConfigurationTests.KEY_STORE_RESOURCE)
	private static final String KEY_STORE = "classpath:" + JsonRpcTcpAutoConfigurationTests.KEY_STORE_RESOURCE;

	// a lifecycle processor that starts nothing: the server bean is created and
	// configured, never started
	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JsonRpcAutoConfiguration.class, JsonRpcTcpAutoConfiguration.class,
				SslAutoConfiguration.class))
		.withBean(CalculatorService.class)
		.withBean("lifecycleProcessor", LifecycleProcessor.class, NotStarting::new);

	private static String[] bundle(String... more) {
		String[] properties = new String[BUNDLE.length + more.length];
		for (int i = 0; i < BUNDLE.length; i++) {
			properties[i] = BUNDLE[i].replace("%s", KEY_STORE);
		}
		System.arraycopy(more, 0, properties, BUNDLE.length, more.length);
		return properties;
	}

	@Test
	void offByDefaultAndWhenDisabled() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(JsonRpcTcpServer.class)
			.doesNotHaveBean(JsonRpcTcpProperties.class));
		this.contextRunner.withPropertyValues("jsonrpc.tcp.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(JsonRpcTcpServer.class));
	}

	@Test
	void defaultsReachTheServerWithoutStartingIt() {
		this.contextRunner.withPropertyValues("jsonrpc.tcp.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(JsonRpcTcpServer.class).hasSingleBean(JsonRpcSessionRegistry.class);
			JsonRpcTcpServer server = context.getBean(JsonRpcTcpServer.class);
			assertThat(server.isRunning()).isFalse();
			assertThat(server.getAddress()).isEqualTo(InetAddress.getLoopbackAddress());
			assertThat(server.getSessionRegistry()).isSameAs(context.getBean(JsonRpcSessionRegistry.class));
			assertThat(server.getFraming()).isEqualTo(JsonRpcFraming.NDJSON);
			assertThat(server.getShutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
			assertThat(server.getSslContext()).isNull();
			assertThat(server.getAuthenticator()).isNull();
			assertThat(server.getTaskScheduler()).isNull();
			assertThat(server.getSettings().maxMessageSize()).isEqualTo(1024 * 1024);
			assertThat(server.getSettings().maxInFlight()).isEqualTo(256);
			assertThat(server.getSettings().maxOutboundMessages()).isEqualTo(1024);
			assertThat(server.getSettings().maxOutboundBytes()).isEqualTo(16L * 1024 * 1024);
			assertThat(server.getSettings().sendTimeLimit()).isEqualTo(Duration.ofSeconds(10));
			assertThat(server.getSettings().idleTimeout()).isEqualTo(Duration.ofMinutes(5));
			// the idle check looks every third of the idle timeout, at most every 30s
			assertThat(server.getSettings().pingInterval()).isEqualTo(Duration.ofSeconds(30));
			// without pub/sub no method takes its params as a string
			assertThat(server.getSettings().stringParamsMethods()).isEmpty();
		});
	}

	@Test
	void propertiesReachTheServer() {
		this.contextRunner
			.withPropertyValues("jsonrpc.tcp.enabled=true", "jsonrpc.tcp.address=127.0.0.2", "jsonrpc.tcp.port=4712",
					"jsonrpc.tcp.framing=content-length", "jsonrpc.tcp.max-message-size=2KB",
					"jsonrpc.tcp.max-in-flight=3", "jsonrpc.tcp.max-outbound-messages=7",
					"jsonrpc.tcp.max-outbound-size=3KB", "jsonrpc.tcp.send-time-limit=4s",
					"jsonrpc.tcp.idle-timeout=60s", "jsonrpc.tcp.shutdown-timeout=6s")
			.run((context) -> {
				JsonRpcTcpServer server = context.getBean(JsonRpcTcpServer.class);
				assertThat(server.isRunning()).isFalse();
				assertThat(server.getAddress()).isEqualTo(InetAddress.getByName("127.0.0.2"));
				assertThat(server.getPort()).isEqualTo(4712);
				assertThat(server.getFraming()).isEqualTo(JsonRpcFraming.CONTENT_LENGTH);
				assertThat(server.getShutdownTimeout()).isEqualTo(Duration.ofSeconds(6));
				assertThat(server.getSettings().maxMessageSize()).isEqualTo(2048);
				assertThat(server.getSettings().maxInFlight()).isEqualTo(3);
				assertThat(server.getSettings().maxOutboundMessages()).isEqualTo(7);
				assertThat(server.getSettings().maxOutboundBytes()).isEqualTo(3072);
				assertThat(server.getSettings().sendTimeLimit()).isEqualTo(Duration.ofSeconds(4));
				assertThat(server.getSettings().idleTimeout()).isEqualTo(Duration.ofSeconds(60));
				assertThat(server.getSettings().pingInterval()).isEqualTo(Duration.ofSeconds(20));
			});
	}

	@Test
	void idleTimeoutBelowThreeNanosecondsChecksEveryMillisecond() {
		// a third of it rounds to zero, which would mean no check at all
		this.contextRunner.withPropertyValues("jsonrpc.tcp.enabled=true", "jsonrpc.tcp.idle-timeout=2ns")
			.run((context) -> {
				JsonRpcTcpServer server = context.getBean(JsonRpcTcpServer.class);
				assertThat(server.getSettings().pingInterval()).isEqualTo(Duration.ofMillis(1));
			});
	}

	@Test
	void pubSubMethodsTakeTheirParamsAsAString() {
		this.contextRunner.withPropertyValues("jsonrpc.tcp.enabled=true")
			.withConfiguration(AutoConfigurations.of(JsonRpcPubSubAutoConfiguration.class))
			.run((context) -> assertThat(context.getBean(JsonRpcTcpServer.class).getSettings().stringParamsMethods())
				.isNotEmpty());
	}

	@Test
	void uniqueTaskSchedulerIsUsed() {
		this.contextRunner.withPropertyValues("jsonrpc.tcp.enabled=true")
			.withBean(TaskScheduler.class, ThreadPoolTaskScheduler::new)
			.run((context) -> assertThat(context.getBean(JsonRpcTcpServer.class).getTaskScheduler())
				.isSameAs(context.getBean(TaskScheduler.class)));
	}

	@Test
	void uniqueAuthenticatorIsUsed() {
		JsonRpcConnectionAuthenticator authenticator = (handshake) -> {
			throw new IllegalStateException("nobody");
		};
		this.contextRunner.withPropertyValues("jsonrpc.tcp.enabled=true")
			.withBean(JsonRpcConnectionAuthenticator.class, () -> authenticator)
			.run((context) -> assertThat(context.getBean(JsonRpcTcpServer.class).getAuthenticator())
				.isSameAs(authenticator));
	}

	@Test
	void twoAuthenticatorsAreAmbiguousAndNoneIsUsed() {
		this.contextRunner.withPropertyValues("jsonrpc.tcp.enabled=true")
			.withBean("one", JsonRpcConnectionAuthenticator.class, () -> (handshake) -> null)
			.withBean("two", JsonRpcConnectionAuthenticator.class, () -> (handshake) -> null)
			.run((context) -> assertThat(context.getBean(JsonRpcTcpServer.class).getAuthenticator()).isNull());
	}

	@Test
	void backsOffFromAUserSessionRegistry() {
		JsonRpcSessionRegistry sessions = new JsonRpcSessionRegistry();
		this.contextRunner.withPropertyValues("jsonrpc.tcp.enabled=true")
			.withBean(JsonRpcSessionRegistry.class, () -> sessions)
			.run((context) -> {
				assertThat(context).hasSingleBean(JsonRpcSessionRegistry.class);
				assertThat(context.getBean(JsonRpcTcpServer.class).getSessionRegistry()).isSameAs(sessions);
			});
	}

	@Test
	void sslBundleWithoutClientCertificates() {
		this.contextRunner.withPropertyValues(bundle()).run((context) -> {
			JsonRpcTcpServer server = context.getBean(JsonRpcTcpServer.class);
			SSLEngine engine = engine(server);
			assertThat(engine.getNeedClientAuth()).isFalse();
			assertThat(engine.getWantClientAuth()).isFalse();
			assertThat(server.getAuthenticator()).isNull();
		});
	}

	@Test
	void sslBundleWantingClientCertificatesDoesNotRequireThem() {
		this.contextRunner.withPropertyValues(bundle("jsonrpc.tcp.ssl.client-auth=want")).run((context) -> {
			JsonRpcTcpServer server = context.getBean(JsonRpcTcpServer.class);
			SSLEngine engine = engine(server);
			assertThat(engine.getWantClientAuth()).isTrue();
			assertThat(engine.getNeedClientAuth()).isFalse();
			assertThat(server.getAuthenticator()).isNull();
		});
	}

	@Test
	void sslBundleNeedingClientCertificatesAuthenticatesByThem() {
		this.contextRunner.withPropertyValues(bundle("jsonrpc.tcp.ssl.client-auth=need")).run((context) -> {
			JsonRpcTcpServer server = context.getBean(JsonRpcTcpServer.class);
			assertThat(engine(server).getNeedClientAuth()).isTrue();
			assertThat(server.getAuthenticator()).isNotNull();
		});
	}

	@Test
	void userAuthenticatorWinsOverClientCertificates() {
		JsonRpcConnectionAuthenticator authenticator = (handshake) -> null;
		this.contextRunner.withPropertyValues(bundle("jsonrpc.tcp.ssl.client-auth=need"))
			.withBean(JsonRpcConnectionAuthenticator.class, () -> authenticator)
			.run((context) -> assertThat(context.getBean(JsonRpcTcpServer.class).getAuthenticator())
				.isSameAs(authenticator));
	}

	@Test
	void needingClientCertificatesWithoutABundleAuthenticatesNobody() {
		this.contextRunner.withPropertyValues("jsonrpc.tcp.enabled=true", "jsonrpc.tcp.ssl.client-auth=need")
			.run((context) -> {
				JsonRpcTcpServer server = context.getBean(JsonRpcTcpServer.class);
				assertThat(server.getSslContext()).isNull();
				assertThat(server.getAuthenticator()).isNull();
			});
	}

	@Test
	void bundleProtocolsAndCiphersReachTheEngine() {
		this.contextRunner
			.withPropertyValues(bundle("spring.ssl.bundle.jks.rpc.options.enabled-protocols=TLSv1.2",
					"spring.ssl.bundle.jks.rpc.options.ciphers=TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"))
			.run((context) -> {
				SSLEngine engine = engine(context.getBean(JsonRpcTcpServer.class));
				assertThat(engine.getEnabledProtocols()).containsExactly("TLSv1.2");
				assertThat(engine.getEnabledCipherSuites()).containsExactly("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
			});
	}

	@Test
	void bundleWithoutSslBundlesFails() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JsonRpcAutoConfiguration.class, JsonRpcTcpAutoConfiguration.class))
			.withBean(CalculatorService.class)
			.withBean("lifecycleProcessor", LifecycleProcessor.class, NotStarting::new)
			.withPropertyValues("jsonrpc.tcp.enabled=true", "jsonrpc.tcp.ssl.bundle=rpc")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("jsonrpc.tcp.ssl.bundle is set but there are no SSL bundles"));
	}

	private static SSLEngine engine(JsonRpcTcpServer server) {
		SslContext sslContext = server.getSslContext();
		assertThat(sslContext).isNotNull();
		return sslContext.newEngine(ByteBufAllocator.DEFAULT);
	}

	static final class NotStarting implements LifecycleProcessor {

		@Override
		public void onRefresh() {
		}

		@Override
		public void onClose() {
		}

		@Override
		public void start() {
		}

		@Override
		public void stop() {
		}

		@Override
		public boolean isRunning() {
			return false;
		}

	}

}
