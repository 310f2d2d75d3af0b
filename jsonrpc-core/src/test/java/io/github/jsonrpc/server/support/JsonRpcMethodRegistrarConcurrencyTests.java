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
package io.github.jsonrpc.server.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.jsonrpc.CalculatorService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Methods added and removed while eight threads call the server.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcMethodRegistrarConcurrencyTests {

	private static final int CALLERS = 8;

	private static final int CHANGES = 400;

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void callsNeverFailWhileMethodsAreAddedAndRemoved() throws Exception {
		JsonRpcServer server = JsonRpcServer.builder().service(new CalculatorService()).build();
		// methods that stay once added: callers pick among them
		List<String> kept = new CopyOnWriteArrayList<>();
		Set<String> failures = ConcurrentHashMap.newKeySet();
		AtomicBoolean done = new AtomicBoolean();
		AtomicInteger calls = new AtomicInteger();
		ExecutorService executor = Executors.newFixedThreadPool(CALLERS + 1);
		try {
			List<Future<?>> callers = new ArrayList<>();
			for (int i = 0; i < CALLERS; i++) {
				callers.add(executor.submit(() -> {
					while (!done.get()) {
						check(server, "subtract", "[42,23]", "19", failures);
						if (!kept.isEmpty()) {
							String name = kept.get(ThreadLocalRandom.current().nextInt(kept.size()));
							check(server, name, "[2]", "\"" + name + ":2\"", failures);
						}
						calls.addAndGet(2);
					}
				}));
			}
			Future<?> mutator = executor.submit(() -> {
				for (int i = 0; i < CHANGES; i++) {
					String name = "dynamic." + i;
					server.methods().method(name, Integer.class, (value) -> name + ":" + value);
					if (i % 2 == 0) {
						kept.add(name);
					}
					else {
						server.methods().unregister(name);
					}
				}
			});
			mutator.get(60, TimeUnit.SECONDS);
			done.set(true);
			for (Future<?> caller : callers) {
				caller.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(failures).isEmpty();
		assertThat(calls.get()).isGreaterThan(CALLERS);
		// introspection follows at once
		JsonNode document = this.mapper.readTree(
				server.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"rpc.discover\",\"id\":1}").join().orElseThrow());
		List<String> dynamic = new ArrayList<>();
		document.get("result").get("methods").forEach((method) -> {
			String name = method.get("name").asString();
			if (name.startsWith("dynamic.")) {
				dynamic.add(name);
			}
		});
		assertThat(dynamic).hasSize(CHANGES / 2).containsExactlyInAnyOrderElementsOf(kept);
	}

	private void check(JsonRpcServer server, String method, String params, String result, Set<String> failures) {
		String reply = server
			.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params + ",\"id\":7}")
			.join()
			.orElse("<none>");
		if (!reply.equals("{\"jsonrpc\":\"2.0\",\"result\":" + result + ",\"id\":7}")) {
			failures.add(method + " -> " + reply);
		}
	}

}
