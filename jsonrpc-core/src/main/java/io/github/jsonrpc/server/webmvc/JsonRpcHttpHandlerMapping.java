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
package io.github.jsonrpc.server.webmvc;

import java.io.IOException;
import java.util.function.Supplier;

import io.github.jsonrpc.protocol.JsonRpcLogText;
import io.github.jsonrpc.server.http.JsonRpcHttpMediaTypes;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.util.Assert;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.function.support.HandlerFunctionAdapter;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

/**
 * {@link org.springframework.web.servlet.HandlerMapping} of the JSON-RPC HTTP endpoint:
 * matches its own path only, by comparing the lookup path, and touches nothing else of a
 * request to any other path (no header is parsed, no functional request is built).
 * {@code POST} with {@code application/json} goes to the {@link JsonRpcHttpHandler}; any
 * other {@code Content-Type}, including wildcard and unparsable ones, gets {@code 415}
 * with {@code Accept-Post: application/json} and one debug line; any other method gets
 * {@code 405} with {@code Allow: POST}. All three are plain {@link HttpRequestHandler}s:
 * a JSON-RPC call is served on the servlet request and response, and only a call that
 * completes later goes through Spring MVC's {@link HandlerFunctionAdapter}, which answers
 * it asynchronously.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcHttpHandlerMapping extends AbstractHandlerMapping {

	/**
	 * Default order: after the WebSocket upgrade mapping on the same path ({@code -10}),
	 * before functional routes ({@code -1}) and annotated controllers ({@code 0}).
	 */
	public static final int DEFAULT_ORDER = -5;

	// plain request handlers: a functional request cannot even be built for some bad
	// headers (a wildcard Content-Type), and these need none
	private static final HttpRequestHandler METHOD_NOT_ALLOWED = (request, response) -> {
		response.setStatus(HttpStatus.METHOD_NOT_ALLOWED.value());
		response.setHeader(HttpHeaders.ALLOW, HttpMethod.POST.name());
	};

	private static final HttpRequestHandler UNSUPPORTED_MEDIA_TYPE = (request, response) -> {
		response.setStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value());
		response.setHeader("Accept-Post", JsonRpcHttpMediaTypes.ACCEPT_POST);
	};

	private final String path;

	private final JsonRpcHttpHandler handler;

	// POST with JSON, served on the servlet request and response
	private final HttpRequestHandler jsonHandler = this::handleJson;

	private Supplier<? extends @Nullable HandlerFunctionAdapter> handlerFunctionAdapter = () -> null;

	private final SingletonSupplier<HandlerFunctionAdapter> defaultHandlerFunctionAdapter = SingletonSupplier
		.of(HandlerFunctionAdapter::new);

	/**
	 * Create a new instance.
	 * @param path the endpoint path, e.g. {@code /jsonrpc}
	 * @param handler the endpoint's handler
	 */
	public JsonRpcHttpHandlerMapping(String path, JsonRpcHttpHandler handler) {
		Assert.hasText(path, "Path is required");
		Assert.isTrue(path.startsWith("/"), "Path must start with '/'");
		Assert.notNull(handler, "Handler is required");
		this.path = path;
		this.handler = handler;
		setOrder(DEFAULT_ORDER);
	}

	/**
	 * Set where Spring MVC's adapter of functional handlers comes from: calls that
	 * complete later are answered through it, with the async timeout it is configured
	 * with ({@code spring.mvc.async.request-timeout}). By default, or when the supplier
	 * returns {@code null}, an adapter of its own with the container's timeout.
	 * @param handlerFunctionAdapter supplies the adapter, asked when a call first
	 * completes later
	 */
	public void setHandlerFunctionAdapter(Supplier<? extends @Nullable HandlerFunctionAdapter> handlerFunctionAdapter) {
		Assert.notNull(handlerFunctionAdapter, "HandlerFunctionAdapter supplier is required");
		this.handlerFunctionAdapter = SingletonSupplier.ofNullable(handlerFunctionAdapter);
	}

	/**
	 * Return the endpoint path.
	 * @return the path
	 */
	public String getPath() {
		return this.path;
	}

	@Override
	protected @Nullable Object getHandlerInternal(HttpServletRequest request) {
		String lookupPath = initLookupPath(request);
		if (!this.path.equals(lookupPath)) {
			return null;
		}
		if (!HttpMethod.POST.matches(request.getMethod())) {
			return METHOD_NOT_ALLOWED;
		}
		if (!JsonRpcHttpHandler.isJson(request)) {
			if (logger.isDebugEnabled()) {
				logger.debug("JSON-RPC request refused with 415: Content-Type "
						+ JsonRpcLogText.escape(request.getHeader(HttpHeaders.CONTENT_TYPE)));
			}
			return UNSUPPORTED_MEDIA_TYPE;
		}
		return this.jsonHandler;
	}

	private void handleJson(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		HandlerFunctionAdapter adapter = this.handlerFunctionAdapter.get();
		try {
			this.handler.handle(request, response,
					(adapter != null) ? adapter : this.defaultHandlerFunctionAdapter.obtain());
		}
		catch (ServletException | IOException | RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new ServletException("JSON-RPC request failed", ex);
		}
	}

}
