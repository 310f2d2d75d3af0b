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
package io.github.jsonrpc.server.stdio;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.github.jsonrpc.protocol.JsonRpcFraming;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.JsonRpcSession;
import io.github.jsonrpc.server.JsonRpcSessionRegistry;
import io.github.jsonrpc.server.connection.JsonRpcCloseReason;
import io.github.jsonrpc.server.connection.JsonRpcConnectionSettings;
import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * Serves JSON-RPC on a pair of streams, by default the process's standard input and
 * output, through the shared {@link JsonRpcHandler}: one {@link JsonRpcSession} for the
 * life of the process, framed as newline-delimited JSON or with {@code Content-Length}
 * headers (as language servers are). Started with the application context; when the input
 * ends (the parent closed the pipe), running calls are answered, the session closes and
 * the end-of-input action runs (e.g. closing the application context).
 *
 * <p>
 * Nothing else may write to the output. With the default streams, {@link #start()} points
 * {@link System#out} at {@link System#err}, so that console logging and stray prints go
 * to standard error; a banner printed before start must be switched off (the
 * auto-configuration does both as early as it can).
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcStdioServer implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(JsonRpcStdioServer.class);

	private final JsonRpcHandler handler;

	private final JsonRpcSessionRegistry sessionRegistry;

	private final Executor executor;

	private final Object lifecycleMonitor = new Object();

	private @Nullable InputStream input;

	private @Nullable OutputStream output;

	private JsonRpcFraming framing = JsonRpcFraming.NDJSON;

	private JsonRpcConnectionSettings settings = JsonRpcConnectionSettings.DEFAULTS;

	private Duration shutdownTimeout = Duration.ofSeconds(30);

	private Runnable endOfInput = () -> {
	};

	private @Nullable Running running;

	private final AtomicBoolean ended = new AtomicBoolean();

	// told of every thread this server creates (tests look at their own server's)
	private Consumer<Thread> newThreads = (thread) -> {
	};

	/**
	 * Create a server.
	 * @param handler the shared JSON-RPC handler
	 * @param sessionRegistry the registry the session joins while open
	 * @param executor the executor calls run on
	 */
	public JsonRpcStdioServer(JsonRpcHandler handler, JsonRpcSessionRegistry sessionRegistry, Executor executor) {
		Assert.notNull(handler, "Handler is required");
		Assert.notNull(sessionRegistry, "SessionRegistry is required");
		Assert.notNull(executor, "Executor is required");
		this.handler = handler;
		this.sessionRegistry = sessionRegistry;
		this.executor = executor;
	}

	/**
	 * Use other streams than standard input and output (e.g. in tests).
	 * @param input where messages are read
	 * @param output where responses and notifications are written
	 */
	public void setStreams(InputStream input, OutputStream output) {
		Assert.notNull(input, "Input is required");
		Assert.notNull(output, "Output is required");
		this.input = input;
		this.output = output;
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
	 * Set the limits of the session (its keep-alive settings do not apply: the parent
	 * process owns the lifetime; a write blocked for longer than the send time limit,
	 * because the parent stopped reading, closes the session and so ends the
	 * application).
	 * @param settings the settings, {@link JsonRpcConnectionSettings#DEFAULTS} by default
	 */
	public void setSettings(JsonRpcConnectionSettings settings) {
		Assert.notNull(settings, "Settings are required");
		this.settings = settings;
	}

	/**
	 * Set how long stopping, or the end of input, waits for running calls; 30 s by
	 * default.
	 * @param shutdownTimeout the timeout
	 */
	public void setShutdownTimeout(Duration shutdownTimeout) {
		Assert.isTrue(shutdownTimeout != null && !shutdownTimeout.isNegative(),
				"Shutdown timeout must not be negative");
		this.shutdownTimeout = shutdownTimeout;
	}

	/**
	 * Set what runs once the session closed without a stop (the input ended, or the
	 * session ended by itself), on a thread of its own.
	 * @param endOfInput the action, e.g. closing the application context
	 */
	public void setEndOfInput(Runnable endOfInput) {
		Assert.notNull(endOfInput, "End of input action is required");
		this.endOfInput = endOfInput;
	}

	/**
	 * Be told of every thread this server creates, before it starts (for tests: the
	 * thread names are the same for every server in the JVM).
	 * @param newThreads told of each new thread
	 */
	void onNewThread(Consumer<Thread> newThreads) {
		this.newThreads = newThreads;
	}

	/**
	 * Return the session, while running.
	 * @return the session, {@code null} when not running
	 */
	public @Nullable JsonRpcSession session() {
		synchronized (this.lifecycleMonitor) {
			return (this.running != null) ? this.running.connection() : null;
		}
	}

	@Override
	public void start() {
		synchronized (this.lifecycleMonitor) {
			if (this.running != null) {
				return;
			}
			InputStream in = this.input;
			OutputStream out = this.output;
			if (in == null || out == null) {
				in = new FileInputStream(FileDescriptor.in);
				out = new FileOutputStream(FileDescriptor.out);
				// standard output carries the protocol: everything else goes to stderr
				System.setOut(System.err);
			}
			ExecutorService writer = Executors
				.newSingleThreadExecutor((task) -> thread(task, "jsonrpc-stdio-writer", true));
			// a session that ends by itself (a message over the limit, a parent that
			// stopped reading) ends the application too, even while nothing more arrives
			// on the input: told once the close queued its last words on the writer, so
			// that stopping the server, which shuts the writer down, still writes them
			StdioJsonRpcConnection connection = new StdioJsonRpcConnection(out, writer, this.handler, this.settings,
					this.executor, this.framing, writer::shutdown, () -> {
						if (isRunning()) {
							thread(this::ended, "jsonrpc-stdio-end", true).start();
						}
					});
			this.sessionRegistry.register(connection);
			InputStream source = in;
			Thread reader = thread(() -> read(source, connection), "jsonrpc-stdio-reader", true);
			this.ended.set(false);
			// the parent stops reading: the write blocks, and the session closes after
			// the
			// send time limit
			ScheduledExecutorService watchdog = Executors
				.newSingleThreadScheduledExecutor((task) -> thread(task, "jsonrpc-stdio-watchdog", true));
			long period = watchdogPeriodMillis(this.settings.sendTimeLimit());
			watchdog.scheduleWithFixedDelay(() -> connection.checkWrites(System.nanoTime()), period, period,
					TimeUnit.MILLISECONDS);
			// the reader is a daemon (a blocking read of stdin cannot be interrupted);
			// this keeps the JVM alive while serving, as a web server's thread does
			CountDownLatch stopped = new CountDownLatch(1);
			this.running = new Running(connection, writer, watchdog, stopped);
			reader.start();
			Thread await = thread(() -> {
				try {
					stopped.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}, "jsonrpc-stdio", false);
			await.start();
			logger.info("JSON-RPC on standard input/output ("
					+ this.framing.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ")");
		}
	}

	/**
	 * How often the watchdog looks for a write blocked beyond the send time limit: a
	 * quarter of the limit, at least 50 ms and at most a second.
	 * @param sendTimeLimit the send time limit
	 * @return the period in milliseconds
	 */
	static long watchdogPeriodMillis(Duration sendTimeLimit) {
		// saturates where Duration.toMillis() throws (ChronoUnit.FOREVER)
		return Math.max(50, Math.min(1000, TimeUnit.MILLISECONDS.convert(sendTimeLimit) / 4));
	}

	private Thread thread(Runnable task, String name, boolean daemon) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(daemon);
		this.newThreads.accept(thread);
		return thread;
	}

	private void read(InputStream in, StdioJsonRpcConnection connection) {
		byte[] buffer = new byte[8192];
		try {
			int count;
			while (connection.isOpen() && (count = in.read(buffer)) != -1) {
				if (!connection.read(ByteBuffer.wrap(buffer, 0, count)) && !connection.awaitReadable()) {
					break;
				}
			}
		}
		catch (IOException ex) {
			logger.debug("Standard input failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		if (connection.isOpen()) {
			logger.debug("End of standard input");
			drainAndClose(connection);
		}
		// the session closed (here, or before by itself, e.g. a message over the limit):
		// its close callback runs the end of input action
	}

	private void ended() {
		if (isRunning() && this.ended.compareAndSet(false, true)) {
			this.endOfInput.run();
		}
	}

	private void drainAndClose(StdioJsonRpcConnection connection) {
		// saturates where Duration.toNanos() throws; elapsed time cannot overflow
		long timeout = TimeUnit.NANOSECONDS.convert(this.shutdownTimeout);
		long start = System.nanoTime();
		synchronized (this.lifecycleMonitor) {
			while (connection.isOpen() && !connection.isDrained() && System.nanoTime() - start < timeout) {
				try {
					// no signal for "all calls done": look again soon
					this.lifecycleMonitor.wait(20);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
			}
		}
		connection.close(JsonRpcCloseReason.SHUTDOWN);
	}

	@Override
	public void stop() {
		Running current;
		synchronized (this.lifecycleMonitor) {
			current = this.running;
			this.running = null;
		}
		if (current == null) {
			return;
		}
		current.watchdog().shutdownNow();
		drainAndClose(current.connection());
		// the close queued the last messages (e.g. the error that ended the session) on
		// the writer: they are written, then the writer ends, whether or not the close's
		// own callback shut it down
		current.writer().shutdown();
		try {
			current.writer().awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		current.stopped().countDown();
	}

	@Override
	public boolean isRunning() {
		synchronized (this.lifecycleMonitor) {
			return this.running != null;
		}
	}

	/**
	 * What a started server runs: the session, its writer and watchdog, and what keeps
	 * the JVM alive.
	 */
	private record Running(StdioJsonRpcConnection connection, ExecutorService writer, ScheduledExecutorService watchdog,
			CountDownLatch stopped) {
	}

}
