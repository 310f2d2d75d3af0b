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

import java.lang.reflect.Type;
import java.security.Principal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

import io.github.jsonrpc.protocol.JsonRpcEncodedMessage;
import io.github.jsonrpc.protocol.JsonRpcId;

/**
 * Contract for a persistent connection to one client (WebSocket today, any transport that
 * keeps a connection open), the one typed place where transports, publish/subscribe and
 * security meet: who the client is, what it may be sent, and what happens when it goes
 * away. Can be declared as a method parameter; it is {@code null} for calls over HTTP.
 *
 * <p>
 * The server can also {@link #call call} the client and wait for its answer.
 *
 * <p>
 * Everything sent to a session (replies, calls, notifications, stream items) goes through
 * one bounded, ordered outbound queue that never blocks the sender; a client that does
 * not read fast enough is disconnected (its transport documents how).
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public interface JsonRpcSession {

	/**
	 * Return the server-assigned id of this session.
	 * @return the id, unique among open sessions
	 */
	String id();

	/**
	 * Return the transport this session is connected through.
	 * @return the transport
	 */
	JsonRpcTransportContext.Transport transport();

	/**
	 * Return the principal later calls on this session run as: the one of the last
	 * {@link #login}, else the one the transport established (e.g. the authenticated
	 * WebSocket handshake), unless the session {@link #logout logged out}.
	 * @return the principal, or {@code null} when anonymous
	 */
	@Nullable Principal principal();

	/**
	 * Make later calls on this session run as a principal, e.g. after {@code rpc.login}.
	 * @param principal the authenticated principal
	 */
	void login(Principal principal);

	/**
	 * Make later calls on this session anonymous, whatever principal the transport
	 * established (e.g. {@code rpc.logout}).
	 */
	void logout();

	/**
	 * Return the application's attributes of this session (e.g. copied from the
	 * handshake). The library itself keeps nothing here.
	 * @return the mutable, thread-safe attributes
	 */
	Map<String, Object> attributes();

	/**
	 * Return whether the connection is still open.
	 * @return {@code true} while open
	 */
	boolean isOpen();

	/**
	 * Send a notification to the client.
	 * @param method the method name of the notification
	 * @param params the params, serialized with the application's mapper; {@code null} to
	 * omit them
	 * @return {@code true} if the notification was queued, {@code false} if the session
	 * is closed or could not take it (and was then closed as a slow consumer)
	 */
	boolean notify(String method, @Nullable Object params);

	/**
	 * Call a method of the client and complete with its result, converted with the
	 * application's mapper, within the session's default timeout
	 * ({@code jsonrpc.websocket.server-request-timeout}).
	 * @param <T> the result type
	 * @param method the method name
	 * @param params the params; a value written as an array or an object is sent as it
	 * is, any other as an array of one; {@code null} to omit them
	 * @param resultType the type of the result
	 * @return the result
	 * @see #call(String, Object, Type, Duration)
	 */
	default <T> CompletableFuture<T> call(String method, @Nullable Object params, Class<T> resultType) {
		return call(method, params, resultType, null);
	}

	/**
	 * Call a method of the client whose result is of a generic type, e.g. {@code new
	 * TypeReference<List<String>>() {}}, within the session's default timeout.
	 * @param <T> the result type
	 * @param method the method name
	 * @param params the params, as for {@link #call(String, Object, Class)}
	 * @param resultType the type of the result
	 * @return the result
	 * @see #call(String, Object, Type, Duration)
	 */
	default <T> CompletableFuture<T> call(String method, @Nullable Object params, TypeReference<T> resultType) {
		return call(method, params, resultType.getType(), null);
	}

	/**
	 * Call a method of the client: send a request with an id of the server's own
	 * ({@code "srv-1"}, {@code "srv-2"}, ...: strings, so that they are never mistaken
	 * for the client's ids) and complete when the client answers it.
	 *
	 * <p>
	 * The future completes with the result converted to the type; exceptionally with a
	 * {@link JsonRpcSessionCallException} carrying the client's error when it answers
	 * with one, with a {@link java.util.concurrent.TimeoutException} when no answer
	 * arrives in time (a late answer is then dropped), with a
	 * {@link JsonRpcSessionClosedException} when the session is or becomes closed first,
	 * and with a {@link java.util.concurrent.RejectedExecutionException} when the session
	 * already waits for as many answers as it may
	 * ({@code jsonrpc.websocket.max-pending-server-requests}). It completes on the
	 * session's executor, never on the thread reading the connection. Cancelling it
	 * forgets the call; the client is not told.
	 *
	 * <p>
	 * Only persistent connections can call their client; the default implementation, and
	 * so any session that cannot, returns a future failed with an
	 * {@link UnsupportedOperationException}. Over HTTP there is no session at all.
	 * @param <T> the result type
	 * @param method the method name
	 * @param params the params, as for {@link #call(String, Object, Class)}
	 * @param resultType the type of the result, e.g. a {@link Class}
	 * @param timeout how long to wait for the answer, {@code null} for the session's
	 * default
	 * @return the result
	 */
	default <T> CompletableFuture<T> call(String method, @Nullable Object params, Type resultType,
			@Nullable Duration timeout) {
		return CompletableFuture.failedFuture(new UnsupportedOperationException(
				getClass().getSimpleName() + " cannot call its client (method '" + method + "')"));
	}

	/**
	 * Send a message that is already encoded, e.g. a publication encoded once for every
	 * subscriber.
	 * @param message the message
	 * @return {@code true} if it was queued, {@code false} if the session is closed or
	 * could not take it (and was then closed as a slow consumer)
	 */
	boolean send(JsonRpcEncodedMessage message);

	/**
	 * Run an action once the reply to the message a call belongs to has been queued for
	 * sending, before it is written (at once if it already was, or if the call is not one
	 * of this session's): whatever the action sends follows the reply, and the client
	 * sees the action's effect as soon as it has the reply. E.g. activating a
	 * subscription, so that its first notification follows the subscribe response and a
	 * publication made after the client got that response reaches it.
	 * @param exchange a call received on this session
	 * @param action the action
	 */
	void afterReply(JsonRpcExchange exchange, Runnable action);

	/**
	 * Return the sink that streams results to this session: each item of a method
	 * returning a stream of values is sent as an {@code rpc.stream} notification.
	 * @return the sink
	 */
	JsonRpcStreamSink streamSink();

	/**
	 * Cancel a call or stream of this session, as the {@code rpc.cancel} notification
	 * does.
	 * @param id the id of the call
	 * @return {@code true} if such a call was running
	 */
	boolean cancel(JsonRpcId id);

	/**
	 * Register a callback run once when the session closes, whoever closes it; runs at
	 * once if the session is already closed.
	 * @param callback the callback
	 */
	void onClose(Runnable callback);

	/**
	 * Close the connection normally. Every call and stream it started is cancelled and
	 * the close callbacks run.
	 */
	void close();

}
