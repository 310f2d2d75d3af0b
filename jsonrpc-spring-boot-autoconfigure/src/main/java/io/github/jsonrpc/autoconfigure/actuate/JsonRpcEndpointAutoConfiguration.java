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
import io.github.jsonrpc.autoconfigure.JsonRpcProperties;
import io.github.jsonrpc.autoconfigure.security.JsonRpcSecurityProperties;
import io.github.jsonrpc.server.JsonRpcSessionRegistry;
import io.github.jsonrpc.pubsub.JsonRpcSubscriptionRegistry;
import io.github.jsonrpc.server.method.JsonRpcMethodRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the {@link JsonRpcEndpoint jsonrpc} Actuator endpoint, when
 * Actuator is present and the endpoint is available (exposed as usual with
 * {@code management.endpoints.web.exposure.include}).
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = JsonRpcAutoConfiguration.class,
		afterName = { "io.github.jsonrpc.autoconfigure.websocket.JsonRpcWebSocketAutoConfiguration",
				"io.github.jsonrpc.autoconfigure.pubsub.JsonRpcPubSubAutoConfiguration",
				"io.github.jsonrpc.autoconfigure.security.JsonRpcSecurityAutoConfiguration" })
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(JsonRpcMethodRegistry.class)
@ConditionalOnAvailableEndpoint(JsonRpcEndpoint.class)
public final class JsonRpcEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	JsonRpcInFlightCalls jsonRpcInFlightCalls(JsonRpcMethodRegistry registry) {
		return new JsonRpcInFlightCalls(registry);
	}

	@Bean
	@ConditionalOnMissingBean
	JsonRpcEndpoint jsonRpcEndpoint(JsonRpcMethodRegistry registry, JsonRpcInFlightCalls inFlight,
			JsonRpcProperties properties, Environment environment,
			ObjectProvider<JsonRpcSecurityProperties> securityProperties,
			ObjectProvider<JsonRpcSessionRegistry> sessions,
			ObjectProvider<JsonRpcSubscriptionRegistry> subscriptions) {
		return new JsonRpcEndpoint(registry, inFlight, properties, environment, securityProperties, sessions,
				subscriptions);
	}

}
