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
package io.github.jsonrpc.sample.tcp;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.jsonrpc.client.JsonRpcBatchResponse;
import io.github.jsonrpc.client.JsonRpcClient;
import io.github.jsonrpc.client.JsonRpcClientException;
import io.github.jsonrpc.client.JsonRpcSubscription;
import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import io.github.jsonrpc.protocol.JsonRpcFraming;
import io.github.jsonrpc.server.tcp.JsonRpcTcpServer;
import io.github.jsonrpc.server.tcp.TcpTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The sample application over its TCP port (NDJSON, enabled in application.yml; a free
 * port here): the Java client over {@code tcp://} and a raw socket, as {@code nc} would.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "jsonrpc.tcp.port=0", "jsonrpc.logging.enabled=false" })
class TcpTransportTests {

	@Autowired
	private JsonRpcTcpServer server;

	private JsonRpcClient client;

	@AfterEach
	void close() {
		if (this.client != null) {
			this.client.close();
		}
	}

	private JsonRpcClient client() {
		this.client = JsonRpcClient.builder()
			.url("tcp://127.0.0.1:" + this.server.getPort())
			.timeout(Duration.ofSeconds(10))
			.build();
		return this.client;
	}

	@Test
	void listensOnTheLoopbackAddress() {
		assertThat(this.server.isRunning()).isTrue();
		assertThat(this.server.getAddress().isLoopbackAddress()).isTrue();
	}

	@Test
	void callsBatchesNotificationsAndErrorsThroughTheJavaClient() {
		JsonRpcClient client = client();
		assertThat(client.method("subtract").params(42, 23).retrieve(Integer.class)).isEqualTo(19);
		client.notify("update", 1, 2, 3);
		JsonRpcBatchResponse batch = client.batch()
			.call("subtract", 23, 42)
			.notify("update", 4)
			.call("no.such.method")
			.execute();
		assertThat(batch.size()).isEqualTo(2);
		assertThat(batch.result(0, Integer.class)).isEqualTo(-19);
		assertThat(batch.error(1).code()).isEqualTo(JsonRpcErrorCodes.METHOD_NOT_FOUND);
		assertThatExceptionOfType(JsonRpcClientException.class)
			.isThrownBy(() -> client.method("no.such.method").retrieve(Integer.class))
			.satisfies((ex) -> assertThat(ex.getError().code()).isEqualTo(JsonRpcErrorCodes.METHOD_NOT_FOUND));
	}

	@Test
	void manyConcurrentCallsOnOneConnection() {
		JsonRpcClient client = client();
		List<CompletableFuture<Integer>> calls = new java.util.ArrayList<>();
		for (int i = 0; i < 500; i++) {
			calls.add(client.method("subtract").params(i, 1).retrieveAsync(Integer.class));
		}
		for (int i = 0; i < 500; i++) {
			assertThat(calls.get(i).join()).isEqualTo(i - 1);
		}
	}

	@Test
	void subscriptionReceivesWhatIsPublished() throws Exception {
		BlockingQueue<Map<?, ?>> messages = new LinkedBlockingQueue<>();
		JsonRpcClient listener = client();
		try (JsonRpcSubscription subscription = listener.subscribe("chat", Map.class, messages::add);
				JsonRpcClient speaker = JsonRpcClient.create("tcp://127.0.0.1:" + this.server.getPort())) {
			speaker.method("say").namedParams(Map.of("text", "over tcp")).retrieve(Object.class);
			Map<?, ?> message = messages.poll(10, TimeUnit.SECONDS);
			assertThat(message).isNotNull();
			assertThat(message.get("text")).isEqualTo("over tcp");
		}
	}

	@Test
	void streamedResultArrivesAsItems() {
		List<Integer> items = client().method("countdown").params(3).streamBlocking(Integer.class).toList();
		assertThat(items).containsExactly(3, 2, 1);
	}

	@Test
	void cancelStopsAStream() throws Exception {
		try (TcpTestClient raw = TcpTestClient.connect(this.server.getPort(), JsonRpcFraming.NDJSON)) {
			raw.send("{\"jsonrpc\":\"2.0\",\"method\":\"countdown\",\"params\":[100000],\"id\":\"s\"}");
			assertThat(raw.next().get("method").asString()).isEqualTo("rpc.stream");
			raw.send("{\"jsonrpc\":\"2.0\",\"method\":\"rpc.cancel\",\"params\":{\"id\":\"s\"}}");
			JsonNode message;
			int items = 1;
			while ((message = raw.next()).has("method")) {
				items++;
			}
			assertThat(message.get("id").asString()).isEqualTo("s");
			assertThat(message.get("error").get("code").asInt()).isEqualTo(JsonRpcErrorCodes.REQUEST_CANCELLED);
			assertThat(items).isLessThan(100000);
		}
	}

	@Test
	void loginAuthenticatesTheConnection() throws Exception {
		try (TcpTestClient raw = TcpTestClient.connect(this.server.getPort(), JsonRpcFraming.NDJSON)) {
			raw.send("{\"jsonrpc\":\"2.0\",\"method\":\"whoami\",\"id\":1}");
			assertThat(raw.next().get("error").get("code").asInt()).isEqualTo(JsonRpcErrorCodes.UNAUTHENTICATED);
			raw.send("{\"jsonrpc\":\"2.0\",\"method\":\"rpc.login\",\"params\":[\"alice\",\"alice-secret\"],\"id\":2}");
			assertThat(raw.next().get("result").asString()).isEqualTo("alice");
			raw.send("{\"jsonrpc\":\"2.0\",\"method\":\"whoami\",\"id\":3}");
			assertThat(raw.next().get("result").asString()).isEqualTo("alice");
		}
	}

	@Test
	void overLongLineClosesTheConnection() throws Exception {
		try (TcpTestClient raw = TcpTestClient.connect(this.server.getPort(), JsonRpcFraming.NDJSON)) {
			raw.sendRaw(new byte[(int) this.server.getSettings().maxMessageSize() + 2]);
			assertThat(raw.next().get("error").get("code").asInt()).isEqualTo(JsonRpcErrorCodes.LIMIT_EXCEEDED);
			assertThat(raw.awaitClosed(Duration.ofSeconds(5))).isTrue();
		}
	}

}
