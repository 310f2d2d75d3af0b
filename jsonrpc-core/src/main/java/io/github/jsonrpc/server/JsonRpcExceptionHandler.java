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
package io.github.jsonrpc.server;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import io.github.jsonrpc.protocol.JsonRpcError;
import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcLogText;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Turns any exception of a call into its error response: runs the
 * {@link JsonRpcExceptionResolver}s in order and answers anything they leave with
 * {@code -32603 Internal error}, logging it with the method and request id. The
 * exception's message, type and stack trace never reach the client unless details are
 * enabled.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcExceptionHandler {

	private static final Log logger = LogFactory.getLog(JsonRpcExceptionHandler.class);

	private final List<JsonRpcExceptionResolver> resolvers;

	private final boolean includeDetails;

	/**
	 * Create a new instance.
	 * @param resolvers the resolvers, in order
	 * @param includeDetails whether unresolved errors carry the exception type and
	 * message in their data (for development only)
	 */
	public JsonRpcExceptionHandler(List<JsonRpcExceptionResolver> resolvers, boolean includeDetails) {
		Assert.notNull(resolvers, "Resolvers are required");
		this.resolvers = List.copyOf(resolvers);
		this.includeDetails = includeDetails;
	}

	/**
	 * Return the error response for a failed call.
	 * @param exchange the call
	 * @param exception the exception, possibly wrapped
	 * @return the error response, with the request's id
	 */
	public JsonRpcResponse.Failure handle(JsonRpcExchange exchange, Throwable exception) {
		Throwable cause = unwrap(exception);
		rethrowIfFatal(cause);
		JsonRpcId id = exchange.request().responseId();
		return JsonRpcResponse.failure(id, resolve(exchange, cause));
	}

	/**
	 * Throw the exception again if it is a {@link VirtualMachineError}
	 * ({@link OutOfMemoryError}, {@link StackOverflowError}, ...): the JVM, not the call,
	 * failed, and no error response may pretend otherwise.
	 * @param exception the exception, possibly wrapped
	 * @throws VirtualMachineError the unwrapped exception, if it is one
	 */
	public static void rethrowIfFatal(Throwable exception) {
		if (unwrap(exception) instanceof VirtualMachineError error) {
			throw error;
		}
	}

	private JsonRpcError resolve(JsonRpcExchange exchange, Throwable exception) {
		for (JsonRpcExceptionResolver resolver : this.resolvers) {
			JsonRpcError error;
			try {
				error = resolver.resolveException(exchange, exception);
			}
			catch (RuntimeException ex) {
				// a broken resolver must not turn an error response into no response
				ex.addSuppressed(exception);
				logger.error("JSON-RPC exception resolver " + resolver + " failed for method '"
						+ JsonRpcLogText.escape(exchange.method()) + "' (id " + exchange.id() + ")", ex);
				return JsonRpcError.standard(JsonRpcErrorCodes.INTERNAL_ERROR);
			}
			if (error != null) {
				if (logger.isDebugEnabled()) {
					logger.debug("Call of '" + JsonRpcLogText.escape(exchange.method()) + "' (id " + exchange.id()
							+ ") failed with code " + error.code(), exception);
				}
				return error;
			}
		}
		if (exception instanceof InterruptedException) {
			// a method stopped by a timeout or a shutdown: expected, not a server fault
			logger.info("JSON-RPC method '" + JsonRpcLogText.escape(exchange.method()) + "' (id " + exchange.id()
					+ ") was interrupted");
		}
		else {
			logger.error("Unhandled exception in JSON-RPC method '" + JsonRpcLogText.escape(exchange.method())
					+ "' (id " + exchange.id() + ")", exception);
		}
		JsonRpcError error = JsonRpcError.standard(JsonRpcErrorCodes.INTERNAL_ERROR);
		return this.includeDetails ? error.withData(details(exception)) : error;
	}

	private static Map<String, @Nullable Object> details(Throwable exception) {
		Map<String, @Nullable Object> details = new LinkedHashMap<>();
		details.put("exception", exception.getClass().getName());
		details.put("message", exception.getMessage());
		return details;
	}

	/**
	 * Return the exception that really failed, unwrapping future, reflection and proxy
	 * wrappers.
	 * @param exception the exception
	 * @return the innermost meaningful exception
	 */
	public static Throwable unwrap(Throwable exception) {
		Throwable current = exception;
		while ((current instanceof CompletionException || current instanceof ExecutionException
				|| current instanceof InvocationTargetException || current instanceof UndeclaredThrowableException)
				&& current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

}
