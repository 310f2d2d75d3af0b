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
package io.github.jsonrpc.sample.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the sample's JSON-RPC endpoint on 127.0.0.1 with the JDK client, as anonymous or
 * with HTTP Basic credentials; every wait is bounded.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class JsonRpcHttpCaller {

	static final JsonMapper mapper = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final URI uri;

	JsonRpcHttpCaller(int port) {
		this.uri = URI.create("http://127.0.0.1:" + port + "/jsonrpc");
	}

	HttpResponse<String> post(String user, String body) {
		try {
			return postAsync(user, body).get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Call failed: " + body, ex);
		}
	}

	CompletableFuture<HttpResponse<String>> postAsync(String user, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.uri)
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (user != null) {
			request.header("Authorization", SampleCredentials.basic(user));
		}
		return this.client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	JsonNode call(String user, String method, String params) {
		String body = request(1, method, params);
		HttpResponse<String> response = post(user, body);
		if (response.statusCode() != 200) {
			throw new IllegalStateException("HTTP " + response.statusCode() + " for " + body);
		}
		return mapper.readTree(response.body());
	}

	/**
	 * Return the text of a call.
	 * @param id the id
	 * @param method the method
	 * @param params the params as JSON, {@code null} for none
	 * @return the request
	 */
	static String request(int id, String method, String params) {
		return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\""
				+ ((params != null) ? ",\"params\":" + params : "") + "}";
	}

	static int errorCode(JsonNode response) {
		return response.path("error").path("code").asInt();
	}

}
