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
package io.github.jsonrpc.sample.websocket;

import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.github.jsonrpc.pubsub.JsonRpcPublisher;
import io.github.jsonrpc.pubsub.JsonRpcSubscriptionRegistry;
import io.github.jsonrpc.server.JsonRpcSessionRegistry;
import io.github.jsonrpc.server.JsonRpcSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Origin check, message size limit and the slow-consumer policy.
 */
abstract class AbstractWebSocketLimitsTests extends AbstractWebSocketTests {

	@Autowired
	JsonRpcPublisher publisher;

	@Autowired
	JsonRpcSessionRegistry sessions;

	@Autowired
	JsonRpcSubscriptionRegistry subscriptions;

	@Test
	void foreignOriginIsRejectedAndAllowedOriginAccepted() throws Exception {
		assertThatExceptionOfType(Exception.class)
			.isThrownBy(() -> WebSocketTestClient.connect(this.port, "https://evil.example", true));
		try (WebSocketTestClient client = WebSocketTestClient.connect(this.port, "https://allowed.example", true)) {
			JsonNode ok = client.call("{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[2,1],\"id\":1}");
			assertThat(ok.get("result").asInt()).isEqualTo(1);
		}
	}

	@Test
	void tooLargeMessageClosesWith1009() throws Exception {
		try (WebSocketTestClient client = connect()) {
			String big = "x".repeat(100 * 1024);
			try {
				client.send("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"" + big + "\"],\"id\":1}");
			}
			catch (ExecutionException ex) {
				// the server may close before the whole frame is written
			}
			assertThat(client.closeCode().get(5, TimeUnit.SECONDS)).isEqualTo(1009);
		}
	}

	@Test
	void slowConsumerIsDisconnectedWhileOthersKeepReceiving() throws Exception {
		Set<String> existing = this.sessions.sessions().stream().map(JsonRpcSession::id).collect(Collectors.toSet());
		try (WebSocketTestClient healthy = connect();
				WebSocketTestClient stalled = WebSocketTestClient.connect(this.port, null, false)) {
			healthy.call("{\"jsonrpc\":\"2.0\",\"method\":\"subscribe\",\"params\":[\"firehose\"],\"id\":1}");
			// the stalled client never reads: not even this response
			stalled.send("{\"jsonrpc\":\"2.0\",\"method\":\"subscribe\",\"params\":[\"firehose\"],\"id\":1}");
			PubSubAwait.until(() -> this.subscriptions.subscribers("firehose")
				.stream()
				.filter((session) -> !existing.contains(session.id()))
				.count() == 2);
			String healthyId = healthy.call("{\"jsonrpc\":\"2.0\",\"method\":\"test.sessionId\",\"id\":2}")
				.get("result")
				.asString();
			String stalledId = this.subscriptions.subscribers("firehose")
				.stream()
				.map(JsonRpcSession::id)
				.filter((id) -> !existing.contains(id) && !id.equals(healthyId))
				.findFirst()
				.orElseThrow();
			String padding = "y".repeat(32 * 1024);
			int published = 0;
			for (int i = 0; i < 2000 && this.sessions.session(stalledId) != null; i++) {
				published++;
				String payload = i + ":" + padding;
				this.publisher.publish("firehose", payload);
				// the healthy client keeps up: it gets each message before the next is
				// published
				healthy.next((node) -> WebSocketTestClient.isMethod(node, "firehose")
						&& payload.equals(node.get("params").asString()));
			}
			// the stalled client was closed by its queue limits (2 MB, 200 messages),
			// long
			// before the publisher ran out of messages, and publishing never waited for
			// it
			assertThat(published).isLessThan(2000);
			assertThat(this.sessions.session(stalledId)).isNull();
			// its subscriptions end right after, through the session's close callbacks
			PubSubAwait.until(() -> this.subscriptions.subscribers("firehose")
				.stream()
				.noneMatch((session) -> session.id().equals(stalledId)));
			assertThat(this.subscriptions.subscribers("firehose")).extracting(JsonRpcSession::id)
				.contains(healthyId)
				.doesNotContain(stalledId);
			this.publisher.publish("firehose", "after");
			JsonNode after = healthy.next((node) -> WebSocketTestClient.isMethod(node, "firehose")
					&& "after".equals(node.get("params").asString()));
			assertThat(after).isNotNull();
			assertThat(healthy.call("{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[2,1],\"id\":9}")
				.get("result")
				.asInt()).isEqualTo(1);
		}
	}

	static final class PubSubAwait {

		static void until(java.util.function.BooleanSupplier condition) throws Exception {
			AbstractWebSocketPubSubTests.awaitTrue(condition);
		}

	}

}
