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

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.github.jsonrpc.server.JsonRpcSessionRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link JsonRpcPublisher}.
 */
class JsonRpcPublisherTests {

	private final JsonRpcSessionRegistry sessions = new JsonRpcSessionRegistry();

	private final JsonRpcSubscriptionRegistry subscriptions = new JsonRpcSubscriptionRegistry(
			List.of(JsonRpcTopic.of("news"), JsonRpcTopic.of("secret")), 10,
			(topic, session) -> !"secret".equals(topic) || session.attributes().containsKey("ok"));

	private final CountingCodec codec = new CountingCodec();

	private final JsonRpcPublisher publisher = new DefaultJsonRpcPublisher(this.sessions, this.subscriptions,
			new InProcessJsonRpcPubSubBackend(), this.codec.codec);

	@Test
	void publishReachesActiveSubscribersOnly() {
		TestSession subscribed = subscribed("s1", "news");
		TestSession other = new TestSession("s2");
		this.sessions.register(other);
		assertThat(this.publisher.publish("news", Map.of("n", 1))).isEqualTo(1);
		assertThat(subscribed.received).containsExactly("news={\"n\":1}");
		assertThat(other.received).isEmpty();
	}

	@Test
	void authorizerIsCheckedAtEachDelivery() {
		TestSession session = subscribed("s1", "secret");
		session.attributes().put("ok", true);
		assertThat(this.publisher.publish("secret", "a")).isEqualTo(1);
		session.attributes().remove("ok");
		assertThat(this.publisher.publish("secret", "b")).isZero();
		assertThat(session.received).containsExactly("secret=\"a\"");
	}

	@Test
	void unknownTopicFails() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.publisher.publish("nope", 1))
			.withMessageContaining("nope");
	}

	@Test
	void notifyReachesOneSessionOrAllOfAUser() {
		TestSession ann1 = new TestSession("a1", "ann");
		TestSession ann2 = new TestSession("a2", "ann");
		TestSession bob = new TestSession("b1", "bob");
		List.of(ann1, ann2, bob).forEach(this.sessions::register);
		assertThat(this.publisher.notifyUser("ann", "hello", null)).isEqualTo(2);
		assertThat(this.publisher.notify("b1", "direct", 7)).isTrue();
		assertThat(this.publisher.notify("missing", "direct", 7)).isFalse();
		assertThat(ann1.received).containsExactly("hello=null");
		assertThat(bob.received).containsExactly("direct=7");
	}

	@Test
	void publishToManySubscribersEncodesOnce() {
		List<TestSession> all = new java.util.ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			all.add(subscribed("s" + i, "news"));
		}
		int before = this.codec.payloadWrites();
		assertThat(this.publisher.publish("news", new Payload("x"))).isEqualTo(1000);
		assertThat(this.codec.payloadWrites() - before).isOne();
		assertThat(all).allSatisfy((session) -> assertThat(session.received).containsExactly("news={\"text\":\"x\"}"));
	}

	@Test
	void replacedBackendCarriesEveryPublication() {
		List<String> carried = new java.util.ArrayList<>();
		JsonRpcPubSubBackend backend = new JsonRpcPubSubBackend() {

			private JsonRpcPubSubBackend.Receiver receiver;

			@Override
			public void attach(JsonRpcPubSubBackend.Receiver receiver) {
				this.receiver = receiver;
			}

			@Override
			public int publish(String topic, io.github.jsonrpc.protocol.JsonRpcEncodedMessage message, boolean retain) {
				carried.add(topic + ":" + message.text());
				return this.receiver.published(topic, message, retain);
			}

			@Override
			public int sendToUser(String userName, io.github.jsonrpc.protocol.JsonRpcEncodedMessage message) {
				carried.add("@" + userName);
				return this.receiver.sentToUser(userName, message);
			}

		};
		JsonRpcPublisher publisher = new DefaultJsonRpcPublisher(this.sessions, this.subscriptions, backend,
				this.codec.codec);
		TestSession session = subscribed("s1", "news");
		assertThat(publisher.publish("news", 1)).isOne();
		assertThat(carried).containsExactly("news:{\"jsonrpc\":\"2.0\",\"method\":\"news\",\"params\":1}");
		assertThat(session.received).containsExactly("news=1");
	}

	private TestSession subscribed(String id, String topic) {
		TestSession session = new TestSession(id);
		this.sessions.register(session);
		this.subscriptions.subscribe(session, topic);
		this.subscriptions.activate(session, topic);
		return session;
	}

	record Payload(String text) {
	}

	/**
	 * A codec over a mapper that counts how often it serializes a {@link Payload}.
	 */
	static final class CountingCodec {

		private final java.util.concurrent.atomic.AtomicInteger writes = new java.util.concurrent.atomic.AtomicInteger();

		final io.github.jsonrpc.protocol.JsonRpcMessageCodec codec;

		CountingCodec() {
			tools.jackson.databind.module.SimpleModule module = new tools.jackson.databind.module.SimpleModule();
			module.addSerializer(Payload.class, new tools.jackson.databind.ser.std.StdSerializer<>(Payload.class) {

				@Override
				public void serialize(Payload value, tools.jackson.core.JsonGenerator generator,
						tools.jackson.databind.SerializationContext context) {
					CountingCodec.this.writes.incrementAndGet();
					generator.writeStartObject();
					generator.writeStringProperty("text", value.text());
					generator.writeEndObject();
				}

			});
			this.codec = io.github.jsonrpc.protocol.JsonRpcMessageCodec
				.create(JsonMapper.builder().addModule(module).build());
		}

		int payloadWrites() {
			return this.writes.get();
		}

	}

}
