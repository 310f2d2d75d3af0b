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

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import io.github.jsonrpc.CalculatorService;
import io.github.jsonrpc.autoconfigure.JsonRpcAutoConfiguration;
import io.github.jsonrpc.autoconfigure.pubsub.JsonRpcPubSubAutoConfiguration;
import io.github.jsonrpc.protocol.JsonRpcFraming;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.JsonRpcSessionRegistry;
import io.github.jsonrpc.server.tcp.JsonRpcConnectionAuthenticator;
import io.github.jsonrpc.server.tcp.JsonRpcTcpServer;
import io.github.jsonrpc.server.tcp.TcpTestClient;
import org.junit.jupiter.api.Test;
import reactor.netty.tcp.TcpServer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JsonRpcTcpAutoConfiguration}.
 */
class JsonRpcTcpAutoConfigurationTests {

	private static final String PASSWORD = "changeit";

	/**
	 * The test key store on the classpath: a self-signed EC certificate for
	 * {@code CN=jsonrpc-test} with {@code SAN=ip:127.0.0.1}, valid until 2126, password
	 * {@code changeit}, used as key and trust store. Test-only: committed rather than
	 * made by a {@code keytool} child process before the tests, which mutation testing
	 * paid again for each mutant. Made with
	 * {@code keytool -genkeypair -alias server -keyalg EC
	 * -groupname secp256r1 -dname CN=jsonrpc-test -ext SAN=ip:127.0.0.1 -validity 36500
	 * -storetype PKCS12 -keystore server.p12 -storepass changeit -keypass changeit}.
	 */
	static final String KEY_STORE_RESOURCE = "io/github/jsonrpc/autoconfigure/tcp/server.p12";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JsonRpcAutoConfiguration.class, JsonRpcTcpAutoConfiguration.class,
				JsonRpcPubSubAutoConfiguration.class, SslAutoConfiguration.class))
		.withBean(CalculatorService.class);

	@Test
	void offByDefault() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(JsonRpcTcpServer.class));
	}

	@Test
	void servesOnTheLoopbackAddressOnAFreePort() {
		this.contextRunner.withPropertyValues("jsonrpc.tcp.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(JsonRpcTcpServer.class).hasSingleBean(JsonRpcSessionRegistry.class);
			JsonRpcTcpServer server = context.getBean(JsonRpcTcpServer.class);
			assertThat(server.isRunning()).isTrue();
			assertThat(server.getAddress().isLoopbackAddress()).isTrue();
			assertThat(server.getPort()).isPositive();
			assertThat(server.getSettings().maxMessageSize()).isEqualTo(1024 * 1024);
			assertThat(server.getSettings().idleTimeout()).isEqualTo(Duration.ofMinutes(5));
			try (TcpTestClient client = TcpTestClient.connect(server.getPort(), JsonRpcFraming.NDJSON)) {
				client.send("{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1,2],\"id\":1}");
				assertThat(client.next().get("result").asInt()).isEqualTo(3);
				// the connection is a session pub/sub can reach
				assertThat(context.getBean(JsonRpcSessionRegistry.class).sessions()).hasSize(1);
			}
		});
	}

	@Test
	void propertiesConfigureTheServer() {
		this.contextRunner
			.withPropertyValues("jsonrpc.tcp.enabled=true", "jsonrpc.tcp.framing=content-length",
					"jsonrpc.tcp.max-message-size=2KB", "jsonrpc.tcp.max-in-flight=3", "jsonrpc.tcp.idle-timeout=30s")
			.run((context) -> {
				JsonRpcTcpServer server = context.getBean(JsonRpcTcpServer.class);
				assertThat(server.getSettings().maxMessageSize()).isEqualTo(2048);
				assertThat(server.getSettings().maxInFlight()).isEqualTo(3);
				assertThat(server.getSettings().idleTimeout()).isEqualTo(Duration.ofSeconds(30));
				assertThat(server.getSettings().pingInterval()).isEqualTo(Duration.ofSeconds(10));
				try (TcpTestClient client = TcpTestClient.connect(server.getPort(), JsonRpcFraming.CONTENT_LENGTH)) {
					client.send("{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1,2],\"id\":1}");
					assertThat(client.next().get("result").asInt()).isEqualTo(3);
				}
			});
	}

	@Test
	void tlsFromAnSslBundle() {
		this.contextRunner
			.withPropertyValues("jsonrpc.tcp.enabled=true", "jsonrpc.tcp.ssl.bundle=rpc",
					"spring.ssl.bundle.jks.rpc.keystore.location=classpath:" + KEY_STORE_RESOURCE,
					"spring.ssl.bundle.jks.rpc.keystore.password=" + PASSWORD,
					"spring.ssl.bundle.jks.rpc.keystore.type=PKCS12",
					"spring.ssl.bundle.jks.rpc.truststore.location=classpath:" + KEY_STORE_RESOURCE,
					"spring.ssl.bundle.jks.rpc.truststore.password=" + PASSWORD,
					"spring.ssl.bundle.jks.rpc.truststore.type=PKCS12")
			.run((context) -> {
				JsonRpcTcpServer server = context.getBean(JsonRpcTcpServer.class);
				TrustManagerFactory trust = context.getBean(SslBundles.class)
					.getBundle("rpc")
					.getManagers()
					.getTrustManagerFactory();
				SSLContext ssl = SSLContext.getInstance("TLS");
				ssl.init(null, trust.getTrustManagers(), null);
				SSLSocket socket = (SSLSocket) ssl.getSocketFactory().createSocket("127.0.0.1", server.getPort());
				socket.startHandshake();
				try (TcpTestClient client = new TcpTestClient(socket, JsonRpcFraming.NDJSON, true)) {
					client.send("{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[4,5],\"id\":1}");
					assertThat(client.next().get("result").asInt()).isEqualTo(9);
				}
			});
	}

	@Test
	void authenticatorBeanAuthenticatesConnections() {
		this.contextRunner.withPropertyValues("jsonrpc.tcp.enabled=true")
			.withBean(JsonRpcConnectionAuthenticator.class, () -> (handshake) -> {
				throw new IllegalStateException("nobody");
			})
			.run((context) -> {
				JsonRpcTcpServer server = context.getBean(JsonRpcTcpServer.class);
				try (TcpTestClient client = TcpTestClient.connect(server.getPort(), JsonRpcFraming.NDJSON)) {
					assertThat(client.awaitClosed(Duration.ofSeconds(5))).isTrue();
				}
			});
	}

	@Test
	void backsOffFromAUserServer() {
		this.contextRunner.withPropertyValues("jsonrpc.tcp.enabled=true")
			.withUserConfiguration(UserServerConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(JsonRpcTcpServer.class);
				assertThat(context.getBean(JsonRpcTcpServer.class)).isSameAs(context.getBean("userTcpServer"));
			});
	}

	@Test
	void backsOffWithoutReactorNetty() {
		this.contextRunner.withPropertyValues("jsonrpc.tcp.enabled=true")
			.withClassLoader(new FilteredClassLoader(TcpServer.class))
			.run((context) -> assertThat(context).doesNotHaveBean(JsonRpcTcpServer.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserServerConfiguration {

		@Bean
		JsonRpcTcpServer userTcpServer(JsonRpcHandler handler) {
			return new JsonRpcTcpServer(handler, new JsonRpcSessionRegistry(), Runnable::run);
		}

	}

}
