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

import io.github.jsonrpc.autoconfigure.JsonRpcAutoConfiguration;
import io.github.jsonrpc.autoconfigure.JsonRpcProperties;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.discovery.OpenRpcDiscovery;
import io.github.jsonrpc.server.http.JsonRpcHttpStatusPolicy;
import io.github.jsonrpc.server.webflux.JsonRpcHttpHandler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the JSON-RPC HTTP endpoint of reactive web applications: a
 * functional route of {@code jsonrpc.http.path}, with the properties and defaults of the
 * Servlet endpoint. CORS comes from the application's {@code WebFluxConfigurer}s, as for
 * its own routes.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = JsonRpcAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.REACTIVE)
@ConditionalOnClass({ RouterFunction.class, JsonRpcHttpHandler.class })
@ConditionalOnBean(JsonRpcHandler.class)
@ConditionalOnBooleanProperty(name = "jsonrpc.http.enabled", matchIfMissing = true)
public final class JsonRpcWebFluxAutoConfiguration {

	private static final Log logger = LogFactory.getLog(JsonRpcWebFluxAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	JsonRpcHttpStatusPolicy jsonRpcHttpStatusPolicy(JsonRpcProperties properties) {
		return switch (properties.getHttp().getStatusPolicy()) {
			case STANDARD -> JsonRpcHttpStatusPolicy.standard();
			case BY_ERROR_CODE -> JsonRpcHttpStatusPolicy.byErrorCode();
		};
	}

	@Bean
	@ConditionalOnMissingBean
	JsonRpcHttpHandler jsonRpcWebFluxHttpHandler(JsonRpcHandler handler, JsonRpcHttpStatusPolicy statusPolicy,
			JsonRpcProperties properties) {
		return new JsonRpcHttpHandler(handler, statusPolicy, properties.getHttp().getMaxRequestSize().toBytes());
	}

	@Bean
	@ConditionalOnMissingBean(name = "jsonRpcRouterFunction")
	RouterFunction<ServerResponse> jsonRpcRouterFunction(JsonRpcHttpHandler httpHandler, JsonRpcProperties properties,
			ObjectProvider<OpenRpcDiscovery> discovery) {
		String path = properties.getHttp().getPath();
		logger.info("JSON-RPC HTTP endpoint: POST " + path);
		RouterFunction<ServerResponse> routes = httpHandler.routerFunction(path);
		if (discovery.getIfAvailable() != null) {
			// the same document as rpc.discover, under the same access rules
			routes = RouterFunctions.route()
				.GET(path + "/openrpc.json", httpHandler::handleOpenRpcDocument)
				.build()
				.and(routes);
		}
		return routes;
	}

}
