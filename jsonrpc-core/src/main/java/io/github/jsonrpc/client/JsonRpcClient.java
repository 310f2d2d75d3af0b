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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import java.util.function.Function;

import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

/**
 * Client for JSON-RPC 2.0 servers, over HTTP or WebSocket.
 *
 * <pre class="code">
 * JsonRpcClient client = JsonRpcClient.create("http://localhost:8080/jsonrpc");
 * int difference = client.method("subtract").params(42, 23).retrieve(Integer.class);
 * </pre>
 *
 * <p>
 * Calls fail with a {@link JsonRpcClientException} (or a mapped application exception)
 * when the server answers with an error, and with a {@link JsonRpcTransportException}
 * when no valid reply arrives.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public interface JsonRpcClient extends AutoCloseable {

	/**
	 * Start a call or notification of a method.
	 * @param method the method name
	 * @return the spec to add params and send
	 */
	RequestSpec method(String method);

	/**
	 * Send a notification with positional params: no id, no response.
	 * @param method the method name
	 * @param params the params
	 */
	default void notify(String method, Object... params) {
		method(method).params(params).send();
	}

	/**
	 * Start a batch, sent in one message.
	 * @return the batch spec
	 */
	BatchSpec batch();

	/**
	 * Send prepared requests as they are and return the raw responses, without error
	 * mapping. Useful for tests and tools.
	 * @param request the message
	 * @return the responses, matched to nothing, in the order received; empty for
	 * notifications
	 */
	CompletableFuture<List<JsonRpcResponse>> exchange(JsonRpcClientRequest request);

	/**
	 * Subscribe to a topic of the server's publish/subscribe methods (by default
	 * {@code subscribe}/{@code unsubscribe}), and receive its notifications. Only
	 * persistent transports (WebSocket) deliver notifications. Subscriptions are renewed
	 * after a reconnect.
	 * @param topic the topic name
	 * @param type the type to convert each notification's params to
	 * @param listener the listener, called in order on one thread
	 * @param <T> the payload type
	 * @return the subscription; close it to unsubscribe
	 * @throws JsonRpcClientException when the server refuses the subscription, with an
	 * error or, as rpc-websockets' {@code rpc.on} does, with a result mapping the topic
	 * to a reason other than {@code "ok"}
	 */
	<T> JsonRpcSubscription subscribe(String topic, Class<T> type, Consumer<? super T> listener);

	/**
	 * Subscribe to a topic as a {@link Flow.Publisher}: each subscriber subscribes on the
	 * server, cancelling unsubscribes. Adapt it with Reactor's
	 * {@code JdkFlowAdapter.flowPublisherToFlux(publisher)} to get a {@code Flux}.
	 * @param topic the topic name
	 * @param type the type to convert each notification's params to
	 * @param <T> the payload type
	 * @return the publisher
	 */
	<T> Flow.Publisher<T> subscribe(String topic, Class<T> type);

	/**
	 * Listen to notifications of a method sent by the server, without calling anything on
	 * the server.
	 * @param method the notification's method
	 * @param type the type to convert its params to
	 * @param listener the listener
	 * @param <T> the payload type
	 * @return the registration; close it to stop listening
	 */
	<T> JsonRpcSubscription onNotification(String method, Class<T> type, Consumer<? super T> listener);

	/**
	 * Return the codec this client encodes and decodes with.
	 * @return the codec
	 */
	JsonRpcMessageCodec codec();

	/**
	 * Close the transport, e.g. its WebSocket connection.
	 */
	@Override
	void close();

	/**
	 * Create a client for an endpoint with default settings.
	 * @param url an {@code http(s)://}, {@code ws(s)://} or {@code tcp(s)://} URL
	 * @return the client
	 */
	static JsonRpcClient create(String url) {
		return builder().url(url).build();
	}

	/**
	 * Create a client over a transport with default settings.
	 * @param transport the transport
	 * @return the client
	 */
	static JsonRpcClient create(JsonRpcTransport transport) {
		return builder().transport(transport).build();
	}

	/**
	 * Create a builder.
	 * @return a new builder
	 */
	static Builder builder() {
		return new DefaultJsonRpcClientBuilder();
	}

	/**
	 * A call or notification being prepared.
	 */
	interface RequestSpec {

		/**
		 * Set positional params, sent as an array.
		 * @param params the params, converted with the client's JSON mapper
		 * @return this spec
		 */
		RequestSpec params(@Nullable Object... params);

		/**
		 * Set named params, sent as an object.
		 * @param params the params by name
		 * @return this spec
		 */
		RequestSpec params(Map<String, ? extends @Nullable Object> params);

		/**
		 * Add one named param, sent as a member of the params object.
		 * @param name the name
		 * @param value the value
		 * @return this spec
		 */
		RequestSpec param(String name, @Nullable Object value);

		/**
		 * Use an object's properties as named params.
		 * @param params a bean or record that serializes to a JSON object
		 * @return this spec
		 */
		RequestSpec namedParams(Object params);

		/**
		 * Set how long to wait for the response of this call, overriding the client's
		 * default; the wait is enforced on every transport.
		 * @param timeout the timeout
		 * @return this spec
		 */
		RequestSpec timeout(Duration timeout);

		/**
		 * Call and wait for the result.
		 * @param type the result type
		 * @param <T> the result type
		 * @return the result, {@code null} for {@code "result": null}
		 */
		<T> @Nullable T retrieve(Class<T> type);

		/**
		 * Call and wait for a result of a generic type.
		 * @param type the result type, e.g. {@code new
		 * ParameterizedTypeReference<List<Item>>() {}}
		 * @param <T> the result type
		 * @return the result
		 */
		<T> @Nullable T retrieve(ParameterizedTypeReference<T> type);

		/**
		 * Call without waiting.
		 * @param type the result type
		 * @param <T> the result type
		 * @return the future result; completes exceptionally with the same exceptions the
		 * blocking variant throws
		 */
		<T> CompletableFuture<@Nullable T> retrieveAsync(Class<T> type);

		/**
		 * Call a method with a generic result type without waiting.
		 * @param type the result type
		 * @param <T> the result type
		 * @return the future result
		 */
		<T> CompletableFuture<@Nullable T> retrieveAsync(ParameterizedTypeReference<T> type);

		/**
		 * Call a method whose result the server streams, and receive the items as they
		 * come: over WebSocket from its {@code rpc.stream} notifications, over HTTP from
		 * an NDJSON (or server-sent events) response. Each subscription makes one call;
		 * cancelling it cancels the call ({@code rpc.cancel} over WebSocket, the response
		 * is closed over HTTP). A JSON-RPC error ends the subscription with a
		 * {@link JsonRpcClientException}. Items received and not yet delivered to the
		 * subscriber are buffered up to {@link Builder#maxBufferedBytes(long)}; the items
		 * of a result the server returned whole are handed out as requested, not
		 * buffered. Null items are skipped. Interceptors do not see streamed calls.
		 * @param type the item type
		 * @param <T> the item type
		 * @return the items
		 */
		<T> Flow.Publisher<T> stream(Class<T> type);

		/**
		 * Call a method whose result the server streams, with a generic item type.
		 * @param type the item type
		 * @param <T> the item type
		 * @return the items
		 * @see #stream(Class)
		 */
		<T> Flow.Publisher<T> stream(ParameterizedTypeReference<T> type);

		/**
		 * Call a method whose result the server streams and read the items on the calling
		 * thread, each waited for at most the timeout. Close the stream (e.g. with
		 * try-with-resources) to cancel the call when not reading to the end.
		 * @param type the item type
		 * @param <T> the item type
		 * @return the items
		 * @throws JsonRpcClientException (while reading) for a JSON-RPC error
		 * @see #stream(Class)
		 */
		<T> java.util.stream.Stream<T> streamBlocking(Class<T> type);

		/**
		 * Send as a notification (no id, no response) and wait until it is sent.
		 */
		void send();

		/**
		 * Send as a notification without waiting.
		 * @return completes when the notification was sent
		 */
		CompletableFuture<Void> sendAsync();

	}

	/**
	 * A batch being prepared: calls and notifications sent in one message, results
	 * matched by id.
	 */
	interface BatchSpec {

		/**
		 * Add a call with positional params.
		 * @param method the method name
		 * @param params the params
		 * @return this spec
		 */
		BatchSpec call(String method, @Nullable Object... params);

		/**
		 * Add a call with named params.
		 * @param method the method name
		 * @param params the params by name
		 * @return this spec
		 */
		BatchSpec call(String method, Map<String, ? extends @Nullable Object> params);

		/**
		 * Add a notification with positional params.
		 * @param method the method name
		 * @param params the params
		 * @return this spec
		 */
		BatchSpec notify(String method, @Nullable Object... params);

		/**
		 * Send the batch and wait for the responses.
		 * @return the responses of the calls
		 */
		JsonRpcBatchResponse execute();

		/**
		 * Send the batch without waiting.
		 * @return the future responses
		 */
		CompletableFuture<JsonRpcBatchResponse> executeAsync();

	}

	/**
	 * Builder for a {@link JsonRpcClient}.
	 */
	interface Builder {

		/**
		 * Set the endpoint: {@code http(s)://} URLs use the {@link RestClient},
		 * {@code ws(s)://} URLs a WebSocket connection, {@code tcp://host:port} a TCP
		 * connection ({@code tcps://} with TLS, {@code ?framing=content-length} for
		 * {@code Content-Length} framing instead of one message per line).
		 * @param url the URL
		 * @return this builder
		 */
		Builder url(String url);

		/**
		 * Set the endpoint.
		 * @param url the URL
		 * @return this builder
		 */
		Builder url(URI url);

		/**
		 * Use a transport of your own instead of one derived from the URL.
		 * @param transport the transport
		 * @return this builder
		 */
		Builder transport(JsonRpcTransport transport);

		/**
		 * Set the {@code RestClient.Builder} HTTP transports are built from, e.g. Boot's
		 * with the application's interceptors and converters. It is cloned, not changed.
		 * @param restClientBuilder the builder
		 * @return this builder
		 */
		Builder restClientBuilder(RestClient.Builder restClientBuilder);

		/**
		 * Set the JSON mapper for params and results; defaults to a plain
		 * {@link JsonMapper}.
		 * @param jsonMapper the mapper
		 * @return this builder
		 */
		Builder jsonMapper(JsonMapper jsonMapper);

		/**
		 * Set the id generator; defaults to {@link JsonRpcIdGenerator#sequential()}.
		 * @param idGenerator the generator
		 * @return this builder
		 */
		Builder idGenerator(JsonRpcIdGenerator idGenerator);

		/**
		 * Add an interceptor; the first added is the outermost.
		 * @param interceptor the interceptor
		 * @return this builder
		 */
		Builder interceptor(JsonRpcClientInterceptor interceptor);

		/**
		 * Add a header to every HTTP request or to the WebSocket handshake.
		 * @param name the header name
		 * @param value the value
		 * @return this builder
		 */
		Builder header(String name, String value);

		/**
		 * Authenticate with HTTP Basic.
		 * @param username the username
		 * @param password the password
		 * @return this builder
		 */
		Builder basicAuth(String username, String password);

		/**
		 * Authenticate with a bearer token.
		 * @param token the token
		 * @return this builder
		 */
		Builder bearerToken(String token);

		/**
		 * Set the connect timeout of the transports the builder creates. For HTTP, this
		 * makes the client use a JDK {@code HttpClient} request factory with this connect
		 * timeout and {@link #timeout(Duration)} as read timeout, instead of the request
		 * factory of the {@link #restClientBuilder(RestClient.Builder)
		 * RestClient.Builder}. A timeout longer than {@link Long#MAX_VALUE} nanoseconds
		 * is capped at that, as {@link #timeout(Duration)} is.
		 * @param connectTimeout the timeout
		 * @return this builder
		 */
		Builder connectTimeout(Duration connectTimeout);

		/**
		 * Set how long to wait for a response; defaults to 30 seconds. Blocking HTTP
		 * calls run on the caller's thread, bounded by the HTTP read timeout: this
		 * timeout unless an application {@code RestClient.Builder} without a
		 * {@link #connectTimeout(Duration) connect timeout} brings its own request
		 * factory. A timeout longer than {@link Long#MAX_VALUE} nanoseconds (about 292
		 * years, e.g. {@code ChronoUnit.FOREVER.getDuration()}) is capped at that, in
		 * effect no timeout, for the client's own waits and the HTTP read timeout alike.
		 * @param timeout the timeout
		 * @return this builder
		 */
		Builder timeout(Duration timeout);

		/**
		 * Set the reconnect backoff of WebSocket transports: the first retry waits
		 * {@code initial}, each further one twice as long, at most {@code max}.
		 * @param initial the first delay
		 * @param max the largest delay
		 * @return this builder
		 */
		Builder reconnectBackoff(Duration initial, Duration max);

		/**
		 * Map an error code to an application exception. The factory gets the
		 * {@link JsonRpcClientException}; nothing sent by the server ever names a class
		 * to instantiate.
		 * @param code the error code
		 * @param factory creates the exception to throw instead
		 * @return this builder
		 */
		Builder errorMapping(int code, Function<? super JsonRpcClientException, ? extends RuntimeException> factory);

		/**
		 * Set the methods used to subscribe and unsubscribe; defaults to
		 * {@code subscribe}/{@code unsubscribe} ({@code rpc.on}/{@code rpc.off} for
		 * rpc-websockets servers).
		 * @param subscribe the subscribe method
		 * @param unsubscribe the unsubscribe method
		 * @return this builder
		 */
		Builder subscriptionMethods(String subscribe, String unsubscribe);

		/**
		 * Set how many bytes of items a {@link Flow.Publisher} of this client holds for
		 * its subscriber, received and not yet delivered (whether requested or not): the
		 * items of one {@link RequestSpec#stream(Class) streamed result} or the
		 * notifications of one {@link #subscribe(String, Class) subscription}, each
		 * counted at the size of the message that carried it (as received) plus 64 bytes.
		 * The items of a result the server returned whole (not streamed) are not counted:
		 * they are already in memory and handed to the subscriber as it requests them.
		 * Beyond it the call is cancelled (or the subscription ended) and the subscriber
		 * gets a {@link JsonRpcTransportException}: the thread that reads the connection
		 * detects it, so a subscriber that blocks in {@code onNext} cannot make anything
		 * grow. One item is always held, whatever its size. The same limit bounds the
		 * notifications waiting for their {@link #onNotification listeners}: beyond it
		 * they are dropped (logged). 1 MiB by default.
		 * @param maxBufferedBytes the limit in bytes, positive
		 * @return this builder
		 */
		Builder maxBufferedBytes(long maxBufferedBytes);

		/**
		 * Set where the client delivers what the server sends on its own, so that the
		 * thread that reads the connection does not wait for it: the items of
		 * {@link RequestSpec#stream(Class) streamed results} and the notifications of
		 * {@link #subscribe(String, Class) topic publishers} to their
		 * {@link Flow.Subscriber}s (one task at a time per subscriber, which may block
		 * one of the executor's threads but never the connection), and notification
		 * listeners and {@link #handler(Object) handlers} (one at a time, in the order
		 * received). By default a pool of at most 16 daemon threads owned by the client
		 * ({@code jsonrpc-client-delivery-N}, made when needed, ended after a minute idle
		 * or when the client closes): up to 15 subscribers, listeners or handlers may
		 * block at once and the others are still delivered; while all 16 threads are
		 * blocked, other deliveries wait (bounded by their buffers, nothing queues
		 * without bound) until one returns. An executor set here is not shut down by the
		 * client; with a bounded one the same holds for its number of threads.
		 * <p>
		 * The reading thread still runs some application code, which must not block:
		 * dependents of the futures of {@code retrieveAsync} and {@code exchange} (it
		 * completes them; use {@code thenAcceptAsync(action, executor)} to leave it), the
		 * handling of a streamed call's final result, the conversion of streamed items
		 * and topic notifications to the subscriber's type, and the client interceptors
		 * of the {@code unsubscribe} sent when a topic subscriber's buffer overflows. A
		 * blocking call in such a dependent (e.g. {@code retrieve} inside
		 * {@code thenAccept}) blocks the reader until its timeout. An executor that runs
		 * tasks on the caller ({@code Runnable::run}, {@code CallerRunsPolicy}) puts
		 * listeners, handlers and subscribers on the reading thread too.
		 * @param deliveryExecutor the executor
		 * @return this builder
		 */
		Builder deliveryExecutor(Executor deliveryExecutor);

		/**
		 * Set how many calls of the server the {@link #handler(Object) handlers} answer
		 * at once: waiting for the handler before them, running, or waiting for their
		 * future. A call beyond it is answered at once with {@code -32005} "Too many
		 * calls of the server in flight on this client (at most N)", the code the server
		 * uses for calls over its own in-flight limit. Defaults to 64.
		 * @param maxPendingServerCalls the most pending calls, positive
		 * @return this builder
		 */
		Builder maxPendingServerCalls(int maxPendingServerCalls);

		/**
		 * Set how long a call of the server may stay pending on this client (waiting for
		 * the handler before it, running, or waiting for its future) before it is
		 * answered with {@code -32005} "Call of the server timed out on this client"
		 * (data {@code {"reason":"timeout"}}, as the server answers a method over its
		 * timeout) and its slot is freed: a handler whose future never completes cannot
		 * hold a slot for ever. The handler's late result is dropped; a call that times
		 * out before its handler started does not run. A handler that blocks its thread
		 * is not interrupted: it still holds the {@link #deliveryExecutor delivery} lane.
		 * Defaults to the {@link #timeout timeout} of the client's own calls (30 seconds
		 * unless set). A timeout longer than {@link Long#MAX_VALUE} nanoseconds (about
		 * 292 years, e.g. {@code ChronoUnit.FOREVER.getDuration()}) is capped at that,
		 * which in effect is no timeout: a handler whose future never completes then
		 * holds its slot for ever.
		 * @param serverCallTimeout the timeout, positive
		 * @return this builder
		 */
		Builder serverCallTimeout(Duration serverCallTimeout);

		/**
		 * Answer the server's calls over a persistent connection (WebSocket) with the
		 * {@code @JsonRpcMethod} methods of an object, declared and bound as on a server:
		 * an unknown method is answered with {@code -32601}, a failing one with
		 * {@code -32603} (or the code of a {@code JsonRpcException}), without details.
		 * Notifications of the server that no {@link #onNotification listener} takes go
		 * to these methods too. Methods run on the {@link #deliveryExecutor delivery
		 * executor}, one at a time and in order with notifications: a method that waits
		 * for something should return a {@code CompletableFuture}. At most
		 * {@link #maxPendingServerCalls(int) maxPendingServerCalls} (64 by default) calls
		 * of the server are pending at once (waiting, running, or waiting for their
		 * future); more are answered with {@code -32005} at once, as the server answers
		 * calls over its in-flight limit. A call not answered within the
		 * {@link #serverCallTimeout(Duration) server call timeout} is answered with
		 * {@code -32005} too. Without handlers, every call of the server is answered with
		 * {@code -32601}.
		 * @param service the object
		 * @return this builder
		 */
		Builder handler(Object service);

		/**
		 * Answer the server's calls of a method with a function, e.g.
		 * {@code handler("confirm", String.class, (question) -> true)}.
		 * @param <P> the params type
		 * @param method the method name
		 * @param paramsType the params type: a record binds named or positional params to
		 * its components, an array, collection, map or {@code JsonNode} receives the
		 * whole params, a scalar type is the one parameter
		 * @param function the function; a returned {@code CompletableFuture} is awaited
		 * @return this builder
		 * @see #handler(Object)
		 */
		<P> Builder handler(String method, Class<P> paramsType,
				Function<? super P, ? extends @Nullable Object> function);

		/**
		 * Build the client.
		 * @return the client
		 */
		JsonRpcClient build();

	}

}
