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

import io.github.jsonrpc.client.JsonRpcClient;
import io.github.jsonrpc.client.JsonRpcClientInterceptor;
import io.github.jsonrpc.client.JsonRpcIdGenerator;
import io.github.jsonrpc.client.config.JsonRpcClientRegistry;
import io.github.jsonrpc.observation.JsonRpcClientObservationConvention;
import io.github.jsonrpc.observation.ObservationJsonRpcClientInterceptor;
import io.micrometer.observation.ObservationRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.core.annotation.Order;
import org.springframework.web.client.RestClient;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the JSON-RPC client: a prototype {@link JsonRpcClient.Builder}
 * using the application's {@link JsonMapper}, {@code RestClient.Builder}, client
 * interceptors and id generator, and a {@link JsonRpcClientRegistry} of the clients named
 * under {@code jsonrpc.client.<name>}, used by
 * {@link io.github.jsonrpc.client.config.EnableJsonRpcClients @EnableJsonRpcClients}.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
		"org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration" })
@ConditionalOnClass(JsonRpcClient.class)
@EnableConfigurationProperties(JsonRpcClientProperties.class)
public final class JsonRpcClientAutoConfiguration {

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	@ConditionalOnMissingBean
	JsonRpcClient.Builder jsonRpcClientBuilder(ObjectProvider<JsonMapper> jsonMapper,
			ObjectProvider<JsonRpcIdGenerator> idGenerator, ObjectProvider<JsonRpcClientInterceptor> interceptors,
			ObjectProvider<JsonRpcClientBuilderCustomizer> customizers) {
		JsonRpcClient.Builder builder = JsonRpcClient.builder();
		jsonMapper.ifAvailable(builder::jsonMapper);
		idGenerator.ifAvailable(builder::idGenerator);
		interceptors.orderedStream().forEach(builder::interceptor);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder;
	}

	@Bean
	@ConditionalOnMissingBean
	JsonRpcClientRegistry jsonRpcClientRegistry(JsonRpcClientProperties properties,
			ObjectProvider<JsonRpcClient.Builder> builders) {
		return new PropertiesJsonRpcClientRegistry(properties, builders::getObject);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestClient.class)
	static class RestClientConfiguration {

		@Bean
		@Order(0)
		JsonRpcClientBuilderCustomizer jsonRpcRestClientBuilderCustomizer(
				ObjectProvider<RestClient.Builder> restClientBuilder) {
			// Boot's RestClient.Builder is a prototype: each JSON-RPC client gets its own
			return (builder) -> restClientBuilder.ifAvailable(builder::restClientBuilder);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ ObservationRegistry.class, ObservationJsonRpcClientInterceptor.class })
	@ConditionalOnBooleanProperty(name = "jsonrpc.observation.enabled", matchIfMissing = true)
	static class ObservationConfiguration {

		@Bean
		@Order(10)
		JsonRpcClientBuilderCustomizer jsonRpcClientObservationCustomizer(
				ObjectProvider<ObservationRegistry> observationRegistry,
				ObjectProvider<JsonRpcClientObservationConvention> convention) {
			// resolved per client: the registry may be defined after this configuration
			return (builder) -> observationRegistry.ifAvailable((registry) -> builder
				.interceptor(new ObservationJsonRpcClientInterceptor(registry, convention.getIfAvailable())));
		}

	}

}
