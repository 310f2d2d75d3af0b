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
package io.github.jsonrpc.server.websocket;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendResult;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator.OverflowStrategy;

/**
 * The bounded, ordered outbound queue of one connection. {@link #offer} never blocks: it
 * queues and starts writing if nothing is being written. Exceeding a limit makes
 * {@code offer} return {@code false}; a failed or timed-out write runs the failure
 * action. Both end in the session's slow-consumer policy.
 *
 * @author JSON-RPC for Spring Boot team
 */
abstract class WebSocketOutbound {

	private static final Log logger = LogFactory.getLog(WebSocketOutbound.class);

	private final int maxMessages;

	private final long maxBytes;

	private final ArrayDeque<String> queue = new ArrayDeque<>();

	private final List<Runnable> waiting = new ArrayList<>();

	private final Runnable onFailure;

	private long bytes;

	private boolean closed;

	WebSocketOutbound(int maxMessages, long maxBytes, Runnable onFailure) {
		this.maxMessages = maxMessages;
		this.maxBytes = maxBytes;
		this.onFailure = onFailure;
	}

	/**
	 * Create a queue written with the Jakarta WebSocket asynchronous API, one message at
	 * a time, so no thread waits for the client.
	 */
	static WebSocketOutbound async(RemoteEndpoint.Async remote, int maxMessages, long maxBytes, Duration sendTimeLimit,
			Executor executor, Runnable onFailure) {
		return new Async(remote, maxMessages, maxBytes, sendTimeLimit, executor, onFailure);
	}

	/**
	 * Create a queue written through Spring's concurrent decorator, for containers
	 * without the Jakarta WebSocket API; writes happen on an offering thread, one at a
	 * time: an offer made while another thread is writing only queues.
	 */
	static WebSocketOutbound decorated(WebSocketSession session, int maxMessages, long maxBytes, Duration sendTimeLimit,
			Runnable onFailure) {
		return new Decorated(session, maxMessages, maxBytes, sendTimeLimit, onFailure);
	}

	int maxMessages() {
		return this.maxMessages;
	}

	/**
	 * Queue a message; {@code whenRoom} (if any) runs once the queue is at most half
	 * full, at once if it already is.
	 * @return {@code false} if a limit is exceeded or the queue is closed
	 */
	boolean offer(String text, @Nullable Runnable whenRoom) {
		long length = text.length();
		boolean runNow;
		synchronized (this) {
			if (this.closed) {
				return false;
			}
			if (this.queue.size() >= this.maxMessages || this.bytes + length > this.maxBytes) {
				return false;
			}
			this.queue.add(text);
			this.bytes += length;
			runNow = hasRoom();
			if (whenRoom != null && !runNow) {
				this.waiting.add(whenRoom);
			}
		}
		flush();
		if (whenRoom != null && runNow) {
			whenRoom.run();
		}
		return true;
	}

	synchronized int size() {
		return this.queue.size();
	}

	/**
	 * Drop everything queued and refuse further messages.
	 */
	synchronized void close() {
		this.closed = true;
		this.queue.clear();
		this.waiting.clear();
		this.bytes = 0;
	}

	synchronized @Nullable String poll() {
		String next = this.closed ? null : this.queue.poll();
		if (next != null) {
			this.bytes -= next.length();
		}
		return next;
	}

	List<Runnable> takeWaitingIfRoom() {
		synchronized (this) {
			if (this.waiting.isEmpty() || !hasRoom()) {
				return List.of();
			}
			List<Runnable> result = new ArrayList<>(this.waiting);
			this.waiting.clear();
			return result;
		}
	}

	void failed(@Nullable Throwable ex) {
		if (logger.isDebugEnabled()) {
			logger.debug("WebSocket write failed", ex);
		}
		this.onFailure.run();
	}

	private boolean hasRoom() {
		return this.queue.size() <= this.maxMessages / 2 && this.bytes <= this.maxBytes / 2;
	}

	abstract void flush();

