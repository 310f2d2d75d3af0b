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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import io.github.jsonrpc.protocol.JsonRpcFraming;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One JSON-RPC session over the standard input and output of a real child process
 * ({@link StdioTestApplication}, NDJSON), shared by every test of the class as a tool
 * would keep its server: the specification's examples, batches, many calls at once,
 * pub/sub, streamed results, {@code rpc.cancel} and calls of the server to the client.
 * Each test leaves the session as it found it (no subscription, nothing unread).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JsonRpcStdioSessionTests {

	private static final String MARKER = "{\"jsonrpc\":\"2.0\",\"method\":\"get_data\",\"id\":\"marker\"}";

	private StdioTestProcess process;

	@BeforeAll
	void start() throws Exception {
		this.process = StdioTestProcess.start(JsonRpcFraming.NDJSON);
	}

	@AfterAll
	void stop() throws Exception {
		try {
			this.process.closeInput();
			// the parent closed the pipe: the application ends by itself, cleanly
			assertThat(this.process.awaitExit()).isZero();
			assertThat(this.process.unread()).isEmpty();
		}
		finally {
			this.process.close();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("io.github.jsonrpc.JsonRpcSpecificationExamples#arguments")
	void specificationExample(String name, String request, String expected) throws Exception {
		this.process.send(request);
		if (expected == null) {
			// nothing comes back: the next message answers the marker
			assertThat(this.process.call(MARKER).get("id").asString()).as("no response expected for %s", name)
				.isEqualTo("marker");
			return;
		}
		assertThat(withoutData(this.process.next())).isEqualTo(StdioTestProcess.mapper.readTree(expected));
	}

	@Test
	void batchIsAnsweredInOneArrayWithoutItsNotifications() throws Exception {
		StringBuilder batch = new StringBuilder("[");
		for (int i = 0; i < 50; i++) {
			batch.append("{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[")
				.append(i)
				.append(",1],\"id\":")
				.append(i)
				.append("},{\"jsonrpc\":\"2.0\",\"method\":\"update\",\"params\":[")
				.append(i)
				.append("]},");
		}
		batch.setCharAt(batch.length() - 1, ']');
		JsonNode reply = this.process.call(batch.toString());
		assertThat(reply.isArray()).isTrue();
		assertThat(reply.size()).isEqualTo(50);
		for (JsonNode response : reply) {
			assertThat(response.get("result").asInt()).isEqualTo(response.get("id").asInt() - 1);
		}
	}

	@Test
	void manyCallsAtOnceAreAnsweredById() throws Exception {
		StringBuilder calls = new StringBuilder();
		for (int i = 0; i < 500; i++) {
			calls.append("{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[")
				.append(i)
				.append(",1],\"id\":")
				.append(i)
				.append("}\n");
		}
		// written at once, without waiting for any answer
		this.process.sendRaw(calls.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
		Map<Integer, Integer> results = new HashMap<>();
		for (int i = 0; i < 500; i++) {
			JsonNode response = this.process.next();
			results.put(response.get("id").asInt(), response.get("result").asInt());
		}
		assertThat(results).hasSize(500);
		results.forEach((id, result) -> assertThat(result).isEqualTo(id - 1));
	}

	@Test
	void subscriberReceivesPublicationsUntilItUnsubscribes() throws Exception {
		JsonNode subscribed = this.process
			.call("{\"jsonrpc\":\"2.0\",\"method\":\"subscribe\",\"params\":[\"news\"],\"id\":\"sub\"}");
		assertThat(subscribed.get("result").toString()).isEqualTo("[\"news\"]");
		this.process.send("{\"jsonrpc\":\"2.0\",\"method\":\"publish\",\"params\":[\"news\",\"hello\"],\"id\":\"p1\"}");
		// the publication and the publish call's answer, in either order
		List<JsonNode> messages = List.of(this.process.next(), this.process.next());
		assertThat(messages).anySatisfy((message) -> {
			assertThat(message.has("id")).isFalse();
			assertThat(message.get("method").asString()).isEqualTo("news");
			assertThat(message.get("params").asString()).isEqualTo("hello");
		});
		assertThat(messages).anySatisfy((message) -> {
			assertThat(message.has("id")).isTrue();
			assertThat(message.get("id").asString()).isEqualTo("p1");
			assertThat(message.get("result").asInt()).isEqualTo(1);
		});
		JsonNode unsubscribed = this.process
			.call("{\"jsonrpc\":\"2.0\",\"method\":\"unsubscribe\",\"params\":[\"news\"],\"id\":\"unsub\"}");
		assertThat(unsubscribed.get("result").toString()).isEqualTo("[]");
		// no subscriber any more: the answer is the only message
		JsonNode published = this.process
			.call("{\"jsonrpc\":\"2.0\",\"method\":\"publish\",\"params\":[\"news\",\"unheard\"],\"id\":\"p2\"}");
		assertThat(published.get("id").asString()).isEqualTo("p2");
		assertThat(published.get("result").asInt()).isZero();
	}

	@Test
	void streamedResultArrivesAsItemsThenItsCount() throws Exception {
		this.process.send("{\"jsonrpc\":\"2.0\",\"method\":\"countdown\",\"params\":[3],\"id\":\"c\"}");
		for (int item = 3; item >= 1; item--) {
			JsonNode message = this.process.next();
			assertThat(message.get("method").asString()).isEqualTo("rpc.stream");
			assertThat(message.get("params").get("id").asString()).isEqualTo("c");
			assertThat(message.get("params").get("item").asInt()).isEqualTo(item);
		}
		JsonNode response = this.process.next();
		assertThat(response.get("id").asString()).isEqualTo("c");
		assertThat(response.get("result").get("count").asInt()).isEqualTo(3);
	}

	@Test
	void cancelStopsAStreamWithMinus32006() throws Exception {
		this.process.send("{\"jsonrpc\":\"2.0\",\"method\":\"countdown\",\"params\":[1000000000],\"id\":\"s\"}");
		assertThat(this.process.next().get("method").asString()).isEqualTo("rpc.stream");
		this.process.send("{\"jsonrpc\":\"2.0\",\"method\":\"rpc.cancel\",\"params\":{\"id\":\"s\"}}");
		JsonNode message;
		long items = 1;
		while ((message = this.process.next()).has("method")) {
			items++;
		}
		assertThat(message.get("id").asString()).isEqualTo("s");
		assertThat(message.get("error").get("code").asInt()).isEqualTo(JsonRpcErrorCodes.REQUEST_CANCELLED);
		// what was written before the cancel is bounded by the connection's outbound
		// buffer
		// (bytes; an item is about 60 bytes): far fewer than the billion asked for
		assertThat(items).isLessThan(1_000_000L);
	}

	@Test
	void serverCallsTheClientAndUsesItsAnswer() throws Exception {
		this.process.send("{\"jsonrpc\":\"2.0\",\"method\":\"ask\",\"params\":[\"sure?\"],\"id\":\"a1\"}");
		JsonNode request = this.process.next();
		assertThat(request.get("method").asString()).isEqualTo("confirm");
		assertThat(request.get("params").toString()).isEqualTo("[\"sure?\"]");
		JsonNode answered = this.process
			.call("{\"jsonrpc\":\"2.0\",\"result\":true,\"id\":" + request.get("id").toString() + "}");
		assertThat(answered.get("id").asString()).isEqualTo("a1");
		assertThat(answered.get("result").asString()).isEqualTo("confirmed");
	}

	@Test
	void serverCallAnsweredWithAnErrorFailsOnTheServer() throws Exception {
		this.process.send("{\"jsonrpc\":\"2.0\",\"method\":\"ask\",\"params\":[\"sure?\"],\"id\":\"a2\"}");
		JsonNode request = this.process.next();
		assertThat(request.get("method").asString()).isEqualTo("confirm");
		JsonNode answered = this.process
			.call("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32000,\"message\":\"no\"},\"id\":"
					+ request.get("id").toString() + "}");
		assertThat(answered.get("id").asString()).isEqualTo("a2");
		assertThat(answered.get("result").asString()).isEqualTo("client failed with -32000");
	}

	private static JsonNode withoutData(JsonNode node) {
		if (node.isArray()) {
			List<JsonNode> entries = new ArrayList<>();
			node.forEach(entries::add);
			entries.forEach(JsonRpcStdioSessionTests::withoutData);
		}
		else if (node.has("error")) {
			((ObjectNode) node.get("error")).remove("data");
		}
		return node;
	}

}
