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
import io.github.jsonrpc.protocol.JsonRpcResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * The {@code GET {path}/openrpc.json} request of every HTTP transport: answered by an
 * {@code rpc.discover} call made for the request, through the same interceptors and
 * access rules as a call posted by the same caller.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcOpenRpcDocumentRequest {

	/** The call that answers the request. */
	public static final String DISCOVER_CALL = "{\"jsonrpc\":\"2.0\",\"id\":\"openrpc.json\",\"method\":\"rpc.discover\"}";

	private JsonRpcOpenRpcDocumentRequest() {
	}

	/**
	 * Return the status of a failed discovery: 401, 403, 404 when discovery is off, 500
	 * otherwise.
	 * @param response the response of the call, {@code null} when there was none
	 * @return the status
	 */
	public static HttpStatus failureStatus(@Nullable JsonRpcResponse response) {
		int code = (response instanceof JsonRpcResponse.Failure failure) ? failure.error().code()
				: JsonRpcErrorCodes.INTERNAL_ERROR;
		return switch (code) {
			case JsonRpcErrorCodes.UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
			case JsonRpcErrorCodes.FORBIDDEN -> HttpStatus.FORBIDDEN;
			case JsonRpcErrorCodes.METHOD_NOT_FOUND -> HttpStatus.NOT_FOUND;
			default -> HttpStatus.INTERNAL_SERVER_ERROR;
		};
	}

}
