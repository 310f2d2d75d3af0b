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

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import io.github.jsonrpc.protocol.JsonRpcLogText;
import io.github.jsonrpc.server.http.JsonRpcHttpMediaTypes;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.util.Assert;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

/**
 * {@link org.springframework.web.servlet.HandlerMapping} of the JSON-RPC HTTP endpoint:
 * matches its own path only, by comparing the lookup path, and touches nothing else of a
 * request to any other path (no header is parsed, no functional request is built).
 * {@code POST} with {@code application/json} goes to the {@link JsonRpcHttpHandler}; any
 * other {@code Content-Type}, including wildcard and unparsable ones, gets {@code 415}
 * with {@code Accept-Post: application/json} and one debug line; any other method gets
 * {@code 405} with {@code Allow: POST}. The JSON-RPC handler is functional, so Spring
 * MVC's {@code HandlerFunctionAdapter} runs it, asynchronous replies included.
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
		response.setHeader("Accept-Post", MediaType.APPLICATION_JSON_VALUE);
	};

	private final String path;

	private final JsonRpcHttpHandler handler;

	private final List<HttpMessageConverter<?>> messageConverters;

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
		// the handler reads the body itself and answers with bytes
		this.messageConverters = List.of(new ByteArrayHttpMessageConverter());
		setOrder(DEFAULT_ORDER);
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
		if (!isJson(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
			if (logger.isDebugEnabled()) {
				logger.debug("JSON-RPC request refused with 415: Content-Type "
						+ JsonRpcLogText.escape(request.getHeader(HttpHeaders.CONTENT_TYPE)));
			}
			return UNSUPPORTED_MEDIA_TYPE;
		}
		ServerRequest serverRequest = ServerRequest.create(request, this.messageConverters);
		// what the HandlerFunctionAdapter expects of a functional handler
		request.setAttribute(RouterFunctions.REQUEST_ATTRIBUTE, serverRequest);
		return this.handler;
	}

	/**
	 * Return whether a {@code Content-Type} header is {@code application/json}, compared
	 * as a parsed media type, with no charset or UTF-8.
	 * @param contentType the header value
	 * @return {@code true} if it is
	 */
	static boolean isJson(@Nullable String contentType) {
		return JsonRpcHttpMediaTypes.isJson(contentType);
	}

}
