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
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import io.github.jsonrpc.server.JsonRpcSession;
import io.github.jsonrpc.server.JsonRpcSessionRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link JsonRpcSubscriptionRegistry}.
 */
class JsonRpcSubscriptionRegistryTests {

	private final JsonRpcSubscriptionRegistry registry = new JsonRpcSubscriptionRegistry(
			List.of(JsonRpcTopic.of("b"), JsonRpcTopic.retained("a"), JsonRpcTopic.of("c")), 2);

	private final TestSession session = new TestSession("s1");

	@Test
	void topicsAreSortedByName() {
		assertThat(this.registry.topics()).extracting(JsonRpcTopic::name).containsExactly("a", "b", "c");
	}

	@Test
	void pendingSubscriptionIsListedButNotDeliveredUntilActivated() {
		assertThat(this.registry.subscribe(this.session, "b")).isTrue();
		assertThat(this.registry.subscribe(this.session, "b")).isFalse();
		assertThat(this.registry.subscriptions(this.session)).containsExactly("b");
		assertThat(this.registry.subscribers("b")).isEmpty();
		this.registry.activate(this.session, "b");
		assertThat(this.registry.subscribers("b")).containsExactly(this.session);
	}

	@Test
	void unknownTopicAndLimitAreRefused() {
		assertThatIllegalStateException().isThrownBy(() -> this.registry.subscribe(this.session, "nope"))
			.withMessageContaining("nope");
		this.registry.subscribe(this.session, "a");
		this.registry.subscribe(this.session, "b");
		assertThatIllegalStateException().isThrownBy(() -> this.registry.subscribe(this.session, "c"))
			.withMessageContaining("2 subscriptions");
	}

	@Test
	void retainedValueIsSentOnActivation() {
		JsonRpcPublisher publisher = new DefaultJsonRpcPublisher(new JsonRpcSessionRegistry(), this.registry,
				new InProcessJsonRpcPubSubBackend(), io.github.jsonrpc.protocol.JsonRpcMessageCodec
					.create(tools.jackson.databind.json.JsonMapper.builder().build()));
		publisher.publish("a", "first");
		publisher.publish("a", "last");
		this.registry.subscribe(this.session, "a");
		this.registry.activate(this.session, "a");
		assertThat(this.session.received).containsExactly("a=\"last\"");
	}

	@Test
	void sessionClosingWhileBeingActivatedIsNotLeftSubscribed() {
		this.registry.subscribe(this.session, "b");
		this.session.afterNextOpenCheck = () -> {
			this.session.open = false;
			this.registry.removeSession(this.session);
		};
		this.registry.activate(this.session, "b");
		assertThat(this.registry.subscribers("b")).isEmpty();
		assertThat(this.registry.subscriptionCount()).isZero();
	}

	@Test
	void removingASessionRemovesAllItsSubscriptions() {
		this.registry.subscribe(this.session, "a");
		this.registry.activate(this.session, "a");
		this.registry.subscribe(this.session, "b");
		this.registry.removeSession(this.session);
		assertThat(this.registry.subscriptions(this.session)).isEmpty();
		assertThat(this.registry.subscribers("a")).isEmpty();
		assertThat(this.registry.subscriptionCount()).isZero();
	}

	@Test
	void closingASessionEndsItsSubscriptionsAndRegistration() {
		JsonRpcSessionRegistry sessions = new JsonRpcSessionRegistry();
		sessions.register(this.session);
		this.registry.subscribe(this.session, "a");
		this.registry.activate(this.session, "a");
		this.session.close();
		assertThat(sessions.size()).isZero();
		assertThat(this.registry.subscriptionCount()).isZero();
		assertThat(this.registry.subscribers("a")).isEmpty();
	}

	@Test
	void patternTopicsLeaveNothingBehindOnceTheirSubscribersLeave() {
		this.registry.addTopic(JsonRpcTopic.retained("rooms.*"));
		io.github.jsonrpc.protocol.JsonRpcMessageCodec codec = io.github.jsonrpc.protocol.JsonRpcMessageCodec
			.create(tools.jackson.databind.json.JsonMapper.builder().build());
		for (int i = 0; i < 500; i++) {
			String room = "rooms." + i;
			this.registry.subscribe(this.session, room);
			this.registry.activate(this.session, room);
			assertThat(this.registry.deliver(room, codec.encodeNotification(room, i), true)).isOne();
			this.registry.unsubscribe(this.session, room);
			// nobody listens: a value of a pattern topic is not kept
			this.registry.deliver(room, codec.encodeNotification(room, i), true);
		}
		assertThat(this.registry.activeTopicCount()).isZero();
		assertThat(this.registry.retained("rooms.7")).isEmpty();
		// a declared topic keeps its value without subscribers
		this.registry.deliver("a", codec.encodeNotification("a", 1), true);
		assertThat(this.registry.retained("a")).isPresent();
	}

	@Test
	void aFailingAuthorizerDoesNotStopDeliveryToOthers() {
		JsonRpcSubscriptionRegistry registry = new JsonRpcSubscriptionRegistry(List.of(JsonRpcTopic.of("t")), 5,
				(topic, session) -> {
					if ("bad".equals(session.id())) {
						throw new IllegalStateException("broken rule");
					}
					return true;
				});
		TestSession bad = new TestSession("bad");
		TestSession good = new TestSession("good");
		registry.subscribe(good, "t");
		registry.activate(good, "t");
		registry.subscribe(bad, "t");
		registry.activate(bad, "t");
		io.github.jsonrpc.protocol.JsonRpcMessageCodec codec = io.github.jsonrpc.protocol.JsonRpcMessageCodec
			.create(tools.jackson.databind.json.JsonMapper.builder().build());
		assertThat(registry.deliver("t", codec.encodeNotification("t", 1), false)).isOne();
		assertThat(good.received).containsExactly("t=1");
		assertThat(bad.received).isEmpty();
	}

