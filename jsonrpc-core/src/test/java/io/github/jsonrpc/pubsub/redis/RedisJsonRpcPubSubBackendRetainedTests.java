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
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import io.github.jsonrpc.protocol.JsonRpcEncodedMessage;
import io.github.jsonrpc.pubsub.redis.RedisJsonRpcPubSubBackendTests.RecordingReceiver;
import io.github.jsonrpc.pubsub.redis.RedisJsonRpcPubSubFrame.Kind;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for how {@link RedisJsonRpcPubSubBackend} stores retained values on the real
 * Redis server: the origins a retained key remembers are bounded, and the script is sent
 * in full.
 */
@EnabledIfRedis
class RedisJsonRpcPubSubBackendRetainedTests {

	private final String prefix = RedisTestConnections.uniquePrefix();

	private final List<AutoCloseable> resources = new ArrayList<>();

	private final RecordingReceiver received = new RecordingReceiver();

	private LettuceConnectionFactory factory;

	private RedisJsonRpcPubSubBackend backend;

	@BeforeEach
	void start() {
		this.factory = RedisTestConnections.connectionFactory(RedisTestConnections.PORT, this.prefix);
		this.resources.add(this.factory::destroy);
		this.backend = RedisJsonRpcPubSubBackend.builder(this.factory)
			.channelPrefix(this.prefix)
			.maxMessageSize(1024)
			.timeout(Duration.ofSeconds(2))
			.build();
		this.backend.attach(this.received);
		this.backend.start();
		this.resources.add(this.backend::stop);
	}

	@AfterEach
	void stop() throws Exception {
		try (RedisConnection connection = this.factory.getConnection()) {
			connection.keyCommands().del(key());
		}
		for (int i = this.resources.size() - 1; i >= 0; i--) {
			this.resources.get(i).close();
		}
	}

	@Test
	void retainedKeyRemembersOnlyTheOriginsThatWroteLast() {
		int max = RedisJsonRpcPubSubBackend.MAX_RETAINED_ORIGINS;
		// every instance start is a new origin: more than the bound, one after another
		for (long origin = 1; origin <= max + 6; origin++) {
			assertThat(this.backend.handOver(retained(origin, 1, "v" + origin))).isTrue();
		}
		await().untilAsserted(() -> assertThat(retainedText()).isEqualTo(notification("v" + (max + 6))));
		Map<String, String> fields = fields();
		assertThat(fields).hasSize(2 + max).containsKeys("frame", "tick");
		assertThat(origins(fields)).containsExactlyInAnyOrderElementsOf(
				LongStream.rangeClosed(7, max + 6).mapToObj(Long::toHexString).toList());
		// a remembered origin keeps its check: a replayed older frame is not stored
		String seven = fields.get("seq:7");
		assertThat(this.backend.handOver(retained(7, 1, "replayed"))).isTrue();
		assertThat(this.backend.handOver(retained(8, 2, "v8 again"))).isTrue();
		await().untilAsserted(() -> assertThat(retainedText()).isEqualTo(notification("v8 again")));
		assertThat(fields()).hasSize(2 + max).containsEntry("seq:7", seven);
		// a forgotten one is a new origin again, replacing the one that wrote least
		// recently: 7, whose refused replay was no write
		assertThat(this.backend.handOver(retained(1, 2, "v1 again"))).isTrue();
		await().untilAsserted(() -> assertThat(retainedText()).isEqualTo(notification("v1 again")));
		assertThat(origins(fields())).hasSize(max).contains("1", "8", "9").doesNotContain("7");
	}

