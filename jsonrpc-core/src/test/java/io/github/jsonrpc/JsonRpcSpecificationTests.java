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
package io.github.jsonrpc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import io.github.jsonrpc.server.JsonRpcHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conformance with every example of section 7 of the JSON-RPC 2.0 specification.
 *
 * @author jsonrpc-dev
 */
class JsonRpcSpecificationTests {

	private final CalculatorService service = new CalculatorService();

	private final JsonRpcHandler handler = JsonRpcSetup.services(this.service).toHandler();

	@ParameterizedTest(name = "{0}")
	@MethodSource("io.github.jsonrpc.JsonRpcSpecificationExamples#arguments")
	void specificationExample(String name, String request, String expected) throws Exception {
		String actual = this.handler.handleText(request).join().orElse(null);
		if (expected == null) {
			assertThat(actual).isNull();
		}
		else {
			assertThat(actual).isNotNull();
			JSONAssert.assertEquals(expected, actual, JSONCompareMode.STRICT);
		}
	}

	@Test
	void notificationsRunWithoutResponse() {
		assertThat(this.handler.handleText("""
				{"jsonrpc": "2.0", "method": "update", "params": [1,2,3,4,5]}
				""").join()).isEmpty();
		assertThat(this.service.calls()).containsExactly("update");
	}

	@Test
	void allNotificationBatchRunsEveryNotification() {
		assertThat(this.handler.handleText("""
				[
				  {"jsonrpc": "2.0", "method": "notify_sum", "params": [1,2,4]},
				  {"jsonrpc": "2.0", "method": "notify_hello", "params": [7]}
				]
				""").join()).isEmpty();
		assertThat(this.service.calls()).containsExactly("notify_sum", "notify_hello");
	}

}
