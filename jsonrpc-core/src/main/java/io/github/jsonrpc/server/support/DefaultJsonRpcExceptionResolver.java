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
package io.github.jsonrpc.server.support;

import java.util.Map;
import java.util.Optional;

import io.github.jsonrpc.protocol.JsonRpcError;
import io.github.jsonrpc.protocol.JsonRpcProtocolException;
import io.github.jsonrpc.server.JsonRpcErrorCode;
import io.github.jsonrpc.server.JsonRpcException;
import io.github.jsonrpc.server.JsonRpcExceptionResolver;
import io.github.jsonrpc.server.JsonRpcExchange;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ConcurrentReferenceHashMap;
import org.springframework.util.StringUtils;

/**
 * Resolves the exceptions that declare their own error: {@link JsonRpcException},
 * {@link JsonRpcProtocolException}, and exception types annotated with
 * {@link JsonRpcErrorCode} (looked up once per type).
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class DefaultJsonRpcExceptionResolver implements JsonRpcExceptionResolver {

	private final Map<Class<?>, Optional<JsonRpcErrorCode>> annotations = new ConcurrentReferenceHashMap<>();

	@Override
	public @Nullable JsonRpcError resolveException(JsonRpcExchange exchange, Throwable exception) {
		if (exception instanceof JsonRpcException ex) {
			return ex.getError();
		}
		if (exception instanceof JsonRpcProtocolException ex) {
			return ex.getError();
		}
		JsonRpcErrorCode code = this.annotations
			.computeIfAbsent(exception.getClass(),
					(type) -> Optional
						.ofNullable(AnnotatedElementUtils.findMergedAnnotation(type, JsonRpcErrorCode.class)))
			.orElse(null);
		if (code == null) {
			return null;
		}
		String message = StringUtils.hasText(code.message()) ? code.message()
				: (exception.getMessage() != null) ? exception.getMessage() : "Server error";
		return JsonRpcError.of(code.code(), message);
	}

}
