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

package io.github.jsonrpc.client;

import java.util.concurrent.CompletionException;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a message could not be exchanged with the server: connection failure,
 * timeout, HTTP status without a JSON-RPC body, or a reply that is not valid JSON-RPC.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public class JsonRpcTransportException extends RuntimeException {

	/**
	 * Create a new instance.
	 * @param message the detail message
	 */
	public JsonRpcTransportException(String message) {
		super(message);
	}

	/**
	 * Create a new instance.
	 * @param message the detail message
	 * @param cause the cause
	 */
	public JsonRpcTransportException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

	/**
	 * Return the given failure as a runtime exception to rethrow: client and transport
	 * exceptions as they are, anything else wrapped.
	 * @param failure the failure, possibly wrapped in a {@link CompletionException}
	 * @return the exception to throw
	 */
	static RuntimeException wrap(@Nullable Throwable failure) {
		Throwable cause = failure;
		while (cause instanceof CompletionException && cause.getCause() != null) {
			cause = cause.getCause();
		}
		if (cause instanceof JsonRpcClientException || cause instanceof JsonRpcTransportException) {
			return (RuntimeException) cause;
		}
		if (cause instanceof java.util.concurrent.TimeoutException) {
			return new JsonRpcTransportException("No reply in time", cause);
		}
		if (cause instanceof RuntimeException runtime && !(cause instanceof CompletionException)) {
			return runtime;
		}
		return new JsonRpcTransportException("JSON-RPC exchange failed", cause);
	}

}
