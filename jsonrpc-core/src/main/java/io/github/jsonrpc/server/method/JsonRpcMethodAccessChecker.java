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

/**
 * Strategy to decide, without calling it, whether the caller of an exchange may call a
 * method. Introspection ({@code get_methods}, discovery) lists only the methods this
 * allows; enforcement itself stays with method security. Declare a bean to replace the
 * default, which allows everything.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface JsonRpcMethodAccessChecker {

	/**
	 * Return whether the caller may call the method.
	 * @param method the method
	 * @param exchange the call asking (e.g. the {@code get_methods} call)
	 * @return {@code true} to list the method
	 */
	boolean canInvoke(InvocableJsonRpcMethod method, JsonRpcExchange exchange);

	/**
	 * Return a checker that allows every method.
	 * @return the checker
	 */
	static JsonRpcMethodAccessChecker allowAll() {
		return (method, exchange) -> true;
	}

}
