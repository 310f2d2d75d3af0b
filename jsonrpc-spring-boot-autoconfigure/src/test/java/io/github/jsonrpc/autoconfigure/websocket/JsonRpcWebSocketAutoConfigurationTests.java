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
package io.github.jsonrpc.autoconfigure.websocket;

import java.time.Duration;

import io.github.jsonrpc.autoconfigure.JsonRpcAutoConfiguration;
import io.github.jsonrpc.autoconfigure.RecordingTaskScheduler;
import io.github.jsonrpc.autoconfigure.pubsub.JsonRpcPubSubAutoConfiguration;
import io.github.jsonrpc.autoconfigure.servlet.JsonRpcWebMvcAutoConfiguration;
import io.github.jsonrpc.pubsub.JsonRpcPubSubMethods;
import io.github.jsonrpc.pubsub.JsonRpcPublisher;
import io.github.jsonrpc.pubsub.JsonRpcSubscriptionRegistry;
import io.github.jsonrpc.pubsub.JsonRpcTopic;
import io.github.jsonrpc.pubsub.JsonRpcTopicAuthorizer;
import io.github.jsonrpc.server.JsonRpcSessionRegistry;
import io.github.jsonrpc.server.connection.JsonRpcConnectionSettings;
import io.github.jsonrpc.server.connection.JsonRpcMemoryBudget;
import io.github.jsonrpc.server.method.JsonRpcMethodAccessChecker;
import io.github.jsonrpc.server.method.JsonRpcMethodRegistry;
import io.github.jsonrpc.server.websocket.JsonRpcWebSocketHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.support.WebSocketHandlerMapping;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JsonRpcWebSocketAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class JsonRpcWebSocketAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JsonRpcAutoConfiguration.class, JsonRpcWebMvcAutoConfiguration.class,
				JsonRpcWebSocketAutoConfiguration.class, JsonRpcPubSubAutoConfiguration.class));

	@Test
	void registersHandlerMappingPubSubAndBuiltInMethods() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(JsonRpcWebSocketHandler.class)
				.hasSingleBean(JsonRpcSessionRegistry.class)
				.hasSingleBean(JsonRpcSubscriptionRegistry.class)
				.hasSingleBean(JsonRpcPublisher.class)
				.hasSingleBean(JsonRpcPubSubMethods.class)
				.hasSingleBean(JsonRpcTopicAuthorizer.class)
				.hasSingleBean(JsonRpcMethodAccessChecker.class)
				.hasBean("jsonRpcWebSocketHandlerMapping");
			WebSocketHandlerMapping mapping = context.getBean("jsonRpcWebSocketHandlerMapping",
					WebSocketHandlerMapping.class);
			assertThat(mapping.getUrlMap()).containsOnlyKeys("/jsonrpc");
			assertThat(mapping.getOrder()).isLessThan(0);
			JsonRpcMethodRegistry registry = context.getBean(JsonRpcMethodRegistry.class);
			assertThat(registry.lookup("subscribe")).isNotNull();
			assertThat(registry.lookup("rpc.on")).isNotNull();
			assertThat(registry.lookup("get_methods")).isNotNull();
		});
	}

	@Test
	void handlerMappingMatchesUpgradeRequestsOnlyAndLeavesEverythingElseToTheNextMapping() {
		this.contextRunner.run((context) -> {
			WebSocketHandlerMapping mapping = context.getBean("jsonRpcWebSocketHandlerMapping",
					WebSocketHandlerMapping.class);
			MockHttpServletRequest upgrade = new MockHttpServletRequest("GET", "/jsonrpc");
			upgrade.addHeader(HttpHeaders.UPGRADE, "WebSocket");
			HandlerExecutionChain chain = mapping.getHandler(upgrade);
			assertThat(chain).isNotNull();
			assertThat(chain.getHandler()).isInstanceOf(WebSocketHttpRequestHandler.class);
			// the JSON-RPC POST on the same path, a plain GET, another protocol's
			// upgrade,
			// an upgrade with another method, and an upgrade to another path
			MockHttpServletRequest post = new MockHttpServletRequest("POST", "/jsonrpc");
			post.setContentType("application/json");
			assertThat(mapping.getHandler(post)).isNull();
			assertThat(mapping.getHandler(new MockHttpServletRequest("GET", "/jsonrpc"))).isNull();
			MockHttpServletRequest h2c = new MockHttpServletRequest("GET", "/jsonrpc");
			h2c.addHeader(HttpHeaders.UPGRADE, "h2c");
			assertThat(mapping.getHandler(h2c)).isNull();
			MockHttpServletRequest postUpgrade = new MockHttpServletRequest("POST", "/jsonrpc");
			postUpgrade.addHeader(HttpHeaders.UPGRADE, "websocket");
			assertThat(mapping.getHandler(postUpgrade)).isNull();
			MockHttpServletRequest elsewhere = new MockHttpServletRequest("GET", "/other");
			elsewhere.addHeader(HttpHeaders.UPGRADE, "websocket");
			assertThat(mapping.getHandler(elsewhere)).isNull();
		});
	}

	@Test
	void handshakeFromAForeignOriginIsForbiddenUnlessAllowed() {
		this.contextRunner.run((context) -> assertThat(handshake(context, "https://evil.example"))
			.isEqualTo(HttpStatus.FORBIDDEN.value()));
		// allowed, the handshake goes on to the upgrade, which this mock request fails
		this.contextRunner.withPropertyValues("jsonrpc.websocket.allowed-origins=https://evil.example")
			.run((context) -> assertThat(handshake(context, "https://evil.example"))
				.isEqualTo(HttpStatus.BAD_REQUEST.value()));
		this.contextRunner.withPropertyValues("jsonrpc.websocket.allowed-origin-patterns=https://*.example")
			.run((context) -> assertThat(handshake(context, "https://evil.example"))
				.isEqualTo(HttpStatus.BAD_REQUEST.value()));
		this.contextRunner.withPropertyValues("jsonrpc.websocket.allowed-hosts=rpc.example").run((context) -> {
			assertThat(handshake(context, "https://rpc.example")).isEqualTo(HttpStatus.BAD_REQUEST.value());
			// same host as the Host header, which no longer decides
			assertThat(handshake(context, "http://localhost")).isEqualTo(HttpStatus.FORBIDDEN.value());
		});
	}

	private static int handshake(AssertableWebApplicationContext context, String origin) throws Exception {
		WebSocketHandlerMapping mapping = context.getBean("jsonRpcWebSocketHandlerMapping",
				WebSocketHandlerMapping.class);
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/jsonrpc");
		request.addHeader(HttpHeaders.UPGRADE, "websocket");
		request.addHeader(HttpHeaders.ORIGIN, origin);
		HandlerExecutionChain chain = mapping.getHandler(request);
		assertThat(chain).isNotNull();
		MockHttpServletResponse response = new MockHttpServletResponse();
		((WebSocketHttpRequestHandler) chain.getHandler()).handleRequest(request, response);
		return response.getStatus();
	}

	@Test
	void keepAliveRunsOnTheApplicationsTaskScheduler() {
		this.contextRunner.withBean(RecordingTaskScheduler.class, RecordingTaskScheduler::new)
			.run((context) -> assertThat(context.getBean(RecordingTaskScheduler.class).fixedRates())
				.containsExactly(Duration.ofSeconds(30)));
	}

	@Test
	void endpointIsLoggedAtStartup(CapturedOutput output) {
		this.contextRunner.withPropertyValues("jsonrpc.websocket.path=/ws")
			.run((context) -> assertThat(output).contains("JSON-RPC WebSocket endpoint: /ws"));
	}

	@Test
	void deprecatedWebSocketTopicsStillWork() {
		this.contextRunner
			.withPropertyValues("jsonrpc.websocket.topics.clock.retain-last=true",
					"jsonrpc.websocket.topics.chat.retain-last=false",
					"jsonrpc.websocket.max-subscriptions-per-connection=7")
			.withUserConfiguration(TopicConfiguration.class)
			.run((context) -> {
				JsonRpcSubscriptionRegistry registry = context.getBean(JsonRpcSubscriptionRegistry.class);
				assertThat(registry.topics()).containsExactly(JsonRpcTopic.of("chat"), JsonRpcTopic.retained("clock"),
						JsonRpcTopic.of("news"));
				assertThat(registry.maxSubscriptionsPerSession()).isEqualTo(7);
			});
	}

	@Test
	void pathAndLimitsAreConfigurable() {
		this.contextRunner
			.withPropertyValues("jsonrpc.websocket.path=/ws", "jsonrpc.websocket.max-message-size=10KB",
					"jsonrpc.websocket.ping-interval=0s")
			.run((context) -> {
				WebSocketHandlerMapping mapping = context.getBean("jsonRpcWebSocketHandlerMapping",
						WebSocketHandlerMapping.class);
				assertThat(mapping.getUrlMap()).containsOnlyKeys("/ws");
				JsonRpcWebSocketProperties properties = context.getBean(JsonRpcWebSocketProperties.class);
				assertThat(properties.getMaxMessageSize().toKilobytes()).isEqualTo(10);
				assertThat(properties.getPingInterval()).isEqualTo(Duration.ZERO);
				JsonRpcConnectionSettings settings = context.getBean(JsonRpcWebSocketHandler.class).getSettings();
				assertThat(settings.maxMessageSize()).isEqualTo(10 * 1024);
				assertThat(settings.pingInterval()).isEqualTo(Duration.ZERO);
				assertThat(settings.stringParamsMethods()).containsExactlyInAnyOrder("subscribe", "unsubscribe");
			});
	}

	@Test
	void tomcatGatheredWritesAreOffByDefaultAndPassedToTheHandlerWhenSet() {
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(JsonRpcWebSocketProperties.class).isTomcatGatheredWrites()).isFalse();
			assertThat(context.getBean(JsonRpcWebSocketHandler.class).isTomcatGatheredWrites()).isFalse();
		});
		this.contextRunner.withPropertyValues("jsonrpc.websocket.tomcat-gathered-writes=true").run((context) -> {
			assertThat(context.getBean(JsonRpcWebSocketProperties.class).isTomcatGatheredWrites()).isTrue();
			assertThat(context.getBean(JsonRpcWebSocketHandler.class).isTomcatGatheredWrites()).isTrue();
		});
	}

	@Test
	void serverRequestLimitsAreConfigurable() {
		this.contextRunner.run((context) -> {
			JsonRpcConnectionSettings settings = context.getBean(JsonRpcWebSocketHandler.class).getSettings();
			assertThat(settings.serverRequestTimeout()).isEqualTo(Duration.ofSeconds(30));
			assertThat(settings.maxPendingServerRequests()).isEqualTo(64);
		});
		this.contextRunner
			.withPropertyValues("jsonrpc.websocket.server-request-timeout=2s",
					"jsonrpc.websocket.max-pending-server-requests=5")
			.run((context) -> {
				JsonRpcConnectionSettings settings = context.getBean(JsonRpcWebSocketHandler.class).getSettings();
				assertThat(settings.serverRequestTimeout()).isEqualTo(Duration.ofSeconds(2));
				assertThat(settings.maxPendingServerRequests()).isEqualTo(5);
			});
	}

	@Test
	void connectionsShareOneMemoryBudgetAndRunFewCallsAtOnce() {
		this.contextRunner
			.withPropertyValues("jsonrpc.limits.max-total-buffered-size=64MB",
					"jsonrpc.websocket.max-concurrent-calls=2")
			.run((context) -> {
				JsonRpcMemoryBudget budget = context.getBean(JsonRpcMemoryBudget.class);
				assertThat(budget.maxBytes()).isEqualTo(64L * 1024 * 1024);
				JsonRpcConnectionSettings settings = context.getBean(JsonRpcWebSocketHandler.class).getSettings();
				assertThat(settings.memoryBudget()).isSameAs(budget);
				assertThat(settings.maxConcurrency()).isEqualTo(2);
			});
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(JsonRpcMemoryBudget.class).maxBytes())
				.isEqualTo(Runtime.getRuntime().maxMemory() / 100 * 25);
			assertThat(context.getBean(JsonRpcWebSocketHandler.class).getSettings().maxConcurrency()).isEqualTo(4);
		});
	}

	@Test
	void invalidValuesFailAtStartup() {
		this.contextRunner.withPropertyValues("jsonrpc.websocket.max-in-flight=0")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void userBeansWin() {
		this.contextRunner.withUserConfiguration(CustomAuthorizerConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(JsonRpcTopicAuthorizer.class);
			assertThat(context.getBean(JsonRpcTopicAuthorizer.class))
				.isSameAs(context.getBean(CustomAuthorizerConfiguration.class).authorizer);
		});
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withPropertyValues("jsonrpc.websocket.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(JsonRpcWebSocketHandler.class)
				.doesNotHaveBean(JsonRpcPublisher.class));
	}

	@Test
	void backsOffWithoutSpringWebSocket() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(WebSocketHandler.class))
			.run((context) -> assertThat(context).doesNotHaveBean(JsonRpcWebSocketHandler.class));
	}

	@Test
	void backsOffWithoutJakartaWebSocket() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("jakarta.websocket"))
			.run((context) -> assertThat(context).doesNotHaveBean(JsonRpcWebSocketHandler.class));
	}

	@Test
	void backsOffOutsideServletApplications() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(JsonRpcAutoConfiguration.class, JsonRpcWebSocketAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(JsonRpcWebSocketHandler.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class TopicConfiguration {

		@Bean
		JsonRpcTopic newsTopic() {
			return JsonRpcTopic.of("news");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomAuthorizerConfiguration {

		final JsonRpcTopicAuthorizer authorizer = (topic, session) -> false;

		@Bean
		JsonRpcTopicAuthorizer customAuthorizer() {
			return this.authorizer;
		}

	}

}
