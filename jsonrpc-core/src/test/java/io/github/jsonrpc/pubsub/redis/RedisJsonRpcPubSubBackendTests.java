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
package io.github.jsonrpc.pubsub.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.protocol.JsonRpcEncodedMessage;
import io.github.jsonrpc.pubsub.JsonRpcPubSubBackend;
import io.github.jsonrpc.pubsub.redis.RedisJsonRpcPubSubFrame.Kind;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link RedisJsonRpcPubSubBackend}: two backends, as two instances of one
 * application, on the real Redis server.
 */
@EnabledIfRedis
@ExtendWith(OutputCaptureExtension.class)
class RedisJsonRpcPubSubBackendTests {

	private final String prefix = RedisTestConnections.uniquePrefix();

	private final List<AutoCloseable> resources = new ArrayList<>();

	// the backends' clock: still unless a test moves it, so that a warning's rate limit
	// (one per 10 seconds) does not depend on how long a test takes
	private final AtomicLong clock = new AtomicLong();

	private final RecordingReceiver receivedByA = new RecordingReceiver();

	private final RecordingReceiver receivedByB = new RecordingReceiver();

	private RedisJsonRpcPubSubBackend a;

	private RedisJsonRpcPubSubBackend b;

	@BeforeEach
	void startTwoInstances() {
		this.a = start(RedisTestConnections.PORT, this.receivedByA);
		this.b = start(RedisTestConnections.PORT, this.receivedByB);
	}

	@AfterEach
	void stop() throws Exception {
		for (int i = this.resources.size() - 1; i >= 0; i--) {
			this.resources.get(i).close();
		}
		try (RedisConnection connection = factory(RedisTestConnections.PORT).getConnection()) {
			connection.keyCommands().del(bytes(this.prefix + ":retained:clock"));
		}
	}

	@Test
	void publicationIsDeliveredHereAtOnceAndOnTheOtherInstanceOnce() {
		assertThat(this.a.publish("chat", message("chat", "hi"), false)).isEqualTo(1);
		assertThat(this.receivedByA.texts()).containsExactly("P chat " + notification("chat", "hi"));
		await().atMost(TestWaits.SHORT)
			.untilAsserted(
					() -> assertThat(this.receivedByB.texts()).containsExactly("P chat " + notification("chat", "hi")));
		// the publishing instance does not get its own publication a second time
		this.b.publish("chat", message("chat", "back"), false);
		await().atMost(TestWaits.SHORT).untilAsserted(() -> assertThat(this.receivedByA.texts()).hasSize(2));
		assertThat(this.receivedByA.texts()).containsExactly("P chat " + notification("chat", "hi"),
				"P chat " + notification("chat", "back"));
		assertThat(this.receivedByB.texts()).hasSize(2);
	}

