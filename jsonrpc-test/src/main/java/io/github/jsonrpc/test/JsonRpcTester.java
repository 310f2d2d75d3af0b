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

package io.github.jsonrpc.test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import io.github.jsonrpc.client.JsonRpcTransport;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.server.JsonRpcHandler;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;

/**
 * Fluent JSON-RPC calls with AssertJ assertions, for testing JSON-RPC services in
 * process, through MockMvc, or over a real HTTP or WebSocket connection.
 *
 * <pre class="code">
 * JsonRpcTester tester = JsonRpcTester.forHandler(handler);
 * tester.method("subtract").params(42, 23).execute().result().isEqualTo(19);
 * tester.method("nope").execute().error().hasCode(-32601);
 * tester.method("inventory.get").params("apple").execute().result().path("$.sku").isEqualTo("apple");
 * </pre>
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcTester implements AutoCloseable {

	private final Exchanger exchanger;

	private final JsonMapper mapper;

	private final Duration timeout;

	private final AtomicLong ids = new AtomicLong();

	private JsonRpcTester(Exchanger exchanger, JsonMapper mapper, Duration timeout) {
		this.exchanger = exchanger;
		this.mapper = mapper;
		this.timeout = timeout;
	}

	/**
	 * Create a tester calling a handler in process, with no network and no servlet
	 * container.
	 * @param handler the handler, e.g. the application's {@code JsonRpcHandler} bean
	 * @return the tester
	 */
	public static JsonRpcTester forHandler(JsonRpcHandler handler) {
		Assert.notNull(handler, "Handler is required");
		return new JsonRpcTester(
				Exchanger.of((json) -> handler.handleText(json).thenApply((reply) -> reply.orElse(""))),
				handler.codec().mapper(), Duration.ofSeconds(5));
	}

	/**
	 * Create a tester posting to an endpoint of a {@link MockMvc}.
	 * @param mockMvc the MockMvc
	 * @param path the endpoint path, e.g. {@code /jsonrpc}
	 * @return the tester
	 */
	public static JsonRpcTester forMockMvc(MockMvc mockMvc, String path) {
		return forMockMvc(MockMvcTester.create(mockMvc), path);
	}

	/**
	 * Create a tester posting to an endpoint of a {@link MockMvcTester}.
	 * @param mockMvc the tester
	 * @param path the endpoint path, e.g. {@code /jsonrpc}
	 * @return the tester
	 */
	public static JsonRpcTester forMockMvc(MockMvcTester mockMvc, String path) {
		Assert.notNull(mockMvc, "MockMvcTester is required");
		return new JsonRpcTester(new MockMvcExchanger(mockMvc, path), JsonMapper.builder().build(),
				Duration.ofSeconds(5));
	}

	/**
	 * Create a tester for a running server: {@code http(s)://} URLs are posted to with a
	 * {@link RestClient}, {@code ws(s)://} URLs use one WebSocket connection.
	 * @param url the endpoint URL
	 * @return the tester; close it to close a WebSocket connection
	 */
	public static JsonRpcTester forUrl(String url) {
		JsonMapper mapper = JsonMapper.builder().build();
		URI uri = URI.create(url);
		JsonRpcMessageCodec codec = JsonRpcMessageCodec.create(mapper);
		JsonRpcTransport transport = uri.getScheme().toLowerCase(Locale.ROOT).startsWith("ws")
				? JsonRpcTransport.webSocket(uri, codec) : JsonRpcTransport.http(RestClient.create(url), codec);
		return forTransport(transport);
	}

	/**
	 * Create a tester over a client transport.
	 * @param transport the transport
	 * @return the tester
	 */
	public static JsonRpcTester forTransport(JsonRpcTransport transport) {
		Assert.notNull(transport, "Transport is required");
		return new JsonRpcTester(new TransportExchanger(transport), JsonMapper.builder().build(),
				Duration.ofSeconds(5));
	}

	/**
	 * Return a tester that waits at most the given time for each reply.
	 * @param timeout the timeout, 5 seconds by default
	 * @return a new tester sharing this one's connection
	 */
	public JsonRpcTester withTimeout(Duration timeout) {
		return new JsonRpcTester(this.exchanger, this.mapper, timeout);
	}

	/**
	 * Return a tester converting params and expected values with the given mapper.
	 * @param mapper the mapper
	 * @return a new tester sharing this one's connection
	 */
	public JsonRpcTester withMapper(JsonMapper mapper) {
		return new JsonRpcTester(this.exchanger, mapper, this.timeout);
	}

	/**
	 * Start a call or notification.
	 * @param method the method name
	 * @return the request spec
	 */
	public RequestSpec method(String method) {
		return new RequestSpec(method);
	}

	/**
	 * Start a batch.
	 * @return the batch spec
	 */
	public BatchSpec batch() {
		return new BatchSpec();
	}

	/**
	 * Send a message as it is, e.g. an invalid one, and return the reply.
	 * @param json the message text
	 * @return the reply
	 */
	public JsonRpcTestReply send(String json) {
		return new JsonRpcTestReply(exchange(json), this.mapper);
	}

	@Override
	public void close() {
		this.exchanger.close();
	}

	private @Nullable JsonNode exchange(String json) {
		CompletableFuture<String> reply = this.exchanger.exchange(json);
		String text;
		try {
			text = reply.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw new AssertionError("No JSON-RPC reply within " + this.timeout + " to " + json, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new AssertionError("JSON-RPC exchange failed for " + json, ex.getCause());
		}
		return text.isEmpty() ? null : this.mapper.readTree(text);
	}

	private JsonNode toParams(@Nullable Object[] params) {
		return this.mapper
			.valueToTree((params != null) ? Arrays.asList(params) : java.util.Collections.singletonList(null));
	}

	private String encode(List<JsonRpcRequest> requests, boolean batch) {
		JsonRpcMessageCodec codec = JsonRpcMessageCodec.create(this.mapper);
		byte[] bytes = batch ? codec.encodeBatch(requests) : codec.encode(requests.get(0));
		return new String(bytes, StandardCharsets.UTF_8);
	}

	/**
	 * A call or notification being prepared.
	 */
	public final class RequestSpec {

		private final String method;

		private @Nullable JsonNode params;

		private @Nullable Map<String, @Nullable Object> named;

		private @Nullable JsonRpcId id;

		private RequestSpec(String method) {
			this.method = method;
		}

		/**
		 * Set positional params.
		 * @param params the params
		 * @return this spec
		 */
		public RequestSpec params(@Nullable Object... params) {
			this.params = toParams(params);
			this.named = null;
			return this;
		}

		/**
		 * Set named params.
		 * @param params the params by name
		 * @return this spec
		 */
		public RequestSpec params(Map<String, ? extends @Nullable Object> params) {
			this.named = new LinkedHashMap<>(params);
			this.params = null;
			return this;
		}

		/**
		 * Add a named param.
		 * @param name the name
		 * @param value the value
		 * @return this spec
		 */
		public RequestSpec param(String name, @Nullable Object value) {
			if (this.named == null) {
				this.named = new LinkedHashMap<>();
				this.params = null;
			}
			this.named.put(name, value);
			return this;
		}

		/**
		 * Use a specific id instead of a generated number.
		 * @param id the id
		 * @return this spec
		 */
		public RequestSpec id(JsonRpcId id) {
			this.id = id;
			return this;
		}

		/**
		 * Call the method and return its response for assertions.
		 * @return the response
		 * @throws AssertionError if there is no single response with the call's id
		 */
		public JsonRpcTestResponse execute() {
			JsonRpcRequest call = toCall();
			JsonRpcTestReply reply = send(encode(List.of(call), false));
			return reply.isNotEmptyAndSingle().hasId(call.id());
		}

		/**
		 * Send the method as a notification and assert that nothing is answered.
		 */
		public void notifyAndExpectNoReply() {
			send(encode(List.of(toNotification()), false)).isEmpty();
		}

		JsonRpcRequest toCall() {
			JsonRpcId callId = (this.id != null) ? this.id : JsonRpcId.of(JsonRpcTester.this.ids.incrementAndGet());
			return JsonRpcRequest.call(callId, this.method, params());
		}

		JsonRpcRequest toNotification() {
			return JsonRpcRequest.notification(this.method, params());
		}

		private @Nullable JsonNode params() {
			return (this.named != null) ? JsonRpcTester.this.mapper.valueToTree(this.named) : this.params;
		}

	}

	/**
	 * A batch being prepared.
	 */
	public final class BatchSpec {

		private final List<JsonRpcRequest> entries = new ArrayList<>();

		private final List<JsonRpcRequest> calls = new ArrayList<>();

		private BatchSpec() {
		}

		/**
		 * Add a call with positional params.
		 * @param method the method
		 * @param params the params
		 * @return this spec
		 */
		public BatchSpec call(String method, @Nullable Object... params) {
			JsonRpcRequest call = new RequestSpec(method).params(params).toCall();
			this.entries.add(call);
			this.calls.add(call);
			return this;
		}

		/**
		 * Add a call with named params.
		 * @param method the method
		 * @param params the params by name
		 * @return this spec
		 */
		public BatchSpec call(String method, Map<String, ? extends @Nullable Object> params) {
			JsonRpcRequest call = new RequestSpec(method).params(params).toCall();
			this.entries.add(call);
			this.calls.add(call);
			return this;
		}

		/**
		 * Add a notification.
		 * @param method the method
		 * @param params the params
		 * @return this spec
		 */
		public BatchSpec notify(String method, @Nullable Object... params) {
			this.entries.add(new RequestSpec(method).params(params).toNotification());
			return this;
		}

		/**
		 * Send the batch.
		 * @return the responses, matched to the calls by id
		 */
		public JsonRpcBatchTestResponse execute() {
			Assert.state(!this.entries.isEmpty(), "A batch needs at least one entry");
			JsonRpcTestReply reply = send(encode(this.entries, true));
			return new JsonRpcBatchTestResponse(reply, this.calls);
		}

	}

}
