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
package io.github.jsonrpc.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * JSON-RPC 1.0 next to 2.0 on the sample's endpoint with
 * {@code jsonrpc.protocol.v1.enabled=true}, over real HTTP and a real WebSocket: the rows
 * of the mapping table in the README (JSON-RPC 1.0).
 *
 * @author JSON-RPC for Spring Boot team
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "server.address=127.0.0.1",
		"jsonrpc.logging.enabled=false", "jsonrpc.protocol.v1.enabled=true" })
class Version1ProtocolTests {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int port;

	static Stream<Arguments> mixedVersions() {
		return Stream.of(arguments("1.0 call", """
				{"method": "subtract", "params": [42, 23], "id": 1}""", """
				{"result": 19, "error": null, "id": 1}"""), arguments("1.0 notification", """
				{"method": "notify_hello", "params": [7], "id": null}""", null), arguments("1.0 unknown method", """
				{"method": "nothing", "params": [], "id": "x"}""", """
				{"result": null, "error": {"code": -32601, "message": "Method not found"}, "id": "x"}"""),
				arguments("1.0 named params", """
						{"method": "subtract", "params": {"minuend": 42, "subtrahend": 23}, "id": 2}""", """
						{"result": null, "error": {"code": -32600, "message": "Invalid Request"}, "id": 2}"""),
				arguments("2.0 call", """
						{"jsonrpc": "2.0", "method": "subtract", "params": [42, 23], "id": 3}""", """
						{"jsonrpc": "2.0", "result": 19, "id": 3}"""), arguments("1.0 inside a batch", """
						[{"method": "subtract", "params": [42, 23], "id": 4},
						 {"jsonrpc": "2.0", "method": "subtract", "params": [3, 1], "id": 5}]""", """
						[{"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": 4},
						 {"jsonrpc": "2.0", "result": 2, "id": 5}]"""));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("mixedVersions")
	void overHttp(String name, String request, @Nullable String expected) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint("http"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(request))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (expected == null) {
			assertThat(response.statusCode()).isEqualTo(204);
			assertThat(response.body()).isEmpty();
		}
		else {
			assertThat(response.statusCode()).isEqualTo(200);
			JSONAssert.assertEquals(expected, response.body(), JSONCompareMode.STRICT);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("mixedVersions")
	void overWebSocket(String name, String request, @Nullable String expected) throws Exception {
		BlockingQueue<String> received = new LinkedBlockingQueue<>();
		WebSocket webSocket = http.newWebSocketBuilder().buildAsync(endpoint("ws"), new WebSocket.Listener() {

			private final StringBuilder text = new StringBuilder();

			@Override
			public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
				this.text.append(data);
				if (last) {
					received.add(this.text.toString());
					this.text.setLength(0);
				}
				socket.request(1);
				return null;
			}

		}).get(5, TimeUnit.SECONDS);
		try {
			webSocket.sendText(request, true).get(5, TimeUnit.SECONDS);
			// a 2.0 call after it: its answer comes after any answer to the request
			webSocket.sendText("{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[2,1],\"id\":\"last\"}", true)
				.get(5, TimeUnit.SECONDS);
			String first = received.poll(5, TimeUnit.SECONDS);
			assertThat(first).isNotNull();
			if (expected == null) {
				JSONAssert.assertEquals("{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":\"last\"}", first,
						JSONCompareMode.STRICT);
			}
			else {
				String last = received.poll(5, TimeUnit.SECONDS);
				// calls of one connection run concurrently: match the answers by content
				String answer = first.contains("\"last\"") ? last : first;
				assertThat(answer).isNotNull();
				JSONAssert.assertEquals(expected, answer, JSONCompareMode.STRICT);
			}
		}
		finally {
			webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
		}
	}

	private URI endpoint(String scheme) {
		return URI.create(scheme + "://127.0.0.1:" + this.port + "/jsonrpc");
	}

}
