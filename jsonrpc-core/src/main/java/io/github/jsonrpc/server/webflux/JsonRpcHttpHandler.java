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
package io.github.jsonrpc.server.webflux;

import java.security.Principal;
import java.util.Optional;
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
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Serves JSON-RPC over HTTP POST as a Spring WebFlux functional endpoint, with the rules
 * of the Spring MVC endpoint
 * ({@link io.github.jsonrpc.server.webmvc.JsonRpcHttpHandler}):
 *
 * <ul>
 * <li>Only {@code POST}; other methods get {@code 405} with {@code Allow: POST}.</li>
 * <li>Only {@code application/json} ({@link JsonRpcHttpMediaTypes}); anything else gets
 * {@code 415}.</li>
 * <li>Bodies above the size limit get {@code 413}, checked against {@code Content-Length}
 * and while the body is aggregated (chunked bodies too), before any parsing.</li>
 * <li>The reply's status comes from the {@link JsonRpcHttpStatusPolicy}. No thread waits
 * for a call: the response is written when the call's future completes. Methods that
 * block are moved off the event loop by the method invoker (see
 * {@code InvocableJsonRpcMethodFactory}'s blocking executor).</li>
 * <li>A single call whose client accepts {@code application/x-ndjson} or
 * {@code text/event-stream} streams its items ({@link JsonRpcHttpStreamFormat}), with the
 * client's demand as back-pressure; a client that goes away cancels the stream.</li>
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
	public Mono<ServerResponse> handle(ServerRequest request) {
		if (!isJson(request)) {
			return ServerResponse.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
				.header("Accept-Post", JsonRpcHttpMediaTypes.ACCEPT_POST)
				.build();
		}
		OptionalLong length = request.headers().contentLength();
		if (length.isPresent() && length.getAsLong() > this.maxRequestBytes) {
			return tooLarge();
		}
		return readBody(request).flatMap((body) -> principal(request).flatMap((principal) -> {
			JsonRpcInbound inbound = this.handler.codec().decodeRequests(body);
			JsonRpcHttpStreamFormat format = streamFormat(request);
			// only a single call streams: items of several calls cannot share one
			// response
			if (format != null && !inbound.batch()) {
				return stream(inbound, request, principal.orElse(null), format);
			}
			CompletableFuture<JsonRpcReply> reply = this.handler.handle(inbound,
					context(request, principal.orElse(null), null));
			return Mono.fromFuture(reply).flatMap(this::toResponse);
		})).onErrorResume(DataBufferLimitException.class, (ex) -> tooLarge());
	}

	private static boolean isJson(ServerRequest request) {
		try {
			return JsonRpcHttpMediaTypes.isJson(request.headers().contentType().orElse(null));
		}
		catch (RuntimeException ex) {
			// an unparsable Content-Type
			return false;
		}
	}

	private Mono<byte[]> readBody(ServerRequest request) {
		// aggregate at most the limit: chunked bodies are bounded too, and nothing is
		// parsed before the whole body is known to fit
		int limit = (int) Math.min(Integer.MAX_VALUE - 8, this.maxRequestBytes);
		return DataBufferUtils.join(request.exchange().getRequest().getBody(), limit).map((buffer) -> {
			try {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				return bytes;
			}
			finally {
				DataBufferUtils.release(buffer);
			}
		}).defaultIfEmpty(new byte[0]);
	}

	private static Mono<Optional<Principal>> principal(ServerRequest request) {
		return request.principal().<Optional<Principal>>map(Optional::of).defaultIfEmpty(Optional.empty());
	}

	private static Mono<ServerResponse> tooLarge() {
		return ServerResponse.status(HttpStatus.CONTENT_TOO_LARGE).build();
	}

	private static @Nullable JsonRpcHttpStreamFormat streamFormat(ServerRequest request) {
		try {
			return JsonRpcHttpMediaTypes.streamFormat(request.headers().accept());
		}
		catch (RuntimeException ex) {
			// an unparsable Accept header: plain JSON
			return null;
		}
	}

	private Mono<ServerResponse> stream(JsonRpcInbound inbound, ServerRequest request, @Nullable Principal principal,
			JsonRpcHttpStreamFormat format) {
		WebFluxJsonRpcStream stream = new WebFluxJsonRpcStream(this.handler.codec(), format);
		CompletableFuture<JsonRpcReply> reply = this.handler.handle(inbound, context(request, principal, stream));
		stream.replyWith(reply);
		return Mono.fromFuture(stream.started()).flatMap((streaming) -> {
			if (!streaming) {
				// the call did not stream: a plain JSON answer
				return Mono.fromFuture(reply).flatMap(this::toResponse);
			}
			return ServerResponse.ok().contentType(format.mediaType()).body(stream.body());
		});
	}

	/**
	 * Answer {@code GET {path}/openrpc.json} with the OpenRPC document, as the Spring MVC
	 * endpoint does ({@link JsonRpcOpenRpcDocumentRequest}).
	 * @param request the GET request
	 * @return the response
	 */
	public Mono<ServerResponse> handleOpenRpcDocument(ServerRequest request) {
		JsonRpcInbound inbound = this.handler.codec().decodeRequests(JsonRpcOpenRpcDocumentRequest.DISCOVER_CALL);
		return principal(request)
			.flatMap((principal) -> Mono
				.fromFuture(this.handler.handle(inbound, context(request, principal.orElse(null), null))))
			.flatMap(this::toDocumentResponse);
	}

	private Mono<ServerResponse> toDocumentResponse(JsonRpcReply reply) {
		JsonRpcResponse response = reply.single();
		if (response instanceof JsonRpcResponse.Success success) {
			return ServerResponse.ok()
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(this.handler.codec().mapper().writeValueAsBytes(success.result()));
		}
		return ServerResponse.status(JsonRpcOpenRpcDocumentRequest.failureStatus(response))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(this.handler.codec().encode(reply));
	}

	private JsonRpcTransportContext context(ServerRequest request, @Nullable Principal principal,
			@Nullable JsonRpcStreamSink sink) {
		JsonRpcTransportContext.Builder context = JsonRpcTransportContext
			.builder(JsonRpcTransportContext.Transport.HTTP)
			.uri(request.uri())
			.remoteAddress(request.remoteAddress().orElse(null))
			.principal(principal)
			.nativeRequest(request)
			.streamSink(sink);
		request.headers().asHttpHeaders().forEach(context::header);
		return context.build();
	}

	private Mono<ServerResponse> toResponse(JsonRpcReply reply) {
		HttpStatusCode status = this.statusPolicy.status(reply);
		if (reply.isEmpty()) {
			return ServerResponse.status(status).build();
		}
		return ServerResponse.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(this.handler.codec().encode(reply));
	}

}