	private static final class Async extends WebSocketOutbound {

		private final RemoteEndpoint.Async remote;

		private final Executor executor;

		private boolean sending;

		Async(RemoteEndpoint.Async remote, int maxMessages, long maxBytes, Duration sendTimeLimit, Executor executor,
				Runnable onFailure) {
			super(maxMessages, maxBytes, onFailure);
			this.remote = remote;
			this.executor = executor;
			this.remote.setSendTimeout(sendTimeLimit.toMillis());
		}

		@Override
		void flush() {
			synchronized (this) {
				if (this.sending) {
					return;
				}
				this.sending = true;
			}
			pump();
		}

		private void pump() {
			while (true) {
				String next;
				synchronized (this) {
					next = poll();
					if (next == null) {
						this.sending = false;
						break;
					}
				}
				Step step = new Step(Thread.currentThread());
				try {
					this.remote.sendText(next, (result) -> sent(step, result));
				}
				catch (RuntimeException ex) {
					stopSending();
					failed(ex);
					return;
				}
				synchronized (step) {
					step.returned = true;
					if (!step.completedInline) {
						// the completion callback carries on
						return;
					}
				}
			}
			wakeWaiting();
		}

		private void sent(Step step, SendResult result) {
			if (!result.isOK()) {
				stopSending();
				failed(result.getException());
				return;
			}
			synchronized (step) {
				// completed on the sending thread before sendText returned: its loop goes
				// on
				if (!step.returned && step.thread == Thread.currentThread()) {
					step.completedInline = true;
					return;
				}
			}
			wakeWaiting();
			pump();
		}

		private synchronized void stopSending() {
			this.sending = false;
		}

		private void wakeWaiting() {
			List<Runnable> waiting = takeWaitingIfRoom();
			if (!waiting.isEmpty()) {
				this.executor.execute(() -> waiting.forEach(Runnable::run));
			}
		}

	}

	/**
	 * One asynchronous send, to tell a completion on the sending thread from a later one.
	 */
	private static final class Step {

		final Thread thread;

		boolean returned;

		boolean completedInline;

		Step(Thread thread) {
			this.thread = thread;
		}

	}

	private static final class Decorated extends WebSocketOutbound {

		private final ConcurrentWebSocketSessionDecorator decorator;

		private final Duration sendTimeLimit;

		private boolean sending;

		private long sendStarted;

		Decorated(WebSocketSession session, int maxMessages, long maxBytes, Duration sendTimeLimit,
				Runnable onFailure) {
			super(maxMessages, maxBytes, onFailure);
			this.sendTimeLimit = sendTimeLimit;
			this.decorator = new ConcurrentWebSocketSessionDecorator(session, (int) sendTimeLimit.toMillis(),
					(int) Math.min(Integer.MAX_VALUE, maxBytes), OverflowStrategy.TERMINATE);
		}

		@Override
		void flush() {
			boolean stuck;
			synchronized (this) {
				// the thread sending drains what was just queued, in order; the decorator
				// checks its time limit only on other threads, so check it here
				stuck = this.sending && System.nanoTime() - this.sendStarted > this.sendTimeLimit.toNanos();
				if (this.sending && !stuck) {
					return;
				}
				this.sending = true;
			}
			if (stuck) {
				failed(new IOException("Send not completed within " + this.sendTimeLimit));
				return;
			}
			while (true) {
				String next;
				synchronized (this) {
					// cleared under the lock that offer queues under: nothing is left
					// behind
					next = poll();
					if (next == null) {
						this.sending = false;
						break;
					}
					this.sendStarted = System.nanoTime();
				}
				try {
					this.decorator.sendMessage(new TextMessage(next.getBytes(StandardCharsets.UTF_8)));
				}
				catch (IOException | RuntimeException ex) {
					synchronized (this) {
						this.sending = false;
					}
					failed(ex);
					return;
				}
			}
			takeWaitingIfRoom().forEach(Runnable::run);
		}

	}

}
