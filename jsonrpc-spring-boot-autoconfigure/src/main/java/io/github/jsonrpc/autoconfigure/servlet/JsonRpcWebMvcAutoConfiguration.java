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

package io.github.jsonrpc.autoconfigure.servlet;

import java.util.Map;

import io.github.jsonrpc.autoconfigure.JsonRpcAutoConfiguration;
import io.github.jsonrpc.autoconfigure.JsonRpcProperties;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.webmvc.JsonRpcHttpHandler;
import io.github.jsonrpc.server.webmvc.JsonRpcHttpHandlerMapping;
import io.github.jsonrpc.server.webmvc.JsonRpcHttpStatusPolicy;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.function.RouterFunction;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the JSON-RPC HTTP endpoint: a handler mapping of
 * {@code jsonrpc.http.path} only.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = JsonRpcAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass({ RouterFunction.class, JsonRpcHttpHandler.class })
@ConditionalOnBean(JsonRpcHandler.class)
@ConditionalOnBooleanProperty(name = "jsonrpc.http.enabled", matchIfMissing = true)
public final class JsonRpcWebMvcAutoConfiguration {

	private static final Log logger = LogFactory.getLog(JsonRpcWebMvcAutoConfiguration.class);

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
	JsonRpcHttpHandler jsonRpcHttpHandler(JsonRpcHandler handler, JsonRpcHttpStatusPolicy statusPolicy,
			JsonRpcProperties properties) {
		return new JsonRpcHttpHandler(handler, statusPolicy, properties.getHttp().getMaxRequestSize().toBytes());
	}

	@Bean
	@ConditionalOnMissingBean
	JsonRpcHttpHandlerMapping jsonRpcHttpHandlerMapping(JsonRpcHttpHandler httpHandler, JsonRpcProperties properties,
			ObjectProvider<WebMvcConfigurer> configurers) {
		// a mapping of its own path, not a router function evaluated for every request
		String path = properties.getHttp().getPath();
		logger.info("JSON-RPC HTTP endpoint: POST " + path);
		JsonRpcHttpHandlerMapping mapping = new JsonRpcHttpHandlerMapping(path, httpHandler);
		// the application's CORS mappings apply as they do to Spring MVC's own mappings
		CollectingCorsRegistry cors = new CollectingCorsRegistry();
		configurers.orderedStream().forEach((configurer) -> configurer.addCorsMappings(cors));
		mapping.setCorsConfigurations(cors.corsConfigurations());
		return mapping;
	}

	/**
	 * Exposes the CORS configurations the application's {@link WebMvcConfigurer}s
	 * declare.
	 */
	private static final class CollectingCorsRegistry extends CorsRegistry {

		Map<String, CorsConfiguration> corsConfigurations() {
			return getCorsConfigurations();
		}

	}

}
