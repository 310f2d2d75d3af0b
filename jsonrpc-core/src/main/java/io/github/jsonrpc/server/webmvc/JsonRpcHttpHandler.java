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
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.github.jsonrpc.protocol.JsonRpcEncodedMessage;
import io.github.jsonrpc.protocol.JsonRpcInbound;
import io.github.jsonrpc.protocol.JsonRpcReply;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.JsonRpcStreamSink;
import io.github.jsonrpc.server.JsonRpcTransportContext;
import io.github.jsonrpc.server.http.JsonRpcHttpMediaTypes;
import io.github.jsonrpc.server.http.JsonRpcHttpStatusPolicy;
import io.github.jsonrpc.server.http.JsonRpcHttpStreamFormat;
import io.github.jsonrpc.server.http.JsonRpcOpenRpcDocumentRequest;
import io.github.jsonrpc.server.webmvc.HttpJsonRpcAnswer.ResponseWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.util.Assert;
import org.springframework.util.MultiValueMap;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.context.request.async.WebAsyncUtils;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.servlet.function.support.HandlerFunctionAdapter;

/**
 * Serves JSON-RPC over HTTP POST as a Spring MVC functional endpoint.
 *
 * <ul>
 * <li>Only {@code POST}; other methods get {@code 405} with {@code Allow: POST}.</li>
 * <li>Only {@code application/json} (compared as a parsed media type, a UTF-8 charset
 * parameter allowed); anything else gets {@code 415}.</li>
 * <li>Bodies above the size limit get {@code 413}, checked against {@code Content-Length}
 * and while reading, before any parsing.</li>
 * <li>The reply's status comes from the {@link JsonRpcHttpStatusPolicy}; calls that
 * complete later are answered through async request processing, so they do not hold a
 * servlet thread.</li>
 * <li>A method returning a stream of values answers with the collected list, unless the
 * {@code Accept} header asks for {@code application/x-ndjson} or
 * {@code text/event-stream} (single calls only): then each item is written as an
 * {@code {"jsonrpc":"2.0","method":"rpc.stream","params":{"id":<id>,"item":<item>}}} line
 * or event, followed by the final response. Calls that do not stream are answered as
 * plain JSON either way.</li>
 * </ul>
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcHttpHandler implements HandlerFunction<ServerResponse> {

	// the functional request of a call is made only if the call asks for it; the body is
	// read before, and replies are bytes already
	private static final List<HttpMessageConverter<?>> MESSAGE_CONVERTERS = List
		.of(new ByteArrayHttpMessageConverter());

	// never runs: the adapter answers from the reply it holds
	private static final HandlerFunction<ServerResponse> LATER = (request) -> {
		throw new IllegalStateException("A JSON-RPC reply is dispatched without a call");
	};

	// an answer of its status alone
	private static final ResponseWriter NO_BODY = (response) -> {
	};

	// bodies up to this declared size are read into an array of exactly that size
	private static final int PRESIZED_BODY_BYTES = 64 * 1024;

	// the largest body read whatever the limit: one byte more, read to tell a larger
	// body, must still fit in an array (the JDK's largest is Integer.MAX_VALUE - 8)
	static final int MAX_BODY_BYTES = Integer.MAX_VALUE - 9;

	private final JsonRpcHandler handler;

	private final JsonRpcHttpStatusPolicy statusPolicy;

	private final int maxBodyBytes;

	private final HttpJsonRpcAnswer.Functional functionalAnswer = new HttpJsonRpcAnswer.Functional(this);

	/**
	 * Create a new instance.
	 * @param handler the JSON-RPC handler
	 * @param statusPolicy the HTTP status policy
	 * @param maxRequestBytes the largest request body accepted
	 */
	public JsonRpcHttpHandler(JsonRpcHandler handler, JsonRpcHttpStatusPolicy statusPolicy, long maxRequestBytes) {
		Assert.notNull(handler, "Handler is required");
		Assert.notNull(statusPolicy, "StatusPolicy is required");
		Assert.isTrue(maxRequestBytes > 0, "maxRequestBytes must be positive");
		this.handler = handler;
		this.statusPolicy = statusPolicy;
		this.maxBodyBytes = maxBodyBytes(maxRequestBytes);
	}

	/**
	 * Return the largest body read under a limit: the limit, or what an array can hold.
	 * @param maxRequestBytes the largest request body accepted
	 * @return the largest body read
	 */
	static int maxBodyBytes(long maxRequestBytes) {
		return (int) Math.min(maxRequestBytes, MAX_BODY_BYTES);
	}

	/**
	 * Return the routes for this handler at a path: {@code POST} to this handler, any
	 * other method to {@code 405}.
	 * @param path the endpoint path
	 * @return the router function
	 */
	public RouterFunction<ServerResponse> routerFunction(String path) {
		return RouterFunctions.route()
			.POST(path, this)
			.route(RequestPredicates.path(path),
					(request) -> ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED)
						.header(HttpHeaders.ALLOW, HttpMethod.POST.name())
						.build())
			.build();
	}

	@Override
	public ServerResponse handle(ServerRequest request) throws IOException {
		HttpServletRequest servletRequest = request.servletRequest();
		if (!isJson(servletRequest)) {
			return ServerResponse.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
				.header("Accept-Post", JsonRpcHttpMediaTypes.ACCEPT_POST)
				.build();
		}
		return serve(servletRequest, () -> request, this.functionalAnswer);
	}

	/**
	 * Return whether a request declares JSON, as the handler, the handler mapping and the
	 * filter decide: the {@code Content-Type} header as the client sent it, compared by
	 * {@link JsonRpcHttpMediaTypes#isJson(String)}. The functional request's parsed
	 * {@code Content-Type} is not asked: it also carries a request encoding that a filter
	 * may have set.
	 * @param request the servlet request
	 * @return {@code true} if it declares JSON
	 */
	static boolean isJson(HttpServletRequest request) {
		return JsonRpcHttpMediaTypes.isJson(request.getHeader(HttpHeaders.CONTENT_TYPE));
	}

	/**
	 * Serve a request that {@link JsonRpcHttpHandlerMapping} matched ({@code POST}, JSON)
	 * straight on the servlet request and response, as {@link #handle} would: no
	 * functional request is built unless a call asks for it, and a reply ready at once is
	 * written without a {@link ServerResponse}. A call that completes later goes through
	 * Spring MVC's {@link HandlerFunctionAdapter} as an asynchronous
	 * {@link ServerResponse}, with its async timeout, and so does the dispatch that
	 * answers it.
	 * @param request the servlet request
	 * @param response the servlet response
	 * @param adapter Spring MVC's adapter of functional handlers
	 */
	void handle(HttpServletRequest request, HttpServletResponse response, HandlerFunctionAdapter adapter)
			throws Exception {
		if (WebAsyncUtils.getAsyncManager(request).hasConcurrentResult()) {
			// dispatched again with the reply of a call that completed later: the adapter
			// holds it and writes it
			adapter.handle(request, response, LATER);
			return;
		}
		serve(request, response, (reply, serverRequest) -> {
			// what the HandlerFunctionAdapter expects of a functional handler, now and
			// when the reply is dispatched
			request.setAttribute(RouterFunctions.REQUEST_ATTRIBUTE, serverRequest.get());
			ServerResponse later = this.functionalAnswer.later(reply);
			adapter.handle(request, response, (HandlerFunction<ServerResponse>) (ignored) -> later);
		});
	}

	/**
	 * Serve a {@code POST} with JSON straight on the servlet request and response: the
	 * size limit, the body, the call, the stream or the reply ready at once. A call that
	 * completes later is handed to {@code later}, after the transport context stopped
	 * reading the servlet request.
	 * @param request the servlet request
	 * @param response the servlet response
	 * @param later answers a call that completes later
	 */
	void serve(HttpServletRequest request, HttpServletResponse response, HttpJsonRpcAnswer.LaterReply later)
			throws Exception {
		Supplier<ServerRequest> serverRequest = SingletonSupplier
			.of(() -> ServerRequest.create(request, MESSAGE_CONVERTERS));
		serve(request, serverRequest, new HttpJsonRpcAnswer.Servlet(response, later, serverRequest));
	}

	/**
	 * Serve a {@code POST} with JSON, the one path of every entry point: the size limit,
	 * the body, the call, the stream or the reply ready at once, answered as
	 * {@code answer} answers.
	 * @param request the servlet request
	 * @param serverRequest the functional request of the call, asked for only if the call
	 * needs it
	 * @param answer answers the call
	 * @return what {@code answer} returns
	 */
	private <R, E extends Exception> R serve(HttpServletRequest request, Supplier<ServerRequest> serverRequest,
			HttpJsonRpcAnswer<R, E> answer) throws IOException, E {
		// a body over the limit, or larger than an array can hold, is refused unread
		long length = contentLength(request);
		if (length > this.maxBodyBytes) {
			return answer.now(HttpStatus.CONTENT_TOO_LARGE, NO_BODY);
		}
		byte[] body = readBody(request.getInputStream(), length);
		if (body == null) {
			return answer.now(HttpStatus.CONTENT_TOO_LARGE, NO_BODY);
		}
		JsonRpcInbound inbound = this.handler.codec().decodeRequests(body);
		JsonRpcHttpStreamFormat streamType = HttpJsonRpcStream.format(request);
		// only a single call streams: items of several calls cannot share one response
		if (streamType != null && !inbound.batch()) {
			HttpJsonRpcStream stream = new HttpJsonRpcStream(this.handler.codec(), streamType);
			CompletableFuture<JsonRpcReply> reply = this.handler.handle(inbound,
					context(request, serverRequest, stream));
			// the status is known before anything is written: a call that did not stream
			// gets the policy's, a stream 200
			JsonRpcReply plain = stream.start(reply);
			return (plain != null) ? answer(plain, answer) : answer.now(HttpStatus.OK, stream::writeTo);
		}
		JsonRpcTransportContext context = context(request, serverRequest, null);
		CompletableFuture<JsonRpcReply> reply = this.handler.handle(inbound, context);
		if (reply.isDone()) {
			return answer(reply.join(), answer);
		}
		// the call goes on on another thread: nothing may read the servlet request once
		// the response is complete
		context.resolve();
		return answer.later(reply);
	}

	/**
	 * Answer with a reply as plain JSON: the status of the policy, asked once, and the
	 * encoded reply unless it is empty.
	 * @param reply the reply
	 * @param answer answers the call
	 * @return what {@code answer} returns
	 */
	<R, E extends Exception> R answer(JsonRpcReply reply, HttpJsonRpcAnswer<R, E> answer) throws E {
		return answer.now(this.statusPolicy.status(reply), body(reply));
	}

	/**
	 * Write a reply as the plain JSON response, as {@link #answer} answers it.
	 * @param reply the reply
	 * @param response the servlet response
	 */
	void write(JsonRpcReply reply, HttpServletResponse response) throws IOException {
		response.setStatus(this.statusPolicy.status(reply).value());
		body(reply).writeTo(response);
	}

	private ResponseWriter body(JsonRpcReply reply) {
		if (reply.isEmpty()) {
			return NO_BODY;
		}
		JsonRpcEncodedMessage message = this.handler.codec().encodeReply(reply);
		return (response) -> {
			json(response, message.size());
			message.writeTo(response.getOutputStream());
		};
	}

	/**
	 * Label a response {@code application/json} with no charset: its bytes are UTF-8,
	 * JSON's own encoding (RFC 8259), whatever charset a filter set before (e.g. Spring
	 * Boot's {@code spring.servlet.encoding.force}), which the container would otherwise
	 * add to the label.
	 * @param response the servlet response
	 * @param length the length of the body
	 */
	private static void json(HttpServletResponse response, int length) {
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding((String) null);
		response.setContentLength(length);
	}

	private static ServerResponse json(HttpStatusCode status, byte[] body) {
		return ServerResponse.status(status).build((request, response) -> {
			json(response, body.length);
			response.getOutputStream().write(body);
			return null;
		});
	}

	private static long contentLength(HttpServletRequest request) {
		// the header itself: Spring's HttpHeaders view would copy every header first
		String header = request.getHeader(HttpHeaders.CONTENT_LENGTH);
		if (header == null) {
			return -1;
		}
		try {
			return Long.parseLong(header.trim());
		}
		catch (NumberFormatException ex) {
			// unknown: the body is still read bounded
			return -1;
		}
	}

	private byte @Nullable [] readBody(InputStream input, long length) throws IOException {
		if (length >= 0 && length <= PRESIZED_BODY_BYTES) {
			// the declared size, read into an array of that size: no buffer to grow and
			// no copy (the container ends the stream at Content-Length); larger bodies
			// take memory only as they arrive
			byte[] body = new byte[(int) length];
			int read = input.readNBytes(body, 0, body.length);
			return (read == body.length) ? body : Arrays.copyOf(body, read);
		}
		// read at most one byte more than allowed, so chunked bodies are bounded too
		byte[] body = input.readNBytes(this.maxBodyBytes + 1);
		return (body.length > this.maxBodyBytes) ? null : body;
	}

	/**
	 * Answer {@code GET {path}/openrpc.json} with the OpenRPC document: an
	 * {@code rpc.discover} call made for the request, through the same interceptors and
	 * access rules as a call posted by the same caller. A failed call is answered with
	 * its JSON-RPC error and a matching status (401, 403, 404 when discovery is off, 500
	 * otherwise).
	 * @param request the GET request
	 * @return the response
	 */
	public ServerResponse handleOpenRpcDocument(ServerRequest request) {
		JsonRpcInbound inbound = this.handler.codec().decodeRequests(JsonRpcOpenRpcDocumentRequest.DISCOVER_CALL);
		CompletableFuture<JsonRpcReply> reply = this.handler.handle(inbound,
				context(request.servletRequest(), () -> request, null));
		return ServerResponse.async(reply.thenApply(this::toDocumentResponse));
	}

	private ServerResponse toDocumentResponse(JsonRpcReply reply) {
		JsonRpcResponse response = reply.single();
		if (response instanceof JsonRpcResponse.Success success) {
			return json(HttpStatus.OK, this.handler.codec().mapper().writeValueAsBytes(success.result()));
		}
		return json(JsonRpcOpenRpcDocumentRequest.failureStatus(response), this.handler.codec().encode(reply));
	}

	private JsonRpcTransportContext context(HttpServletRequest servletRequest, Supplier<ServerRequest> request,
			@Nullable JsonRpcStreamSink sink) {
		// the URI, the headers, the address and the functional request are built only if
		// something asks for them
		return JsonRpcTransportContext.builder(JsonRpcTransportContext.Transport.HTTP)
			.uri(() -> request.get().uri())
			.remoteAddress(() -> request.get().remoteAddress().orElse(null))
			.headers(() -> headers(request.get()))
			.principal(servletRequest.getUserPrincipal())
			.nativeRequest(ServerRequest.class, request)
			.streamSink(sink)
			.build();
	}

	private static MultiValueMap<String, String> headers(ServerRequest request) {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		request.headers().asHttpHeaders().forEach(headers::put);
		return JsonRpcTransportContext.shareableHeaders(headers);
	}

}
