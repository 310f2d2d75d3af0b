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

import java.security.Principal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.github.jsonrpc.pubsub.JsonRpcTopic;
import io.github.jsonrpc.pubsub.JsonRpcTopicAuthorizer;
import io.github.jsonrpc.server.JsonRpcSession;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;

import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * Extra methods and topics for the WebSocket end-to-end tests; every test class imports
 * this same configuration so they share one application context.
 */
@TestConfiguration(proxyBeanMethods = false)
class WebSocketTestServices {

	static final AtomicInteger tickerClosed = new AtomicInteger();

	@Bean
	JsonRpcTopic firehoseTopic() {
		return JsonRpcTopic.of("firehose");
	}

	@Bean
	JsonRpcTopic retainedTopic() {
		return JsonRpcTopic.retained("latest");
	}

	// found by component scanning; the property keeps it out of other tests' contexts
	@Bean
	JsonRpcTopic restrictedTopic() {
		return JsonRpcTopic.of("restricted");
	}

	/**
	 * Topic "restricted" needs the session attribute "clearance"; checked at subscribe,
	 * listing and every delivery.
	 */
	@Bean
	JsonRpcTopicAuthorizer testTopicAuthorizer() {
		return (topic, session) -> !"restricted".equals(topic)
				|| (session != null && Boolean.TRUE.equals(session.attributes().get("clearance")));
	}

	@JsonRpcService("test")
	@ConditionalOnBooleanProperty("sample.websocket-test-services")
	static class TestService {

		public CompletableFuture<Object> delayedEcho(Object value, long delayMillis) {
			return CompletableFuture.supplyAsync(() -> value,
					CompletableFuture.delayedExecutor(delayMillis, TimeUnit.MILLISECONDS));
		}

		public String sessionId(JsonRpcSession session) {
			return (session != null) ? session.id() : "none";
		}

		public boolean push(JsonRpcSession session, String text) {
			return session.notify("pushed", text);
		}

		public boolean clearance(JsonRpcSession session, boolean granted) {
			session.attributes().put("clearance", granted);
			return granted;
		}

		public String login(JsonRpcSession session, String name) {
			Principal principal = () -> name;
			session.login(principal);
			return name;
		}

		public String whoami(Principal principal) {
			return (principal != null) ? principal.getName() : "anonymous";
		}

		public Stream<Integer> ticker(int n, long delayMillis) {
			return IntStream.range(0, n).boxed().peek((i) -> {
				try {
					Thread.sleep(delayMillis);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}).onClose(tickerClosed::incrementAndGet);
		}

		public Stream<Integer> failing(int n) {
			return IntStream.range(0, n + 1).boxed().map((i) -> {
				if (i == n) {
					throw new IllegalStateException("boom");
				}
				return i;
			});
		}

	}

}
