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

import java.util.List;
import java.util.Map;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.protocol.JsonRpcError;
import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link DefaultBatchSpec} and {@link JsonRpcBatchResponse}: what a batch
 * sends, and each call's response matched by exact id, an error when none came.
 */
class DefaultBatchSpecTests {

	@Test
	void batchSendsItsEntriesInOrderAndMatchesEachCallsResponseById() throws Exception {
		RecordingTransport transport = RecordingTransport.replying("""
				[{"jsonrpc":"2.0","result":[1,2],"id":3},{"jsonrpc":"2.0","result":"one","id":1}]""");
		JsonRpcClient client = JsonRpcClient.create(transport);
		JsonRpcBatchResponse batch = TestWaits.get(
				client.batch().call("a", 1, 2).notify("log", "x").call("b", Map.of("k", "v")).call("c").executeAsync());
		assertThat(transport.lastSent().toString()).isEqualTo("[{\"jsonrpc\":\"2.0\",\"method\":\"a\",\"params\":[1,2],"
				+ "\"id\":1},{\"jsonrpc\":\"2.0\",\"method\":\"log\",\"params\":[\"x\"]},{\"jsonrpc\":\"2.0\","
				+ "\"method\":\"b\",\"params\":{\"k\":\"v\"},\"id\":2},{\"jsonrpc\":\"2.0\",\"method\":\"c\",\"params\":[],\"id\":3}]");
		assertThat(batch.size()).isEqualTo(3);
		assertThat(batch.isSuccess(0)).isTrue();
		assertThat(batch.result(0, String.class)).isEqualTo("one");
		assertThat(batch.error(0)).isNull();
		// no response for the second call: an error of its own, with its id
		assertThat(batch.isSuccess(1)).isFalse();
		assertThat(batch.error(1))
			.isEqualTo(JsonRpcError.of(JsonRpcErrorCodes.INTERNAL_ERROR, "No response received for this call"));
		assertThat(batch.responses().get(1).id()).isEqualTo(JsonRpcId.of(2));
		assertThatExceptionOfType(JsonRpcClientException.class).isThrownBy(() -> batch.result(1, String.class))
			.satisfies((ex) -> assertThat(ex.getMethod()).isEqualTo("b"))
			.satisfies((ex) -> assertThat(ex.getId()).isEqualTo(JsonRpcId.of(2)));
		assertThat(batch.result(2, new ParameterizedTypeReference<List<Integer>>() {
		})).containsExactly(1, 2);
		assertThat(batch.responses()).extracting(JsonRpcResponse::id)
			.containsExactly(JsonRpcId.of(1), JsonRpcId.of(2), JsonRpcId.of(3));
		assertThat(batch).hasToString("JsonRpcBatchResponse" + batch.responses());
	}

	@Test
	void batchRejectedAsAWholeIsTheErrorOfEveryCall() throws Exception {
		JsonRpcClient client = JsonRpcClient.create(RecordingTransport
			.replying("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Too large\"},\"id\":null}"));
		JsonRpcBatchResponse batch = client.batch().call("a").notify("log").call("b").execute();
		assertThat(batch.size()).isEqualTo(2);
		assertThat(batch.error(0)).isEqualTo(JsonRpcError.of(-32600, "Too large"));
		assertThat(batch.error(1)).isEqualTo(JsonRpcError.of(-32600, "Too large"));
	}

	@Test
	void responseWithANullIdAmongOthersIsNobodysResponse() {
		JsonRpcClient client = JsonRpcClient
			.create(RecordingTransport.replying("[{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":1},"
					+ "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid\"},\"id\":null}]"));
		JsonRpcBatchResponse batch = client.batch().call("a").call("b").execute();
		assertThat(batch.result(0, Integer.class)).isEqualTo(1);
		assertThat(batch.error(1))
			.isEqualTo(JsonRpcError.of(JsonRpcErrorCodes.INTERNAL_ERROR, "No response received for this call"));
	}

	@Test
	void batchOfNotificationsHasNoResponses() {
		RecordingTransport transport = RecordingTransport.replying("");
		JsonRpcBatchResponse batch = JsonRpcClient.create(transport).batch().notify("a").notify("b", 1).execute();
		assertThat(batch.size()).isZero();
		assertThat(batch.responses()).isEmpty();
		assertThat(transport.lastSent().toString()).isEqualTo("[{\"jsonrpc\":\"2.0\",\"method\":\"a\",\"params\":[]},"
				+ "{\"jsonrpc\":\"2.0\",\"method\":\"b\",\"params\":[1]}]");
	}

	@Test
	void emptyBatchIsRefused() {
		JsonRpcClient client = JsonRpcClient.create(RecordingTransport.replying(""));
		assertThatIllegalStateException().isThrownBy(() -> client.batch().execute())
			.withMessage("A batch needs at least one call or notification");
		assertThatIllegalStateException().isThrownBy(() -> client.batch().executeAsync())
			.withMessage("A batch needs at least one call or notification");
	}

	@Test
	void failedBatchFailsItsFuture() {
		JsonRpcClient client = JsonRpcClient.create(RecordingTransport.replying("<html/>"));
		assertThat(client.batch().call("a").executeAsync()).failsWithin(TestWaits.SHORT)
			.withThrowableOfType(java.util.concurrent.ExecutionException.class)
			.havingCause()
			.isInstanceOf(JsonRpcTransportException.class)
			.withMessageStartingWith("Invalid reply to batch of 1: ");
	}

}
