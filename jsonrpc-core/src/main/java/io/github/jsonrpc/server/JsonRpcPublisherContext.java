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
package io.github.jsonrpc.server;

import java.util.function.BiConsumer;

import org.springframework.util.Assert;

/**
 * Contract for what a call hands to the reactive publishers ({@code Mono}, {@code Flux},
 * ...) its method returns. Those run later and on other threads, so they cannot read the
 * thread-locals interceptors set: an interceptor sets one of these on the
 * {@link JsonRpcExchange#publisherContext(JsonRpcPublisherContext) exchange} instead, for
 * example the caller's security context for {@code ReactiveSecurityContextHolder}, which
 * {@code @EnableReactiveMethodSecurity} reads.
 *
 * <p>
 * It is asked only when the method returns a Reactor publisher, once per subscription,
 * and writes its entries into the Reactor {@code Context} the publisher is subscribed
 * with; calls of other methods never build anything. Implementations should hold
 * immutable values captured when the call started.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface JsonRpcPublisherContext {

	/**
	 * Write this call's entries into the Reactor context of a returned publisher.
	 * @param context receives each key and value, a later entry replacing an earlier one
	 * with the same key
	 */
	void writeTo(BiConsumer<Object, Object> context);

	/**
	 * Return a publisher context that writes this one's entries, then the given one's.
	 * @param next the entries to write after these
	 * @return the combined publisher context
	 */
	default JsonRpcPublisherContext andThen(JsonRpcPublisherContext next) {
		Assert.notNull(next, "Next PublisherContext is required");
		return (context) -> {
			writeTo(context);
			next.writeTo(context);
		};
	}

}
