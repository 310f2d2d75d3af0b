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

package io.github.jsonrpc.autoconfigure.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import io.github.jsonrpc.client.JsonRpcClient;
import io.github.jsonrpc.client.JsonRpcClientInterceptor;
import io.github.jsonrpc.client.JsonRpcIdGenerator;
import io.github.jsonrpc.client.annotation.JsonRpcRemote;
import io.github.jsonrpc.client.config.EnableJsonRpcClients;
import io.github.jsonrpc.client.config.JsonRpcClientRegistry;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

class JsonRpcClientAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, JsonRpcClientAutoConfiguration.class));

	@Test
	void builderIsAPrototypeUsingTheApplicationJsonMapper() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(JsonRpcClientRegistry.class);
			JsonRpcClient.Builder first = context.getBean(JsonRpcClient.Builder.class);
			assertThat(first).isNotSameAs(context.getBean(JsonRpcClient.Builder.class));
			JsonRpcClient client = first.transport((request) -> CompletableFuture.completedFuture(List.of())).build();
			assertThat(client.codec().mapper()).isSameAs(context.getBean(JsonMapper.class));
		});
	}

	@Test
	void interceptorAndIdGeneratorBeansAreApplied() {
		List<String> intercepted = new ArrayList<>();
		this.contextRunner.withBean(JsonRpcClientInterceptor.class, () -> (request, chain) -> {
			intercepted.add(request.entries().get(0).method());
			return chain.next(request);
		}).withBean(JsonRpcIdGenerator.class, () -> () -> JsonRpcId.of("fixed")).run((context) -> {
			JsonRpcClient client = context.getBean(JsonRpcClient.Builder.class)
				.transport((request) -> CompletableFuture
					.completedFuture(List.of(JsonRpcResponse.success(JsonRpcId.of("fixed"), 1))))
				.build();
			assertThat(client.method("ping").retrieve(Integer.class)).isEqualTo(1);
			assertThat(intercepted).containsExactly("ping");
		});
	}

	@Test
	void namedClientUsesPropertiesAndTheApplicationRestClientBuilder() {
		RestClient.Builder restClientBuilder = RestClient.builder();
		MockRestServiceServer server = MockRestServiceServer.bindTo(restClientBuilder).build();
		server.expect(requestTo("http://calc.example/jsonrpc"))
			.andExpect(header("Authorization", "Basic dXNlcjpzZWNyZXQ="))
			.andExpect(header("X-Tenant", "acme"))
			.andRespond(withSuccess("{\"jsonrpc\":\"2.0\",\"result\":19,\"id\":1}", MediaType.APPLICATION_JSON));
		this.contextRunner.withBean(RestClient.Builder.class, () -> restClientBuilder)
			.withPropertyValues("jsonrpc.client.calc.url=http://calc.example/jsonrpc",
					"jsonrpc.client.calc.username=user", "jsonrpc.client.calc.password=secret",
					"jsonrpc.client.calc.headers.X-Tenant=acme", "jsonrpc.client.calc.timeout=5s")
			.run((context) -> {
				JsonRpcClient client = context.getBean(JsonRpcClientRegistry.class).client("calc");
				assertThat(client).isSameAs(context.getBean(JsonRpcClientRegistry.class).client("calc"));
				assertThat(client.method("subtract").params(42, 23).retrieve(Integer.class)).isEqualTo(19);
				server.verify();
			});
	}

	@Test
	void propertiesBindPerClient() {
		this.contextRunner
			.withPropertyValues("jsonrpc.client.feed.url=http://feed.example/rpc",
					"jsonrpc.client.feed.transport=websocket", "jsonrpc.client.feed.connect-timeout=2s",
					"jsonrpc.client.feed.bearer-token=abc", "jsonrpc.client.feed.reconnect-max-delay=10s")
			.run((context) -> {
				JsonRpcClientProperties.Client feed = context.getBean(JsonRpcClientProperties.class).get("feed");
				assertThat(feed.getTransport()).isEqualTo(JsonRpcClientProperties.Transport.WEBSOCKET);
				assertThat(feed.getConnectTimeout()).hasSeconds(2);
				assertThat(feed.getBearerToken()).isEqualTo("abc");
				assertThat(feed.getReconnectMaxDelay()).hasSeconds(10);
				assertThat(PropertiesJsonRpcClientRegistry.url(feed)).hasToString("ws://feed.example/rpc");
			});
	}

	@Test
	void urlWithoutSchemeIsKeptWhateverTheTransport() {
		JsonRpcClientProperties.Client relative = new JsonRpcClientProperties.Client();
		relative.setUrl("/rpc");
		relative.setTransport(JsonRpcClientProperties.Transport.WEBSOCKET);
		assertThat(PropertiesJsonRpcClientRegistry.url(relative)).hasToString("/rpc");
	}

	@Test
	void transportRewritesAnUpperCaseSchemeUnderATurkishDefaultLocale() {
		Locale defaultLocale = Locale.getDefault();
		Locale.setDefault(Locale.forLanguageTag("tr-TR"));
		try {
			JsonRpcClientProperties.Client feed = new JsonRpcClientProperties.Client();
			feed.setUrl("WSS://feed.example/rpc");
			feed.setTransport(JsonRpcClientProperties.Transport.HTTP);
			assertThat(PropertiesJsonRpcClientRegistry.url(feed)).hasToString("https://feed.example/rpc");
			feed.setUrl("HTTP://feed.example/rpc");
			feed.setTransport(JsonRpcClientProperties.Transport.WEBSOCKET);
			assertThat(PropertiesJsonRpcClientRegistry.url(feed)).hasToString("ws://feed.example/rpc");
		}
		finally {
			Locale.setDefault(defaultLocale);
		}
	}

	@ParameterizedTest
	@CsvSource({ "tcp://calc.example:9090,http", "tcps://calc.example:9090,websocket",
			"TCP://calc.example:9090?framing=content-length,http" })
	void transportOnATcpUrlIsRefusedAtStartupNamingTheProperty(String url, String transport) {
		this.contextRunner
			.withPropertyValues("jsonrpc.client.calc.url=" + url, "jsonrpc.client.calc.transport=" + transport)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(IllegalStateException.class)
				.hasMessage("jsonrpc.client.calc.transport cannot be set for a tcp:// or tcps:// url (" + url
						+ "): it chooses between HTTP and WebSocket; remove it, or set the url of the HTTP or "
						+ "WebSocket endpoint"));
	}

	@Test
	void tcpUrlWithoutTransportStartsAndKeepsItsUrl() {
		this.contextRunner.withPropertyValues("jsonrpc.client.calc.url=tcps://calc.example:9090").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(PropertiesJsonRpcClientRegistry.url(context.getBean(JsonRpcClientProperties.class).get("calc")))
				.hasToString("tcps://calc.example:9090");
		});
	}

	@Test
	void reconnectMaxDelayShorterThanTheInitialDelayIsRefusedAtStartupNamingBoth() {
		this.contextRunner
			.withPropertyValues("jsonrpc.client.feed.url=ws://feed.example/rpc",
					"jsonrpc.client.feed.reconnect-initial-delay=2s", "jsonrpc.client.feed.reconnect-max-delay=1s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(IllegalStateException.class)
				.hasMessage("jsonrpc.client.feed.reconnect-max-delay (PT1S) must not be shorter than "
						+ "jsonrpc.client.feed.reconnect-initial-delay (PT2S)"));
	}

	@Test
	void reconnectMaxDelayEqualToTheInitialDelayStarts() {
		this.contextRunner
			.withPropertyValues("jsonrpc.client.feed.url=ws://feed.example/rpc",
					"jsonrpc.client.feed.reconnect-initial-delay=2s", "jsonrpc.client.feed.reconnect-max-delay=2s")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void clientsAreObservedWithTheApplicationObservationRegistry() {
		List<String> observed = new ArrayList<>();
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public void onStop(Observation.Context context) {
				observed.add(context.getName());
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

		});
		this.contextRunner.withBean(ObservationRegistry.class, () -> observations).run((context) -> {
			JsonRpcClient client = context.getBean(JsonRpcClient.Builder.class)
				.transport((request) -> CompletableFuture
					.completedFuture(List.of(JsonRpcResponse.success(request.entries().get(0).id(), 1))))
				.build();
			assertThat(client.method("ping").retrieve(Integer.class)).isEqualTo(1);
			assertThat(observed).isNotEmpty();
		});
		observed.clear();
		this.contextRunner.withBean(ObservationRegistry.class, () -> observations)
			.withPropertyValues("jsonrpc.observation.enabled=false")
			.run((context) -> {
				JsonRpcClient client = context.getBean(JsonRpcClient.Builder.class)
					.transport((request) -> CompletableFuture
						.completedFuture(List.of(JsonRpcResponse.success(request.entries().get(0).id(), 1))))
					.build();
				assertThat(client.method("ping").retrieve(Integer.class)).isEqualTo(1);
				assertThat(observed).isEmpty();
			});
	}

	@Test
	void unknownClientNameFailsNamingTheProperty() {
		this.contextRunner.run((context) -> assertThat(context.getBean(JsonRpcClientRegistry.class))
			.satisfies((registry) -> org.assertj.core.api.Assertions.assertThatIllegalStateException()
				.isThrownBy(() -> registry.client("missing"))
				.withMessageContaining("jsonrpc.client.missing.url")));
	}

	@Test
	void enableJsonRpcClientsRegistersProxyBeans() {
		RestClient.Builder restClientBuilder = RestClient.builder();
		MockRestServiceServer server = MockRestServiceServer.bindTo(restClientBuilder).build();
		server.expect(requestTo("http://calc.example/jsonrpc"))
			.andRespond(withSuccess("{\"jsonrpc\":\"2.0\",\"result\":7,\"id\":1}", MediaType.APPLICATION_JSON));
		this.contextRunner.withBean(RestClient.Builder.class, () -> restClientBuilder)
			.withUserConfiguration(ClientsConfiguration.class)
			.withPropertyValues("jsonrpc.client.calc.url=http://calc.example/jsonrpc")
			.run((context) -> {
				assertThat(context).hasSingleBean(Calculator.class);
				assertThat(context.getBean(Calculator.class).sum(3, 4)).isEqualTo(7);
			});
	}

	@Test
	void backsOffFromUserBuilderAndRegistry() {
		JsonRpcClientRegistry registry = (name) -> {
			throw new IllegalStateException(name);
		};
		this.contextRunner.withBean(JsonRpcClientRegistry.class, () -> registry)
			.withBean(JsonRpcClient.Builder.class, JsonRpcClient::builder)
			.run((context) -> {
				assertThat(context.getBean(JsonRpcClientRegistry.class)).isSameAs(registry);
				assertThat(context).hasSingleBean(JsonRpcClient.Builder.class);
			});
	}

	@Test
	void worksWithoutSpringWeb() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(RestClient.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(JsonRpcClient.Builder.class)
				.doesNotHaveBean("jsonRpcRestClientBuilderCustomizer"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableJsonRpcClients(clients = Calculator.class)
	static class ClientsConfiguration {

	}

	@JsonRpcRemote(name = "calc")
	interface Calculator {

		int sum(int... numbers);

	}

}
