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

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.github.jsonrpc.autoconfigure.JsonRpcAutoConfiguration;
import io.github.jsonrpc.autoconfigure.JsonRpcProperties;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.discovery.OpenRpcDiscovery;
import io.github.jsonrpc.server.webmvc.JsonRpcHttpFilter;
import io.github.jsonrpc.server.webmvc.JsonRpcHttpHandler;
import io.github.jsonrpc.server.webmvc.JsonRpcHttpHandlerMapping;
import io.github.jsonrpc.server.http.JsonRpcHttpStatusPolicy;
import jakarta.servlet.DispatcherType;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletPath;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.ResourceHttpMessageConverter;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.util.ClassUtils;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.servlet.function.support.HandlerFunctionAdapter;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

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
			ObjectProvider<WebMvcConfigurer> configurers,
			ObjectProvider<HandlerFunctionAdapter> handlerFunctionAdapter) {
		// a mapping of its own path, not a router function evaluated for every request
		String path = properties.getHttp().getPath();
		logger.info("JSON-RPC HTTP endpoint: POST " + path);
		JsonRpcHttpHandlerMapping mapping = new JsonRpcHttpHandlerMapping(path, httpHandler);
		// calls that complete later get Spring MVC's async timeout
		// (spring.mvc.async.request-timeout)
		mapping.setHandlerFunctionAdapter(handlerFunctionAdapter::getIfUnique);
		// the application's CORS mappings apply as they do to Spring MVC's own mappings
		CollectingCorsRegistry cors = new CollectingCorsRegistry();
		configurers.orderedStream().forEach((configurer) -> configurer.addCorsMappings(cors));
		mapping.setCorsConfigurations(cors.corsConfigurations());
		return mapping;
	}

	/**
	 * Order of the {@link JsonRpcHttpFilter} registration: after every filter a Spring
	 * Boot application registers by default (Spring Security's filter chain at
	 * {@code -100}, request observation, character encoding, request context), so they
	 * run for the calls it serves as they do for Spring MVC.
	 */
	public static final int HTTP_FILTER_ORDER = Ordered.LOWEST_PRECEDENCE - 10;

	@Bean
	@ConditionalOnBooleanProperty("jsonrpc.http.bypass-dispatcher-servlet")
	@ConditionalOnMissingBean(name = "jsonRpcHttpFilter")
	FilterRegistrationBean<JsonRpcHttpFilter> jsonRpcHttpFilter(JsonRpcHttpHandler httpHandler,
			JsonRpcProperties properties, Environment environment,
			ObjectProvider<DispatcherServletPath> dispatcherServletPath) {
		// the path Spring MVC serves the endpoint at: under spring.mvc.servlet.path
		String endpointPath = properties.getHttp().getPath();
		DispatcherServletPath atRoot = () -> "/";
		String path = dispatcherServletPath.getIfAvailable(() -> atRoot).getRelativePath(endpointPath);
		// calls that complete later get Spring MVC's async timeout, the container's if
		// unset
		Duration asyncTimeout = Binder.get(environment)
			.bind("spring.mvc.async.request-timeout", Duration.class)
			.orElse(null);
		logger.info("JSON-RPC HTTP endpoint: POST " + path + " served in front of the DispatcherServlet");
		FilterRegistrationBean<JsonRpcHttpFilter> registration = new FilterRegistrationBean<>(
				new JsonRpcHttpFilter(path, httpHandler, asyncTimeout));
		registration.setName("jsonRpcHttpFilter");
		registration.addUrlPatterns(path);
		// ASYNC: a call completing later is written in an async dispatch
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
		registration.setAsyncSupported(true);
		registration.setOrder(HTTP_FILTER_ORDER);
		return registration;
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

	@Bean
	@ConditionalOnBean(OpenRpcDiscovery.class)
	@ConditionalOnMissingBean(name = "jsonRpcOpenRpcHandlerMapping")
	AbstractHandlerMapping jsonRpcOpenRpcHandlerMapping(JsonRpcHttpHandler httpHandler, JsonRpcProperties properties,
			ObjectProvider<RequestMappingHandlerAdapter> mvc) {
		// the same document as rpc.discover, under the same access rules
		String document = properties.getHttp().getPath() + "/openrpc.json";
		return new PathScopedRouterFunctionMapping(document,
				RouterFunctions.route().GET(document, httpHandler::handleOpenRpcDocument).build(),
				messageConverters(mvc), JsonRpcHttpHandlerMapping.DEFAULT_ORDER);
	}

	// Spring MVC's own converters, as its router functions get them
	static Supplier<List<HttpMessageConverter<?>>> messageConverters(ObjectProvider<RequestMappingHandlerAdapter> mvc) {
		return () -> {
			RequestMappingHandlerAdapter adapter = mvc.getIfAvailable();
			return (adapter != null) ? adapter.getMessageConverters()
					: List.of(new ByteArrayHttpMessageConverter(), new StringHttpMessageConverter(),
							new ResourceHttpMessageConverter(), new JacksonJsonHttpMessageConverter());
		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty("jsonrpc.explorer.enabled")
	static class ExplorerConfiguration {

		private static final String LOCATION = "io/github/jsonrpc/autoconfigure/servlet/explorer/";

		@Bean
		@ConditionalOnMissingBean(name = "jsonRpcExplorerHandlerMapping")
		AbstractHandlerMapping jsonRpcExplorerHandlerMapping(JsonRpcProperties properties, Environment environment,
				ObjectProvider<RequestMappingHandlerAdapter> mvc) {
			String path = properties.getHttp().getPath();
			String explorer = path + "/explorer";
			Map<String, @Nullable String> config = new LinkedHashMap<>();
			config.put("http", path);
			config.put("websocket", webSocketPath(environment));
			logger.info("JSON-RPC explorer: GET " + explorer);
			// every page labelled UTF-8, the charset of its bytes, so that a charset a
			// filter forces on responses (spring.servlet.encoding.force) is not added
			RouterFunction<ServerResponse> routes = RouterFunctions.route()
				.GET(explorer, (request) -> page("index.html", "text", "html"))
				.GET(explorer + "/", (request) -> ServerResponse.permanentRedirect(URI.create(explorer)).build())
				.GET(explorer + "/config.json",
						(request) -> ServerResponse.ok()
							.contentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8))
							.body(config))
				.GET(explorer + "/explorer.js", (request) -> page("explorer.js", "text", "javascript"))
				.GET(explorer + "/explorer.css", (request) -> page("explorer.css", "text", "css"))
				.build();
			return new PathScopedRouterFunctionMapping(explorer, routes, messageConverters(mvc),
					JsonRpcHttpHandlerMapping.DEFAULT_ORDER);
		}

		private static ServerResponse page(String name, String type, String subtype) {
			return ServerResponse.ok()
				.contentType(new MediaType(type, subtype, StandardCharsets.UTF_8))
				.header(HttpHeaders.CACHE_CONTROL, "no-cache")
				.body(new ClassPathResource(LOCATION + name));
		}

		private static @Nullable String webSocketPath(Environment environment) {
			boolean webSocket = ClassUtils.isPresent("io.github.jsonrpc.server.websocket.JsonRpcWebSocketHandler",
					ExplorerConfiguration.class.getClassLoader())
					&& ClassUtils.isPresent("org.springframework.web.socket.WebSocketHandler",
							ExplorerConfiguration.class.getClassLoader())
					&& environment.getProperty("jsonrpc.websocket.enabled", Boolean.class, true);
			return webSocket ? environment.getProperty("jsonrpc.websocket.path", "/jsonrpc") : null;
		}

	}

}
