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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.github.jsonrpc.protocol.JsonRpcEncodedMessage;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JsonRpcHttpStreamFormat}.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcHttpStreamFormatTests {

	private static final String MESSAGE = "{\"jsonrpc\":\"2.0\",\"method\":\"rpc.stream\",\"params\":[1]}";

	@Test
	void ndjsonIsOneLinePerMessage() throws IOException {
		assertThat(JsonRpcHttpStreamFormat.NDJSON.mediaType()).isEqualTo(MediaType.APPLICATION_NDJSON);
		assertThat(written(JsonRpcHttpStreamFormat.NDJSON)).isEqualTo(MESSAGE + "\n");
		assertThat(framed(JsonRpcHttpStreamFormat.NDJSON)).isEqualTo(MESSAGE + "\n");
	}

	@Test
	void serverSentEventsIsOneDataEventPerMessage() throws IOException {
		assertThat(JsonRpcHttpStreamFormat.SERVER_SENT_EVENTS.mediaType()).isEqualTo(MediaType.TEXT_EVENT_STREAM);
		assertThat(written(JsonRpcHttpStreamFormat.SERVER_SENT_EVENTS)).isEqualTo("data:" + MESSAGE + "\n\n");
		assertThat(framed(JsonRpcHttpStreamFormat.SERVER_SENT_EVENTS)).isEqualTo("data:" + MESSAGE + "\n\n");
	}

	@Test
	void frameOfAMessageInALargerBufferHoldsThatMessageOnly() {
		byte[] buffer = ("xx" + MESSAGE + "yy").getBytes(StandardCharsets.UTF_8);
		JsonRpcEncodedMessage message = JsonRpcEncodedMessage.wrap(buffer, 2, MESSAGE.length());
		assertThat(new String(JsonRpcHttpStreamFormat.SERVER_SENT_EVENTS.frame(message), StandardCharsets.UTF_8))
			.isEqualTo("data:" + MESSAGE + "\n\n");
	}

	private static String written(JsonRpcHttpStreamFormat format) throws IOException {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		format.writeTo(output, message());
		format.writeTo(output, message());
		String twice = output.toString(StandardCharsets.UTF_8);
		assertThat(twice).hasSize(2 * format.frame(message()).length);
		return twice.substring(0, twice.length() / 2);
	}

	private static String framed(JsonRpcHttpStreamFormat format) {
		return new String(format.frame(message()), StandardCharsets.UTF_8);
	}

	private static JsonRpcEncodedMessage message() {
		return JsonRpcEncodedMessage.wrap(MESSAGE.getBytes(StandardCharsets.UTF_8));
	}

}
