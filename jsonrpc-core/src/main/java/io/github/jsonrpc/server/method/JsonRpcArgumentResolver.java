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
package io.github.jsonrpc.server.method;

import io.github.jsonrpc.server.JsonRpcExchange;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;

/**
 * Strategy to resolve a method parameter that is not taken from {@code params}: the
 * exchange, the session, the principal, or anything an application provides. A resolver
 * is chosen per parameter once, at startup.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public interface JsonRpcArgumentResolver {

	/**
	 * Return whether this resolver resolves the parameter.
	 * @param parameter the parameter
	 * @return {@code true} if it does
	 */
	boolean supportsParameter(MethodParameter parameter);

	/**
	 * Resolve the argument for one call.
	 * @param parameter the parameter
	 * @param exchange the call
	 * @return the argument, {@code null} when there is none
	 * @throws Exception a failure, answered through the exception resolvers
	 */
	@Nullable Object resolveArgument(MethodParameter parameter, JsonRpcExchange exchange) throws Exception;

}
