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

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import io.github.jsonrpc.protocol.JsonRpcEncodedMessage;
import io.github.jsonrpc.protocol.JsonRpcFraming;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.JsonRpcTransportContext.Transport;

/**
 * A stream connection over no transport: it records the framed bytes it writes and how
 * often it is asked to read again and, while stalled, holds the completions of its writes
 * like a peer that does not read.
 */
class TestJsonRpcStreamConnection extends JsonRpcStreamConnection {

	final List<String> written = Collections.synchronizedList(new ArrayList<>());

	final AtomicInteger resumes = new AtomicInteger();

	private final HeldWrites writes = new HeldWrites();

	volatile @Nullable JsonRpcCloseReason closedWith;

	volatile byte @Nullable [] lastWordsAtClose;

	TestJsonRpcStreamConnection(JsonRpcHandler handler, JsonRpcConnectionSettings settings, Executor executor,
			JsonRpcFraming framing) {
		super("s", null, Map.of(), handler, settings, executor, framing);
	}

	void stall() {
		this.writes.stall();
	}

	// the peer reads again: every held write completes, and the transport says so
	void unstall() {
		completeHeldWrites();
		writeCompleted();
	}

	// every held write completes, without telling the connection (as a transport that
	// reads on a thread of its own does)
	void completeHeldWrites() {
		this.writes.release();
	}

	@Override
	protected void write(JsonRpcEncodedMessage message, WriteCompletion completion) {
		this.written.add(new String(frame(message), StandardCharsets.UTF_8));
		this.writes.complete(completion);
	}

	@Override
	protected void resumeReading() {
		this.resumes.incrementAndGet();
	}

	@Override
	protected void closeTransport(JsonRpcCloseReason reason) {
		this.lastWordsAtClose = lastWords();
		this.closedWith = reason;
	}

	@Override
	public Transport transport() {
		return Transport.TCP;
	}

}