	@Test
	void topicOpenToAllIsDeliveredWithoutAskingForEachSubscriber() {
		List<String> asked = new CopyOnWriteArrayList<>();
		JsonRpcSubscriptionRegistry registry = new JsonRpcSubscriptionRegistry(
				List.of(JsonRpcTopic.of("open"), JsonRpcTopic.of("closed"), JsonRpcTopic.of("broken")), 5,
				new JsonRpcTopicAuthorizer() {

					@Override
					public boolean isAuthorized(String topic, @Nullable JsonRpcSession session) {
						asked.add(topic + "/" + session.id());
						return !"2".equals(session.id());
					}

					@Override
					public boolean isOpenToAll(String topic) {
						if ("broken".equals(topic)) {
							throw new IllegalStateException("broken rule");
						}
						return "open".equals(topic);
					}

				});
		TestSession one = new TestSession("1");
		TestSession two = new TestSession("2");
		for (String topic : List.of("open", "closed", "broken")) {
			for (TestSession session : List.of(one, two)) {
				registry.subscribe(session, topic);
				registry.activate(session, topic);
			}
		}
		asked.clear();
		io.github.jsonrpc.protocol.JsonRpcMessageCodec codec = io.github.jsonrpc.protocol.JsonRpcMessageCodec
			.create(tools.jackson.databind.json.JsonMapper.builder().build());
		assertThat(registry.deliver("open", codec.encodeNotification("open", 1), false)).isEqualTo(2);
		assertThat(asked).isEmpty();
		// not open to all, or the question failed: every subscriber is asked
		assertThat(registry.deliver("closed", codec.encodeNotification("closed", 2), false)).isOne();
		assertThat(registry.deliver("broken", codec.encodeNotification("broken", 3), false)).isOne();
		assertThat(asked).containsExactlyInAnyOrder("closed/1", "closed/2", "broken/1", "broken/2");
		assertThat(one.received).containsExactly("open=1", "closed=2", "broken=3");
		assertThat(two.received).containsExactly("open=1");
	}

	@Test
	void topicWithItsOwnAuthorizerIsCheckedForEachSubscriber() {
		JsonRpcSubscriptionRegistry registry = new JsonRpcSubscriptionRegistry(
				List.of(JsonRpcTopic.of("t").withAuthorizer((topic, session) -> !"2".equals(session.id()))), 5,
				JsonRpcTopicAuthorizer.permitAll());
		TestSession one = new TestSession("1");
		TestSession two = new TestSession("2");
		registry.subscribe(one, "t");
		registry.activate(one, "t");
		registry.subscribe(two, "t");
		registry.activate(two, "t");
		io.github.jsonrpc.protocol.JsonRpcMessageCodec codec = io.github.jsonrpc.protocol.JsonRpcMessageCodec
			.create(tools.jackson.databind.json.JsonMapper.builder().build());
		assertThat(registry.deliver("t", codec.encodeNotification("t", 1), false)).isOne();
		assertThat(one.received).containsExactly("t=1");
		assertThat(two.received).isEmpty();
	}

	@Test
	void permitAllIsOpenToAll() {
		assertThat(JsonRpcTopicAuthorizer.permitAll().isOpenToAll("any")).isTrue();
		assertThat(JsonRpcTopicAuthorizer.permitAll().isAuthorized("any", null)).isTrue();
		JsonRpcTopicAuthorizer custom = (topic, session) -> true;
		assertThat(custom.isOpenToAll("any")).isFalse();
	}

	@Test
	void topicsCanBeAddedAndRemovedAtRuntime() {
		assertThat(this.registry.addTopic(JsonRpcTopic.of("d"))).isTrue();
		assertThat(this.registry.addTopic(JsonRpcTopic.retained("d"))).isFalse();
		this.registry.subscribe(this.session, "d");
		this.registry.activate(this.session, "d");
		assertThat(this.registry.removeTopic("d")).isTrue();
		assertThat(this.registry.topic("d")).isNull();
		assertThat(this.registry.subscriptions(this.session)).isEmpty();
		assertThat(this.registry.subscribers("d")).isEmpty();
		assertThat(this.session.received).containsExactly("rpc.unsubscribed={\"topic\":\"d\"}");
		assertThat(this.registry.removeTopic("d")).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> this.registry.subscribe(this.session, "d"));
	}

	@Test
	void patternTopicsDeclareConcreteNamesWithTheirOwnAuthorizer() {
		this.registry.addTopic(JsonRpcTopic.of("rooms.*")
			.withAuthorizer((topic, session) -> session != null && session.principal() != null
					&& topic.equals("rooms." + session.principal().getName())));
		TestSession ann = new TestSession("ann", "ann");
		assertThat(this.registry.topic("rooms.ann")).isNotNull();
		assertThat(this.registry.topic("rooms.*")).isNull();
		assertThat(this.registry.topic("halls.ann")).isNull();
		assertThat(this.registry.isAuthorized("rooms.ann", ann)).isTrue();
		assertThat(this.registry.isAuthorized("rooms.bob", ann)).isFalse();
		assertThat(this.registry.isAuthorized("rooms.ann", this.session)).isFalse();
		this.registry.subscribe(ann, "rooms.ann");
		this.registry.activate(ann, "rooms.ann");
		this.registry.removeTopic("rooms.*");
		assertThat(this.registry.subscriptionCount()).isZero();
		assertThat(ann.received).containsExactly("rpc.unsubscribed={\"topic\":\"rooms.ann\"}");
	}

}
