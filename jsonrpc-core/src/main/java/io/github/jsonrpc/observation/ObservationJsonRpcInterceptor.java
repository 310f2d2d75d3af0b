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

package io.github.jsonrpc.observation;

import java.util.concurrent.CompletableFuture;

import io.github.jsonrpc.protocol.JsonRpcResponse;
import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.JsonRpcInterceptor;
import io.github.jsonrpc.server.method.JsonRpcMethodRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.util.Assert;

/**
 * Observes every call, on every transport, with the Micrometer Observation API: a timer
 * and, with a tracer, a span per call. Runs first, so that the observation covers every
 * other interceptor and the observation is current while the method runs.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class ObservationJsonRpcInterceptor implements JsonRpcInterceptor, Ordered {

	private static final JsonRpcObservationConvention DEFAULT_CONVENTION = new DefaultJsonRpcObservationConvention();

	private final ObservationRegistry observationRegistry;

	private final JsonRpcMethodRegistry methodRegistry;

	private final @Nullable JsonRpcObservationConvention customConvention;

	/**
	 * Create a new instance.
	 * @param observationRegistry the observation registry
	 * @param methodRegistry the methods, to tag only registered names
	 * @param customConvention a convention replacing the default, or {@code null}
	 */
	public ObservationJsonRpcInterceptor(ObservationRegistry observationRegistry, JsonRpcMethodRegistry methodRegistry,
			@Nullable JsonRpcObservationConvention customConvention) {
		Assert.notNull(observationRegistry, "ObservationRegistry is required");
		Assert.notNull(methodRegistry, "MethodRegistry is required");
		this.observationRegistry = observationRegistry;
		this.methodRegistry = methodRegistry;
		this.customConvention = customConvention;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public CompletableFuture<JsonRpcResponse> intercept(JsonRpcExchange exchange, Chain chain) {
		JsonRpcObservationContext context = new JsonRpcObservationContext(exchange,
				this.methodRegistry.lookup(exchange.method()) != null);
		Observation observation = JsonRpcObservationDocumentation.SERVER_CALL
			.observation(this.customConvention, DEFAULT_CONVENTION, () -> context, this.observationRegistry)
			.start();
		CompletableFuture<JsonRpcResponse> response;
		try (Observation.Scope scope = observation.openScope()) {
			response = chain.next(exchange);
		}
		catch (RuntimeException | Error ex) {
			observation.error(ex);
			observation.stop();
			throw ex;
		}
		return response.whenComplete((result, ex) -> {
			context.setResponse(result);
			if (ex != null) {
				observation.error(ex);
			}
			observation.stop();
		});
	}

}
