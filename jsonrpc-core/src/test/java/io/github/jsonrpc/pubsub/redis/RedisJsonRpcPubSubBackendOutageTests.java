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
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.protocol.JsonRpcEncodedMessage;
import io.github.jsonrpc.pubsub.redis.RedisJsonRpcPubSubBackend.Status;
import io.github.jsonrpc.pubsub.redis.RedisJsonRpcPubSubBackendTests.RecordingReceiver;
import io.github.jsonrpc.pubsub.redis.RedisJsonRpcPubSubFrame.Kind;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.ReactiveRedisClusterConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisSentinelConnection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for what {@link RedisJsonRpcPubSubBackend} does when Redis goes away or hangs and
 * comes back, on the real Redis server: instance {@code a} talks to Redis directly,
 * instance {@code c} through a {@link RedisTestProxy} the tests cut, pause and restore.
 * Waits for Redis to be noticed gone or back are bounded by a few timeouts and
 * {@link TestWaits#SHORT} (this machine is shared), and nothing asserts how long anything
 * took.
 */
@EnabledIfRedis
@ExtendWith(OutputCaptureExtension.class)
class RedisJsonRpcPubSubBackendOutageTests {

	// the proxied instance's: waits for an unanswered command end after it, and every
	// outage below is noticed after it (most of these tests' time, a few times per test)
	private static final Duration TIMEOUT = RedisBackendFixture.REDIS_TIMEOUT;

	private static final String NO_ANSWER = "no answer within " + TIMEOUT.toMillis() + " ms";

	// noticing an outage takes a command's timeout and a probe's; joining after one, an
	// interval, a PING and a subscription, each at most the timeout: the rest is the
	// shared machine's slack. Short, so that a mutant breaking the retry fails fast
	private static final Duration OUTAGE_WAIT = TIMEOUT.multipliedBy(3).plus(TestWaits.SHORT);

	// exactly 20 of the frames published below ("alone 1xx" on chat), no byte more
	private static final int MAX_PENDING_SIZE = 20 * frame(0).encode().length;

	private final String prefix = RedisTestConnections.uniquePrefix();

	private final String proxiedClientName = this.prefix + "-c";

	private RedisBackendFixture redis;

	private final RecordingReceiver receivedByA = new RecordingReceiver();

	private final RecordingReceiver receivedByC = new RecordingReceiver();

	private RedisTestProxy proxy;

	private LettuceConnectionFactory direct;

	private RedisJsonRpcPubSubBackend a;

	private RedisJsonRpcPubSubBackend c;

	@BeforeEach
	void start() throws Exception {
		this.redis = new RedisBackendFixture(this.prefix);
		this.direct = RedisTestConnections.connectionFactory(RedisTestConnections.PORT, this.prefix);
		this.redis.add(this.direct::destroy);
		this.a = RedisJsonRpcPubSubBackend.builder(this.direct).channelPrefix(this.prefix).build();
		this.a.attach(this.receivedByA);
		this.a.start();
		this.redis.add(this.a::stop);
		this.proxy = RedisTestProxy.start();
		this.redis.add(this.proxy);
		// Lettuce reconnects at once, not after a backoff of up to 30 s
		ClientResources clientResources = ClientResources.builder()
			.reconnectDelay(Delay.constant(Duration.ofMillis(100)))
			.build();
		this.redis.add(clientResources::shutdown);
		LettuceConnectionFactory proxied = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(RedisCondition.HOST, this.proxy.port()),
				LettuceClientConfiguration.builder()
					.clientName(this.proxiedClientName)
					.clientResources(clientResources)
					.build());
		proxied.afterPropertiesSet();
		proxied.start();
		this.redis.add(proxied::destroy);
		this.c = RedisJsonRpcPubSubBackend.builder(proxied)
			.channelPrefix(this.prefix)
			.timeout(TIMEOUT)
			.maxPendingSize(MAX_PENDING_SIZE)
			.build();
		this.c.attach(this.receivedByC);
		this.c.start();
		this.redis.add(this.c::stop);
		awaitBothListening();
	}

	@AfterEach
	void stop() throws Exception {
		this.redis.close();
	}

	@Test
	void redisGoneBoundsWhatWaitsThenDeliversHereOnlyUntilItIsBackAndEverythingResumes(CapturedOutput output)
			throws Exception {
		Status before = this.c.check();
		assertThat(before.available()).isTrue();
		assertThat(before.listening()).isTrue();
		assertThat(before.lastFailure()).isNull();
		int connections = connectionsOf(this.proxiedClientName);
		assertThat(connections).isPositive();
		assertThat(this.proxy.openConnections()).isEqualTo(connections);
		this.proxy.cut();
		// handed to Lettuce while Redis is not known to be gone yet: only what fits in
		// max-pending-size, the rest is delivered here only
		int fitting = 20;
		for (int i = 0; i < 100; i++) {
			assertThat(this.c.publish("chat", message("alone " + (100 + i)), false)).isOne();
		}
		assertThat(this.receivedByC.texts()).hasSize(100);
		// one warning for the 100 - fitting refused, not one each
		assertThat(occurrences(output, "Too many bytes wait for Redis: publication on topic 'chat'")).isOne();
		// nothing answers: once the timeout has passed, Redis counts as unavailable
		await().atMost(OUTAGE_WAIT).untilAsserted(() -> {
			this.c.publish("chat", message("probe"), false);
			assertThat(output).contains("Redis is unavailable (waiting for Redis failed: " + NO_ANSWER + "); "
					+ "publications are delivered on this instance only until it answers again");
		});
		long notSent = this.c.check().notSent();
		assertThat(notSent).isGreaterThanOrEqualTo(100 - fitting);
		// known to be gone: nothing more is handed to Lettuce, no subscriber waits
		for (int i = 0; i < 10; i++) {
			assertThat(this.c.publish("chat", message("known gone " + i), false)).isOne();
		}
		this.c.sendToUser("alice", message("known gone"));
		assertThat(this.c.retained("clock")).isNull();
		Status during = this.c.check();
		assertThat(during.available()).isFalse();
		assertThat(during.notSent()).isEqualTo(notSent + 11);
		assertThat(during.lastFailure()).startsWith("PING: ");
		assertThat(this.proxy.openConnections()).isZero();
		// at most once: what is published elsewhere meanwhile never reaches c
		this.a.publish("chat", message("while away"), false);
		this.proxy.restore();
		// Lettuce reconnects and resubscribes by itself; publishing resumes
		await().atMost(OUTAGE_WAIT).untilAsserted(() -> {
			this.a.publish("chat", message("to c"), false);
			assertThat(this.receivedByC.texts()).contains(text("to c"));
		});
		await().atMost(OUTAGE_WAIT).untilAsserted(() -> {
			this.c.publish("chat", message("from c"), false);
			assertThat(this.receivedByA.texts()).contains(text("from c"));
		});
		assertThat(occurrences(output, "Redis answers again: publications reach every instance")).isOne();
		assertThat(this.receivedByC.texts()).doesNotContain(text("while away"));
		Status after = this.c.check();
		assertThat(after.available()).isTrue();
		assertThat(after.listening()).isTrue();
		// what was handed over before the outage was noticed arrives late or never, in
		// order and at most once (Lettuce may replay it out of order: older ones are then
		// dropped)
		assertThat(numbers(this.receivedByA.texts())).isSorted()
			.doesNotHaveDuplicates()
			.allMatch((i) -> i >= 100 && i < 100 + fitting);
		// reconnected, not duplicated: as many connections and subscriptions as before
		await().atMost(OUTAGE_WAIT).untilAsserted(() -> {
			assertThat(connectionsOf(this.proxiedClientName)).isEqualTo(connections);
			assertThat(this.proxy.openConnections()).isEqualTo(connections);
		});
		assertThat(subscribers()).isEqualTo(2);
	}

	@Test
	void redisHangingIsNoticedAfterTheTimeoutAndWhatWaitedArrivesInOrderWhenItAnswers(CapturedOutput output) {
		assertThat(this.c.check().available()).isTrue();
		this.proxy.pause();
		int fitting = 20;
		// the first 20 fill max-pending-size exactly; refused ones hold nothing
		for (int i = 0; i < fitting + 100; i++) {
			assertThat(this.c.publish("chat", message("alone " + (100 + i)), false)).isOne();
		}
		await().atMost(OUTAGE_WAIT).untilAsserted(() -> {
			this.c.publish("chat", message("probe"), false);
			assertThat(output).contains("Redis is unavailable (waiting for Redis failed: " + NO_ANSWER + ")");
		});
		assertThat(this.receivedByA.texts()).isEmpty();
		this.proxy.resume();
		// the connection was never lost: what waited reaches Redis, in order, and the
		// one probe answers
		await().atMost(OUTAGE_WAIT).untilAsserted(() -> assertThat(numbers(this.receivedByA.texts())).hasSize(fitting));
		assertThat(numbers(this.receivedByA.texts()))
			.containsExactlyElementsOf(IntStream.range(100, 100 + fitting).boxed().toList());
		await().atMost(OUTAGE_WAIT)
			.untilAsserted(() -> assertThat(output).contains("Redis answers again: publications reach every instance"));
		this.c.publish("chat", message("after"), false);
		await().atMost(OUTAGE_WAIT).untilAsserted(() -> assertThat(this.receivedByA.texts()).contains(text("after")));
		Status after = this.c.check();
		assertThat(after.available()).isTrue();
		assertThat(after.notSent()).isGreaterThanOrEqualTo(100);
		assertThat(after.lastFailure()).isEqualTo("waiting for Redis: " + NO_ANSWER);
	}

	@Test
	void retainedValueUnansweredForTheTimeoutMakesRedisCountAsUnavailable(CapturedOutput output) {
		this.a.publish("clock", message("12:00"), true);
		await().atMost(OUTAGE_WAIT).untilAsserted(() -> assertThat(this.c.retained("clock")).isNotNull());
		this.proxy.pause();
		// a subscriber waits at most the timeout for the retained value, once: the next
		// ones, and publications, do not wait for Redis
		assertThat(this.c.retained("clock")).isNull();
		assertThat(output)
			.contains("Redis is unavailable (reading the retained value of topic 'clock' failed: " + NO_ANSWER + ")");
		assertThat(output).contains("No retained value of topic 'clock' from Redis: ");
		assertThat(this.c.retained("clock")).isNull();
		assertThat(this.c.publish("chat", message("alone"), false)).isOne();
		Status during = this.c.check();
		assertThat(during.notSent()).isOne();
		assertThat(during.available()).isFalse();
		assertThat(during.lastFailure()).isEqualTo("PING: " + NO_ANSWER);
		// a check on an interrupted thread does not wait, and leaves it interrupted
		Thread.currentThread().interrupt();
		assertThat(this.c.check().available()).isFalse();
		assertThat(Thread.interrupted()).isTrue();
		this.proxy.resume();
		await().atMost(OUTAGE_WAIT).untilAsserted(() -> assertThat(this.c.check().available()).isTrue());
		JsonRpcEncodedMessage retained = this.c.retained("clock");
		assertThat(retained).isNotNull();
		assertThat(retained.text()).isEqualTo(notification("12:00"));
		assertThat(this.receivedByA.texts()).doesNotContain(text("alone"));
	}

	@Test
	void instanceStartingWhileRedisIsGoneStartsDeliveringHereAndJoinsWhenRedisAnswers(CapturedOutput output) {
		this.proxy.cut();
		LettuceConnectionFactory proxied = RedisTestConnections.connectionFactory(this.proxy.port(),
				this.prefix + "-d");
		startWhileRedisIsGoneThenJoin(proxied, output);
	}

	@Test
	void instanceWithADedicatedConnectionStartingWhileRedisIsGoneJoinsWhenRedisAnswers(CapturedOutput output) {
		this.proxy.cut();
		// a connection of its own, not the factory's shared one: the one that failed is
		// not reused (it would replay its failure forever)
		LettuceConnectionFactory proxied = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(RedisCondition.HOST, this.proxy.port()),
				LettuceClientConfiguration.builder().clientName(this.prefix + "-d").build());
		proxied.setShareNativeConnection(false);
		proxied.afterPropertiesSet();
		proxied.start();
		startWhileRedisIsGoneThenJoin(proxied, output);
	}

	private void startWhileRedisIsGoneThenJoin(LettuceConnectionFactory proxied, CapturedOutput output) {
		this.redis.add(proxied::destroy);
		RedisJsonRpcPubSubBackend d = RedisJsonRpcPubSubBackend.builder(proxied)
			.channelPrefix(this.prefix)
			.timeout(TIMEOUT)
			.build();
		RecordingReceiver receivedByD = new RecordingReceiver();
		d.attach(receivedByD);
		// the application starts all the same: its connection factory connects later
		d.start();
		this.redis.add(d::stop);
		assertThat(d.isRunning()).isTrue();
		assertThat(output).contains("Redis is unavailable (Connecting failed: ");
		assertThat(d.publish("chat", message("alone"), false)).isOne();
		assertThat(output)
			.contains("Redis is unavailable: publication on topic 'chat' delivered on this instance only");
		d.sendToUser("alice", message("alone"));
		assertThat(receivedByD.texts()).containsExactly(text("alone"), "U alice " + notification("alone"));
		assertThat(d.retained("clock")).isNull();
		Status during = d.check();
		assertThat(during.available()).isFalse();
		assertThat(during.listening()).isFalse();
		assertThat(during.notSent()).isEqualTo(2);
		assertThat(during.lastFailure()).startsWith("Connecting: ");
		this.proxy.restore();
		// subscribed by the listener container, connected by the next PING
		await().atMost(OUTAGE_WAIT).untilAsserted(() -> {
			this.a.publish("chat", message("to d"), false);
			assertThat(receivedByD.texts()).contains(text("to d"));
		});
		// connected before subscribed, and Redis counts as available from then on: the
		// next publication reaches every instance
		d.publish("chat", message("from d"), false);
		await().atMost(OUTAGE_WAIT).untilAsserted(() -> assertThat(this.receivedByA.texts()).contains(text("from d")));
		Status after = d.check();
		assertThat(after.available()).isTrue();
		assertThat(after.listening()).isTrue();
		assertThat(this.receivedByA.texts()).doesNotContain(text("alone"), "U alice " + notification("alone"));
		d.stop();
		assertThat(d.isRunning()).isFalse();
		assertThat(d.check().available()).isFalse();
		await().atMost(OUTAGE_WAIT).untilAsserted(() -> assertThat(subscribers()).isEqualTo(2));
	}

	@Test
	void listenerThatCannotSubscribeAtTheStartSubscribesLater() {
		RefusingConnectionFactory refusing = new RefusingConnectionFactory(this.prefix + "-e", 2);
		this.redis.add(refusing::destroy);
		RedisJsonRpcPubSubBackend e = RedisJsonRpcPubSubBackend.builder(refusing)
			.channelPrefix(this.prefix)
			.timeout(TIMEOUT)
			.build();
		RecordingReceiver receivedByE = new RecordingReceiver();
		e.attach(receivedByE);
		e.start();
		this.redis.add(e::stop);
		Status during = e.check();
		assertThat(during.listening()).isFalse();
		assertThat(during.lastFailure()).startsWith("Connecting: ");
		// its publications reach the others all the same
		e.publish("chat", message("from e"), false);
		await().atMost(OUTAGE_WAIT).untilAsserted(() -> assertThat(this.receivedByA.texts()).contains(text("from e")));
		// refused at the start and at the first attempt after it: subscribed at the
		// second
		await().atMost(OUTAGE_WAIT).untilAsserted(() -> {
			this.a.publish("chat", message("to e"), false);
			assertThat(receivedByE.texts()).contains(text("to e"));
		});
		assertThat(refusing.refusals()).isEqualTo(2);
		assertThat(e.check().listening()).isTrue();
	}

	@Test
	void stopEndsTheAttemptsToJoinSoThatAStartRightAfterItLeavesOneLoopTrying() {
		RefusingConnectionFactory refusing = new RefusingConnectionFactory(this.prefix + "-f", Integer.MAX_VALUE);
		this.redis.add(refusing::destroy);
		RedisJsonRpcPubSubBackend f = RedisJsonRpcPubSubBackend.builder(refusing)
			.channelPrefix(this.prefix)
			.timeout(TIMEOUT)
			.build();
		f.attach(new RecordingReceiver());
		assertThat(f.retrying()).isNull();
		f.start();
		this.redis.add(f::stop);
		Disposable first = f.retrying();
		assertThat(first).isNotNull();
		assertThat(first.isDisposed()).isFalse();
		f.stop();
		assertThat(first.isDisposed()).isTrue();
		assertThat(f.retrying()).isNull();
		f.start();
		Disposable second = f.retrying();
		assertThat(second).isNotNull().isNotSameAs(first);
		assertThat(second.isDisposed()).isFalse();
		f.stop();
		assertThat(second.isDisposed()).isTrue();
	}

	@Test
	void pingLeftUnansweredAtTheStartIsWaitedForAtMostTheTimeout() {
		UnansweredPingConnectionFactory unanswered = new UnansweredPingConnectionFactory(this.prefix + "-g");
		this.redis.add(unanswered::destroy);
		RedisJsonRpcPubSubBackend g = RedisJsonRpcPubSubBackend.builder(unanswered)
			.channelPrefix(this.prefix)
			.timeout(Duration.ofMillis(300))
			.build();
		g.attach(new RecordingReceiver());
		g.start();
		this.redis.add(g::stop);
		assertThat(g.isRunning()).isTrue();
		assertThat(g.retrying()).isNotNull();
		assertThat(g.check().lastFailure()).startsWith("Connecting: ").contains("within 300ms");
	}

	/**
	 * Connections of the test Redis whose reactive connections never answer a
	 * {@code PING}.
	 */
	static final class UnansweredPingConnectionFactory
			implements RedisConnectionFactory, ReactiveRedisConnectionFactory {

		private final LettuceConnectionFactory delegate;

		UnansweredPingConnectionFactory(String clientName) {
			this.delegate = RedisTestConnections.connectionFactory(RedisTestConnections.PORT, clientName);
		}

		@Override
		public ReactiveRedisConnection getReactiveConnection() {
			ReactiveRedisConnection connection = this.delegate.getReactiveConnection();
			return (ReactiveRedisConnection) Proxy.newProxyInstance(getClass().getClassLoader(),
					new Class<?>[] { ReactiveRedisConnection.class }, (proxy, method, arguments) -> {
						if (method.getName().equals("ping")) {
							return Mono.never();
						}
						try {
							return method.invoke(connection, arguments);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}

		@Override
		public ReactiveRedisClusterConnection getReactiveClusterConnection() {
			throw new UnsupportedOperationException();
		}

		@Override
		public boolean getConvertPipelineAndTxResults() {
			return this.delegate.getConvertPipelineAndTxResults();
		}

		@Override
		public RedisConnection getConnection() {
			return this.delegate.getConnection();
		}

		@Override
		public RedisClusterConnection getClusterConnection() {
			throw new UnsupportedOperationException();
		}

		@Override
		public RedisSentinelConnection getSentinelConnection() {
			throw new UnsupportedOperationException();
		}

		@Override
		public @Nullable DataAccessException translateExceptionIfPossible(RuntimeException ex) {
			return this.delegate.translateExceptionIfPossible(ex);
		}

		void destroy() {
			this.delegate.destroy();
		}

	}

	@Test
	void stoppedBackendLeavesNoConnectionOrSubscription() throws Exception {
		assertThat(subscribers()).isEqualTo(2);
		assertThat(connectionsOf(this.proxiedClientName)).isPositive();
		this.c.stop();
		assertThat(this.c.isRunning()).isFalse();
		await().atMost(OUTAGE_WAIT).untilAsserted(() -> assertThat(subscribers()).isOne());
		Status stopped = this.c.check();
		assertThat(stopped.available()).isFalse();
		assertThat(stopped.listening()).isFalse();
		// only the connection factory's own connections are left, until it is destroyed
		this.redis.closeResources();
		await().atMost(OUTAGE_WAIT).untilAsserted(() -> {
			assertThat(this.proxy.openConnections()).isZero();
			assertThat(connectionsOf(this.proxiedClientName)).isZero();
		});
	}

	/**
	 * The connection factory of the test Redis, refusing the first connections the
	 * listener container asks for (the backend's own connection is made all the same).
	 */
	static final class RefusingConnectionFactory extends LettuceConnectionFactory {

		private final AtomicInteger refusing;

		private final AtomicInteger refusals = new AtomicInteger();

		RefusingConnectionFactory(String clientName, int refusing) {
			super(new RedisStandaloneConfiguration(RedisCondition.HOST, RedisTestConnections.PORT),
					LettuceClientConfiguration.builder().clientName(clientName).build());
			this.refusing = new AtomicInteger(refusing);
			afterPropertiesSet();
			start();
		}

		@Override
		public RedisConnection getConnection() {
			if (this.refusing.getAndDecrement() > 0) {
				this.refusals.incrementAndGet();
				throw new RedisConnectionFailureException("Refused by the test");
			}
			return super.getConnection();
		}

		int refusals() {
			return this.refusals.get();
		}

	}

	private void awaitBothListening() {
		await().atMost(OUTAGE_WAIT).untilAsserted(() -> assertThat(subscribers()).isEqualTo(2));
	}

	private long subscribers() throws Exception {
		return this.redis.subscribers(OUTAGE_WAIT);
	}

	private int connectionsOf(String clientName) {
		return this.redis.connectionsOf(clientName);
	}

	private static int occurrences(CapturedOutput output, String text) {
		String all = output.getAll();
		int count = 0;
		for (int i = all.indexOf(text); i >= 0; i = all.indexOf(text, i + text.length())) {
			count++;
		}
		return count;
	}

	private static List<Integer> numbers(List<String> texts) {
		return texts.stream()
			.filter((text) -> text.matches(".*\\[\"alone \\d+\"\\].*"))
			.map((text) -> Integer.valueOf(text.replaceAll(".*\\[\"alone (\\d+)\"\\].*", "$1")))
			.toList();
	}

	private static RedisJsonRpcPubSubFrame frame(int i) {
		// the frames published above: the same size as any "alone 1xx"
		return new RedisJsonRpcPubSubFrame(Kind.PUBLISH, 0, 1, "chat", message("alone " + (100 + i)));
	}

	private static JsonRpcEncodedMessage message(String text) {
		return JsonRpcEncodedMessage.wrap(bytes(notification(text)));
	}

	private static String text(String text) {
		return "P chat " + notification(text);
	}

	private static String notification(String text) {
		return "{\"jsonrpc\":\"2.0\",\"method\":\"chat\",\"params\":[\"" + text + "\"]}";
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
