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

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.protocol.JsonRpcRequest;

import org.springframework.web.client.RestClient;

/**
 * Contract for sending an encoded JSON-RPC message and receiving the encoded reply. One
 * abstract method, so a lambda works (e.g. in tests); persistent transports also deliver
 * server notifications to a {@link Listener}.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface JsonRpcTransport extends AutoCloseable {

	/**
	 * Send a message and receive the reply.
	 * @param message the UTF-8 encoded request, notification or batch
	 * @return the UTF-8 encoded reply; an empty array when the server sends none
	 * (notifications only); completes exceptionally with a
	 * {@link JsonRpcTransportException} when the exchange fails
	 */
	CompletableFuture<byte[]> exchange(byte[] message);

	/**
	 * Send a message and wait for the reply on the calling thread. Transports that block
	 * anyway (HTTP) override this so that thread-bound context (security, tracing) stays
	 * with the caller.
	 * @param message the UTF-8 encoded message
	 * @param timeout how long to wait at most
	 * @return the reply, an empty array when there is none
	 * @throws JsonRpcTransportException when the exchange fails or times out
	 */
	default byte[] exchangeBlocking(byte[] message, Duration timeout) {
		CompletableFuture<byte[]> reply = exchange(message);
		try {
			return reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			reply.cancel(false);
			throw new JsonRpcTransportException("No reply within " + timeout, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new JsonRpcTransportException("Interrupted while waiting for a reply", ex);
		}
		catch (ExecutionException ex) {
			throw JsonRpcTransportException.wrap(ex.getCause());
		}
	}

	/**
	 * Set the listener for messages the server sends on its own. Only persistent
	 * transports (WebSocket) call it; the default does nothing.
	 * @param listener the listener
	 */
	default void setListener(Listener listener) {
	}

	/**
	 * Release the transport's resources, e.g. close its connection.
	 */
	@Override
	default void close() {
	}

	/**
	 * Create a transport that POSTs messages with a {@link RestClient}, so the
	 * application's interceptors, timeouts and message converters apply. Non-2xx replies
	 * with a JSON body are read as JSON-RPC replies (some servers map errors to HTTP
	 * statuses); others fail with a {@link JsonRpcTransportException}.
	 * @param restClient the client, with its base URL set to the endpoint
	 * @return the transport
	 */
	static JsonRpcTransport http(RestClient restClient) {
		return new RestClientJsonRpcTransport(restClient, null);
	}

	/**
	 * Create a transport over one WebSocket connection, opened on first use and re-opened
	 * with exponential backoff (500 ms up to 30 s) when it drops.
	 * @param uri the {@code ws://} or {@code wss://} endpoint
	 * @param codec the codec used to correlate replies with requests
	 * @return the transport
	 */
	static JsonRpcTransport webSocket(URI uri, JsonRpcMessageCodec codec) {
		return new WebSocketJsonRpcTransport(uri, codec, WebSocketJsonRpcTransport.Options.DEFAULTS);
	}

	/**
	 * Callback for messages a persistent transport receives without a pending request.
	 */
	interface Listener {

		/**
		 * Handle a notification sent by the server.
		 * @param notification the notification, e.g. a subscription's message
		 */
		void onNotification(JsonRpcRequest notification);

		/**
		 * Called after the transport re-established a dropped connection, e.g. to
		 * subscribe again.
		 */
		default void onReconnect() {
		}

	}

}
