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

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.util.Assert;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

/**
 * Serves the GET routes of a {@link RouterFunction} under one path prefix only: unlike a
 * {@code RouterFunction} bean, which Spring MVC evaluates (building a functional request)
 * for every request of the application, other paths never reach it.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class PathScopedRouterFunctionMapping extends AbstractHandlerMapping {

	private final String prefix;

	private final RouterFunction<ServerResponse> routes;

	private final SingletonSupplier<List<HttpMessageConverter<?>>> messageConverters;

	PathScopedRouterFunctionMapping(String prefix, RouterFunction<ServerResponse> routes,
			Supplier<List<HttpMessageConverter<?>>> messageConverters, int order) {
		Assert.isTrue(prefix.startsWith("/"), "Prefix must start with '/'");
		this.prefix = prefix;
		this.routes = routes;
		this.messageConverters = SingletonSupplier.of(messageConverters);
		setOrder(order);
	}

	@Override
	protected @Nullable Object getHandlerInternal(HttpServletRequest request) {
		String lookupPath = initLookupPath(request);
		if (!HttpMethod.GET.matches(request.getMethod())
				|| !(lookupPath.equals(this.prefix) || lookupPath.startsWith(this.prefix + "/"))) {
			return null;
		}
		ServerRequest serverRequest = ServerRequest.create(request, this.messageConverters.obtain());
		Optional<HandlerFunction<ServerResponse>> handler = this.routes.route(serverRequest);
		if (handler.isEmpty()) {
			return null;
		}
		// what the HandlerFunctionAdapter expects of a functional handler
		request.setAttribute(RouterFunctions.REQUEST_ATTRIBUTE, serverRequest);
		return handler.get();
	}

}
