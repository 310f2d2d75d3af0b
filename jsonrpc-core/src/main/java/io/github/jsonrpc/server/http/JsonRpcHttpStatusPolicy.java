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
package io.github.jsonrpc.server.http;

import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import io.github.jsonrpc.protocol.JsonRpcReply;
import io.github.jsonrpc.protocol.JsonRpcResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * Strategy to choose the HTTP status of a JSON-RPC reply. Declare a bean to replace the
 * default, or pick a preset with {@code jsonrpc.http.status-policy}.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface JsonRpcHttpStatusPolicy {

	/**
	 * Return the status for a reply.
	 * @param reply the reply, possibly empty
	 * @return the status
	 */
	HttpStatusCode status(JsonRpcReply reply);

	/**
	 * The default policy, what most servers and clients expect: {@code 200} for every
	 * reply that carries a JSON-RPC body (success, error or batch), {@code 204} when
	 * there is nothing to send, and {@code 400} (with the {@code -32700} body) only when
	 * the request body is not JSON at all.
	 * @return the policy
	 */
	static JsonRpcHttpStatusPolicy standard() {
		return (reply) -> {
			if (reply.isEmpty()) {
				return HttpStatus.NO_CONTENT;
			}
			JsonRpcResponse single = reply.single();
			if (single instanceof JsonRpcResponse.Failure failure
					&& failure.error().code() == JsonRpcErrorCodes.PARSE_ERROR) {
				return HttpStatus.BAD_REQUEST;
			}
			return HttpStatus.OK;
		};
	}

	/**
	 * A policy with a status per error code for single calls, for teams migrating from
	 * servers that work this way (e.g. jsonrpc4j): {@code -32700} and {@code -32600} give
	 * {@code 400}, {@code -32601} gives {@code 404}, the project's unauthenticated and
	 * forbidden codes give {@code 401} and {@code 403}, any other error gives
	 * {@code 500}. Batches get {@code 200}, nothing to send gets {@code 204}. Note that
	 * many clients do not read the body of a non-2xx response.
	 * @return the policy
	 */
	static JsonRpcHttpStatusPolicy byErrorCode() {
		return (reply) -> {
			if (reply.isEmpty()) {
				return HttpStatus.NO_CONTENT;
			}
			JsonRpcResponse single = reply.single();
			if (!(single instanceof JsonRpcResponse.Failure failure)) {
				return HttpStatus.OK;
			}
			return switch (failure.error().code()) {
				case JsonRpcErrorCodes.PARSE_ERROR, JsonRpcErrorCodes.INVALID_REQUEST -> HttpStatus.BAD_REQUEST;
				case JsonRpcErrorCodes.METHOD_NOT_FOUND -> HttpStatus.NOT_FOUND;
				case JsonRpcErrorCodes.UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
				case JsonRpcErrorCodes.FORBIDDEN -> HttpStatus.FORBIDDEN;
				default -> HttpStatus.INTERNAL_SERVER_ERROR;
			};
		};
	}

}
