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

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import io.github.jsonrpc.server.method.annotation.JsonRpcMethod;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Tests for the client over a message channel (the transport of WebSocket and TCP): how
 * it answers a call of the server when answering fails ({@code -32603} "Internal error"
 * for the call's id, nothing of the exception), and that the thread that reads the
 * channel never waits for the application nor queues for it without bound (a subscriber
 * that blocks in {@code onNext}, a handler that blocks). A fake channel records what the
 * client sends; the test thread hands it messages as the channel's reading thread would.
 */
class MessageChannelJsonRpcTransportTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static final JsonRpcMessageCodec codec = JsonRpcMessageCodec.create(mapper);

	private static final String SECRET = "secret detail of the failure";

	private static final String CALL = "{\"jsonrpc\":\"2.0\",\"method\":\"confirm\",\"params\":[\"sure?\"],\"id\":\"srv-7\"}";

	private final FakeChannel channel = new FakeChannel();

	private final MessageChannelJsonRpcTransport transport = new MessageChannelJsonRpcTransport(
			URI.create("tcp://127.0.0.1:1"), codec, MessageChannelJsonRpcTransport.Options.DEFAULTS,
			this.channel::open);

	private @Nullable JsonRpcClient client;

	@AfterEach
	void close() {
		if (this.client != null) {
			this.client.close();
		}
		this.transport.close();
	}

	static Stream<Arguments> failures() {
		return Stream.of(Arguments.of("function whose future fails",
				(Function<JsonRpcClient.Builder, JsonRpcClient.Builder>) (builder) -> builder.handler("confirm",
						String.class, (question) -> CompletableFuture.failedFuture(new IllegalStateException(SECRET)))),
				Arguments.of("function that throws",
						(Function<JsonRpcClient.Builder, JsonRpcClient.Builder>) (builder) -> builder.handler("confirm",
								String.class, (question) -> {
									throw new IllegalStateException(SECRET);
								})),
				Arguments.of("annotated method whose future fails",
						(Function<JsonRpcClient.Builder, JsonRpcClient.Builder>) (builder) -> builder
							.handler(new FailingConfirmation())));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("failures")
	void failingHandlerIsAnsweredWithInternalErrorWithoutItsMessage(String name,
			Function<JsonRpcClient.Builder, JsonRpcClient.Builder> handler) throws Exception {
		this.client = handler.apply(JsonRpcClient.builder().transport(this.transport)).build();
		JsonNode answer = callFromTheServer();
		assertThat(answer).isEqualTo(mapper.readTree(
				"{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32603,\"message\":\"Internal error\"},\"id\":\"srv-7\"}"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("listenerFailures")
	void failingListenerIsAnsweredWithInternalErrorWithoutItsMessage(String name, JsonRpcTransport.Listener listener)
			throws Exception {
		this.transport.setListener(listener);
		JsonNode answer = callFromTheServer();
		assertThat(answer).isEqualTo(mapper.readTree(
				"{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32603,\"message\":\"Internal error\"},\"id\":\"srv-7\"}"));
	}

	static Stream<Arguments> listenerFailures() {
		return Stream.of(Arguments.of("future that fails", new JsonRpcTransport.Listener() {

			@Override
			public void onNotification(io.github.jsonrpc.protocol.JsonRpcRequest notification) {
			}

			@Override
			public CompletableFuture<io.github.jsonrpc.protocol.@Nullable JsonRpcResponse> onRequest(
					io.github.jsonrpc.protocol.JsonRpcRequest request) {
				return CompletableFuture.failedFuture(new IllegalStateException(SECRET));
			}

		}), Arguments.of("method that throws", new JsonRpcTransport.Listener() {

			@Override
			public void onNotification(io.github.jsonrpc.protocol.JsonRpcRequest notification) {
			}

			@Override
			public CompletableFuture<io.github.jsonrpc.protocol.@Nullable JsonRpcResponse> onRequest(
					io.github.jsonrpc.protocol.JsonRpcRequest request) {
				throw new IllegalStateException(SECRET);
			}

		}));
	}

	@Test
	void streamItemsAreChargedAtTheirFrameSizeOnTheReadingThreadWhileTheSubscriberBlocks() throws Exception {
		long limit = 64 * 1024;
		ExecutorService delivery = Executors.newSingleThreadExecutor();
		BlockingSubscriber subscriber = new BlockingSubscriber();
		CompletableFuture<CompletableFuture<JsonRpcResponse>> call = new CompletableFuture<>();
		BoundedItemPublisher<JsonNode> items = new BoundedItemPublisher<>(limit, "streamed items", delivery,
				() -> call.thenAccept((result) -> result.cancel(false)));
		try {
			items.subscribe(subscriber);
			List<Long> charged = new ArrayList<>();
			CompletableFuture<JsonRpcResponse> result = this.transport
				.stream(JsonRpcRequest.call(JsonRpcId.of(5), "words", null), (item, messageBytes) -> {
					charged.add(messageBytes);
					items.offer(item, messageBytes);
				});
			call.complete(result);
			assertThat(this.channel.sent.poll(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)).contains("words");
			String frame = streamItem(5, 1000);
			long frameBytes = frame.getBytes(StandardCharsets.UTF_8).length;
			this.channel.receive(frame);
			assertThat(subscriber.blocked.await(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS))
				.as("subscriber blocked in onNext")
				.isTrue();
			// the buffer holds what fits below the limit, and not one item more
			long fit = limit / (frameBytes + BoundedItemPublisher.ITEM_OVERHEAD);
			assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
				for (int i = 0; i < fit; i++) {
					this.channel.receive(frame);
					assertThat(items.bufferedBytes()).isLessThanOrEqualTo(limit);
				}
			});
			assertThat(items.bufferedBytes()).isEqualTo(fit * (frameBytes + BoundedItemPublisher.ITEM_OVERHEAD));
			assertThat(result).isNotDone();
			this.channel.receive(frame);
			// one over: the reading thread ended it, while the subscriber still blocks
			assertThat(items.bufferedBytes()).isZero();
			assertThat(result).isCancelled();
			assertThat(sentContaining("rpc.cancel")).contains("\"id\":5");
			assertThat(charged).hasSize((int) fit + 2).containsOnly(frameBytes);
			// what the server still sends for the stream is not kept
			assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
				for (int i = 0; i < 20_000; i++) {
					this.channel.receive(frame);
				}
			});
			assertThat(items.bufferedBytes()).isZero();
			subscriber.release.countDown();
			assertThat(subscriber.done.await(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
			assertThat(subscriber.error).isInstanceOf(JsonRpcTransportException.class)
				.hasMessageContaining("More than " + limit + " bytes of streamed items");
			assertThat(subscriber.received).hasValue(1);
		}
		finally {
			subscriber.release.countDown();
			delivery.shutdownNow();
		}
	}

	@Test
	void subscriberThatBlocksInOnNextEndsItsStreamOverTheLimitAndCallsStillComplete() throws Exception {
		this.client = JsonRpcClient.builder().transport(this.transport).maxBufferedBytes(64 * 1024).build();
		BlockingSubscriber subscriber = new BlockingSubscriber();
		this.client.method("words").stream(JsonNode.class).subscribe(subscriber);
		JsonNode id = mapper.readTree(sentContaining("words")).get("id");
		String frame = streamItem(id.asLong(), 1000);
		this.channel.receive(frame);
		assertThat(subscriber.blocked.await(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS))
			.as("subscriber blocked in onNext")
			.isTrue();
		try {
			// 20,000 items of 1 KB while the subscriber blocks: the reading thread never
			// waits, and cancels the call once 64 KB wait
			assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
				for (int i = 0; i < 20_000; i++) {
					this.channel.receive(frame);
				}
			});
			assertThat(sentContaining("rpc.cancel")).contains("\"id\":" + id);
			// a call on the same client completes while the subscriber still blocks
			CompletableFuture<String> ping = this.client.method("ping").retrieveAsync(String.class);
			JsonNode pingId = mapper.readTree(sentContaining("ping")).get("id");
			this.channel.receive("{\"jsonrpc\":\"2.0\",\"result\":\"pong\",\"id\":" + pingId + "}");
			assertThat(TestWaits.get(ping)).isEqualTo("pong");
			assertThat(subscriber.done.getCount()).as("subscriber still blocked").isOne();
		}
		finally {
			subscriber.release.countDown();
		}
		assertThat(subscriber.done.await(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
		assertThat(subscriber.error).isInstanceOf(JsonRpcTransportException.class)
			.hasMessageContaining("More than 65536 bytes of streamed items");
		assertThat(subscriber.received).hasValue(1);
	}

	@Test
	void callsOfTheServerBeyondThePendingLimitAreAnsweredAtOnceWhileAHandlerBlocks() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		this.client = JsonRpcClient.builder().transport(this.transport).handler("confirm", String.class, (question) -> {
			try {
				return release.await(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}).build();
		TestWaits.get(this.transport.exchangeRaw("{\"jsonrpc\":\"2.0\",\"method\":\"hello\"}".getBytes()));
		assertThat(this.channel.sent.poll(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)).contains("hello");
		int limit = DefaultJsonRpcClient.DEFAULT_MAX_PENDING_SERVER_CALLS;
		try {
			assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
				for (int i = 0; i <= limit; i++) {
					this.channel.receive(CALL.replace("srv-7", "srv-" + i));
				}
			});
			// the first blocks its handler, the next wait behind it, one more is too many
			String refused = this.channel.sent.poll(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS);
			assertThat(refused).isNotNull();
			assertThat(mapper.readTree(refused)).isEqualTo(mapper.readTree(
					"{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32005,\"message\":\"Too many calls of the server in flight "
							+ "on this client (at most " + limit + ")\"},\"id\":\"srv-" + limit + "\"}"));
			assertThat(this.channel.sent.poll(200, TimeUnit.MILLISECONDS)).isNull();
		}
		finally {
			release.countDown();
		}
		for (int i = 0; i < limit; i++) {
			String answer = this.channel.sent.poll(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS);
			assertThat(answer).isNotNull();
			assertThat(mapper.readTree(answer))
				.isEqualTo(mapper.readTree("{\"jsonrpc\":\"2.0\",\"result\":true,\"id\":\"srv-" + i + "\"}"));
		}
	}

	@Test
	void pendingCallsOfTheServerAreBoundedByTheBuilderOptionAtExactlyItsValue() throws Exception {
		int limit = 3;
		CompletableFuture<Boolean> answered = new CompletableFuture<>();
		this.client = JsonRpcClient.builder()
			.transport(this.transport)
			.maxPendingServerCalls(limit)
			.handler("confirm", String.class, (question) -> answered)
			.build();
		openChannel();
		// exactly the limit: all taken, none answered while their future waits
		for (int i = 0; i < limit; i++) {
			this.channel.receive(CALL.replace("srv-7", "srv-" + i));
		}
		assertThat(this.channel.sent.poll(200, TimeUnit.MILLISECONDS)).isNull();
		// one more is refused at once
		this.channel.receive(CALL.replace("srv-7", "srv-" + limit));
		assertThat(mapper.readTree(this.channel.sent.poll(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)))
			.isEqualTo(mapper.readTree(
					"{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32005,\"message\":\"Too many calls of the server in flight "
							+ "on this client (at most 3)\"},\"id\":\"srv-3\"}"));
		answered.complete(true);
		List<JsonNode> answers = new ArrayList<>();
		for (int i = 0; i < limit; i++) {
			answers.add(mapper.readTree(this.channel.sent.poll(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)));
		}
		assertThat(answers).extracting((answer) -> answer.get("id").stringValue())
			.containsExactlyInAnyOrder("srv-0", "srv-1", "srv-2");
		assertThat(answers).allSatisfy((answer) -> assertThat(answer.get("result").booleanValue()).isTrue());
		// the slots are free again
		this.channel.receive(CALL.replace("srv-7", "srv-4"));
		assertThat(mapper.readTree(this.channel.sent.poll(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)))
			.isEqualTo(mapper.readTree("{\"jsonrpc\":\"2.0\",\"result\":true,\"id\":\"srv-4\"}"));
	}

	@Test
	void builderRefusesPendingLimitsAndTimeoutsThatAreNotPositive() {
		JsonRpcClient.Builder builder = JsonRpcClient.builder();
		assertThatIllegalArgumentException().isThrownBy(() -> builder.maxPendingServerCalls(0))
			.withMessage("Max pending server calls must be positive");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.serverCallTimeout(nullDuration()))
			.withMessage("Server call timeout is required");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.serverCallTimeout(Duration.ZERO))
			.withMessage("Server call timeout must be positive");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.serverCallTimeout(Duration.ofSeconds(-1)))
			.withMessage("Server call timeout must be positive");
		assertThat(builder.maxPendingServerCalls(1)).isSameAs(builder);
		assertThat(builder.serverCallTimeout(Duration.ofMillis(1))).isSameAs(builder);
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void handlerWhoseFutureNeverCompletesIsAnsweredAfterTheServerCallTimeoutAndFreesItsSlot(CapturedOutput output)
			throws Exception {
		CompletableFuture<Boolean> never = new CompletableFuture<>();
		String method = "confirm\nWARN forged";
		ManualTimer timer = new ManualTimer();
		this.client = ((DefaultJsonRpcClientBuilder) JsonRpcClient.builder()
			.transport(this.transport)
			.maxPendingServerCalls(1)
			.serverCallTimeout(Duration.ofMillis(300))
			.handler(method, String.class, (question) -> never)
			.handler("ping", String.class, (text) -> "pong")).serverCallTimer(timer).build();
		openChannel();
		this.channel.receive(CALL.replace("confirm", "confirm\\nWARN forged"));
		CompletableFuture<@Nullable JsonRpcResponse> confirm = timer.next();
		// while the handler's future waits, its slot is taken: refused at once, no timer
		this.channel.receive("{\"jsonrpc\":\"2.0\",\"method\":\"ping\",\"params\":[\"x\"],\"id\":\"srv-8\"}");
		assertThat(mapper.readTree(this.channel.sent.poll(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)))
			.isEqualTo(mapper.readTree(
					"{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32005,\"message\":\"Too many calls of the server in flight "
							+ "on this client (at most 1)\"},\"id\":\"srv-8\"}"));
		assertThat(timer.armed).isEmpty();
		assertThat(this.channel.sent).isEmpty();
		timer.expire(confirm);
		assertThat(mapper.readTree(this.channel.sent.poll(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)))
			.isEqualTo(mapper.readTree(
					"{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32005,\"message\":\"Call of the server timed out on this "
							+ "client\",\"data\":{\"reason\":\"timeout\"}},\"id\":\"srv-7\"}"));
		// the slot is free: the next call is served, the late answer is never sent
		never.complete(true);
		this.channel.receive("{\"jsonrpc\":\"2.0\",\"method\":\"ping\",\"params\":[\"x\"],\"id\":\"srv-9\"}");
		assertThat(mapper.readTree(this.channel.sent.poll(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)))
			.isEqualTo(mapper.readTree("{\"jsonrpc\":\"2.0\",\"result\":\"pong\",\"id\":\"srv-9\"}"));
		assertThat(timer.next()).isCompleted();
		assertThat(this.channel.sent.poll(200, TimeUnit.MILLISECONDS)).isNull();
		// logged once, with the server's text escaped
		assertThat(output.getOut().lines().filter((line) -> line.contains("of the server not answered within")))
			.singleElement()
			.satisfies((line) -> assertThat(line).endsWith(
					"Call 'confirm\\nWARN forged' of the server not answered within PT0.3S: answered with -32005"));
		assertThat(output.getOut().lines()).noneMatch((line) -> line.startsWith("WARN forged"));
	}

	@Test
	void callThatTimesOutWhileWaitingBehindABlockedHandlerDoesNotRun() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch blocked = new CountDownLatch(1);
		AtomicInteger ran = new AtomicInteger();
		ManualTimer timer = new ManualTimer();
		this.client = ((DefaultJsonRpcClientBuilder) JsonRpcClient.builder()
			.transport(this.transport)
			.handler("block", String.class, (text) -> {
				blocked.countDown();
				try {
					return release.await(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return false;
				}
			})
			.handler("count", String.class, (text) -> ran.incrementAndGet())).serverCallTimer(timer).build();
		openChannel();
		try {
			this.channel.receive("{\"jsonrpc\":\"2.0\",\"method\":\"block\",\"params\":[\"x\"],\"id\":\"srv-1\"}");
			CompletableFuture<@Nullable JsonRpcResponse> block = timer.next();
			assertThat(blocked.await(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
			this.channel.receive("{\"jsonrpc\":\"2.0\",\"method\":\"count\",\"params\":[\"x\"],\"id\":\"srv-2\"}");
			CompletableFuture<@Nullable JsonRpcResponse> count = timer.next();
			// both answered by the timeout, although the first still blocks its thread
			timer.expire(count);
			assertThat(mapper.readTree(this.channel.sent.poll(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)))
				.isEqualTo(timedOut("srv-2"));
			timer.expire(block);
			assertThat(mapper.readTree(this.channel.sent.poll(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)))
				.isEqualTo(timedOut("srv-1"));
		}
		finally {
			release.countDown();
		}
		// the lane goes on: a later call runs, the timed-out one never did
		this.channel.receive("{\"jsonrpc\":\"2.0\",\"method\":\"count\",\"params\":[\"x\"],\"id\":\"srv-3\"}");
		assertThat(mapper.readTree(this.channel.sent.poll(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)))
			.isEqualTo(mapper.readTree("{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":\"srv-3\"}"));
		assertThat(ran).hasValue(1);
		assertThat(this.channel.sent).isEmpty();
	}

	static Stream<Arguments> unschedulableTimeouts() {
		return Stream.of(
				Arguments.of("serverCallTimeout(FOREVER)",
						(Function<JsonRpcClient.Builder, JsonRpcClient.Builder>) (builder) -> builder
							.serverCallTimeout(ChronoUnit.FOREVER.getDuration())),
				Arguments.of("timeout(FOREVER) as the default",
						(Function<JsonRpcClient.Builder, JsonRpcClient.Builder>) (builder) -> builder
							.timeout(ChronoUnit.FOREVER.getDuration())),
				Arguments.of("serverCallTimeout(Long.MAX_VALUE ns + 1 ns)",
						(Function<JsonRpcClient.Builder, JsonRpcClient.Builder>) (builder) -> builder
							.serverCallTimeout(Duration.ofNanos(Long.MAX_VALUE).plusNanos(1))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unschedulableTimeouts")
	void callsOfTheServerAreAnsweredByTheirHandlerWhenTheTimeoutIsTooLongToSchedule(String name,
			Function<JsonRpcClient.Builder, JsonRpcClient.Builder> timeout) throws Exception {
		this.client = timeout
			.apply(JsonRpcClient.builder().transport(this.transport).handler("ping", String.class, (text) -> "pong"))
			.build();
		openChannel();
		this.channel.receive("{\"jsonrpc\":\"2.0\",\"method\":\"ping\",\"params\":[\"x\"],\"id\":\"srv-1\"}");
		assertThat(mapper.readTree(this.channel.sent.poll(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)))
			.isEqualTo(mapper.readTree("{\"jsonrpc\":\"2.0\",\"result\":\"pong\",\"id\":\"srv-1\"}"));
	}

	@Test
	void droppedConnectionIsReconnectedWhenTheLargestBackoffIsTooLongToSchedule() throws Exception {
		try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			server.setSoTimeout((int) TestWaits.SHORT.toMillis());
			this.client = JsonRpcClient.builder()
				.url("tcp://127.0.0.1:" + server.getLocalPort())
				.reconnectBackoff(Duration.ofMillis(1), ChronoUnit.FOREVER.getDuration())
				.build();
			// the connection opens with the first message
			this.client.method("hello").sendAsync();
			try (Socket first = server.accept()) {
				assertThat(first.isConnected()).isTrue();
			}
			// dropped by the server: the client connects again after the initial delay
			try (Socket second = server.accept()) {
				assertThat(second.isConnected()).isTrue();
			}
		}
	}

	@Test
	void reconnectDelayDoublesUpToTheLargestAndSaturatesInsteadOfOverflowing() {
		MessageChannelJsonRpcTransport.Options backoff = options(Duration.ofMillis(1), Duration.ofSeconds(30));
		assertThat(MessageChannelJsonRpcTransport.reconnectDelayMillis(backoff, 0)).isEqualTo(1);
		assertThat(MessageChannelJsonRpcTransport.reconnectDelayMillis(backoff, 3)).isEqualTo(8);
		assertThat(MessageChannelJsonRpcTransport.reconnectDelayMillis(backoff, 14)).isEqualTo(16384);
		assertThat(MessageChannelJsonRpcTransport.reconnectDelayMillis(backoff, 15)).isEqualTo(30000);
		assertThat(MessageChannelJsonRpcTransport.reconnectDelayMillis(backoff, Integer.MAX_VALUE)).isEqualTo(30000);
		// 1000 days shifted 20 times is past Long.MAX_VALUE milliseconds
		Duration longest = Duration.ofNanos(Long.MAX_VALUE);
		MessageChannelJsonRpcTransport.Options long1000Days = options(Duration.ofDays(1000), longest);
		assertThat(MessageChannelJsonRpcTransport.reconnectDelayMillis(long1000Days, 0))
			.isEqualTo(Duration.ofDays(1000).toMillis());
		assertThat(MessageChannelJsonRpcTransport.reconnectDelayMillis(long1000Days, 20)).isEqualTo(longest.toMillis());
		// Duration.toMillis() of these throws
		MessageChannelJsonRpcTransport.Options forever = options(ChronoUnit.FOREVER.getDuration(),
				ChronoUnit.FOREVER.getDuration());
		assertThat(MessageChannelJsonRpcTransport.reconnectDelayMillis(forever, 0)).isEqualTo(Long.MAX_VALUE);
		assertThat(MessageChannelJsonRpcTransport.reconnectDelayMillis(forever, 20)).isEqualTo(Long.MAX_VALUE);
	}

	private static MessageChannelJsonRpcTransport.Options options(Duration initial, Duration max) {
		return new MessageChannelJsonRpcTransport.Options(null, Map.of(), initial, max);
	}

	private static JsonNode timedOut(String id) {
		return mapper.readTree("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32005,\"message\":\"Call of the server "
				+ "timed out on this client\",\"data\":{\"reason\":\"timeout\"}},\"id\":\"" + id + "\"}");
	}

	private static Duration nullDuration() {
		return null;
	}

	/**
	 * Open the channel as the first call of the client does.
	 */
	private void openChannel() throws Exception {
		TestWaits.get(this.transport.exchangeRaw("{\"jsonrpc\":\"2.0\",\"method\":\"hello\"}".getBytes()));
		assertThat(this.channel.sent.poll(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)).contains("hello");
	}

	@Test
	void topicSubscriberThatBlocksIsUnsubscribedOverTheLimitAndSignalledOnTheDeliveryExecutor() throws Exception {
		AtomicInteger threads = new AtomicInteger();
		ExecutorService delivery = Executors
			.newCachedThreadPool((task) -> new Thread(task, "test-delivery-" + threads.incrementAndGet()));
		BlockingSubscriber subscriber = new BlockingSubscriber();
		try {
			this.client = JsonRpcClient.builder()
				.transport(this.transport)
				.maxBufferedBytes(64 * 1024)
				.deliveryExecutor(delivery)
				.build();
			JsonRpcClient subscribing = this.client;
			// subscribing waits for the server's answer, which this thread delivers
			CompletableFuture<Void> subscribed = CompletableFuture
				.runAsync(() -> subscribing.subscribe("news", JsonNode.class).subscribe(subscriber));
			JsonNode id = mapper.readTree(sentContaining("\"subscribe\"")).get("id");
			this.channel.receive("{\"jsonrpc\":\"2.0\",\"result\":{\"news\":\"ok\"},\"id\":" + id + "}");
			TestWaits.get(subscribed);
			String notification = "{\"jsonrpc\":\"2.0\",\"method\":\"news\",\"params\":{\"w\":\"" + "w".repeat(1000)
					+ "\"}}";
			this.channel.receive(notification);
			assertThat(subscriber.blocked.await(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS))
				.as("subscriber blocked in onNext")
				.isTrue();
			assertThat(subscriber.thread).startsWith("test-delivery-");
			assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
				for (int i = 0; i < 20_000; i++) {
					this.channel.receive(notification);
				}
			});
			assertThat(sentContaining("unsubscribe")).contains("news");
			subscriber.release.countDown();
			assertThat(subscriber.done.await(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
			assertThat(subscriber.error).isInstanceOf(JsonRpcTransportException.class)
				.hasMessageContaining("More than 65536 bytes of notifications of topic 'news'");
			assertThat(subscriber.received).hasValue(1);
		}
		finally {
			subscriber.release.countDown();
			delivery.shutdownNow();
		}
	}

	@Test
	void notificationsForAListenerThatBlocksWaitUpToTheLimitAndTheRestIsDropped() throws Exception {
		CountDownLatch blocked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger received = new AtomicInteger();
		List<String> threadNames = new java.util.concurrent.CopyOnWriteArrayList<>();
		this.client = JsonRpcClient.builder().transport(this.transport).maxBufferedBytes(64 * 1024).build();
		this.client.onNotification("tick", JsonNode.class, (params) -> {
			received.incrementAndGet();
			threadNames.add(Thread.currentThread().getName());
			blocked.countDown();
			try {
				release.await(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		TestWaits.get(this.transport.exchangeRaw("{\"jsonrpc\":\"2.0\",\"method\":\"hello\"}".getBytes()));
		String tick = "{\"jsonrpc\":\"2.0\",\"method\":\"tick\",\"params\":{\"w\":\"" + "w".repeat(1000) + "\"}}";
		long tickBytes = tick.getBytes(StandardCharsets.UTF_8).length;
		this.channel.receive(tick);
		assertThat(blocked.await(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)).as("listener blocked").isTrue();
		try {
			assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
				for (int i = 0; i < 20_000; i++) {
					this.channel.receive(tick);
				}
			});
		}
		finally {
			release.countDown();
		}
		// the one running, then what fits in 64 KB of waiting messages, each charged its
		// size plus 64 bytes; the rest dropped
		long waiting = (64 * 1024) / (tickBytes + JsonRpcSubscriptions.TASK_OVERHEAD);
		org.awaitility.Awaitility.await().atMost(TestWaits.SHORT).until(() -> received.get() >= 1 + waiting);
		// one more once they ran: listeners run in order, so it comes last
		this.channel.receive(tick);
		org.awaitility.Awaitility.await().atMost(TestWaits.SHORT).until(() -> received.get() >= 2 + waiting);
		assertThat(received).hasValue((int) (2 + waiting));
		assertThat(threadNames).allMatch((name) -> name.startsWith("jsonrpc-client-delivery-"));
	}

	private static String streamItem(long id, int size) {
		return "{\"jsonrpc\":\"2.0\",\"method\":\"rpc.stream\",\"params\":{\"id\":" + id + ",\"item\":\""
				+ "w".repeat(size) + "\"}}";
	}

	private String sentContaining(String text) throws InterruptedException {
		String sent;
		do {
			sent = this.channel.sent.poll(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS);
			assertThat(sent).as("a message containing " + text).isNotNull();
		}
		while (!sent.contains(text));
		return sent;
	}

	private JsonNode callFromTheServer() throws Exception {
		// the channel opens with the first message the client sends
		TestWaits.get(this.transport.exchangeRaw("{\"jsonrpc\":\"2.0\",\"method\":\"hello\"}".getBytes()));
		assertThat(this.channel.sent.poll(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)).contains("hello");
		this.channel.receive(CALL);
		String answer = this.channel.sent.poll(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS);
		assertThat(answer).as("the client's answer").isNotNull().doesNotContain(SECRET).doesNotContain("Exception");
		return mapper.readTree(answer);
	}

	/**
	 * A client-side service whose method fails later.
	 */
	public static class FailingConfirmation {

		@JsonRpcMethod
		public CompletableFuture<Boolean> confirm(String question) {
			return CompletableFuture.failedFuture(new IllegalStateException(SECRET));
		}

	}

	/**
	 * Requests everything, then blocks in its first {@code onNext} until released.
	 */
	private static final class BlockingSubscriber implements Flow.Subscriber<Object> {

		final CountDownLatch blocked = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		final CountDownLatch done = new CountDownLatch(1);

		final AtomicLong received = new AtomicLong();

		volatile @Nullable Throwable error;

		volatile @Nullable String thread;

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(Object item) {
			this.received.incrementAndGet();
			this.thread = Thread.currentThread().getName();
			this.blocked.countDown();
			try {
				this.release.await(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		@Override
		public void onError(Throwable throwable) {
			this.error = throwable;
			this.done.countDown();
		}

		@Override
		public void onComplete() {
			this.done.countDown();
		}

	}

	/**
	 * A server call timer that expires calls only when the test says so: the order of
	 * answers never depends on how fast the machine is.
	 */
	private static final class ManualTimer implements ServerCallTimer {

		final BlockingQueue<CompletableFuture<@Nullable JsonRpcResponse>> armed = new LinkedBlockingQueue<>();

		private final Map<CompletableFuture<@Nullable JsonRpcResponse>, JsonRpcResponse> expired = new ConcurrentHashMap<>();

		@Override
		public void arm(CompletableFuture<@Nullable JsonRpcResponse> answer, JsonRpcResponse expired) {
			this.expired.put(answer, expired);
			this.armed.add(answer);
		}

		/**
		 * The answer armed next; calls are armed on the thread that receives them.
		 */
		CompletableFuture<@Nullable JsonRpcResponse> next() {
			CompletableFuture<@Nullable JsonRpcResponse> answer = this.armed.poll();
			assertThat(answer).as("a call armed its timer").isNotNull();
			return answer;
		}

		void expire(CompletableFuture<@Nullable JsonRpcResponse> answer) {
			assertThat(answer.complete(this.expired.get(answer))).as("call still pending when it expires").isTrue();
		}

	}

	/**
	 * A channel that records what is sent and lets the test deliver messages.
	 */
	private static final class FakeChannel implements MessageChannel {

		final BlockingQueue<String> sent = new LinkedBlockingQueue<>();

		private volatile MessageChannel.@Nullable Receiver receiver;

		CompletableFuture<MessageChannel> open(MessageChannel.Receiver receiver) {
			this.receiver = receiver;
			return CompletableFuture.completedFuture(this);
		}

		void receive(String text) {
			MessageChannel.Receiver current = this.receiver;
			assertThat(current).as("channel open").isNotNull();
			current.onMessage(text);
		}

		@Override
		public CompletableFuture<?> send(String text) {
			this.sent.add(text);
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public boolean isOutputClosed() {
			return false;
		}

		@Override
		public void close() {
		}

	}

}
