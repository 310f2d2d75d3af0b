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
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.protocol.JsonRpcEncodedMessage;
import io.github.jsonrpc.pubsub.redis.RedisJsonRpcPubSubBackendTests.RecordingReceiver;
import io.github.jsonrpc.pubsub.redis.RedisJsonRpcPubSubFrame.Kind;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the exact bounds of {@link RedisJsonRpcPubSubBackend} on the real Redis
 * server: what it reads as a retained value and receives on the channel at and one byte
 * past the maximum size, the origins it remembers, and the connection it holds. The
 * backend's clock stands still unless a test moves it past the warnings' rate limit.
 */
@EnabledIfRedis
@ExtendWith(OutputCaptureExtension.class)
class RedisJsonRpcPubSubBackendLimitsTests {

	private static final int MAX_MESSAGE_SIZE = 1024;

	private static final String LONGEST_NAME = "n".repeat(0xFFFF);

	private final String prefix = RedisTestConnections.uniquePrefix();

	private final List<AutoCloseable> resources = new ArrayList<>();

	private final AtomicLong clock = new AtomicLong();

	private final RecordingReceiver received = new RecordingReceiver();

	private LettuceConnectionFactory factory;

	private RedisJsonRpcPubSubBackend backend;

	@BeforeEach
	void start() {
		this.factory = RedisTestConnections.connectionFactory(RedisTestConnections.PORT, this.prefix);
		this.resources.add(this.factory::destroy);
		this.backend = start(this.factory);
	}

	@AfterEach
	void stop() throws Exception {
		try (RedisConnection connection = this.factory.getConnection()) {
			connection.keyCommands().del(key("clock"), key(LONGEST_NAME));
		}
		for (int i = this.resources.size() - 1; i >= 0; i--) {
			this.resources.get(i).close();
		}
	}

	@Test
	void retainedValueOfExactlyTheMaximumSizeIsReadAndOneByteMoreIsIgnored(CapturedOutput output) {
		String fitting = fitting();
		store("clock", frame(Kind.PUBLISH_RETAINED, "clock", fitting));
		assertThat(retainedText("clock")).isEqualTo(notification(fitting));
		store("clock", frame(Kind.PUBLISH_RETAINED, "clock", fitting + "y"));
		assertThat(retainedText("clock")).isNull();
		assertThat(this.backend.check().rejected()).isOne();
		assertThat(output).contains("Retained value of topic 'clock' in Redis is no retained publication of that "
				+ "topic, or larger than 1024 bytes: ignored");
		// the longest name and a notification of the maximum: the largest frame read
		store(LONGEST_NAME, frame(Kind.PUBLISH_RETAINED, LONGEST_NAME, fitting()));
		assertThat(retainedText(LONGEST_NAME)).isEqualTo(notification(fitting()));
		store(LONGEST_NAME, frame(Kind.PUBLISH_RETAINED, LONGEST_NAME, fitting() + "y"));
		this.clock.addAndGet(Duration.ofSeconds(10).toNanos());
		assertThat(retainedText(LONGEST_NAME)).isNull();
		assertThat(this.backend.check().rejected()).isEqualTo(2);
		assertThat(output).contains("in Redis is larger than 1024 bytes: ignored");
	}

	@Test
	void retainedValueThatIsNoRetainedPublicationOfTheTopicIsIgnored() {
		store("clock", new byte[0]);
		assertThat(retainedText("clock")).isNull();
		assertThat(this.backend.check().rejected()).isZero();
		store("clock", bytes("not a frame"));
		assertThat(retainedText("clock")).isNull();
		store("clock", frame(Kind.PUBLISH, "clock", "12:00"));
		assertThat(retainedText("clock")).isNull();
		store("clock", frame(Kind.USER, "clock", "12:00"));
		assertThat(retainedText("clock")).isNull();
		store("clock", frame(Kind.PUBLISH_RETAINED, "clock2", "12:00"));
		assertThat(retainedText("clock")).isNull();
		assertThat(this.backend.check().rejected()).isEqualTo(4);
		store("clock", frame(Kind.PUBLISH_RETAINED, "clock", "12:00"));
		assertThat(retainedText("clock")).isEqualTo(notification("12:00"));
	}

