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
package io.github.jsonrpc.server.connection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;

import io.github.jsonrpc.protocol.JsonRpcEncodedMessage;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.JsonRpcTransportContext.Transport;

/**
 * A connection over no transport: it records what it writes and, while stalled, holds the
 * completions of its writes like a client that does not read.
 */
class TestJsonRpcConnection extends JsonRpcConnection {

	final List<String> written = Collections.synchronizedList(new ArrayList<>());

	private final HeldWrites writes = new HeldWrites();

	volatile @Nullable JsonRpcCloseReason closedWith;

	final java.util.concurrent.atomic.AtomicInteger closes = new java.util.concurrent.atomic.AtomicInteger();

	final java.util.concurrent.atomic.AtomicInteger pings = new java.util.concurrent.atomic.AtomicInteger();

	volatile boolean pingFails;

	volatile boolean failWrites;

	final java.util.concurrent.atomic.AtomicInteger describes = new java.util.concurrent.atomic.AtomicInteger();

	TestJsonRpcConnection(String id, JsonRpcHandler handler, JsonRpcConnectionSettings settings, Executor executor) {
		this(id, null, Map.of(), handler, settings, executor);
	}

	TestJsonRpcConnection(String id, java.security.@Nullable Principal principal, Map<String, Object> attributes,
			JsonRpcHandler handler, JsonRpcConnectionSettings settings, Executor executor) {
		super(id, principal, attributes, handler, settings, executor);
	}

	void stall() {
		this.writes.stall();
	}

	@Override
	protected void write(JsonRpcEncodedMessage message, WriteCompletion completion) {
		this.written.add(message.text());
		if (this.failWrites) {
			completion.completed(new java.io.IOException("broken pipe"));
			return;
		}
		this.writes.complete(completion);
	}

	@Override
	protected void closeTransport(JsonRpcCloseReason reason) {
		this.closedWith = reason;
		this.closes.incrementAndGet();
	}

	@Override
	protected void describe(io.github.jsonrpc.server.JsonRpcTransportContext.Builder context) {
		this.describes.incrementAndGet();
	}

	@Override
	protected void ping() {
		this.pings.incrementAndGet();
		if (this.pingFails) {
			throw new IllegalStateException("ping failed");
		}
	}

	@Override
	public Transport transport() {
		return Transport.WEBSOCKET;
	}

}
