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
 * Thrown by a {@link JsonRpcFrameDecoder} when a stream cannot be read further: a message
 * over the size limit, or a header that does not follow the framing. The stream's
 * remaining bytes cannot be trusted to start a message, so the connection must close.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public class JsonRpcFramingException extends RuntimeException {

	private final boolean tooBig;

	/**
	 * Create an exception.
	 * @param message what went wrong
	 * @param tooBig whether a message was over the size limit (else the framing was
	 * broken)
	 */
	public JsonRpcFramingException(String message, boolean tooBig) {
		super(message);
		this.tooBig = tooBig;
	}

	/**
	 * Return whether a message was over the size limit.
	 * @return {@code true} for an over-size message, {@code false} for broken framing
	 */
	public boolean isTooBig() {
		return this.tooBig;
	}

}
