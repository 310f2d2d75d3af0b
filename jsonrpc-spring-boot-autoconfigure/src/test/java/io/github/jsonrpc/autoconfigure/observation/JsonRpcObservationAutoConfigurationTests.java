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

package io.github.jsonrpc.autoconfigure.observation;

import io.github.jsonrpc.autoconfigure.JsonRpcAutoConfiguration;
import io.github.jsonrpc.observation.DefaultJsonRpcObservationConvention;
import io.github.jsonrpc.observation.ObservationJsonRpcInterceptor;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JsonRpcObservationAutoConfiguration}.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcObservationAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, JsonRpcAutoConfiguration.class,
				JsonRpcObservationAutoConfiguration.class))
		.withBean(GreetingService.class, GreetingService::new);

	@Test
	void observesCallsWithLowCardinalityMethodTags() {
		this.contextRunner.withBean(ObservationRegistry.class, TestObservationRegistry::create).run((context) -> {
			assertThat(context).hasSingleBean(ObservationJsonRpcInterceptor.class);
			JsonRpcHandler handler = context.getBean(JsonRpcHandler.class);
			handler.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"greet\",\"params\":[\"Ada\"],\"id\":7}").join();
			handler.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"no-such-method-42\",\"id\":8}").join();
			TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
			assertThat(registry).hasNumberOfObservationsWithNameEqualTo(DefaultJsonRpcObservationConvention.NAME, 2);
			assertThat(registry)
				.hasAnObservation((observation) -> observation.hasNameEqualTo(DefaultJsonRpcObservationConvention.NAME)
					.hasLowCardinalityKeyValue("rpc.method", "greet")
					.hasLowCardinalityKeyValue("outcome", "SUCCESS")
					.hasLowCardinalityKeyValue("rpc.jsonrpc.error_code", "none")
					.hasLowCardinalityKeyValue("transport", "IN_PROCESS")
					.hasHighCardinalityKeyValue("rpc.jsonrpc.request_id", "7"));
			assertThat(registry)
				.hasAnObservation((observation) -> observation.hasLowCardinalityKeyValue("rpc.method", "unknown")
					.hasLowCardinalityKeyValue("outcome", "ERROR")
					.hasLowCardinalityKeyValue("rpc.jsonrpc.error_code", "-32601"));
		});
	}

	@Test
	void backsOffWithoutAnObservationRegistry() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(ObservationJsonRpcInterceptor.class));
	}

	@Test
	void backsOffWithoutMicrometer() {
		this.contextRunner.withBean(ObservationRegistry.class, TestObservationRegistry::create)
			.withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ObservationJsonRpcInterceptor.class));
	}

	@Test
	void canBeDisabled() {
		this.contextRunner.withBean(ObservationRegistry.class, TestObservationRegistry::create)
			.withPropertyValues("jsonrpc.observation.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ObservationJsonRpcInterceptor.class));
	}

	@JsonRpcService
	static class GreetingService {

		public String greet(String name) {
			return "Hello " + name;
		}

	}

}
