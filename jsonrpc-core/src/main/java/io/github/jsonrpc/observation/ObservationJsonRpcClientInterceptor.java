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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.jsonrpc.client.JsonRpcClientInterceptor;
import io.github.jsonrpc.client.JsonRpcClientRequest;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * {@link JsonRpcClientInterceptor} that observes every call the client sends, batch
 * entries one by one: the timer {@code jsonrpc.client.calls} and a span, with the
 * server's error code when the call failed.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class ObservationJsonRpcClientInterceptor implements JsonRpcClientInterceptor {

	private static final JsonRpcClientObservationConvention DEFAULT_CONVENTION = new DefaultJsonRpcClientObservationConvention();

	private final ObservationRegistry observationRegistry;

	private final @Nullable JsonRpcClientObservationConvention customConvention;

	/**
	 * Create a new instance.
	 * @param observationRegistry the observation registry
	 * @param customConvention a convention replacing the default, or {@code null}
	 */
	public ObservationJsonRpcClientInterceptor(ObservationRegistry observationRegistry,
			@Nullable JsonRpcClientObservationConvention customConvention) {
		Assert.notNull(observationRegistry, "ObservationRegistry is required");
		this.observationRegistry = observationRegistry;
		this.customConvention = customConvention;
	}

	@Override
	public CompletableFuture<List<JsonRpcResponse>> intercept(JsonRpcClientRequest request, Chain chain) {
		List<JsonRpcClientObservationContext> contexts = new ArrayList<>();
		List<Observation> observations = new ArrayList<>();
		for (JsonRpcRequest entry : request.entries()) {
			JsonRpcClientObservationContext context = new JsonRpcClientObservationContext(entry, request.batch());
			contexts.add(context);
			observations.add(JsonRpcClientObservationDocumentation.CLIENT_CALL
				.observation(this.customConvention, DEFAULT_CONVENTION, () -> context, this.observationRegistry)
				.start());
		}
		CompletableFuture<List<JsonRpcResponse>> responses;
		// the transport's own observations (e.g. the HTTP client's) nest under the call
		try (Observation.Scope scope = observations.get(0).openScope()) {
			responses = chain.next(request);
		}
		catch (RuntimeException | Error ex) {
			observations.forEach((observation) -> observation.error(ex).stop());
			throw ex;
		}
		return responses.whenComplete((received, ex) -> {
			Map<JsonRpcId, JsonRpcResponse> byId = new HashMap<>();
			if (received != null) {
				for (JsonRpcResponse response : received) {
					if (response.id() != null) {
						byId.put(response.id(), response);
					}
				}
			}
			for (int i = 0; i < contexts.size(); i++) {
				JsonRpcClientObservationContext context = contexts.get(i);
				JsonRpcId id = context.getRequest().id();
				context.setResponse((id != null) ? byId.get(id) : null);
				Observation observation = observations.get(i);
				if (ex != null) {
					observation.error(ex);
				}
				observation.stop();
			}
		});
	}

}
