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

package io.github.jsonrpc.autoconfigure.actuate;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.jsonrpc.protocol.JsonRpcResponse;
import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.JsonRpcInterceptor;
import io.github.jsonrpc.server.method.JsonRpcMethodRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;

/**
 * {@link JsonRpcInterceptor} that counts the calls in flight, by transport and by method,
 * for the {@link JsonRpcEndpoint}. A call is in flight from the moment it enters the
 * interceptor chain until its response is ready.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcInFlightCalls implements JsonRpcInterceptor, Ordered {

	private final Map<String, AtomicInteger> byTransport = new ConcurrentHashMap<>();

	// keyed by registered method names only: unknown names sent by clients are not kept
	private final Map<String, AtomicInteger> byMethod = new ConcurrentHashMap<>();

	private final AtomicInteger total = new AtomicInteger();

	private final JsonRpcMethodRegistry registry;

	/**
	 * Create a new instance.
	 * @param registry the methods whose calls are counted one by one
	 */
	public JsonRpcInFlightCalls(JsonRpcMethodRegistry registry) {
		this.registry = registry;
	}

	@Override
	public CompletableFuture<JsonRpcResponse> intercept(JsonRpcExchange exchange, Chain chain) {
		AtomicInteger transport = this.byTransport.computeIfAbsent(exchange.context().transport().name(),
				(name) -> new AtomicInteger());
		AtomicInteger method = (this.registry.lookup(exchange.method()) != null)
				? this.byMethod.computeIfAbsent(exchange.method(), (name) -> new AtomicInteger()) : null;
		this.total.incrementAndGet();
		transport.incrementAndGet();
		if (method != null) {
			method.incrementAndGet();
		}
		CompletableFuture<JsonRpcResponse> response;
		try {
			response = chain.next(exchange);
		}
		catch (RuntimeException | Error ex) {
			done(transport, method);
			throw ex;
		}
		response.whenComplete((result, ex) -> done(transport, method));
		return response;
	}

	private void done(AtomicInteger transport, @Nullable AtomicInteger method) {
		this.total.decrementAndGet();
		transport.decrementAndGet();
		if (method != null) {
			method.decrementAndGet();
		}
	}

	/**
	 * Return the number of calls in flight.
	 * @return the number of calls
	 */
	public int total() {
		return this.total.get();
	}

	/**
	 * Return the calls in flight by transport, only transports that had calls.
	 * @return the counts by transport name
	 */
	public Map<String, Integer> byTransport() {
		Map<String, Integer> counts = new TreeMap<>();
		this.byTransport.forEach((name, count) -> counts.put(name, count.get()));
		return counts;
	}

	/**
	 * Return the calls in flight of one method.
	 * @param name the method name
	 * @return the count
	 */
	public int of(String name) {
		AtomicInteger count = this.byMethod.get(name);
		return (count != null) ? count.get() : 0;
	}

	@Override
	public int getOrder() {
		// right after the MDC interceptor: count everything, including rejected calls
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

}
