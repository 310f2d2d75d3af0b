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

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.util.Assert;

/**
 * An ordered list of {@link JsonRpcArgumentResolver}s acting as one: the first that
 * supports a parameter resolves it.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcArgumentResolverComposite {

	private final List<JsonRpcArgumentResolver> resolvers;

	/**
	 * Create a new instance.
	 * @param resolvers the resolvers, in order
	 */
	public JsonRpcArgumentResolverComposite(List<JsonRpcArgumentResolver> resolvers) {
		Assert.notNull(resolvers, "Resolvers are required");
		this.resolvers = List.copyOf(resolvers);
	}

	/**
	 * Return the resolvers.
	 * @return the resolvers, in order
	 */
	public List<JsonRpcArgumentResolver> resolvers() {
		return this.resolvers;
	}

	/**
	 * Return the first resolver supporting the parameter.
	 * @param parameter the parameter
	 * @return the resolver, or {@code null} when the parameter is to be bound from params
	 */
	public @Nullable JsonRpcArgumentResolver getResolver(MethodParameter parameter) {
		for (JsonRpcArgumentResolver resolver : this.resolvers) {
			if (resolver.supportsParameter(parameter)) {
				return resolver;
			}
		}
		return null;
	}

}
