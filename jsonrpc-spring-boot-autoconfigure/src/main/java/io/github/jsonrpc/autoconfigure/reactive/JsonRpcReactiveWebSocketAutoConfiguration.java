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

import java.util.Set;

import io.github.jsonrpc.autoconfigure.JsonRpcAutoConfiguration;
import io.github.jsonrpc.autoconfigure.JsonRpcTaskExecutors;
import io.github.jsonrpc.autoconfigure.websocket.JsonRpcWebSocketProperties;
import io.github.jsonrpc.pubsub.JsonRpcPubSubMethodNames;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.JsonRpcSessionRegistry;
import io.github.jsonrpc.server.connection.JsonRpcMemoryBudget;
import io.github.jsonrpc.server.http.JsonRpcHandshakeOrigins;
import io.github.jsonrpc.server.webflux.JsonRpcEventLoopUpgradeStrategy;
import io.github.jsonrpc.server.webflux.JsonRpcWebSocketHandler;
import io.github.jsonrpc.server.webflux.JsonRpcWebSocketHandlerMapping;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.netty.http.server.WebsocketServerSpec;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of JSON-RPC over WebSocket for reactive web applications, at
 * {@code jsonrpc.websocket.path} with the {@code jsonrpc.websocket.*} limits of the
 * Servlet endpoint, and the {@link JsonRpcSessionRegistry} its connections join (pub/sub
 * builds on it). Handshakes are checked like the Servlet endpoint's: a foreign or invalid
 * {@code Origin} gets {@code 403} unless it is in {@code allowed-origins} /
 * {@code allowed-origin-patterns}, and same origin is pinned to {@code allowed-hosts}
 * when there are some. On Reactor Netty the frame size limit is {@code max-message-size}.
 * Calls run on the application task executor, never on the event loop.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = JsonRpcAutoConfiguration.class,
		afterName = "io.github.jsonrpc.autoconfigure.security.JsonRpcSecurityAutoConfiguration",
		beforeName = "io.github.jsonrpc.autoconfigure.pubsub.JsonRpcPubSubAutoConfiguration")
@ConditionalOnWebApplication(type = Type.REACTIVE)
@ConditionalOnClass({ WebSocketHandler.class, JsonRpcWebSocketHandler.class })
@ConditionalOnBean(JsonRpcHandler.class)
@ConditionalOnBooleanProperty(name = "jsonrpc.websocket.enabled", matchIfMissing = true)
@EnableConfigurationProperties(JsonRpcWebSocketProperties.class)
public final class JsonRpcReactiveWebSocketAutoConfiguration {

	private static final Log logger = LogFactory.getLog(JsonRpcReactiveWebSocketAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	JsonRpcSessionRegistry jsonRpcSessionRegistry() {
		return new JsonRpcSessionRegistry();
	}

	@Bean
	@ConditionalOnMissingBean
	JsonRpcWebSocketHandler jsonRpcReactiveWebSocketHandler(JsonRpcHandler handler, JsonRpcSessionRegistry sessions,
			JsonRpcWebSocketProperties properties, ObjectProvider<JsonRpcPubSubMethodNames> pubSubMethodNames,
			ObjectProvider<TaskScheduler> taskScheduler, ObjectProvider<JsonRpcMemoryBudget> memoryBudget,
			ListableBeanFactory beanFactory) {
		JsonRpcWebSocketHandler webSocketHandler = new JsonRpcWebSocketHandler(handler, sessions,
				JsonRpcTaskExecutors.resolve(beanFactory, "jsonrpc-ws-"));
		JsonRpcPubSubMethodNames names = pubSubMethodNames.getIfAvailable();
		webSocketHandler
			.setSettings(properties.toConnectionSettings((names != null) ? names.stringParamsMethods() : Set.of(),
					memoryBudget.getIfAvailable(JsonRpcMemoryBudget::shared)));
		taskScheduler.ifUnique(webSocketHandler::setTaskScheduler);
		return webSocketHandler;
	}

	@Bean
	@ConditionalOnMissingBean(name = "jsonRpcWebSocketService")
	WebSocketService jsonRpcWebSocketService() {
		return new HandshakeWebSocketService();
	}

	@Bean
	@ConditionalOnMissingBean
	JsonRpcWebSocketHandlerMapping jsonRpcReactiveWebSocketHandlerMapping(JsonRpcWebSocketHandler webSocketHandler,
			WebSocketService jsonRpcWebSocketService, JsonRpcWebSocketProperties properties) {
		JsonRpcWebSocketHandlerMapping mapping = new JsonRpcWebSocketHandlerMapping(properties.getPath(),
				webSocketHandler, jsonRpcWebSocketService);
		// the Servlet endpoint's rules: an invalid or foreign Origin gets 403, and same
		// origin may be pinned to allowed hosts
		mapping.setHandshakeOrigins(new JsonRpcHandshakeOrigins(properties.getAllowedOrigins(),
				properties.getAllowedOriginPatterns(), properties.getAllowedHosts()));
		logger.info("JSON-RPC WebSocket endpoint: " + properties.getPath());
		return mapping;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ WebsocketServerSpec.class, ReactorNettyRequestUpgradeStrategy.class })
	static class ReactorNettyConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "jsonRpcWebSocketService")
		WebSocketService jsonRpcWebSocketService(JsonRpcWebSocketProperties properties) {
			// Reactor Netty refuses frames over 64 KB by default: take max-message-size,
			// aggregated continuation frames included; the upgrade itself always runs on
			// the connection's event loop
			int maxMessageSize = (int) properties.getMaxMessageSize().toBytes();
			return new HandshakeWebSocketService(new JsonRpcEventLoopUpgradeStrategy(
					new ReactorNettyRequestUpgradeStrategy(() -> WebsocketServerSpec.builder()
						.maxFramePayloadLength(maxMessageSize)
						.handlePing(false))));
		}

	}

}
