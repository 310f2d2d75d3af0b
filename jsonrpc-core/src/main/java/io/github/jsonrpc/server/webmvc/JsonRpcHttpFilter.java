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
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.jsonrpc.protocol.JsonRpcReply;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.util.Assert;
import org.springframework.web.cors.CorsUtils;

/**
 * Serves JSON-RPC calls of the HTTP endpoint in front of the {@code DispatcherServlet}: a
 * same-origin {@code POST} to exactly the endpoint path with {@code application/json} is
 * answered here, by the same {@link JsonRpcHttpHandler} code as
 * {@link JsonRpcHttpHandlerMapping} (size limit, status policy, streaming, interceptors).
 * Every other request (another path or method, another {@code Content-Type}, a
 * cross-origin request, the WebSocket upgrade on the same path) goes down the chain
 * unchanged, so Spring MVC answers it exactly as without this filter.
 *
 * <p>
 * A call that completes later is answered asynchronously: the filter starts async
 * processing (it must be registered with async support and for the {@code ASYNC}
 * dispatcher type), keeps the reply on the request when the call completes and dispatches
 * it back to the container, which writes it on a container thread through the filters
 * before this one, as Spring MVC writes its async results; with the same timeout as
 * Spring MVC's ({@code spring.mvc.async.request-timeout}, the container's when
 * {@code null}); a call still running at the timeout is answered {@code 503}, as Spring
 * MVC answers it.
 *
 * <p>
 * What runs inside the {@code DispatcherServlet} does not run for the calls served here:
 * MVC {@code HandlerInterceptor}s, exception resolvers,
 * {@code ServletRequestHandledEvent} and handler-mapping CORS (cross-origin requests are
 * left to Spring MVC for that reason). Servlet filters ordered before this one, Spring
 * Security's included, do.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcHttpFilter implements Filter {

	private static final Log logger = LogFactory.getLog(JsonRpcHttpFilter.class);

	private static final String LATE_REPLY = JsonRpcHttpFilter.class.getName() + ".LATE_REPLY";

	private final String path;

	private final JsonRpcHttpHandler handler;

	private final @Nullable Duration asyncTimeout;

	/**
	 * Create a new instance.
	 * @param path the endpoint path, e.g. {@code /jsonrpc}
	 * @param handler the endpoint's handler
	 * @param asyncTimeout how long a call that completes later may take, or {@code null}
	 * for the container's default
	 */
	public JsonRpcHttpFilter(String path, JsonRpcHttpHandler handler, @Nullable Duration asyncTimeout) {
		Assert.hasText(path, "Path is required");
		Assert.isTrue(path.startsWith("/"), "Path must start with '/'");
		Assert.notNull(handler, "Handler is required");
		Assert.isTrue(asyncTimeout == null || !asyncTimeout.isNegative(), "asyncTimeout must not be negative");
		this.path = path;
		this.handler = handler;
		this.asyncTimeout = asyncTimeout;
	}

	/**
	 * Return the endpoint path.
	 * @return the path
	 */
	public String getPath() {
		return this.path;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (request.getAttribute(LATE_REPLY) instanceof LateReply lateReply
				&& request.getDispatcherType() == DispatcherType.ASYNC) {
			request.removeAttribute(LATE_REPLY);
			write(lateReply, (HttpServletResponse) response);
			return;
		}
		if (request instanceof HttpServletRequest httpRequest && response instanceof HttpServletResponse httpResponse
				&& isJsonRpcCall(httpRequest)) {
			serve(httpRequest, httpResponse);
			return;
		}
		chain.doFilter(request, response);
	}

	// only the original request: an async dispatch of a request Spring MVC serves goes
	// down the chain; without async support a call completing later could not be
	// answered, so Spring MVC serves it (and fails it the way it fails its own)
	private boolean isJsonRpcCall(HttpServletRequest request) {
		return request.getDispatcherType() == DispatcherType.REQUEST && request.isAsyncSupported()
				&& HttpMethod.POST.matches(request.getMethod()) && isPath(request) && JsonRpcHttpHandler.isJson(request)
				&& !CorsUtils.isCorsRequest(request);
	}

	// the raw path after the context path, as Spring MVC's lookup path compares it: an
	// encoded or parameterized variant of the path is left to Spring MVC as well
	private boolean isPath(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String contextPath = request.getContextPath();
		return uri.length() == contextPath.length() + this.path.length() && uri.startsWith(contextPath)
				&& uri.endsWith(this.path);
	}

	private void serve(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
		try {
			this.handler.serve(request, response, (reply, serverRequest) -> answerLater(request, response, reply));
		}
		catch (IOException | ServletException | RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new ServletException("JSON-RPC request failed", ex);
		}
	}

	// the reply is written in an async dispatch on a container thread, through the
	// filters before this one (response wrappers included), as Spring MVC writes its
	// async results
	private void answerLater(HttpServletRequest request, HttpServletResponse response,
			CompletableFuture<JsonRpcReply> reply) {
		AsyncContext async = request.startAsync(request, response);
		if (this.asyncTimeout != null) {
			// saturates where Duration.toMillis() throws (ChronoUnit.FOREVER)
			async.setTimeout(TimeUnit.MILLISECONDS.convert(this.asyncTimeout));
		}
		// exactly one of the reply, the timeout and an error answers
		AtomicBoolean answered = new AtomicBoolean();
		async.addListener(new Timeout(answered, response));
		reply.whenComplete((result, ex) -> {
			if (answered.compareAndSet(false, true)) {
				request.setAttribute(LATE_REPLY, new LateReply(result, ex));
				dispatch(async);
			}
		});
	}

	private static void dispatch(AsyncContext async) {
		try {
			async.dispatch();
		}
		catch (IllegalStateException ex) {
			// the container ended the request meanwhile: nobody to answer
			logger.debug("JSON-RPC reply not dispatched", ex);
		}
	}

	private void write(LateReply lateReply, HttpServletResponse response) throws IOException {
		if (lateReply.failure() != null) {
			logger.error("JSON-RPC call failed outside the handler", lateReply.failure());
			response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
			return;
		}
		this.handler.write(lateReply.reply(), response);
	}

	/**
	 * The outcome of a call that completed later, kept on the request for the async
	 * dispatch that writes it.
	 *
	 * @param reply the reply, {@code null} if it failed
	 * @param failure why it failed, or {@code null}
	 */
	private record LateReply(@Nullable JsonRpcReply reply, @Nullable Throwable failure) {
	}

	/**
	 * Answers a call still running when async processing times out.
	 */
	private static final class Timeout implements AsyncListener {

		private final AtomicBoolean answered;

		private final HttpServletResponse response;

		Timeout(AtomicBoolean answered, HttpServletResponse response) {
			this.answered = answered;
			this.response = response;
		}

		@Override
		public void onTimeout(AsyncEvent event) throws IOException {
			if (this.answered.compareAndSet(false, true)) {
				// Spring MVC's answer to an async request that timed out
				this.response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
				event.getAsyncContext().complete();
			}
		}

		@Override
		public void onError(AsyncEvent event) {
			if (this.answered.compareAndSet(false, true)) {
				// the connection failed: nothing to answer, the late reply is dropped
				event.getAsyncContext().complete();
			}
		}

		@Override
		public void onComplete(AsyncEvent event) {
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
		}

	}

}
