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
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.jsonrpc.protocol.JsonRpcError;
import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import io.github.jsonrpc.protocol.JsonRpcInbound;
import io.github.jsonrpc.protocol.JsonRpcLogText;
import io.github.jsonrpc.protocol.JsonRpcMessage;
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.protocol.JsonRpcProtocolException;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.util.Assert;

/**
 * {@link JsonRpcTransport} over one persistent connection that carries whole messages: a
 * WebSocket of the JDK's {@link HttpClient}, or a framed TCP stream (see
 * {@link MessageChannel}); no container or extra library needed on the client side.
 *
 * <ul>
 * <li>The connection opens on first use; replies are matched to pending exchanges by the
 * ids of the requests (any id of a batch).</li>
 * <li>Sends are serialized, as a WebSocket allows one outstanding send (and a stream must
 * not interleave messages).</li>
 * <li>Nothing waits in a queue of the transport: the thread that reads frames hands each
 * message on at once, with the size of its frame. Items of streamed results
 * ({@code rpc.stream}) go to the stream's {@link JsonRpcTransport.ItemConsumer} and their
 * final responses complete the stream's future on that thread, so items always come
 * before the end of their stream; the client buffers them, bounded in bytes, for its
 * subscriber. Cancelling a stream sends {@code rpc.cancel}.</li>
 * <li>Server notifications go to the {@link Listener} on the same thread, in order; calls
 * of the server (a method and an id) to its {@link Listener#onRequest onRequest}, whose
 * answer is sent when it completes: {@code -32601} when the client has no handlers. The
 * client's listener runs listeners and handlers elsewhere.</li>
 * <li>When the connection drops, the exchanges sent on it fail with a
 * {@link JsonRpcTransportException} and the transport reconnects with exponential
 * backoff, then tells the listener so that it can subscribe again. A late drop of a
 * connection that was already replaced (its output had closed) fails only what was sent
 * on it.</li>
 * </ul>
 *
 * @author JSON-RPC for Spring Boot team
 */
final class MessageChannelJsonRpcTransport implements JsonRpcTransport {

	private static final Log logger = LogFactory.getLog(MessageChannelJsonRpcTransport.class);

	private static final byte[] EMPTY = new byte[0];

	// the reconnect delay doubles this many times at most
	static final int MAX_BACKOFF_DOUBLINGS = 20;

	/**
	 * How long an opening connection may take when no connect timeout is set: a handshake
	 * that is never answered fails then, and is retried.
	 */
	static final long DEFAULT_OPEN_TIMEOUT_MILLIS = 10_000;

	/** Answers every call of the server with -32601 until a client listens. */
	private static final Listener NO_LISTENER = (notification) -> {
	};

	private final URI uri;

	private final JsonRpcMessageCodec codec;

	private final Options options;

	private final MessageChannel.Opener opener;

	private final Map<String, CompletableFuture<byte[]>> pending = new ConcurrentHashMap<>();

	/** Calls whose results may be streamed, by id. */
	private final Map<String, StreamCall> streams = new ConcurrentHashMap<>();

	/** Exchanges of invalid messages, answered with a null id, in the order sent. */
	private final Queue<CompletableFuture<byte[]>> unidentified = new ConcurrentLinkedQueue<>();

	private final ScheduledExecutorService scheduler;

	private final Object lock = new Object();

	private @Nullable Connection connection;

