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

import java.time.Duration;
import java.util.Set;

import javax.net.ssl.SSLException;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;

import io.github.jsonrpc.autoconfigure.JsonRpcAutoConfiguration;
import io.github.jsonrpc.autoconfigure.JsonRpcTaskExecutors;
import io.github.jsonrpc.pubsub.JsonRpcPubSubMethodNames;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.JsonRpcSessionRegistry;
import io.github.jsonrpc.server.connection.JsonRpcConnectionSettings;
import io.github.jsonrpc.server.tcp.JsonRpcConnectionAuthenticator;
import io.github.jsonrpc.server.tcp.JsonRpcTcpServer;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.util.Assert;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of JSON-RPC over TCP ({@code jsonrpc.tcp.enabled=true}): a
 * {@link JsonRpcTcpServer} on Reactor Netty, started and stopped with the context, its
 * connections in the {@link JsonRpcSessionRegistry} shared with WebSocket (so pub/sub
 * reaches them). TLS comes from an SSL bundle ({@code jsonrpc.tcp.ssl.bundle}); a
 * {@link JsonRpcConnectionAuthenticator} bean authenticates connections.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = JsonRpcAutoConfiguration.class,
		afterName = { "io.github.jsonrpc.autoconfigure.websocket.JsonRpcWebSocketAutoConfiguration",
				"org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration" })
@ConditionalOnClass(name = { "reactor.netty.tcp.TcpServer", "io.github.jsonrpc.server.tcp.JsonRpcTcpServer" })
@ConditionalOnBean(JsonRpcHandler.class)
@ConditionalOnBooleanProperty("jsonrpc.tcp.enabled")
@EnableConfigurationProperties(JsonRpcTcpProperties.class)
public final class JsonRpcTcpAutoConfiguration {

	/** The longest the idle check waits between two looks. */
	private static final Duration MAX_CHECK_INTERVAL = Duration.ofSeconds(30);

	@Bean
	@ConditionalOnMissingBean
	JsonRpcSessionRegistry jsonRpcSessionRegistry() {
		return new JsonRpcSessionRegistry();
	}

	@Bean
	@ConditionalOnMissingBean
	JsonRpcTcpServer jsonRpcTcpServer(JsonRpcHandler handler, JsonRpcSessionRegistry sessions,
			JsonRpcTcpProperties properties, ObjectProvider<JsonRpcPubSubMethodNames> pubSubMethodNames,
			ObjectProvider<JsonRpcConnectionAuthenticator> authenticator, ObjectProvider<SslBundles> sslBundles,
			ObjectProvider<TaskScheduler> taskScheduler, ListableBeanFactory beanFactory) throws SSLException {
		JsonRpcTcpServer server = new JsonRpcTcpServer(handler, sessions,
				JsonRpcTaskExecutors.resolve(beanFactory, "jsonrpc-tcp-"));
		server.setAddress(properties.getAddress());
		server.setPort(properties.getPort());
		server.setFraming(properties.getFraming());
		server.setShutdownTimeout(properties.getShutdownTimeout());
		JsonRpcPubSubMethodNames names = pubSubMethodNames.getIfAvailable();
		Duration idleTimeout = properties.getIdleTimeout();
		Duration checkInterval = idleTimeout.dividedBy(3).compareTo(MAX_CHECK_INTERVAL) < 0 ? idleTimeout.dividedBy(3)
				: MAX_CHECK_INTERVAL;
		server.setSettings(
				JsonRpcConnectionSettings.DEFAULTS.withMaxMessageSize((int) properties.getMaxMessageSize().toBytes())
					.withMaxInFlight(properties.getMaxInFlight())
					.withOutboundLimits(properties.getMaxOutboundMessages(), properties.getMaxOutboundSize().toBytes(),
							properties.getSendTimeLimit())
					.withKeepAlive(checkInterval.isZero() ? Duration.ofMillis(1) : checkInterval, idleTimeout)
					.withStringParamsMethods((names != null) ? names.stringParamsMethods() : Set.of()));
		JsonRpcTcpProperties.Ssl ssl = properties.getSsl();
		if (ssl.getBundle() != null) {
			SslBundles bundles = sslBundles.getIfAvailable();
			Assert.state(bundles != null, "jsonrpc.tcp.ssl.bundle is set but there are no SSL bundles");
			server.setSslContext(sslContext(bundles.getBundle(ssl.getBundle()), ssl.getClientAuth()));
		}
		JsonRpcConnectionAuthenticator userAuthenticator = authenticator.getIfUnique();
		if (userAuthenticator != null) {
			server.setAuthenticator(userAuthenticator);
		}
		else if (ssl.getBundle() != null && ssl.getClientAuth() == JsonRpcTcpProperties.ClientAuth.NEED) {
			server.setAuthenticator(JsonRpcConnectionAuthenticator.clientCertificate());
		}
		taskScheduler.ifUnique(server::setTaskScheduler);
		return server;
	}

	static SslContext sslContext(SslBundle bundle, JsonRpcTcpProperties.ClientAuth clientAuth) throws SSLException {
		SslContextBuilder builder = SslContextBuilder.forServer(bundle.getManagers().getKeyManagerFactory())
			.trustManager(bundle.getManagers().getTrustManagerFactory())
			.clientAuth(switch (clientAuth) {
				case NONE -> ClientAuth.NONE;
				case WANT -> ClientAuth.OPTIONAL;
				case NEED -> ClientAuth.REQUIRE;
			});
		String[] protocols = bundle.getOptions().getEnabledProtocols();
		if (protocols != null) {
			builder.protocols(protocols);
		}
		String[] ciphers = bundle.getOptions().getCiphers();
		if (ciphers != null) {
			builder.ciphers(java.util.List.of(ciphers));
		}
		return builder.build();
	}

}