	@Test
	void evictionReadsOnlyTheOriginsFieldsAndAnOriginWithoutATickIsTheOldest() {
		int max = RedisJsonRpcPubSubBackend.MAX_RETAINED_ORIGINS;
		// large frames: eviction compares the origins' ticks, it has no use for the frame
		String large = "x".repeat(900);
		for (long origin = 1; origin <= max; origin++) {
			assertThat(this.backend.handOver(retained(origin, 1, large + origin))).isTrue();
		}
		await().untilAsserted(() -> assertThat(retainedText()).isEqualTo(notification(large + max)));
		assertThat(fields()).hasSize(2 + max);
		// what an older version or a hand may have left: a sequence without its tick
		try (RedisConnection connection = this.factory.getConnection()) {
			connection.hashCommands()
				.hSet(key(), "seq:5".getBytes(StandardCharsets.US_ASCII), "1".getBytes(StandardCharsets.US_ASCII));
		}
		assertThat(this.backend.handOver(retained(max + 1, 1, "new"))).isTrue();
		await().untilAsserted(() -> assertThat(retainedText()).isEqualTo(notification("new")));
		// counted as written at tick 0: replaced before 1, the least recent with a tick
		assertThat(origins(fields())).hasSize(max).contains("1", Long.toHexString(max + 1)).doesNotContain("5");
		assertThat(this.backend.handOver(retained(max + 2, 1, "newer"))).isTrue();
		await().untilAsserted(() -> assertThat(retainedText()).isEqualTo(notification("newer")));
		assertThat(origins(fields())).hasSize(max).contains("2", Long.toHexString(max + 2)).doesNotContain("1", "5");
	}

	@Test
	void scriptIsSentInFullSoARedisThatLostItStillRunsIt() {
		long before = evalCalls();
		this.backend.publish("clock", message("12:00"), true);
		await().untilAsserted(() -> assertThat(retainedText()).isEqualTo(notification("12:00")));
		assertThat(evalCalls()).isGreaterThan(before);
		// what a restarted, failed over or flushed Redis has: no script
		try (RedisConnection connection = this.factory.getConnection()) {
			connection.scriptingCommands().scriptFlush();
		}
		this.backend.publish("clock", message("12:01"), true);
		await().untilAsserted(() -> assertThat(retainedText()).isEqualTo(notification("12:01")));
		this.backend.publish("clock", message("12:02"), true);
		await().untilAsserted(() -> assertThat(retainedText()).isEqualTo(notification("12:02")));
		assertThat(this.backend.check().available()).isTrue();
	}

	private long evalCalls() {
		try (RedisConnection connection = this.factory.getConnection()) {
			Properties stats = connection.serverCommands().info("commandstats");
			String eval = (stats != null) ? stats.getProperty("cmdstat_eval") : null;
			return (eval != null) ? Long.parseLong(eval.replaceAll("^calls=(\\d+),.*", "$1")) : 0;
		}
	}

	private Map<String, String> fields() {
		try (RedisConnection connection = this.factory.getConnection()) {
			Map<byte[], byte[]> hash = connection.hashCommands().hGetAll(key());
			assertThat(hash).isNotNull();
			return hash.entrySet()
				.stream()
				.collect(Collectors.toMap((entry) -> new String(entry.getKey(), StandardCharsets.UTF_8),
						(entry) -> new String(entry.getValue(), StandardCharsets.UTF_8)));
		}
	}

	private static List<String> origins(Map<String, String> fields) {
		return fields.keySet()
			.stream()
			.filter((field) -> field.startsWith("seq:"))
			.map((field) -> field.substring(4))
			.toList();
	}

	private @Nullable String retainedText() {
		JsonRpcEncodedMessage retained = this.backend.retained("clock");
		return (retained != null) ? retained.text() : null;
	}

	private byte[] key() {
		return (this.prefix + ":retained:clock").getBytes(StandardCharsets.UTF_8);
	}

	private static RedisJsonRpcPubSubFrame retained(long origin, long sequence, String text) {
		return new RedisJsonRpcPubSubFrame(Kind.PUBLISH_RETAINED, origin, sequence, "clock", message(text));
	}

	private static JsonRpcEncodedMessage message(String text) {
		return JsonRpcEncodedMessage.wrap(notification(text).getBytes(StandardCharsets.UTF_8));
	}

	private static String notification(String text) {
		return "{\"jsonrpc\":\"2.0\",\"method\":\"clock\",\"params\":[\"" + text + "\"]}";
	}

}
