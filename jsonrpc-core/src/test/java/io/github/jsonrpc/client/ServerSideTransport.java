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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A transport for tests that plays the server's side: it answers every call with
 * {@code "ok"} (so every subscription is accepted), keeps the client's listener to hand
 * it notifications and calls as the thread that reads a connection would, and holds
 * listeners and subscribers that should block until the test releases them.
 */
final class ServerSideTransport implements JsonRpcTransport {

	private final AtomicReference<@Nullable Listener> listener = new AtomicReference<>();

	private final CountDownLatch release = new CountDownLatch(1);

	@Override
	public CompletableFuture<List<JsonRpcResponse>> exchange(JsonRpcClientRequest request) {
		List<JsonRpcResponse> responses = new ArrayList<>();
		for (JsonRpcRequest entry : request.entries()) {
			if (entry.id() != null) {
				responses.add(JsonRpcResponse.success(entry.id(), "ok"));
			}
		}
		return CompletableFuture.completedFuture(responses);
	}

	@Override
	public void setListener(Listener listener) {
		this.listener.set(listener);
	}

	/**
	 * Return the client's listener.
	 * @return the listener
	 */
	Listener listener() {
		Listener current = this.listener.get();
		assertThat(current).isNotNull();
		return current;
	}

	/**
	 * Block the calling thread (a delivery of the client) until {@link #release()}, at
	 * most {@link TestWaits#SHORT}: a test that never releases fails the held delivery.
	 */
	void hold() {
		try {
			assertThat(this.release.await(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS))
				.as("held delivery released by the test")
				.isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Let every held thread, and every later one, go on.
	 */
	void release() {
		this.release.countDown();
	}

}
