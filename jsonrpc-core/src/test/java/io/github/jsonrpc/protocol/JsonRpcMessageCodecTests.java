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
import java.util.Map;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.CalculatorService;
import io.github.jsonrpc.JsonRpcSetup;
import io.github.jsonrpc.server.JsonRpcHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link JsonRpcMessageCodec}.
 *
 * @author jsonrpc-dev
 */
class JsonRpcMessageCodecTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final JsonRpcMessageCodec codec = JsonRpcMessageCodec.create(this.mapper);

	private final JsonRpcHandler handler = JsonRpcSetup.services(new CalculatorService()).toHandler();

	@ParameterizedTest
	@ValueSource(strings = { "\"abc\"", "\"\"", "0", "-1", "7", "123456789012345678901234567890",
			"-123456789012345678901234567890", "1.5", "1.000", "-2.50", "null" })
	void idIsEchoedExactly(String id) {
		String reply = call("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[1],\"id\":" + id + "}");
		assertThat(reply).isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":" + id + "}");
	}

	@Test
	void aSuccessKeepsItsIdAndResultWhereTheNotificationAnswerIsShared() {
		// a void method's answer to a notification is one shared record: only that one
		assertThat(JsonRpcResponse.success(JsonRpcId.NULL, null))
			.isSameAs(JsonRpcResponse.success(JsonRpcId.NULL, null))
			.isEqualTo(new JsonRpcResponse.Success(JsonRpcId.NULL, null));
		JsonRpcResponse.Success withResult = JsonRpcResponse.success(JsonRpcId.NULL, 5);
		assertThat(withResult.result()).isEqualTo(5);
		assertThat(withResult.id()).isEqualTo(JsonRpcId.NULL);
		JsonRpcResponse.Success withId = JsonRpcResponse.success(JsonRpcId.of(7), null);
		assertThat(withId.id()).isEqualTo(JsonRpcId.of(7));
		assertThat(withId.result()).isNull();
		assertThat(withId.version()).isEqualTo(JsonRpcVersion.V2);
	}

	@Test
	void exponentIdIsEchoedAsSameNumber() throws Exception {
		String reply = call("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[1],\"id\":1e3}");
		JsonNode id = this.mapper.readTree(reply).get("id");
		assertThat(id.isNumber()).isTrue();
		assertThat(id.decimalValue()).isEqualByComparingTo("1000");
	}

	@Test
	void idsOfSameJsonFormAreEqual() {
		JsonRpcInbound inbound = this.codec.decodeRequests("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"id\":1}");
		JsonRpcId read = single(inbound).id();
		assertThat(read).isEqualTo(JsonRpcId.of(1)).hasSameHashCodeAs(JsonRpcId.of(1));
		assertThat(read).isNotEqualTo(JsonRpcId.of("1")).isNotEqualTo(JsonRpcId.of(new java.math.BigDecimal("1.0")));
		assertThat(JsonRpcId.of(new java.math.BigInteger("123456789012345678901234567890"))).isEqualTo(single(this.codec
			.decodeRequests("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"id\":123456789012345678901234567890}")).id());
	}

	@Test
	void explicitNullIdIsCallNotNotification() {
		JsonRpcRequest request = single(
				this.codec.decodeRequests("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"id\":null}"));
		assertThat(request.isNotification()).isFalse();
		assertThat(request.id()).isEqualTo(JsonRpcId.NULL);
		assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"update\",\"params\":[1],\"id\":null}"))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":null,\"id\":null}");
	}

	@Test
	void missingIdIsNotification() {
		JsonRpcRequest request = single(this.codec.decodeRequests("{\"jsonrpc\":\"2.0\",\"method\":\"echo\"}"));
		assertThat(request.isNotification()).isTrue();
		assertThat(request.id()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "true", "false", "{}", "{\"a\":1}", "[]", "[1]" })
	void invalidIdTypeIsInvalidRequestWithNullId(String id) {
		assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[1],\"id\":" + id + "}"))
			.isEqualTo(error(-32600, "Invalid Request", "null"));
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "\"jsonrpc\":\"1.0\",", "\"jsonrpc\":2.0,", "\"jsonrpc\":\"2\",", "\"jsonrpc\":null,", "" })
	void wrongOrMissingVersionIsInvalidRequestWithId(String version) {
		assertThat(call("{" + version + "\"method\":\"echo\",\"params\":[1],\"id\":7}"))
			.isEqualTo(error(-32600, "Invalid Request", "7"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "1", "null", "true", "[\"echo\"]", "{}" })
	void nonStringMethodIsInvalidRequestWithId(String method) {
		assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":" + method + ",\"id\":\"x\"}"))
			.isEqualTo(error(-32600, "Invalid Request", "\"x\""));
	}

	@Test
	void missingMethodIsInvalidRequestWithId() {
		assertThat(call("{\"jsonrpc\":\"2.0\",\"id\":3}")).isEqualTo(error(-32600, "Invalid Request", "3"));
	}

	@Test
	void tooLongMethodNameIsInvalidRequest() {
		String name = "m".repeat(JsonRpcCodecLimits.DEFAULTS.maxMethodNameLength() + 1);
		assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"" + name + "\",\"id\":3}"))
			.isEqualTo(error(-32600, "Invalid Request", "3"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "1", "\"bar\"", "true", "null" })
	void scalarOrNullParamsIsInvalidRequestWithId(String params) {
		assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":" + params + ",\"id\":5}"))
			.isEqualTo(error(-32600, "Invalid Request", "5"));
	}

	@Test
	void duplicateMemberIsParseError() {
		assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"method\":\"sum\",\"params\":[1],\"id\":1}"))
			.isEqualTo(parseError());
		assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[{\"a\":1,\"a\":2}],\"id\":1}"))
			.isEqualTo(parseError());
	}

	@ParameterizedTest
	@ValueSource(strings = { "NaN", "Infinity", "-Infinity", "+1", "01", "'x'", "undefined" })
	void nonStandardNumbersAndLiteralsAreParseErrors(String value) {
		assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[" + value + "],\"id\":1}"))
			.isEqualTo(parseError());
	}

	@ParameterizedTest
	@ValueSource(strings = { "{} {}", "{}x", "{}]", "[] []", "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"id\":1} 1",
			"{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"id\":1}{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"id\":2}" })
	void trailingDataIsParseError(String input) {
		assertThat(call(input)).isEqualTo(parseError());
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "\n\t ", "/* comment */ {}", "// comment\n{}" })
	void emptyInputOrCommentIsParseError(String input) {
		assertThat(call(input)).isEqualTo(parseError());
		assertThat(this.codec.decodeRequests(input.getBytes(StandardCharsets.UTF_8)).entries())
			.containsExactly(JsonRpcResponse.failure(JsonRpcId.NULL, JsonRpcError.standard(-32700)));
	}

	@Test
	void nestingDeeperThanLimitIsParseError() {
		int depth = JsonRpcCodecLimits.DEFAULTS.maxNestingDepth() + 1;
		String deep = "[".repeat(depth) + "]".repeat(depth);
		assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":" + deep + ",\"id\":1}"))
			.isEqualTo(parseError());
	}

	@Test
	void nestingWithinLimitIsAccepted() {
		JsonRpcMessageCodec limited = JsonRpcMessageCodec.create(this.mapper,
				new JsonRpcCodecLimits(5, 100, 1000, 100, 100));
		// object (1) + params array (2) + 3 more levels
		JsonRpcInbound accepted = limited
			.decodeRequests("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[[[[1]]]],\"id\":1}");
		assertThat(accepted.entries().get(0)).isInstanceOf(JsonRpcRequest.class);
		JsonRpcInbound rejected = limited
			.decodeRequests("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[[[[[1]]]]],\"id\":1}");
		assertThat(rejected.entries())
			.containsExactly(JsonRpcResponse.failure(JsonRpcId.NULL, JsonRpcError.standard(-32700)));
	}

	@Test
	void tooLongStringOrNumberIsParseError() {
		JsonRpcMessageCodec limited = JsonRpcMessageCodec.create(this.mapper,
				new JsonRpcCodecLimits(10, 10, 10, 10, 10));
		assertThat(limited.decodeRequests("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"01234567890\"]}")
			.entries()).containsExactly(JsonRpcResponse.failure(JsonRpcId.NULL, JsonRpcError.standard(-32700)));
		assertThat(
				limited.decodeRequests("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[12345678901]}").entries())
			.containsExactly(JsonRpcResponse.failure(JsonRpcId.NULL, JsonRpcError.standard(-32700)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "1", "\"text\"", "true", "null" })
	void scalarMessageIsInvalidRequest(String input) {
		assertThat(call(input)).isEqualTo(error(-32600, "Invalid Request", "null"));
	}

	@Test
	void batchKeepsInvalidEntriesInPlace() {
		JsonRpcInbound inbound = this.codec.decodeRequests(
				"[{\"jsonrpc\":\"2.0\",\"method\":\"a\",\"id\":1}, 2, {\"jsonrpc\":\"1.0\",\"method\":\"b\",\"id\":3}]");
		assertThat(inbound.batch()).isTrue();
		assertThat(inbound.entries()).hasSize(3);
		assertThat(inbound.entries().get(0)).isEqualTo(JsonRpcRequest.call(JsonRpcId.of(1), "a", null));
		assertThat(inbound.entries().get(1))
			.isEqualTo(JsonRpcResponse.failure(JsonRpcId.NULL, JsonRpcError.standard(-32600)));
		assertThat(inbound.entries().get(2))
			.isEqualTo(JsonRpcResponse.failure(JsonRpcId.of(3), JsonRpcError.standard(-32600)));
		// kept without a copy, and still read-only
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> inbound.entries().set(0, JsonRpcRequest.notification("c", null)));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> inbound.entries().clear());
		assertThat(inbound).isEqualTo(new JsonRpcInbound(true, List.copyOf(inbound.entries())));
	}

	@Test
	void nullResultIsAlwaysWritten() {
		assertThat(encode(JsonRpcResponse.success(JsonRpcId.of(1), null)))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":null,\"id\":1}");
	}

	@Test
	void errorDataIsOmittedWhenNull() {
		assertThat(encode(JsonRpcResponse.failure(JsonRpcId.of("a"), JsonRpcError.of(-32000, "Boom"))))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32000,\"message\":\"Boom\"},\"id\":\"a\"}");
	}

	@Test
	void errorDataIsWrittenWithMapper() {
		assertThat(encode(
				JsonRpcResponse.failure(JsonRpcId.of(2), JsonRpcError.of(-32000, "Boom", Map.of("k", List.of(1))))))
			.isEqualTo(
					"{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32000,\"message\":\"Boom\",\"data\":{\"k\":[1]}},\"id\":2}");
	}

	@Test
	void unserializableResultBecomesInternalErrorForSameId() {
		assertThat(encode(JsonRpcResponse.success(JsonRpcId.of(9), new Unserializable())))
			.isEqualTo(error(-32603, "Internal error", "9"));
	}

	@Test
	void unserializableErrorDataBecomesInternalErrorForSameId() {
		assertThat(encode(
				JsonRpcResponse.failure(JsonRpcId.of("z"), JsonRpcError.of(-32000, "Boom", new Unserializable()))))
			.isEqualTo(error(-32603, "Internal error", "\"z\""));
	}

	@Test
	void unserializableResultInBatchOnlyFailsItsEntry() {
		JsonRpcReply reply = JsonRpcReply.batch(List.of(JsonRpcResponse.success(JsonRpcId.of(1), "ok"),
				JsonRpcResponse.success(JsonRpcId.of(2), new Unserializable())));
		assertThat(this.codec.encodeToString(reply)).isEqualTo(
				"[{\"jsonrpc\":\"2.0\",\"result\":\"ok\",\"id\":1}," + error(-32603, "Internal error", "2") + "]");
	}

	@Test
	void emptyReplyEncodesToNothing() {
		assertThat(this.codec.encode(JsonRpcReply.empty())).isEmpty();
		assertThat(JsonRpcReply.batch(List.of())).isSameAs(JsonRpcReply.empty());
	}

	@Test
	void clientRequestRoundTrip() {
		JsonNode params = JsonNodeFactory.instance.arrayNode().add(42).add(23);
		JsonRpcRequest call = JsonRpcRequest.call(JsonRpcId.of("c1"), "subtract", params);
		JsonRpcRequest notification = JsonRpcRequest.notification("update", null);
		assertThat(new String(this.codec.encode(call), StandardCharsets.UTF_8))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[42,23],\"id\":\"c1\"}");
		assertThat(new String(this.codec.encode(notification), StandardCharsets.UTF_8))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"update\"}");
		JsonRpcInbound decoded = this.codec.decodeRequests(this.codec.encodeBatch(List.of(call, notification)));
		assertThat(decoded.batch()).isTrue();
		assertThat(decoded.entries()).containsExactly(call, notification);
	}

	@Test
	void clientResponseRoundTrip() {
		JsonRpcReply reply = JsonRpcReply.batch(List.of(JsonRpcResponse.success(JsonRpcId.of(1), List.of("hello", 5)),
				JsonRpcResponse.success(JsonRpcId.of(2), null),
				JsonRpcResponse.failure(JsonRpcId.NULL, JsonRpcError.of(-32000, "Boom", Map.of("k", "v")))));
		List<JsonRpcResponse> responses = this.codec.decodeResponses(this.codec.encode(reply));
		assertThat(responses).hasSize(3);
		JsonRpcResponse.Success first = (JsonRpcResponse.Success) responses.get(0);
		assertThat(first.id()).isEqualTo(JsonRpcId.of(1));
		assertThat(first.result()).hasToString("[\"hello\",5]");
		JsonRpcResponse.Success second = (JsonRpcResponse.Success) responses.get(1);
		assertThat(second.result()).isInstanceOfSatisfying(JsonNode.class,
				(result) -> assertThat(result.isNull()).isTrue());
		JsonRpcResponse.Failure third = (JsonRpcResponse.Failure) responses.get(2);
		assertThat(third.id().isNull()).isTrue();
		assertThat(third.error().code()).isEqualTo(-32000);
		assertThat(third.error().message()).isEqualTo("Boom");
		assertThat(third.error().data()).hasToString("{\"k\":\"v\"}");
	}

	@Test
	void clientDecodesSingleResponse() {
		List<JsonRpcResponse> responses = this.codec.decodeResponses(bytes(
				"{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":\"1\"}"));
		assertThat(responses)
			.containsExactly(JsonRpcResponse.failure(JsonRpcId.of("1"), JsonRpcError.standard(-32601)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "{", "{} {}", "[1", "{\"a\":1,\"a\":2}" })
	void clientRejectsResponseThatIsNotJson(String input) {
		assertThatExceptionOfType(JsonRpcProtocolException.class)
			.isThrownBy(() -> this.codec.decodeResponses(bytes(input)))
			.satisfies((ex) -> assertThat(ex.getError().code()).isEqualTo(-32700));
	}

	@ParameterizedTest
	@ValueSource(strings = { "1", "[1]", "{\"result\":1,\"id\":1}", "{\"jsonrpc\":\"1.0\",\"result\":1,\"id\":1}",
			"{\"jsonrpc\":2.0,\"result\":1,\"id\":1}", "{\"jsonrpc\":\"2.0\",\"result\":1}",
			"{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":true}", "{\"jsonrpc\":\"2.0\",\"id\":1}",
			"{\"jsonrpc\":\"2.0\",\"result\":1,\"error\":{\"code\":1,\"message\":\"m\"},\"id\":1}",
			"{\"jsonrpc\":\"2.0\",\"error\":\"boom\",\"id\":1}",
			"{\"jsonrpc\":\"2.0\",\"error\":{\"message\":\"m\"},\"id\":1}",
			"{\"jsonrpc\":\"2.0\",\"error\":{\"code\":1.5,\"message\":\"m\"},\"id\":1}",
			"{\"jsonrpc\":\"2.0\",\"error\":{\"code\":1,\"message\":2},\"id\":1}",
			"{\"jsonrpc\":\"2.0\",\"error\":{\"code\":1},\"id\":1}" })
	void clientRejectsInvalidResponse(String input) {
		assertThatExceptionOfType(JsonRpcProtocolException.class)
			.isThrownBy(() -> this.codec.decodeResponses(bytes(input)))
			.satisfies((ex) -> {
				assertThat(ex.getError().code()).isEqualTo(-32600);
				assertThat(ex.getError().message()).startsWith("Invalid response: ");
			});
	}

	@Test
	void idRejectsOtherKinds() {
		assertThat(JsonRpcId.isValid(JsonNodeFactory.instance.booleanNode(true))).isFalse();
		assertThat(JsonRpcId.of(JsonNodeFactory.instance.nullNode())).isSameAs(JsonRpcId.NULL);
		assertThat(JsonRpcId.of("a")).hasToString("\"a\"");
	}

	@Test
	void stringParamsAreReadAsOnePositionalParamForTheGivenMethodsOnly() {
		JsonRpcMessageCodec subscribing = this.codec.withStringParams(java.util.Set.of("subscribe"));
		assertThat(this.codec.withStringParams(java.util.Set.of())).isSameAs(this.codec);
		JsonRpcRequest request = single(subscribing
			.decodeRequests(bytes("{\"jsonrpc\":\"2.0\",\"method\":\"subscribe\",\"params\":\"clock\",\"id\":1}")));
		assertThat(request.params()).hasToString("[\"clock\"]");
		JsonRpcInbound other = subscribing
			.decodeRequests(bytes("{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":\"clock\",\"id\":1}"));
		assertThat(other.entries().get(0)).isInstanceOf(JsonRpcResponse.Failure.class);
		assertThat(((JsonRpcResponse.Failure) other.entries().get(0)).error().code()).isEqualTo(-32600);
		JsonRpcInbound plain = this.codec
			.decodeRequests(bytes("{\"jsonrpc\":\"2.0\",\"method\":\"subscribe\",\"params\":\"clock\",\"id\":1}"));
		assertThat(((JsonRpcResponse.Failure) plain.entries().get(0)).error().code()).isEqualTo(-32600);
	}

	@Test
	void notificationsAndStreamItemsAreEncodedByTheCodec() {
		assertThat(this.codec.encodeNotification("news", Map.of("n", 1)).text())
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"news\",\"params\":{\"n\":1}}");
		assertThat(this.codec.encodeNotification("ping", null).text())
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"ping\"}");
		assertThat(this.codec.encodeStreamItem(JsonRpcId.of("a"), List.of(1)).text())
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"rpc.stream\",\"params\":{\"id\":\"a\",\"item\":[1]}}");
		assertThat(this.codec.encodeStreamItem(JsonRpcId.of("a"), JsonRpcVersion.V2, List.of(1)).text())
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"rpc.stream\",\"params\":{\"id\":\"a\",\"item\":[1]}}");
		// a 1.0 notification for an item of a 1.0 call: positional params, "id": null
		assertThat(this.codec.encodeStreamItem(JsonRpcId.of("a"), JsonRpcVersion.V1, List.of(1)).text())
			.isEqualTo("{\"method\":\"rpc.stream\",\"params\":[\"a\",[1]],\"id\":null}");
		assertThat(this.codec.encodeStreamItem(JsonRpcId.of(3), JsonRpcVersion.V1, null).text())
			.isEqualTo("{\"method\":\"rpc.stream\",\"params\":[3,null],\"id\":null}");
		JsonRpcEncodedMessage reply = this.codec
			.encodeReply(JsonRpcReply.single(JsonRpcResponse.success(JsonRpcId.of(7), "ok")));
		assertThat(reply.text()).isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"ok\",\"id\":7}");
		assertThat(reply.size()).isEqualTo(reply.text().getBytes(StandardCharsets.UTF_8).length);
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.codec.encodeReply(JsonRpcReply.empty()));
	}

	@Test
	void cancelTargetIsTheIdOfAWellFormedCancelNotification() {
		assertThat(this.codec.cancelTarget(single(this.codec
			.decodeRequests(bytes("{\"jsonrpc\":\"2.0\",\"method\":\"rpc.cancel\",\"params\":{\"id\":3}}")))))
			.isEqualTo(JsonRpcId.of(3));
		assertThat(this.codec.cancelTarget(single(this.codec
			.decodeRequests(bytes("{\"jsonrpc\":\"2.0\",\"method\":\"rpc.cancel\",\"params\":[\"x\"]}")))))
			.isEqualTo(JsonRpcId.of("x"));
		assertThat(this.codec.cancelTarget(single(this.codec
			.decodeRequests(bytes("{\"jsonrpc\":\"2.0\",\"method\":\"rpc.cancel\",\"params\":[3],\"id\":1}")))))
			.isNull();
		assertThat(this.codec.cancelTarget(single(
				this.codec.decodeRequests(bytes("{\"jsonrpc\":\"2.0\",\"method\":\"rpc.cancel\",\"params\":[{}]}")))))
			.isNull();
	}

	@Test
	void wrappedBytesAreCopied() {
		byte[] bytes = bytes("{\"jsonrpc\":\"2.0\",\"method\":\"n\"}");
		JsonRpcEncodedMessage message = JsonRpcEncodedMessage.wrap(bytes);
		bytes[0] = 'x';
		assertThat(message.text()).startsWith("{");
		assertThat(message).isEqualTo(JsonRpcEncodedMessage.wrap(message.toByteArray()));
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> JsonRpcEncodedMessage.wrap(new byte[0]));
	}

	private String call(String json) {
		return TestWaits.join(this.handler.handleText(json)).orElseThrow();
	}

	private String encode(JsonRpcResponse response) {
		return new String(this.codec.encode(response), StandardCharsets.UTF_8);
	}

	@ParameterizedTest
	@ValueSource(strings = { "c0af", "e080af", "f08080af", "eda080", "f4908080", "c3", "e282", "80", "ff", "00" })
	void malformedUtf8IsAParseError(String hex) {
		// an overlong '/', a surrogate, beyond U+10FFFF, truncated sequences, stray
		// bytes,
		// NUL
		byte[] input = concat(bytes("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\""), hex(hex),
				bytes("\"],\"id\":1}"));
		assertThat(this.codec
			.encodeToString(JsonRpcReply.single((JsonRpcResponse) this.codec.decodeRequests(input).entries().get(0))))
			.isEqualTo(parseError());
	}

	@ParameterizedTest
	@ValueSource(strings = { "66e666666666666", "1e99999999999", "-1.5e-99999999999" })
	void numberBeyondTheParserLimitsIsAParseError(String number) {
		// found by fuzzing: Jackson threw a NumberFormatException out of the codec
		assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[" + number + "],\"id\":1}"))
			.isEqualTo(parseError());
		assertThat(call("[{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"id\":" + number + "}]")).isEqualTo(parseError());
		assertThatExceptionOfType(JsonRpcProtocolException.class).isThrownBy(
				() -> this.codec.decodeResponses(bytes("{\"jsonrpc\":\"2.0\",\"result\":" + number + ",\"id\":1}")));
	}

	@Test
	void utf16AndUtf32AreParseErrors() {
		String json = "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[1],\"id\":1}";
		for (String charset : new String[] { "UTF-16BE", "UTF-16LE", "UTF-16", "UTF-32BE", "UTF-32LE" }) {
			JsonRpcInbound inbound = this.codec
				.decodeRequests(json.getBytes(java.nio.charset.Charset.forName(charset)));
			assertThat(inbound.entries()).singleElement()
				.isInstanceOfSatisfying(JsonRpcResponse.Failure.class,
						(failure) -> assertThat(failure.error().code()).isEqualTo(-32700));
		}
	}

	@Test
	void wellFormedMultiByteUtf8IsRead() {
		JsonRpcRequest request = single(this.codec.decodeRequests(
				bytes("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"\u00e9\u20ac\ud83d\ude00\"],\"id\":1}")));
		assertThat(request.params().get(0).stringValue()).isEqualTo("\u00e9\u20ac\ud83d\ude00");
	}

	@Test
	void malformedUtf8ResponseIsAProtocolError() {
		assertThatExceptionOfType(JsonRpcProtocolException.class).isThrownBy(() -> this.codec
			.decodeResponses(concat(bytes("{\"jsonrpc\":\"2.0\",\"result\":\""), hex("c0af"), bytes("\",\"id\":1}"))));
	}

	private static byte[] hex(String hex) {
		byte[] bytes = new byte[hex.length() / 2];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
		}
		return bytes;
	}

	private static byte[] concat(byte[]... parts) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static JsonRpcRequest single(JsonRpcInbound inbound) {
		assertThat(inbound.batch()).isFalse();
		assertThat(inbound.entries()).hasSize(1);
		return (JsonRpcRequest) inbound.entries().get(0);
	}

	@Test
	void responseOfTheClientIsDecodedAsAResponseToAServerCall() {
		JsonRpcIncoming success = this.codec
			.decodeIncoming(bytes("{\"jsonrpc\":\"2.0\",\"result\":{\"ok\":true},\"id\":\"srv-1\"}"));
		assertThat(success).isInstanceOfSatisfying(JsonRpcIncoming.Response.class, (response) -> {
			assertThat(response.response().id()).isEqualTo(JsonRpcId.of("srv-1"));
			assertThat(((JsonRpcResponse.Success) response.response()).result()).hasToString("{\"ok\":true}");
		});
		JsonRpcIncoming failure = this.codec.decodeIncoming(bytes(error(-32601, "Method not found", "\"srv-2\"")));
		assertThat(failure).isInstanceOfSatisfying(JsonRpcIncoming.Response.class,
				(response) -> assertThat(((JsonRpcResponse.Failure) response.response()).error().code())
					.isEqualTo(-32601));
	}

	@Test
	void requestsAndInvalidResponsesAreDecodedAsRequests() {
		JsonRpcIncoming request = this.codec
			.decodeIncoming(bytes("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[1],\"id\":1}"));
		assertThat(request).isInstanceOfSatisfying(JsonRpcIncoming.Requests.class,
				(requests) -> assertThat(single(requests.inbound()).method()).isEqualTo("echo"));
		// a response without its version is an invalid request, as it always was
		JsonRpcIncoming invalid = this.codec.decodeIncoming(bytes("{\"result\":1,\"id\":1}"));
		assertThat(invalid).isInstanceOfSatisfying(JsonRpcIncoming.Requests.class,
				(requests) -> assertThat(((JsonRpcResponse.Failure) requests.inbound().entries().get(0)).error().code())
					.isEqualTo(JsonRpcErrorCodes.INVALID_REQUEST));
		assertThat(this.codec.decodeIncoming(bytes("{\"jsonrpc\""))).isInstanceOfSatisfying(
				JsonRpcIncoming.Requests.class,
				(requests) -> assertThat(((JsonRpcResponse.Failure) requests.inbound().entries().get(0)).error().code())
					.isEqualTo(JsonRpcErrorCodes.PARSE_ERROR));
	}

	@Test
	void serverCallIsEncodedWithItsIdAndParams() {
		assertThat(this.codec.encodeCall(JsonRpcId.of("srv-7"), "confirm", java.util.List.of("Deploy?")).text())
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"confirm\",\"params\":[\"Deploy?\"],\"id\":\"srv-7\"}");
		// a single value is the one positional param; null omits them
		assertThat(this.codec.encodeCall(JsonRpcId.of("srv-8"), "confirm", "Deploy?").text())
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"confirm\",\"params\":[\"Deploy?\"],\"id\":\"srv-8\"}");
		assertThat(this.codec.encodeCall(JsonRpcId.of("srv-9"), "ping", null).text())
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"ping\",\"id\":\"srv-9\"}");
	}

	@Test
	void version1IsOffByDefaultAndKeptByOtherCopies() {
		assertThat(this.codec.isVersion1()).isFalse();
		JsonRpcMessageCodec version1 = this.codec.withVersion1(true);
		assertThat(version1.isVersion1()).isTrue();
		assertThat(version1.withStringParams(java.util.Set.of("subscribe")).isVersion1()).isTrue();
		assertThat(single(version1.decodeRequests("{\"method\":\"m\",\"params\":[1],\"id\":1}")).version())
			.isEqualTo(JsonRpcVersion.V1);
	}

	private static String error(int code, String message, String id) {
		return "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\"},\"id\":" + id
				+ "}";
	}

	private static String parseError() {
		return error(-32700, "Parse error", "null");
	}

	static class Unserializable {

		public String getValue() {
			throw new IllegalStateException("cannot be written");
		}

	}

	@Test
	void requiredArgumentsOfTheEncodingMethodsAreRefusedWhenMissing() {
		JsonRpcMessageCodec codec = JsonRpcMessageCodec.create(JsonMapper.builder().build());
		JsonRpcId id = JsonRpcId.of(1);
		JsonRpcError error = JsonRpcError.standard(JsonRpcErrorCodes.INTERNAL_ERROR);
		JsonRpcRequest request = JsonRpcRequest.call(id, "m", null);
		assertRefused(() -> codec.encodeCall(null, "m", null), "Id is required");
		assertRefused(() -> codec.encodeCall(id, null, null), "Method is required");
		assertRefused(() -> codec.encodeCall(id, " ", null), "Method is required");
		assertRefused(() -> codec.encodeStreamItem(null, JsonRpcVersion.V2, 1), "Id is required");
		assertRefused(() -> codec.encodeStreamItem(id, null, 1), "Version is required");
		assertRefused(() -> codec.errorReply(null, error), "Inbound message is required");
		assertRefused(() -> codec.errorReply(JsonRpcInbound.single(request), null), "Error is required");
		assertRefused(() -> codec.errorResponse(null, error), "Request is required");
		assertRefused(() -> codec.errorResponse(request, null), "Error is required");
	}

	private static void assertRefused(ThrowingCallable call, String message) {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(call).withMessage(message);
	}

}
