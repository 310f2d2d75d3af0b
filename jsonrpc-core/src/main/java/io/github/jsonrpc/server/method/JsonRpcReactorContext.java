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

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.jsonrpc.server.JsonRpcExchange;

import org.springframework.util.Assert;

/**
 * The entries of the Reactor {@code Context} that the publishers a method returns
 * ({@code Mono}, {@code Flux}, ...) are subscribed with, so that what interceptors know
 * about a call reaches reactive code that cannot read thread-locals: for example the
 * caller's security context for {@code ReactiveSecurityContextHolder}, which
 * {@code @EnableReactiveMethodSecurity} reads.
 *
 * <p>
 * Interceptors {@link #put(JsonRpcExchange, Object, Object) put} entries before the rest
 * of the chain runs; the method invoker writes them into the context of the returned
 * publisher when it subscribes. Methods that do not return a publisher never see them.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcReactorContext {

	private static final String ATTRIBUTE = JsonRpcReactorContext.class.getName() + ".entries";

	private JsonRpcReactorContext() {
	}

	/**
	 * Add an entry to the Reactor context of the call's publishers, replacing an entry
	 * with the same key.
	 * @param exchange the call
	 * @param key the context key
	 * @param value the value
	 */
	public static void put(JsonRpcExchange exchange, Object key, Object value) {
		Assert.notNull(exchange, "Exchange is required");
		Assert.notNull(key, "Key is required");
		Assert.notNull(value, "Value is required");
		// a call's interceptors run one after another: no concurrent writers
		exchange.attributes().compute(ATTRIBUTE, (name, entries) -> {
			Map<Object, Object> copy = (entries instanceof Map<?, ?> map) ? new LinkedHashMap<>(map)
					: new LinkedHashMap<>();
			copy.put(key, value);
			return Collections.unmodifiableMap(copy);
		});
	}

	/**
	 * Return the entries added for a call.
	 * @param exchange the call
	 * @return the entries, empty when none were added
	 */
	@SuppressWarnings("unchecked")
	public static Map<Object, Object> entries(JsonRpcExchange exchange) {
		Object entries = exchange.attributes().get(ATTRIBUTE);
		return (entries instanceof Map<?, ?> map) ? (Map<Object, Object>) map : Map.of();
	}

}
