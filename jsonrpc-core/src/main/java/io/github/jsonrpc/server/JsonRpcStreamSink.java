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

import org.jspecify.annotations.Nullable;

/**
 * Contract for a transport that can send the items of a streamed result one by one. A
 * transport that streams hands its sink to the handler through
 * {@link JsonRpcTransportContext#streamSink()}; a method returning a
 * {@link java.util.stream.Stream}, a {@link java.util.concurrent.Flow.Publisher} or a
 * multi-value Reactive Streams publisher then streams its items instead of answering with
 * the collected list. Without a sink (and always for notifications) the items are
 * collected.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public interface JsonRpcStreamSink {

	/**
	 * Start the stream of a call: register the action that cancels it, run when the
	 * client cancels the call or disconnects.
	 * @param exchange the call
	 * @param cancel the action cancelling the stream
	 */
	void open(JsonRpcExchange exchange, Runnable cancel);

	/**
	 * Send one item of the stream of a call. The next item is requested only when the
	 * transport runs {@code requestNext}: at once while its outbound queue has room,
	 * later when the client has caught up (back-pressure).
	 * @param exchange the call
	 * @param item the item
	 * @param requestNext requests the next item from the source
	 * @return {@code true} if it was queued; {@code false} if the transport cannot take
	 * it (closed or overflowing), the stream is then cancelled and the call fails with
	 * {@code -32005}
	 */
	boolean item(JsonRpcExchange exchange, @Nullable Object item, Runnable requestNext);

	/**
	 * End the stream of a call (completed, failed or cancelled); the final response
	 * follows.
	 * @param exchange the call
	 */
	void close(JsonRpcExchange exchange);

}
