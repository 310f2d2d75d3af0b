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

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.jsonrpc.client.JsonRpcClientRequest;
import io.github.jsonrpc.protocol.JsonRpcError;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ObservationJsonRpcClientInterceptor}.
 *
 * @author JSON-RPC for Spring Boot team
 */
class ObservationJsonRpcClientInterceptorTests {

	private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

	private final ObservationRegistry registry = ObservationRegistry.create();

	private final ObservationJsonRpcClientInterceptor interceptor;

	ObservationJsonRpcClientInterceptorTests() {
		this.registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

			@Override
			public void onStop(Observation.Context context) {
				ObservationJsonRpcClientInterceptorTests.this.stopped.add(context);
			}

		});
		this.interceptor = new ObservationJsonRpcClientInterceptor(this.registry, null);
	}

	@Test
	void eachBatchEntryIsObservedWithItsOwnOutcome() {
		JsonRpcRequest add = JsonRpcRequest.call(JsonRpcId.of(1), "add", null);
		JsonRpcRequest fail = JsonRpcRequest.call(JsonRpcId.of(2), "fail", null);
		JsonRpcRequest notify = JsonRpcRequest.notification("log", null);
		CompletableFuture<List<JsonRpcResponse>> responses = this.interceptor.intercept(
				JsonRpcClientRequest.batch(List.of(add, fail, notify)),
				(request) -> CompletableFuture
					.completedFuture(List.of(JsonRpcResponse.failure(JsonRpcId.of(2), JsonRpcError.of(-32010, "Nope")),
							JsonRpcResponse.success(JsonRpcId.of(1), 3))));
		assertThat(responses).isCompleted();
		assertThat(this.stopped).hasSize(3);
		assertThat(tags(0)).contains(KeyValue.of("rpc.method", "add"), KeyValue.of("outcome", "SUCCESS"),
				KeyValue.of("rpc.jsonrpc.error_code", "none"), KeyValue.of("batch", "true"));
		assertThat(tags(1)).contains(KeyValue.of("rpc.method", "fail"), KeyValue.of("outcome", "ERROR"),
				KeyValue.of("rpc.jsonrpc.error_code", "-32010"));
		assertThat(tags(2)).contains(KeyValue.of("kind", "notification"), KeyValue.of("outcome", "SUCCESS"));
		assertThat(this.stopped.get(0).getName()).isEqualTo("jsonrpc.client.calls");
	}

	@Test
	void transportFailureIsAnError() {
		RuntimeException failure = new IllegalStateException("connection refused");
		this.interceptor.intercept(JsonRpcClientRequest.single(JsonRpcRequest.call(JsonRpcId.of(1), "add", null)),
				(request) -> CompletableFuture.failedFuture(failure));
		assertThat(this.stopped).singleElement().satisfies((context) -> {
			assertThat(context.getError()).isSameAs(failure);
			assertThat(context.getLowCardinalityKeyValues()).contains(KeyValue.of("outcome", "ERROR"),
					KeyValue.of("batch", "false"));
		});
	}

	private List<KeyValue> tags(int index) {
		return this.stopped.get(index).getLowCardinalityKeyValues().stream().toList();
	}

}
