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
package io.github.jsonrpc.autoconfigure.stdio;

import java.util.Set;

import io.github.jsonrpc.autoconfigure.JsonRpcAutoConfiguration;
import io.github.jsonrpc.autoconfigure.JsonRpcTaskExecutors;
import io.github.jsonrpc.pubsub.JsonRpcPubSubMethodNames;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.JsonRpcSessionRegistry;
import io.github.jsonrpc.server.connection.JsonRpcConnectionSettings;
import io.github.jsonrpc.server.stdio.JsonRpcStdioServer;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of JSON-RPC over standard input and output
 * ({@code jsonrpc.stdio.enabled=true}): a {@link JsonRpcStdioServer} started with the
 * context, which closes the context when the input ends. See
 * {@link JsonRpcStdioEnvironmentPostProcessor} for how standard output is kept clean.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = JsonRpcAutoConfiguration.class,
		afterName = "io.github.jsonrpc.autoconfigure.websocket.JsonRpcWebSocketAutoConfiguration")
@ConditionalOnBean(JsonRpcHandler.class)
@ConditionalOnBooleanProperty("jsonrpc.stdio.enabled")
@EnableConfigurationProperties(JsonRpcStdioProperties.class)
public final class JsonRpcStdioAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	JsonRpcSessionRegistry jsonRpcSessionRegistry() {
		return new JsonRpcSessionRegistry();
	}

	@Bean
	@ConditionalOnMissingBean
	JsonRpcStdioServer jsonRpcStdioServer(JsonRpcHandler handler, JsonRpcSessionRegistry sessions,
			JsonRpcStdioProperties properties, ObjectProvider<JsonRpcPubSubMethodNames> pubSubMethodNames,
			ListableBeanFactory beanFactory, ConfigurableApplicationContext context) {
		JsonRpcStdioServer server = new JsonRpcStdioServer(handler, sessions,
				JsonRpcTaskExecutors.resolve(beanFactory, "jsonrpc-stdio-"));
		server.setFraming(properties.getFraming());
		server.setShutdownTimeout(properties.getShutdownTimeout());
		JsonRpcPubSubMethodNames names = pubSubMethodNames.getIfAvailable();
		JsonRpcConnectionSettings defaults = JsonRpcConnectionSettings.DEFAULTS;
		server.setSettings(defaults.withMaxMessageSize((int) properties.getMaxMessageSize().toBytes())
			.withMaxInFlight(properties.getMaxInFlight())
			.withOutboundLimits(defaults.maxOutboundMessages(), defaults.maxOutboundBytes(),
					properties.getSendTimeLimit())
			.withStringParamsMethods((names != null) ? names.stringParamsMethods() : Set.of()));
		if (properties.isExitOnEndOfInput()) {
			server.setEndOfInput(context::close);
		}
		return server;
	}

}
