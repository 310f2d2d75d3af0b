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
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

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
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

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

	private final JsonRpcHandler handler;

	private final JsonRpcHttpStatusPolicy statusPolicy;

	private final long maxRequestBytes;

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
		this.maxRequestBytes = maxRequestBytes;
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
		if (!isJson(request)) {
			return ServerResponse.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
				.header("Accept-Post", JsonRpcHttpMediaTypes.ACCEPT_POST)
				.build();
		}
		OptionalLong length = request.headers().contentLength();
		if (length.isPresent() && length.getAsLong() > this.maxRequestBytes) {
			return ServerResponse.status(HttpStatus.CONTENT_TOO_LARGE).build();
		}
		byte[] body = readBody(request.servletRequest().getInputStream());
		if (body == null) {
			return ServerResponse.status(HttpStatus.CONTENT_TOO_LARGE).build();
		}
		JsonRpcInbound inbound = this.handler.codec().decodeRequests(body);
		JsonRpcHttpStreamFormat streamType = streamingType(request);
		// only a single call streams: items of several calls cannot share one response
		if (streamType != null && !inbound.batch()) {
			return stream(inbound, request, streamType);
		}
		CompletableFuture<JsonRpcReply> reply = this.handler.handle(inbound, context(request, null));
		if (reply.isDone()) {
			return toResponse(reply.join());
		}
		return ServerResponse.async(reply.thenApply(this::toResponse));
	}

	private static boolean isJson(ServerRequest request) {
		try {
			return JsonRpcHttpMediaTypes.isJson(request.headers().contentType().orElse(null));
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private byte @Nullable [] readBody(InputStream input) throws IOException {
		// read at most one byte more than allowed, so chunked bodies are bounded too
		byte[] body = input.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.maxRequestBytes + 1));
		return (body.length > this.maxRequestBytes) ? null : body;
	}

	private @Nullable JsonRpcHttpStreamFormat streamingType(ServerRequest request) {
		try {
			return JsonRpcHttpMediaTypes.streamFormat(request.headers().accept());
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private ServerResponse stream(JsonRpcInbound inbound, ServerRequest request, JsonRpcHttpStreamFormat streamType) {
		HttpJsonRpcStream stream = new HttpJsonRpcStream(this.handler.codec(), streamType);
		CompletableFuture<JsonRpcReply> reply = this.handler.handle(inbound, context(request, stream));
		return ServerResponse.ok().build((servletRequest, servletResponse) -> {
			stream.writeTo(reply, servletResponse, (single) -> {
				servletResponse.setStatus(this.statusPolicy.status(single).value());
				if (!single.isEmpty()) {
					servletResponse.setContentType(MediaType.APPLICATION_JSON_VALUE);
					servletResponse.getOutputStream().write(this.handler.codec().encode(single));
				}
			});
			return null;
		});
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
		CompletableFuture<JsonRpcReply> reply = this.handler.handle(inbound, context(request, null));
		return ServerResponse.async(reply.thenApply(this::toDocumentResponse));
	}

	private ServerResponse toDocumentResponse(JsonRpcReply reply) {
		JsonRpcResponse response = reply.single();
		if (response instanceof JsonRpcResponse.Success success) {
			return ServerResponse.ok()
				.contentType(MediaType.APPLICATION_JSON)
				.body(this.handler.codec().mapper().writeValueAsBytes(success.result()));
		}
		HttpStatus status = JsonRpcOpenRpcDocumentRequest.failureStatus(response);
		return ServerResponse.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(this.handler.codec().encode(reply));
	}

	private JsonRpcTransportContext context(ServerRequest request, @Nullable JsonRpcStreamSink sink) {
		JsonRpcTransportContext.Builder context = JsonRpcTransportContext
			.builder(JsonRpcTransportContext.Transport.HTTP)
			.uri(request.uri())
			.remoteAddress(request.remoteAddress().orElse(null))
			.principal(request.principal().orElse(null))
			.nativeRequest(request)
			.streamSink(sink);
		request.headers().asHttpHeaders().forEach(context::header);
		return context.build();
	}

	private ServerResponse toResponse(JsonRpcReply reply) {
		HttpStatusCode status = this.statusPolicy.status(reply);
		if (reply.isEmpty()) {
			return ServerResponse.status(status).build();
		}
		return ServerResponse.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(this.handler.codec().encode(reply));
	}

}
