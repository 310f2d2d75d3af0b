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
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.github.jsonrpc.protocol.JsonRpcReply;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * How {@link JsonRpcHttpHandler} answers a call: on the servlet response, or with a
 * functional {@link ServerResponse} that writes the same. The answer owns the status: it
 * sets it (a {@link ServerResponse} also reports it), and the writer it is given writes
 * what follows.
 *
 * @param <R> what an answer returns
 * @param <E> what an answer may throw
 * @author JSON-RPC for Spring Boot team
 */
interface HttpJsonRpcAnswer<R, E extends Exception> {

	/**
	 * Answer at once.
	 * @param status the status of the answer
	 * @param writer writes the headers and the body after the status
	 * @return the answer
	 */
	R now(HttpStatusCode status, ResponseWriter writer) throws E;

	/**
	 * Answer a call that completes later.
	 * @param reply completes with the reply
	 * @return the answer
	 */
	R later(CompletableFuture<JsonRpcReply> reply) throws E;

	/**
	 * Writes the headers and the body of an answer on the servlet response.
	 */
	@FunctionalInterface
	interface ResponseWriter {

		void writeTo(HttpServletResponse response) throws IOException;

	}

	/**
	 * Answers a call that completes later, on the servlet path.
	 */
	@FunctionalInterface
	interface LaterReply {

		/**
		 * Answer the call.
		 * @param reply completes with the reply
		 * @param serverRequest the functional request of the call, built if asked for
		 * (Spring MVC's adapter of functional handlers needs it; the servlet filter does
		 * not ask)
		 */
		void answer(CompletableFuture<JsonRpcReply> reply, Supplier<ServerRequest> serverRequest) throws Exception;

	}

	/**
	 * Answers as a functional endpoint; asynchronously for a call that completes later.
	 */
	final class Functional implements HttpJsonRpcAnswer<ServerResponse, RuntimeException> {

		private final JsonRpcHttpHandler handler;

		Functional(JsonRpcHttpHandler handler) {
			this.handler = handler;
		}

		@Override
		public ServerResponse now(HttpStatusCode status, ResponseWriter writer) {
			// written straight to the servlet response: the body is already JSON bytes,
			// so there is nothing for message converters to negotiate
			return ServerResponse.status(status).build((servletRequest, servletResponse) -> {
				writer.writeTo(servletResponse);
				return null;
			});
		}

		@Override
		public ServerResponse later(CompletableFuture<JsonRpcReply> reply) {
			return ServerResponse.async(reply.thenApply((result) -> this.handler.answer(result, this)));
		}

	}

	/**
	 * Answers on the servlet response; a call that completes later is handed on, with the
	 * functional request of the call.
	 */
	final class Servlet implements HttpJsonRpcAnswer<@Nullable Void, Exception> {

		private final HttpServletResponse response;

		private final LaterReply later;

		private final Supplier<ServerRequest> serverRequest;

		Servlet(HttpServletResponse response, LaterReply later, Supplier<ServerRequest> serverRequest) {
			this.response = response;
			this.later = later;
			this.serverRequest = serverRequest;
		}

		@Override
		public @Nullable Void now(HttpStatusCode status, ResponseWriter writer) throws IOException {
			this.response.setStatus(status.value());
			writer.writeTo(this.response);
			return null;
		}

		@Override
		public @Nullable Void later(CompletableFuture<JsonRpcReply> reply) throws Exception {
			this.later.answer(reply, this.serverRequest);
			return null;
		}

	}

}