	@Test
	void largestFrameIsReceivedAndOneByteMoreIsDropped(CapturedOutput output) {
		String fitting = fitting();
		byte[] largest = frame(Kind.PUBLISH, 9, 1, LONGEST_NAME, fitting);
		assertThat(largest).hasSize(MAX_MESSAGE_SIZE + 1 + 8 + 8 + 2 + 0xFFFF);
		try (RedisConnection connection = this.factory.getConnection()) {
			connection.publish(channel(), frame(Kind.PUBLISH, 9, 1, LONGEST_NAME, fitting + "y"));
			connection.publish(channel(), largest);
			connection.publish(channel(), frame(Kind.PUBLISH, 9, 3, "chat", "last"));
		}
		await().atMost(TestWaits.SHORT).untilAsserted(() -> assertThat(this.received.texts()).hasSize(2));
		assertThat(this.received.texts()).containsExactly("P " + LONGEST_NAME + " " + notification(fitting),
				"P chat " + notification("last"));
		assertThat(this.backend.check().rejected()).isOne();
		assertThat(output).contains("Dropped a message of " + (largest.length + 1)
				+ " bytes received on Redis channel '" + this.prefix + ":pubsub' (max-message-size 1024 bytes)");
	}

	@Test
	void lastSequencesOfExactly1024OriginsAreRemembered() {
		try (RedisConnection connection = this.factory.getConnection()) {
			for (int origin = 1; origin <= 1025; origin++) {
				connection.publish(channel(), frame(Kind.PUBLISH, origin, 1, "chat", "from " + origin));
			}
			// origin 2, heard from among the last 1,024, is remembered: dropped
			connection.publish(channel(), frame(Kind.PUBLISH, 2, 1, "chat", "2 again"));
			// origin 1, the least recently heard from, was forgotten: delivered again
			connection.publish(channel(), frame(Kind.PUBLISH, 1, 1, "chat", "1 again"));
		}
		await().atMost(TestWaits.SHORT).untilAsserted(() -> assertThat(this.received.texts()).hasSize(1026));
		assertThat(this.received.texts()).last().isEqualTo("P chat " + notification("1 again"));
		assertThat(this.backend.check().rejected()).isOne();
	}

	@Test
	void retainedPublicationAndItsScriptOfExactlyTheMaxPendingSizeAreHandedOverAndOneByteMoreIsNot() {
		RedisJsonRpcPubSubFrame fitting = new RedisJsonRpcPubSubFrame(Kind.PUBLISH_RETAINED, 7, 1, "clock",
				message("12:00"));
		RedisJsonRpcPubSubFrame larger = new RedisJsonRpcPubSubFrame(Kind.PUBLISH_RETAINED, 7, 1, "clock",
				message("12:00x"));
		// the script is sent, and counted, with each retained publication
		long size = fitting.encode().length + RedisJsonRpcPubSubBackend.RETAIN_AND_PUBLISH.getScriptAsString()
			.getBytes(StandardCharsets.UTF_8).length;
		RedisJsonRpcPubSubBackend backend = RedisJsonRpcPubSubBackend.builder(this.factory)
			.channelPrefix(this.prefix)
			.maxPendingSize(size)
			.nanoClock(this.clock::get)
			.build();
		backend.attach(new RecordingReceiver());
		backend.start();
		this.resources.add(backend::stop);
		assertThat(backend.handOver(larger)).isFalse();
		assertThat(backend.handOver(fitting)).isTrue();
		await().atMost(TestWaits.SHORT)
			.untilAsserted(() -> assertThat(this.received.texts()).containsExactly("R clock " + notification("12:00")));
		assertThat(backend.check().notSent()).isOne();
		backend.stop();
		assertThat(backend.handOver(fitting)).isFalse();
	}

