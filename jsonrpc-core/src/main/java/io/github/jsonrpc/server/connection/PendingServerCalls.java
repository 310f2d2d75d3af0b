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

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;

import io.github.jsonrpc.protocol.JsonRpcEncodedMessage;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcLogText;
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import io.github.jsonrpc.server.JsonRpcSessionCallException;
import io.github.jsonrpc.server.JsonRpcSessionClosedException;

/**
 * The calls a connection made to its client and waits for: ids of the server's own
 * ({@code srv-<n>}), a bounded count, a timeout per call, and the matching of the
 * client's responses. Futures complete on the connection's executor, never on the thread
 * that reads the connection.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class PendingServerCalls {

	private static final Log logger = LogFactory.getLog(PendingServerCalls.class);

	/** Prefix of the ids of server calls: strings, never mistaken for a client's. */
	static final String ID_PREFIX = "srv-";

	private final String sessionId;

	private final JsonRpcMessageCodec codec;

	private final int maxPending;

	private final Duration defaultTimeout;

	private final Executor executor;

	private final Map<JsonRpcId, Pending> pending = new ConcurrentHashMap<>();

	private final AtomicInteger count = new AtomicInteger();

	private final AtomicLong ids = new AtomicLong();

	private volatile boolean closed;

	PendingServerCalls(String sessionId, JsonRpcMessageCodec codec, int maxPending, Duration defaultTimeout,
			Executor executor) {
		this.sessionId = sessionId;
		this.codec = codec;
		this.maxPending = maxPending;
		this.defaultTimeout = defaultTimeout;
		this.executor = executor;
	}

	/**
	 * Make a call: register it, then send it.
	 * @param send queues the encoded request, {@code false} when the connection is closed
	 * or could not take it
	 */
	<T> CompletableFuture<T> call(String method, @Nullable Object params, Type resultType, @Nullable Duration timeout,
			Predicate<JsonRpcEncodedMessage> send) {
		if (this.closed) {
			return CompletableFuture.failedFuture(closed(method));
		}
		// before the call is counted: saturates where Duration.toNanos() throws
		// (ChronoUnit.FOREVER), which would leave the call registered for good
		long waitNanos = TimeUnit.NANOSECONDS.convert((timeout != null) ? timeout : this.defaultTimeout);
		if (this.count.incrementAndGet() > this.maxPending) {
			this.count.decrementAndGet();
			return CompletableFuture.failedFuture(new RejectedExecutionException("Session " + this.sessionId
					+ " already waits for " + this.maxPending + " answers of its client (method '" + method + "')"));
		}
		JsonRpcId id = JsonRpcId.of(ID_PREFIX + this.ids.incrementAndGet());
		JsonRpcEncodedMessage request;
		JavaType type;
		try {
			request = this.codec.encodeCall(id, method, params);
			type = this.codec.mapper().constructType(resultType);
		}
		catch (RuntimeException ex) {
			this.count.decrementAndGet();
			return CompletableFuture.failedFuture(ex);
		}
		CompletableFuture<T> result = new CompletableFuture<>();
		Pending call = new Pending(method, type, result);
		this.pending.put(id, call);
		// completed by the answer (on the thread reading the connection), the timeout (on
		// the JDK's timer thread), the close or the caller's cancel: the id is forgotten
		// in every case, so that a late answer is dropped, and the caller's future is
		// completed on the executor, so that its stages never run on those threads
		call.answer().whenComplete((response, ex) -> {
			if (this.pending.remove(id, call)) {
				this.count.decrementAndGet();
			}
			runOnExecutor(() -> call.deliver(response, ex, this.codec));
		});
		result.whenComplete((value, ex) -> {
			if (result.isCancelled()) {
				call.answer().cancel(false);
			}
		});
		// the timeout runs on a future of its own, completed normally when the call ends:
		// that takes its task off the JDK's timer at once, where an orTimeout on the
		// answer stays queued until the timeout when a close or a cancel completes the
		// answer exceptionally (JDK 17 before 17.0.14, JDK-8303742)
		CompletableFuture<Void> timer = new CompletableFuture<Void>().orTimeout(waitNanos, TimeUnit.NANOSECONDS);
		timer.whenComplete((none, timedOut) -> {
			if (timedOut != null) {
				call.answer().completeExceptionally(timedOut);
			}
		});
		call.answer().whenComplete((response, ex) -> timer.complete(null));
		// a close between the check above and the put must not leave the call waiting
		if (this.closed || !send.test(request)) {
			call.answer().completeExceptionally(closed(method));
		}
		return result;
	}

	/**
	 * Complete the call a response of the client answers.
	 * @param response the response
	 * @return {@code false} if no call waits for it (unknown id, timed out)
	 */
	boolean complete(JsonRpcResponse response) {
		Pending call = this.pending.get(response.id());
		if (call == null) {
			if (logger.isDebugEnabled()) {
				logger.debug("Dropping an answer of session " + this.sessionId + " to no pending call: id "
						+ JsonRpcLogText.escape(response.id()));
			}
			return false;
		}
		return call.answer().complete(response);
	}

	/**
	 * Fail every pending call: the connection closed.
	 */
	void close() {
		this.closed = true;
		for (Pending call : new ArrayList<>(this.pending.values())) {
			call.answer().completeExceptionally(closed(call.method()));
		}
	}

	int size() {
		return this.count.get();
	}

	private JsonRpcSessionClosedException closed(String method) {
		return new JsonRpcSessionClosedException(
				"Session " + this.sessionId + " closed before its client answered '" + method + "'");
	}

	private void runOnExecutor(Runnable action) {
		try {
			this.executor.execute(action);
		}
		catch (RejectedExecutionException ex) {
			action.run();
		}
	}

	/**
	 * One call waiting for its answer.
	 */
	private static final class Pending {

		private final String method;

		private final JavaType type;

		private final CompletableFuture<JsonRpcResponse> answer = new CompletableFuture<>();

		private final CompletableFuture<Object> result;

		@SuppressWarnings("unchecked")
		Pending(String method, JavaType type, CompletableFuture<?> result) {
			this.method = method;
			this.type = type;
			// the caller's future of T: completed with a value converted to T only
			this.result = (CompletableFuture<Object>) result;
		}

		String method() {
			return this.method;
		}

		CompletableFuture<JsonRpcResponse> answer() {
			return this.answer;
		}

		void deliver(@Nullable JsonRpcResponse response, @Nullable Throwable failure, JsonRpcMessageCodec codec) {
			if (failure != null) {
				this.result.completeExceptionally(failure);
			}
			else if (response instanceof JsonRpcResponse.Failure error) {
				this.result.completeExceptionally(new JsonRpcSessionCallException(this.method, error.error()));
			}
			else if (response instanceof JsonRpcResponse.Success success) {
				convert(success.result(), codec);
			}
		}

		private void convert(@Nullable Object value, JsonRpcMessageCodec codec) {
			try {
				this.result.complete((value != null) ? codec.mapper().treeToValue((JsonNode) value, this.type) : null);
			}
			catch (RuntimeException ex) {
				this.result.completeExceptionally(new IllegalArgumentException(
						"Cannot read the result of '" + this.method + "' as " + this.type, ex));
			}
		}

	}

}
