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
package io.github.jsonrpc.pubsub;

import java.util.List;
import java.util.Map;

import io.github.jsonrpc.protocol.JsonRpcEncodedMessage;
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.server.JsonRpcSessionRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for the guards, counters and topic lifecycle of
 * {@link JsonRpcSubscriptionRegistry}, {@link DefaultJsonRpcPublisher} and
 * {@link InProcessJsonRpcPubSubBackend}.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcSubscriptionLifecycleTests {

	private final JsonRpcMessageCodec codec = JsonRpcMessageCodec.create(JsonMapper.builder().build());

	private final JsonRpcSubscriptionRegistry registry = new JsonRpcSubscriptionRegistry(
			List.of(JsonRpcTopic.of("news"), JsonRpcTopic.retained("prices"), JsonRpcTopic.retained("rooms.*"),
					JsonRpcTopic.of("rooms.lobby")),
			3);

	private final TestSession session = new TestSession("s1");

	@Test
	void constructorChecksItsArguments() {
		assertThatIllegalArgumentException().isThrownBy(() -> new JsonRpcSubscriptionRegistry(null, 1))
			.withMessage("Topics are required");
		assertThatIllegalArgumentException().isThrownBy(() -> new JsonRpcSubscriptionRegistry(List.of(), 0))
			.withMessage("maxSubscriptionsPerSession must be positive");
		assertThat(new JsonRpcSubscriptionRegistry(List.of(), 1).maxSubscriptionsPerSession()).isOne();
		assertThatIllegalArgumentException().isThrownBy(() -> new JsonRpcSubscriptionRegistry(List.of(), 1, null))
			.withMessage("Authorizer is required");
		assertThatIllegalStateException()
			.isThrownBy(
					() -> new JsonRpcSubscriptionRegistry(List.of(JsonRpcTopic.of("t"), JsonRpcTopic.retained("t")), 1))
			.withMessage("Topic 't' declared twice with different settings");
		assertThatIllegalStateException().isThrownBy(
				() -> new JsonRpcSubscriptionRegistry(List.of(JsonRpcTopic.of("t.*"), JsonRpcTopic.retained("t.*")), 1))
			.withMessage("Topic 't.*' declared twice with different settings");
		JsonRpcSubscriptionRegistry twice = new JsonRpcSubscriptionRegistry(
				List.of(JsonRpcTopic.of("t"), JsonRpcTopic.of("t"), JsonRpcTopic.of("t.*"), JsonRpcTopic.of("t.*")), 1);
		assertThat(twice.topics()).extracting(JsonRpcTopic::name).containsExactly("t", "t.*");
		assertThatIllegalArgumentException().isThrownBy(() -> twice.addTopic(null)).withMessage("Topic is required");
		assertThatIllegalArgumentException().isThrownBy(() -> twice.setRetainedFallback(null))
			.withMessage("Fallback is required");
	}

	@Test
	void patternTopicIsAddedOnceAndRemovedByItsOwnName() {
		assertThat(this.registry.addTopic(JsonRpcTopic.of("halls.*"))).isTrue();
		assertThat(this.registry.addTopic(JsonRpcTopic.retained("halls.*"))).isFalse();
		assertThat(this.registry.addTopic(JsonRpcTopic.of("news"))).isFalse();
		assertThat(this.registry.topics()).extracting(JsonRpcTopic::name)
			.containsExactly("halls.*", "news", "prices", "rooms.*", "rooms.lobby");
		assertThat(this.registry.removeTopic("halls.*")).isTrue();
		assertThat(this.registry.topic("halls.1")).isNull();
		assertThat(this.registry.topic("rooms.1")).isNotNull();
		assertThat(this.registry.removeTopic("halls.*")).isFalse();
		assertThat(this.registry.removeTopic("nope")).isFalse();
	}

	@Test
	void nameStartingWithAnAsteriskIsNeverAConcreteTopic() {
		JsonRpcSubscriptionRegistry any = new JsonRpcSubscriptionRegistry(List.of(JsonRpcTopic.of("*")), 1);
		assertThat(any.topic("x")).isNotNull();
		assertThat(any.topic("*x")).isNull();
		assertThat(any.topic("x*")).isNull();
	}

	@Test
	void removingAPatternEndsItsActiveAndPendingTopicsButNotDeclaredOnes() {
		TestSession other = new TestSession("s2");
		subscribeAndActivate(this.session, "rooms.1");
		this.registry.subscribe(this.session, "rooms.2");
		subscribeAndActivate(this.session, "rooms.lobby");
		subscribeAndActivate(other, "rooms.1");
		assertThat(this.registry.activeTopicCount()).isEqualTo(2);
		assertThat(this.registry.subscriptionCount()).isEqualTo(4);
		assertThat(this.registry.removeTopic("rooms.*")).isTrue();
		assertThat(this.registry.subscriptions(this.session)).containsExactly("rooms.lobby");
		assertThat(this.registry.subscriptions(other)).isEmpty();
		assertThat(this.registry.subscribers("rooms.1")).isEmpty();
		assertThat(this.registry.subscribers("rooms.lobby")).containsExactly(this.session);
		assertThat(this.registry.activeTopicCount()).isOne();
		assertThat(this.registry.subscriptionCount()).isOne();
		// the pending subscription is dropped before its activation: only active ones are
		// told
		assertThat(this.session.received).containsExactly("rpc.unsubscribed={\"topic\":\"rooms.1\"}");
		this.registry.activate(this.session, "rooms.2");
		assertThat(this.registry.subscribers("rooms.2")).isEmpty();
		assertThat(other.received).containsExactly("rpc.unsubscribed={\"topic\":\"rooms.1\"}");
	}

	@Test
	void lastSubscriberLeavingDetachesTheTopic() {
		subscribeAndActivate(this.session, "news");
		assertThat(this.registry.activeTopicCount()).isOne();
		assertThat(this.registry.unsubscribe(this.session, "news")).isTrue();
		assertThat(this.registry.activeTopicCount()).isZero();
		assertThat(this.registry.unsubscribe(this.session, "news")).isFalse();
	}

	@Test
	void sessionClosingWhileBeingActivatedLeavesNoActiveTopic() {
		this.registry.subscribe(this.session, "news");
		this.session.afterNextOpenCheck = () -> {
			this.session.open = false;
			this.registry.removeSession(this.session);
		};
		this.registry.activate(this.session, "news");
		assertThat(this.registry.activeTopicCount()).isZero();
	}

	@Test
	void subscribingAClosedSessionLeavesNothingBehind() {
		this.session.open = false;
		assertThat(this.registry.subscribe(this.session, "news")).isTrue();
		assertThat(this.registry.subscriptions(this.session)).isEmpty();
		assertThat(this.registry.subscriptionCount()).isZero();
	}

	@Test
	void retainedValueOfADeclaredTopicIsKeptWithoutSubscribersAndSentOnActivation() {
		this.registry.deliver("prices", this.codec.encodeNotification("prices", 1), true);
		assertThat(this.registry.retained("prices")).isPresent();
		subscribeAndActivate(this.session, "prices");
		assertThat(this.session.received).containsExactly("prices=1");
		// a value not to be retained is delivered but not kept
		this.registry.deliver("news", this.codec.encodeNotification("news", 2), false);
		assertThat(this.registry.retained("news")).isEmpty();
	}

	@Test
	void retainedValueOfAPatternTopicIsKeptOnlyWhileSomeoneListens() {
		this.registry.deliver("rooms.1", this.codec.encodeNotification("rooms.1", 1), true);
		assertThat(this.registry.retained("rooms.1")).isEmpty();
		subscribeAndActivate(this.session, "rooms.1");
		assertThat(this.session.received).isEmpty();
		this.registry.deliver("rooms.1", this.codec.encodeNotification("rooms.1", 2), true);
		assertThat(this.registry.retained("rooms.1")).isPresent();
	}

	@Test
	void fallbackSuppliesTheRetainedValueWhenNoneIsKeptHere() {
		JsonRpcEncodedMessage elsewhere = this.codec.encodeNotification("prices", "elsewhere");
		this.registry.setRetainedFallback((topic) -> "prices".equals(topic) ? elsewhere : null);
		subscribeAndActivate(this.session, "prices");
		assertThat(this.session.received).containsExactly("prices=\"elsewhere\"");
		TestSession other = new TestSession("s2");
		this.registry.deliver("prices", this.codec.encodeNotification("prices", "here"), true);
		subscribeAndActivate(other, "prices");
		assertThat(other.received).containsExactly("prices=\"here\"");
	}

	@Test
	void publisherUsesTheRetainedValueOfTheBackend() {
		JsonRpcEncodedMessage stored = this.codec.encodeNotification("prices", "stored");
		InProcessJsonRpcPubSubBackend inProcess = new InProcessJsonRpcPubSubBackend();
		JsonRpcPubSubBackend backend = new JsonRpcPubSubBackend() {

			@Override
			public void attach(Receiver receiver) {
				inProcess.attach(receiver);
			}

			@Override
			public int publish(String topic, JsonRpcEncodedMessage message, boolean retain) {
				return inProcess.publish(topic, message, retain);
			}

			@Override
			public int sendToUser(String userName, JsonRpcEncodedMessage message) {
				return inProcess.sendToUser(userName, message);
			}

			@Override
			public @Nullable JsonRpcEncodedMessage retained(String topic) {
				return "prices".equals(topic) ? stored : null;
			}

		};
		new DefaultJsonRpcPublisher(new JsonRpcSessionRegistry(), this.registry, backend, this.codec);
		subscribeAndActivate(this.session, "prices");
		assertThat(this.session.received).containsExactly("prices=\"stored\"");
	}

	@Test
	void publisherChecksItsArguments() {
		JsonRpcSessionRegistry sessions = new JsonRpcSessionRegistry();
		InProcessJsonRpcPubSubBackend backend = new InProcessJsonRpcPubSubBackend();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DefaultJsonRpcPublisher(null, this.registry, backend, this.codec))
			.withMessage("Sessions are required");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DefaultJsonRpcPublisher(sessions, null, backend, this.codec))
			.withMessage("Subscriptions are required");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DefaultJsonRpcPublisher(sessions, this.registry, null, this.codec))
			.withMessage("Backend is required");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DefaultJsonRpcPublisher(sessions, this.registry, backend, null))
			.withMessage("Codec is required");
		JsonRpcPublisher publisher = new DefaultJsonRpcPublisher(sessions, this.registry, backend, this.codec);
		assertThatIllegalArgumentException().isThrownBy(() -> publisher.notifyUser(" ", "m", null))
			.withMessage("User name is required");
		assertThat(publisher.notifyUser("nobody", "m", Map.of())).isZero();
	}

	@Test
	void inProcessBackendTakesOneReceiver() {
		InProcessJsonRpcPubSubBackend backend = new InProcessJsonRpcPubSubBackend();
		JsonRpcEncodedMessage message = this.codec.encodeNotification("news", 1);
		assertThatIllegalStateException().isThrownBy(() -> backend.publish("news", message, false))
			.withMessage("No receiver attached");
		assertThatIllegalStateException().isThrownBy(() -> backend.sendToUser("ann", message))
			.withMessage("No receiver attached");
		assertThatIllegalArgumentException().isThrownBy(() -> backend.attach(null)).withMessage("Receiver is required");
		new DefaultJsonRpcPublisher(new JsonRpcSessionRegistry(), this.registry, backend, this.codec);
		assertThatIllegalStateException()
			.isThrownBy(
					() -> new DefaultJsonRpcPublisher(new JsonRpcSessionRegistry(), this.registry, backend, this.codec))
			.withMessage("A receiver is attached already");
		subscribeAndActivate(this.session, "news");
		assertThat(backend.publish("news", message, false)).isOne();
	}

	private void subscribeAndActivate(TestSession session, String topic) {
		assertThat(this.registry.subscribe(session, topic)).isTrue();
		this.registry.activate(session, topic);
	}

}
