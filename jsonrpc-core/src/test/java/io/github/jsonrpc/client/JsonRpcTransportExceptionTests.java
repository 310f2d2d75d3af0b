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

import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import io.github.jsonrpc.protocol.JsonRpcError;
import io.github.jsonrpc.protocol.JsonRpcId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JsonRpcTransportException#wrap}: what a caller of the client gets for
 * each kind of failure.
 */
class JsonRpcTransportExceptionTests {

	@Test
	void clientAndTransportExceptionsAreRethrownAsTheyAreFromAnyDepth() {
		JsonRpcClientException error = new JsonRpcClientException(JsonRpcError.of(-32000, "boom"), "x",
				JsonRpcId.of(1));
		JsonRpcTransportException transport = new JsonRpcTransportException("down");
		assertThat(JsonRpcTransportException.wrap(error)).isSameAs(error);
		assertThat(JsonRpcTransportException.wrap(new CompletionException(new CompletionException(error))))
			.isSameAs(error);
		assertThat(JsonRpcTransportException.wrap(new CompletionException(transport))).isSameAs(transport);
	}

	@Test
	void timeoutIsReportedAsNoReplyInTime() {
		TimeoutException timeout = new TimeoutException();
		assertThat(JsonRpcTransportException.wrap(new CompletionException(timeout)))
			.isInstanceOf(JsonRpcTransportException.class)
			.hasMessage("No reply in time")
			.hasCause(timeout);
	}

	@Test
	void otherRuntimeExceptionsAreRethrownAsTheyAre() {
		IllegalStateException failure = new IllegalStateException("bug");
		assertThat(JsonRpcTransportException.wrap(new CompletionException(failure))).isSameAs(failure);
	}

	@Test
	void checkedExceptionsAndEmptyWrappersAreWrapped() {
		IOException io = new IOException("reset");
		assertThat(JsonRpcTransportException.wrap(new CompletionException(io)))
			.isInstanceOf(JsonRpcTransportException.class)
			.hasMessage("JSON-RPC exchange failed")
			.hasCause(io);
		CompletionException empty = new CompletionException((Throwable) null);
		assertThat(JsonRpcTransportException.wrap(empty)).isInstanceOf(JsonRpcTransportException.class)
			.hasMessage("JSON-RPC exchange failed")
			.hasCause(empty);
		assertThat(JsonRpcTransportException.wrap(null)).isInstanceOf(JsonRpcTransportException.class)
			.hasMessage("JSON-RPC exchange failed")
			.hasNoCause();
	}

	@Test
	void clientExceptionDescribesTheErrorAndTheCall() {
		JsonRpcClientException withId = new JsonRpcClientException(JsonRpcError.of(-32011, "Insufficient stock"),
				"inventory.reserve", JsonRpcId.of("a-1"));
		assertThat(withId).hasMessage(
				"JSON-RPC error -32011 \"Insufficient stock\" from method 'inventory.reserve' " + "(id \"a-1\")");
		assertThat(withId.getData()).isNull();
		assertThat(withId.getError()).isEqualTo(JsonRpcError.of(-32011, "Insufficient stock"));
		assertThat(new JsonRpcClientException(JsonRpcError.of(-32000, "x", "not a tree"), "m", null))
			.hasMessage("JSON-RPC error -32000 \"x\" from method 'm'")
			.satisfies((ex) -> assertThat(ex.getData()).isNull())
			.satisfies((ex) -> assertThat(ex.getId()).isNull());
	}

}
