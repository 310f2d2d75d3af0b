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

package io.github.jsonrpc.autoconfigure.actuate;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.autoconfigure.JsonRpcAutoConfiguration;
import io.github.jsonrpc.autoconfigure.actuate.JsonRpcEndpoint.JsonRpcDescriptor;
import io.github.jsonrpc.autoconfigure.actuate.JsonRpcEndpoint.MethodDescriptor;
import io.github.jsonrpc.autoconfigure.actuate.JsonRpcEndpoint.TopicDescriptor;
import io.github.jsonrpc.autoconfigure.security.JsonRpcSecurityProperties;
import io.github.jsonrpc.pubsub.JsonRpcSubscriptionRegistry;
import io.github.jsonrpc.pubsub.JsonRpcTopic;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.JsonRpcInterceptor;
import io.github.jsonrpc.server.JsonRpcSessionRegistry;
import io.github.jsonrpc.server.JsonRpcTransportContext;
import io.github.jsonrpc.server.JsonRpcTransportContext.Transport;
import io.github.jsonrpc.server.RecordingJsonRpcSession;
import io.github.jsonrpc.server.method.annotation.JsonRpcMethod;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.access.prepost.PreAuthorize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Tests for the content of {@link JsonRpcEndpoint}'s read operation and for
 * {@link JsonRpcInFlightCalls}, on a real context with the auto-configured server.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcEndpointTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, JsonRpcAutoConfiguration.class,
				JsonRpcEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=jsonrpc", "jsonrpc.discovery.enabled=false")
		.withUserConfiguration(ServiceConfiguration.class);

	@Test
	void describesEveryMethodWithItsLimitsAndMethodSecurity() {
		this.contextRunner.withPropertyValues("jsonrpc.methods.[demo.ping].max-concurrency=3").run((context) -> {
			JsonRpcDescriptor descriptor = context.getBean(JsonRpcEndpoint.class).jsonrpc();
			assertThat(descriptor.methods()).extracting(MethodDescriptor::name)
				.containsExactlyInAnyOrder("demo.ping", "demo.secret", "demo.slow", "demo.both", "guarded.plain",
						"guarded.open");
			assertThat(method(descriptor, "demo.ping"))
				.isEqualTo(new MethodDescriptor("demo.ping", "Answers pong", null, List.of(), "PT2S", 3, 0));
			assertThat(method(descriptor, "demo.slow"))
				.isEqualTo(new MethodDescriptor("demo.slow", null, null, List.of(), null, 0, 0));
			assertThat(method(descriptor, "demo.secret").methodSecurity())
				.containsExactly("@PreAuthorize(hasRole('ADMIN'))");
			assertThat(method(descriptor, "demo.both").methodSecurity()).containsExactly("@RolesAllowed(A, B)");
			// the class's annotation applies to a method without its own
			assertThat(method(descriptor, "guarded.plain").methodSecurity()).containsExactly("@Secured(ROLE_USER)");
			// a method's own annotation overrides the class's; one without value has no
			// parentheses
			assertThat(method(descriptor, "guarded.open").methodSecurity()).containsExactly("@PermitAll");
		});
	}

	@Test
	void showsTheRuleThatAppliesToEachMethodWhenSecurityIsConfigured() {
		this.contextRunner.withUserConfiguration(SecurityPropertiesConfiguration.class)
			.withPropertyValues("jsonrpc.security.default-access=deny-all",
					"jsonrpc.security.rules.[demo.secret]=hasRole('ADMIN')",
					"jsonrpc.security.rules.[demo.*]=authenticated")
			.run((context) -> {
				JsonRpcDescriptor descriptor = context.getBean(JsonRpcEndpoint.class).jsonrpc();
				// the first rule that matches, else the default
				assertThat(method(descriptor, "demo.secret").access()).isEqualTo("hasRole('ADMIN')");
				assertThat(method(descriptor, "demo.ping").access()).isEqualTo("authenticated");
				assertThat(method(descriptor, "guarded.plain").access()).isEqualTo("deny-all");
			});
	}

	@Test
	void countsTopicSubscribersAndOpenSessionsByTransport() {
		this.contextRunner.withUserConfiguration(SessionsConfiguration.class).run((context) -> {
			JsonRpcSessionRegistry sessions = context.getBean(JsonRpcSessionRegistry.class);
			JsonRpcSubscriptionRegistry subscriptions = context.getBean(JsonRpcSubscriptionRegistry.class);
			RecordingJsonRpcSession first = new RecordingJsonRpcSession("ws-1", null);
			RecordingJsonRpcSession second = new RecordingJsonRpcSession("ws-2", null);
			RecordingJsonRpcSession tcp = new TcpSession("tcp-1");
			sessions.register(first);
			sessions.register(second);
			sessions.register(tcp);
			for (RecordingJsonRpcSession session : List.of(first, tcp)) {
				subscriptions.subscribe(session, "news");
				subscriptions.activate(session, "news");
			}
			JsonRpcDescriptor descriptor = context.getBean(JsonRpcEndpoint.class).jsonrpc();
			assertThat(descriptor.sessions()).containsExactly(entry("TCP", 1), entry("WEBSOCKET", 2));
			assertThat(descriptor.topics()).containsExactlyInAnyOrder(new TopicDescriptor("news", true, 2),
					new TopicDescriptor("prices", false, 0));
		});
	}

	@Test
	void showsTheConfiguredLimitsAndOnlyTheWebSocketLimitsThatAreSet() {
		this.contextRunner
			.withPropertyValues("jsonrpc.http.max-request-size=2MB", "jsonrpc.batch.max-size=7",
					"jsonrpc.batch.parallelism=3", "jsonrpc.limits.max-nesting-depth=11",
					"jsonrpc.limits.max-number-length=12", "jsonrpc.limits.max-string-length=13",
					"jsonrpc.limits.max-name-length=14", "jsonrpc.limits.max-method-name-length=15",
					"jsonrpc.limits.max-collected-items=16", "jsonrpc.execution.offload-blocking=true",
					"jsonrpc.websocket.max-text-message-size=64KB", "jsonrpc.websocket.send-time-limit=5s",
					"jsonrpc.websocket.idle-timeout=1m", "jsonrpc.websocket.ping-interval=20s",
					"jsonrpc.websocket.path=/ws", "jsonrpc.websocket.allowed-origins=https://example.com")
			.run((context) -> assertThat(context.getBean(JsonRpcEndpoint.class).jsonrpc().limits()).containsExactly(
					entry("http.max-request-size", "2097152B"), entry("batch.max-size", 7),
					entry("batch.parallelism", 3), entry("limits.max-nesting-depth", 11),
					entry("limits.max-number-length", 12), entry("limits.max-string-length", 13),
					entry("limits.max-name-length", 14), entry("limits.max-method-name-length", 15),
					entry("limits.max-collected-items", 16), entry("execution.offload-blocking", true),
					entry("websocket.max-text-message-size", "64KB"), entry("websocket.send-time-limit", "5s"),
					entry("websocket.idle-timeout", "1m"), entry("websocket.ping-interval", "20s")));
	}

	@Test
	void showsTheDefaultLimitsWithoutWebSocketLimits() {
		this.contextRunner.run((context) -> assertThat(context.getBean(JsonRpcEndpoint.class).jsonrpc().limits())
			.containsExactly(entry("http.max-request-size", "1048576B"), entry("batch.max-size", 100),
					entry("batch.parallelism", 1), entry("limits.max-nesting-depth", 64),
					entry("limits.max-number-length", 100), entry("limits.max-string-length", 1_000_000),
					entry("limits.max-name-length", 1_000), entry("limits.max-method-name-length", 256),
					entry("limits.max-collected-items", 10_000), entry("execution.offload-blocking", false)));
	}

	@Test
	void countsACallInFlightByTransportAndMethodUntilItsResponseIsReady() {
		this.contextRunner.run((context) -> {
			JsonRpcHandler handler = context.getBean(JsonRpcHandler.class);
			JsonRpcEndpoint endpoint = context.getBean(JsonRpcEndpoint.class);
			DemoService service = context.getBean(DemoService.class);
			CompletableFuture<Optional<String>> reply = handler.handleText(
					"{\"jsonrpc\":\"2.0\",\"method\":\"demo.slow\",\"id\":1}",
					JsonRpcTransportContext.builder(Transport.HTTP).build());
			JsonRpcDescriptor during = endpoint.jsonrpc();
			assertThat(during.inFlight().total()).isEqualTo(1);
			assertThat(during.inFlight().byTransport()).containsExactly(entry("HTTP", 1));
			assertThat(method(during, "demo.slow").inFlight()).isEqualTo(1);
			assertThat(method(during, "demo.ping").inFlight()).isZero();
			service.pending.complete("done");
			assertThat(TestWaits.get(reply)).hasValueSatisfying((json) -> assertThat(json).contains("\"done\""));
			JsonRpcDescriptor after = endpoint.jsonrpc();
			assertThat(after.inFlight().total()).isZero();
			assertThat(after.inFlight().byTransport()).containsExactly(entry("HTTP", 0));
			assertThat(method(after, "demo.slow").inFlight()).isZero();
		});
	}

	@Test
	void countsACallOfAnUnknownMethodByTransportOnly() {
		this.contextRunner.run((context) -> {
			JsonRpcInFlightCalls inFlight = context.getBean(JsonRpcInFlightCalls.class);
			Optional<String> reply = TestWaits.get(context.getBean(JsonRpcHandler.class)
				.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"nope\",\"id\":1}",
						JsonRpcTransportContext.builder(Transport.TCP).build()));
			assertThat(reply).hasValueSatisfying((json) -> assertThat(json).contains("-32601"));
			assertThat(inFlight.total()).isZero();
			assertThat(inFlight.byTransport()).containsExactly(entry("TCP", 0));
			assertThat(inFlight.of("nope")).isZero();
		});
	}

	@Test
	void releasesACallWhoseNextInterceptorThrows() {
		this.contextRunner.withBean("throwing", JsonRpcInterceptor.class, () -> (exchange, chain) -> {
			throw new IllegalStateException("refused");
		}).run((context) -> {
			JsonRpcInFlightCalls inFlight = context.getBean(JsonRpcInFlightCalls.class);
			CompletableFuture<Optional<String>> reply = context.getBean(JsonRpcHandler.class)
				.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"demo.ping\",\"id\":1}",
						JsonRpcTransportContext.builder(Transport.HTTP).build());
			assertThat(TestWaits.get(reply)).hasValueSatisfying((json) -> assertThat(json).contains("-32603"));
			assertThat(inFlight.total()).isZero();
			assertThat(inFlight.byTransport()).containsExactly(entry("HTTP", 0));
			assertThat(inFlight.of("demo.ping")).isZero();
		});
	}

	@Test
	void countsBeforeEveryOtherInterceptorButTheMdcOne() {
		this.contextRunner.run((context) -> assertThat(context.getBean(JsonRpcInFlightCalls.class).getOrder())
			.isEqualTo(Ordered.HIGHEST_PRECEDENCE + 1));
	}

	private static MethodDescriptor method(JsonRpcDescriptor descriptor, String name) {
		return descriptor.methods().stream().filter((method) -> method.name().equals(name)).findFirst().orElseThrow();
	}

	@Configuration(proxyBeanMethods = false)
	static class ServiceConfiguration {

		@Bean
		DemoService demoService() {
			return new DemoService();
		}

		@Bean
		GuardedService guardedService() {
			return new GuardedService();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(JsonRpcSecurityProperties.class)
	static class SecurityPropertiesConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	static class SessionsConfiguration {

		@Bean
		JsonRpcSessionRegistry sessionRegistry() {
			return new JsonRpcSessionRegistry();
		}

		@Bean
		JsonRpcSubscriptionRegistry subscriptionRegistry() {
			return new JsonRpcSubscriptionRegistry(List.of(JsonRpcTopic.of("prices"), JsonRpcTopic.retained("news")),
					10);
		}

	}

	@JsonRpcService("demo")
	static class DemoService {

		final CompletableFuture<String> pending = new CompletableFuture<>();

		@JsonRpcMethod(timeout = "2s", description = "Answers pong")
		public String ping() {
			return "pong";
		}

		@PreAuthorize("hasRole('ADMIN')")
		public String secret() {
			return "secret";
		}

		public CompletableFuture<String> slow() {
			return this.pending;
		}

		@RolesAllowed({ "A", "B" })
		public String both() {
			return "both";
		}

	}

	@JsonRpcService("guarded")
	@Secured("ROLE_USER")
	static class GuardedService {

		public String plain() {
			return "plain";
		}

		@PermitAll
		public String open() {
			return "open";
		}

	}

	static class TcpSession extends RecordingJsonRpcSession {

		TcpSession(String id) {
			super(id, null);
		}

		@Override
		public Transport transport() {
			return Transport.TCP;
		}

	}

}
