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

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Posts messages through a {@link MockMvcTester}, waiting for asynchronous replies.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class MockMvcExchanger implements Exchanger {

	private final MockMvcTester mockMvc;

	private final String path;

	MockMvcExchanger(MockMvcTester mockMvc, String path) {
		this.mockMvc = mockMvc;
		this.path = path;
	}

	@Override
	public CompletableFuture<String> exchange(String json) {
		MvcTestResult result = this.mockMvc.post()
			.uri(this.path)
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.content(json)
			.exchange();
		if (result.getUnresolvedException() != null) {
			return CompletableFuture.failedFuture(result.getUnresolvedException());
		}
		int status = result.getResponse().getStatus();
		String body = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		if (status >= 300 && body.isEmpty()) {
			return CompletableFuture.failedFuture(new AssertionError("HTTP " + status + " from " + this.path));
		}
		return CompletableFuture.completedFuture(body);
	}

}
