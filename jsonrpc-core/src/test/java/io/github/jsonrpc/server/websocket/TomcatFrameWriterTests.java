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

import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.protocol.JsonRpcEncodedMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link TomcatFrameWriter}, on the sessions of a real embedded Tomcat.
 *
 * @author JSON-RPC for Spring Boot team
 */
class TomcatFrameWriterTests {

	private static final BlockingQueue<Session> opened = new LinkedBlockingQueue<>();

	private static TomcatWebSocketServer server;

	private TomcatWebSocketServer.Client client;

	private Session session;

	private TomcatFrameWriter writer;

	@BeforeAll
	static void startTomcat() throws Exception {
		server = TomcatWebSocketServer.start(() -> new Endpoint() {

			@Override
			public void onOpen(Session session, EndpointConfig config) {
				opened.add(session);
			}

		});
	}

	@AfterAll
	static void stopTomcat() throws Exception {
		server.close();
	}

	@BeforeEach
	void connect() throws Exception {
		this.client = server.connect();
		this.session = opened.poll(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS);
		assertThat(this.session).isNotNull();
		this.writer = TomcatFrameWriter.of(this.session);
		assertThat(this.writer).as("writer on Tomcat's own session").isNotNull();
	}

	@AfterEach
	void disconnect() {
		this.client.abort();
	}

	@Test
	void aMessageAloneIsWrittenAtOnce() {
		Sent sent = new Sent();
		this.writer.send(message("a"), false, sent, sent.inBuffer);
		assertThat(sent.ok()).isTrue();
		assertThat(sent.buffered()).isFalse();
		assertThat(this.client.take(1)).containsExactly(text("a"));
		assertThat(batching()).isFalse();
		// nothing was buffered: nothing to flush, no completion
		Sent flushed = new Sent();
		assertThat(this.writer.flush(flushed)).isFalse();
		assertThat(flushed.result).isNotDone();
	}

	@Test
	void messagesWithMoreQueuedBehindThemAreGatheredUntilTheFlush() {
		Sent first = new Sent();
		Sent second = new Sent();
		this.writer.send(message("a"), true, first, first.inBuffer);
		this.writer.send(message("b"), false, second, second.inBuffer);
		// both completed once in Tomcat's buffer, which is still gathering
		assertThat(first.ok()).isTrue();
		assertThat(second.ok()).isTrue();
		assertThat(first.buffered()).isTrue();
		assertThat(second.buffered()).isTrue();
		assertThat(batching()).isTrue();
		Sent flushed = new Sent();
		assertThat(this.writer.flush(flushed)).isTrue();
		assertThat(flushed.ok()).isTrue();
		assertThat(this.client.take(2)).containsExactly(text("a"), text("b"));
		// idle: Tomcat's own frames (pongs) are not held in the buffer any more
		this.writer.idle();
		assertThat(batching()).isFalse();
		assertThat(this.writer.flush(new Sent())).isFalse();
		Sent alone = new Sent();
		this.writer.send(message("c"), false, alone, alone.inBuffer);
		assertThat(alone.ok()).isTrue();
		assertThat(alone.buffered()).isFalse();
		assertThat(this.client.take(1)).containsExactly(text("c"));
	}

	@Test
	void idleWritesWhatIsStillInTheBuffer() {
		Sent sent = new Sent();
		this.writer.send(message("a"), true, sent, sent.inBuffer);
		assertThat(sent.ok()).isTrue();
		assertThat(sent.buffered()).isTrue();
		assertThat(batching()).isTrue();
		this.writer.idle();
		assertThat(batching()).isFalse();
		assertThat(this.client.take(1)).containsExactly(text("a"));
	}

	@Test
	void idleWithoutBatchingChangesNothing() {
		this.writer.idle();
		assertThat(batching()).isFalse();
		Sent sent = new Sent();
		this.writer.send(message("a"), false, sent, sent.inBuffer);
		assertThat(sent.ok()).isTrue();
		assertThat(sent.buffered()).isFalse();
		assertThat(this.client.take(1)).containsExactly(text("a"));
	}

	@Test
	void batchingIsNeverTurnedOnAgainOnceTheSessionIsClosing() {
		this.writer.closing();
		// what Tomcat's close does: turn batching off and write the buffer, then the
		// close frame; a message batched meanwhile would be lost behind it
		Sent sent = new Sent();
		this.writer.send(message("a"), true, sent, sent.inBuffer);
		assertThat(sent.ok()).isTrue();
		assertThat(sent.buffered()).isFalse();
		assertThat(batching()).isFalse();
		assertThat(this.client.take(1)).containsExactly(text("a"));
		// nothing was batched: nothing to flush
		assertThat(this.writer.flush(new Sent())).isFalse();
	}

	@Test
	void aSessionThatIsNotTomcatsHasNoWriter() {
		assertThat(TomcatFrameWriter.of(mock(Session.class))).isNull();
		assertThat(TomcatFrameWriter.Handles.find(mock(Session.class).getClass())).isNull();
		assertThat(TomcatFrameWriter.Handles.find(Object.class)).isNull();
	}

	@Test
	void handlesFoundForTheTypeOfTomcatsSessionReachItsBuffer() {
		// found afresh, not from the cache of session types
		TomcatFrameWriter.Handles handles = TomcatFrameWriter.Handles.find(this.session.getClass());
		assertThat(handles).isNotNull();
		TomcatFrameWriter fresh = TomcatFrameWriter.of(this.session, handles);
		assertThat(fresh).isNotNull();
		Sent sent = new Sent();
		fresh.send(message("a"), true, sent, sent.inBuffer);
		assertThat(sent.buffered()).isTrue();
		assertThat(batching()).isTrue();
		Sent flushed = new Sent();
		assertThat(fresh.flush(flushed)).isTrue();
		assertThat(flushed.ok()).isTrue();
		assertThat(this.client.take(1)).containsExactly(text("a"));
		fresh.idle();
		assertThat(batching()).isFalse();
		assertThat(TomcatFrameWriter.of(this.session, null)).isNull();
	}

	private boolean batching() {
		return this.session.getAsyncRemote().getBatchingAllowed();
	}

	private static JsonRpcEncodedMessage message(String name) {
		return JsonRpcEncodedMessage.wrap(text(name).getBytes(StandardCharsets.UTF_8));
	}

	private static String text(String name) {
		return "{\"jsonrpc\":\"2.0\",\"method\":\"" + name + "\"}";
	}

	/**
	 * The outcome of one send.
	 */
	private static final class Sent implements SendHandler {

		final CompletableFuture<SendResult> result = new CompletableFuture<>();

		// whether it was reported as gone into the batching buffer
		final CompletableFuture<Boolean> buffered = new CompletableFuture<>();

		final SendHandler inBuffer = (result) -> {
			this.buffered.complete(true);
			this.result.complete(result);
		};

		@Override
		public void onResult(SendResult result) {
			this.buffered.complete(false);
			this.result.complete(result);
		}

		boolean ok() {
			return TestWaits.join(this.result).isOK();
		}

		boolean buffered() {
			return TestWaits.join(this.buffered);
		}

	}

}
