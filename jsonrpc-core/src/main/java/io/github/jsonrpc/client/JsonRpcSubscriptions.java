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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.github.jsonrpc.protocol.JsonRpcError;
import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcLogText;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Listeners of server notifications by method, and the topics subscribed on the server,
 * renewed after a reconnect.
 *
 * <p>
 * The transport calls it on the thread that reads the connection, which it never blocks:
 * the publishers of topics take their notifications there (into their own buffer, bounded
 * in bytes), while listeners and handlers run on a {@link SerialLane}, one at a time, in
 * the order received. The lane holds at most the client's buffer limit of waiting
 * notifications (beyond it they are dropped and logged) and the client at most a number
 * of calls of the server (beyond it they are answered with {@code -32005}, like calls
 * over a server connection's in-flight limit), each for at most the server call timeout
 * (then it is answered with {@code -32005} and its slot freed).
 *
 * <p>
 * Every task on the lane is charged its message's size plus {@value #TASK_OVERHEAD}
 * bytes, so that no task is free: a notification that came without its size (the
 * one-argument {@link JsonRpcTransport.Listener#onNotification(JsonRpcRequest)} of a
 * custom transport) is charged the size of its method and params serialized once with the
 * client's mapper. A listener never runs after its subscription's {@code close()}
 * returned, also when a notification for it waited on the lane. Text the server chose
 * (method names, topics) is escaped in log lines.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class JsonRpcSubscriptions implements JsonRpcTransport.Listener {

	private static final Log logger = LogFactory.getLog(JsonRpcSubscriptions.class);

	/** Bytes charged on the lane for each task on top of its message's size. */
	static final long TASK_OVERHEAD = 64;

	/** Completes a call of the server whose timeout expired before it was answered. */
	private static final JsonRpcResponse EXPIRED = JsonRpcResponse.failure(JsonRpcId.NULL,
			JsonRpcError.standard(JsonRpcErrorCodes.INTERNAL_ERROR));

	/** Bytes of the envelope around method and params of a message of unknown size. */
	private static final long ENVELOPE_BYTES = 40;

	private final DefaultJsonRpcClient client;

	private final String subscribeMethod;

	private final String unsubscribeMethod;

	private final Map<String, List<Listening>> listeners = new ConcurrentHashMap<>();

	/** Topics subscribed on the server, with the number of local subscriptions. */
	private final Map<String, Integer> topics = new ConcurrentHashMap<>();

	private final @Nullable JsonRpcClientHandler handler;

	private final SerialLane lane;

	private final int maxPendingCalls;

	private final Duration callTimeout;

	private final ServerCallTimer callTimer;

	private final AtomicInteger pendingCalls = new AtomicInteger();

	private final AtomicBoolean dropping = new AtomicBoolean();

	JsonRpcSubscriptions(DefaultJsonRpcClient client, String subscribeMethod, String unsubscribeMethod,
			@Nullable JsonRpcClientHandler handler, SerialLane lane, int maxPendingCalls, Duration callTimeout,
			ServerCallTimer callTimer) {
		this.client = client;
		this.subscribeMethod = subscribeMethod;
		this.unsubscribeMethod = unsubscribeMethod;
		this.handler = handler;
		this.lane = lane;
		this.maxPendingCalls = maxPendingCalls;
		this.callTimeout = callTimeout;
		this.callTimer = callTimer;
	}

	<T> JsonRpcSubscription listen(String method, Class<T> type, Consumer<? super T> listener) {
		return listen(method, new Listening((params, bytes) -> listener.accept(convert(params, type)), false));
	}

	private <T> @Nullable T convert(JsonNode params, Class<T> type) {
		return this.client.convertPayload(params.isMissingNode() ? null : params, type);
	}

	private JsonRpcSubscription listen(String method, Listening listening) {
		this.listeners.computeIfAbsent(method, (key) -> new CopyOnWriteArrayList<>()).add(listening);
		return () -> {
			// a delivery already on the lane checks this when it runs
			listening.active = false;
			List<Listening> forMethod = this.listeners.get(method);
			if (forMethod != null) {
				forMethod.remove(listening);
			}
		};
	}

	<T> JsonRpcSubscription subscribe(String topic, Class<T> type, Consumer<? super T> listener) {
		return subscribe(topic, new Listening((params, bytes) -> listener.accept(convert(params, type)), false));
	}

	/**
	 * Subscribe to a topic with a consumer that takes each notification on the thread
	 * that reads the connection, with the size of its message; it must not block.
	 * @param topic the topic
	 * @param notifications takes the params of each notification (may be a JSON null)
	 * @return the subscription
	 */
	JsonRpcSubscription subscribeDirect(String topic, JsonRpcTransport.ItemConsumer notifications) {
		return subscribe(topic, new Listening(notifications, true));
	}

	private JsonRpcSubscription subscribe(String topic, Listening listening) {
		// listen first: the server may notify right after answering the subscribe call
		JsonRpcSubscription registration = listen(topic, listening);
		try {
			if (this.topics.merge(topic, 1, Integer::sum) == 1) {
				JsonNode result = this.client.method(this.subscribeMethod).params(topic).retrieve(JsonNode.class);
				checkNotRefused(topic, result);
			}
		}
		catch (RuntimeException ex) {
			registration.close();
			this.topics.computeIfPresent(topic, (key, count) -> (count > 1) ? count - 1 : null);
			throw ex;
		}
		boolean[] closed = new boolean[1];
		return () -> {
			synchronized (closed) {
				if (closed[0]) {
					return;
				}
				closed[0] = true;
			}
			registration.close();
			Integer left = this.topics.computeIfPresent(topic, (key, count) -> (count > 1) ? count - 1 : null);
			if (left == null) {
				// closing must not throw: a failed unsubscribe is only logged
				this.client.method(this.unsubscribeMethod)
					.params(topic)
					.retrieveAsync(JsonNode.class)
					.whenComplete((result, ex) -> {
						if (ex != null && logger.isDebugEnabled()) {
							logger.debug("Could not unsubscribe from '" + JsonRpcLogText.escape(topic) + "': "
									+ JsonRpcLogText.escape(ex.getMessage()));
						}
					});
			}
		};
	}

	/**
	 * Fail when the result refuses the subscription the way rpc-websockets does: a
	 * successful response mapping the topic to a reason other than {@code "ok"} (e.g.
	 * {@code {"news":"provided event invalid"}}). Without this check, a refused topic
	 * would look subscribed but never deliver.
	 */
	private void checkNotRefused(String topic, @Nullable JsonNode result) {
		JsonNode status = (result != null && result.isObject()) ? result.get(topic) : null;
		if (status != null && status.isString() && !"ok".equals(status.stringValue())) {
			String reason = status.stringValue();
			// data as a tree, like the data of an error the server sent
			JsonNode data = this.client.mapper().valueToTree(Map.of("topic", topic, "reason", reason));
			JsonRpcError error = JsonRpcError.of(JsonRpcErrorCodes.INVALID_PARAMS,
					"Subscription to '" + topic + "' refused: " + reason, data);
			throw new JsonRpcClientException(error, this.subscribeMethod, null);
		}
	}

	@Override
	public void onNotification(JsonRpcRequest notification) {
		onNotification(notification, estimateBytes(notification));
	}

	/**
	 * Estimate the size of a message whose size the transport did not give: its method
	 * and params serialized once with the client's mapper, plus the envelope.
	 * @param message the message
	 * @return the estimated bytes
	 */
	long estimateBytes(JsonRpcRequest message) {
		long bytes = ENVELOPE_BYTES + message.method().length() * 3L;
		JsonNode params = message.params();
		if (params != null) {
			try {
				bytes += this.client.mapper().writeValueAsBytes(params).length;
			}
			catch (RuntimeException ex) {
				// a tree always serializes; if not, charge the limit rather than nothing
				return this.client.maxBufferedBytes();
			}
		}
		return bytes;
	}

	@Override
	public void onNotification(JsonRpcRequest notification, long messageBytes) {
		List<Listening> forMethod = this.listeners.get(notification.method());
		if (forMethod == null || forMethod.isEmpty()) {
			JsonRpcClientHandler current = this.handler;
			if (current != null) {
				// no listener: the handlers' methods may take it (no response either way)
				queue(notification, messageBytes, () -> handle(current, notification));
			}
			else if (logger.isDebugEnabled()) {
				logger.debug("No listener for notification '" + JsonRpcLogText.escape(notification.method()) + "'");
			}
			return;
		}
		JsonNode params = notification.params();
		// absent params as the missing node, which listeners get as null
		JsonNode payload = (params != null) ? params : MissingNode.getInstance();
		List<Listening> queued = new ArrayList<>();
		for (Listening listening : forMethod) {
			if (listening.direct) {
				// a publisher's buffer, bounded in bytes: never blocks
				deliver(notification, listening, payload, messageBytes);
			}
			else {
				queued.add(listening);
			}
		}
		if (!queued.isEmpty()) {
			queue(notification, messageBytes,
					() -> queued.forEach((listening) -> deliver(notification, listening, payload, messageBytes)));
		}
	}

	private void deliver(JsonRpcRequest notification, Listening listening, JsonNode payload, long messageBytes) {
		if (!listening.active) {
			// its subscription was closed while the notification waited
			return;
		}
		try {
			listening.consumer.accept(payload, messageBytes);
		}
		catch (RuntimeException ex) {
			logger.warn("Listener of notification '" + JsonRpcLogText.escape(notification.method()) + "' failed", ex);
		}
	}

	private void queue(JsonRpcRequest notification, long messageBytes, Runnable task) {
		if (this.lane.offer(task, messageBytes + TASK_OVERHEAD)) {
			this.dropping.set(false);
			return;
		}
		// once per run of drops, then quietly: a slow listener must not flood the log
		if (this.dropping.compareAndSet(false, true)) {
			logger.warn("Dropping notifications (first: '" + JsonRpcLogText.escape(notification.method())
					+ "'): listeners are slow and " + "more than " + this.client.maxBufferedBytes()
					+ " bytes of notifications wait for them");
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("Dropped notification '" + JsonRpcLogText.escape(notification.method()) + "'");
		}
	}

	@Override
	public CompletableFuture<@Nullable JsonRpcResponse> onRequest(JsonRpcRequest request) {
		return onRequest(request, estimateBytes(request));
	}

	/**
	 * Take a call of the server, charged on the lane at the size of the message that
	 * carried it plus {@value #TASK_OVERHEAD} bytes. Its slot is held until it is
	 * answered: by the handler, or with {@code -32005} when the call timeout expires
	 * first (a late answer of the handler is dropped, and a call still waiting on the
	 * lane does not run).
	 * @param request the call
	 * @param messageBytes the size of its message
	 * @return the answer, completed when the handler answered or the timeout expired
	 */
	CompletableFuture<@Nullable JsonRpcResponse> onRequest(JsonRpcRequest request, long messageBytes) {
		JsonRpcClientHandler current = this.handler;
		if (current == null) {
			return JsonRpcTransport.Listener.super.onRequest(request);
		}
		if (this.pendingCalls.incrementAndGet() > this.maxPendingCalls) {
			this.pendingCalls.decrementAndGet();
			return CompletableFuture.completedFuture(tooBusy(request));
		}
		CompletableFuture<@Nullable JsonRpcResponse> answer = new CompletableFuture<>();
		answer.whenComplete((response, ex) -> this.pendingCalls.decrementAndGet());
		// cancelled with its timer once answered: nothing is held after the answer
		this.callTimer.arm(answer, EXPIRED);
		// in order with notifications, never on the thread that reads the connection
		boolean queued = this.lane.offer(() -> answerWith(current, request, answer), messageBytes + TASK_OVERHEAD);
		if (!queued) {
			answer.complete(tooBusy(request));
		}
		return answer.thenApply((response) -> (response != EXPIRED) ? response : timedOut(request));
	}

	private void answerWith(JsonRpcClientHandler current, JsonRpcRequest request,
			CompletableFuture<@Nullable JsonRpcResponse> answer) {
		if (answer.isDone()) {
			// timed out while waiting on the lane: the server has its answer
			return;
		}
		handle(current, request).whenComplete((response, ex) -> {
			if (ex != null) {
				answer.completeExceptionally(ex);
			}
			else {
				answer.complete(response);
			}
		});
	}

	private @Nullable JsonRpcResponse timedOut(JsonRpcRequest request) {
		logger.warn("Call '" + JsonRpcLogText.escape(request.method()) + "' of the server not answered within "
				+ this.callTimeout + ": answered with " + JsonRpcErrorCodes.LIMIT_EXCEEDED);
		if (request.isNotification()) {
			return null;
		}
		JsonNode data = this.client.mapper().createObjectNode().put("reason", "timeout");
		return JsonRpcResponse.failure(request.responseId(), new JsonRpcError(JsonRpcErrorCodes.LIMIT_EXCEEDED,
				"Call of the server timed out on this client", data));
	}

	private @Nullable JsonRpcResponse tooBusy(JsonRpcRequest request) {
		return request.isNotification() ? null
				: JsonRpcResponse.failure(request.responseId(), new JsonRpcError(JsonRpcErrorCodes.LIMIT_EXCEEDED,
						"Too many calls of the server in flight on this client (at most " + this.maxPendingCalls + ")",
						null));
	}

	private CompletableFuture<@Nullable JsonRpcResponse> handle(JsonRpcClientHandler current, JsonRpcRequest request) {
		try {
			return current.handle(request);
		}
		catch (RuntimeException ex) {
			logger.warn("Handler of method '" + JsonRpcLogText.escape(request.method()) + "' failed", ex);
			return CompletableFuture.completedFuture(request.isNotification() ? null : JsonRpcResponse
				.failure(request.responseId(), JsonRpcError.standard(JsonRpcErrorCodes.INTERNAL_ERROR)));
		}
	}

	@Override
	public void onReconnect() {
		List<String> subscribed = new ArrayList<>(this.topics.keySet());
		if (subscribed.isEmpty()) {
			return;
		}
		this.client.method(this.subscribeMethod)
			.params(subscribed.toArray())
			.retrieveAsync(JsonNode.class)
			.whenComplete((result, ex) -> {
				if (ex != null) {
					logger.warn("Could not subscribe again to " + JsonRpcLogText.escape(subscribed)
							+ " after reconnecting: " + JsonRpcLogText.escape(ex.getMessage()));
				}
				else if (logger.isDebugEnabled()) {
					logger.debug("Subscribed again to " + JsonRpcLogText.escape(subscribed) + " after reconnecting");
				}
			});
	}

	/**
	 * A listener of a method's notifications: run on the thread that reads the connection
	 * ({@code direct}) or on the lane; no longer {@code active} once its subscription is
	 * closed.
	 */
	private static final class Listening {

		final JsonRpcTransport.ItemConsumer consumer;

		final boolean direct;

		volatile boolean active = true;

		Listening(JsonRpcTransport.ItemConsumer consumer, boolean direct) {
			this.consumer = consumer;
			this.direct = direct;
		}

	}

}
