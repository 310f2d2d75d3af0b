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

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.github.jsonrpc.protocol.JsonRpcError;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcResponse;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JsonRpcOpenRpcDocumentRequest}.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcOpenRpcDocumentRequestTests {

	@ParameterizedTest
	@CsvSource({ "-32001,UNAUTHORIZED", "-32003,FORBIDDEN", "-32601,NOT_FOUND", "-32603,INTERNAL_SERVER_ERROR",
			"-32602,INTERNAL_SERVER_ERROR", "-32000,INTERNAL_SERVER_ERROR", "-32600,INTERNAL_SERVER_ERROR" })
	void failureStatusFollowsTheErrorCode(int code, HttpStatus status) {
		JsonRpcResponse failure = JsonRpcResponse.failure(JsonRpcId.of("openrpc.json"), JsonRpcError.of(code, "m"));
		assertThat(JsonRpcOpenRpcDocumentRequest.failureStatus(failure)).isEqualTo(status);
	}

	@Test
	void failureStatusWithoutAFailureIsInternalServerError() {
		assertThat(JsonRpcOpenRpcDocumentRequest.failureStatus(null)).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(JsonRpcOpenRpcDocumentRequest.failureStatus(JsonRpcResponse.success(JsonRpcId.of(1), "x")))
			.isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
	}

	@Test
	void discoverCallIsARpcDiscoverRequest() {
		assertThat(JsonRpcOpenRpcDocumentRequest.DISCOVER_CALL)
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":\"openrpc.json\",\"method\":\"rpc.discover\"}");
	}

}