	private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);

	private volatile @Nullable Listener listener;

	private volatile boolean closed;

	// whether a connection of this transport has opened: every later one is a
	// reconnection, announced to the listener (guarded by lock)
	private boolean opened;

	// reconnections failed since one last opened: the backoff of the next attempt
	// (guarded by lock)
	private int failedReconnections;

	// the one scheduled reconnection attempt, if any, and its generation: a task whose
	// generation is no longer current does nothing (guarded by lock)
	private @Nullable ScheduledFuture<?> reconnectTask;

	private long reconnectGeneration;

	MessageChannelJsonRpcTransport(URI uri, JsonRpcMessageCodec codec, Options options) {
		this(uri, codec, options,
				WebSocketMessageChannel.opener(uri, httpClient(options), options.headers(), options.connectTimeout()));
	}

	/**
	 * Create a transport over other channels than WebSockets (e.g. TCP).
	 * @param uri the endpoint, for messages
	 * @param codec the codec
	 * @param options the reconnect options
	 * @param opener opens a channel, on first use and after a drop
	 */
	MessageChannelJsonRpcTransport(URI uri, JsonRpcMessageCodec codec, Options options, MessageChannel.Opener opener) {
		Assert.notNull(uri, "URI is required");
		Assert.notNull(codec, "Codec is required");
		this.uri = uri;
		this.codec = codec;
		this.options = options;
		this.opener = opener;
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> daemon(task, "jsonrpc-client-reconnect"));
	}

	private static HttpClient httpClient(Options options) {
		HttpClient.Builder builder = HttpClient.newBuilder();
		if (options.connectTimeout() != null) {
			builder.connectTimeout(options.connectTimeout());
		}
		return builder.build();
	}

	private static Thread daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

	@Override
	public void setListener(Listener listener) {
		this.listener = listener;
	}

	@Override
	public CompletableFuture<List<JsonRpcResponse>> exchange(JsonRpcClientRequest request) {
		List<String> ids = new ArrayList<>();
		for (JsonRpcRequest entry : request.entries()) {
			if (entry.id() != null) {
				ids.add(DefaultJsonRpcClient.key(entry.id()));
			}
		}
		byte[] message;
		try {
			message = JsonRpcClientCodec.encode(this.codec, request);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(JsonRpcTransportException.wrap(ex));
		}
		CompletableFuture<byte[]> reply = exchange(message, ids, false);
		CompletableFuture<List<JsonRpcResponse>> decoded = reply
			.thenApply((bytes) -> JsonRpcClientCodec.decode(this.codec, request, bytes));
		// the caller times out or cancels the decoded future: the exchange ends with it,
		// so
		// that its ids are no longer pending and no connection keeps it
		decoded.whenComplete((responses, ex) -> {
			if (ex != null) {
				reply.cancel(false);
			}
		});
		return decoded;
	}

	@Override
	public CompletableFuture<byte[]> exchangeRaw(byte[] message) {
		List<String> ids = new ArrayList<>();
		boolean invalid = inspect(message, ids);
		return exchange(message, ids, invalid);
	}

	@Override
	public CompletableFuture<JsonRpcResponse> stream(JsonRpcRequest call, ItemConsumer items) {
		Assert.isTrue(call.id() != null, "A streamed call needs an id");
		if (this.closed) {
			return CompletableFuture
				.failedFuture(new JsonRpcTransportException("Transport to " + this.uri + " is closed"));
		}
		String id = DefaultJsonRpcClient.key(call.id());
		StreamCall stream = new StreamCall(call, items, new CompletableFuture<>());
		if (this.pending.containsKey(id) || this.streams.putIfAbsent(id, stream) != null) {
			return CompletableFuture
				.failedFuture(new JsonRpcTransportException("A call with id " + id + " is pending"));
		}
		stream.result().whenComplete((response, ex) -> {
			this.streams.remove(id, stream);
			if (stream.result().isCancelled()) {
				// the server stops the source and answers -32006, which nobody awaits
				send(cancelMessage(call)).exceptionally((failure) -> null);
			}
		});
		send(this.codec.encode(call), stream.result()).whenComplete((ws, ex) -> {
			if (ex != null) {
				stream.result().completeExceptionally(JsonRpcTransportException.wrap(ex));
			}
		});
		return stream.result();
	}

	private byte[] cancelMessage(JsonRpcRequest call) {
		ObjectNode params = this.codec.mapper().createObjectNode();
		params.set("id", (call.id() != null) ? call.id().value() : null);
		return this.codec.encode(new JsonRpcRequest(null, JsonRpcStreamItems.CANCEL_METHOD, params));
	}

	private CompletableFuture<byte[]> exchange(byte[] message, List<String> ids, boolean invalid) {
		if (this.closed) {
			return CompletableFuture
				.failedFuture(new JsonRpcTransportException("Transport to " + this.uri + " is closed"));
		}
		if (ids.isEmpty() && !invalid) {
			return send(message).thenApply((ws) -> EMPTY);
		}
		CompletableFuture<byte[]> reply = new CompletableFuture<>();
		if (ids.isEmpty()) {
			// the server can only answer with a null id: match by order
			this.unidentified.add(reply);
			reply.whenComplete((result, ex) -> this.unidentified.remove(reply));
		}
		for (String id : ids) {
			CompletableFuture<byte[]> previous = this.streams.containsKey(id) ? reply
					: this.pending.putIfAbsent(id, reply);
			if (previous != null) {
				ids.subList(0, ids.indexOf(id)).forEach((registered) -> this.pending.remove(registered, reply));
				return CompletableFuture
					.failedFuture(new JsonRpcTransportException("A call with id " + id + " is pending"));
			}
		}
		// timed out or cancelled exchanges must not leak
		reply.whenComplete((result, ex) -> ids.forEach((id) -> this.pending.remove(id, reply)));
		send(message, reply).whenComplete((ws, ex) -> {
			if (ex != null) {
				reply.completeExceptionally(JsonRpcTransportException.wrap(ex));
			}
		});
		return reply;
	}

	/**
	 * Collect the ids a reply to the message will carry.
	 * @return whether the message has entries the server answers with a null id
	 */
	private boolean inspect(byte[] message, List<String> ids) {
		JsonRpcInbound inbound = this.codec.decodeRequests(message);
		boolean invalid = false;
		for (JsonRpcMessage entry : inbound.entries()) {
			if (entry instanceof JsonRpcRequest request && request.id() != null) {
				ids.add(DefaultJsonRpcClient.key(request.id()));
			}
			else if (entry instanceof JsonRpcResponse.Failure failure) {
				if (failure.id().isNull()) {
					invalid = true;
				}
				else {
					ids.add(DefaultJsonRpcClient.key(failure.id()));
				}
			}
		}
		return invalid;
	}

	private CompletableFuture<?> send(byte[] message) {
		return send(message, null);
	}

	/**
	 * Send a message on the current connection.
	 * @param message the message
	 * @param awaiting what waits for the server's answer to the message, failed when the
	 * connection it was sent on drops; {@code null} when nothing waits
	 * @return completes when the message was sent
	 */
	private CompletableFuture<?> send(byte[] message, @Nullable CompletableFuture<?> awaiting) {
		String text = new String(message, StandardCharsets.UTF_8);
		Connection current = connection();
		if (awaiting != null) {
			current.await(awaiting);
		}
		return current.channel.thenCompose((channel) -> {
			if (this.closed) {
				// the connection opened after close(): its calls have failed already
				return CompletableFuture
					.failedFuture(new JsonRpcTransportException("Transport to " + this.uri + " is closed"));
			}
			synchronized (this.lock) {
				// one outstanding send per connection: chain after the previous one
				CompletableFuture<?> sent = this.lastSend.handle((result, ex) -> null)
					.thenCompose((ignored) -> channel.send(text));
				this.lastSend = sent;
				return sent;
			}
		});
	}

	/**
	 * Return the current connection, or open a new one when there is none that can send.
	 * A new connection after one that had opened is a reconnection: once open, it tells
	 * the listener, whose subscriptions were the old session's, whether it replaces a
	 * dropped connection or one whose output closed before its drop was reported; when it
	 * cannot open, the next attempt is scheduled with a longer delay.
	 * @return the connection
	 */
	private Connection connection() {
		synchronized (this.lock) {
			if (this.closed) {
				// close() has failed what was pending: nothing opens after it
				Connection refused = new Connection();
				refused.channel
					.completeExceptionally(new JsonRpcTransportException("Transport to " + this.uri + " is closed"));
				return refused;
			}
			Connection current = this.connection;
			if (current != null && current.isUsable()) {
				return current;
			}
			Connection opening = new Connection();
			// current before it opens: a drop reported while opening is this connection's
			this.connection = opening;
			CompletableFuture<MessageChannel> opened = null;
			try {
				opened = this.opener.open(opening);
			}
			catch (RuntimeException ex) {
				opened = CompletableFuture.failedFuture(ex);
			}
			finally {
				if (opened == null) {
					// an Error, or an opener that returned nothing: never a connection
					// that
					// stays "opening" for good (the Error itself goes on)
					openingCompleted(opening, null, new IllegalStateException("The opener returned no connection"));
				}
			}
			if (opened != null) {
				opened.whenComplete((channel, ex) -> openingCompleted(opening, channel, ex));
			}
			if (opened != null && !opening.settled.get()) {
				// a handshake never answered must not hold the connection, and with it
				// the reconnection attempts, for good
				try {
					// failing the calls runs their callbacks: not on the reconnection
					// thread
					opening.openTimeout = this.scheduler.schedule(
							() -> CompletableFuture.runAsync(() -> openingTimedOut(opening)), openTimeoutMillis(),
							TimeUnit.MILLISECONDS);
				}
				catch (RejectedExecutionException ex) {
					// closed meanwhile
				}
			}
			return opening;
		}
	}

	private long openTimeoutMillis() {
		Duration connectTimeout = this.options.connectTimeout();
		// rounded up: a timeout under a millisecond is not none
		return (connectTimeout != null) ? Math.max(1, TimeUnit.MILLISECONDS.convert(connectTimeout))
				: DEFAULT_OPEN_TIMEOUT_MILLIS;
	}

	private void openingTimedOut(Connection opening) {
		openingCompleted(opening, null,
				new java.util.concurrent.TimeoutException("Not open after " + openTimeoutMillis() + " ms"));
	}

	private void openingCompleted(Connection opening, @Nullable MessageChannel channel, @Nullable Throwable failure) {
		if (!opening.settled.compareAndSet(false, true)) {
			// timed out before the opener answered: nobody will use what it opened
			if (channel != null) {
				channel.close();
			}
			return;
		}
		ScheduledFuture<?> openTimeout = opening.openTimeout;
		if (openTimeout != null) {
			openTimeout.cancel(false);
		}
		if (failure != null || channel == null) {
			boolean retry;
			synchronized (this.lock) {
				// a reconnection: a connection of this transport had opened before; the
				// bookkeeping first, so that this connection is still the current one
				retry = this.opened && !this.closed && this.connection == opening;
				if (retry) {
					// the delay stops growing long before the count could overflow
					this.failedReconnections = Math.min(this.failedReconnections + 1, MAX_BACKOFF_DOUBLINGS);
				}
			}
			opening.channel
				.completeExceptionally(new JsonRpcTransportException("Cannot connect to " + this.uri, failure));
			if (retry) {
				// a newer connection retries itself if it fails
				scheduleReconnect();
			}
			return;
		}
		boolean reconnection;
		synchronized (this.lock) {
			reconnection = this.opened;
			this.opened = true;
			if (this.connection == opening && opening.lost == null) {
				// an attempt scheduled with the delay of earlier failures is not needed
				// now; but one scheduled because this connection dropped before its
				// opening ended is
				this.failedReconnections = 0;
				cancelReconnect();
			}
		}
		opening.channel.complete(channel);
		if (reconnection) {
			reconnected(opening);
		}
	}

	private boolean isCurrent(Connection connection) {
		synchronized (this.lock) {
			return !this.closed && this.connection == connection && connection.lost == null;
		}
	}

	private void reconnected(Connection opened) {
		Listener current = this.listener;
		if (!isCurrent(opened)) {
			// dropped or replaced before it opened: whatever replaced it is announced
			return;
		}
		logger.info("Reconnected to " + this.uri);
		if (current != null) {
			try {
				// never on the thread that completed the connection, and only to a
				// session
				// still alive when the listener runs
				this.scheduler.execute(() -> {
					if (isCurrent(opened)) {
						try {
							current.onReconnect();
						}
						catch (RuntimeException ex) {
							logger.warn("Listener of " + this.uri + " failed on reconnection", ex);
						}
					}
				});
			}
			catch (RejectedExecutionException ex) {
				// closed meanwhile
			}
		}
	}

	private void handleText(String text) {
		JsonNode tree;
		try {
			tree = this.codec.mapper().readTree(text);
		}
		catch (RuntimeException ex) {
			logger.warn("Ignoring a frame from " + this.uri + " that is not JSON");
			return;
		}
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		if (tree.isArray()) {
			boolean identified = false;
			for (JsonNode element : tree) {
				identified |= hasId(element);
				if (completeById(element, bytes)) {
					return;
				}
			}
			if (identified || !completeUnidentified(bytes)) {
				logger.debug("Ignoring a batch reply that matches no pending call");
			}
			return;
		}
		String streamed = JsonRpcStreamItems.callOf(tree);
		if (streamed != null) {
			StreamCall stream = this.streams.get(streamed);
			if (stream != null) {
				JsonNode item = JsonRpcStreamItems.itemOf(tree, streamed);
				// on this thread, in order, before the final response; charged at the
				// frame's size, measured nowhere else
				stream.items().accept(item, bytes.length);
				return;
			}
		}
		if (tree.isObject() && !tree.has("method") && hasId(tree)) {
			StreamCall stream = this.streams.get(tree.get("id").toString());
			if (stream != null) {
				completeStream(stream, tree);
				return;
			}
		}
		// a message with a method is a request from the server, anything else a response
		if (tree.isObject() && tree.has("method")) {
			if (tree.has("id")) {
				answerCall(tree, bytes.length);
				return;
			}
			notifyListener(tree, bytes.length);
			return;
		}
		boolean matched = hasId(tree) ? completeById(tree, bytes) : completeUnidentified(bytes);
		if (!matched && logger.isDebugEnabled()) {
			logger.debug("Ignoring a reply that matches no pending call: " + JsonRpcLogText.escape(text));
		}
	}

	private void completeStream(StreamCall stream, JsonNode tree) {
		JsonRpcResponse response;
		try {
			response = this.codec.readResponse(tree);
		}
		catch (RuntimeException ex) {
			// a bad reply is the transport's failure, as for any other call
			stream.result()
				.completeExceptionally(JsonRpcClientCodec.invalidReply(JsonRpcClientRequest.single(stream.call()), ex));
			return;
		}
		stream.result().complete(response);
	}

	private static boolean hasId(JsonNode response) {
		JsonNode id = response.get("id");
		return id != null && !id.isNull();
	}

	private boolean completeUnidentified(byte[] reply) {
		CompletableFuture<byte[]> oldest = this.unidentified.poll();
		return oldest != null && oldest.complete(reply);
	}

	private boolean completeById(JsonNode response, byte[] reply) {
		JsonNode id = response.get("id");
		if (id == null || id.isNull()) {
			return false;
		}
		CompletableFuture<byte[]> future = this.pending.get(id.toString());
		return future != null && future.complete(reply);
	}

	private void notifyListener(JsonNode tree, long frameBytes) {
		Listener current = this.listener;
		if (current == null) {
			return;
		}
		JsonRpcRequest notification;
		try {
			notification = this.codec.readRequest(tree);
		}
		catch (RuntimeException ex) {
			logger.warn("Ignoring an invalid notification from " + this.uri + ": "
					+ JsonRpcLogText.escape(ex.getMessage()));
			return;
		}
		try {
			current.onNotification(notification, frameBytes);
		}
		catch (RuntimeException ex) {
			logger.warn("Listener of notification '" + JsonRpcLogText.escape(notification.method()) + "' failed", ex);
		}
	}

	private void answerCall(JsonNode tree, long frameBytes) {
		JsonRpcRequest call;
		try {
			call = this.codec.readRequest(tree);
		}
		catch (JsonRpcProtocolException ex) {
			send(this.codec.encode(ex.toResponse())).exceptionally((failure) -> null);
			return;
		}
		Listener listening = this.listener;
		Listener current = (listening != null) ? listening : NO_LISTENER;
		// on this thread, in order with notifications: the listener does not block, its
		// handlers run elsewhere; the answer is sent whenever the handler completes
		CompletableFuture<@Nullable JsonRpcResponse> answer;
		try {
			// the client's listener charges the call at its frame's size
			answer = (current instanceof JsonRpcSubscriptions subscriptions) ? subscriptions.onRequest(call, frameBytes)
					: current.onRequest(call);
		}
		catch (RuntimeException ex) {
			answer = CompletableFuture.failedFuture(ex);
		}
		answer.whenComplete((response, ex) -> {
			if (this.closed) {
				// sending would open the connection again
				return;
			}
			if (ex != null) {
				logger.warn("Answering call '" + JsonRpcLogText.escape(call.method()) + "' of the server failed", ex);
			}
			// every call with an id is answered, also when its handler failed, so that
			// the server does not wait for its timeout
			JsonRpcResponse reply = (ex == null) ? response
					: (call.isNotification() ? null : new JsonRpcResponse.Failure(call.responseId(),
							JsonRpcError.standard(JsonRpcErrorCodes.INTERNAL_ERROR)));
			if (reply != null) {
				send(this.codec.encode(reply)).exceptionally((failure) -> null);
			}
		});
	}

	private void connectionLost(Connection lost, @Nullable Throwable cause) {
		boolean current;
		synchronized (this.lock) {
			// a late report of a connection that was already replaced must not drop the
			// one that replaced it
			current = (this.connection == lost);
			if (current) {
				this.connection = null;
			}
		}
		// only what was sent on this connection: the replacement's calls are answered
		// on the replacement
		lost.fail(new JsonRpcTransportException("Connection to " + this.uri + " closed", cause));
		if (current && !this.closed) {
			scheduleReconnect();
		}
	}

	/**
	 * Schedule a reconnection attempt, unless one is scheduled already: however many
	 * connections fail (calls open one each), one attempt at a time, with the backoff of
	 * all the failed reconnections since one last opened.
	 */
	private void scheduleReconnect() {
		synchronized (this.lock) {
			if (this.closed || this.reconnectTask != null) {
				return;
			}
			long delay = reconnectDelayMillis(this.options, this.failedReconnections);
			if (logger.isDebugEnabled()) {
				logger.debug("Reconnecting to " + this.uri + " in " + delay + " ms (attempt "
						+ (this.failedReconnections + 1) + ")");
			}
			long generation = ++this.reconnectGeneration;
			try {
				this.reconnectTask = this.scheduler.schedule(() -> reconnect(generation), delay, TimeUnit.MILLISECONDS);
			}
			catch (RejectedExecutionException ex) {
				// closed meanwhile
			}
		}
	}

	private void cancelReconnect() {
		synchronized (this.lock) {
			ScheduledFuture<?> task = this.reconnectTask;
			if (task != null) {
				task.cancel(false);
				this.reconnectTask = null;
			}
			// a task already waiting for the lock does nothing
			this.reconnectGeneration++;
		}
	}

	private void reconnect(long generation) {
		synchronized (this.lock) {
			if (generation != this.reconnectGeneration) {
				// cancelled once it had started
				return;
			}
			// done: a failure of the connection opened below schedules the next attempt
			this.reconnectTask = null;
		}
		// the connection announces itself when it opens; nothing to do when a call has
		// already reconnected
		connection();
	}

	/**
	 * Return the delay before a reconnect attempt: the initial delay doubled per failed
	 * attempt, at most {@link #MAX_BACKOFF_DOUBLINGS} times, and never more than the
	 * largest delay. Saturates instead of overflowing, for delays of any length.
	 * @param options the reconnect options
	 * @param attempt the failed attempts so far
	 * @return the delay in milliseconds
	 */
	static long reconnectDelayMillis(Options options, int attempt) {
		// TimeUnit's conversion saturates where Duration.toMillis() throws
		long max = TimeUnit.MILLISECONDS.convert(options.reconnectMax());
		long initial = TimeUnit.MILLISECONDS.convert(options.reconnectInitial());
		int doublings = Math.max(0, Math.min(attempt, MAX_BACKOFF_DOUBLINGS));
		long delay = (initial > (Long.MAX_VALUE >> doublings)) ? Long.MAX_VALUE : initial << doublings;
		return Math.min(max, delay);
	}

	@Override
	public void close() {
		this.closed = true;
		Connection current;
		synchronized (this.lock) {
			current = this.connection;
			this.connection = null;
		}
		JsonRpcTransportException failure = new JsonRpcTransportException("Transport to " + this.uri + " closed");
		if (current != null) {
			if (current.settled.compareAndSet(false, true)) {
				// still opening, and its time limit goes with the scheduler: ended here;
				// what opens later is closed (openingCompleted)
				current.channel.completeExceptionally(failure);
			}
			current.channel.thenAccept(MessageChannel::close);
		}
		new ArrayList<>(this.pending.values()).forEach((future) -> future.completeExceptionally(failure));
		new ArrayList<>(this.unidentified).forEach((future) -> future.completeExceptionally(failure));
		new ArrayList<>(this.streams.values()).forEach((stream) -> stream.result().completeExceptionally(failure));
		this.scheduler.shutdownNow();
	}

	/**
	 * One connection: receives the messages of its channel and knows what was sent on it,
	 * so that its drop fails exactly that.
	 */
	private final class Connection implements MessageChannel.Receiver {

		final CompletableFuture<MessageChannel> channel = new CompletableFuture<>();

		/** Exchanges and streams sent on this connection and not yet answered. */
		private final Set<CompletableFuture<?>> awaiting = ConcurrentHashMap.newKeySet();

		private volatile @Nullable JsonRpcTransportException lost;

		/** Set once by whichever ends the opening first: the opener or its time limit. */
		final AtomicBoolean settled = new AtomicBoolean();

		volatile @Nullable ScheduledFuture<?> openTimeout;

		boolean isUsable() {
			if (!this.channel.isDone()) {
				return true;
			}
			// done: the opener's thread cannot change it between the checks any more
			try {
				return !this.channel.join().isOutputClosed();
			}
			catch (CompletionException | CancellationException ex) {
				return false;
			}
		}

		void await(CompletableFuture<?> answer) {
			this.awaiting.add(answer);
			answer.whenComplete((result, ex) -> this.awaiting.remove(answer));
			// sent on a connection that dropped meanwhile: fail it as if it had been sent
			// before
			JsonRpcTransportException failure = this.lost;
			if (failure != null) {
				answer.completeExceptionally(failure);
			}
		}

		void fail(JsonRpcTransportException failure) {
			this.lost = failure;
			new ArrayList<>(this.awaiting).forEach((answer) -> answer.completeExceptionally(failure));
		}

		@Override
		public void onMessage(String text) {
			handleText(text);
		}

		@Override
		public void onClosed(@Nullable Throwable error) {
			connectionLost(this, error);
		}

	}

	/**
	 * A call whose items go to a consumer until its final response arrives.
	 */
	private record StreamCall(JsonRpcRequest call, ItemConsumer items, CompletableFuture<JsonRpcResponse> result) {
	}

	/**
	 * Settings of the transport: connect timeout, handshake headers (WebSocket only),
	 * reconnect backoff.
	 *
	 * @param connectTimeout the handshake timeout, {@code null} for the JDK's default
	 * @param headers headers of the handshake request
	 * @param reconnectInitial the first reconnect delay
	 * @param reconnectMax the largest reconnect delay
	 */
	record Options(@Nullable Duration connectTimeout, Map<String, String> headers, Duration reconnectInitial,
			Duration reconnectMax) {

		static final Options DEFAULTS = new Options(null, Map.of(), Duration.ofMillis(500), Duration.ofSeconds(30));

		Options {
			headers = Map.copyOf(headers);
		}

	}

}
