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

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.protocol.JsonRpcEncodedMessage;
import io.github.jsonrpc.pubsub.redis.RedisJsonRpcPubSubBackend.Status;
import io.github.jsonrpc.pubsub.redis.RedisJsonRpcPubSubBackendTests.RecordingReceiver;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.SubscriptionListener;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the Redis listener container of {@link RedisJsonRpcPubSubBackend} when its
 * subscription fails or is not confirmed in time, on the real Redis server: the
 * container's connections are the test Redis's, with the subscription of the first ones
 * refused or its confirmation held back.
 */
@EnabledIfRedis
class RedisJsonRpcPubSubBackendListenerContainerTests {

	// also the retry interval: the checks right after start() must come before the
	// first retry, also on a loaded machine (they take a few milliseconds); each test
	// waits it out twice, the unconfirmed subscription and the interval before the retry
	private static final Duration TIMEOUT = RedisBackendFixture.REDIS_TIMEOUT;

	// joining again: an interval, a PING and a subscription, each at most the timeout;
	// the rest is the shared machine's slack
	private static final Duration JOIN_WAIT = TIMEOUT.multipliedBy(4).plus(TestWaits.SHORT);

	private final String prefix = RedisTestConnections.uniquePrefix();

	private RedisBackendFixture redis;

	@BeforeEach
	void connectAdmin() {
		this.redis = new RedisBackendFixture(this.prefix);
	}

	@AfterEach
	void stop() throws Exception {
		this.redis.close();
	}

	@Test
	void subscriptionRefusedAtTheStartIsNotRetriedInsideTheStart() {
		SubscriptionControlledConnectionFactory factory = factory(Mode.REFUSE_FIRST);
		RecordingReceiver received = new RecordingReceiver();
		RedisJsonRpcPubSubBackend backend = backend(factory, received);
		// the start returns after the one refused subscription: the backend tries again
		// later with a new container, rather than the container on the starting thread
		backend.start();
		assertThat(factory.subscriptions()).isOne();
		assertThat(backend.retrying()).isNotNull();
		Status during = backend.check();
		assertThat(during.listening()).isFalse();
		assertThat(during.lastFailure()).startsWith("Connecting: ");
		awaitDelivered(backend, received);
		assertThat(factory.subscriptions()).isEqualTo(2);
		// joined: the attempts end, rather than go on every interval until stop()
		await().atMost(JOIN_WAIT).until(() -> backend.retrying().isDisposed());
	}

	@Test
	void containerWhoseSubscriptionIsNotConfirmedInTimeIsDestroyed() throws Exception {
		SubscriptionControlledConnectionFactory factory = factory(Mode.HOLD_FIRST_CONFIRMATION);
		RecordingReceiver received = new RecordingReceiver();
		RedisJsonRpcPubSubBackend backend = backend(factory, received);
		backend.start();
		// Redis took the first subscription, the container did not hear of it in time
		assertThat(factory.subscriptions()).isOne();
		assertThat(backend.retrying()).isNotNull();
		assertThat(backend.check().lastFailure()).startsWith("Connecting: ");
		awaitDelivered(backend, received);
		assertThat(factory.subscriptions()).isEqualTo(2);
		// the abandoned container let its subscription go: one subscriber, not two
		// (each publication would arrive twice)
		await().atMost(JOIN_WAIT).untilAsserted(() -> assertThat(this.redis.subscribers(TestWaits.SHORT)).isOne());
		assertThat(factory.closedConnections()).isOne();
	}

	private SubscriptionControlledConnectionFactory factory(Mode mode) {
		SubscriptionControlledConnectionFactory factory = new SubscriptionControlledConnectionFactory(
				this.prefix + "-container", mode);
		this.redis.add(factory::destroy);
		return factory;
	}

