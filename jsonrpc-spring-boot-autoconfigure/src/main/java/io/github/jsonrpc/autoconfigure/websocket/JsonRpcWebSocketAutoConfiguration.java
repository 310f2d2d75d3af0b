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

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.jsonrpc.autoconfigure.JsonRpcAutoConfiguration;
import io.github.jsonrpc.autoconfigure.JsonRpcTaskExecutors;
import io.github.jsonrpc.pubsub.JsonRpcPubSubMethodNames;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.JsonRpcSessionRegistry;
import io.github.jsonrpc.server.connection.JsonRpcMemoryBudget;
import io.github.jsonrpc.server.websocket.JsonRpcWebSocketHandler;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
import org.springframework.web.socket.server.support.WebSocketHandlerMapping;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of JSON-RPC over WebSocket at {@code jsonrpc.websocket.path} (by
 * default {@code /jsonrpc}, the HTTP path: only upgrade requests are matched there), with
 * the {@link JsonRpcSessionRegistry} its connections join (publish/subscribe, configured
 * on its own, builds on it). Keep-alive runs on the application's {@link TaskScheduler}
 * when it has exactly one.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = JsonRpcAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(name = { "org.springframework.web.socket.WebSocketHandler", "jakarta.websocket.Session",
		"io.github.jsonrpc.server.websocket.JsonRpcWebSocketHandler" })
@ConditionalOnBean(JsonRpcHandler.class)
@ConditionalOnBooleanProperty(name = "jsonrpc.websocket.enabled", matchIfMissing = true)
@EnableConfigurationProperties(JsonRpcWebSocketProperties.class)
public final class JsonRpcWebSocketAutoConfiguration {

	/** Order of the WebSocket handler mapping: before the functional routes of HTTP. */
	static final int HANDLER_MAPPING_ORDER = -10;

	private static final Log logger = LogFactory.getLog(JsonRpcWebSocketAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	JsonRpcSessionRegistry jsonRpcSessionRegistry() {
		return new JsonRpcSessionRegistry();
	}

	@Bean
	@ConditionalOnMissingBean
	JsonRpcWebSocketHandler jsonRpcWebSocketHandler(JsonRpcHandler handler, JsonRpcSessionRegistry sessions,
			JsonRpcWebSocketProperties properties, ObjectProvider<JsonRpcPubSubMethodNames> pubSubMethodNames,
			ObjectProvider<TaskScheduler> taskScheduler, ObjectProvider<JsonRpcMemoryBudget> memoryBudget,
			ListableBeanFactory beanFactory) {
		JsonRpcWebSocketHandler webSocketHandler = new JsonRpcWebSocketHandler(handler, sessions,
				JsonRpcTaskExecutors.resolve(beanFactory, "jsonrpc-ws-"));
		JsonRpcPubSubMethodNames names = pubSubMethodNames.getIfAvailable();
		webSocketHandler
			.setSettings(properties.toConnectionSettings((names != null) ? names.stringParamsMethods() : Set.of(),
					memoryBudget.getIfAvailable(JsonRpcMemoryBudget::shared)));
		webSocketHandler.setTomcatGatheredWrites(properties.isTomcatGatheredWrites());
		taskScheduler.ifUnique(webSocketHandler::setTaskScheduler);
		return webSocketHandler;
	}

	@Bean
	@ConditionalOnMissingBean(name = "jsonRpcWebSocketHandlerMapping")
	WebSocketHandlerMapping jsonRpcWebSocketHandlerMapping(JsonRpcWebSocketHandler webSocketHandler,
			JsonRpcWebSocketProperties properties) {
		// an invalid Origin gets 403, and same origin may be pinned to allowed hosts
		JsonRpcOriginHandshakeInterceptor origins = new JsonRpcOriginHandshakeInterceptor(
				properties.getAllowedOrigins(), properties.getAllowedOriginPatterns(), properties.getAllowedHosts());
		WebSocketHttpRequestHandler requestHandler = new WebSocketHttpRequestHandler(webSocketHandler,
				new DefaultHandshakeHandler());
		requestHandler.setHandshakeInterceptors(List.of(origins));
		WebSocketHandlerMapping mapping = new UpgradeOnlyWebSocketHandlerMapping();
		mapping.setUrlMap(Map.of(properties.getPath(), requestHandler));
		// matches only upgrade requests (set in its constructor), so that POST on the
		// same path still reaches the HTTP route
		mapping.setOrder(HANDLER_MAPPING_ORDER);
		logger.info("JSON-RPC WebSocket endpoint: " + properties.getPath());
		return mapping;
	}

	/**
	 * A {@link WebSocketHandlerMapping} that matches upgrade requests only (as
	 * {@link WebSocketHandlerMapping#setWebSocketUpgradeMatch(boolean)} does) and tells
	 * them apart before its path lookup: it runs first, for every request of the
	 * application, and without this looks up the path and builds a handler chain for each
	 * HTTP POST to the JSON-RPC endpoint only to drop it.
	 */
	static final class UpgradeOnlyWebSocketHandlerMapping extends WebSocketHandlerMapping {

		UpgradeOnlyWebSocketHandlerMapping() {
			setWebSocketUpgradeMatch(true);
		}

		@Override
		protected @Nullable Object getHandlerInternal(HttpServletRequest request) throws Exception {
			// the same test as WebSocketHandlerMapping's upgrade match
			if (!HttpMethod.GET.matches(request.getMethod())
					|| !"websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE))) {
				return null;
			}
			return super.getHandlerInternal(request);
		}

	}

}
