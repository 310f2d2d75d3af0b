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
package io.github.jsonrpc.server.webmvc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.protocol.JsonRpcReply;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.JsonRpcTransportContext;
import io.github.jsonrpc.server.http.JsonRpcHttpStreamFormat;

import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Tests for {@link HttpJsonRpcStream}: frames are flushed one by one, a client that goes
 * away cancels the source, and a call that does not stream is written as plain JSON.
 *
 * @author jsonrpc-dev
 */
class HttpJsonRpcStreamTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final JsonRpcMessageCodec codec = JsonRpcMessageCodec.create(this.mapper);

	private final JsonRpcExchange call = JsonRpcExchange.of(JsonRpcRequest.call(JsonRpcId.of(1), "count", null),
			JsonRpcTransportContext.inProcess());

	@Test
	void eachFrameIsFlushedWhenWrittenAndTheSourceAskedForTheNext() throws Exception {
		HttpJsonRpcStream stream = new HttpJsonRpcStream(this.codec, JsonRpcHttpStreamFormat.NDJSON);
		AtomicInteger requested = new AtomicInteger();
		stream.open(this.call, () -> {
		});
		assertThat(stream.item(this.call, "a", requested::incrementAndGet)).isTrue();
		assertThat(stream.item(this.call, "b", requested::incrementAndGet)).isTrue();
		RecordingResponse response = new RecordingResponse(false);
		// a stream is not plain JSON
		assertThat(stream.start(CompletableFuture.completedFuture(reply("done")))).isNull();
		stream.writeTo(response);
		assertThat(requested).hasValue(2);
		assertThat(response.output.flushed).containsExactly(
				"{\"jsonrpc\":\"2.0\",\"method\":\"rpc.stream\",\"params\":{\"id\":1,\"item\":\"a\"}}\n",
				"{\"jsonrpc\":\"2.0\",\"method\":\"rpc.stream\",\"params\":{\"id\":1,\"item\":\"b\"}}\n",
				"{\"jsonrpc\":\"2.0\",\"result\":\"done\",\"id\":1}\n");
		assertThat(response.getContentType()).isEqualTo("application/x-ndjson;charset=UTF-8");
	}

	@Test
	void notificationIsNeverAnsweredEvenWithItems() throws Exception {
		// a notification gets no reply of any kind (JSON-RPC 2.0, section 4.1)
		JsonRpcExchange notification = JsonRpcExchange.of(JsonRpcRequest.notification("count", null),
				JsonRpcTransportContext.inProcess());
		HttpJsonRpcStream stream = new HttpJsonRpcStream(this.codec, JsonRpcHttpStreamFormat.SERVER_SENT_EVENTS);
		stream.open(notification, () -> {
		});
		assertThat(stream.item(notification, 7, () -> {
		})).isFalse();
		assertThat(stream.start(CompletableFuture.completedFuture(JsonRpcReply.empty())))
			.isEqualTo(JsonRpcReply.empty());
	}

	@Test
	void clientThatGoesAwayCancelsTheSourceAndRefusesFurtherItems() throws Exception {
		HttpJsonRpcStream stream = new HttpJsonRpcStream(this.codec, JsonRpcHttpStreamFormat.NDJSON);
		AtomicInteger cancelled = new AtomicInteger();
		stream.open(this.call, cancelled::incrementAndGet);
		stream.item(this.call, "a", () -> {
		});
		assertThat(stream.start(new CompletableFuture<>())).as("a stream is not plain JSON").isNull();
		assertThatIOException().isThrownBy(() -> stream.writeTo(new RecordingResponse(true)));
		assertThat(cancelled).hasValue(1);
		assertThat(stream.item(this.call, "b", () -> {
		})).isFalse();
	}

	@Test
	void callThatDoesNotStreamIsWrittenAsPlainJson() throws Exception {
		HttpJsonRpcStream stream = new HttpJsonRpcStream(this.codec, JsonRpcHttpStreamFormat.NDJSON);
		assertThat(stream.start(CompletableFuture.completedFuture(reply("x")))).isEqualTo(reply("x"));
	}

	@Test
	void failedReplyOfACallThatDoesNotStreamIsWrittenAsNothing() throws Exception {
		HttpJsonRpcStream stream = new HttpJsonRpcStream(this.codec, JsonRpcHttpStreamFormat.NDJSON);
		assertThat(stream.start(CompletableFuture.failedFuture(new IllegalStateException("broken"))))
			.isEqualTo(JsonRpcReply.empty());
	}

	private static JsonRpcReply reply(String result) {
		return JsonRpcReply.single(JsonRpcResponse.success(JsonRpcId.of(1), result));
	}

	/**
	 * Records what was flushed, frame by frame, or fails every write.
	 */
	static final class RecordingResponse extends MockHttpServletResponse {

		final RecordingOutput output;

		RecordingResponse(boolean failing) {
			this.output = new RecordingOutput(failing);
		}

		@Override
		public ServletOutputStream getOutputStream() {
			return this.output;
		}

	}

	static final class RecordingOutput extends ServletOutputStream {

		final List<String> flushed = new ArrayList<>();

		private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

		private final boolean failing;

		RecordingOutput(boolean failing) {
			this.failing = failing;
		}

		@Override
		public void write(int b) throws IOException {
			if (this.failing) {
				throw new IOException("Broken pipe");
			}
			this.pending.write(b);
		}

		@Override
		public void flush() {
			this.flushed.add(this.pending.toString(StandardCharsets.UTF_8));
			this.pending.reset();
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setWriteListener(WriteListener listener) {
		}

	}

}
