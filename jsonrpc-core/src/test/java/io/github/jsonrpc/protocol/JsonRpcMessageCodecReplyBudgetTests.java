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

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the reply budget of {@link JsonRpcMessageCodec}: a reply of exactly the
 * budget is written, one byte more is replaced by the "Reply too large" error.
 *
 * @author jsonrpc-dev
 */
class JsonRpcMessageCodecReplyBudgetTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final JsonRpcMessageCodec unbounded = JsonRpcMessageCodec.create(this.mapper);

	@Test
	void responseOfExactlyTheBudgetIsWrittenAndOneByteMoreIsReplaced() {
		JsonRpcResponse response = JsonRpcResponse.success(JsonRpcId.of(1), "x".repeat(200));
		byte[] encoded = this.unbounded.encode(response);
		assertThat(codec(encoded.length).encode(response)).isEqualTo(encoded);
		assertThat(text(codec(encoded.length - 1).encode(response)))
			.isEqualTo(text(JsonRpcResponse.failure(JsonRpcId.of(1), JsonRpcError.replyTooLarge(encoded.length - 1))));
	}

	@Test
	void repliesWrittenInManyChunksAreWhatTheMapperWritesAndBoundedAtEveryByte() {
		// the generator hands its buffer over in chunks of about 8 KB: replies of one,
		// several and many chunks, each with the budget at its size and one byte below
		for (int size : new int[] { 0, 1, 100, 7_900, 8_000, 8_100, 16_000, 24_001, 100_003 }) {
			String result = "r".repeat(size);
			JsonRpcResponse response = JsonRpcResponse.success(JsonRpcId.of("id-" + size), result);
			byte[] expected = ("{\"jsonrpc\":\"2.0\",\"result\":" + this.mapper.writeValueAsString(result)
					+ ",\"id\":\"id-" + size + "\"}")
				.getBytes(StandardCharsets.UTF_8);
			assertThat(this.unbounded.encode(response)).as("size %d", size).isEqualTo(expected);
			assertThat(codec(expected.length).encode(response)).as("size %d", size).isEqualTo(expected);
			assertThat(text(codec(expected.length - 1).encode(response))).as("size %d", size)
				.isEqualTo(text(JsonRpcResponse.failure(JsonRpcId.of("id-" + size),
						JsonRpcError.replyTooLarge(expected.length - 1))));
			// and in a batch, with another response before it
			JsonRpcReply batch = JsonRpcReply
				.batch(List.of(JsonRpcResponse.success(JsonRpcId.of(0), "first"), response));
			byte[] expectedBatch = ("[{\"jsonrpc\":\"2.0\",\"result\":\"first\",\"id\":0},"
					+ new String(expected, StandardCharsets.UTF_8) + "]")
				.getBytes(StandardCharsets.UTF_8);
			assertThat(this.unbounded.encode(batch)).as("batch with size %d", size).isEqualTo(expectedBatch);
			assertThat(codec(expectedBatch.length).encode(batch)).as("batch with size %d", size)
				.isEqualTo(expectedBatch);
		}
	}

	@Test
	void batchOfExactlyTheBudgetIsWrittenInOnePiece() {
		JsonRpcReply reply = JsonRpcReply.batch(List.of(JsonRpcResponse.success(JsonRpcId.of(1), "a".repeat(100)),
				JsonRpcResponse.success(JsonRpcId.of(2), "b".repeat(100))));
		byte[] encoded = this.unbounded.encode(reply);
		assertThat(codec(encoded.length).encode(reply)).isEqualTo(encoded);
	}

	@Test
	void batchEntryThatFillsTheBudgetExactlyIsKeptAndTheRestReplaced() {
		JsonRpcResponse first = JsonRpcResponse.success(JsonRpcId.of(1), "a".repeat(100));
		JsonRpcResponse second = JsonRpcResponse.success(JsonRpcId.of(2), "b".repeat(100));
		int budget = this.unbounded.encode(first).length;
		JsonRpcMessageCodec codec = codec(budget);
		byte[] encoded = codec.encode(JsonRpcReply.batch(List.of(first, second)));
		assertThat(new String(encoded, StandardCharsets.UTF_8)).isEqualTo("[" + text(first) + ","
				+ text(JsonRpcResponse.failure(JsonRpcId.of(2), JsonRpcError.replyTooLarge(budget))) + "]");
	}

	@Test
	void budgetExceededInsideAResultSerializerIsReportedAsReplyTooLarge() {
		// the bean serializer wraps the budget's signal in a DatabindException
		JsonRpcResponse response = JsonRpcResponse.success(JsonRpcId.of("big"), new Payload("p".repeat(20_000)));
		JsonRpcMessageCodec codec = codec(1_000);
		assertThat(text(codec.encode(response)))
			.isEqualTo(text(JsonRpcResponse.failure(JsonRpcId.of("big"), JsonRpcError.replyTooLarge(1_000))));
	}

	@Test
	void resultThatFailsWithACauseChainThatLoopsIsAnsweredWithInternalError() {
		JsonRpcResponse response = JsonRpcResponse.success(JsonRpcId.of(7), new Looping());
		assertThat(text(this.unbounded.encode(response))).isEqualTo(text(
				JsonRpcResponse.failure(JsonRpcId.of(7), JsonRpcError.standard(JsonRpcErrorCodes.INTERNAL_ERROR))));
	}

	@Test
	void budgetAboveTheLargestByteArrayIsCappedToItAndStillWritesReplies() {
		// a DataSize of 2 GB or more: the stream's int count would overflow past
		// Integer.MAX_VALUE instead of answering "Reply too large"
		for (long configured : new long[] { (long) Integer.MAX_VALUE + 1, 4L * 1024 * 1024 * 1024, Long.MAX_VALUE }) {
			JsonRpcMessageCodec codec = codec(configured);
			assertThat(codec.limits().maxReplyBytes()).as("budget %d", configured)
				.isEqualTo(BoundedOutputStream.MAX_ARRAY_LENGTH);
			JsonRpcResponse response = JsonRpcResponse.success(JsonRpcId.of(1), "x".repeat(200));
			assertThat(codec.encode(response)).isEqualTo(this.unbounded.encode(response));
		}
		// up to the largest array, the configured budget is kept as it is
		assertThat(codec(BoundedOutputStream.MAX_ARRAY_LENGTH).limits().maxReplyBytes())
			.isEqualTo(BoundedOutputStream.MAX_ARRAY_LENGTH);
		assertThat(codec(BoundedOutputStream.MAX_ARRAY_LENGTH - 1).limits().maxReplyBytes())
			.isEqualTo(BoundedOutputStream.MAX_ARRAY_LENGTH - 1);
	}

	private String text(JsonRpcResponse response) {
		return text(this.unbounded.encode(response));
	}

	private static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

	private JsonRpcMessageCodec codec(long maxReplyBytes) {
		return JsonRpcMessageCodec.create(this.mapper, JsonRpcCodecLimits.DEFAULTS.withMaxReplyBytes(maxReplyBytes));
	}

	record Payload(String text) {
	}

	static class Looping {

		public String getValue() {
			IllegalStateException first = new IllegalStateException("first");
			IllegalStateException second = new IllegalStateException("second", first);
			first.initCause(second);
			throw first;
		}

	}

}
