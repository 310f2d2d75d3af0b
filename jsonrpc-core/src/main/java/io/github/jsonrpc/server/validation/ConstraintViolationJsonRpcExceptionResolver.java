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
package io.github.jsonrpc.server.validation;

import io.github.jsonrpc.protocol.JsonRpcError;
import io.github.jsonrpc.server.JsonRpcExceptionResolver;
import io.github.jsonrpc.server.JsonRpcExchange;
import jakarta.validation.ConstraintViolationException;
import org.jspecify.annotations.Nullable;

/**
 * Answers a {@link ConstraintViolationException} (e.g. from a {@code @Validated} service
 * proxy) with {@code -32602 Invalid params}, listing each field and message.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class ConstraintViolationJsonRpcExceptionResolver implements JsonRpcExceptionResolver {

	@Override
	public @Nullable JsonRpcError resolveException(JsonRpcExchange exchange, Throwable exception) {
		if (exception instanceof ConstraintViolationException ex && ex.getConstraintViolations() != null) {
			return ConstraintViolations.toError(ex.getConstraintViolations(), (index) -> null);
		}
		return null;
	}

}
