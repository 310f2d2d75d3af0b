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

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import io.github.jsonrpc.protocol.JsonRpcError;
import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Default implementation of {@link JsonRpcClient}.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class DefaultJsonRpcClient implements JsonRpcClient, JsonRpcBatchResponse.ResultConverter {

	/** Bytes of items one publisher holds for its subscriber by default: 1 MiB. */
	static final long DEFAULT_MAX_BUFFERED_BYTES = 1024 * 1024;

	/**
	 * Calls of the server being answered at once by default (waiting for a handler,
	 * running, or waiting for its future); more are answered with {@code -32005} at once.
	 */
	static final int DEFAULT_MAX_PENDING_SERVER_CALLS = 64;

	/**
	 * Threads of the default delivery executor: as many subscribers, listeners and
	 * handlers may block at once before other deliveries wait for one of them.
	 */
	static final int DEFAULT_DELIVERY_THREADS = 16;

	private final JsonRpcMessageCodec codec;

	private final JsonRpcTransport transport;

	private final JsonRpcIdGenerator idGenerator;

	private final JsonRpcClientInterceptor.Chain asyncChain;

	private final List<JsonRpcClientInterceptor> interceptors;

	private final Duration timeout;

	private final Map<Integer, Function<? super JsonRpcClientException, ? extends RuntimeException>> errorMappings;

	private final JsonRpcSubscriptions subscriptions;

	private final long maxBufferedBytes;

	private final Executor deliveryExecutor;

	private final @Nullable ExecutorService ownedExecutor;

	DefaultJsonRpcClient(JsonRpcMessageCodec codec, JsonRpcTransport transport, JsonRpcIdGenerator idGenerator,
			List<JsonRpcClientInterceptor> interceptors, Duration timeout,
			Map<Integer, Function<? super JsonRpcClientException, ? extends RuntimeException>> errorMappings,
			String subscribeMethod, String unsubscribeMethod, @Nullable JsonRpcClientHandler handler,
			long maxBufferedBytes, @Nullable Executor deliveryExecutor, int maxPendingServerCalls,
			Duration serverCallTimeout, ServerCallTimer serverCallTimer) {
		this.codec = codec;
		this.transport = transport;
		this.idGenerator = idGenerator;
		this.timeout = timeout;
		this.errorMappings = Map.copyOf(errorMappings);
		this.asyncChain = chain(interceptors, this::sendAsync);
		this.interceptors = List.copyOf(interceptors);
		this.maxBufferedBytes = maxBufferedBytes;
		if (deliveryExecutor != null) {
			this.deliveryExecutor = deliveryExecutor;
			this.ownedExecutor = null;
		}
		else {
			ExecutorService owned = defaultDeliveryExecutor();
			this.deliveryExecutor = owned;
			this.ownedExecutor = owned;
		}
		this.subscriptions = new JsonRpcSubscriptions(this, subscribeMethod, unsubscribeMethod, handler,
				new SerialLane(this.deliveryExecutor, maxBufferedBytes), maxPendingServerCalls, serverCallTimeout,
				serverCallTimer);
		transport.setListener(this.subscriptions);
	}

	/**
	 * The executor of a client built without one: at most
	 * {@value #DEFAULT_DELIVERY_THREADS} daemon threads, made when needed and ended after
	 * a minute idle. Its queue holds drains, not items: each subscriber and the lane of
	 * listeners and handlers has at most one task queued or running, so the queue is
	 * bounded by the number of subscriptions, and what they wait for by their buffers.
	 * Deliveries wait in the queue only while every thread is held by a blocking
	 * subscriber, listener or handler.
	 */
	private static ExecutorService defaultDeliveryExecutor() {
		AtomicInteger threads = new AtomicInteger();
		ThreadPoolExecutor executor = new ThreadPoolExecutor(DEFAULT_DELIVERY_THREADS, DEFAULT_DELIVERY_THREADS, 1,
				TimeUnit.MINUTES, new LinkedBlockingQueue<>(), (task) -> {
					Thread thread = new Thread(task, "jsonrpc-client-delivery-" + threads.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		executor.allowCoreThreadTimeOut(true);
		return executor;
	}

	private static JsonRpcClientInterceptor.Chain chain(List<JsonRpcClientInterceptor> interceptors,
			JsonRpcClientInterceptor.Chain transport) {
		// fold from the innermost: the first interceptor ends up outermost
		JsonRpcClientInterceptor.Chain chain = transport;
		for (int i = interceptors.size() - 1; i >= 0; i--) {
			chain = interceptors.get(i).apply(chain);
		}
		return chain;
	}

	@Override
	public RequestSpec method(String method) {
		return new DefaultRequestSpec(this, method);
	}

	@Override
	public BatchSpec batch() {
		return new DefaultBatchSpec(this);
	}

	@Override
	public CompletableFuture<List<JsonRpcResponse>> exchange(JsonRpcClientRequest request) {
		return this.asyncChain.next(request);
	}

	@Override
	public <T> JsonRpcSubscription subscribe(String topic, Class<T> type, Consumer<? super T> listener) {
		return this.subscriptions.subscribe(topic, type, listener);
	}

	@Override
	public <T> Flow.Publisher<T> subscribe(String topic, Class<T> type) {
		return new JsonRpcSubscriptionPublisher<>(this, topic, type);
	}

	@Override
	public <T> JsonRpcSubscription onNotification(String method, Class<T> type, Consumer<? super T> listener) {
		return this.subscriptions.listen(method, type, listener);
	}

	@Override
	public JsonRpcMessageCodec codec() {
		return this.codec;
	}

	@Override
	public void close() {
		this.transport.close();
		if (this.ownedExecutor != null) {
			// what was handed over before still runs, e.g. the failures of open streams
			this.ownedExecutor.shutdown();
		}
	}

	long maxBufferedBytes() {
		return this.maxBufferedBytes;
	}

	JsonRpcSubscriptions subscriptions() {
		return this.subscriptions;
	}

	Executor deliveryExecutor() {
		return this.deliveryExecutor;
	}

	JsonMapper mapper() {
		return this.codec.mapper();
	}

	JsonRpcId nextId() {
		return this.idGenerator.nextId();
	}

	// Sending

	List<JsonRpcResponse> sendAndWait(JsonRpcClientRequest request, @Nullable Duration timeout) {
		Duration wait = (timeout != null) ? timeout : this.timeout;
		CompletableFuture<List<JsonRpcResponse>> responses = chain(this.interceptors,
				(intercepted) -> sendBlocking(intercepted, wait))
			.next(request);
		try {
			// completes on this thread, keeping thread-bound context, unless an
			// interceptor went async
			return responses.get(TimeUnit.NANOSECONDS.convert(wait), TimeUnit.NANOSECONDS);
		}
		catch (java.util.concurrent.TimeoutException ex) {
			responses.cancel(false);
			throw new JsonRpcTransportException("No reply within " + wait + " for " + describe(request), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new JsonRpcTransportException("Interrupted while waiting for " + describe(request), ex);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw JsonRpcTransportException.wrap(ex.getCause());
		}
	}

	CompletableFuture<List<JsonRpcResponse>> sendLater(JsonRpcClientRequest request, @Nullable Duration timeout) {
		Duration wait = (timeout != null) ? timeout : this.timeout;
		// time out the chain's own future: transports clean up pending exchanges on
		// completion
		return this.asyncChain.next(request)
			.orTimeout(TimeUnit.NANOSECONDS.convert(wait), TimeUnit.NANOSECONDS)
			.exceptionally((failure) -> {
				Throwable cause = (failure instanceof java.util.concurrent.CompletionException
						&& failure.getCause() != null) ? failure.getCause() : failure;
				if (cause instanceof java.util.concurrent.TimeoutException) {
					throw new JsonRpcTransportException("No reply within " + wait + " for " + describe(request), cause);
				}
				throw JsonRpcTransportException.wrap(cause);
			});
	}

	private CompletableFuture<List<JsonRpcResponse>> sendBlocking(JsonRpcClientRequest request, Duration timeout) {
		try {
			return CompletableFuture.completedFuture(this.transport.exchangeBlocking(request, timeout));
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	private CompletableFuture<List<JsonRpcResponse>> sendAsync(JsonRpcClientRequest request) {
		try {
			return this.transport.exchange(request);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	private static String describe(JsonRpcClientRequest request) {
		return JsonRpcClientCodec.describe(request);
	}

	JsonRpcTransport transport() {
		return this.transport;
	}

	Duration timeout() {
		return this.timeout;
	}

	// Matching and converting

	/**
	 * Return the response to a call among the responses received.
	 */
	static JsonRpcResponse match(JsonRpcRequest call, List<JsonRpcResponse> responses) {
		String key = key(call.id());
		for (JsonRpcResponse response : responses) {
			if (key(response.id()).equals(key)) {
				return response;
			}
		}
		// an error the server could not attribute (e.g. parse error) answers with a null
		// id
		if (responses.size() == 1 && responses.get(0) instanceof JsonRpcResponse.Failure failure
				&& failure.id().isNull()) {
			return failure;
		}
		throw new JsonRpcTransportException(
				"No response to method '" + call.method() + "' (id " + call.id() + ") in the reply");
	}

	static List<JsonRpcResponse> matchAll(List<JsonRpcRequest> calls, List<JsonRpcResponse> responses) {
		Map<String, JsonRpcResponse> byId = new HashMap<>();
		for (JsonRpcResponse response : responses) {
			byId.put(key(response.id()), response);
		}
		// a batch rejected as a whole (e.g. too large) gets one error with a null id
		JsonRpcResponse.Failure whole = (responses.size() == 1
				&& responses.get(0) instanceof JsonRpcResponse.Failure failure && failure.id().isNull()) ? failure
						: null;
		List<JsonRpcResponse> matched = new ArrayList<>(calls.size());
		for (JsonRpcRequest call : calls) {
			JsonRpcResponse response = byId.get(key(call.id()));
			if (response == null) {
				response = (whole != null) ? whole : JsonRpcResponse.failure(call.responseId(),
						JsonRpcError.of(JsonRpcErrorCodes.INTERNAL_ERROR, "No response received for this call"));
			}
			matched.add(response);
		}
		return matched;
	}

	static String key(@Nullable JsonRpcId id) {
		return (id != null) ? id.value().toString() : "";
	}

	@Override
	public <T> @Nullable T convert(JsonRpcRequest call, JsonRpcResponse response, Function<JsonMapper, JavaType> type) {
		if (response instanceof JsonRpcResponse.Failure failure) {
			throw toException(call, failure.error());
		}
		Object result = ((JsonRpcResponse.Success) response).result();
		JavaType javaType = type.apply(mapper());
		if (result == null || (result instanceof JsonNode node && node.isNull())) {
			return (javaType.getRawClass() == JsonNode.class) ? mapper().convertValue(result, javaType) : null;
		}
		try {
			return mapper().convertValue(result, javaType);
		}
		catch (RuntimeException ex) {
			throw new JsonRpcTransportException("Cannot convert the result of method '" + call.method() + "' to "
					+ javaType + ": " + ex.getMessage(), ex);
		}
	}

	RuntimeException toException(JsonRpcRequest call, JsonRpcError error) {
		JsonRpcClientException exception = new JsonRpcClientException(error, call.method(), call.id());
		Function<? super JsonRpcClientException, ? extends RuntimeException> mapping = this.errorMappings
			.get(error.code());
		if (mapping != null) {
			RuntimeException mapped = mapping.apply(exception);
			if (mapped != null) {
				return mapped;
			}
		}
		return exception;
	}

	<T> @Nullable T convertPayload(@Nullable JsonNode params, Class<T> type) {
		if (params == null) {
			return null;
		}
		return mapper().convertValue(params, type);
	}

}
