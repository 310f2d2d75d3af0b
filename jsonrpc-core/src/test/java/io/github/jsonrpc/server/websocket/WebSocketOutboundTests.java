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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

/**
 * Tests for {@link WebSocketOutbound}.
 */
class WebSocketOutboundTests {

	@Test
	void decoratedDeliversEverythingFromConcurrentOfferersInTheirOrder() throws Exception {
		List<String> delivered = Collections.synchronizedList(new ArrayList<>());
		WebSocketSession session = mock(WebSocketSession.class, withSettings().stubOnly());
		given(session.getId()).willReturn("o1");
		given(session.isOpen()).willReturn(true);
		willAnswer((invocation) -> delivered.add(invocation.<TextMessage>getArgument(0).getPayload())).given(session)
			.sendMessage(any());
		AtomicBoolean failed = new AtomicBoolean();
		int count = 20_000;
		WebSocketOutbound outbound = WebSocketOutbound.decorated(session, 4 * count, Integer.MAX_VALUE,
				Duration.ofSeconds(10), () -> failed.set(true));
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService offerers = Executors.newFixedThreadPool(2);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (String prefix : List.of("a", "b")) {
				done.add(offerers.submit(() -> {
					assertThat(start.await(10, TimeUnit.SECONDS)).isTrue();
					for (int i = 0; i < count; i++) {
						assertThat(outbound.offer(prefix + i, null)).isTrue();
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : done) {
				future.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			offerers.shutdownNow();
		}
		assertThat(failed).isFalse();
		assertThat(outbound.size()).isZero();
		assertThat(delivered).hasSize(2 * count);
		for (String prefix : List.of("a", "b")) {
			assertThat(delivered.stream().filter((text) -> text.startsWith(prefix)))
				.containsExactlyElementsOf(IntStream.range(0, count).mapToObj((i) -> prefix + i).toList());
		}
	}

	@Test
	void decoratedOfferWhileAnotherThreadWritesOnlyQueuesAndKeepsTheOrder() throws Exception {
		List<String> delivered = Collections.synchronizedList(new ArrayList<>());
		CountDownLatch writing = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		WebSocketSession session = blockingSession(delivered, writing, release);
		AtomicBoolean failed = new AtomicBoolean();
		WebSocketOutbound outbound = WebSocketOutbound.decorated(session, 16, 1024 * 1024, Duration.ofSeconds(10),
				() -> failed.set(true));
		ExecutorService threads = Executors.newFixedThreadPool(3);
		try {
			Future<Boolean> first = threads.submit(() -> outbound.offer("first", null));
			assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
			// a subscribe reply, then a notification published right after it
			CountDownLatch replyQueued = new CountDownLatch(1);
			Future<Boolean> reply = threads.submit(() -> {
				boolean queued = outbound.offer("reply", null);
				replyQueued.countDown();
				return queued;
			});
			Future<Boolean> notification = threads.submit(() -> {
				assertThat(replyQueued.await(10, TimeUnit.SECONDS)).isTrue();
				return outbound.offer("notification", null);
			});
			// neither waits for the slow write, and neither takes a message out of order
			assertThat(reply.get(10, TimeUnit.SECONDS)).isTrue();
			assertThat(notification.get(10, TimeUnit.SECONDS)).isTrue();
			assertThat(outbound.size()).isEqualTo(2);
			assertThat(delivered).containsExactly("first");
			release.countDown();
			assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			release.countDown();
			threads.shutdownNow();
		}
		assertThat(delivered).containsExactly("first", "reply", "notification");
		assertThat(outbound.size()).isZero();
		assertThat(failed).isFalse();
	}

	@Test
	void decoratedWriteStuckBeyondTheSendTimeLimitFails() throws Exception {
		List<String> delivered = Collections.synchronizedList(new ArrayList<>());
		CountDownLatch writing = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		WebSocketSession session = blockingSession(delivered, writing, release);
		AtomicBoolean failed = new AtomicBoolean();
		WebSocketOutbound outbound = WebSocketOutbound.decorated(session, 1024, 1024 * 1024, Duration.ofMillis(50),
				() -> failed.set(true));
		ExecutorService threads = Executors.newSingleThreadExecutor();
		try {
			threads.submit(() -> outbound.offer("first", null));
			assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				outbound.offer("next", null);
				assertThat(failed).isTrue();
			});
		}
		finally {
			release.countDown();
			threads.shutdownNow();
		}
	}

	@Test
	void asyncWritesInOrderWhenSendsCompleteInline() {
		List<String> delivered = Collections.synchronizedList(new ArrayList<>());
		Session session = mock(Session.class);
		RemoteEndpoint.Async remote = mock(RemoteEndpoint.Async.class);
		willAnswer((invocation) -> {
			delivered.add(invocation.getArgument(0));
			invocation.<SendHandler>getArgument(1).onResult(new SendResult(session));
			return null;
		}).given(remote).sendText(anyString(), any(SendHandler.class));
		AtomicBoolean failed = new AtomicBoolean();
		WebSocketOutbound outbound = WebSocketOutbound.async(remote, 16, 1024, Duration.ofSeconds(10), Runnable::run,
				() -> failed.set(true));
		AtomicInteger roomSignals = new AtomicInteger();
		for (String text : List.of("a", "b", "c")) {
			assertThat(outbound.offer(text, roomSignals::incrementAndGet)).isTrue();
		}
		assertThat(delivered).containsExactly("a", "b", "c");
		assertThat(outbound.size()).isZero();
		assertThat(roomSignals).hasValue(3);
		assertThat(failed).isFalse();
	}

	@Test
	void asyncWritesOneAtATimeInOrderWhenSendsCompleteOnAnotherThread() throws Exception {
		List<String> delivered = Collections.synchronizedList(new ArrayList<>());
		BlockingQueue<SendHandler> pending = new LinkedBlockingQueue<>();
		Session session = mock(Session.class);
		RemoteEndpoint.Async remote = mock(RemoteEndpoint.Async.class);
		willAnswer((invocation) -> {
			delivered.add(invocation.getArgument(0));
			pending.add(invocation.getArgument(1));
			return null;
		}).given(remote).sendText(anyString(), any(SendHandler.class));
		AtomicBoolean failed = new AtomicBoolean();
		WebSocketOutbound outbound = WebSocketOutbound.async(remote, 16, 1024, Duration.ofSeconds(10), Runnable::run,
				() -> failed.set(true));
		for (String text : List.of("a", "b", "c")) {
			assertThat(outbound.offer(text, null)).isTrue();
		}
		// the first write is in progress: the others wait for its completion
		assertThat(delivered).containsExactly("a");
		assertThat(outbound.size()).isEqualTo(2);
		ExecutorService completer = Executors.newSingleThreadExecutor();
		try {
			for (int written = 1; written <= 3; written++) {
				SendHandler handler = pending.poll(10, TimeUnit.SECONDS);
				assertThat(handler).isNotNull();
				assertThat(pending).isEmpty();
				completer.submit(() -> handler.onResult(new SendResult(session))).get(10, TimeUnit.SECONDS);
				assertThat(delivered).hasSize(Math.min(written + 1, 3));
			}
		}
		finally {
			completer.shutdownNow();
		}
		assertThat(delivered).containsExactly("a", "b", "c");
		assertThat(pending).isEmpty();
		assertThat(outbound.size()).isZero();
		assertThat(failed).isFalse();
		// idle again: the next offer writes at once
		assertThat(outbound.offer("d", null)).isTrue();
		assertThat(delivered).containsExactly("a", "b", "c", "d");
	}

	@Test
	void asyncFailedSendClosesTheSession() throws Exception {
		Session nativeSession = mock(Session.class);
		RemoteEndpoint.Async remote = mock(RemoteEndpoint.Async.class);
		given(nativeSession.getAsyncRemote()).willReturn(remote);
		willAnswer((invocation) -> {
			invocation.<SendHandler>getArgument(1)
				.onResult(new SendResult(nativeSession, new IOException("connection reset")));
			return null;
		}).given(remote).sendText(anyString(), any(SendHandler.class));
		NativeWebSocketSession connection = mock(NativeWebSocketSession.class);
		given(connection.getId()).willReturn("o3");
		given(connection.isOpen()).willReturn(true);
		given(connection.getAttributes()).willReturn(new HashMap<>());
		given(connection.getNativeSession(Session.class)).willReturn(nativeSession);
		WebSocketJsonRpcSession session = new WebSocketJsonRpcSession(connection, JsonMapper.builder().build(), 16,
				1024, Duration.ofSeconds(10), Runnable::run);
		session.notify("n", null);
		assertThat(session.isOpen()).isFalse();
		then(connection).should().close(WebSocketJsonRpcSession.SLOW_CONSUMER);
		assertThat(session.notify("m", null)).isFalse();
		then(remote).should().sendText(anyString(), any(SendHandler.class));
	}

	private static WebSocketSession blockingSession(List<String> delivered, CountDownLatch writing,
			CountDownLatch release) throws Exception {
		WebSocketSession session = mock(WebSocketSession.class);
		given(session.getId()).willReturn("o2");
		given(session.isOpen()).willReturn(true);
		willAnswer((invocation) -> {
			String text = invocation.<TextMessage>getArgument(0).getPayload();
			delivered.add(text);
			if (text.equals("first")) {
				writing.countDown();
				assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
			}
			return null;
		}).given(session).sendMessage(any());
		return session;
	}

}
