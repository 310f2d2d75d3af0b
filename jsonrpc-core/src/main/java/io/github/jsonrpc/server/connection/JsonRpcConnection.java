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

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Type;
import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.github.jsonrpc.protocol.JsonRpcEncodedMessage;
import io.github.jsonrpc.protocol.JsonRpcError;
import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcInbound;
import io.github.jsonrpc.protocol.JsonRpcIncoming;
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.protocol.JsonRpcReply;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.JsonRpcSession;
import io.github.jsonrpc.server.JsonRpcStreamSink;
import io.github.jsonrpc.server.JsonRpcTransportContext;
import io.github.jsonrpc.server.JsonRpcTransportContext.Transport;
import org.springframework.util.Assert;

/**
 * Base class of the connections of every transport that keeps a connection open
 * (WebSocket, TCP, ...): the transport-independent half of a {@link JsonRpcSession}. It
 * decodes what the transport {@link #receive received}, dispatches each message to the
 * {@link JsonRpcHandler} on an executor (at most
 * {@link JsonRpcConnectionSettings#maxInFlight()} at a time, of which at most
 * {@link JsonRpcConnectionSettings#maxConcurrency()} run while the others wait in the
 * connection's own queue), answers every call, cancels calls and streams on
 * {@code rpc.cancel} and on close, and writes everything through one bounded, ordered
 * {@link OutboundQueue}. Received calls and queued messages are bounded in bytes, per
 * connection and across connections by the shared {@link JsonRpcMemoryBudget}. A
 * transport implements the three things that depend on it: {@link #write writing} one
 * encoded message, {@link #closeTransport closing} with a reason, and {@link #ping
 * pinging}.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public abstract class JsonRpcConnection implements JsonRpcSession {

	private static final Log logger = LogFactory.getLog(JsonRpcConnection.class);

	private static final VarHandle CLOSED;

	static {
		try {
			CLOSED = MethodHandles.lookup().findVarHandle(JsonRpcConnection.class, "closed", boolean.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private final String id;

	private final JsonRpcHandler handler;

	private final JsonRpcMessageCodec codec;

	private final JsonRpcConnectionSettings settings;

	private final Executor executor;

	private final @Nullable Principal transportPrincipal;

	private final Map<String, Object> attributes;

	private final OutboundQueue outbound;

	private final long sendTimeLimitNanos;

	private final long idleTimeoutNanos;

	private final PendingServerCalls serverCalls;

	private final ConnectionCallQueue<Dispatch> calls;

	private final AtomicLong inboundBytes = new AtomicLong();

	private final JsonRpcMemoryBudget.Holder budgetHolder = new BudgetHolder();

	private final Map<JsonRpcId, Runnable> cancellers = new ConcurrentHashMap<>();

	private final Map<JsonRpcTransportContext, Dispatch> dispatches = Collections
		.synchronizedMap(new IdentityHashMap<>());

	private final AtomicInteger inFlight = new AtomicInteger();

	/** Calls done but whose reply is not queued yet: see {@link #isDrained()}. */
	private final AtomicInteger replying = new AtomicInteger();

	// a field of the connection itself rather than an AtomicBoolean: a fan-out reads it
	// for every subscriber, one object less to fetch per delivery
	private volatile boolean closed;

	private final List<Runnable> closeCallbacks = new ArrayList<>();

	private final JsonRpcStreamSink streamSink = new StreamSink();

	private volatile @Nullable Principal loginPrincipal;

	private volatile boolean loggedOut;

	private volatile long lastReceived = System.nanoTime();

	private volatile @Nullable JsonRpcTransportContext baseContext;

	/**
	 * Create a connection.
	 * @param id the id of the connection, unique among open ones
	 * @param principal the principal the transport established (e.g. the authenticated
	 * handshake), {@code null} when anonymous
	 * @param attributes the initial attributes (copied)
	 * @param handler the handler calls are dispatched to
	 * @param settings the limits of the connection
	 * @param executor the executor calls run on
	 */
	protected JsonRpcConnection(String id, @Nullable Principal principal, Map<String, Object> attributes,
			JsonRpcHandler handler, JsonRpcConnectionSettings settings, Executor executor) {
		Assert.hasText(id, "Id is required");
		Assert.notNull(attributes, "Attributes are required");
		Assert.notNull(handler, "Handler is required");
		Assert.notNull(settings, "Settings are required");
		Assert.notNull(executor, "Executor is required");
		this.id = id;
		this.transportPrincipal = principal;
		this.attributes = new ConcurrentHashMap<>(attributes);
		this.handler = handler;
		this.codec = handler.codec().withStringParams(settings.stringParamsMethods());
		this.settings = settings;
		this.executor = executor;
		this.outbound = new OutboundQueue(settings.maxOutboundMessages(), settings.maxOutboundBytes(),
				settings.memoryBudget(), this.budgetHolder, new OutboundQueue.Writer() {

					@Override
					public void write(JsonRpcEncodedMessage message, WriteCompletion completion) {
						JsonRpcConnection.this.write(message, completion);
					}

					@Override
					public void write(JsonRpcEncodedMessage message, boolean more, WriteCompletion completion) {
						JsonRpcConnection.this.write(message, more, completion);
					}

					@Override
					public boolean flush(WriteCompletion completion) {
						return JsonRpcConnection.this.flush(completion);
					}

					@Override
					public void idle() {
						JsonRpcConnection.this.writesIdle();
					}

				}, executor, this::writeFailed);
		// saturates where Duration.toNanos() throws (ChronoUnit.FOREVER)
		this.sendTimeLimitNanos = TimeUnit.NANOSECONDS.convert(settings.sendTimeLimit());
		this.idleTimeoutNanos = TimeUnit.NANOSECONDS.convert(settings.idleTimeout());
		settings.memoryBudget().register(this.budgetHolder);
		this.serverCalls = new PendingServerCalls(id, this.codec, settings.maxPendingServerRequests(),
				settings.serverRequestTimeout(), executor);
		this.calls = new ConnectionCallQueue<>(executor, settings.maxConcurrency(), (dispatch) -> {
			dispatch.finish();
			rejectTooBusy(dispatch.inbound);
		});
	}

	// What the transport implements

	/**
	 * Write one encoded message to the client; exactly one call of the completion (with
	 * {@code null} on success, else the failure) must follow, on any thread, possibly
	 * before this method returns. Never called concurrently.
	 * @param message the message
	 * @param completion the completion
	 */
	protected abstract void write(JsonRpcEncodedMessage message, WriteCompletion completion);

	/**
	 * Write one message knowing whether more are queued behind it: a transport that can
	 * gather several messages into one write to the network buffers it (and is
	 * {@link #flush flushed} once the queue has nothing more to write), and writes a
	 * single message at once. The default calls
	 * {@link #write(JsonRpcEncodedMessage, WriteCompletion)}.
	 * @param message the message
	 * @param more whether more messages were queued when this one was taken
	 * @param completion the completion, as for the other {@code write}
	 */
	protected void write(JsonRpcEncodedMessage message, boolean more, WriteCompletion completion) {
		write(message, completion);
	}

	/**
	 * Send what earlier {@link #write(JsonRpcEncodedMessage, boolean, WriteCompletion)
	 * writes} left buffered, for a transport that gathers several messages into one write
	 * to the network (its writes then complete once a message is buffered). Called after
	 * one or more writes when nothing more is queued, so that every message queued while
	 * the previous write or flush was under way goes out together; never concurrently
	 * with a write. A write or flush under way counts against the send time limit. The
	 * default buffers nothing.
	 * @param completion the completion, called exactly once (on any thread, possibly
	 * before this method returns) when this method returns {@code true}
	 * @return {@code true} when a flush was started, {@code false} when nothing is
	 * buffered (the completion is then never called)
	 */
	protected boolean flush(WriteCompletion completion) {
		return false;
	}

	/**
	 * Called once a flush completed and nothing more was queued meanwhile: a buffering
	 * transport may stop buffering until the next {@link #write}. Never called
	 * concurrently with a write or flush; must not block on the client. The default does
	 * nothing.
	 */
	protected void writesIdle() {
	}

	/**
	 * Close the underlying connection, with a status or message that tells the client why
	 * where the transport can.
	 * @param reason why the connection is closed
	 */
	protected abstract void closeTransport(JsonRpcCloseReason reason);

	/**
	 * Send a transport-level ping, if the transport has one.
	 */
	protected abstract void ping();

	/**
	 * Describe the connection in the context of its calls (uri, headers, remote address,
	 * native request). Called once, on the first call.
	 * @param context the context under construction
	 */
	protected void describe(JsonRpcTransportContext.Builder context) {
	}

	/**
	 * Return the transport of this connection.
	 * @return the transport
	 */
	@Override
	public abstract Transport transport();

	/**
	 * Called when a message's call(s) completed and the reply (if any) was queued; a
	 * transport that stops reading while {@link #inFlight()} is at its limit resumes
	 * here. Runs on the thread that completed the call; must not block or throw.
	 */
	protected void callCompleted() {
	}

	// What the transport calls

	/**
	 * Handle one complete message received from the client: a request, a notification or
	 * a batch. Never blocks on the call: it runs on the executor.
	 * @param message the UTF-8 encoded message
	 */
	public final void receive(byte[] message) {
		received();
		if (!isOpen()) {
			return;
		}
		// decoding never throws: malformed input becomes an error entry answered below
		JsonRpcIncoming incoming = this.codec.decodeIncoming(message);
		if (incoming instanceof JsonRpcIncoming.Response answer) {
			// the client's answer to a call of the server: never answered itself
			this.serverCalls.complete(answer.response());
			return;
		}
		JsonRpcInbound inbound = ((JsonRpcIncoming.Requests) incoming).inbound();
		JsonRpcId cancelled = cancelTarget(inbound);
		if (cancelled != null) {
			boolean running = cancel(cancelled);
			if (logger.isDebugEnabled()) {
				logger.debug("Cancel of call " + cancelled + " on session " + this.id
						+ (running ? "" : ": no such call running"));
			}
			return;
		}
		if (this.inFlight.incrementAndGet() > this.settings.maxInFlight()) {
			this.inFlight.decrementAndGet();
			rejectTooBusy(inbound);
			return;
		}
		// what a call holds until it ends counts at its received size, on this connection
		// and in the budget shared with all others
		long size = message.length;
		if (this.inboundBytes.addAndGet(size) > this.settings.maxOutboundBytes()) {
			this.inboundBytes.addAndGet(-size);
			this.inFlight.decrementAndGet();
			// the client is told the limit it reached, not the in-flight count
			reject(inbound, "Too many bytes of calls in flight on this connection (at most "
					+ this.settings.maxOutboundBytes() + " bytes)");
			return;
		}
		if (!this.settings.memoryBudget().tryReserve(size, this.budgetHolder)) {
			this.inboundBytes.addAndGet(-size);
			this.inFlight.decrementAndGet();
			reject(inbound, "Server busy, try again later");
			return;
		}
		// registered for cancellation here, in arrival order, before the call can run
		Dispatch dispatch = new Dispatch(inbound, size);
		try {
			this.calls.execute(dispatch);
		}
		catch (RuntimeException ex) {
			dispatch.finish();
			rejectTooBusy(inbound);
		}
	}

	/**
	 * Record that something (a message, a pong) was received, for the idle timeout.
	 */
	public final void received() {
		this.lastReceived = System.nanoTime();
	}

	/**
	 * Close the connection for a reason; the first close wins. Every call and stream of
	 * the connection is cancelled, the close callbacks run, and the transport closes.
	 * @param reason why
	 */
	public final void close(JsonRpcCloseReason reason) {
		if (markClosed(reason)) {
			finishClose(reason, true);
		}
	}

	/**
	 * Close from a send path, which may run under a publisher's locks: the connection
	 * stops taking messages at once, the callbacks and the transport close run on the
	 * executor.
	 */
	private void closeLater(JsonRpcCloseReason reason) {
		if (markClosed(reason)) {
			try {
				this.executor.execute(() -> finishClose(reason, true));
			}
			catch (RejectedExecutionException ex) {
				finishClose(reason, true);
			}
		}
	}

	/**
	 * Tell the connection that the transport closed, whoever closed it.
	 */
	public final void transportClosed() {
		if (markClosed(JsonRpcCloseReason.NORMAL)) {
			finishClose(JsonRpcCloseReason.NORMAL, false);
		}
	}

	/**
	 * Close the connection as a slow consumer when a write has been stuck for longer than
	 * the send time limit (the peer stopped reading), for transports without keep-alive,
	 * where {@link #checkAlive(long)} does not run.
	 * @param now the current {@link System#nanoTime()}
	 * @return whether the connection was closed
	 */
	public final boolean checkWrites(long now) {
		if (isOpen() && this.outbound.isStuck(now, this.sendTimeLimitNanos)) {
			close(JsonRpcCloseReason.SLOW_CONSUMER);
			return true;
		}
		return false;
	}

	/**
	 * Check the connection's liveness: close it when nothing was received and nothing
	 * written for longer than the idle timeout, or a write is stuck for longer than the
	 * send time limit, else ping it when nothing is waiting to be written.
	 * @param now the current {@link System#nanoTime()}
	 */
	public final void checkAlive(long now) {
		if (!isOpen()) {
			return;
		}
		// a client that reads what it is sent is alive even if it never writes (a busy
		// subscriber gets no ping while writes are pending); a dead one stalls the writes
		// and the send time limit catches it
		long lastActivity = Math.max(this.lastReceived, this.outbound.lastWritten());
		if (now - lastActivity > this.idleTimeoutNanos) {
			close(JsonRpcCloseReason.IDLE);
		}
		else if (this.outbound.isStuck(now, this.sendTimeLimitNanos)) {
			close(JsonRpcCloseReason.SLOW_CONSUMER);
		}
		else if (this.outbound.size() == 0) {
			try {
				ping();
			}
			catch (RuntimeException ex) {
				logger.debug("Ping failed on session " + this.id, ex);
			}
		}
	}

	/**
	 * Return the settings of this connection.
	 * @return the settings
	 */
	public JsonRpcConnectionSettings settings() {
		return this.settings;
	}

	/**
	 * Return the number of calls of this connection running now.
	 * @return the count
	 */
	public int inFlight() {
		return this.inFlight.get();
	}

	/**
	 * Return whether no call is running and every reply and message was written, e.g. for
	 * a graceful shutdown to wait for.
	 * @return {@code true} when there is nothing left to do
	 */
	public boolean isDrained() {
		// in the order a call moves through them: each is counted in the next before it
		// leaves the previous one
		return this.inFlight.get() == 0 && this.replying.get() == 0 && this.outbound.size() == 0;
	}

	/**
	 * Return the number of calls of this connection waiting for their turn on the
	 * executor.
	 * @return the count
	 */
	public int waitingCalls() {
		return this.calls.waiting();
	}

	/**
	 * Return the bytes of the received messages of this connection not handled yet.
	 * @return the byte count
	 */
	public long inboundBytes() {
		return this.inboundBytes.get();
	}

	/**
	 * Return this connection as a holder of the shared memory budget, for what a
	 * transport holds on its behalf (e.g. parts of a message being received).
	 * @return the holder
	 */
	protected final JsonRpcMemoryBudget.Holder budgetHolder() {
		return this.budgetHolder;
	}

	/**
	 * Return the number of messages waiting to be written.
	 * @return the count
	 */
	public int outboundMessages() {
		return this.outbound.size();
	}

	/**
	 * Return whether the outbound queue holds less than half of each limit, where a
	 * stream reader goes on reading (the same boundary that wakes streaming producers).
	 * @return {@code true} below half of both limits
	 */
	boolean outboundBelowHalf() {
		return this.outbound.isBelowHalf();
	}

	/**
	 * Return the bytes of the messages waiting to be written.
	 * @return the byte count
	 */
	public long outboundBytes() {
		return this.outbound.bytes();
	}

	// JsonRpcSession

	@Override
	public String id() {
		return this.id;
	}

	@Override
	public @Nullable Principal principal() {
		Principal login = this.loginPrincipal;
		if (login != null) {
			return login;
		}
		return this.loggedOut ? null : this.transportPrincipal;
	}

	@Override
	public void login(Principal principal) {
		Assert.notNull(principal, "Principal is required");
		this.loginPrincipal = principal;
	}

	@Override
	public void logout() {
		this.loggedOut = true;
		this.loginPrincipal = null;
	}

	@Override
	public Map<String, Object> attributes() {
		return this.attributes;
	}

	@Override
	public boolean isOpen() {
		return !this.closed;
	}

	@Override
	public boolean notify(String method, @Nullable Object params) {
		return send(this.codec.encodeNotification(method, params));
	}

	@Override
	public boolean send(JsonRpcEncodedMessage message) {
		return offer(message, null);
	}

	@Override
	public <T> CompletableFuture<T> call(String method, @Nullable Object params, Type resultType,
			@Nullable Duration timeout) {
		Assert.hasText(method, "Method is required");
		Assert.notNull(resultType, "Result type is required");
		Assert.isTrue(timeout == null || (!timeout.isNegative() && !timeout.isZero()), "Timeout must be positive");
		return this.serverCalls.call(method, params, resultType, timeout, this::send);
	}

	/**
	 * Return the number of calls to the client waiting for their answers.
	 * @return the count
	 */
	public int pendingServerRequests() {
		return this.serverCalls.size();
	}

	@Override
	public void afterReply(JsonRpcExchange exchange, Runnable action) {
		Assert.notNull(action, "Action is required");
		Dispatch dispatch = (exchange.session() == this) ? this.dispatches.get(exchange.context()) : null;
		if (dispatch == null || !dispatch.afterReply(action)) {
			runSafely(action);
		}
	}

	@Override
	public JsonRpcStreamSink streamSink() {
		return this.streamSink;
	}

	@Override
	public boolean cancel(JsonRpcId id) {
		Runnable canceller = this.cancellers.remove(id);
		if (canceller == null) {
			return false;
		}
		runSafely(canceller);
		return true;
	}

	@Override
	public void onClose(Runnable callback) {
		Assert.notNull(callback, "Callback is required");
		synchronized (this.closeCallbacks) {
			if (!this.closed) {
				this.closeCallbacks.add(callback);
				return;
			}
		}
		runSafely(callback);
	}

	@Override
	public void close() {
		close(JsonRpcCloseReason.NORMAL);
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.id + "]";
	}

	// Internals

	private boolean offer(JsonRpcEncodedMessage message, @Nullable Runnable whenRoom) {
		if (!isOpen()) {
			return false;
		}
		return switch (this.outbound.offer(message, whenRoom, this.sendTimeLimitNanos)) {
			case QUEUED -> true;
			case CLOSED -> false;
			case FULL, STUCK -> {
				closeLater(JsonRpcCloseReason.SLOW_CONSUMER);
				yield false;
			}
			case OVER_BUDGET -> {
				if (logger.isWarnEnabled()) {
					logger
						.warn("Closing session " + this.id + ": memory budget spent, " + this.settings.memoryBudget());
				}
				closeLater(JsonRpcCloseReason.OVERLOADED);
				yield false;
			}
		};
	}

	private void writeFailed(Throwable failure) {
		if (logger.isDebugEnabled()) {
			logger.debug("Write failed on session " + this.id, failure);
		}
		closeLater(JsonRpcCloseReason.SLOW_CONSUMER);
	}

	private boolean markClosed(JsonRpcCloseReason reason) {
		if (!CLOSED.compareAndSet(this, false, true)) {
			return false;
		}
		if (reason == JsonRpcCloseReason.SLOW_CONSUMER && logger.isWarnEnabled()) {
			logger.warn("Closing session " + this.id + ": slow consumer, " + this.outbound.size() + " messages and "
					+ this.outbound.bytes() + " bytes queued");
		}
		this.outbound.close();
		this.settings.memoryBudget().unregister(this.budgetHolder);
		return true;
	}

	private void finishClose(JsonRpcCloseReason reason, boolean closeTransport) {
		this.serverCalls.close();
		// calls still waiting never run; running ones are interrupted and cancelled
		for (Dispatch dropped : this.calls.close()) {
			dropped.finish();
		}
		synchronized (this.dispatches) {
			this.dispatches.values().forEach(Dispatch::interrupt);
		}
		List<Runnable> cancel = new ArrayList<>(this.cancellers.values());
		this.cancellers.clear();
		cancel.forEach(JsonRpcConnection::runSafely);
		List<Runnable> callbacks;
		synchronized (this.closeCallbacks) {
			callbacks = new ArrayList<>(this.closeCallbacks);
			this.closeCallbacks.clear();
		}
		callbacks.forEach(JsonRpcConnection::runSafely);
		if (closeTransport) {
			closeTransport(reason);
		}
	}

	private JsonRpcTransportContext context() {
		JsonRpcTransportContext base = this.baseContext;
		if (base == null) {
			JsonRpcTransportContext.Builder builder = JsonRpcTransportContext.builder(transport());
			describe(builder);
			base = builder.session(this).streamSink(this.streamSink).build();
			this.baseContext = base;
		}
		// a fresh context per message: it identifies the message's reply
		return base.mutate().principal(principal()).build();
	}

	private @Nullable JsonRpcId cancelTarget(JsonRpcInbound inbound) {
		if (!inbound.batch() && inbound.entries().get(0) instanceof JsonRpcRequest request) {
			return this.codec.cancelTarget(request);
		}
		return null;
	}

	private void rejectTooBusy(JsonRpcInbound inbound) {
		reject(inbound, "Too many calls in flight on this connection (at most " + this.settings.maxInFlight() + ")");
	}

	private void reject(JsonRpcInbound inbound, String message) {
		JsonRpcReply reply = this.codec.errorReply(inbound,
				new JsonRpcError(JsonRpcErrorCodes.LIMIT_EXCEEDED, message, null));
		if (!reply.isEmpty()) {
			send(this.codec.encodeReply(reply));
		}
	}

	private static void runSafely(Runnable action) {
		try {
			action.run();
		}
		catch (VirtualMachineError err) {
			throw err;
		}
		catch (Throwable ex) {
			logger.warn("Session callback failed", ex);
		}
	}

	/**
	 * This connection as a holder of the shared memory budget: what it holds is its
	 * queued outbound bytes and the received calls not finished; shedding closes it.
	 */
	private final class BudgetHolder implements JsonRpcMemoryBudget.Holder {

		@Override
		public long heldBytes() {
			return JsonRpcConnection.this.outbound.bytes() + JsonRpcConnection.this.inboundBytes.get();
		}

		@Override
		public void shed() {
			if (isOpen() && logger.isWarnEnabled()) {
				logger.warn("Closing session " + JsonRpcConnection.this.id + ": memory budget spent, it holds "
						+ heldBytes() + " bytes, the most of all connections");
			}
			closeLater(JsonRpcCloseReason.OVERLOADED);
		}

	}

	/**
	 * The completion of one {@link #write}.
	 */
	@FunctionalInterface
	public interface WriteCompletion {

		/**
		 * Report the end of the write.
		 * @param failure the failure, {@code null} when the message was written
		 */
		void completed(@Nullable Throwable failure);

		/**
		 * Report that the message went into the transport's own buffer (a transport that
		 * gathers several messages into one write to the network): it still counts
		 * against the outbound limits until the next {@link #flush flush} completes. The
		 * default reports it written.
		 */
		default void buffered() {
			completed(null);
		}

	}

	/**
	 * One message received: its call(s), the cancellation of a single call, and what runs
	 * once its reply is queued.
	 */
	private final class Dispatch implements Runnable {

		private final JsonRpcInbound inbound;

		private final long size;

		private final @Nullable JsonRpcId id;

		// both set once, under this dispatch's lock: no atomic objects for every call
		private boolean finished;

		private @Nullable Thread runner;

		private boolean interrupted;

		private boolean answered;

		// made when an action is added: most calls have none
		private @Nullable List<Runnable> afterReply;

		private final Runnable canceller = this::cancelled;

		private boolean replied;

		Dispatch(JsonRpcInbound inbound, long size) {
			this.inbound = inbound;
			this.size = size;
			this.id = (!inbound.batch() && inbound.entries().get(0) instanceof JsonRpcRequest request) ? request.id()
					: null;
			if (this.id != null) {
				JsonRpcConnection.this.cancellers.put(this.id, this.canceller);
			}
		}

		@Override
		public void run() {
			// registered before the open check: a close either finds this call (and
			// interrupts it) or is seen here, never neither
			JsonRpcTransportContext context = context();
			synchronized (this) {
				this.runner = Thread.currentThread();
			}
			JsonRpcConnection.this.dispatches.put(context, this);
			if (!isOpen()) {
				// closed while waiting: the close dropped it or is about to
				JsonRpcConnection.this.dispatches.remove(context);
				synchronized (this) {
					this.runner = null;
					if (this.interrupted) {
						Thread.interrupted();
					}
				}
				finish();
				return;
			}
			CompletableFuture<JsonRpcReply> reply;
			try {
				reply = JsonRpcConnection.this.handler.handle(this.inbound, context);
			}
			catch (RuntimeException ex) {
				reply = CompletableFuture.failedFuture(ex);
			}
			catch (VirtualMachineError err) {
				// the JVM failed, not the call: no error response, and the connection
				// does not keep a call it will never answer
				failedFatally(context);
				throw err;
			}
			finally {
				synchronized (this) {
					this.runner = null;
					if (this.interrupted) {
						// only the interrupt of the close: the thread goes back to its
						// pool
						Thread.interrupted();
					}
				}
			}
			reply.whenComplete((result, ex) -> {
				if (ex != null && unwrap(ex) instanceof VirtualMachineError) {
					failedFatally(context);
					return;
				}
				JsonRpcConnection.this.dispatches.remove(context);
				JsonRpcConnection.this.replying.incrementAndGet();
				finish();
				if (ex != null) {
					logger.error("JSON-RPC handler failed on session " + JsonRpcConnection.this.id, ex);
				}
				// every call is answered: when the handler failed, with -32603
				JsonRpcReply answer = (ex != null) ? JsonRpcConnection.this.codec.errorReply(this.inbound,
						JsonRpcError.standard(JsonRpcErrorCodes.INTERNAL_ERROR)) : result;
				// the actions to run after the reply (e.g. activating a subscription) run
				// once it is queued but before it is written: whatever they send follows
				// it, and the client sees their effect as soon as it has the reply
				boolean actions = hasAfterReply();
				if (actions) {
					JsonRpcConnection.this.outbound.pause();
				}
				try {
					if (!answer.isEmpty() && answer()) {
						send(JsonRpcConnection.this.codec.encodeReply(answer));
					}
					replied();
				}
				finally {
					JsonRpcConnection.this.replying.decrementAndGet();
					if (actions) {
						JsonRpcConnection.this.outbound.resume();
					}
					callCompleted();
				}
			});
		}

		private void failedFatally(JsonRpcTransportContext context) {
			JsonRpcConnection.this.dispatches.remove(context);
			finish();
			logger.error("JVM error in a call on session " + JsonRpcConnection.this.id + ": closing it");
			closeLater(JsonRpcCloseReason.OVERLOADED);
		}

		private static Throwable unwrap(Throwable ex) {
			Throwable current = ex;
			while ((current instanceof java.util.concurrent.CompletionException
					|| current instanceof java.util.concurrent.ExecutionException) && current.getCause() != null) {
				current = current.getCause();
			}
			return current;
		}

		synchronized boolean afterReply(Runnable action) {
			if (this.replied) {
				return false;
			}
			if (this.afterReply == null) {
				this.afterReply = new ArrayList<>();
			}
			this.afterReply.add(action);
			return true;
		}

		private synchronized boolean hasAfterReply() {
			return this.afterReply != null;
		}

		private void replied() {
			List<Runnable> actions;
			synchronized (this) {
				this.replied = true;
				actions = this.afterReply;
				this.afterReply = null;
			}
			if (actions != null) {
				actions.forEach(JsonRpcConnection::runSafely);
			}
		}

		// whether this is the one answer of the call (a cancel may race the reply)
		private synchronized boolean answer() {
			if (this.answered) {
				return false;
			}
			this.answered = true;
			return true;
		}

		private void cancelled() {
			if (this.id != null && answer()) {
				// in the shape of the call's protocol version, as any other answer
				send(JsonRpcConnection.this.codec.encodeReply(JsonRpcConnection.this.codec.errorReply(this.inbound,
						JsonRpcError.standard(JsonRpcErrorCodes.REQUEST_CANCELLED))));
			}
		}

		/**
		 * Give back what the call held: its in-flight slot, its bytes, its canceller.
		 * Runs once, whether the call ended, failed, or never ran.
		 */
		void finish() {
			synchronized (this) {
				if (this.finished) {
					return;
				}
				this.finished = true;
			}
			JsonRpcConnection.this.inFlight.decrementAndGet();
			JsonRpcConnection.this.inboundBytes.addAndGet(-this.size);
			JsonRpcConnection.this.settings.memoryBudget().release(this.size);
			if (this.id != null) {
				JsonRpcConnection.this.cancellers.remove(this.id, this.canceller);
			}
		}

		/**
		 * Interrupt the thread running the call, if it is still in the handler (a
		 * blocking method); called when the connection closes.
		 */
		synchronized void interrupt() {
			Thread thread = this.runner;
			if (thread != null) {
				this.interrupted = true;
				thread.interrupt();
			}
		}

	}

	/**
	 * Streams the items of a call's result as {@code rpc.stream} notifications, with
	 * back-pressure from the outbound queue.
	 */
	private final class StreamSink implements JsonRpcStreamSink {

		private final Map<JsonRpcExchange, Runnable> opened = Collections.synchronizedMap(new IdentityHashMap<>());

		@Override
		public void open(JsonRpcExchange exchange, Runnable cancel) {
			JsonRpcId id = exchange.id();
			if (id != null) {
				this.opened.put(exchange, cancel);
				JsonRpcConnection.this.cancellers.put(id, cancel);
			}
		}

		@Override
		public boolean item(JsonRpcExchange exchange, @Nullable Object item, Runnable requestNext) {
			JsonRpcId id = exchange.id();
			Assert.state(id != null, "Only calls stream");
			return offer(JsonRpcConnection.this.codec.encodeStreamItem(id, exchange.request().version(), item),
					requestNext);
		}

		@Override
		public void close(JsonRpcExchange exchange) {
			JsonRpcId id = exchange.id();
			Runnable cancel = this.opened.remove(exchange);
			if (id != null && cancel != null) {
				// only this stream's canceller: a later call may reuse the id
				JsonRpcConnection.this.cancellers.remove(id, cancel);
			}
		}

	}

}
