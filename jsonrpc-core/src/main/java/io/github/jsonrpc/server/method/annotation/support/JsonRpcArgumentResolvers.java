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

import java.util.List;

import io.github.jsonrpc.server.method.JsonRpcArgumentResolver;

/**
 * The built-in argument resolvers, in the order they are consulted.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcArgumentResolvers {

	private JsonRpcArgumentResolvers() {
	}

	/**
	 * Return the built-in resolvers: exchange, request id, session, principal.
	 * @return new instances, in order
	 */
	public static List<JsonRpcArgumentResolver> builtIn() {
		return List.of(new JsonRpcExchangeMethodArgumentResolver(), new JsonRpcIdMethodArgumentResolver(),
				new JsonRpcSessionMethodArgumentResolver(), new PrincipalMethodArgumentResolver());
	}

}
