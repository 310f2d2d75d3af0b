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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLSocketFactory;

import io.github.jsonrpc.protocol.JsonRpcError;
import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.web.client.RestClient;

/**
 * Contract for carrying JSON-RPC messages to a server and its responses back. Transports
 * exchange decoded messages: the client hands over the requests and receives the
 * responses; how they are written and read (and matched, on a shared connection) is the
 * transport's business. Persistent transports also deliver server notifications to a
 * {@link Listener}, and streaming transports the items of a streamed result.
 *
 * <p>
 * {@link #exchangeRaw(byte[])} is the one byte-level path, for test tools that must send
 * what a codec would never write (malformed JSON, invalid requests) on purpose.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface JsonRpcTransport extends AutoCloseable {

	/**
	 * Send a message and receive the responses.
	 * @param request a call, a notification or a batch
	 * @return the responses, in the order received; empty when the server sends none
	 * (notifications only); completes exceptionally with a
	 * {@link JsonRpcTransportException} when the exchange fails or the reply is not
	 * JSON-RPC
	 */
	CompletableFuture<List<JsonRpcResponse>> exchange(JsonRpcClientRequest request);

	/**
	 * Send a message and wait for the responses on the calling thread. Transports that
	 * block anyway (HTTP) override this so that thread-bound context (security, tracing)
	 * stays with the caller.
	 * @param request a call, a notification or a batch
	 * @param timeout how long to wait at most
	 * @return the responses, empty when there are none
	 * @throws JsonRpcTransportException when the exchange fails or times out
	 */
	default List<JsonRpcResponse> exchangeBlocking(JsonRpcClientRequest request, Duration timeout) {
		return await(exchange(request), timeout);
	}

	/**
	 * Call a method whose result the server may stream ({@code rpc.stream} items over
	 * WebSocket and TCP, NDJSON over HTTP). Items are passed to the consumer in order, on
	 * the thread that reads them, with the size of the message that carried them, before
	 * the returned future completes; the consumer must not block (the client's consumer
	 * hands each item to a buffer bounded in bytes). Cancelling the returned future stops
	 * the stream: the WebSocket and TCP transports send {@code rpc.cancel}, the HTTP
	 * transport closes the response. The default does not stream: the final response
	 * carries the collected result.
	 * @param call the call, with an id
	 * @param items receives each item as it arrives
	 * @return the final response
	 */
	default CompletableFuture<JsonRpcResponse> stream(JsonRpcRequest call, ItemConsumer items) {
		return exchange(JsonRpcClientRequest.single(call)).thenApply((responses) -> {
			if (responses.isEmpty()) {
				throw new JsonRpcTransportException("No response to method '" + call.method() + "'");
			}
			return responses.get(0);
		});
	}

	/**
	 * Send bytes as they are and receive the reply as it is, without encoding or
	 * decoding: for test tools that send malformed messages on purpose.
	 * @param message the UTF-8 encoded message
	 * @return the UTF-8 encoded reply, an empty array when there is none; the default
	 * fails with an {@link UnsupportedOperationException}
	 */
	default CompletableFuture<byte[]> exchangeRaw(byte[] message) {
		return CompletableFuture
			.failedFuture(new UnsupportedOperationException(getClass().getName() + " does not exchange raw messages"));
	}

	/**
	 * Set the listener for messages the server sends on its own. Only persistent
	 * transports (WebSocket, TCP) call it; the default does nothing.
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
	 * Wait for a transport's future, turning failures into
	 * {@link JsonRpcTransportException}s.
	 * @param <T> the result type
	 * @param future the future
	 * @param timeout how long to wait at most; the future is cancelled after
	 * @return the result
	 */
	static <T> T await(CompletableFuture<T> future, Duration timeout) {
		try {
			return future.get(TimeUnit.NANOSECONDS.convert(timeout), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			future.cancel(false);
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
	 * Create a transport that POSTs messages with a {@link RestClient}, so the
	 * application's interceptors, timeouts and message converters apply. Non-2xx replies
	 * with a JSON body are read as JSON-RPC replies (some servers map errors to HTTP
	 * statuses); others fail with a {@link JsonRpcTransportException}.
	 * @param restClient the client, with its base URL set to the endpoint
	 * @param codec the codec that writes requests and reads responses
	 * @return the transport
	 */
	static JsonRpcTransport http(RestClient restClient, JsonRpcMessageCodec codec) {
		return new RestClientJsonRpcTransport(restClient, codec, null);
	}

	/**
	 * Create a transport over one WebSocket connection, opened on first use and re-opened
	 * with exponential backoff (500 ms up to 30 s) when it drops.
	 * @param uri the {@code ws://} or {@code wss://} endpoint
	 * @param codec the codec that writes requests and reads responses
	 * @return the transport
	 */
	static JsonRpcTransport webSocket(URI uri, JsonRpcMessageCodec codec) {
		return new MessageChannelJsonRpcTransport(uri, codec, MessageChannelJsonRpcTransport.Options.DEFAULTS);
	}

	/**
	 * Create a transport over one TCP connection, opened on first use and re-opened with
	 * exponential backoff (500 ms up to 30 s) when it drops. Calls, batches,
	 * notifications, subscriptions and streams work as over WebSocket.
	 * @param uri {@code tcp://host:port}, or {@code tcps://host:port} for TLS with the
	 * JDK's default trust; {@code ?framing=content-length} for {@code Content-Length}
	 * headers instead of one message per line
	 * @param codec the codec that writes requests and reads responses
	 * @return the transport
	 */
	static JsonRpcTransport tcp(URI uri, JsonRpcMessageCodec codec) {
		return new MessageChannelJsonRpcTransport(uri, codec, MessageChannelJsonRpcTransport.Options.DEFAULTS,
				TcpMessageChannel.opener(uri, null, null));
	}

	/**
	 * Create a transport over one TLS connection with the given socket factory (e.g. of
	 * an {@code SSLContext} with the server's trust and a client certificate).
	 * @param uri {@code tcps://host:port}, optionally {@code ?framing=content-length}
	 * @param codec the codec that writes requests and reads responses
	 * @param sslSocketFactory the factory of TLS sockets
	 * @return the transport
	 * @see #tcp(URI, JsonRpcMessageCodec)
	 */
	static JsonRpcTransport tcp(URI uri, JsonRpcMessageCodec codec, SSLSocketFactory sslSocketFactory) {
		return new MessageChannelJsonRpcTransport(uri, codec, MessageChannelJsonRpcTransport.Options.DEFAULTS,
				TcpMessageChannel.opener(uri, sslSocketFactory, null));
	}

	/**
	 * Receives the items of a {@link #stream streamed result}.
	 *
	 * @since 0.1.0
	 */
	@FunctionalInterface
	interface ItemConsumer {

		/**
		 * Take one item; must not block.
		 * @param item the item
		 * @param messageBytes the size of the message that carried it, as the transport
		 * received it (a frame, a line): what the client charges to its buffer
		 */
		void accept(JsonNode item, long messageBytes);

	}

	/**
	 * Callback for messages a persistent transport receives without a pending request.
	 * Its methods are called on the thread that reads the connection, in the order
	 * received, and must not block: the client's listener hands slow work (listeners,
	 * handlers) to an executor through a queue bounded in bytes.
	 */
	interface Listener {

		/**
		 * Handle a notification sent by the server.
		 * @param notification the notification, e.g. a subscription's message
		 */
		void onNotification(JsonRpcRequest notification);

		/**
		 * Handle a notification sent by the server, knowing the size of the message that
		 * carried it. The default ignores the size.
		 * @param notification the notification
		 * @param messageBytes the size of the message, as the transport received it
		 */
		default void onNotification(JsonRpcRequest notification, long messageBytes) {
			onNotification(notification);
		}

		/**
		 * Answer a call the server made to the client; must not block: a handler runs
		 * elsewhere and completes the future. The default answers {@code -32601}: the
		 * client has no methods.
		 * @param request the call (or a notification, answered with {@code null})
		 * @return the response to send back, {@code null} for none
		 */
		default CompletableFuture<@Nullable JsonRpcResponse> onRequest(JsonRpcRequest request) {
			return CompletableFuture.completedFuture(request.isNotification() ? null : JsonRpcResponse
				.failure(request.responseId(), JsonRpcError.standard(JsonRpcErrorCodes.METHOD_NOT_FOUND)));
		}

		/**
		 * Called after the transport re-established a dropped connection, e.g. to
		 * subscribe again.
		 */
		default void onReconnect() {
		}

	}

}
