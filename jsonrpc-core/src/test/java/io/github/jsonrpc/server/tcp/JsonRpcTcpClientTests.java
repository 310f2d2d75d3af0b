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
package io.github.jsonrpc.server.tcp;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.CalculatorService;
import io.github.jsonrpc.JsonRpcSetup;
import io.github.jsonrpc.client.JsonRpcClient;
import io.github.jsonrpc.client.JsonRpcTransport;
import io.github.jsonrpc.client.JsonRpcTransportException;
import io.github.jsonrpc.protocol.JsonRpcFraming;
import io.github.jsonrpc.server.JsonRpcSessionRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The Java client over {@code tcp://} against a {@link JsonRpcTcpServer}: both framings,
 * server notifications, and reconnection after the server restarts.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcTcpClientTests {

	private final ExecutorService executor = Executors.newFixedThreadPool(8);

	private final JsonRpcSessionRegistry sessions = new JsonRpcSessionRegistry();

	private @Nullable JsonRpcTcpServer server;

	private @Nullable JsonRpcClient client;

	@AfterEach
	void stop() {
		if (this.client != null) {
			this.client.close();
		}
		if (this.server != null) {
			this.server.setShutdownTimeout(Duration.ZERO);
			this.server.stop();
		}
		this.executor.shutdownNow();
	}

	private JsonRpcTcpServer start(JsonRpcFraming framing, int port) {
		JsonRpcTcpServer server = new JsonRpcTcpServer(JsonRpcSetup.services(new CalculatorService()).toHandler(),
				this.sessions, this.executor);
		server.setFraming(framing);
		server.setPort(port);
		server.start();
		this.server = server;
		return server;
	}

	@ParameterizedTest
	@EnumSource(JsonRpcFraming.class)
	void callsInEitherFraming(JsonRpcFraming framing) {
		JsonRpcTcpServer server = start(framing, 0);
		String query = (framing == JsonRpcFraming.CONTENT_LENGTH) ? "?framing=content-length" : "";
		this.client = JsonRpcClient.builder()
			.url("tcp://127.0.0.1:" + server.getPort() + query)
			.timeout(TestWaits.SHORT)
			.build();
		assertThat(this.client.method("subtract").params(42, 23).retrieve(Integer.class)).isEqualTo(19);
		assertThat(this.client.batch().call("sum", 1, 2).call("sum", 3, 4).execute().result(1, Integer.class))
			.isEqualTo(7);
	}

	@Test
	void serverNotificationsReachListeners() throws Exception {
		JsonRpcTcpServer server = start(JsonRpcFraming.NDJSON, 0);
		this.client = JsonRpcClient.builder()
			.transport(JsonRpcTransport.tcp(URI.create("tcp://127.0.0.1:" + server.getPort()),
					JsonRpcSetup.services().toCodec()))
			.timeout(TestWaits.SHORT)
			.build();
		AtomicInteger received = new AtomicInteger();
		this.client.onNotification("tick", java.util.Map.class,
				(params) -> received.set(((Number) params.get("n")).intValue()));
		// the connection opens with the first call
		assertThat(this.client.method("sum").params(1).retrieve(Integer.class)).isEqualTo(1);
		await().atMost(TestWaits.SHORT).until(() -> this.sessions.sessions().size() == 1);
		this.sessions.sessions().forEach((session) -> session.notify("tick", java.util.Map.of("n", 42)));
		await().atMost(TestWaits.SHORT).untilAtomic(received, org.hamcrest.Matchers.equalTo(42));
	}

	@Test
	void reconnectsWhenTheServerComesBack() {
		JsonRpcTcpServer server = start(JsonRpcFraming.NDJSON, 0);
		int port = server.getPort();
		this.client = JsonRpcClient.builder()
			.url("tcp://127.0.0.1:" + port)
			.timeout(TestWaits.SHORT)
			.reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(200))
			.build();
		assertThat(this.client.method("sum").params(1, 1).retrieve(Integer.class)).isEqualTo(2);
		server.setShutdownTimeout(Duration.ZERO);
		server.stop();
		assertThatExceptionOfType(JsonRpcTransportException.class)
			.isThrownBy(() -> this.client.method("sum").params(1, 1).retrieve(Integer.class));
		server.setPort(port);
		server.start();
		await().atMost(TestWaits.SHORT)
			.ignoreExceptions()
			.until(() -> Integer.valueOf(4).equals(this.client.method("sum").params(2, 2).retrieve(Integer.class)));
	}

	@Test
	void rejectsOtherUris() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> JsonRpcTransport.tcp(URI.create("tcp://127.0.0.1"), JsonRpcSetup.services().toCodec()));
	}

}
