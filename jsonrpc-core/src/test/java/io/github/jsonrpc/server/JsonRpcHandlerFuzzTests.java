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
package io.github.jsonrpc.server;

import java.util.List;
import java.util.concurrent.TimeUnit;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.CalculatorService;
import io.github.jsonrpc.JsonRpcSetup;
import io.github.jsonrpc.protocol.JsonRpcInbound;
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.protocol.JsonRpcReply;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.protocol.JsonRpcResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzz test of the whole server path in process, bytes in, bytes out: the reply to any
 * input is empty exactly when every call was a notification, and otherwise valid JSON-RPC
 * (one response, or an array with one response per call). The seed corpus (the
 * specification's examples) and every input that once failed are under
 * {@code JsonRpcHandlerFuzzTestsInputs} in the test resources and run in every build;
 * {@code -Pfuzz} fuzzes.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcHandlerFuzzTests {

	private static final JsonRpcHandler handler = JsonRpcSetup.services(new CalculatorService()).toHandler();

	private static final JsonRpcMessageCodec codec = handler.codec();

	@FuzzTest(maxDuration = "10m")
	void handle(byte[] input) throws Exception {
		JsonRpcInbound inbound = codec.decodeRequests(input);
		JsonRpcReply reply = handler.handle(inbound, JsonRpcTransportContext.inProcess())
			.get(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS);
		byte[] output = codec.encode(reply);
		long calls = inbound.entries()
			.stream()
			.filter((entry) -> !(entry instanceof JsonRpcRequest request && request.isNotification()))
			.count();
		if (calls == 0) {
			assertThat(output).isEmpty();
			return;
		}
		List<JsonRpcResponse> responses = codec.decodeResponses(output);
		if (inbound.batch() && responses.size() > 1) {
			assertThat(responses).hasSize((int) calls);
		}
		else if (inbound.batch()) {
			// a batch answers with one response per call, or one error for the whole
			// batch
			assertThat(calls == 1 || responses.get(0) instanceof JsonRpcResponse.Failure).isTrue();
		}
		else {
			assertThat(responses).hasSize(1);
		}
	}

}
