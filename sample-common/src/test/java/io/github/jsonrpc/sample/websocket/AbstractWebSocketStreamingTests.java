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
 * Streamed results: item notifications then the final response; cancel; HTTP forms.
 */
abstract class AbstractWebSocketStreamingTests extends AbstractWebSocketTests {

	@Test
	void countdownStreamsItemsThenFinalResponse() throws Exception {
		try (WebSocketTestClient client = connect()) {
			client.send("{\"jsonrpc\":\"2.0\",\"method\":\"countdown\",\"params\":[3],\"id\":\"c\"}");
			List<Integer> items = new ArrayList<>();
			JsonNode message;
			while ((message = client.next()).has("method")) {
				assertThat(message.get("method").asString()).isEqualTo("rpc.stream");
				assertThat(message.get("params").get("id").asString()).isEqualTo("c");
				items.add(message.get("params").get("item").asInt());
			}
			assertThat(items).containsExactly(3, 2, 1);
			assertThat(message.get("id").asString()).isEqualTo("c");
			assertThat(message.get("result").get("count").asInt()).isEqualTo(3);
		}
	}

	@Test
	void largeStreamIsDeliveredCompletelyWithBackPressure() throws Exception {
		try (WebSocketTestClient client = connect()) {
			client.send("{\"jsonrpc\":\"2.0\",\"method\":\"countdown\",\"params\":{\"n\":5000},\"id\":1}");
			int items = 0;
			JsonNode message;
			while ((message = client.next()).has("method")) {
				items++;
			}
			assertThat(items).isEqualTo(5000);
			assertThat(message.get("result").get("count").asInt()).isEqualTo(5000);
		}
	}

	@Test
	void errorMidStreamEndsWithErrorResponse() throws Exception {
		try (WebSocketTestClient client = connect()) {
			client.send("{\"jsonrpc\":\"2.0\",\"method\":\"test.failing\",\"params\":[2],\"id\":7}");
			JsonNode message;
			int items = 0;
			while ((message = client.next()).has("method")) {
				items++;
			}
			assertThat(items).isEqualTo(2);
			assertThat(message.get("id").asInt()).isEqualTo(7);
			assertThat(message.get("error").get("code").asInt()).isEqualTo(-32603);
		}
	}

	@Test
	void cancelStopsARunningStream() throws Exception {
		int closedBefore = WebSocketTestServices.tickerClosed.get();
		try (WebSocketTestClient client = connect()) {
			client.send("{\"jsonrpc\":\"2.0\",\"method\":\"test.ticker\",\"params\":[1000,20],\"id\":42}");
			client.next((node) -> WebSocketTestClient.isMethod(node, "rpc.stream"));
			client.send("{\"jsonrpc\":\"2.0\",\"method\":\"rpc.cancel\",\"params\":{\"id\":42}}");
			JsonNode response = client.next((node) -> !node.has("method"));
			assertThat(response.get("id").asInt()).isEqualTo(42);
			assertThat(response.get("error").get("code").asInt()).isEqualTo(-32006);
			AbstractWebSocketPubSubTests.awaitTrue(() -> WebSocketTestServices.tickerClosed.get() > closedBefore);
		}
	}

	@Test
	void cancelAnswersAPlainCallAtOnce() throws Exception {
		try (WebSocketTestClient client = connect()) {
			client.send("{\"jsonrpc\":\"2.0\",\"method\":\"test.delayedEcho\",\"params\":[\"x\",3000],\"id\":5}");
			client.send("{\"jsonrpc\":\"2.0\",\"method\":\"rpc.cancel\",\"params\":[5]}");
			JsonNode response = client.next();
			assertThat(response.get("error").get("code").asInt()).isEqualTo(-32006);
		}
	}

	@Test
	void closingTheConnectionCancelsItsStreams() throws Exception {
		int closedBefore = WebSocketTestServices.tickerClosed.get();
		WebSocketTestClient client = connect();
		client.send("{\"jsonrpc\":\"2.0\",\"method\":\"test.ticker\",\"params\":[1000,20],\"id\":1}");
		client.next((node) -> WebSocketTestClient.isMethod(node, "rpc.stream"));
		client.close();
		AbstractWebSocketPubSubTests.awaitTrue(() -> WebSocketTestServices.tickerClosed.get() > closedBefore);
	}

	@Test
	void overHttpAStreamIsCollected() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/jsonrpc"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"jsonrpc\":\"2.0\",\"method\":\"countdown\",\"params\":[3],\"id\":1}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(WebSocketTestClient.mapper.readTree(response.body()))
			.isEqualTo(WebSocketTestClient.mapper.readTree("{\"jsonrpc\":\"2.0\",\"result\":[3,2,1],\"id\":1}"));
	}

	@Test
	void overHttpNdjsonStreamsItemsThenResponse() throws Exception {
		HttpResponse<String> response = post("{\"jsonrpc\":\"2.0\",\"method\":\"countdown\",\"params\":[3],\"id\":1}",
				"application/x-ndjson");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/x-ndjson");
		List<String> lines = response.body().lines().toList();
		assertThat(lines).hasSize(4);
		assertThat(WebSocketTestClient.mapper.readTree(lines.get(0))).isEqualTo(WebSocketTestClient.mapper
			.readTree("{\"jsonrpc\":\"2.0\",\"method\":\"rpc.stream\",\"params\":{\"id\":1,\"item\":3}}"));
		assertThat(WebSocketTestClient.mapper.readTree(lines.get(3)).get("result").get("count").asInt()).isEqualTo(3);
	}

	@Test
	void overHttpServerSentEventsStreamItemsThenResponse() throws Exception {
		HttpResponse<String> response = post("{\"jsonrpc\":\"2.0\",\"method\":\"countdown\",\"params\":[2],\"id\":1}",
				"text/event-stream");
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
		List<String> data = response.body().lines().filter((line) -> line.startsWith("data:")).toList();
		assertThat(data).hasSize(3);
		assertThat(WebSocketTestClient.mapper.readTree(data.get(1).substring(5)).get("params").get("item").asInt())
			.isEqualTo(1);
	}

	@Test
	void overHttpNonStreamingMethodStaysPlainJsonWhateverTheAccept() throws Exception {
		HttpResponse<String> response = post("{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[3,1],\"id\":1}",
				"application/x-ndjson");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
		assertThat(WebSocketTestClient.mapper.readTree(response.body()).get("result").asInt()).isEqualTo(2);
	}

	@Test
	void overHttpABatchIsCollectedEvenWhenTheAcceptAsksForAStream() throws Exception {
		HttpResponse<String> response = post(
				"[{\"jsonrpc\":\"2.0\",\"method\":\"countdown\",\"params\":[2],\"id\":1},"
						+ "{\"jsonrpc\":\"2.0\",\"method\":\"countdown\",\"params\":[1],\"id\":2}]",
				"application/x-ndjson");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
		assertThat(WebSocketTestClient.mapper.readTree(response.body())).isEqualTo(WebSocketTestClient.mapper.readTree(
				"[{\"jsonrpc\":\"2.0\",\"result\":[2,1],\"id\":1},{\"jsonrpc\":\"2.0\",\"result\":[1],\"id\":2}]"));
	}

	private HttpResponse<String> post(String body, String accept) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/jsonrpc"))
				.header("Content-Type", "application/json")
				.header("Accept", accept)
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
