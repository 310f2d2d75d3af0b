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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The protocol cases of the HTTP endpoint, over WebSocket, plus the shared path.
 */
abstract class AbstractWebSocketProtocolTests extends AbstractWebSocketTests {

	@Test
	void positionalAndNamedParams() throws Exception {
		try (WebSocketTestClient client = connect()) {
			assertJson(client.call("{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[42,23],\"id\":1}"),
					"{\"jsonrpc\":\"2.0\",\"result\":19,\"id\":1}");
			assertJson(client.call(
					"{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":{\"subtrahend\":23,\"minuend\":42},\"id\":\"a\"}"),
					"{\"jsonrpc\":\"2.0\",\"result\":19,\"id\":\"a\"}");
		}
	}

	@Test
	void firstMessageRightAfterTheHandshakeIsAnswered() throws Exception {
		// the first frame can arrive before the server has subscribed to the inbound
		// messages: it must be answered all the same, also with many connections open
		HttpClient http = HttpClient.newHttpClient();
		List<WebSocketTestClient> clients = new ArrayList<>();
		try {
			for (int i = 0; i < 200; i++) {
				WebSocketTestClient client = WebSocketTestClient.connect(http, this.port, null, true);
				clients.add(client);
				JsonNode response = client
					.call("{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[" + i + ",1],\"id\":" + i + "}");
				assertThat(response.get("result").asInt()).as("connection %d", i).isEqualTo(i - 1);
			}
		}
		finally {
			clients.forEach(WebSocketTestClient::abort);
		}
	}

	@Test
	void notificationGetsNoResponse() throws Exception {
		try (WebSocketTestClient client = connect()) {
			client.send("{\"jsonrpc\":\"2.0\",\"method\":\"update\",\"params\":[1,2,3,4,5]}");
			client.send("{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[2,1],\"id\":2}");
			assertThat(client.next().get("id").asInt()).isEqualTo(2);
		}
	}

	@Test
	void unknownMethodIsMethodNotFound() throws Exception {
		try (WebSocketTestClient client = connect()) {
			JsonNode response = client.call("{\"jsonrpc\":\"2.0\",\"method\":\"foobar\",\"id\":\"1\"}");
			assertThat(response.get("error").get("code").asInt()).isEqualTo(-32601);
			assertThat(response.get("id").asString()).isEqualTo("1");
		}
	}

	@Test
	void parseErrorKeepsTheConnectionOpen() throws Exception {
		try (WebSocketTestClient client = connect()) {
			JsonNode response = client.call("{\"jsonrpc\":\"2.0\",\"method\":\"foobar,\"params\":\"bar\",\"baz]");
			assertThat(response.get("error").get("code").asInt()).isEqualTo(-32700);
			assertThat(response.get("id").isNull()).isTrue();
			JsonNode invalid = client.call("{\"jsonrpc\":\"2.0\",\"method\":1,\"params\":\"bar\"}");
			assertThat(invalid.get("error").get("code").asInt()).isEqualTo(-32600);
			JsonNode empty = client.call("[]");
			assertThat(empty.get("error").get("code").asInt()).isEqualTo(-32600);
			JsonNode ok = client.call("{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[3,1],\"id\":3}");
			assertThat(ok.get("result").asInt()).isEqualTo(2);
			assertThat(client.isOpen()).isTrue();
		}
	}

	@Test
	void batchIsAnsweredInOneFrame() throws Exception {
		try (WebSocketTestClient client = connect()) {
			JsonNode response = client.call("""
					[{"jsonrpc":"2.0","method":"sum","params":[1,2,4],"id":"1"},
					 {"jsonrpc":"2.0","method":"notify_hello","params":[7]},
					 {"jsonrpc":"2.0","method":"subtract","params":[42,23],"id":"2"},
					 {"foo":"boo"},
					 {"jsonrpc":"2.0","method":"foo.get","params":{"name":"myself"},"id":"5"},
					 {"jsonrpc":"2.0","method":"get_data","id":"9"}]""");
			assertThat(response.isArray()).isTrue();
			assertThat(response.size()).isEqualTo(5);
			assertThat(response.get(0).get("result").asInt()).isEqualTo(7);
			assertThat(response.get(2).get("error").get("code").asInt()).isEqualTo(-32600);
			client.send("[{\"jsonrpc\":\"2.0\",\"method\":\"notify_sum\",\"params\":[1,2,4]}]");
			JsonNode next = client.call("{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[2,1],\"id\":4}");
			assertThat(next.get("id").asInt()).isEqualTo(4);
		}
	}

	@Test
	void methodCanReceiveTheSessionAndPushToIt() throws Exception {
		try (WebSocketTestClient client = connect()) {
			JsonNode id = client.call("{\"jsonrpc\":\"2.0\",\"method\":\"test.sessionId\",\"id\":1}");
			assertThat(id.get("result").asString()).isNotBlank().isNotEqualTo("none");
			client.send("{\"jsonrpc\":\"2.0\",\"method\":\"test.push\",\"params\":[\"hello\"],\"id\":2}");
			JsonNode pushed = client.next((node) -> WebSocketTestClient.isMethod(node, "pushed"));
			assertThat(pushed.get("params").asString()).isEqualTo("hello");
		}
	}

	@Test
	void httpStillServesPostAndRejectsPlainGetOnTheSamePath() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		URI uri = URI.create("http://127.0.0.1:" + this.port + "/jsonrpc");
		HttpResponse<String> post = http.send(HttpRequest.newBuilder(uri)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[42,23],\"id\":1}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(post.statusCode()).isEqualTo(200);
		assertJson(WebSocketTestClient.mapper.readTree(post.body()), "{\"jsonrpc\":\"2.0\",\"result\":19,\"id\":1}");
		HttpResponse<String> get = http.send(HttpRequest.newBuilder(uri).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(get.statusCode()).isEqualTo(405);
	}

	static void assertJson(JsonNode actual, String expected) {
		assertThat(actual).isEqualTo(WebSocketTestClient.mapper.readTree(expected));
	}

}
