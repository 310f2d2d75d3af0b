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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * {@link JsonRpcTransport} that POSTs each message with a {@link RestClient}, so the
 * application's interceptors, timeouts and message converters apply. Blocking calls run
 * on the caller's thread; asynchronous ones on an executor. Streamed results are read as
 * NDJSON (or server-sent events) line by line.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class RestClientJsonRpcTransport implements JsonRpcTransport {

	private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

	/** Longest line of a streamed reply: bounded, as a server may misbehave. */
	private static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

	private final RestClient restClient;

	private final JsonRpcMessageCodec codec;

	private final Executor executor;

	RestClientJsonRpcTransport(RestClient restClient, JsonRpcMessageCodec codec, @Nullable Executor executor) {
		this.restClient = restClient;
		this.codec = codec;
		this.executor = (executor != null) ? executor : defaultExecutor();
	}

	private static Executor defaultExecutor() {
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("jsonrpc-client-");
		executor.setDaemon(true);
		executor.setVirtualThreads(Runtime.version().feature() >= 21);
		return executor;
	}

	@Override
	public CompletableFuture<List<JsonRpcResponse>> exchange(JsonRpcClientRequest request) {
		return CompletableFuture.supplyAsync(() -> exchangeBlocking(request, Duration.ZERO), this.executor);
	}

	@Override
	public List<JsonRpcResponse> exchangeBlocking(JsonRpcClientRequest request, Duration timeout) {
		// the RestClient's own read timeout applies; no second timer is needed
		byte[] reply = post(JsonRpcClientCodec.encode(this.codec, request));
		return JsonRpcClientCodec.decode(this.codec, request, reply);
	}

	@Override
	public CompletableFuture<byte[]> exchangeRaw(byte[] message) {
		return CompletableFuture.supplyAsync(() -> post(message), this.executor);
	}

	@Override
	public CompletableFuture<JsonRpcResponse> stream(JsonRpcRequest call, ItemConsumer items) {
		CompletableFuture<JsonRpcResponse> result = new CompletableFuture<>();
		byte[] message = this.codec.encode(call);
		this.executor.execute(() -> {
			try {
				this.restClient.post()
					.contentType(MediaType.APPLICATION_JSON)
					.accept(NDJSON, MediaType.TEXT_EVENT_STREAM, MediaType.APPLICATION_JSON)
					.body(message)
					.exchange((request, response) -> {
						MediaType contentType = response.getHeaders().getContentType();
						InputStream body = response.getBody();
						if (contentType != null && (contentType.isCompatibleWith(NDJSON)
								|| contentType.isCompatibleWith(MediaType.TEXT_EVENT_STREAM))) {
							// cancelling closes the response: the server stops the source
							result.whenComplete((done, ex) -> closeQuietly(body));
							readStream(call, body, contentType.isCompatibleWith(MediaType.TEXT_EVENT_STREAM), items,
									result);
							return null;
						}
						byte[] reply = body.readAllBytes();
						if (!response.getStatusCode().is2xxSuccessful() && !(reply.length > 0 && isJson(contentType))) {
							throw new JsonRpcTransportException("HTTP " + response.getStatusCode().value() + " from "
									+ request.getURI() + " without a JSON-RPC reply");
						}
						List<JsonRpcResponse> responses = JsonRpcClientCodec.decode(this.codec,
								JsonRpcClientRequest.single(call), reply);
						if (responses.isEmpty()) {
							throw new JsonRpcTransportException("No response to method '" + call.method() + "'");
						}
						result.complete(responses.get(0));
						return null;
					});
			}
			catch (RuntimeException ex) {
				result.completeExceptionally(JsonRpcTransportException.wrap(ex));
			}
		});
		return result;
	}

	private void readStream(JsonRpcRequest call, InputStream body, boolean events, ItemConsumer items,
			CompletableFuture<JsonRpcResponse> result) throws IOException {
		String id = DefaultJsonRpcClient.key(call.id());
		byte[] bytes;
		while (!result.isDone() && (bytes = readLine(body)) != null) {
			String line = new String(bytes, StandardCharsets.UTF_8);
			if (events) {
				if (!line.startsWith("data:")) {
					continue;
				}
				line = line.substring(5);
			}
			if (line.isBlank()) {
				continue;
			}
			JsonNode message = readMessage(call, line);
			JsonNode item = JsonRpcStreamItems.itemOf(message, id);
			if (item != null) {
				// charged at the line's size, measured nowhere else
				items.accept(item, bytes.length);
			}
			else if (!message.has("method")) {
				result.complete(readFinalResponse(call, message));
				return;
			}
		}
		if (!result.isDone()) {
			result.completeExceptionally(new JsonRpcTransportException(
					"The stream of method '" + call.method() + "' ended without a final response"));
		}
	}

	// a line that is not JSON is a bad reply, as a body that is not JSON is
	private JsonNode readMessage(JsonRpcRequest call, String line) {
		try {
			return this.codec.mapper().readTree(line);
		}
		catch (RuntimeException ex) {
			throw JsonRpcClientCodec.invalidReply(JsonRpcClientRequest.single(call), ex);
		}
	}

	// a bad reply is the transport's failure, as for any other call
	private JsonRpcResponse readFinalResponse(JsonRpcRequest call, JsonNode message) {
		try {
			return this.codec.readResponse(message);
		}
		catch (RuntimeException ex) {
			throw JsonRpcClientCodec.invalidReply(JsonRpcClientRequest.single(call), ex);
		}
	}

	private static byte @Nullable [] readLine(InputStream input) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int next;
		while ((next = input.read()) != -1) {
			if (next == '\n') {
				return line.toByteArray();
			}
			if (line.size() == MAX_LINE_BYTES) {
				throw new JsonRpcTransportException("A streamed message exceeds " + MAX_LINE_BYTES + " bytes");
			}
			line.write(next);
		}
		return (line.size() > 0) ? line.toByteArray() : null;
	}

	private static void closeQuietly(InputStream input) {
		try {
			input.close();
		}
		catch (IOException ex) {
			// closing to cancel: nothing to do
		}
	}

	private byte[] post(byte[] message) {
		try {
			return this.restClient.post()
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON)
				.body(message)
				.exchange((request, response) -> {
					HttpStatusCode status = response.getStatusCode();
					byte[] body = response.getBody().readAllBytes();
					if (status.is2xxSuccessful()) {
						return body;
					}
					// some servers (e.g. jsonrpc4j) answer errors with 4xx/5xx and a
					// JSON-RPC body
					if (body.length > 0 && isJson(response.getHeaders().getContentType())) {
						return body;
					}
					throw new JsonRpcTransportException(
							"HTTP " + status.value() + " from " + request.getURI() + " without a JSON-RPC reply");
				});
		}
		catch (RestClientException ex) {
			throw new JsonRpcTransportException("HTTP exchange failed: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Return whether a content type is JSON: {@code application/json}, any {@code +json}
	 * type, or the {@code application/json-rpc} type jsonrpc4j answers with.
	 */
	private static boolean isJson(@Nullable MediaType contentType) {
		return contentType != null && (contentType.isCompatibleWith(MediaType.APPLICATION_JSON) || (contentType
			.getType()
			.equals("application")
				&& (contentType.getSubtype().equals("json-rpc") || contentType.getSubtype().endsWith("+json"))));
	}

}
