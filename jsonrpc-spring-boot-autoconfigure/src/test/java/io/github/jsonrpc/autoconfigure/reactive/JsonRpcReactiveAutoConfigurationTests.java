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
package io.github.jsonrpc.autoconfigure.reactive;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import io.github.jsonrpc.autoconfigure.JsonRpcAutoConfiguration;
import io.github.jsonrpc.autoconfigure.RecordingTaskScheduler;
import io.github.jsonrpc.autoconfigure.pubsub.JsonRpcPubSubAutoConfiguration;
import io.github.jsonrpc.autoconfigure.security.JsonRpcSecurityAutoConfiguration;
import io.github.jsonrpc.autoconfigure.servlet.JsonRpcWebMvcAutoConfiguration;
import io.github.jsonrpc.autoconfigure.websocket.JsonRpcWebSocketAutoConfiguration;
import io.github.jsonrpc.pubsub.JsonRpcPublisher;
import io.github.jsonrpc.security.MethodAccessJsonRpcInterceptor;
import io.github.jsonrpc.security.SecurityContextJsonRpcInterceptor;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.JsonRpcSessionRegistry;
import io.github.jsonrpc.server.connection.JsonRpcConnectionSettings;
import io.github.jsonrpc.server.http.JsonRpcHttpStatusPolicy;
import io.github.jsonrpc.server.method.JsonRpcMethodAccessChecker;
import io.github.jsonrpc.server.method.JsonRpcMethodRegistry;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;
import io.github.jsonrpc.server.webflux.JsonRpcEventLoopUpgradeStrategy;
import io.github.jsonrpc.server.webflux.JsonRpcHttpHandler;
import io.github.jsonrpc.server.webflux.JsonRpcWebSocketHandler;
import io.github.jsonrpc.server.webflux.JsonRpcWebSocketHandlerMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.WebsocketServerSpec;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableReactiveWebApplicationContext;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JsonRpcWebFluxAutoConfiguration} and
 * {@link JsonRpcReactiveWebSocketAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class JsonRpcReactiveAutoConfigurationTests {

	private static final AutoConfigurations JSON_RPC = AutoConfigurations.of(JsonRpcAutoConfiguration.class,
			JsonRpcWebMvcAutoConfiguration.class, JsonRpcWebSocketAutoConfiguration.class,
			JsonRpcWebFluxAutoConfiguration.class, JsonRpcReactiveWebSocketAutoConfiguration.class,
			JsonRpcPubSubAutoConfiguration.class);

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(JSON_RPC)
		.withConfiguration(AutoConfigurations.of(WebFluxAutoConfiguration.class, HttpHandlerAutoConfiguration.class));

	@Test
	void reactiveApplicationGetsHttpAndWebSocketEndpoints() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(JsonRpcHttpHandler.class)
				.hasSingleBean(JsonRpcHttpStatusPolicy.class)
				.hasBean("jsonRpcRouterFunction")
				.hasSingleBean(JsonRpcWebSocketHandler.class)
				.hasSingleBean(JsonRpcWebSocketHandlerMapping.class)
				.hasSingleBean(JsonRpcSessionRegistry.class)
				.hasSingleBean(JsonRpcPublisher.class);
			assertThat(context.getBean(JsonRpcWebSocketHandlerMapping.class).getPath()).isEqualTo("/jsonrpc");
			assertThat(context.getBean(JsonRpcMethodRegistry.class).lookup("subscribe")).isNotNull();
		});
	}

	@Test
	void reactiveApplicationGetsNoServletBeans() {
		this.contextRunner.run((context) -> assertThat(context)
			.doesNotHaveBean(io.github.jsonrpc.server.webmvc.JsonRpcHttpHandler.class)
			.doesNotHaveBean(io.github.jsonrpc.server.webmvc.JsonRpcHttpHandlerMapping.class)
			.doesNotHaveBean(io.github.jsonrpc.server.websocket.JsonRpcWebSocketHandler.class)
			.doesNotHaveBean("jsonRpcWebSocketHandlerMapping"));
	}

	@Test
	void servletApplicationGetsNoReactiveBeans() {
		new WebApplicationContextRunner().withConfiguration(JSON_RPC)
			.run((context) -> assertThat(context)
				.hasSingleBean(io.github.jsonrpc.server.webmvc.JsonRpcHttpHandler.class)
				.doesNotHaveBean(JsonRpcHttpHandler.class)
				.doesNotHaveBean(JsonRpcWebSocketHandler.class)
				.doesNotHaveBean(JsonRpcWebSocketHandlerMapping.class)
				.doesNotHaveBean("jsonRpcRouterFunction"));
	}

	@Test
	void httpEndpointAnswersAtTheConfiguredPath() {
		this.contextRunner.withUserConfiguration(ServiceConfiguration.class)
			.withPropertyValues("jsonrpc.http.path=/rpc")
			.run((context) -> {
				WebTestClient client = WebTestClient.bindToApplicationContext(context).build();
				client.post()
					.uri("/rpc")
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"hi\"],\"id\":1}")
					.exchange()
					.expectStatus()
					.isOk()
					.expectBody()
					.json("{\"jsonrpc\":\"2.0\",\"result\":\"hi\",\"id\":1}", true);
				client.get().uri("/rpc").exchange().expectStatus().isEqualTo(405);
				client.get().uri("/rpc/openrpc.json").exchange().expectStatus().isOk();
			});
	}

	@Test
	void maxRequestSizeIsApplied() {
		this.contextRunner.withPropertyValues("jsonrpc.http.max-request-size=32B")
			.run((context) -> WebTestClient.bindToApplicationContext(context)
				.build()
				.post()
				.uri("/jsonrpc")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"hello\"],\"id\":1}")
				.exchange()
				.expectStatus()
				.isEqualTo(413));
	}

	@Test
	void openRpcDocumentIsServedOnlyWithDiscovery() {
		this.contextRunner.withPropertyValues("jsonrpc.discovery.enabled=false")
			.run((context) -> WebTestClient.bindToApplicationContext(context)
				.build()
				.get()
				.uri("/jsonrpc/openrpc.json")
				.exchange()
				.expectStatus()
				.isNotFound());
	}

	@Test
	void endpointsAreLoggedAtStartup(CapturedOutput output) {
		this.contextRunner.withPropertyValues("jsonrpc.http.path=/rpc", "jsonrpc.websocket.path=/ws")
			.run((context) -> assertThat(output).contains("JSON-RPC HTTP endpoint: POST /rpc")
				.contains("JSON-RPC WebSocket endpoint: /ws"));
	}

	@Test
	void handshakeFromAForeignOriginIsForbiddenUnlessAllowed() {
		this.contextRunner.run((context) -> assertThat(handshake(context, "https://evil.example")).isEqualTo(403));
		// allowed, the handshake goes on to the upgrade, which this mock request fails
		this.contextRunner.withPropertyValues("jsonrpc.websocket.allowed-origins=https://evil.example")
			.run((context) -> assertThat(handshake(context, "https://evil.example")).isEqualTo(400));
		this.contextRunner.withPropertyValues("jsonrpc.websocket.allowed-origin-patterns=https://*.example")
			.run((context) -> assertThat(handshake(context, "https://evil.example")).isEqualTo(400));
		this.contextRunner.withPropertyValues("jsonrpc.websocket.allowed-hosts=rpc.example")
			.run((context) -> assertThat(handshake(context, "https://rpc.example")).isEqualTo(400));
	}

	private static int handshake(AssertableReactiveWebApplicationContext context, String origin) {
		return WebTestClient.bindToApplicationContext(context)
			.build()
			.get()
			.uri("/jsonrpc")
			.header(HttpHeaders.UPGRADE, "websocket")
			.header(HttpHeaders.ORIGIN, origin)
			.exchange()
			.returnResult(Void.class)
			.getStatus()
			.value();
	}

	@Test
	void webSocketTakesPubSubParamsAsAStringOnlyWithPubSub() {
		this.contextRunner.run((context) -> assertThat(
				context.getBean(JsonRpcWebSocketHandler.class).getSettings().stringParamsMethods())
			.containsExactlyInAnyOrder("subscribe", "unsubscribe"));
		this.contextRunner.withPropertyValues("jsonrpc.pubsub.enabled=false")
			.run((context) -> assertThat(
					context.getBean(JsonRpcWebSocketHandler.class).getSettings().stringParamsMethods())
				.isEmpty());
	}

	@Test
	void keepAliveRunsOnTheApplicationsTaskScheduler() {
		this.contextRunner.withBean(RecordingTaskScheduler.class, RecordingTaskScheduler::new)
			.withPropertyValues("jsonrpc.websocket.ping-interval=20s")
			.run((context) -> assertThat(context.getBean(RecordingTaskScheduler.class).fixedRates())
				.containsExactly(Duration.ofSeconds(20)));
	}

	@Test
	void reactorNettyFramesAreLimitedToTheMaxMessageSizeAndPingsLeftToTheHandler() {
		this.contextRunner.withPropertyValues("jsonrpc.websocket.max-message-size=10KB").run((context) -> {
			HandshakeWebSocketService service = context.getBean("jsonRpcWebSocketService",
					HandshakeWebSocketService.class);
			JsonRpcEventLoopUpgradeStrategy strategy = (JsonRpcEventLoopUpgradeStrategy) service.getUpgradeStrategy();
			WebsocketServerSpec spec = ((ReactorNettyRequestUpgradeStrategy) strategy.getDelegate())
				.getWebsocketServerSpec();
			assertThat(spec.maxFramePayloadLength()).isEqualTo(10 * 1024);
			assertThat(spec.handlePing()).isFalse();
		});
	}

	@Test
	void withoutReactorNettyTheHandshakeServiceFindsItsOwnUpgradeStrategy() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(WebsocketServerSpec.class)).run((context) -> {
			assertThat(context).hasSingleBean(JsonRpcWebSocketHandlerMapping.class);
			HandshakeWebSocketService service = context.getBean("jsonRpcWebSocketService",
					HandshakeWebSocketService.class);
			assertThat(service.getUpgradeStrategy()).isNotInstanceOf(JsonRpcEventLoopUpgradeStrategy.class);
		});
	}

	@Test
	void byErrorCodeStatusPolicyIsConfigurable() {
		this.contextRunner.withPropertyValues("jsonrpc.http.status-policy=by-error-code")
			.run((context) -> WebTestClient.bindToApplicationContext(context)
				.build()
				.post()
				.uri("/jsonrpc")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"jsonrpc\":\"2.0\",\"method\":\"nope\",\"id\":1}")
				.exchange()
				.expectStatus()
				.isNotFound());
	}

	@Test
	void blockingMethodsRunOffTheCallingThread() {
		this.contextRunner.withUserConfiguration(ServiceConfiguration.class).run((context) -> {
			String caller = Thread.currentThread().getName();
			String thread = context.getBean(JsonRpcHandler.class)
				.handle(context.getBean(JsonRpcHandler.class)
					.codec()
					.decodeRequests("{\"jsonrpc\":\"2.0\",\"method\":\"thread\",\"id\":1}"),
						io.github.jsonrpc.server.JsonRpcTransportContext.inProcess())
				.get(5, TimeUnit.SECONDS)
				.single()
				.toString();
			assertThat(thread).doesNotContain(caller).contains("boundedElastic");
		});
	}

	@Test
	void securedReactiveApplicationSharesTheSecurityBeansAndGetsNoServletOnes() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(JsonRpcSecurityAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(SecurityContextJsonRpcInterceptor.class)
				.hasSingleBean(MethodAccessJsonRpcInterceptor.class)
				.hasSingleBean(JsonRpcMethodAccessChecker.class)
				.hasSingleBean(JsonRpcHttpHandler.class)
				.hasSingleBean(JsonRpcWebSocketHandlerMapping.class)
				.doesNotHaveBean(io.github.jsonrpc.server.webmvc.JsonRpcHttpHandler.class)
				.doesNotHaveBean(io.github.jsonrpc.server.websocket.JsonRpcWebSocketHandler.class)
				.doesNotHaveBean("jsonRpcWebSocketHandlerMapping"));
	}

	@Test
	void securedServletApplicationGetsNoReactiveBeans() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JsonRpcSecurityAutoConfiguration.class))
			.withConfiguration(JSON_RPC)
			.run((context) -> assertThat(context)
				.hasSingleBean(io.github.jsonrpc.server.webmvc.JsonRpcHttpHandler.class)
				.hasSingleBean(io.github.jsonrpc.server.websocket.JsonRpcWebSocketHandler.class)
				.hasSingleBean(SecurityContextJsonRpcInterceptor.class)
				.doesNotHaveBean(JsonRpcHttpHandler.class)
				.doesNotHaveBean(JsonRpcWebSocketHandler.class)
				.doesNotHaveBean(JsonRpcWebSocketHandlerMapping.class)
				.doesNotHaveBean("jsonRpcWebSocketService")
				.doesNotHaveBean("jsonRpcRouterFunction"));
	}

	@Test
	void offloadBlockingMovesBlockingMethodsToTheTaskExecutorInstead() {
		this.contextRunner.withUserConfiguration(ServiceConfiguration.class)
			.withPropertyValues("jsonrpc.execution.offload-blocking=true")
			.run((context) -> {
				JsonRpcHandler handler = context.getBean(JsonRpcHandler.class);
				String thread = handler
					.handle(handler.codec().decodeRequests("{\"jsonrpc\":\"2.0\",\"method\":\"thread\",\"id\":1}"),
							io.github.jsonrpc.server.JsonRpcTransportContext.inProcess())
					.get(5, TimeUnit.SECONDS)
					.single()
					.toString();
				assertThat(thread).contains("jsonrpc-").doesNotContain("boundedElastic");
			});
	}

	@Test
	void reactorNettyUpgradeRunsOnTheEventLoop() {
		this.contextRunner.run((context) -> {
			HandshakeWebSocketService service = context.getBean("jsonRpcWebSocketService",
					HandshakeWebSocketService.class);
			assertThat(service.getUpgradeStrategy()).isInstanceOfSatisfying(JsonRpcEventLoopUpgradeStrategy.class,
					(strategy) -> assertThat(strategy.getDelegate())
						.isInstanceOf(ReactorNettyRequestUpgradeStrategy.class));
		});
	}

	@Test
	void eachWebSocketBeanBacksOffAlone() {
		JsonRpcSessionRegistry sessions = new JsonRpcSessionRegistry();
		this.contextRunner.withBean("userSessions", JsonRpcSessionRegistry.class, () -> sessions)
			.run((context) -> assertThat(context).getBean(JsonRpcSessionRegistry.class).isSameAs(sessions));
		WebSocketService service = new HandshakeWebSocketService();
		this.contextRunner.withBean("jsonRpcWebSocketService", WebSocketService.class, () -> service).run((context) -> {
			assertThat(context).getBean(WebSocketService.class).isSameAs(service);
			assertThat(context).hasSingleBean(JsonRpcWebSocketHandlerMapping.class);
		});
		this.contextRunner.withUserConfiguration(UserHandlerConfiguration.class).run((context) -> {
			assertThat(context).getBean(JsonRpcWebSocketHandler.class)
				.isSameAs(context.getBean(UserHandlerConfiguration.class).handler);
			assertThat(context).hasSingleBean(JsonRpcWebSocketHandlerMapping.class);
		});
	}

	@Test
	void httpBeansBackOff() {
		this.contextRunner.withUserConfiguration(UserHttpConfiguration.class).run((context) -> {
			assertThat(context).getBean(JsonRpcHttpStatusPolicy.class).isSameAs(UserHttpConfiguration.POLICY);
			assertThat(context).getBean(JsonRpcHttpHandler.class)
				.isSameAs(context.getBean(UserHttpConfiguration.class).handler);
			assertThat(context).getBean("jsonRpcRouterFunction").isSameAs(UserHttpConfiguration.ROUTES);
		});
	}

	@Test
	void webSocketBeansBackOff() {
		this.contextRunner.withUserConfiguration(UserWebSocketConfiguration.class).run((context) -> {
			UserWebSocketConfiguration user = context.getBean(UserWebSocketConfiguration.class);
			assertThat(context).getBean(JsonRpcSessionRegistry.class).isSameAs(user.sessions);
			assertThat(context).getBean(JsonRpcWebSocketHandler.class).isSameAs(user.handler);
			assertThat(context).getBean("jsonRpcWebSocketService").isSameAs(user.service);
			assertThat(context).getBean(JsonRpcWebSocketHandlerMapping.class).isSameAs(user.mapping);
		});
	}

	@Test
	void serverRequestLimitsApplyToReactiveConnections() {
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
	void switchesTurnEndpointsOff() {
		this.contextRunner.withPropertyValues("jsonrpc.http.enabled=false", "jsonrpc.websocket.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(JsonRpcHttpHandler.class)
				.doesNotHaveBean(JsonRpcWebSocketHandler.class));
	}

	@Test
	void withoutWebFluxNothingReactiveIsConfigured() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.web.reactive"))
			.run((context) -> assertThat(context).doesNotHaveBean(JsonRpcHttpHandler.class)
				.doesNotHaveBean(JsonRpcWebSocketHandler.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class ServiceConfiguration {

		@Bean
		EchoService echoService() {
			return new EchoService();
		}

	}

	@JsonRpcService
	static class EchoService {

		public String echo(String value) {
			return value;
		}

		public String thread() {
			return Thread.currentThread().getName();
		}

		public Mono<String> later(String value) {
			return Mono.just(value);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserHttpConfiguration {

		static final JsonRpcHttpStatusPolicy POLICY = JsonRpcHttpStatusPolicy.byErrorCode();

		static final RouterFunction<ServerResponse> ROUTES = RouterFunctions.route()
			.GET("/user", (request) -> ServerResponse.ok().build())
			.build();

		final JsonRpcHttpHandler handler;

		UserHttpConfiguration(JsonRpcHandler handler) {
			this.handler = new JsonRpcHttpHandler(handler, POLICY, 10);
		}

		@Bean
		JsonRpcHttpStatusPolicy userPolicy() {
			return POLICY;
		}

		@Bean
		JsonRpcHttpHandler userHttpHandler() {
			return this.handler;
		}

		@Bean
		RouterFunction<ServerResponse> jsonRpcRouterFunction() {
			return ROUTES;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserHandlerConfiguration {

		final JsonRpcWebSocketHandler handler;

		UserHandlerConfiguration(JsonRpcHandler handler, JsonRpcSessionRegistry sessions) {
			this.handler = new JsonRpcWebSocketHandler(handler, sessions, Runnable::run);
		}

		@Bean
		JsonRpcWebSocketHandler userWebSocketHandler() {
			return this.handler;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserWebSocketConfiguration {

		final JsonRpcSessionRegistry sessions = new JsonRpcSessionRegistry();

		final WebSocketService service = new HandshakeWebSocketService();

		final JsonRpcWebSocketHandler handler;

		final JsonRpcWebSocketHandlerMapping mapping;

		UserWebSocketConfiguration(JsonRpcHandler handler) {
			Executor direct = Runnable::run;
			this.handler = new JsonRpcWebSocketHandler(handler, this.sessions, direct);
			this.mapping = new JsonRpcWebSocketHandlerMapping("/ws", this.handler, this.service);
		}

		@Bean
		JsonRpcSessionRegistry userSessions() {
			return this.sessions;
		}

		@Bean
		JsonRpcWebSocketHandler userWebSocketHandler() {
			return this.handler;
		}

		@Bean
		WebSocketService jsonRpcWebSocketService() {
			return this.service;
		}

		@Bean
		JsonRpcWebSocketHandlerMapping userMapping() {
			return this.mapping;
		}

	}

}
