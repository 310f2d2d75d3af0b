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

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.jsonrpc.protocol.JsonRpcEncodedMessage;
import io.github.jsonrpc.pubsub.JsonRpcPubSubBackend;
import org.junit.jupiter.api.Test;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.Mockito.mock;

/**
 * Tests for the frame layout and the builder's guards of the Redis backend, without
 * Redis.
 *
 * @author JSON-RPC for Spring Boot team
 */
class RedisJsonRpcPubSubFrameTests {

	private static final JsonRpcEncodedMessage MESSAGE = JsonRpcEncodedMessage
		.wrap("{\"jsonrpc\":\"2.0\",\"method\":\"t\"}".getBytes(StandardCharsets.UTF_8));

	@Test
	void frameRoundTrips() {
		RedisJsonRpcPubSubFrame frame = new RedisJsonRpcPubSubFrame(RedisJsonRpcPubSubFrame.Kind.PUBLISH_RETAINED, 7,
				42, "tópic", MESSAGE);
		RedisJsonRpcPubSubFrame decoded = RedisJsonRpcPubSubFrame.decode(frame.encode());
		assertThat(decoded).isNotNull();
		assertThat(decoded.kind()).isEqualTo(RedisJsonRpcPubSubFrame.Kind.PUBLISH_RETAINED);
		assertThat(decoded.origin()).isEqualTo(7);
		assertThat(decoded.sequence()).isEqualTo(42);
		assertThat(decoded.name()).isEqualTo("tópic");
		assertThat(decoded.message().text()).isEqualTo(MESSAGE.text());
	}

	@Test
	void nameOfExactlyTheLimitIsEncodedAndOneByteMoreIsRefused() {
		String longest = "n".repeat(0xFFFF);
		byte[] bytes = new RedisJsonRpcPubSubFrame(RedisJsonRpcPubSubFrame.Kind.USER, 1, 1, longest, MESSAGE).encode();
		assertThat(RedisJsonRpcPubSubFrame.decode(bytes).name()).isEqualTo(longest);
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new RedisJsonRpcPubSubFrame(RedisJsonRpcPubSubFrame.Kind.USER, 1, 1, longest + "n", MESSAGE)
						.encode())
			.withMessage("Name longer than 65535 bytes");
	}

	@Test
	void frameWithoutANotificationAfterItsNameIsNotAFrame() {
		byte[] name = "t".getBytes(StandardCharsets.UTF_8);
		ByteBuffer buffer = ByteBuffer.allocate(19 + name.length);
		buffer.put((byte) 'P').putLong(1).putLong(1).putShort((short) name.length).put(name);
		assertThat(RedisJsonRpcPubSubFrame.decode(buffer.array())).isNull();
		ByteBuffer withOneByte = ByteBuffer.allocate(19 + name.length + 1);
		withOneByte.put((byte) 'P').putLong(1).putLong(1).putShort((short) name.length).put(name).put((byte) '1');
		assertThat(RedisJsonRpcPubSubFrame.decode(withOneByte.array()).message().size()).isOne();
	}

	@Test
	void backendTakesOneReceiverAndStartsBeforeTheWebServer() {
		RedisJsonRpcPubSubBackend backend = RedisJsonRpcPubSubBackend.builder(new LettuceConnectionFactory()).build();
		assertThat(backend.isRunning()).isFalse();
		assertThat(backend.getPhase()).isEqualTo(SmartLifecycle.DEFAULT_PHASE - 4096);
		assertThatIllegalStateException().isThrownBy(() -> backend.publish("t", MESSAGE, false))
			.withMessage("No receiver attached");
		assertThatIllegalArgumentException().isThrownBy(() -> backend.attach(null)).withMessage("Receiver is required");
		JsonRpcPubSubBackend.Receiver receiver = new RedisJsonRpcPubSubBackendTests.RecordingReceiver();
		backend.attach(receiver);
		assertThatIllegalStateException().isThrownBy(() -> backend.attach(receiver))
			.withMessage("A receiver is attached already");
	}

	@Test
	void builderChecksItsSettings() {
		assertThatIllegalArgumentException().isThrownBy(() -> RedisJsonRpcPubSubBackend.builder(null))
			.withMessage("RedisConnectionFactory is required");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RedisJsonRpcPubSubBackend.builder(mock(RedisConnectionFactory.class)))
			.withMessageStartingWith("The Redis pub/sub backend needs a connection factory that is also reactive");
		RedisJsonRpcPubSubBackend.Builder builder = RedisJsonRpcPubSubBackend.builder(new LettuceConnectionFactory());
		assertThatIllegalArgumentException().isThrownBy(() -> builder.channelPrefix(" "))
			.withMessage("Channel prefix is required");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.timeout(Duration.ZERO))
			.withMessage("Timeout must be positive");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.timeout(Duration.ofMillis(-1)))
			.withMessage("Timeout must be positive");
		assertThat(builder.timeout(Duration.ofMillis(1))).isSameAs(builder);
		assertThatIllegalArgumentException().isThrownBy(() -> builder.maxMessageSize(0))
			.withMessage("Max message size must be positive");
		assertThat(builder.maxMessageSize(1)).isSameAs(builder);
		assertThatIllegalArgumentException().isThrownBy(() -> builder.maxPendingSize(0))
			.withMessage("Max pending size must be positive");
		assertThat(builder.maxPendingSize(1)).isSameAs(builder);
		assertThatIllegalArgumentException().isThrownBy(() -> builder.retainedTimeToLive(Duration.ZERO))
			.withMessage("Retained time to live must be positive");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.retainedTimeToLive(Duration.ofSeconds(-1)))
			.withMessage("Retained time to live must be positive");
		assertThat(builder.retainedTimeToLive(null)).isSameAs(builder);
		assertThat(builder.retainedTimeToLive(Duration.ofMillis(1))).isSameAs(builder);
		assertThatIllegalArgumentException().isThrownBy(() -> builder.nanoClock(null)).withMessage("Clock is required");
	}

}
