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
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the guards and limits of {@link JsonRpcMessageCodec}, each at exactly the
 * limit and one past it.
 *
 * @author jsonrpc-dev
 */
class JsonRpcMessageCodecGuardTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void createRequiresMapperAndLimits() {
		assertThatIllegalArgumentException().isThrownBy(() -> JsonRpcMessageCodec.create(null))
			.withMessage("JsonMapper is required");
		assertThatIllegalArgumentException().isThrownBy(() -> JsonRpcMessageCodec.create(this.mapper, null))
			.withMessage("Limits are required");
	}

	@Test
	void codecExposesItsMapperAndLimits() {
		JsonRpcCodecLimits limits = new JsonRpcCodecLimits(8, 9, 10, 11, 12);
		JsonRpcMessageCodec codec = JsonRpcMessageCodec.create(this.mapper, limits);
		assertThat(codec.mapper()).isSameAs(this.mapper);
		assertThat(codec.limits()).isSameAs(limits);
		assertThat(JsonRpcMessageCodec.create(this.mapper).limits()).isSameAs(JsonRpcCodecLimits.DEFAULTS);
	}

	@Test
	void defaultLimitsAreTheDocumentedOnes() {
		assertThat(JsonRpcCodecLimits.DEFAULTS).isEqualTo(new JsonRpcCodecLimits(64, 100, 1_000_000, 1_000, 256));
	}

	@Test
	void methodNameOfExactlyTheLimitIsReadAndOneMoreIsInvalid() {
		JsonRpcMessageCodec codec = JsonRpcMessageCodec.create(this.mapper,
				new JsonRpcCodecLimits(64, 100, 1000, 100, 5));
		JsonRpcInbound atLimit = codec.decodeRequests("{\"jsonrpc\":\"2.0\",\"method\":\"abcde\",\"id\":1}");
		assertThat(atLimit.entries()).containsExactly(JsonRpcRequest.call(JsonRpcId.of(1), "abcde", null));
		JsonRpcInbound overLimit = codec.decodeRequests("{\"jsonrpc\":\"2.0\",\"method\":\"abcdef\",\"id\":1}");
		assertThat(overLimit.entries()).containsExactly(
				JsonRpcResponse.failure(JsonRpcId.of(1), JsonRpcError.standard(JsonRpcErrorCodes.INVALID_REQUEST)));
	}

	@Test
	void textAndBytesDecodeAlike() {
		JsonRpcMessageCodec codec = JsonRpcMessageCodec.create(this.mapper);
		String batch = "[{\"jsonrpc\":\"2.0\",\"method\":\"a\",\"params\":[1],\"id\":\"x\"},1]";
		JsonRpcInbound fromText = codec.decodeRequests(batch);
		assertThat(fromText).isEqualTo(codec.decodeRequests(batch.getBytes(StandardCharsets.UTF_8)));
		assertThat(fromText.batch()).isTrue();
		assertThat(fromText.entries()).hasSize(2);
		assertThat(codec.decodeRequests("{").entries()).containsExactly(
				JsonRpcResponse.failure(JsonRpcId.NULL, JsonRpcError.standard(JsonRpcErrorCodes.PARSE_ERROR)));
	}

	@Test
	void emptyBatchOfRequestsCannotBeEncoded() {
		JsonRpcMessageCodec codec = JsonRpcMessageCodec.create(this.mapper);
		assertThatIllegalArgumentException().isThrownBy(() -> codec.encodeBatch(List.of()))
			.withMessage("A batch needs at least one request");
	}

	@Test
	void everyLimitMustBePositive() {
		assertThat(new JsonRpcCodecLimits(1, 1, 1, 1, 1).maxMethodNameLength()).isEqualTo(1);
		assertThatIllegalArgumentException().isThrownBy(() -> new JsonRpcCodecLimits(0, 1, 1, 1, 1))
			.withMessage("maxNestingDepth must be positive");
		assertThatIllegalArgumentException().isThrownBy(() -> new JsonRpcCodecLimits(1, 0, 1, 1, 1))
			.withMessage("maxNumberLength must be positive");
		assertThatIllegalArgumentException().isThrownBy(() -> new JsonRpcCodecLimits(1, 1, 0, 1, 1))
			.withMessage("maxStringLength must be positive");
		assertThatIllegalArgumentException().isThrownBy(() -> new JsonRpcCodecLimits(1, 1, 1, 0, 1))
			.withMessage("maxNameLength must be positive");
		assertThatIllegalArgumentException().isThrownBy(() -> new JsonRpcCodecLimits(1, 1, 1, 1, 0))
			.withMessage("maxMethodNameLength must be positive");
	}

	@Test
	void protocolExceptionCarriesItsIdAndAnswersWithIt() {
		JsonRpcError error = JsonRpcError.standard(JsonRpcErrorCodes.INVALID_REQUEST);
		JsonRpcProtocolException withId = new JsonRpcProtocolException(error, JsonRpcId.of(4));
		assertThat(withId.getId()).isEqualTo(JsonRpcId.of(4));
		assertThat(withId.getError()).isSameAs(error);
		assertThat(withId.toResponse()).isEqualTo(JsonRpcResponse.failure(JsonRpcId.of(4), error));
		JsonRpcProtocolException withoutId = new JsonRpcProtocolException(error, null, new IllegalStateException());
		assertThat(withoutId.getId()).isNull();
		assertThat(withoutId.toResponse()).isEqualTo(JsonRpcResponse.failure(JsonRpcId.NULL, error));
	}

	@Test
	void singleInboundHoldsOneRequestAndIsNoBatch() {
		JsonRpcRequest request = JsonRpcRequest.notification("a", null);
		JsonRpcInbound inbound = JsonRpcInbound.single(request);
		assertThat(inbound.batch()).isFalse();
		assertThat(inbound.entries()).containsExactly(request);
	}

	@Test
	void encodingMethodsRejectMissingArguments() {
		JsonRpcMessageCodec codec = JsonRpcMessageCodec.create(this.mapper);
		assertThatIllegalArgumentException().isThrownBy(() -> codec.withStringParams(null))
			.withMessage("Methods are required");
		assertThatIllegalArgumentException().isThrownBy(() -> codec.encodeNotification("", 1))
			.withMessage("Method is required");
		assertThatIllegalArgumentException().isThrownBy(() -> codec.encodeStreamItem(null, 1))
			.withMessage("Id is required");
		assertThatIllegalArgumentException().isThrownBy(() -> JsonRpcEncodedMessage.wrap(null))
			.withMessage("Bytes are required");
	}

	@Test
	void encodedMessagesAreEqualByTheirBytes() {
		JsonRpcEncodedMessage message = JsonRpcEncodedMessage.wrap("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
		JsonRpcEncodedMessage same = JsonRpcEncodedMessage.wrap("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
		JsonRpcEncodedMessage other = JsonRpcEncodedMessage.wrap("{\"a\":2}".getBytes(StandardCharsets.UTF_8));
		assertThat(message).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(other).isNotEqualTo("{\"a\":1}");
		assertThat(message.hashCode()).isNotEqualTo(other.hashCode());
		assertThat(message).hasToString("{\"a\":1}");
		assertThat(message.size()).isEqualTo(7);
	}

	@Test
	void wrappedRangeIsCopiedAndCheckedAtItsBounds() {
		byte[] frame = "xx{\"a\":1}yy".getBytes(StandardCharsets.UTF_8);
		JsonRpcEncodedMessage message = JsonRpcEncodedMessage.wrap(frame, 2, 7);
		frame[2] = 'z';
		assertThat(message).hasToString("{\"a\":1}");
		assertThat(message.size()).isEqualTo(7);
		// the whole array, and a range that ends exactly at its end
		assertThat(JsonRpcEncodedMessage.wrap(frame, 0, frame.length).size()).isEqualTo(frame.length);
		assertThat(JsonRpcEncodedMessage.wrap(frame, frame.length - 1, 1)).hasToString("y");
		assertThatIllegalArgumentException().isThrownBy(() -> JsonRpcEncodedMessage.wrap(null, 0, 1))
			.withMessage("Bytes are required");
		assertThatIllegalArgumentException().isThrownBy(() -> JsonRpcEncodedMessage.wrap(frame, 0, 0))
			.withMessage("An encoded message cannot be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> JsonRpcEncodedMessage.wrap(frame, -1, 2))
			.withMessage("Range out of bounds");
		assertThatIllegalArgumentException().isThrownBy(() -> JsonRpcEncodedMessage.wrap(frame, frame.length, 1))
			.withMessage("Range out of bounds");
		assertThatIllegalArgumentException().isThrownBy(() -> JsonRpcEncodedMessage.wrap(frame, 1, frame.length))
			.withMessage("Range out of bounds");
	}

}
