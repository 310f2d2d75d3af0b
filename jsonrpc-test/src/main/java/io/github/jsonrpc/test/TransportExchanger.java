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

package io.github.jsonrpc.test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import io.github.jsonrpc.client.JsonRpcTransport;

/**
 * Sends messages through a client {@link JsonRpcTransport}.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class TransportExchanger implements Exchanger {

	private final JsonRpcTransport transport;

	TransportExchanger(JsonRpcTransport transport) {
		this.transport = transport;
	}

	@Override
	public CompletableFuture<String> exchange(String json) {
		return this.transport.exchangeRaw(json.getBytes(StandardCharsets.UTF_8))
			.thenApply((reply) -> new String(reply, StandardCharsets.UTF_8));
	}

	@Override
	public void close() {
		this.transport.close();
	}

}