	private RedisJsonRpcPubSubBackend backend(LettuceConnectionFactory factory, RecordingReceiver received) {
		RedisJsonRpcPubSubBackend backend = RedisJsonRpcPubSubBackend.builder(factory)
			.channelPrefix(this.prefix)
			.timeout(TIMEOUT)
			.build();
		backend.attach(received);
		this.redis.add(backend::stop);
		return backend;
	}

	// subscribed once the retry joined: a publication of another instance arrives
	private void awaitDelivered(RedisJsonRpcPubSubBackend backend, RecordingReceiver received) {
		LettuceConnectionFactory direct = RedisTestConnections.connectionFactory(RedisTestConnections.PORT,
				this.prefix + "-other");
		this.redis.add(direct::destroy);
		RedisJsonRpcPubSubBackend other = RedisJsonRpcPubSubBackend.builder(direct).channelPrefix(this.prefix).build();
		other.attach(new RecordingReceiver());
		other.start();
		this.redis.add(other::stop);
		await().atMost(JOIN_WAIT).untilAsserted(() -> {
			other.publish("chat", message("hello"), false);
			assertThat(received.texts()).contains("P chat " + notification("hello"));
		});
		assertThat(backend.check().listening()).isTrue();
		other.stop();
	}

	private static JsonRpcEncodedMessage message(String text) {
		return JsonRpcEncodedMessage.wrap(notification(text).getBytes(StandardCharsets.UTF_8));
	}

	private static String notification(String text) {
		return "{\"jsonrpc\":\"2.0\",\"method\":\"chat\",\"params\":[\"" + text + "\"]}";
	}

	/**
	 * What becomes of the listener container's first subscription.
	 */
	enum Mode {

		/** Refused as if Redis could not be reached. */
		REFUSE_FIRST,

		/** Made in Redis, but the container never hears that it was. */
		HOLD_FIRST_CONFIRMATION

	}

	/**
	 * The connection factory of the test Redis, whose connections for the listener
	 * container have their first subscription refused or its confirmation held back
	 * (later ones go through), counting the subscriptions and the connections closed.
	 */
	static final class SubscriptionControlledConnectionFactory extends LettuceConnectionFactory {

		private final Mode mode;

		private final AtomicInteger subscriptions = new AtomicInteger();

		private final AtomicInteger closed = new AtomicInteger();

		SubscriptionControlledConnectionFactory(String clientName, Mode mode) {
			super(new RedisStandaloneConfiguration(RedisCondition.HOST, RedisTestConnections.PORT),
					LettuceClientConfiguration.builder().clientName(clientName).build());
			this.mode = mode;
			afterPropertiesSet();
			start();
		}

		@Override
		public RedisConnection getConnection() {
			RedisConnection connection = super.getConnection();
			return (RedisConnection) Proxy.newProxyInstance(getClass().getClassLoader(),
					new Class<?>[] { RedisConnection.class }, (proxy, method, arguments) -> {
						if (method.getName().equals("subscribe")) {
							boolean first = this.subscriptions.incrementAndGet() == 1;
							if (first && this.mode == Mode.REFUSE_FIRST) {
								throw new RedisConnectionFailureException("Subscription refused by the test");
							}
							if (first) {
								arguments[0] = new Unconfirmed((MessageListener) arguments[0]);
							}
						}
						if (method.getName().equals("close")) {
							this.closed.incrementAndGet();
						}
						try {
							return method.invoke(connection, arguments);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}

		int subscriptions() {
			return this.subscriptions.get();
		}

		int closedConnections() {
			return this.closed.get();
		}

	}

	/**
	 * A listener that passes the messages on but not the confirmation of the
	 * subscription.
	 */
	private record Unconfirmed(MessageListener delegate) implements MessageListener, SubscriptionListener {

		@Override
		public void onMessage(Message message, byte @Nullable [] pattern) {
			this.delegate.onMessage(message, pattern);
		}

		@Override
		public void onChannelSubscribed(byte[] channel, long count) {
			// held back
		}

	}

}
