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
package io.github.jsonrpc.autoconfigure.stdio;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.github.jsonrpc.CalculatorService;
import io.github.jsonrpc.pubsub.JsonRpcPublisher;
import io.github.jsonrpc.pubsub.JsonRpcTopic;
import io.github.jsonrpc.server.JsonRpcSession;
import io.github.jsonrpc.server.JsonRpcSessionCallException;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * A Spring Boot application serving the test calculator, run as a child process by
 * {@link JsonRpcStdioProcessTests} (with {@code jsonrpc.stdio.enabled=true}).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ CalculatorService.class, StdioTestApplication.SessionService.class })
public class StdioTestApplication {

	@Bean
	JsonRpcTopic newsTopic() {
		return JsonRpcTopic.of("news");
	}

	@Bean
	Object strayPrint() {
		// must not end up in the protocol stream
		System.out.println("stray print from the application");
		return new Object();
	}

	public static void main(String[] args) {
		SpringApplication.run(StdioTestApplication.class, args);
	}

	/**
	 * What only a session can do: publish to subscribers, stream a result, call back the
	 * client.
	 */
	@JsonRpcService
	public static class SessionService {

		private final JsonRpcPublisher publisher;

		SessionService(JsonRpcPublisher publisher) {
			this.publisher = publisher;
		}

		public int publish(String topic, String text) {
			return this.publisher.publish(topic, text);
		}

		public Stream<Integer> countdown(int n) {
			return IntStream.iterate(n, (i) -> i >= 1, (i) -> i - 1).boxed();
		}

		public CompletableFuture<String> ask(String question, JsonRpcSession session) {
			return session.call("confirm", List.of(question), Boolean.class)
				.thenApply((confirmed) -> Boolean.TRUE.equals(confirmed) ? "confirmed" : "declined")
				.exceptionally((ex) -> (ex.getCause() instanceof JsonRpcSessionCallException error)
						? "client failed with " + error.getCode() : "no answer");
		}

	}

}
