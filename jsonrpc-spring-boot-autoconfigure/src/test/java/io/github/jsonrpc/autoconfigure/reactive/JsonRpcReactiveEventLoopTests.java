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
package io.github.jsonrpc.autoconfigure.reactive;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.jsonrpc.autoconfigure.JsonRpcAutoConfiguration;
import io.github.jsonrpc.server.method.annotation.JsonRpcMethod;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Blocking methods never stall the event loop of a WebFlux application: many more slow
 * blocking calls than Netty has event-loop threads are held inside their methods, and
 * fast calls (blocking and {@code Mono}, over HTTP and WebSocket) are still answered; the
 * slow calls are released only after that.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcReactiveEventLoopTests {

	private static final int EVENT_LOOP_THREADS = 2;

	// four times the event loop, below the bounded elastic scheduler's cap (10 per core)
	private static final int SLOW_CALLS = EVENT_LOOP_THREADS * 4;

	private static final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void slowBlockingCallsDoNotStallFastOnes() {
		try (ReactiveTestServer server = ReactiveTestServer.start(EVENT_LOOP_THREADS, List.of(), Application.class)) {
			Gate gate = server.context().getBean(Gate.class);
			List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
			for (int i = 0; i < SLOW_CALLS; i++) {
				slow.add(server.postAsync(null, ReactiveTestServer.request("slow", "[]", i)));
			}
			try {
				// every slow call is inside its method at once: none holds an event loop
				await().atMost(Duration.ofSeconds(10))
					.untilAsserted(() -> assertThat(gate.inside).hasValue(SLOW_CALLS));
				assertThat(server.call(null, "fast", "[]").get("result").asString()).isEqualTo("fast");
				assertThat(server.call(null, "quick", "[]").get("result").asString()).isEqualTo("quick");
				JsonNode webSocket = server.webSocket(new HttpHeaders(), 1, ReactiveTestServer.request("fast", "[]", 1))
					.get(0);
				assertThat(webSocket.get("result").asString()).isEqualTo("fast");
				// answered while every slow call was still held
				assertThat(slow).noneMatch(CompletableFuture::isDone);
			}
			finally {
				gate.release.countDown();
			}
			for (CompletableFuture<HttpResponse<String>> call : slow) {
				HttpResponse<String> response = call.orTimeout(10, TimeUnit.SECONDS).join();
				assertThat(response.statusCode()).isEqualTo(200);
				String thread = mapper.readTree(response.body()).get("result").asString();
				assertThat(thread).contains("boundedElastic").doesNotContain("jsonrpc-test-loop");
			}
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, JsonRpcAutoConfiguration.class,
			JsonRpcWebFluxAutoConfiguration.class, JsonRpcReactiveWebSocketAutoConfiguration.class,
			WebFluxAutoConfiguration.class, HttpHandlerAutoConfiguration.class })
	static class Application {

		@Bean
		Gate gate() {
			return new Gate();
		}

		@Bean
		SlowService slowService(Gate gate) {
			return new SlowService(gate);
		}

	}

	static class Gate {

		final AtomicInteger inside = new AtomicInteger();

		final CountDownLatch release = new CountDownLatch(1);

	}

	@JsonRpcService
	static class SlowService {

		private final Gate gate;

		SlowService(Gate gate) {
			this.gate = gate;
		}

		@JsonRpcMethod
		public String slow() throws InterruptedException {
			this.gate.inside.incrementAndGet();
			// a blocking service: holds its thread until the test has its fast answers
			if (!this.gate.release.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("never released");
			}
			return Thread.currentThread().getName();
		}

		@JsonRpcMethod
		public String fast() {
			return "fast";
		}

		@JsonRpcMethod
		public Mono<String> quick() {
			return Mono.just("quick");
		}

	}

}
