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
package io.github.jsonrpc.server.tcp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLSession;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.NettyInbound;
import reactor.netty.tcp.TcpResources;
import reactor.netty.tcp.TcpServer;

import io.github.jsonrpc.protocol.JsonRpcFraming;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.JsonRpcSession;
import io.github.jsonrpc.server.JsonRpcSessionRegistry;
import io.github.jsonrpc.server.connection.JsonRpcCloseReason;
import io.github.jsonrpc.server.connection.JsonRpcConnectionSettings;
import io.github.jsonrpc.server.connection.JsonRpcKeepAlive;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.Assert;

/**
 * Serves JSON-RPC over TCP through the shared {@link JsonRpcHandler}, on a Reactor Netty
 * {@link TcpServer} started and stopped with the application context. Each connection is
 * a {@link JsonRpcSession} (see
 * {@link io.github.jsonrpc.server.connection.JsonRpcConnection}): calls run concurrently
 * and are answered by id, notifications, pub/sub, streaming and {@code rpc.cancel} work
 * as over WebSocket.
 *
 * <ul>
 * <li>Messages are framed as one JSON text per line ({@link JsonRpcFraming#NDJSON}, the
 * default) or with {@code Content-Length} headers.</li>
 * <li>A message over the size limit, or broken framing, is answered with an error
 * ({@code id: null}) and the connection closes.</li>
 * <li>While a connection has {@code maxInFlight} calls running or its outbound queue is
 * half full, the server stops reading from it (TCP flow control holds the client back); a
 * client that stops reading is closed as a slow consumer.</li>
 * <li>A connection silent for the idle timeout with no call running is closed.</li>
 * <li>Stopping stops reading, waits up to the shutdown timeout for the running calls to
 * be answered, then closes every connection.</li>
 * </ul>
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcTcpServer implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(JsonRpcTcpServer.class);

	private final JsonRpcHandler handler;

	private final JsonRpcSessionRegistry sessionRegistry;

	private final Executor executor;

	private final Map<String, TcpJsonRpcConnection> connections = new ConcurrentHashMap<>();

	private final Object lifecycleMonitor = new Object();

	private JsonRpcConnectionSettings settings = JsonRpcConnectionSettings.DEFAULTS;

	private InetAddress address = InetAddress.getLoopbackAddress();

	private int port;

	private JsonRpcFraming framing = JsonRpcFraming.NDJSON;

	private @Nullable SslContext sslContext;

	private @Nullable JsonRpcConnectionAuthenticator authenticator;

	private Duration shutdownTimeout = Duration.ofSeconds(30);

	private @Nullable TaskScheduler taskScheduler;

	private @Nullable ThreadPoolTaskScheduler ownScheduler;

	private @Nullable JsonRpcKeepAlive keepAlive;

	private @Nullable DisposableServer server;

	private volatile boolean draining;

	/**
	 * Create a server.
	 * @param handler the shared JSON-RPC handler
	 * @param sessionRegistry the registry every connection joins while open
	 * @param executor the executor calls run on
	 */
	public JsonRpcTcpServer(JsonRpcHandler handler, JsonRpcSessionRegistry sessionRegistry, Executor executor) {
		Assert.notNull(handler, "Handler is required");
		Assert.notNull(sessionRegistry, "SessionRegistry is required");
		Assert.notNull(executor, "Executor is required");
		this.handler = handler;
		this.sessionRegistry = sessionRegistry;
		this.executor = executor;
	}

	/**
	 * Set the address to listen on; the loopback address by default.
	 * @param address the address
	 */
	public void setAddress(InetAddress address) {
		Assert.notNull(address, "Address is required");
		this.address = address;
	}

	/**
	 * Set the port to listen on; {@code 0} (the default) for a free one, see
	 * {@link #getPort()}.
	 * @param port the port
	 */
	public void setPort(int port) {
		Assert.isTrue(port >= 0 && port <= 65535, "Port must be between 0 and 65535");
		this.port = port;
	}

	/**
	 * Set how messages are delimited; {@link JsonRpcFraming#NDJSON} by default.
	 * @param framing the framing
	 */
	public void setFraming(JsonRpcFraming framing) {
		Assert.notNull(framing, "Framing is required");
		this.framing = framing;
	}

	/**
	 * Set the limits and timings of connections ({@code pingInterval} is the interval of
	 * the idle check: a stream has no ping).
	 * @param settings the settings, {@link JsonRpcConnectionSettings#DEFAULTS} by default
	 */
	public void setSettings(JsonRpcConnectionSettings settings) {
		Assert.notNull(settings, "Settings are required");
		this.settings = settings;
	}

	/**
	 * Return the limits of connections.
	 * @return the settings
	 */
	public JsonRpcConnectionSettings getSettings() {
		return this.settings;
	}

	/**
	 * Serve TLS with the given server context (e.g. built from a Spring Boot SSL bundle);
	 * for mutual TLS it requires client certificates and trusts their issuers, and an
	 * {@link JsonRpcConnectionAuthenticator#clientCertificate()} authenticator makes the
	 * certificate's subject the connection's principal.
	 * @param sslContext the server context, {@code null} for plain TCP
	 */
	public void setSslContext(@Nullable SslContext sslContext) {
		Assert.isTrue(sslContext == null || sslContext.isServer(), "SslContext must be a server context");
		this.sslContext = sslContext;
	}

	/**
	 * Set the strategy that authenticates (or refuses) each new connection; by default
	 * every connection is anonymous until an {@code rpc.login}.
	 * @param authenticator the authenticator, {@code null} for none
	 */
	public void setAuthenticator(@Nullable JsonRpcConnectionAuthenticator authenticator) {
		this.authenticator = authenticator;
	}

	/**
	 * Set how long stopping waits for running calls to be answered; 30 s by default.
	 * @param shutdownTimeout the timeout
	 */
	public void setShutdownTimeout(Duration shutdownTimeout) {
		Assert.isTrue(shutdownTimeout != null && !shutdownTimeout.isNegative(),
				"Shutdown timeout must not be negative");
		this.shutdownTimeout = shutdownTimeout;
	}

	/**
	 * Set the scheduler the idle check runs on; by default one of the server's own.
	 * @param taskScheduler the scheduler
	 */
	public void setTaskScheduler(TaskScheduler taskScheduler) {
		Assert.notNull(taskScheduler, "TaskScheduler is required");
		this.taskScheduler = taskScheduler;
	}

	/**
	 * Return the port the server listens on.
	 * @return the bound port, or the configured one when not running
	 */
	public int getPort() {
		DisposableServer current = this.server;
		return (current != null) ? current.port() : this.port;
	}

	/**
	 * Return the address the server listens on.
	 * @return the address
	 */
	public InetAddress getAddress() {
		return this.address;
	}

	/**
	 * Return how messages are delimited.
	 * @return the framing
	 */
	public JsonRpcFraming getFraming() {
		return this.framing;
	}

	/**
	 * Return the server context TLS is served with.
	 * @return the context, or {@code null} for plain TCP
	 */
	public @Nullable SslContext getSslContext() {
		return this.sslContext;
	}

	/**
	 * Return the strategy that authenticates each new connection.
	 * @return the authenticator, or {@code null} when connections start anonymous
	 */
	public @Nullable JsonRpcConnectionAuthenticator getAuthenticator() {
		return this.authenticator;
	}

	/**
	 * Return how long stopping waits for running calls to be answered.
	 * @return the timeout
	 */
	public Duration getShutdownTimeout() {
		return this.shutdownTimeout;
	}

	/**
	 * Return the scheduler set for the idle check.
	 * @return the scheduler, or {@code null} when the server uses one of its own
	 */
	public @Nullable TaskScheduler getTaskScheduler() {
		return this.taskScheduler;
	}

	/**
	 * Return the registry every connection joins while open.
	 * @return the session registry
	 */
	public JsonRpcSessionRegistry getSessionRegistry() {
		return this.sessionRegistry;
	}

	/**
	 * Return the open connections of this server.
	 * @return a snapshot of the sessions
	 */
	public List<JsonRpcSession> sessions() {
		return new ArrayList<>(this.connections.values());
	}

	@Override
	public void start() {
		synchronized (this.lifecycleMonitor) {
			if (this.server != null) {
				return;
			}
			this.draining = false;
			TcpServer tcpServer = TcpServer.create()
				// the JDK's selector (NIO), not Netty's native epoll transport: once a
				// client shut down its output, epoll (Netty 4.2.15 to 4.2.18 at least)
				// removes the socket from its set and then fails to watch it again, for a
				// read or for a write that fills the socket buffer, and closes the
				// connection with the replies still to send
				.runOn(TcpResources.get(), false)
				.host(this.address.getHostAddress())
				.port(this.port)
				// a client that shuts down its output (nc -N, jayson's notifications) is
				// still answered
				.childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
				.handle((inbound, outbound) -> accept(inbound));
			SslContext ssl = this.sslContext;
			if (ssl != null) {
				tcpServer = tcpServer.secure((spec) -> spec.sslContext(ssl));
			}
			DisposableServer bound = tcpServer.bindNow(Duration.ofSeconds(10));
			this.server = bound;
			startKeepAlive();
			logger.info("JSON-RPC TCP server listening on " + this.address.getHostAddress() + ":" + bound.port() + " ("
					+ this.framing.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
					+ ((ssl != null) ? ", TLS" : "") + ")");
		}
	}

	private void startKeepAlive() {
		TaskScheduler scheduler = this.taskScheduler;
		if (scheduler == null && !this.settings.pingInterval().isZero()) {
			ThreadPoolTaskScheduler own = new ThreadPoolTaskScheduler();
			own.setThreadNamePrefix("jsonrpc-tcp-keepalive-");
			own.setDaemon(true);
			own.initialize();
			this.ownScheduler = own;
			scheduler = own;
		}
		if (scheduler != null) {
			this.keepAlive = new JsonRpcKeepAlive(scheduler, this.settings.pingInterval(), this.connections::values);
			this.keepAlive.start();
		}
	}

	private Publisher<Void> accept(NettyInbound inbound) {
		Connection[] holder = new Connection[1];
		inbound.withConnection((connection) -> holder[0] = connection);
		Connection connection = holder[0];
		if (connection == null || this.draining) {
			return Mono.empty();
		}
		Principal principal;
		try {
			principal = authenticate(connection);
		}
		catch (RuntimeException ex) {
			if (logger.isDebugEnabled()) {
				logger.debug(
						"Refused TCP connection from " + connection.channel().remoteAddress() + ": " + ex.getMessage());
			}
			return Mono.empty();
		}
		TcpJsonRpcConnection session = new TcpJsonRpcConnection(connection, principal, this.handler, this.settings,
				this.executor, this.framing);
		this.connections.put(session.id(), session);
		session.onClose(() -> this.connections.remove(session.id(), session));
		this.sessionRegistry.register(session);
		connection.onDispose(session::transportClosed);
		Reader reader = new Reader(session, connection);
		session.onResume(reader::next);
		connection.addHandlerLast("jsonrpc.inputShutdown", new InputShutdownHandler(reader));
		inbound.receive().subscribe(reader);
		if (logger.isDebugEnabled()) {
			logger.debug("TCP session " + session.id() + " opened from " + session.remoteAddress());
		}
		return connection.onDispose();
	}

	private @Nullable Principal authenticate(Connection connection) {
		JsonRpcConnectionAuthenticator current = this.authenticator;
		if (current == null) {
			return null;
		}
		SslHandler ssl = connection.channel().pipeline().get(SslHandler.class);
		SSLSession sslSession = (ssl != null) ? ssl.engine().getSession() : null;
		InetSocketAddress remote = (connection.channel().remoteAddress() instanceof InetSocketAddress address) ? address
				: null;
		return current.authenticate(new JsonRpcConnectionAuthenticator.Handshake(remote, sslSession));
	}

	@Override
	public void stop() {
		DisposableServer current;
		synchronized (this.lifecycleMonitor) {
			current = this.server;
			if (current == null) {
				return;
			}
			this.server = null;
			// no new connections, no more reading: what is running finishes
			this.draining = true;
		}
		awaitQuiet();
		for (TcpJsonRpcConnection connection : this.connections.values()) {
			connection.close(JsonRpcCloseReason.SHUTDOWN);
		}
		synchronized (this.lifecycleMonitor) {
			if (this.keepAlive != null) {
				this.keepAlive.stop();
				this.keepAlive = null;
			}
			if (this.ownScheduler != null) {
				this.ownScheduler.shutdown();
				this.ownScheduler = null;
			}
		}
		// an interrupt while waiting for the calls must not keep the port bound: it is
		// restored once the server is disposed
		boolean interrupted = Thread.interrupted();
		try {
			current.disposeNow(Duration.ofSeconds(5));
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
		logger.info("JSON-RPC TCP server stopped");
	}

	/**
	 * Wait until no connection has a call running or a message waiting to be written, at
	 * most the shutdown timeout.
	 */
	private void awaitQuiet() {
		// saturates where Duration.toNanos() throws, and elapsed time is compared with it
		// instead of a deadline that could overflow
		long timeout = TimeUnit.NANOSECONDS.convert(this.shutdownTimeout);
		long start = System.nanoTime();
		synchronized (this.lifecycleMonitor) {
			while (isBusy()) {
				long left = timeout - (System.nanoTime() - start);
				if (left <= 0) {
					logger.warn("JSON-RPC TCP server stopping with calls still running after " + this.shutdownTimeout);
					return;
				}
				try {
					// no signal for "all calls done" across connections: look again soon
					this.lifecycleMonitor.wait(Math.max(1, Math.min(50, left / 1_000_000)));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	private boolean isBusy() {
		for (TcpJsonRpcConnection connection : this.connections.values()) {
			if (connection.isOpen() && !connection.isDrained()) {
				return true;
			}
		}
		return false;
	}

	@Override
	public boolean isRunning() {
		synchronized (this.lifecycleMonitor) {
			return this.server != null;
		}
	}

	/**
	 * Tells the reader when the client shut down its output (Reactor Netty does not end
	 * the inbound then), and from that moment swallows the requests to read the socket:
	 * nothing more can come. Reactor Netty asks to read again whenever it hands over a
	 * chunk it held back (it stops auto-read while the connection is busy), also after
	 * the end of input; on Netty's epoll transport that request closed the channel (the
	 * socket was no longer in the epoll set), so the calls of that chunk went unanswered.
	 * The server runs on NIO for that reason; the handler keeps such a pointless read
	 * from reaching any transport.
	 */
	private static final class InputShutdownHandler extends ChannelDuplexHandler {

		private final Reader reader;

		/** Only touched on the event loop. */
		private boolean inputShutdown;

		InputShutdownHandler(Reader reader) {
			this.reader = reader;
		}

		@Override
		public void userEventTriggered(ChannelHandlerContext context, Object event) {
			if (event == ChannelInputShutdownEvent.INSTANCE) {
				this.inputShutdown = true;
				this.reader.inputShutdown();
			}
			context.fireUserEventTriggered(event);
		}

		@Override
		public void read(ChannelHandlerContext context) {
			if (!this.inputShutdown) {
				context.read();
			}
		}

	}

	/**
	 * Reads a connection's input one chunk at a time: a chunk is requested only when the
	 * connection took the previous one, so Reactor Netty stops reading the socket (no
	 * auto-read) while the connection is busy.
	 */
	private final class Reader extends BaseSubscriber<ByteBuf> {

		private final TcpJsonRpcConnection session;

		private final Connection connection;

		/** A chunk was requested and not delivered: nothing read is held back. */
		private volatile boolean waiting;

		private volatile boolean inputShutdown;

		Reader(TcpJsonRpcConnection session, Connection connection) {
			this.session = session;
			this.connection = connection;
		}

		@Override
		protected void hookOnSubscribe(Subscription subscription) {
			next();
		}

		@Override
		protected void hookOnNext(ByteBuf chunk) {
			this.waiting = false;
			if (this.session.read(chunk.nioBuffer())) {
				next();
			}
		}

		/**
		 * Request the next chunk, on the event loop, where Reactor Netty hands over a
		 * chunk it already holds at once, or, when requested from within
		 * {@link #hookOnNext}, as soon as that returns: so {@link #waiting} still
		 * {@code true} in a later task of the event loop means nothing read is held back.
		 */
		void next() {
			EventLoop loop = this.connection.channel().eventLoop();
			if (loop.inEventLoop()) {
				requestNext();
			}
			else {
				loop.execute(this::requestNext);
			}
		}

		private void requestNext() {
			if (!JsonRpcTcpServer.this.draining) {
				this.waiting = true;
				request(1);
				// requested from within hookOnNext, a chunk Reactor Netty holds comes
				// only
				// once that returns: the end of input is looked at in a task of its own,
				// run after it
				this.connection.channel().eventLoop().execute(this::checkInputEnded);
			}
		}

		/**
		 * The client shut down its output: once every chunk read before was delivered,
		 * the connection answers what it has and closes. Called on the event loop.
		 */
		void inputShutdown() {
			this.inputShutdown = true;
			if (this.session.hasPartialMessage() && logger.isDebugEnabled()) {
				logger.debug("TCP session " + this.session.id() + " ended in the middle of a message");
			}
			checkInputEnded();
		}

		/**
		 * On the event loop, where every chunk is delivered: a request still open means
		 * every chunk read went to the connection.
		 */
		private void checkInputEnded() {
			if (this.inputShutdown && this.waiting) {
				this.session.inputEnded();
			}
		}

		@Override
		protected void hookOnError(Throwable failure) {
			if (logger.isDebugEnabled()) {
				logger.debug("TCP session " + this.session.id() + " failed", failure);
			}
			this.session.transportClosed();
		}

	}

}
