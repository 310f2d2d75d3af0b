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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.github.jsonrpc.protocol.JsonRpcError;
import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Listeners of server notifications by method, and the topics subscribed on the server,
 * renewed after a reconnect.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class JsonRpcSubscriptions implements JsonRpcTransport.Listener {

	private static final Log logger = LogFactory.getLog(JsonRpcSubscriptions.class);

	private final DefaultJsonRpcClient client;

	private final String subscribeMethod;

	private final String unsubscribeMethod;

	private final Map<String, List<Consumer<JsonNode>>> listeners = new ConcurrentHashMap<>();

	/** Topics subscribed on the server, with the number of local subscriptions. */
	private final Map<String, Integer> topics = new ConcurrentHashMap<>();

	private final @Nullable JsonRpcClientHandler handler;

	JsonRpcSubscriptions(DefaultJsonRpcClient client, String subscribeMethod, String unsubscribeMethod,
			@Nullable JsonRpcClientHandler handler) {
		this.client = client;
		this.subscribeMethod = subscribeMethod;
		this.unsubscribeMethod = unsubscribeMethod;
		this.handler = handler;
	}

	<T> JsonRpcSubscription listen(String method, Class<T> type, Consumer<? super T> listener) {
		Consumer<JsonNode> adapter = (params) -> listener.accept(this.client.convertPayload(params, type));
		this.listeners.computeIfAbsent(method, (key) -> new CopyOnWriteArrayList<>()).add(adapter);
		return () -> {
			List<Consumer<JsonNode>> forMethod = this.listeners.get(method);
			if (forMethod != null) {
				forMethod.remove(adapter);
			}
		};
	}

	<T> JsonRpcSubscription subscribe(String topic, Class<T> type, Consumer<? super T> listener) {
		// listen first: the server may notify right after answering the subscribe call
		JsonRpcSubscription registration = listen(topic, type, listener);
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
							logger.debug("Could not unsubscribe from '" + topic + "'", ex);
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
		List<Consumer<JsonNode>> forMethod = this.listeners.get(notification.method());
		if (forMethod == null || forMethod.isEmpty()) {
			if (this.handler != null) {
				// no listener: the handlers' methods may take it (no response either way)
				onRequest(notification);
			}
			else if (logger.isDebugEnabled()) {
				logger.debug("No listener for notification '" + notification.method() + "'");
			}
			return;
		}
		for (Consumer<JsonNode> listener : forMethod) {
			try {
				listener.accept(notification.params());
			}
			catch (RuntimeException ex) {
				logger.warn("Listener of notification '" + notification.method() + "' failed", ex);
			}
		}
	}

	@Override
	public CompletableFuture<@Nullable JsonRpcResponse> onRequest(JsonRpcRequest request) {
		if (this.handler == null) {
			return JsonRpcTransport.Listener.super.onRequest(request);
		}
		try {
			return this.handler.handle(request);
		}
		catch (RuntimeException ex) {
			logger.warn("Handler of method '" + request.method() + "' failed", ex);
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
					logger.warn("Could not subscribe again to " + subscribed + " after reconnecting", ex);
				}
				else if (logger.isDebugEnabled()) {
					logger.debug("Subscribed again to " + subscribed + " after reconnecting");
				}
			});
	}

}
