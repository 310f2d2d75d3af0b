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

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;

/**
 * Strategy that builds the {@link JsonRpcClientHandler} of a client from the objects and
 * functions registered with {@link JsonRpcClient.Builder#handler(Object)}. The client
 * does not depend on the server: the implementation, which serves them with the server's
 * method registry, is found through {@code META-INF/spring.factories}.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface JsonRpcClientHandlerFactory {

	/**
	 * Create a handler.
	 * @param mapper the client's mapper, for params and results
	 * @param services objects whose {@code @JsonRpcMethod} methods are served
	 * @param methods functions served under a method name
	 * @return the handler
	 * @throws IllegalStateException on duplicate or reserved method names
	 */
	JsonRpcClientHandler create(JsonMapper mapper, List<Object> services, List<FunctionMethod<?>> methods);

	/**
	 * A function served under a method name.
	 *
	 * @param <P> the params type
	 * @param name the method name
	 * @param paramsType the params type: a record binds named or positional params to its
	 * components, an array, collection, map or {@code JsonNode} receives the whole
	 * params, a scalar type is the one parameter
	 * @param function the function; a returned {@code CompletableFuture} is awaited
	 */
	record FunctionMethod<P>(String name, Class<P> paramsType,
			Function<? super P, ? extends @Nullable Object> function) {

		public FunctionMethod {
			Assert.hasText(name, "Name is required");
			Assert.notNull(paramsType, "ParamsType is required");
			Assert.notNull(function, "Function is required");
		}

	}

}
