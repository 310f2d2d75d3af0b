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

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;

import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * {@link JsonRpcTransport} that POSTs each message with a {@link RestClient}, so the
 * application's interceptors, timeouts and message converters apply. Blocking calls run
 * on the caller's thread; asynchronous ones on an executor.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class RestClientJsonRpcTransport implements JsonRpcTransport {

	private final RestClient restClient;

	private final Executor executor;

	RestClientJsonRpcTransport(RestClient restClient, @Nullable Executor executor) {
		this.restClient = restClient;
		this.executor = (executor != null) ? executor : defaultExecutor();
	}

	private static Executor defaultExecutor() {
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("jsonrpc-client-");
		executor.setDaemon(true);
		executor.setVirtualThreads(Runtime.version().feature() >= 21);
		return executor;
	}

	@Override
	public CompletableFuture<byte[]> exchange(byte[] message) {
		return CompletableFuture.supplyAsync(() -> post(message), this.executor);
	}

	@Override
	public byte[] exchangeBlocking(byte[] message, Duration timeout) {
		// the RestClient's own read timeout applies; no second timer is needed
		return post(message);
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
