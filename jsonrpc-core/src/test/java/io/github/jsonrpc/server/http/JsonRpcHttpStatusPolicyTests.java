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
package io.github.jsonrpc.server.http;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.github.jsonrpc.protocol.JsonRpcError;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcReply;
import io.github.jsonrpc.protocol.JsonRpcResponse;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JsonRpcHttpStatusPolicy}.
 *
 * @author jsonrpc-dev
 */
class JsonRpcHttpStatusPolicyTests {

	private static final JsonRpcReply SUCCESS = JsonRpcReply.single(JsonRpcResponse.success(JsonRpcId.of(1), 1));

	@Test
	void standardPolicy() {
		JsonRpcHttpStatusPolicy policy = JsonRpcHttpStatusPolicy.standard();
		assertThat(policy.status(JsonRpcReply.empty())).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(policy.status(SUCCESS)).isEqualTo(HttpStatus.OK);
		assertThat(policy.status(failure(-32700))).isEqualTo(HttpStatus.BAD_REQUEST);
		for (int code : new int[] { -32600, -32601, -32602, -32603, -32000, -32001, -32003, 42 }) {
			assertThat(policy.status(failure(code))).as("code %d", code).isEqualTo(HttpStatus.OK);
		}
		assertThat(policy.status(batch(-32700))).isEqualTo(HttpStatus.OK);
	}

	@ParameterizedTest
	@CsvSource({ "-32700,BAD_REQUEST", "-32600,BAD_REQUEST", "-32601,NOT_FOUND", "-32602,INTERNAL_SERVER_ERROR",
			"-32603,INTERNAL_SERVER_ERROR", "-32000,INTERNAL_SERVER_ERROR", "-32001,UNAUTHORIZED", "-32003,FORBIDDEN",
			"-32005,INTERNAL_SERVER_ERROR", "1,INTERNAL_SERVER_ERROR" })
	void byErrorCodePolicyForSingleFailures(int code, HttpStatus status) {
		assertThat(JsonRpcHttpStatusPolicy.byErrorCode().status(failure(code))).isEqualTo(status);
	}

	@Test
	void byErrorCodePolicyForOtherReplies() {
		JsonRpcHttpStatusPolicy policy = JsonRpcHttpStatusPolicy.byErrorCode();
		assertThat(policy.status(JsonRpcReply.empty())).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(policy.status(SUCCESS)).isEqualTo(HttpStatus.OK);
		assertThat(policy.status(batch(-32601))).isEqualTo(HttpStatus.OK);
	}

	private static JsonRpcReply failure(int code) {
		return JsonRpcReply.single(JsonRpcResponse.failure(JsonRpcId.of(1), JsonRpcError.of(code, "m")));
	}

	private static JsonRpcReply batch(int code) {
		return JsonRpcReply.batch(List.of(JsonRpcResponse.failure(JsonRpcId.of(1), JsonRpcError.of(code, "m"))));
	}

}
