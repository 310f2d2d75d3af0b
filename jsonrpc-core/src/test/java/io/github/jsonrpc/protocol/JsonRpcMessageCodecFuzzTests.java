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
package io.github.jsonrpc.protocol;

import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzz tests of {@link JsonRpcMessageCodec}: any bytes decode without an exception into
 * at least one entry, what decodes encodes back to the same message, and every failure it
 * produces is a valid JSON-RPC response. The seed corpus (the specification's examples)
 * and every input that once failed are under {@code JsonRpcMessageCodecFuzzTestsInputs}
 * in the test resources and run in every build; {@code -Pfuzz} fuzzes.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcMessageCodecFuzzTests {

	private static final JsonRpcMessageCodec codec = JsonRpcMessageCodec.create(JsonMapper.builder().build());

	@FuzzTest(maxDuration = "10m")
	void decodeRequests(byte[] input) {
		JsonRpcInbound inbound = codec.decodeRequests(input);
		assertThat(inbound.entries()).isNotEmpty();
		for (JsonRpcMessage entry : inbound.entries()) {
			if (entry instanceof JsonRpcRequest request) {
				// what was read writes back to the same request
				JsonRpcInbound again = codec.decodeRequests(codec.encode(request));
				assertThat(again.entries()).singleElement().isEqualTo(request);
			}
			else {
				// failures of bad input are valid responses with a null or echoed id
				JsonRpcResponse response = (JsonRpcResponse) entry;
				assertThat(response).isInstanceOf(JsonRpcResponse.Failure.class);
				List<JsonRpcResponse> decoded = codec.decodeResponses(codec.encode(response));
				assertThat(decoded).singleElement().isEqualTo(response);
			}
		}
	}

	@FuzzTest(maxDuration = "10m")
	void decodeResponses(byte[] input) {
		List<JsonRpcResponse> responses;
		try {
			responses = codec.decodeResponses(input);
		}
		catch (JsonRpcProtocolException ex) {
			// the one documented failure of bad input
			assertThat(ex.getError().code()).isIn(JsonRpcErrorCodes.PARSE_ERROR, JsonRpcErrorCodes.INVALID_REQUEST);
			return;
		}
		assertThat(responses).isNotNull();
	}

}
