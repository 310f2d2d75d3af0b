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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import io.github.jsonrpc.protocol.JsonRpcEncodedMessage;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.JsonRpcTransportContext;
import io.github.jsonrpc.server.connection.JsonRpcConnectionSettings;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import org.junit.jupiter.api.Test;

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
 * Tests for the outbound queue of {@link WebSocketJsonRpcConnection}, over blocking and
 * asynchronous WebSocket sends.
 */
class WebSocketJsonRpcConnectionOutboundTests {

	private static final JsonRpcMessageCodec codec = OkRpc.CODEC;

	private static final JsonRpcHandler handler = OkRpc.handler();

	private static WebSocketJsonRpcConnection connection(WebSocketSession session, int maxMessages, long maxBytes,
			Duration sendTimeLimit) {
		return new WebSocketJsonRpcConnection(session, handler,
				JsonRpcConnectionSettings.DEFAULTS.withOutboundLimits(maxMessages, maxBytes, sendTimeLimit),
				Runnable::run);
	}

	private static JsonRpcEncodedMessage message(String name) {
		return codec.encodeNotification(name, null);
	}

	private static String name(String payload) {
		Matcher matcher = METHOD.matcher(payload);
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	private static final Pattern METHOD = Pattern.compile("\"method\":\"([^\"]*)\"");

	@Test
	void decoratedDeliversEverythingFromConcurrentOfferersInTheirOrder() throws Exception {
		List<String> delivered = Collections.synchronizedList(new ArrayList<>());
		WebSocketSession session = mock(WebSocketSession.class, withSettings().stubOnly());
		given(session.getId()).willReturn("o1");
		given(session.isOpen()).willReturn(true);
		given(session.getAttributes()).willReturn(new HashMap<>());
		willAnswer((invocation) -> delivered.add(name(invocation.<TextMessage>getArgument(0).getPayload())))
			.given(session)
			.sendMessage(any());
		int count = 20_000;
		WebSocketJsonRpcConnection outbound = connection(session, 4 * count, Integer.MAX_VALUE, Duration.ofSeconds(10));
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService offerers = Executors.newFixedThreadPool(2);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (String prefix : List.of("a", "b")) {
				done.add(offerers.submit(() -> {
					assertThat(start.await(10, TimeUnit.SECONDS)).isTrue();
					for (int i = 0; i < count; i++) {
						assertThat(outbound.send(message(prefix + i))).isTrue();
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
		assertThat(outbound.isOpen()).isTrue();
		assertThat(outbound.outboundMessages()).isZero();
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
		WebSocketJsonRpcConnection outbound = connection(session, 16, 1024 * 1024, Duration.ofSeconds(10));
		ExecutorService threads = Executors.newFixedThreadPool(3);
		try {
			Future<Boolean> first = threads.submit(() -> outbound.send(message("first")));
			assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
			// a subscribe reply, then a notification published right after it
			CountDownLatch replyQueued = new CountDownLatch(1);
			Future<Boolean> reply = threads.submit(() -> {
				boolean queued = outbound.send(message("reply"));
				replyQueued.countDown();
				return queued;
			});
			Future<Boolean> notification = threads.submit(() -> {
				assertThat(replyQueued.await(10, TimeUnit.SECONDS)).isTrue();
				return outbound.send(message("notification"));
			});
			// neither waits for the slow write, and neither takes a message out of order
			assertThat(reply.get(10, TimeUnit.SECONDS)).isTrue();
			assertThat(notification.get(10, TimeUnit.SECONDS)).isTrue();
			assertThat(outbound.outboundMessages()).isEqualTo(3);
			assertThat(delivered).containsExactly("first");
			release.countDown();
			assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			release.countDown();
			threads.shutdownNow();
		}
		assertThat(delivered).containsExactly("first", "reply", "notification");
		assertThat(outbound.outboundMessages()).isZero();
		assertThat(outbound.isOpen()).isTrue();
	}

	@Test
	void decoratedWriteStuckBeyondTheSendTimeLimitFails() throws Exception {
		List<String> delivered = Collections.synchronizedList(new ArrayList<>());
		CountDownLatch writing = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		WebSocketSession session = blockingSession(delivered, writing, release);
		WebSocketJsonRpcConnection outbound = connection(session, 1024, 1024 * 1024, Duration.ofMillis(50));
		ExecutorService threads = Executors.newSingleThreadExecutor();
		try {
			threads.submit(() -> outbound.send(message("first")));
			assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				outbound.send(message("next"));
				assertThat(outbound.isOpen()).isFalse();
			});
			then(session).should().close(JsonRpcWebSocketHandler.SLOW_CONSUMER);
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
		WebSocketJsonRpcConnection outbound = connection(nativeSession(session, remote), 16, 1024,
				Duration.ofSeconds(10));
		AtomicInteger roomSignals = new AtomicInteger();
		JsonRpcExchange exchange = JsonRpcExchange.of(JsonRpcRequest.call(JsonRpcId.of(9), "stream", null),
				JsonRpcTransportContext.inProcess());
		for (String text : List.of("a", "b", "c")) {
			assertThat(outbound.streamSink().item(exchange, text, roomSignals::incrementAndGet)).isTrue();
		}
		assertThat(delivered).containsExactly(codec.encodeStreamItem(JsonRpcId.of(9), "a").text(),
				codec.encodeStreamItem(JsonRpcId.of(9), "b").text(),
				codec.encodeStreamItem(JsonRpcId.of(9), "c").text());
		assertThat(outbound.outboundMessages()).isZero();
		assertThat(roomSignals).hasValue(3);
		assertThat(outbound.isOpen()).isTrue();
	}

	@Test
	void asyncWritesOneAtATimeInOrderWhenSendsCompleteOnAnotherThread() throws Exception {
		List<String> delivered = Collections.synchronizedList(new ArrayList<>());
		BlockingQueue<SendHandler> pending = new LinkedBlockingQueue<>();
		Session session = mock(Session.class);
		RemoteEndpoint.Async remote = mock(RemoteEndpoint.Async.class);
		willAnswer((invocation) -> {
			delivered.add(name(invocation.getArgument(0)));
			pending.add(invocation.getArgument(1));
			return null;
		}).given(remote).sendText(anyString(), any(SendHandler.class));
		WebSocketJsonRpcConnection outbound = connection(nativeSession(session, remote), 16, 1024,
				Duration.ofSeconds(10));
		for (String text : List.of("a", "b", "c")) {
			assertThat(outbound.send(message(text))).isTrue();
		}
		// the first write is in progress: the others wait for its completion
		assertThat(delivered).containsExactly("a");
		assertThat(outbound.outboundMessages()).isEqualTo(3);
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
		assertThat(outbound.outboundMessages()).isZero();
		assertThat(outbound.isOpen()).isTrue();
		// idle again: the next offer writes at once
		assertThat(outbound.send(message("d"))).isTrue();
		assertThat(delivered).containsExactly("a", "b", "c", "d");
	}

	@Test
	void gatheredWritesFallBackToTheStandardApiWhenTomcatInternalsAreNotReachable() {
		List<String> delivered = Collections.synchronizedList(new ArrayList<>());
		Session nativeSession = mock(Session.class);
		RemoteEndpoint.Async remote = mock(RemoteEndpoint.Async.class);
		completesInline(remote, nativeSession, delivered);
		// a mocked session is not Tomcat's: the real TomcatFrameWriter.of finds nothing
		WebSocketJsonRpcConnection outbound = new WebSocketJsonRpcConnection(nativeSession(nativeSession, remote),
				handler, JsonRpcConnectionSettings.DEFAULTS, Runnable::run, true);
		assertThat(outbound.notify("a", null)).isTrue();
		assertThat(delivered).containsExactly("a");
		assertThat(outbound.isOpen()).isTrue();
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
		NativeWebSocketSession connection = nativeSession(nativeSession, remote);
		WebSocketJsonRpcConnection session = connection(connection, 16, 1024, Duration.ofSeconds(10));
		session.notify("n", null);
		assertThat(session.isOpen()).isFalse();
		then(connection).should().close(JsonRpcWebSocketHandler.SLOW_CONSUMER);
		assertThat(session.notify("m", null)).isFalse();
		then(remote).should().sendText(anyString(), any(SendHandler.class));
	}

	@Test
	void goingOverTheByteLimitClosesAsSlowConsumer() throws Exception {
		List<String> delivered = Collections.synchronizedList(new ArrayList<>());
		CountDownLatch writing = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		WebSocketSession session = blockingSession(delivered, writing, release);
		WebSocketJsonRpcConnection outbound = connection(session, 1024, 200, Duration.ofSeconds(10));
		ExecutorService threads = Executors.newSingleThreadExecutor();
		try {
			threads.submit(() -> outbound.send(message("first")));
			assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
			String big = "x".repeat(100);
			assertThat(outbound.notify(big, null)).isTrue();
			assertThat(outbound.outboundBytes()).isLessThanOrEqualTo(200);
			assertThat(outbound.notify(big, null)).isFalse();
			assertThat(outbound.isOpen()).isFalse();
			assertThat(outbound.outboundBytes()).isZero();
			then(session).should().close(JsonRpcWebSocketHandler.SLOW_CONSUMER);
		}
		finally {
			release.countDown();
			threads.shutdownNow();
		}
	}

	// every send completes before sendText returns; the method names are delivered
	private static void completesInline(RemoteEndpoint.Async remote, Session session, List<String> delivered) {
		willAnswer((invocation) -> {
			delivered.add(name(invocation.getArgument(0)));
			invocation.<SendHandler>getArgument(1).onResult(new SendResult(session));
			return null;
		}).given(remote).sendText(anyString(), any(SendHandler.class));
	}

	private static NativeWebSocketSession nativeSession(Session nativeSession, RemoteEndpoint.Async remote) {
		given(nativeSession.getAsyncRemote()).willReturn(remote);
		NativeWebSocketSession connection = mock(NativeWebSocketSession.class);
		given(connection.getId()).willReturn("o3");
		given(connection.isOpen()).willReturn(true);
		given(connection.getAttributes()).willReturn(new HashMap<>());
		given(connection.getNativeSession(Session.class)).willReturn(nativeSession);
		return connection;
	}

	private static WebSocketSession blockingSession(List<String> delivered, CountDownLatch writing,
			CountDownLatch release) throws Exception {
		WebSocketSession session = mock(WebSocketSession.class);
		given(session.getId()).willReturn("o2");
		given(session.isOpen()).willReturn(true);
		given(session.getAttributes()).willReturn(new HashMap<>());
		willAnswer((invocation) -> {
			String text = name(invocation.<TextMessage>getArgument(0).getPayload());
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
