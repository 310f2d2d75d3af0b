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

package io.github.jsonrpc.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.protocol.JsonRpcError;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/**
 * Tests for streamed results and raw messages over {@link RestClientJsonRpcTransport}:
 * the items of an NDJSON or server-sent-events reply with the size of their line, its
 * final response, and the replies that end a stream with an error. The transport runs on
 * the test's thread.
 */
class RestClientJsonRpcTransportStreamTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static final JsonRpcMessageCodec codec = JsonRpcMessageCodec.create(mapper);

	private static final String URL = "http://localhost/jsonrpc";

	private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

	private static final JsonRpcRequest CALL = JsonRpcRequest.call(JsonRpcId.of(5), "words", null);

	private final RestClient.Builder restClientBuilder = RestClient.builder().baseUrl(URL);

	private final MockRestServiceServer server = MockRestServiceServer.bindTo(this.restClientBuilder).build();

	private final List<String> items = new ArrayList<>();

	private final JsonRpcTransport transport = new RestClientJsonRpcTransport(this.restClientBuilder.build(), codec,
			Runnable::run);

	@Test
	void ndjsonLinesAreItemsOfTheCallUntilItsFinalResponse() throws Exception {
		String first = "{\"jsonrpc\":\"2.0\",\"method\":\"rpc.stream\",\"params\":{\"id\":5,\"item\":\"é\"}}";
		String second = "{\"jsonrpc\":\"2.0\",\"method\":\"rpc.stream\",\"params\":{\"id\":5,\"item\":2}}";
		this.server.expect(requestTo(URL))
			.andExpect(method(HttpMethod.POST))
			.andExpect(header("Accept", "application/x-ndjson, text/event-stream, application/json"))
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(content().string("{\"jsonrpc\":\"2.0\",\"method\":\"words\",\"id\":5}"))
			.andRespond(withSuccess(
					first + "\n\n \n"
							+ "{\"jsonrpc\":\"2.0\",\"method\":\"rpc.stream\",\"params\":{\"id\":6,\"item\":1}}\n"
							+ "{\"jsonrpc\":\"2.0\",\"method\":\"news\"}\n" + second + "\n"
							+ "{\"jsonrpc\":\"2.0\",\"result\":{\"count\":2},\"id\":5}\n"
							+ "{\"jsonrpc\":\"2.0\",\"method\":\"rpc.stream\",\"params\":{\"id\":5,\"item\":3}}\n",
					NDJSON));
		JsonRpcResponse response = TestWaits.get(stream());
		assertThat(response).isEqualTo(JsonRpcResponse.success(JsonRpcId.of(5), mapper.readTree("{\"count\":2}")));
		assertThat(this.items).containsExactly("\"é\" " + first.getBytes(StandardCharsets.UTF_8).length,
				"2 " + second.length());
		this.server.verify();
	}

	@Test
	void finalResponseMayBeTheLastLineWithoutALineBreak() throws Exception {
		this.server.expect(requestTo(URL))
			.andRespond(withSuccess("{\"jsonrpc\":\"2.0\",\"method\":\"rpc.stream\",\"params\":{\"id\":5,\"item\":1}}\n"
					+ "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32001,\"message\":\"No\"},\"id\":5}", NDJSON));
		assertThat(TestWaits.get(stream()))
			.isEqualTo(JsonRpcResponse.failure(JsonRpcId.of(5), JsonRpcError.of(-32001, "No")));
		assertThat(this.items).containsExactly("1 66");
	}

	@Test
	void serverSentEventsCarryTheLinesInTheirData() throws Exception {
		String item = "{\"jsonrpc\":\"2.0\",\"method\":\"rpc.stream\",\"params\":{\"id\":5,\"item\":1}}";
		this.server.expect(requestTo(URL))
			.andRespond(withSuccess(
					"event: item\ndata:" + item + "\n\n: comment\ndata: \n"
							+ "data:{\"jsonrpc\":\"2.0\",\"result\":{\"count\":1},\"id\":5}\n\n",
					MediaType.TEXT_EVENT_STREAM));
		assertThat(TestWaits.get(stream()))
			.isEqualTo(JsonRpcResponse.success(JsonRpcId.of(5), mapper.readTree("{\"count\":1}")));
		assertThat(this.items).containsExactly("1 " + ("data:" + item).length());
	}

	@Test
	void streamThatEndsWithoutAFinalResponseFails() {
		this.server.expect(requestTo(URL))
			.andRespond(withSuccess(
					"{\"jsonrpc\":\"2.0\",\"method\":\"rpc.stream\",\"params\":{\"id\":5,\"item\":1}}\n", NDJSON));
		assertStreamFails("The stream of method 'words' ended without a final response");
		assertThat(this.items).hasSize(1);
	}

	@Test
	void invalidFinalResponseFailsTheStream() {
		this.server.expect(requestTo(URL))
			.andRespond(withSuccess("{\"jsonrpc\":\"1.0\",\"result\":1,\"id\":5}\n", NDJSON));
		assertStreamFails("Invalid reply to method 'words' (id 5): Invalid response: 'jsonrpc' must be \"2.0\"");
	}

	@Test
	void lineThatIsNotJsonFailsTheStreamAsAnInvalidReply() {
		this.server.expect(requestTo(URL)).andRespond(withSuccess("<html/>\n", NDJSON));
		assertStreamFailsWithAMessageStartingWith("Invalid reply to method 'words' (id 5): ");
	}

	@Test
	void jsonReplyIsTheFinalResponseOfACollectedResult() throws Exception {
		this.server.expect(requestTo(URL))
			.andRespond(withSuccess("{\"jsonrpc\":\"2.0\",\"result\":[1,2],\"id\":5}", MediaType.APPLICATION_JSON));
		assertThat(TestWaits.get(stream()))
			.isEqualTo(JsonRpcResponse.success(JsonRpcId.of(5), mapper.readTree("[1,2]")));
		assertThat(this.items).isEmpty();
	}

	@Test
	void errorStatusWithAJsonRpcReplyIsTheFinalResponse() throws Exception {
		this.server.expect(requestTo(URL))
			.andRespond(withStatus(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
				.body("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":5}"));
		assertThat(TestWaits.get(stream()))
			.isEqualTo(JsonRpcResponse.failure(JsonRpcId.of(5), JsonRpcError.of(-32601, "Method not found")));
	}

	@Test
	void errorStatusWithoutAJsonRpcReplyFailsTheStream() {
		this.server.expect(requestTo(URL))
			.andRespond(withStatus(HttpStatus.BAD_GATEWAY).contentType(MediaType.TEXT_HTML).body("<html/>"));
		assertStreamFails("HTTP 502 from " + URL + " without a JSON-RPC reply");
	}

	@Test
	void errorStatusWithAnEmptyJsonBodyFailsTheStream() {
		this.server.expect(requestTo(URL))
			.andRespond(withStatus(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_JSON));
		assertStreamFails("HTTP 503 from " + URL + " without a JSON-RPC reply");
	}

	@Test
	void emptyReplyToAStreamedCallFails() {
		this.server.expect(requestTo(URL)).andRespond(withSuccess());
		assertStreamFails("No response to method 'words'");
	}

	@Test
	void invalidReplyToAStreamedCallFails() {
		this.server.expect(requestTo(URL)).andRespond(withSuccess("<html/>", MediaType.APPLICATION_JSON));
		assertThat(stream()).failsWithin(TestWaits.SHORT)
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOf(JsonRpcTransportException.class)
			.withMessageStartingWith("Invalid reply to method 'words' (id 5)");
	}

	@Test
	void rawMessageIsPostedAndItsReplyReturnedAsItIs() throws Exception {
		this.server.expect(requestTo(URL))
			.andExpect(header("Accept", "application/json"))
			.andExpect(content().string("{\"any\":\"thing\"}"))
			.andRespond(withSuccess("{\"not\":\"checked\"}", MediaType.APPLICATION_JSON));
		byte[] reply = TestWaits
			.get(this.transport.exchangeRaw("{\"any\":\"thing\"}".getBytes(StandardCharsets.UTF_8)));
		assertThat(new String(reply, StandardCharsets.UTF_8)).isEqualTo("{\"not\":\"checked\"}");
	}

	@Test
	void errorStatusesWithJsonRpcMediaTypesAreReadAsReplies() throws Exception {
		String error = "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":1}";
		for (String type : new String[] { "application/json-rpc", "application/problem+json",
				"application/json;charset=UTF-8" }) {
			this.server.expect(requestTo(URL))
				.andRespond(withStatus(HttpStatus.BAD_REQUEST).contentType(MediaType.parseMediaType(type)).body(error));
		}
		for (int i = 0; i < 3; i++) {
			assertThat(TestWaits.get(this.transport.exchange(call())))
				.containsExactly(JsonRpcResponse.failure(JsonRpcId.of(1), JsonRpcError.of(-32601, "Method not found")));
		}
		this.server.verify();
	}

	@Test
	void errorStatusesWithOtherMediaTypesAreNoReplies() {
		String error = "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":1}";
		for (String type : new String[] { "text/json-rpc", "application/json-rpcx", "text/plain" }) {
			this.server.expect(requestTo(URL))
				.andRespond(withStatus(HttpStatus.BAD_REQUEST).contentType(MediaType.parseMediaType(type)).body(error));
		}
		this.server.expect(requestTo(URL)).andRespond(withStatus(HttpStatus.BAD_REQUEST).body(error));
		this.server.expect(requestTo(URL))
			.andRespond(withStatus(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON));
		for (int i = 0; i < 5; i++) {
			assertThatExceptionOfType(JsonRpcTransportException.class)
				.isThrownBy(() -> this.transport.exchangeBlocking(call(), TestWaits.SHORT))
				.withMessage("HTTP 400 from " + URL + " without a JSON-RPC reply");
		}
		this.server.verify();
	}

	@Test
	void asynchronousExchangesRunOnDaemonThreadsOfTheTransport() throws Exception {
		CompletableFuture<String> thread = new CompletableFuture<>();
		this.server.expect(requestTo(URL)).andRespond((request) -> {
			Thread current = Thread.currentThread();
			thread.complete(current.getName() + (current.isDaemon() ? " (daemon)" : ""));
			return withSuccess("{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":1}", MediaType.APPLICATION_JSON)
				.createResponse(request);
		});
		JsonRpcTransport transport = new RestClientJsonRpcTransport(this.restClientBuilder.build(), codec, null);
		assertThat(TestWaits.get(transport.exchange(call())))
			.containsExactly(JsonRpcResponse.success(JsonRpcId.of(1), mapper.readTree("1")));
		assertThat(TestWaits.get(thread)).startsWith("jsonrpc-client-").endsWith(" (daemon)");
	}

	private JsonRpcClientRequest call() {
		return JsonRpcClientRequest.single(JsonRpcRequest.call(JsonRpcId.of(1), "x", null));
	}

	private CompletableFuture<JsonRpcResponse> stream() {
		return this.transport.stream(CALL, (item, bytes) -> this.items.add(item + " " + bytes));
	}

	private void assertStreamFails(String message) {
		assertThat(stream()).failsWithin(TestWaits.SHORT)
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOf(JsonRpcTransportException.class)
			.withMessage(message);
	}

	private void assertStreamFailsWithAMessageStartingWith(String prefix) {
		assertThat(stream()).failsWithin(TestWaits.SHORT)
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOf(JsonRpcTransportException.class)
			.withMessageStartingWith(prefix);
	}

}