	@Test
	void burstArrivesInPublishOrder() {
		List<String> expected = IntStream.range(0, 1000)
			.mapToObj((i) -> "P chat " + notification("chat", "m" + i))
			.toList();
		for (int i = 0; i < 1000; i++) {
			this.a.publish("chat", message("chat", "m" + i), false);
		}
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(this.receivedByB.texts()).hasSize(1000));
		assertThat(this.receivedByB.texts()).isEqualTo(expected);
	}

	@Test
	void notificationToAUserReachesEveryInstance() {
		assertThat(this.a.sendToUser("alice", message("news", "for alice"))).isOne();
		assertThat(this.receivedByA.texts()).containsExactly("U alice " + notification("news", "for alice"));
		await().atMost(TestWaits.SHORT)
			.untilAsserted(() -> assertThat(this.receivedByB.texts())
				.containsExactly("U alice " + notification("news", "for alice")));
	}

	@Test
	void retainedValueIsStoredInRedisWithItsTimeToLive() {
		assertThat(this.b.retained("clock")).isNull();
		this.a.publish("clock", message("clock", "12:00"), true);
		this.a.publish("clock", message("clock", "12:01"), true);
		await().atMost(TestWaits.SHORT).untilAsserted(() -> assertThat(this.receivedByB.texts()).hasSize(2));
		assertThat(this.receivedByB.texts()).allMatch((text) -> text.startsWith("R clock "));
		JsonRpcEncodedMessage retained = this.b.retained("clock");
		assertThat(retained).isNotNull();
		assertThat(retained.text()).isEqualTo(notification("clock", "12:01"));
		try (RedisConnection connection = factory(RedisTestConnections.PORT).getConnection()) {
			Long ttl = connection.keyCommands().ttl(bytes(this.prefix + ":retained:clock"));
			assertThat(ttl).isBetween(Duration.ofHours(23).toSeconds(), Duration.ofDays(1).toSeconds());
		}
	}

	@Test
	void retainedValueReplayedOutOfOrderNeverOverwritesANewerOneOfItsOrigin() {
		// what Lettuce may do after a reconnect: hand Redis a newer frame before an older
		// one of the same origin
		assertThat(this.a.handOver(retained(7, 2, "12:01"))).isTrue();
		assertThat(this.a.handOver(retained(7, 1, "12:00"))).isTrue();
		this.a.publish("chat", message("chat", "after"), false);
		await().atMost(TestWaits.SHORT).untilAsserted(() -> assertThat(this.receivedByB.texts()).hasSize(2));
		// the stale one is neither stored nor published
		assertThat(this.receivedByB.texts()).containsExactly("R clock " + notification("clock", "12:01"),
				"P chat " + notification("chat", "after"));
		assertThat(retainedText(this.b)).isEqualTo(notification("clock", "12:01"));
		// another instance's publication Redis runs later is the newest: stored
		assertThat(this.a.handOver(retained(8, 1, "12:02"))).isTrue();
		await().atMost(TestWaits.SHORT)
			.untilAsserted(() -> assertThat(retainedText(this.b)).isEqualTo(notification("clock", "12:02")));
		// each origin is compared with its own last sequence, whoever wrote last
		assertThat(this.a.handOver(retained(7, 2, "12:01 again"))).isTrue();
		assertThat(this.a.handOver(retained(7, 3, "12:03"))).isTrue();
		await().atMost(TestWaits.SHORT)
			.untilAsserted(() -> assertThat(retainedText(this.b)).isEqualTo(notification("clock", "12:03")));
		assertThat(this.receivedByB.texts()).containsExactly("R clock " + notification("clock", "12:01"),
				"P chat " + notification("chat", "after"), "R clock " + notification("clock", "12:02"),
				"R clock " + notification("clock", "12:03"));
	}

	@Test
	void retainedPublicationsAfterRedisLostTheScriptKeepPublishOrder() throws Exception {
		RedisTestProxy proxy = RedisTestProxy.start();
		this.resources.add(proxy);
		RecordingReceiver receivedByC = new RecordingReceiver();
		RedisJsonRpcPubSubBackend c = start(proxy.port(), receivedByC);
		// what a restarted, failed over or flushed Redis has: no script (the tests of
		// other builds sharing this Redis see their scripts go too, and load them again)
		try (RedisConnection connection = factory(RedisTestConnections.PORT).getConnection()) {
			connection.scriptingCommands().scriptFlush();
		}
		// held back, so that Redis gets them all at once, as a busy connection sends them
		proxy.pause();
		c.publish("clock", message("clock", "12:00"), true);
		c.publish("chat", message("chat", "after"), false);
		c.publish("clock", message("clock", "12:01"), true);
		c.sendToUser("alice", message("news", "last"));
		proxy.resume();
		await().atMost(TestWaits.SHORT).untilAsserted(() -> assertThat(this.receivedByB.texts()).hasSize(4));
		assertThat(this.receivedByB.texts()).containsExactly("R clock " + notification("clock", "12:00"),
				"P chat " + notification("chat", "after"), "R clock " + notification("clock", "12:01"),
				"U alice " + notification("news", "last"));
		assertThat(retainedText(this.b)).isEqualTo(notification("clock", "12:01"));
		assertThat(this.b.check().rejected()).isZero();
	}

	@Test
	void retainedReadAnsweredWithoutValueIsAnAnswerOfRedis() {
		// a read sent now that will be left unanswered for the timeout
		this.clock.set(100);
		long sent = this.b.tracker().now();
		// Redis answers a read sent later, with no value
		this.clock.set(200);
		assertThat(this.b.retained("nothing here")).isNull();
		// the first read's timeout: Redis answered meanwhile, a backlog, no outage
		this.b.tracker().unanswered("reading the retained value of topic 'slow'", sent);
		assertThat(this.b.tracker().isAvailable()).isTrue();
		assertThat(this.b.tracker().lastFailure()).isNull();
		// a read sent after the last answer and left unanswered is one
		this.clock.set(300);
		this.b.tracker().unanswered("reading the retained value of topic 'slow'", this.b.tracker().now());
		assertThat(this.b.tracker().isAvailable()).isFalse();
	}

	@Test
	void retainedKeyOfAnotherTypeIsReplaced() {
		try (RedisConnection connection = factory(RedisTestConnections.PORT).getConnection()) {
			connection.stringCommands().set(bytes(this.prefix + ":retained:clock"), bytes("stale"));
		}
		assertThat(this.b.retained("clock")).isNull();
		this.a.publish("clock", message("clock", "12:00"), true);
		await().atMost(TestWaits.SHORT)
			.untilAsserted(() -> assertThat(retainedText(this.b)).isEqualTo(notification("clock", "12:00")));
		assertThat(this.a.check().available()).isTrue();
	}

	private static RedisJsonRpcPubSubFrame retained(long origin, long sequence, String text) {
		return new RedisJsonRpcPubSubFrame(Kind.PUBLISH_RETAINED, origin, sequence, "clock", message("clock", text));
	}

	private static @Nullable String retainedText(RedisJsonRpcPubSubBackend backend) {
		JsonRpcEncodedMessage retained = backend.retained("clock");
		return (retained != null) ? retained.text() : null;
	}

	@Test
	void tooLargePublicationIsDeliveredHereOnly() {
		String large = "x".repeat(2000);
		this.a.publish("chat", message("chat", large), false);
		this.a.publish("chat", message("chat", "small"), false);
		await().atMost(TestWaits.SHORT).untilAsserted(() -> assertThat(this.receivedByB.texts()).hasSize(1));
		assertThat(this.receivedByB.texts()).containsExactly("P chat " + notification("chat", "small"));
		assertThat(this.receivedByA.texts()).hasSize(2);
		assertThat(this.a.check().notSent()).isOne();
	}

	@Test
	void messagesOfExactlyTheMaximumSizeTravelAndOneByteMoreDoesNot(CapturedOutput output) {
		String fitting = "x".repeat(1024 - notification("chat", "").length());
		assertThat(message("chat", fitting).size()).isEqualTo(1024);
		assertThat(this.a.publish("chat", message("chat", fitting + "y"), false)).isOne();
		assertThat(output).contains("publication on topic 'chat' of 1025 bytes is larger than 1024 bytes: "
				+ "delivered on this instance only");
		assertThat(this.a.sendToUser("alice", message("chat", fitting))).isOne();
		this.a.publish("chat", message("chat", fitting), false);
		await().atMost(TestWaits.SHORT).untilAsserted(() -> assertThat(this.receivedByB.texts()).hasSize(2));
		assertThat(this.receivedByB.texts()).containsExactly("U alice " + notification("chat", fitting),
				"P chat " + notification("chat", fitting));
		assertThat(this.a.check().notSent()).isOne();
		// received: a frame of exactly the maximum is delivered, one byte more dropped
		byte[] channel = bytes(this.prefix + ":pubsub");
		try (RedisConnection connection = factory(RedisTestConnections.PORT).getConnection()) {
			connection.publish(channel, frame(9, 1, fitting + "y"));
			connection.publish(channel, frame(9, 2, fitting));
		}
		await().atMost(TestWaits.SHORT).untilAsserted(() -> assertThat(this.receivedByB.texts()).hasSize(3));
		assertThat(this.receivedByB.texts()).last().isEqualTo("P chat " + notification("chat", fitting));
		assertThat(this.b.check().rejected()).isOne();
		assertThat(output).contains("Dropped publication on topic 'chat' of 1025 bytes received on Redis channel '"
				+ this.prefix + ":pubsub' (max-message-size 1024 bytes)");
	}

	@Test
	void framesReplayedOutOfOrderAreDroppedSoEachOriginIsDeliveredInOrderAtMostOnce() {
		byte[] channel = bytes(this.prefix + ":pubsub");
		try (RedisConnection connection = factory(RedisTestConnections.PORT).getConnection()) {
			connection.publish(channel, frame(7, 1, "first"));
			connection.publish(channel, frame(7, 3, "third"));
			// what a reconnecting publisher replays after newer ones: dropped
			connection.publish(channel, frame(7, 2, "second"));
			connection.publish(channel, frame(7, 3, "third again"));
			// another origin has its own order
			connection.publish(channel, frame(8, 1, "other"));
			connection.publish(channel, frame(7, 4, "fourth"));
		}
		await().atMost(TestWaits.SHORT).untilAsserted(() -> assertThat(this.receivedByB.texts()).hasSize(4));
		assertThat(this.receivedByB.texts()).containsExactly("P chat " + notification("chat", "first"),
				"P chat " + notification("chat", "third"), "P chat " + notification("chat", "other"),
				"P chat " + notification("chat", "fourth"));
		assertThat(this.b.check().rejected()).isEqualTo(2);
	}

	private byte[] frame(long origin, long sequence, String text) {
		return new RedisJsonRpcPubSubFrame(Kind.PUBLISH, origin, sequence, "chat", message("chat", text)).encode();
	}

	@Test
	void tooLargeOrMalformedMessagesFromRedisAreDropped(CapturedOutput output) {
		byte[] channel = bytes(this.prefix + ":pubsub");
		byte[] large = new RedisJsonRpcPubSubFrame(Kind.PUBLISH, 42, 1, "chat", message("chat", "x".repeat(2000)))
			.encode();
		try (RedisConnection connection = factory(RedisTestConnections.PORT).getConnection()) {
			connection.publish(channel, large);
			connection.publish(channel, bytes("not a frame"));
			connection.publish(channel,
					new RedisJsonRpcPubSubFrame(Kind.PUBLISH, 42, 2, "chat", message("chat", "ok")).encode());
		}
		await().atMost(TestWaits.SHORT).untilAsserted(() -> assertThat(this.receivedByB.texts()).hasSize(1));
		assertThat(this.receivedByB.texts()).containsExactly("P chat " + notification("chat", "ok"));
		assertThat(this.b.check().rejected()).isEqualTo(2);
		// one warning per instance within 10 seconds (the clock stands still), the first
		// (a and b receive it)
		assertThat(output)
			.contains("Dropped publication on topic 'chat' of " + message("chat", "x".repeat(2000)).size()
					+ " bytes received on Redis channel '" + this.prefix + ":pubsub' (max-message-size 1024 bytes)")
			.doesNotContain("Dropped a message that is no publication");
	}

	private RedisJsonRpcPubSubBackend start(int port, RecordingReceiver receiver) {
		// generous: this machine is shared, a busy Redis is no unavailable one
		LettuceConnectionFactory factory = factory(port);
		RedisJsonRpcPubSubBackend backend = RedisJsonRpcPubSubBackend.builder(factory)
			.channelPrefix(this.prefix)
			.maxMessageSize(1024)
			.timeout(Duration.ofSeconds(2))
			.nanoClock(this.clock::get)
			.build();
		backend.attach(receiver);
		backend.start();
		this.resources.add(backend::stop);
		return backend;
	}

	private LettuceConnectionFactory factory(int port) {
		LettuceConnectionFactory factory = RedisTestConnections.connectionFactory(port, this.prefix);
		this.resources.add(factory::destroy);
		return factory;
	}

	private static JsonRpcEncodedMessage message(String method, String text) {
		return JsonRpcEncodedMessage.wrap(bytes(notification(method, text)));
	}

	private static String notification(String method, String text) {
		return "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":[\"" + text + "\"]}";
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static final class RecordingReceiver implements JsonRpcPubSubBackend.Receiver {

		private final List<String> texts = new CopyOnWriteArrayList<>();

		@Override
		public int published(String topic, JsonRpcEncodedMessage message, boolean retain) {
			this.texts.add((retain ? "R " : "P ") + topic + " " + message.text());
			return 1;
		}

		@Override
		public int sentToUser(String userName, JsonRpcEncodedMessage message) {
			this.texts.add("U " + userName + " " + message.text());
			return 1;
		}

		List<String> texts() {
			return this.texts;
		}

	}

}
