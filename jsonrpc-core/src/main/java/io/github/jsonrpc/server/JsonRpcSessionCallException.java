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

import io.github.jsonrpc.protocol.JsonRpcError;
import io.github.jsonrpc.protocol.JsonRpcLogText;
import org.springframework.util.Assert;

/**
 * Completes the future of a {@link JsonRpcSession#call call to the client} that the
 * client answered with an error, e.g. {@code -32601} when it has no such method.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
@SuppressWarnings("serial")
public class JsonRpcSessionCallException extends RuntimeException {

	private final String method;

	private final JsonRpcError error;

	/**
	 * Create a new instance.
	 * @param method the method called on the client
	 * @param error the error the client answered with
	 */
	public JsonRpcSessionCallException(String method, JsonRpcError error) {
		super(message(method, error));
		this.method = method;
		this.error = error;
	}

	private static String message(String method, JsonRpcError error) {
		// checked before the message reads it, so a null error fails with this message
		Assert.notNull(error, "Error is required");
		return "Client answered '" + JsonRpcLogText.escape(method) + "' with error " + error.code() + ": "
				+ JsonRpcLogText.escape(error.message());
	}

	/**
	 * Return the method called on the client.
	 * @return the method name
	 */
	public String getMethod() {
		return this.method;
	}

	/**
	 * Return the error the client answered with.
	 * @return the error, with its data as a JSON tree
	 */
	public JsonRpcError getError() {
		return this.error;
	}

	/**
	 * Return the code of the error the client answered with.
	 * @return the code
	 */
	public int getCode() {
		return this.error.code();
	}

}
