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
package io.github.jsonrpc.server.stdio;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import io.github.jsonrpc.protocol.JsonRpcEncodedMessage;
import io.github.jsonrpc.protocol.JsonRpcFraming;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.JsonRpcTransportContext.Transport;
import io.github.jsonrpc.server.connection.JsonRpcCloseReason;
import io.github.jsonrpc.server.connection.JsonRpcConnectionSettings;
import io.github.jsonrpc.server.connection.JsonRpcStreamConnection;

/**
 * The one JSON-RPC connection over a pair of streams: writes framed messages with
 * blocking writes on a writer thread of its own, so no call's thread waits for the reader
 * at the other end of the pipe; reading is the server's reader thread.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class StdioJsonRpcConnection extends JsonRpcStreamConnection {

	private final OutputStream output;

	private final ExecutorService writer;

	// run on the writer once the last words are written
	private final Runnable closed;

	// run by the thread that closes the session, once the last words are queued
	private final Runnable transportClosed;

	StdioJsonRpcConnection(OutputStream output, ExecutorService writer, JsonRpcHandler handler,
			JsonRpcConnectionSettings settings, Executor executor, JsonRpcFraming framing, Runnable closed,
			Runnable transportClosed) {
		super("stdio", null, Map.of(), handler, settings, executor, framing);
		this.output = output;
		this.writer = writer;
		this.closed = closed;
		this.transportClosed = transportClosed;
	}

	@Override
	public Transport transport() {
		return Transport.STDIO;
	}

	@Override
	protected void write(JsonRpcEncodedMessage message, WriteCompletion completion) {
		byte[] framed = frame(message);
		this.writer.execute(() -> {
			try {
				this.output.write(framed);
				this.output.flush();
			}
			catch (IOException | RuntimeException ex) {
				completion.completed(ex);
				return;
			}
			completion.completed(null);
			writeCompleted();
		});
	}

	@Override
	protected void resumeReading() {
		// the reader thread waits in awaitReadable()
	}

	@Override
	protected void closeTransport(JsonRpcCloseReason reason) {
		byte[] last = lastWords();
		try {
			this.writer.execute(() -> {
				try {
					if (last != null) {
						this.output.write(last);
					}
					this.output.flush();
				}
				catch (IOException ex) {
					// the reading end is gone
				}
				this.closed.run();
			});
		}
		catch (RejectedExecutionException ex) {
			// the server stopped the writer meanwhile: nothing more can be written
		}
		// after the last words were queued: what this starts may stop the writer
		this.transportClosed.run();
	}

}
