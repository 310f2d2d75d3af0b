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

package io.github.jsonrpc.protocol;

/**
 * Error codes of the JSON-RPC 2.0 specification and the codes this project uses in the
 * implementation-defined server range ({@code -32000} to {@code -32099}).
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcErrorCodes {

	/** Invalid JSON was received by the server. */
	public static final int PARSE_ERROR = -32700;

	/** The JSON sent is not a valid request object. */
	public static final int INVALID_REQUEST = -32600;

	/** The method does not exist or is not available. */
	public static final int METHOD_NOT_FOUND = -32601;

	/** Invalid method parameters. */
	public static final int INVALID_PARAMS = -32602;

	/** Internal JSON-RPC error; the details are logged, never sent. */
	public static final int INTERNAL_ERROR = -32603;

	/** Generic server error, for application errors without a code of their own. */
	public static final int SERVER_ERROR = -32000;

	/** The call requires authentication and the caller is anonymous. */
	public static final int UNAUTHENTICATED = -32001;

	/** The caller is authenticated but not allowed to make this call. */
	public static final int FORBIDDEN = -32003;

	/** A server limit was exceeded (e.g. in-flight calls, subscriptions). */
	public static final int LIMIT_EXCEEDED = -32005;

	/** The call was cancelled by the client or because its connection closed. */
	public static final int REQUEST_CANCELLED = -32006;

	/** Lowest code of the range reserved by the specification. */
	public static final int RESERVED_MIN = -32768;

	/** Highest code of the range reserved by the specification. */
	public static final int RESERVED_MAX = -32000;

	private JsonRpcErrorCodes() {
	}

	/**
	 * Return the standard message for a code.
	 * @param code an error code
	 * @return the message of the specification for its codes, a project message for the
	 * project's codes, and {@code "Server error"} otherwise
	 */
	public static String defaultMessage(int code) {
		return switch (code) {
			case PARSE_ERROR -> "Parse error";
			case INVALID_REQUEST -> "Invalid Request";
			case METHOD_NOT_FOUND -> "Method not found";
			case INVALID_PARAMS -> "Invalid params";
			case INTERNAL_ERROR -> "Internal error";
			case UNAUTHENTICATED -> "Unauthenticated";
			case FORBIDDEN -> "Forbidden";
			case LIMIT_EXCEEDED -> "Limit exceeded";
			case REQUEST_CANCELLED -> "Request cancelled";
			default -> "Server error";
		};
	}

}