	@Test
	void commandRedisAnswersWithAnErrorMakesRedisUnavailableNamingWhatFailed() {
		// a sequence the script cannot read: Redis answers the publication with an error
		store("clock", new byte[0]);
		try (RedisConnection connection = this.factory.getConnection()) {
			connection.hashCommands().hSet(key("clock"), bytes("seq:7"), bytes("not a number"));
		}
		assertThat(this.backend
			.handOver(new RedisJsonRpcPubSubFrame(Kind.PUBLISH_RETAINED, 7, 1, "clock", message("12:00")))).isTrue();
		await().atMost(TestWaits.SHORT)
			.untilAsserted(() -> assertThat(this.backend.tracker().lastFailure())
				.startsWith("sending publication on topic 'clock': "));
		assertThat(this.backend.tracker().isAvailable()).isFalse();
	}

	@Test
	void stoppedBackendClosesItsConnection() throws Exception {
		String clientName = this.prefix + "-dedicated";
		LettuceConnectionFactory dedicated = RedisTestConnections.connectionFactory(RedisTestConnections.PORT,
				clientName);
		this.resources.add(dedicated::destroy);
		// a connection of its own, not the factory's shared one
		dedicated.setShareNativeConnection(false);
		RedisJsonRpcPubSubBackend backend = start(dedicated);
		assertThat(backend.check().available()).isTrue();
		await().atMost(TestWaits.SHORT).untilAsserted(() -> assertThat(connectionsOf(clientName)).isEqualTo(2));
		backend.stop();
		// the factory, not destroyed, holds none
		await().atMost(TestWaits.SHORT).untilAsserted(() -> assertThat(connectionsOf(clientName)).isZero());
	}

	private RedisJsonRpcPubSubBackend start(LettuceConnectionFactory factory) {
		RedisJsonRpcPubSubBackend backend = RedisJsonRpcPubSubBackend.builder(factory)
			.channelPrefix(this.prefix)
			.maxMessageSize(MAX_MESSAGE_SIZE)
			.timeout(Duration.ofSeconds(2))
			.nanoClock(this.clock::get)
			.build();
		backend.attach(this.received);
		backend.start();
		this.resources.add(backend::stop);
		return backend;
	}

	private int connectionsOf(String clientName) {
		return RedisBackendFixture.connectionsOf(this.factory, clientName);
	}

	private void store(String topic, byte[] value) {
		try (RedisConnection connection = this.factory.getConnection()) {
			connection.hashCommands().hSet(key(topic), bytes("frame"), value);
		}
	}

	private @Nullable String retainedText(String topic) {
		JsonRpcEncodedMessage retained = this.backend.retained(topic);
		return (retained != null) ? retained.text() : null;
	}

	private byte[] key(String topic) {
		return bytes(this.prefix + ":retained:" + topic);
	}

	private byte[] channel() {
		return bytes(this.prefix + ":pubsub");
	}

	// the text that makes a notification exactly the maximum size
	private static String fitting() {
		String fitting = "x".repeat(MAX_MESSAGE_SIZE - notification("").length());
		assertThat(message(fitting).size()).isEqualTo(MAX_MESSAGE_SIZE);
		return fitting;
	}

	private static byte[] frame(Kind kind, String name, String text) {
		return frame(kind, 7, 1, name, text);
	}

	private static byte[] frame(Kind kind, long origin, long sequence, String name, String text) {
		return new RedisJsonRpcPubSubFrame(kind, origin, sequence, name, message(text)).encode();
	}

	private static JsonRpcEncodedMessage message(String text) {
		return JsonRpcEncodedMessage.wrap(bytes(notification(text)));
	}

	private static String notification(String text) {
		return "{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":[\"" + text + "\"]}";
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
