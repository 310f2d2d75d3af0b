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
package io.github.jsonrpc.server.method.annotation.support;

import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.JsonRpcTransportContext;
import io.github.jsonrpc.server.method.JsonRpcArgumentResolver;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;

/**
 * Resolves parameters of type JsonRpcExchange, JsonRpcRequest and
 * JsonRpcTransportContext.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcExchangeMethodArgumentResolver implements JsonRpcArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		Class<?> type = parameter.getParameterType();
		return JsonRpcExchange.class == type || JsonRpcRequest.class == type || JsonRpcTransportContext.class == type;
	}

	@Override
	public @Nullable Object resolveArgument(MethodParameter parameter, JsonRpcExchange exchange) {
		Class<?> type = parameter.getParameterType();
		if (type == JsonRpcRequest.class) {
			return exchange.request();
		}
		return (type == JsonRpcTransportContext.class) ? exchange.context() : exchange;
	}

}
