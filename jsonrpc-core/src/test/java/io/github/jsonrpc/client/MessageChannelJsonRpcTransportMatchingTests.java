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

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.protocol.JsonRpcError;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for how {@link MessageChannelJsonRpcTransport} matches what it reads to what it
 * sent: replies to their calls by exact id, replies with a null id by order, stream items
 * to their stream, the rest to the listener; and what a dropped, refused or closed
 * connection does to pending exchanges. A fake channel records what is sent; the test
 * thread hands it messages as the channel's reading thread would.
 */
class MessageChannelJsonRpcTransportMatchingTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static final JsonRpcMessageCodec codec = JsonRpcMessageCodec.create(mapper);

	private static final String ENDPOINT = "tcp://127.0.0.1:1";

	private final FakeChannel channel = new FakeChannel();

	private final RecordingListener listener = new RecordingListener();

	// reconnects at once: the tests wait for them
	private final MessageChannelJsonRpcTransport transport = new MessageChannelJsonRpcTransport(URI.create(ENDPOINT),
			codec,
			new MessageChannelJsonRpcTransport.Options(null, Map.of(), Duration.ofMillis(1), Duration.ofMillis(1)),
			this.channel::open);

	@AfterEach
	void close() {
		this.transport.close();
	}

	@Test
	void repliesCompleteTheCallWithExactlyTheirId() throws Exception {
		CompletableFuture<List<JsonRpcResponse>> first = this.transport.exchange(call(1, "a"));
		CompletableFuture<List<JsonRpcResponse>> second = this.transport.exchange(call(2, "b"));
		assertThat(this.channel.next()).isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"a\",\"id\":1}");
		assertThat(this.channel.next()).isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"b\",\"id\":2}");
		// the string "1" is not the number 1
		this.channel.receive("{\"jsonrpc\":\"2.0\",\"result\":\"string\",\"id\":\"1\"}");
		this.channel.receive("{\"jsonrpc\":\"2.0\",\"result\":\"two\",\"id\":2}");
		assertThat(first).isNotDone();
		assertThat(TestWaits.get(second)).containsExactly(success(2, "\"two\""));
		this.channel.receive("{\"jsonrpc\":\"2.0\",\"result\":\"one\",\"id\":1}");
		assertThat(TestWaits.get(first)).containsExactly(success(1, "\"one\""));
	}

	@Test
	void batchReplyCompletesTheBatchByAnyOfItsIdsAndFreesThemAll() throws Exception {
		CompletableFuture<List<JsonRpcResponse>> batch = this.transport.exchange(JsonRpcClientRequest
			.batch(List.of(request(1, "a"), JsonRpcRequest.notification("log", null), request(2, "b"))));
		assertThat(this.channel.next()).isEqualTo("[{\"jsonrpc\":\"2.0\",\"method\":\"a\",\"id\":1},"
				+ "{\"jsonrpc\":\"2.0\",\"method\":\"log\"},{\"jsonrpc\":\"2.0\",\"method\":\"b\",\"id\":2}]");
		this.channel.receive("[{\"jsonrpc\":\"2.0\",\"result\":\"b\",\"id\":2},"
				+ "{\"jsonrpc\":\"2.0\",\"result\":\"a\",\"id\":1}]");
		assertThat(TestWaits.get(batch)).containsExactly(success(2, "\"b\""), success(1, "\"a\""));
		// both ids are free again
		assertThat(this.transport.exchange(call(1, "c"))).isNotDone();
		assertThat(this.transport.exchange(call(2, "d"))).isNotDone();
	}

	@Test
	void batchReplyIsMatchedByAnyOfItsEntries() throws Exception {
		CompletableFuture<List<JsonRpcResponse>> call = this.transport.exchange(call(2, "b"));
		this.channel.receive("[{\"jsonrpc\":\"2.0\",\"result\":\"x\",\"id\":9},"
				+ "{\"jsonrpc\":\"2.0\",\"result\":\"b\",\"id\":2}]");
		assertThat(TestWaits.get(call)).containsExactly(success(9, "\"x\""), success(2, "\"b\""));
	}

	@Test
	void endpointAndCodecAreRequired() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MessageChannelJsonRpcTransport(null, codec,
					MessageChannelJsonRpcTransport.Options.DEFAULTS, this.channel::open))
			.withMessage("URI is required");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MessageChannelJsonRpcTransport(URI.create(ENDPOINT), null,
					MessageChannelJsonRpcTransport.Options.DEFAULTS, this.channel::open))
			.withMessage("Codec is required");
	}

	@Test
	void reconnectDelayThatFitsExactlyIsNotSaturated() {
		long initial = Long.MAX_VALUE >> MessageChannelJsonRpcTransport.MAX_BACKOFF_DOUBLINGS;
		MessageChannelJsonRpcTransport.Options options = new MessageChannelJsonRpcTransport.Options(null, Map.of(),
				Duration.ofMillis(initial), Duration.ofMillis(Long.MAX_VALUE));
		assertThat(MessageChannelJsonRpcTransport.reconnectDelayMillis(options,
				MessageChannelJsonRpcTransport.MAX_BACKOFF_DOUBLINGS))
			.isEqualTo(initial << MessageChannelJsonRpcTransport.MAX_BACKOFF_DOUBLINGS);
	}

	@Test
	void idOfAPendingCallIsRefusedUntilItsReplyArrived() throws Exception {
		CompletableFuture<byte[]> pending = this.transport
			.exchangeRaw(bytes("{\"jsonrpc\":\"2.0\",\"method\":\"a\",\"id\":1}"));
		assertThat(this.transport.exchangeRaw(bytes("{\"jsonrpc\":\"2.0\",\"method\":\"b\",\"id\":1}")))
			.satisfies((refused) -> assertFailure(refused, "A call with id 1 is pending"));
		// a batch taking an id before the pending one gives it back
		assertThat(this.transport.exchange(JsonRpcClientRequest.batch(List.of(request(3, "c"), request(1, "d")))))
			.satisfies((refused) -> assertFailure(refused, "A call with id 1 is pending"));
		assertThat(this.transport.stream(request(1, "e"), (item, bytes) -> {
		})).satisfies((refused) -> assertFailure(refused, "A call with id 1 is pending"));
		CompletableFuture<List<JsonRpcResponse>> three = this.transport.exchange(call(3, "f"));
		assertThat(three).isNotDone();
		this.channel.receive("{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":1}");
		assertThat(new String(TestWaits.get(pending), StandardCharsets.UTF_8))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":1}");
		assertThat(this.transport.exchange(call(1, "g"))).isNotDone();
		this.channel.receive("{\"jsonrpc\":\"2.0\",\"result\":3,\"id\":3}");
		assertThat(TestWaits.get(three)).containsExactly(success(3, "3"));
	}

	@Test
	void callOfAStreamsIdIsRefused() {
		this.transport.stream(request(1, "words"), (item, bytes) -> {
		});
		assertThat(this.transport.exchange(call(1, "b")))
			.satisfies((refused) -> assertFailure(refused, "A call with id 1 is pending"));
		assertThat(this.transport.stream(request(1, "words"), (item, bytes) -> {
		})).satisfies((refused) -> assertFailure(refused, "A call with id 1 is pending"));
	}

	@Test
	void invalidEntryWithAnIdIsMatchedByThatId() throws Exception {
		CompletableFuture<byte[]> reply = this.transport.exchangeRaw(bytes("{\"jsonrpc\":\"2.0\",\"id\":4}"));
		this.channel
			.receive("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\"},\"id\":null}");
		assertThat(reply).isNotDone();
		this.channel
			.receive("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\"},\"id\":4}");
		assertThat(new String(TestWaits.get(reply), StandardCharsets.UTF_8)).contains("\"id\":4");
	}

	@Test
	void repliesWithANullIdCompleteUnidentifiedExchangesInOrder() throws Exception {
		CompletableFuture<byte[]> first = this.transport.exchangeRaw(bytes("not json"));
		CompletableFuture<byte[]> second = this.transport.exchangeRaw(bytes("[]"));
		assertThat(this.channel.next()).isEqualTo("not json");
		assertThat(this.channel.next()).isEqualTo("[]");
		// replies that carry an id are not theirs, even when nobody waits for that id
		this.channel.receive("{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":77}");
		this.channel.receive("[{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":77}]");
		assertThat(first).isNotDone();
		String parseError = "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}";
		this.channel.receive(parseError);
		assertThat(new String(TestWaits.get(first), StandardCharsets.UTF_8)).isEqualTo(parseError);
		assertThat(second).isNotDone();
		String invalid = "[{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\"},\"id\":null}]";
		this.channel.receive(invalid);
		assertThat(new String(TestWaits.get(second), StandardCharsets.UTF_8)).isEqualTo(invalid);
	}

	@Test
	void notificationIsDoneOnceSentAndSendsWaitForThePreviousOne() throws Exception {
		CompletableFuture<Void> firstSend = new CompletableFuture<>();
		this.channel.sendResults.add(firstSend);
		CompletableFuture<List<JsonRpcResponse>> first = this.transport
			.exchange(JsonRpcClientRequest.single(JsonRpcRequest.notification("a", null)));
		CompletableFuture<List<JsonRpcResponse>> second = this.transport
			.exchange(JsonRpcClientRequest.single(JsonRpcRequest.notification("b", null)));
		assertThat(this.channel.next()).isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"a\"}");
		assertThat(this.channel.sent).isEmpty();
		assertThat(first).isNotDone();
		firstSend.complete(null);
		assertThat(TestWaits.get(first)).isEmpty();
		assertThat(this.channel.next()).isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"b\"}");
		assertThat(TestWaits.get(second)).isEmpty();
	}

	@Test
	void failedSendFailsItsExchangeAndTheNextSendGoesOn() throws Exception {
		IOException broken = new IOException("broken pipe");
		this.channel.sendResults.add(CompletableFuture.failedFuture(broken));
		CompletableFuture<List<JsonRpcResponse>> failed = this.transport.exchange(call(1, "a"));
		assertThat(failed).failsWithin(TestWaits.SHORT)
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOf(JsonRpcTransportException.class)
			.withCauseExactlyInstanceOf(IOException.class);
		CompletableFuture<List<JsonRpcResponse>> next = this.transport.exchange(call(1, "b"));
		assertThat(this.channel.next()).contains("\"a\"");
		assertThat(this.channel.next()).contains("\"b\"");
		this.channel.receive("{\"jsonrpc\":\"2.0\",\"result\":true,\"id\":1}");
		assertThat(TestWaits.get(next)).containsExactly(success(1, "true"));
		assertThat(this.channel.opens).hasValue(1);
	}

	@Test
	void refusedConnectionFailsTheExchangeAndTheNextOneConnectsAgain() throws Exception {
		this.channel.refusals.set(1);
		assertThat(this.transport.exchange(call(1, "a"))).failsWithin(TestWaits.SHORT)
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOf(JsonRpcTransportException.class)
			.withMessage("Cannot connect to " + ENDPOINT)
			.withCauseExactlyInstanceOf(IOException.class);
		nextCallOpensASecondConnection();
	}

	private void nextCallOpensASecondConnection() throws Exception {
		CompletableFuture<List<JsonRpcResponse>> next = this.transport.exchange(call(2, "b"));
		assertThat(this.channel.next()).contains("\"b\"");
		assertThat(this.channel.opens).hasValue(2);
		assertThat(next).isNotDone();
	}

	@Test
	void connectionIsKeptUntilItsOutputCloses() throws Exception {
		this.transport.exchange(call(1, "a"));
		this.transport.exchange(call(2, "b"));
		assertThat(this.channel.next()).contains("\"a\"");
		assertThat(this.channel.next()).contains("\"b\"");
		assertThat(this.channel.opens).hasValue(1);
		this.channel.outputClosed = true;
		this.transport.exchange(call(3, "c"));
		assertThat(this.channel.next()).contains("\"c\"");
		assertThat(this.channel.opens).hasValue(2);
	}

	@Test
	void droppedConnectionFailsWhatIsPendingAndReconnectsThenTellsTheListener() throws Exception {
		this.transport.setListener(this.listener);
		CompletableFuture<List<JsonRpcResponse>> call = this.transport.exchange(call(1, "a"));
		CompletableFuture<byte[]> unidentified = this.transport.exchangeRaw(bytes("not json"));
		CompletableFuture<JsonRpcResponse> stream = this.transport.stream(request(2, "words"), (item, bytes) -> {
		});
		assertThat(this.channel.opens).hasValue(1);
		IOException reset = new IOException("reset");
		this.channel.drop(reset);
		for (CompletableFuture<?> pending : List.of(call, unidentified, stream)) {
			assertThat(pending).failsWithin(TestWaits.SHORT)
				.withThrowableOfType(ExecutionException.class)
				.havingCause()
				.isInstanceOf(JsonRpcTransportException.class)
				.withMessage("Connection to " + ENDPOINT + " closed")
				.withCause(reset);
		}
		assertThat(TestWaits.get(this.listener.reconnected)).isEqualTo("jsonrpc-client-reconnect (daemon)");
		assertThat(this.channel.opens).hasValue(2);
	}

	@Test
	void lateDropOfAReplacedConnectionFailsOnlyWhatWasSentOnItAndKeepsItsReplacement() throws Exception {
		this.transport.setListener(this.listener);
		CompletableFuture<List<JsonRpcResponse>> old = this.transport.exchange(call(1, "a"));
		CompletableFuture<JsonRpcResponse> oldStream = this.transport.stream(request(2, "words"), (item, bytes) -> {
		});
		assertThat(this.channel.next()).contains("\"a\"");
		assertThat(this.channel.next()).contains("\"id\":2");
		// the first connection's output closes: the next calls go out on a second one
		this.channel.outputClosed = true;
		CompletableFuture<List<JsonRpcResponse>> call = this.transport.exchange(call(3, "b"));
		CompletableFuture<byte[]> unidentified = this.transport.exchangeRaw(bytes("not json"));
		CompletableFuture<JsonRpcResponse> stream = this.transport.stream(request(4, "words"), (item, bytes) -> {
		});
		assertThat(this.channel.next()).contains("\"b\"");
		assertThat(this.channel.next()).isEqualTo("not json");
		assertThat(this.channel.next()).contains("\"id\":4");
		assertThat(this.channel.opens).hasValue(2);
		// only now does the first connection report its end
		IOException reset = new IOException("reset");
		this.channel.receivers.get(0).onClosed(reset);
		for (CompletableFuture<?> pending : List.of(old, oldStream)) {
			assertThat(pending).failsWithin(TestWaits.SHORT)
				.withThrowableOfType(ExecutionException.class)
				.havingCause()
				.isInstanceOf(JsonRpcTransportException.class)
				.withMessage("Connection to " + ENDPOINT + " closed")
				.withCause(reset);
		}
		assertThat(call).isNotDone();
		assertThat(unidentified).isNotDone();
		assertThat(stream).isNotDone();
		// the second connection is still the transport's: it answers and carries the next
		// call
		this.channel.receive("{\"jsonrpc\":\"2.0\",\"result\":\"b\",\"id\":3}");
		assertThat(TestWaits.get(call)).containsExactly(success(3, "\"b\""));
		String parseError = "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}";
		this.channel.receive(parseError);
		assertThat(new String(TestWaits.get(unidentified), StandardCharsets.UTF_8)).isEqualTo(parseError);
		this.channel.receive("{\"jsonrpc\":\"2.0\",\"result\":\"done\",\"id\":4}");
		assertThat(TestWaits.get(stream)).isEqualTo(success(4, "\"done\""));
		CompletableFuture<List<JsonRpcResponse>> next = this.transport.exchange(call(5, "c"));
		assertThat(this.channel.next()).contains("\"c\"");
		assertThat(next).isNotDone();
		assertThat(this.channel.opens).hasValue(2);
		// the replacement is a new session of the server: the listener was told once, so
		// that it subscribes again there
		assertThat(TestWaits.get(this.listener.reconnected)).isEqualTo("jsonrpc-client-reconnect (daemon)");
		assertThat(this.listener.reconnects).hasValue(1);
	}

	@Test
	void replacementThatCannotOpenIsRetriedUntilItOpensAndThenAnnounced() throws Exception {
		this.transport.setListener(this.listener);
		this.transport.exchange(call(1, "a"));
		assertThat(this.channel.next()).contains("\"a\"");
		// the output closes, the server is away: the call that needs a new connection
		// fails
		this.channel.outputClosed = true;
		this.channel.refusals.set(2);
		assertThat(this.transport.exchange(call(2, "b"))).failsWithin(TestWaits.SHORT)
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOf(JsonRpcTransportException.class)
			.withMessage("Cannot connect to " + ENDPOINT);
		// nothing else calls, yet the transport keeps trying and announces the new
		// session
		assertThat(TestWaits.get(this.listener.reconnected)).isEqualTo("jsonrpc-client-reconnect (daemon)");
		assertThat(this.channel.opens).hasValue(4);
		assertThat(this.listener.reconnects).hasValue(1);
	}

	@Test
	void firstConnectionIsNotAnnouncedAsAReconnection() throws Exception {
		this.transport.setListener(this.listener);
		CompletableFuture<List<JsonRpcResponse>> call = this.transport.exchange(call(1, "a"));
		assertThat(this.channel.next()).contains("\"a\"");
		this.channel.receive("{\"jsonrpc\":\"2.0\",\"result\":true,\"id\":1}");
		TestWaits.get(call);
		// an announcement would run on the transport's scheduler: none comes for a while
		await().during(Duration.ofMillis(200)).atMost(TestWaits.SHORT).until(() -> this.listener.reconnects.get() == 0);
	}

	@Test
	void errorOfTheOpenerGoesOnAndTheNextCallOpensAgain() throws Exception {
		this.channel.openingError = new LinkageError("opener broken");
		assertThatExceptionOfType(LinkageError.class).isThrownBy(() -> this.transport.exchange(call(1, "a")))
			.withMessage("opener broken");
		// not left "opening" for good: the next call connects
		nextCallOpensASecondConnection();
	}

	@Test
	void openingNeverAnsweredFailsAfterTheConnectTimeoutAndWhatOpensLateIsClosed() throws Exception {
		try (MessageChannelJsonRpcTransport bounded = new MessageChannelJsonRpcTransport(URI.create(ENDPOINT), codec,
				new MessageChannelJsonRpcTransport.Options(Duration.ofMillis(100), Map.of(), Duration.ofMillis(1),
						Duration.ofMillis(1)),
				this.channel::open)) {
			this.channel.holdOpenings = true;
			assertThat(bounded.exchange(call(1, "a"))).failsWithin(TestWaits.SHORT)
				.withThrowableOfType(ExecutionException.class)
				.havingCause()
				.isInstanceOf(JsonRpcTransportException.class)
				.withMessage("Cannot connect to " + ENDPOINT)
				.havingCause()
				.isInstanceOf(TimeoutException.class);
			// the handshake ends after all: nobody uses that connection, it is closed
			CompletableFuture<MessageChannel> late = this.channel.held.poll(TestWaits.SHORT.toMillis(),
					TimeUnit.MILLISECONDS);
			assertThat(late).isNotNull();
			late.complete(this.channel);
			assertThat(this.channel.closed).isTrue();
		}
	}

	@Test
	void reconnectionThatDropsBeforeItsOpeningEndsIsRetried() throws Exception {
		// a delay long enough for the retry to be still scheduled when the opening ends
		try (MessageChannelJsonRpcTransport slow = new MessageChannelJsonRpcTransport(URI.create(ENDPOINT), codec,
				new MessageChannelJsonRpcTransport.Options(null, Map.of(), Duration.ofMillis(300),
						Duration.ofMillis(300)),
				this.channel::open)) {
			slow.setListener(this.listener);
			slow.exchange(call(1, "a"));
			assertThat(this.channel.next()).contains("\"a\"");
			this.channel.holdOpenings = true;
			this.channel.drop(null);
			CompletableFuture<MessageChannel> reopening = this.channel.held.poll(TestWaits.SHORT.toMillis(),
					TimeUnit.MILLISECONDS);
			assertThat(reopening).isNotNull();
			// the server closes the new connection before its opening has ended (a TCP
			// reader or a WebSocket close frame can be that fast), then the opening ends
			this.channel.receivers.get(1).onClosed(new IOException("closed at once"));
			reopening.complete(this.channel);
			// the retry that drop scheduled still runs: the transport is not left without
			// a connection
			CompletableFuture<MessageChannel> retry = this.channel.held.poll(TestWaits.SHORT.toMillis(),
					TimeUnit.MILLISECONDS);
			assertThat(retry).isNotNull();
			this.channel.holdOpenings = false;
			retry.complete(this.channel);
			assertThat(TestWaits.get(this.listener.reconnected)).isEqualTo("jsonrpc-client-reconnect (daemon)");
			assertThat(this.listener.reconnects).hasValue(1);
		}
	}

	@Test
	void connectionOpeningWhenTheTransportClosesIsClosedOnceOpen() throws Exception {
		this.channel.holdOpenings = true;
		CompletableFuture<List<JsonRpcResponse>> call = this.transport.exchange(call(1, "a"));
		this.transport.close();
		assertThat(call).failsWithin(TestWaits.SHORT)
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOf(JsonRpcTransportException.class);
		CompletableFuture<MessageChannel> opening = this.channel.held.poll(TestWaits.SHORT.toMillis(),
				TimeUnit.MILLISECONDS);
		assertThat(opening).isNotNull();
		opening.complete(this.channel);
		assertThat(this.channel.closed).isTrue();
		assertThat(this.channel.opens).hasValue(1);
		assertThat(this.channel.sent).isEmpty();
	}

	@Test
	void exchangeTheCallerGaveUpOnNoLongerHoldsItsId() throws Exception {
		CompletableFuture<List<JsonRpcResponse>> abandoned = this.transport.exchange(call(1, "a"));
		assertThat(this.channel.next()).contains("\"a\"");
		// what the client does when its timeout passes
		abandoned.completeExceptionally(new TimeoutException());
		CompletableFuture<List<JsonRpcResponse>> again = this.transport.exchange(call(1, "b"));
		assertThat(this.channel.next()).contains("\"b\"");
		this.channel.receive("{\"jsonrpc\":\"2.0\",\"result\":true,\"id\":1}");
		assertThat(TestWaits.get(again)).containsExactly(success(1, "true"));
	}

	@Test
	void reconnectIsRetriedUntilTheConnectionOpens() throws Exception {
		this.transport.setListener(this.listener);
		this.transport.exchange(call(1, "a"));
		this.channel.refusals.set(2);
		this.channel.drop(null);
		assertThat(TestWaits.get(this.listener.reconnected)).isEqualTo("jsonrpc-client-reconnect (daemon)");
		assertThat(this.channel.opens).hasValue(4);
	}

	@Test
	void closedTransportFailsPendingExchangesAndRefusesNewOnes() throws Exception {
		CompletableFuture<List<JsonRpcResponse>> call = this.transport.exchange(call(1, "a"));
		CompletableFuture<JsonRpcResponse> stream = this.transport.stream(request(2, "words"), (item, bytes) -> {
		});
		// answered with a null id only, matched by order
		CompletableFuture<byte[]> unidentified = this.transport.exchangeRaw(bytes("not json"));
		this.transport.close();
		for (CompletableFuture<?> pending : List.of(call, stream, unidentified)) {
			assertFailure(pending, "Transport to " + ENDPOINT + " closed");
		}
		assertThat(this.channel.closed).isTrue();
		assertFailure(this.transport.exchange(call(3, "b")), "Transport to " + ENDPOINT + " is closed");
		assertFailure(this.transport.exchangeRaw(bytes("{}")), "Transport to " + ENDPOINT + " is closed");
		assertFailure(this.transport.stream(request(4, "words"), (item, bytes) -> {
		}), "Transport to " + ENDPOINT + " is closed");
	}

	@Test
	void streamItemsOfTheCallGoToItsConsumerWithTheirFrameSizeUntilTheFinalResponse() throws Exception {
		this.transport.setListener(this.listener);
		BlockingQueue<String> items = new LinkedBlockingQueue<>();
		CompletableFuture<JsonRpcResponse> result = this.transport.stream(request(5, "words"),
				(item, bytes) -> items.add(item + " " + bytes));
		assertThat(this.channel.next()).isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"words\",\"id\":5}");
		String item = "{\"jsonrpc\":\"2.0\",\"method\":\"rpc.stream\",\"params\":{\"id\":5,\"item\":\"é\"}}";
		this.channel.receive(item);
		this.channel.receive("{\"jsonrpc\":\"2.0\",\"method\":\"rpc.stream\",\"params\":{\"id\":5}}");
		// an item of another call is no item of this one
		this.channel.receive("{\"jsonrpc\":\"2.0\",\"method\":\"rpc.stream\",\"params\":{\"id\":6,\"item\":1}}");
		assertThat(items).containsExactly("\"é\" " + item.getBytes(StandardCharsets.UTF_8).length, "null 57");
		assertThat(this.listener.notifications).containsExactly("rpc.stream 66");
		assertThat(result).isNotDone();
		this.channel.receive("{\"jsonrpc\":\"2.0\",\"result\":{\"count\":2},\"id\":5}");
		assertThat(TestWaits.get(result)).isEqualTo(success(5, "{\"count\":2}"));
		// done: no cancel follows
		this.transport.exchangeRaw(bytes("{\"jsonrpc\":\"2.0\",\"method\":\"end\"}"));
		assertThat(this.channel.next()).contains("\"end\"");
	}

	@Test
	void streamEndsWithTheErrorOfItsFinalResponse() throws Exception {
		CompletableFuture<JsonRpcResponse> result = this.transport.stream(request(5, "words"), (item, bytes) -> {
		});
		this.channel.receive("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32001,\"message\":\"No\"},\"id\":5}");
		assertThat(TestWaits.get(result))
			.isEqualTo(JsonRpcResponse.failure(JsonRpcId.of(5), JsonRpcError.of(-32001, "No")));
	}

	@Test
	void invalidFinalResponseFailsTheStream() {
		CompletableFuture<JsonRpcResponse> result = this.transport.stream(request(5, "words"), (item, bytes) -> {
		});
		this.channel.receive("{\"jsonrpc\":\"1.0\",\"result\":1,\"id\":5}");
		assertThat(result).failsWithin(TestWaits.SHORT)
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOf(JsonRpcTransportException.class)
			.withMessage("Invalid reply to method 'words' (id 5): Invalid response: 'jsonrpc' must be \"2.0\"");
	}

	@Test
	void cancelledStreamSendsRpcCancelWithItsId() throws Exception {
		CompletableFuture<JsonRpcResponse> result = this.transport
			.stream(JsonRpcRequest.call(JsonRpcId.of("s-5"), "words", null), (item, bytes) -> {
			});
		assertThat(this.channel.next()).contains("\"words\"");
		result.cancel(false);
		assertThat(this.channel.next())
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"rpc.cancel\",\"params\":{\"id\":\"s-5\"}}");
		// the id is free again
		assertThat(this.transport
			.exchange(JsonRpcClientRequest.single(JsonRpcRequest.call(JsonRpcId.of("s-5"), "again", null))))
			.isNotDone();
	}

	@Test
	void streamWhoseCallCannotBeSentFails() {
		this.channel.sendResults.add(CompletableFuture.failedFuture(new IOException("broken pipe")));
		assertThat(this.transport.stream(request(5, "words"), (item, bytes) -> {
		})).failsWithin(TestWaits.SHORT)
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOf(JsonRpcTransportException.class);
	}

	@Test
	void streamedCallNeedsAnId() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.transport.stream(JsonRpcRequest.notification("words", null), (item, bytes) -> {
			}))
			.withMessage("A streamed call needs an id");
	}

	@Test
	void notificationsGoToTheListenerInOrderWithTheirFrameSize() throws Exception {
		this.transport.setListener(this.listener);
		openChannel();
		this.listener.failOn = "broken";
		this.channel.receive("{\"jsonrpc\":\"2.0\",\"method\":\"news\",\"params\":[1]}");
		// not JSON, not a valid notification, a listener that fails: each skipped alone
		this.channel.receive("not json");
		this.channel.receive("{\"jsonrpc\":\"2.0\",\"method\":\"news\",\"params\":1}");
		this.channel.receive("{\"jsonrpc\":\"2.0\",\"method\":\"broken\"}");
		this.channel.receive("{\"jsonrpc\":\"2.0\",\"method\":\"tick\"}");
		assertThat(this.listener.notifications).containsExactly("news 46", "tick 33");
	}

	@Test
	void notificationsWithoutAListenerAreDropped() throws Exception {
		openChannel();
		this.channel.receive("{\"jsonrpc\":\"2.0\",\"method\":\"news\",\"params\":[1]}");
		this.transport.setListener(this.listener);
		this.channel.receive("{\"jsonrpc\":\"2.0\",\"method\":\"tick\"}");
		assertThat(this.listener.notifications).containsExactly("tick 33");
	}

	@Test
	void callOfTheServerWithoutAListenerIsAnsweredMethodNotFound() throws Exception {
		openChannel();
		this.channel.receive("{\"jsonrpc\":\"2.0\",\"method\":\"confirm\",\"id\":\"srv-1\"}");
		assertThat(this.channel.next()).isEqualTo(
				"{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":\"srv-1\"}");
	}

	@Test
	void invalidCallOfTheServerIsAnsweredWithItsProtocolError() throws Exception {
		this.transport.setListener(this.listener);
		openChannel();
		this.channel.receive("{\"jsonrpc\":\"2.0\",\"method\":\"confirm\",\"params\":1,\"id\":\"srv-1\"}");
		JsonNode answer = mapper.readTree(this.channel.next());
		assertThat(answer.get("id").stringValue()).isEqualTo("srv-1");
		assertThat(answer.get("error").get("code").intValue()).isEqualTo(-32600);
		assertThat(this.listener.requests).isEmpty();
	}

	@Test
	void answerOfTheListenerIsSentWhenItCompletes() throws Exception {
		this.transport.setListener(this.listener);
		openChannel();
		this.channel.receive("{\"jsonrpc\":\"2.0\",\"method\":\"confirm\",\"id\":\"srv-1\"}");
		assertThat(this.listener.requests).containsExactly("confirm");
		assertThat(this.channel.sent).isEmpty();
		this.listener.answer.complete(JsonRpcResponse.success(JsonRpcId.of("srv-1"), true));
		assertThat(this.channel.next()).isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":true,\"id\":\"srv-1\"}");
	}

	@Test
	void answerCompletedAfterCloseIsNotSent() throws Exception {
		this.transport.setListener(this.listener);
		openChannel();
		this.channel.receive("{\"jsonrpc\":\"2.0\",\"method\":\"confirm\",\"id\":\"srv-1\"}");
		this.transport.close();
		this.listener.answer.complete(JsonRpcResponse.success(JsonRpcId.of("srv-1"), true));
		// sending would have opened the connection again
		assertThat(this.channel.sent).isEmpty();
		assertThat(this.channel.opens).hasValue(1);
	}

	@Test
	void failedAnswerToACallWithANullIdIsAnInternalErrorForThatId() throws Exception {
		this.transport.setListener(this.listener);
		this.listener.answer.completeExceptionally(new IllegalStateException("handler failed"));
		openChannel();
		// an explicit null id makes a call, not a notification: it is answered
		this.channel.receive("{\"jsonrpc\":\"2.0\",\"method\":\"confirm\",\"id\":null}");
		assertThat(this.listener.requests).containsExactly("confirm");
		assertThat(this.channel.next())
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32603,\"message\":\"Internal error\"},\"id\":null}");
	}

	private void openChannel() throws Exception {
		TestWaits.get(this.transport.exchangeRaw(bytes("{\"jsonrpc\":\"2.0\",\"method\":\"hello\"}")));
		assertThat(this.channel.next()).contains("hello");
	}

	private static JsonRpcClientRequest call(long id, String method) {
		return JsonRpcClientRequest.single(request(id, method));
	}

	private static JsonRpcRequest request(long id, String method) {
		return JsonRpcRequest.call(JsonRpcId.of(id), method, null);
	}

	private static JsonRpcResponse success(long id, String result) {
		return JsonRpcResponse.success(JsonRpcId.of(id), mapper.readTree(result));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static void assertFailure(CompletableFuture<?> future, String message) {
		assertThat(future).failsWithin(TestWaits.SHORT)
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOf(JsonRpcTransportException.class)
			.withMessage(message);
	}

	/**
	 * Records notifications with their size, and calls; answers calls with
	 * {@link #answer}; completes {@link #reconnected} with the thread it was told on.
	 */
	private static final class RecordingListener implements JsonRpcTransport.Listener {

		final Queue<String> notifications = new ConcurrentLinkedQueue<>();

		final Queue<String> requests = new ConcurrentLinkedQueue<>();

		final CompletableFuture<@Nullable JsonRpcResponse> answer = new CompletableFuture<>();

		final CompletableFuture<String> reconnected = new CompletableFuture<>();

		final AtomicInteger reconnects = new AtomicInteger();

		volatile @Nullable String failOn;

		@Override
		public void onNotification(JsonRpcRequest notification) {
			throw new AssertionError("the transport gives the size");
		}

		@Override
		public void onNotification(JsonRpcRequest notification, long messageBytes) {
			if (notification.method().equals(this.failOn)) {
				throw new IllegalStateException("listener failed");
			}
			this.notifications.add(notification.method() + " " + messageBytes);
		}

		@Override
		public CompletableFuture<@Nullable JsonRpcResponse> onRequest(JsonRpcRequest request) {
			this.requests.add(request.method());
			return this.answer;
		}

		@Override
		public void onReconnect() {
			this.reconnects.incrementAndGet();
			Thread thread = Thread.currentThread();
			this.reconnected.complete(thread.getName() + (thread.isDaemon() ? " (daemon)" : ""));
		}

	}

	/**
	 * Channels that record what is sent; the test delivers messages, drops the
	 * connection, refuses openings and decides how sends complete.
	 */
	private static final class FakeChannel implements MessageChannel {

		final BlockingQueue<String> sent = new LinkedBlockingQueue<>();

		final Queue<CompletableFuture<?>> sendResults = new ConcurrentLinkedQueue<>();

		final AtomicInteger opens = new AtomicInteger();

		final AtomicInteger refusals = new AtomicInteger();

		/** The receiver of every connection opened, oldest first. */
		final List<MessageChannel.Receiver> receivers = new CopyOnWriteArrayList<>();

		volatile boolean outputClosed;

		volatile boolean closed;

		private volatile MessageChannel.@Nullable Receiver receiver;

		/** Thrown by the next opening, once. */
		volatile @Nullable Error openingError;

		/**
		 * Whether the next openings are left for the test to complete ({@link #held}).
		 */
		volatile boolean holdOpenings;

		final BlockingQueue<CompletableFuture<MessageChannel>> held = new LinkedBlockingQueue<>();

		CompletableFuture<MessageChannel> open(MessageChannel.Receiver receiver) {
			this.opens.incrementAndGet();
			Error error = this.openingError;
			if (error != null) {
				this.openingError = null;
				throw error;
			}
			if (this.refusals.getAndDecrement() > 0) {
				return CompletableFuture.failedFuture(new IOException("refused"));
			}
			if (this.holdOpenings) {
				this.receivers.add(receiver);
				CompletableFuture<MessageChannel> opening = new CompletableFuture<>();
				this.held.add(opening);
				return opening;
			}
			this.receiver = receiver;
			this.receivers.add(receiver);
			this.outputClosed = false;
			return CompletableFuture.completedFuture(this);
		}

		void receive(String text) {
			MessageChannel.Receiver current = this.receiver;
			assertThat(current).as("channel open").isNotNull();
			current.onMessage(text);
		}

		void drop(@Nullable Throwable error) {
			MessageChannel.Receiver current = this.receiver;
			assertThat(current).as("channel open").isNotNull();
			current.onClosed(error);
		}

		String next() throws InterruptedException {
			String message = this.sent.poll(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS);
			assertThat(message).as("a message sent").isNotNull();
			return message;
		}

		@Override
		public CompletableFuture<?> send(String text) {
			this.sent.add(text);
			CompletableFuture<?> result = this.sendResults.poll();
			return (result != null) ? result : CompletableFuture.completedFuture(null);
		}

		@Override
		public boolean isOutputClosed() {
			return this.outputClosed;
		}

		@Override
		public void close() {
			this.closed = true;
		}

	}

}
