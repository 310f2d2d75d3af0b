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

import io.github.jsonrpc.autoconfigure.JsonRpcAutoConfiguration;
import io.github.jsonrpc.server.method.annotation.JsonRpcMethod;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JsonRpcEndpointAutoConfiguration}.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcEndpointAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, JsonRpcAutoConfiguration.class,
				JsonRpcEndpointAutoConfiguration.class))
		.withUserConfiguration(ServiceConfiguration.class);

	@Test
	void endpointIsAvailableWhenExposed() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=jsonrpc",
					"jsonrpc.methods.[demo.*].max-concurrency=3")
			.run((context) -> {
				assertThat(context).hasSingleBean(JsonRpcEndpoint.class).hasSingleBean(JsonRpcInFlightCalls.class);
				JsonRpcEndpoint.JsonRpcDescriptor descriptor = context.getBean(JsonRpcEndpoint.class).jsonrpc();
				JsonRpcEndpoint.MethodDescriptor ping = descriptor.methods()
					.stream()
					.filter((method) -> method.name().equals("demo.ping"))
					.findFirst()
					.orElseThrow();
				assertThat(ping.maxConcurrency()).isEqualTo(3);
				assertThat(ping.timeout()).isEqualTo("PT2S");
				assertThat(ping.access()).isNull();
				assertThat(descriptor.sessions()).isEmpty();
				assertThat(descriptor.topics()).isEmpty();
				assertThat(descriptor.inFlight().total()).isZero();
			});
	}

	@Test
	void endpointIsAbsentWhenNotExposed() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(JsonRpcEndpoint.class)
			.doesNotHaveBean(JsonRpcInFlightCalls.class));
	}

	@Test
	void endpointIsAbsentWithoutActuator() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=jsonrpc")
			.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).doesNotHaveBean(JsonRpcEndpoint.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class ServiceConfiguration {

		@Bean
		DemoService demoService() {
			return new DemoService();
		}

	}

	@JsonRpcService("demo")
	static class DemoService {

		@JsonRpcMethod(timeout = "2s")
		public String ping() {
			return "pong";
		}

	}

}
