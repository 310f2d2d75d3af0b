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

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;

/**
 * The one place that knows the JSON shape of JSON-RPC 2.0 messages: single object versus
 * batch array, member presence and types, the version member, the answers of a client to
 * the server's own calls, and the JSON-RPC 1.0 shapes when {@link #withVersion1(boolean)
 * enabled}. Reads input strictly and writes responses with the application's
 * {@link JsonMapper}.
 *
 * <p>
 * Input is read with a strict parser of its own, whatever the application's mapper
 * allows: duplicate member names, {@code NaN}/{@code Infinity}, comments and trailing
 * data after the message are parse errors, and the {@link JsonRpcCodecLimits} apply.
 * Floating point numbers are read as {@link java.math.BigDecimal} so that ids of any
 * precision are echoed exactly. Results, error data and params binding use the
 * application's mapper.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcMessageCodec {

	/** The only protocol version this codec accepts and writes. */
	public static final String VERSION = "2.0";

	/**
	 * Method name of the notifications carrying the items of a streamed result:
	 * {@code {"jsonrpc":"2.0","method":"rpc.stream","params":{"id":<call
	 * id>,"item":<item>}}}.
	 */
	public static final String STREAM_METHOD = "rpc.stream";

	/**
	 * Method name of the notification by which a client cancels one of its calls:
	 * {@code {"jsonrpc":"2.0","method":"rpc.cancel","params":{"id":<call id>}}} (or
	 * {@code "params":[<call id>]}).
	 */
	public static final String CANCEL_METHOD = "rpc.cancel";

	private static final Log logger = LogFactory.getLog(JsonRpcMessageCodec.class);

	private static final byte[] NO_CONTENT = new byte[0];

	private final JsonMapper mapper;

	private final ObjectReader treeReader;

	private final JsonRpcCodecLimits limits;

	private final Set<String> stringParamsMethods;

	private final boolean version1;

	private final DirectWrites directWrites;

	private JsonRpcMessageCodec(JsonMapper mapper, JsonRpcCodecLimits limits) {
		Assert.notNull(mapper, "JsonMapper is required");
		Assert.notNull(limits, "Limits are required");
		this.mapper = mapper;
		// a reply is one byte array: a larger budget (a DataSize is a long) cannot be met
		this.limits = (limits.maxReplyBytes() > BoundedOutputStream.MAX_ARRAY_LENGTH)
				? limits.withMaxReplyBytes(BoundedOutputStream.MAX_ARRAY_LENGTH) : limits;
		this.treeReader = strictTreeReader(limits);
		this.stringParamsMethods = Set.of();
		this.version1 = false;
		this.directWrites = DirectWrites.of(mapper);
	}

	private JsonRpcMessageCodec(JsonRpcMessageCodec codec, Set<String> stringParamsMethods, boolean version1) {
		this.mapper = codec.mapper;
		this.limits = codec.limits;
		this.treeReader = codec.treeReader;
		this.stringParamsMethods = Set.copyOf(stringParamsMethods);
		this.version1 = version1;
		this.directWrites = codec.directWrites;
	}

	/**
	 * Create a codec with the default limits.
	 * @param mapper the application's mapper, used for results, error data and params
	 * @return the codec
	 */
	public static JsonRpcMessageCodec create(JsonMapper mapper) {
		return new JsonRpcMessageCodec(mapper, JsonRpcCodecLimits.DEFAULTS);
	}

	/**
	 * Create a codec.
	 * @param mapper the application's mapper, used for results, error data and params
	 * @param limits the limits applied while reading
	 * @return the codec
	 */
	public static JsonRpcMessageCodec create(JsonMapper mapper, JsonRpcCodecLimits limits) {
		return new JsonRpcMessageCodec(mapper, limits);
	}

	private static ObjectReader strictTreeReader(JsonRpcCodecLimits limits) {
		StreamReadConstraints constraints = StreamReadConstraints.builder()
			.maxNestingDepth(limits.maxNestingDepth())
			.maxNumberLength(limits.maxNumberLength())
			.maxStringLength(limits.maxStringLength())
			.maxNameLength(limits.maxNameLength())
			.build();
		JsonFactory factory = JsonFactory.builder().streamReadConstraints(constraints).build();
		// duplicates are caught while the tree is built, at no cost for the common case;
		// the
		// parser's own detection (STRICT_DUPLICATE_DETECTION) allocates a set for every
		// object
		// of three or more members, which is every request
		return JsonMapper.builder(factory)
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
					DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
			.build()
			.readerFor(JsonNode.class);
	}

	/**
	 * Return a codec that also accepts a JSON string as the {@code params} of the given
	 * methods, for client dialects that send one topic name that way (the
	 * aiohttp-json-rpc client's {@code {"method":"subscribe","params":"clock"}}). Every
	 * other method still gets {@code -32600} for params that are neither an array nor an
	 * object.
	 * @param methods the method names
	 * @return a codec sharing this one's mapper and limits
	 */
	public JsonRpcMessageCodec withStringParams(Set<String> methods) {
		Assert.notNull(methods, "Methods are required");
		return methods.equals(this.stringParamsMethods) ? this : new JsonRpcMessageCodec(this, methods, this.version1);
	}

	/**
	 * Return a codec that also reads JSON-RPC 1.0 requests: a single request object
	 * without a {@code "jsonrpc"} member is read as a 1.0 one and answered in the 1.0
	 * shape ({@link JsonRpcVersion#V1}). Off by default, where such a request is
	 * {@code -32600}. Batches stay 2.0 only: a 1.0 object inside one is {@code -32600}.
	 * @param enabled whether 1.0 requests are read
	 * @return a codec sharing this one's mapper and limits
	 */
	public JsonRpcMessageCodec withVersion1(boolean enabled) {
		return (enabled == this.version1) ? this : new JsonRpcMessageCodec(this, this.stringParamsMethods, enabled);
	}

	/**
	 * Return whether this codec reads JSON-RPC 1.0 requests.
	 * @return {@code true} if {@link #withVersion1(boolean) enabled}
	 */
	public boolean isVersion1() {
		return this.version1;
	}

	/**
	 * Return the application's mapper this codec writes with.
	 * @return the mapper
	 */
	public JsonMapper mapper() {
		return this.mapper;
	}

	/**
	 * Return the limits applied while reading, and the reply budget. A configured budget
	 * above the largest byte array ({@code Integer.MAX_VALUE - 8} bytes) is capped to it.
	 * @return the limits
	 */
	public JsonRpcCodecLimits limits() {
		return this.limits;
	}

	// Reading requests (server side)

	/**
	 * Decode the requests in a message. Never throws for bad input: text that is not JSON
	 * becomes a single {@code -32700} failure with a null id, an empty batch or a value
	 * that is neither an object nor an array becomes a single {@code -32600} failure, and
	 * each invalid entry of a batch becomes its own {@code -32600} failure.
	 * @param input the UTF-8 encoded message
	 * @return the decoded message
	 */
	public JsonRpcInbound decodeRequests(byte[] input) {
		if (!JsonRpcUtf8.isValid(input)) {
			// UTF-8 only: the parser would otherwise detect UTF-16/32 or decode overlong
			// forms
			logger.debug("Unparsable JSON-RPC input: not well-formed UTF-8");
			return JsonRpcInbound.failed(failure(JsonRpcErrorCodes.PARSE_ERROR));
		}
		JsonNode tree;
		try {
			tree = this.treeReader.readValue(input);
		}
		catch (JacksonException | NumberFormatException ex) {
			// Jackson reports a number beyond its limits (e.g. 1e999999999 as a
			// BigDecimal) with a NumberFormatException: found by fuzzing
			return parseError(ex);
		}
		return decodeRequests(tree);
	}

	/**
	 * Decode the requests in a message.
	 * @param input the message
	 * @return the decoded message
	 * @see #decodeRequests(byte[])
	 */
	public JsonRpcInbound decodeRequests(String input) {
		JsonNode tree;
		try {
			tree = this.treeReader.readValue(input);
		}
		catch (JacksonException | NumberFormatException ex) {
			// Jackson reports a number beyond its limits (e.g. 1e999999999 as a
			// BigDecimal) with a NumberFormatException: found by fuzzing
			return parseError(ex);
		}
		return decodeRequests(tree);
	}

	/**
	 * Decode a message received on a connection on which the server also calls the
	 * client: a single response object (no {@code method}, a {@code result} or an
	 * {@code error}) is the client's response to one of those calls; anything else is
	 * decoded as {@link #decodeRequests(byte[])} does. Never throws for bad input.
	 * @param input the UTF-8 encoded message
	 * @return the decoded message
	 */
	public JsonRpcIncoming decodeIncoming(byte[] input) {
		if (!JsonRpcUtf8.isValid(input)) {
			return new JsonRpcIncoming.Requests(decodeRequests(input));
		}
		JsonNode tree;
		try {
			tree = this.treeReader.readValue(input);
		}
		catch (JacksonException | NumberFormatException ex) {
			return new JsonRpcIncoming.Requests(parseError(ex));
		}
		if (tree != null && tree.isObject() && tree.get("method") == null
				&& (tree.get("result") != null || tree.get("error") != null)) {
			try {
				return new JsonRpcIncoming.Response(readResponse(tree));
			}
			catch (JsonRpcProtocolException ex) {
				// answered as an invalid request, as before calls to the client existed
				if (logger.isDebugEnabled()) {
					logger.debug("Invalid JSON-RPC response from a client: " + JsonRpcLogText.escape(ex.getMessage()));
				}
			}
		}
		return new JsonRpcIncoming.Requests(decodeRequests(tree));
	}

	private JsonRpcInbound decodeRequests(@Nullable JsonNode tree) {
		if (tree == null || tree.isMissingNode()) {
			return JsonRpcInbound.failed(failure(JsonRpcErrorCodes.PARSE_ERROR));
		}
		if (tree.isArray()) {
			if (tree.isEmpty()) {
				// the specification answers an empty batch with a single error, not an
				// array
				return JsonRpcInbound.failed(failure(JsonRpcErrorCodes.INVALID_REQUEST));
			}
			JsonRpcMessage[] entries = new JsonRpcMessage[tree.size()];
			for (int i = 0; i < entries.length; i++) {
				// batches are a 2.0 feature: a 1.0 object inside one is invalid
				entries[i] = decodeEntry(tree.get(i), false);
			}
			return new JsonRpcInbound(true, new DecodedEntries(entries));
		}
		return new JsonRpcInbound(false, List.of(decodeEntry(tree, this.version1)));
	}

	private JsonRpcMessage decodeEntry(JsonNode node, boolean version1) {
		try {
			return (version1 && node.isObject() && node.get("jsonrpc") == null) ? readVersion1Request(node)
					: readRequest(node);
		}
		catch (JsonRpcProtocolException ex) {
			if (logger.isDebugEnabled()) {
				logger.debug(
						"Invalid JSON-RPC request (id " + ex.getId() + "): " + JsonRpcLogText.escape(ex.getMessage()));
			}
			return ex.toResponse();
		}
	}

	/**
	 * Read one request object.
	 * @param node the JSON value of the request
	 * @return the request
	 * @throws JsonRpcProtocolException with code {@code -32600} and the id when it could
	 * be read, if the value is not a valid request object
	 */
	public JsonRpcRequest readRequest(JsonNode node) {
		if (!NodeTypes.isObject(node)) {
			throw invalidRequest(null, "request is not an object");
		}
		JsonRpcId id = null;
		JsonNode idNode = node.get("id");
		if (idNode != null) {
			if (!JsonRpcId.isValid(idNode)) {
				throw invalidRequest(null, "'id' must be a string, a number or null");
			}
			id = JsonRpcId.of(idNode);
		}
		JsonNode version = node.get("jsonrpc");
		if (version == null || !NodeTypes.isString(version) || !VERSION.equals(version.stringValue())) {
			throw invalidRequest(id, "'jsonrpc' must be \"2.0\"");
		}
		JsonNode method = node.get("method");
		if (method == null || !NodeTypes.isString(method)) {
			throw invalidRequest(id, "'method' must be a string");
		}
		String methodName = method.stringValue();
		if (methodName.length() > this.limits.maxMethodNameLength()) {
			throw invalidRequest(id, "'method' is too long");
		}
		JsonNode params = node.get("params");
		if (params == null) {
			return new JsonRpcRequest(id, methodName, null);
		}
		if (NodeTypes.isString(params) && this.stringParamsMethods.contains(methodName)) {
			// the one-topic shape of the aiohttp-json-rpc client, read as positional
			// params
			params = this.mapper.createArrayNode().add(params);
		}
		if (!NodeTypes.isContainer(params)) {
			throw invalidRequest(id, "'params' must be an array or an object");
		}
		return new JsonRpcRequest(id, methodName, params);
	}

	/**
	 * Read a JSON-RPC 1.0 request: a method, positional params and an id, {@code null}
	 * for a notification. Errors are answered in the 1.0 shape.
	 */
	private JsonRpcRequest readVersion1Request(JsonNode node) {
		JsonNode idNode = node.get("id");
		if (idNode == null || !JsonRpcId.isValid(idNode)) {
			// 1.0 has no notification without an id: it is "id": null
			throw invalidVersion1Request(null, "'id' must be a string, a number or null");
		}
		// "id": null is the 1.0 notification: no response, as a 2.0 request without id
		JsonRpcId id = idNode.isNull() ? null : JsonRpcId.of(idNode);
		JsonNode method = node.get("method");
		if (method == null || !method.isString()) {
			throw invalidVersion1Request(id, "'method' must be a string");
		}
		String methodName = method.stringValue();
		if (methodName.length() > this.limits.maxMethodNameLength()) {
			throw invalidVersion1Request(id, "'method' is too long");
		}
		JsonNode params = node.get("params");
		if (params != null && !params.isArray()) {
			throw invalidVersion1Request(id, "'params' must be an array");
		}
		return new JsonRpcRequest(id, methodName, params, JsonRpcVersion.V1);
	}

	private static JsonRpcProtocolException invalidVersion1Request(@Nullable JsonRpcId id, String reason) {
		return new JsonRpcProtocolException(JsonRpcError.standard(JsonRpcErrorCodes.INVALID_REQUEST), id,
				JsonRpcVersion.V1, new IllegalArgumentException(reason));
	}

	private static JsonRpcInbound parseError(RuntimeException ex) {
		if (logger.isDebugEnabled()) {
			String message = (ex instanceof JacksonException jackson) ? jackson.getOriginalMessage() : ex.getMessage();
			logger.debug("Unparsable JSON-RPC input: " + JsonRpcLogText.escape(message));
		}
		return JsonRpcInbound.failed(failure(JsonRpcErrorCodes.PARSE_ERROR));
	}

	private static JsonRpcResponse.Failure failure(int code) {
		return JsonRpcResponse.failure(JsonRpcId.NULL, JsonRpcError.standard(code));
	}

	private static JsonRpcProtocolException invalidRequest(@Nullable JsonRpcId id, String reason) {
		// the reason goes to the debug log; the error itself is the specification's,
		// exactly
		return new JsonRpcProtocolException(JsonRpcError.standard(JsonRpcErrorCodes.INVALID_REQUEST), id,
				new IllegalArgumentException(reason));
	}

	// Writing responses (server side)

	/**
	 * Encode a reply: a single response object or a batch array. A response that does not
	 * fit in the reply budget ({@link JsonRpcCodecLimits#maxReplyBytes()}), counted over
	 * the whole array, is replaced by {@link JsonRpcError#replyTooLarge(long)} for its
	 * id, and so is every response after it.
	 * @param reply the reply
	 * @return the UTF-8 encoded JSON, empty when the reply is empty
	 */
	public byte[] encode(JsonRpcReply reply) {
		if (reply.isEmpty()) {
			return NO_CONTENT;
		}
		if (!reply.batch()) {
			return encode(reply.responses().get(0));
		}
		try {
			// one generator for the whole array: the common case, where every value can
			// be written and the whole reply fits
			return writeBatch(reply.responses());
		}
		catch (JacksonException | BoundedOutputStream.ReplyTooLargeException ex) {
			// start again one response at a time, so that only the bad ones are replaced
			return encodeEach(reply.responses());
		}
	}

	private byte[] writeBatch(List<JsonRpcResponse> responses) {
		BoundedOutputStream out = new BoundedOutputStream(this.limits.maxReplyBytes());
		try (JsonGenerator generator = this.mapper.createGenerator(out)) {
			generator.writeStartArray();
			// by index: no iterator for every reply
			for (int i = 0; i < responses.size(); i++) {
				writeResponse(generator, responses.get(i));
			}
			generator.writeEndArray();
		}
		return out.toByteArray();
	}

	private byte[] encodeEach(List<JsonRpcResponse> responses) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(128 * responses.size());
		out.write('[');
		boolean first = true;
		long remaining = this.limits.maxReplyBytes();
		for (JsonRpcResponse response : responses) {
			if (!first) {
				out.write(',');
			}
			byte[] encoded = (remaining > 0) ? encode(response, remaining) : null;
			if (encoded == null || encoded.length > remaining) {
				// once the budget is spent, the rest get the small error response only
				remaining = 0;
				encoded = write(replacement(response, JsonRpcError.replyTooLarge(this.limits.maxReplyBytes())));
			}
			else {
				remaining -= encoded.length;
			}
			out.writeBytes(encoded);
			first = false;
		}
		out.write(']');
		return out.toByteArray();
	}

	/**
	 * Encode a reply as text.
	 * @param reply the reply
	 * @return the JSON text, empty when the reply is empty
	 */
	public String encodeToString(JsonRpcReply reply) {
		return new String(encode(reply), StandardCharsets.UTF_8);
	}

	/**
	 * Encode one response. A result or error data that the mapper cannot write is logged
	 * and replaced by a {@code -32603} error for the same id, so that a bad value never
	 * produces broken JSON; one that does not fit in the reply budget is replaced by
	 * {@link JsonRpcError#replyTooLarge(long)}.
	 * @param response the response
	 * @return the UTF-8 encoded JSON object
	 */
	public byte[] encode(JsonRpcResponse response) {
		byte[] encoded = encode(response, this.limits.maxReplyBytes());
		if (encoded == null) {
			return write(replacement(response, JsonRpcError.replyTooLarge(this.limits.maxReplyBytes())));
		}
		return encoded;
	}

	private byte @Nullable [] encode(JsonRpcResponse response, long maxBytes) {
		try {
			return write(response, maxBytes);
		}
		catch (BoundedOutputStream.ReplyTooLargeException ex) {
			if (logger.isDebugEnabled()) {
				logger.debug("JSON-RPC response for id " + response.id() + " exceeds the reply budget of "
						+ this.limits.maxReplyBytes() + " bytes");
			}
			return null;
		}
		catch (JacksonException ex) {
			if (isReplyTooLarge(ex)) {
				// the mapper wrapped the budget's signal on its way out of a serializer
				return null;
			}
			logger.error("Failed to write JSON-RPC response for id " + response.id(), ex);
			return write(replacement(response, JsonRpcError.standard(JsonRpcErrorCodes.INTERNAL_ERROR)));
		}
	}

	private static JsonRpcResponse replacement(JsonRpcResponse response, JsonRpcError error) {
		// a replaced response keeps the shape of the request it answers
		return JsonRpcResponse.failure(response.id(), error).withVersion(response.version());
	}

	private static boolean isReplyTooLarge(Throwable ex) {
		Throwable cause = ex;
		// bounded: a cause chain may loop
		for (int depth = 0; cause != null && depth < 16; depth++) {
			if (cause instanceof BoundedOutputStream.ReplyTooLargeException) {
				return true;
			}
			cause = cause.getCause();
		}
		return false;
	}

	private byte[] write(JsonRpcResponse response) {
		return write(response, Long.MAX_VALUE);
	}

	private byte[] write(JsonRpcResponse response, long maxBytes) {
		BoundedOutputStream out = new BoundedOutputStream(maxBytes);
		try (JsonGenerator generator = this.mapper.createGenerator(out)) {
			writeResponse(generator, response);
		}
		return out.toByteArray();
	}

	private void writeResponse(JsonGenerator generator, JsonRpcResponse response) {
		generator.writeStartObject();
		if (response.version() == JsonRpcVersion.V1) {
			// 1.0: no version member, both result and error with one of them null
			writeVersion1Outcome(generator, response);
		}
		else {
			generator.writeStringProperty("jsonrpc", VERSION);
			if (response instanceof JsonRpcResponse.Success success) {
				generator.writeName("result");
				writeResult(generator, success.result());
			}
			else if (response instanceof JsonRpcResponse.Failure failure) {
				writeError(generator, failure.error());
			}
		}
		generator.writeName("id");
		writeId(generator, response.id().value());
		generator.writeEndObject();
	}

	private void writeResult(JsonGenerator generator, @Nullable Object result) {
		if (!this.directWrites.write(generator, result)) {
			generator.writePOJO(result);
		}
	}

	private void writeId(JsonGenerator generator, JsonNode id) {
		if (!this.directWrites.writeId(generator, id)) {
			generator.writeTree(id);
		}
	}

	private void writeVersion1Outcome(JsonGenerator generator, JsonRpcResponse response) {
		if (response instanceof JsonRpcResponse.Success success) {
			generator.writeName("result");
			writeResult(generator, success.result());
			generator.writeNullProperty("error");
		}
		else if (response instanceof JsonRpcResponse.Failure failure) {
			generator.writeNullProperty("result");
			writeError(generator, failure.error());
		}
	}

	private void writeError(JsonGenerator generator, JsonRpcError error) {
		generator.writeName("error");
		generator.writeStartObject();
		generator.writeNumberProperty("code", error.code());
		generator.writeStringProperty("message", error.message());
		if (error.data() != null) {
			generator.writeName("data");
			generator.writePOJO(error.data());
		}
		generator.writeEndObject();
	}

	/**
	 * Return the reply that answers every call of a received message with the same error,
	 * for the answers a transport makes itself, outside the handler (a call cancelled,
	 * rejected over a limit, or whose handler failed). Each response is written in the
	 * protocol version of its request, as the handler's are; notifications get none, and
	 * entries that could not be read keep their own error.
	 * @param inbound the received message
	 * @param error the error
	 * @return the reply, empty when nothing in the message expects one
	 */
	public JsonRpcReply errorReply(JsonRpcInbound inbound, JsonRpcError error) {
		Assert.notNull(inbound, "Inbound message is required");
		Assert.notNull(error, "Error is required");
		List<JsonRpcResponse> responses = new ArrayList<>(inbound.entries().size());
		for (JsonRpcMessage entry : inbound.entries()) {
			if (entry instanceof JsonRpcRequest request && !request.isNotification()) {
				responses.add(errorResponse(request, error));
			}
			else if (entry instanceof JsonRpcResponse.Failure failure) {
				responses.add(failure);
			}
		}
		if (responses.isEmpty()) {
			return JsonRpcReply.empty();
		}
		return inbound.batch() ? JsonRpcReply.batch(responses) : JsonRpcReply.single(responses.get(0));
	}

	/**
	 * Return the error response to a request, in the shape of the request's protocol
	 * version.
	 * @param request the request, not a notification
	 * @param error the error
	 * @return the response
	 */
	public JsonRpcResponse errorResponse(JsonRpcRequest request, JsonRpcError error) {
		Assert.notNull(request, "Request is required");
		Assert.notNull(error, "Error is required");
		return JsonRpcResponse.failure(request.responseId(), error).withVersion(request.version());
	}

	/**
	 * Encode a reply for writing to a connection.
	 * @param reply the reply, not empty
	 * @return the encoded reply
	 */
	public JsonRpcEncodedMessage encodeReply(JsonRpcReply reply) {
		Assert.isTrue(!reply.isEmpty(), "An empty reply has nothing to encode");
		return JsonRpcEncodedMessage.of(encode(reply));
	}

	// Messages the server sends on its own (notifications, stream items)

	/**
	 * Encode a notification:
	 * {@code {"jsonrpc":"2.0","method":<method>,"params":<params>}}.
	 * @param method the method name, e.g. a topic
	 * @param params the params, written with the application's mapper; {@code null} to
	 * omit them
	 * @return the encoded notification, to be shared by every recipient
	 * @throws IllegalArgumentException if the mapper cannot write the params
	 */
	public JsonRpcEncodedMessage encodeNotification(String method, @Nullable Object params) {
		Assert.hasText(method, "Method is required");
		ByteArrayOutputStream out = new ByteArrayOutputStream(64);
		try (JsonGenerator generator = this.mapper.createGenerator(out)) {
			generator.writeStartObject();
			generator.writeStringProperty("jsonrpc", VERSION);
			generator.writeStringProperty("method", method);
			if (params != null) {
				generator.writeName("params");
				generator.writePOJO(params);
			}
			generator.writeEndObject();
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Cannot write the params of notification '" + method + "'", ex);
		}
		return JsonRpcEncodedMessage.of(out.toByteArray());
	}

	/**
	 * Encode a call the server makes to a client:
	 * {@code {"jsonrpc":"2.0","method":<method>,"params":<params>,"id":<id>}}.
	 * @param id the id, from the server's own id space
	 * @param method the method name
	 * @param params the params, written with the application's mapper: a value that is
	 * written as an array or an object is sent as it is, any other value as an array of
	 * one; {@code null} to omit them
	 * @return the encoded request
	 * @throws IllegalArgumentException if the mapper cannot write the params
	 */
	public JsonRpcEncodedMessage encodeCall(JsonRpcId id, String method, @Nullable Object params) {
		Assert.notNull(id, "Id is required");
		Assert.hasText(method, "Method is required");
		JsonNode paramsNode = null;
		if (params != null) {
			try {
				paramsNode = this.mapper.valueToTree(params);
			}
			catch (JacksonException ex) {
				throw new IllegalArgumentException("Cannot write the params of call '" + method + "'", ex);
			}
			if (paramsNode != null && !paramsNode.isContainer()) {
				// params are an array or an object: a single value is the first of an
				// array
				paramsNode = this.mapper.createArrayNode().add(paramsNode);
			}
		}
		return JsonRpcEncodedMessage.of(encode(JsonRpcRequest.call(id, method, paramsNode)));
	}

	/**
	 * Encode one item of a streamed result as a JSON-RPC 2.0 {@link #STREAM_METHOD
	 * rpc.stream} notification:
	 * {@code {"jsonrpc":"2.0","method":"rpc.stream","params":{"id":<call
	 * id>,"item":<item>}}}.
	 * @param id the id of the call whose result is streamed
	 * @param item the item, written with the application's mapper
	 * @return the encoded notification
	 * @throws IllegalArgumentException if the mapper cannot write the item
	 * @see #encodeStreamItem(JsonRpcId, JsonRpcVersion, Object)
	 */
	public JsonRpcEncodedMessage encodeStreamItem(JsonRpcId id, @Nullable Object item) {
		return encodeStreamItem(id, JsonRpcVersion.V2, item);
	}

	/**
	 * Encode one item of a streamed result as an {@link #STREAM_METHOD rpc.stream}
	 * notification in the protocol version of the call, as its final response is: for 2.0
	 * {@code {"jsonrpc":"2.0","method":"rpc.stream","params":{"id":<call
	 * id>,"item":<item>}}}; for a JSON-RPC 1.0 call a 1.0 notification,
	 * {@code {"method":"rpc.stream","params":[<call id>,<item>],"id":null}}: no
	 * {@code "jsonrpc"} member, positional params (1.0 has no named ones), {@code "id":
	 * null}.
	 * @param id the id of the call whose result is streamed
	 * @param version the protocol version of the call
	 * @param item the item, written with the application's mapper
	 * @return the encoded notification
	 * @throws IllegalArgumentException if the mapper cannot write the item
	 */
	public JsonRpcEncodedMessage encodeStreamItem(JsonRpcId id, JsonRpcVersion version, @Nullable Object item) {
		Assert.notNull(id, "Id is required");
		Assert.notNull(version, "Version is required");
		ByteArrayOutputStream out = new ByteArrayOutputStream(64);
		try (JsonGenerator generator = this.mapper.createGenerator(out)) {
			generator.writeStartObject();
			if (version == JsonRpcVersion.V1) {
				generator.writeStringProperty("method", STREAM_METHOD);
				generator.writeName("params");
				generator.writeStartArray();
				generator.writeTree(id.value());
				generator.writePOJO(item);
				generator.writeEndArray();
				generator.writeNullProperty("id");
			}
			else {
				generator.writeStringProperty("jsonrpc", VERSION);
				generator.writeStringProperty("method", STREAM_METHOD);
				generator.writeName("params");
				generator.writeStartObject();
				generator.writeName("id");
				generator.writeTree(id.value());
				generator.writeName("item");
				generator.writePOJO(item);
				generator.writeEndObject();
			}
			generator.writeEndObject();
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Cannot write a stream item of call " + id, ex);
		}
		return JsonRpcEncodedMessage.of(out.toByteArray());
	}

	/**
	 * Return the call a {@link #CANCEL_METHOD rpc.cancel} notification cancels.
	 * @param request a decoded request
	 * @return the id of the call to cancel, or {@code null} if the request is not a
	 * well-formed cancel notification
	 */
	public @Nullable JsonRpcId cancelTarget(JsonRpcRequest request) {
		if (request.id() != null || !CANCEL_METHOD.equals(request.method())) {
			return null;
		}
		JsonNode params = request.params();
		JsonNode id = (params == null) ? null : params.isArray() ? params.get(0) : params.get("id");
		return (id != null && JsonRpcId.isValid(id)) ? JsonRpcId.of(id) : null;
	}

	// Client side

	/**
	 * Encode a request (client side).
	 * @param request the request
	 * @return the UTF-8 encoded JSON object
	 */
	public byte[] encode(JsonRpcRequest request) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(128);
		try (JsonGenerator generator = this.mapper.createGenerator(out)) {
			writeRequest(generator, request);
		}
		return out.toByteArray();
	}

	/**
	 * Encode a batch of requests (client side).
	 * @param requests the requests, at least one
	 * @return the UTF-8 encoded JSON array
	 */
	public byte[] encodeBatch(List<JsonRpcRequest> requests) {
		Assert.notEmpty(requests, "A batch needs at least one request");
		ByteArrayOutputStream out = new ByteArrayOutputStream(128 * requests.size());
		try (JsonGenerator generator = this.mapper.createGenerator(out)) {
			generator.writeStartArray();
			for (JsonRpcRequest request : requests) {
				writeRequest(generator, request);
			}
			generator.writeEndArray();
		}
		return out.toByteArray();
	}

	private void writeRequest(JsonGenerator generator, JsonRpcRequest request) {
		generator.writeStartObject();
		generator.writeStringProperty("jsonrpc", VERSION);
		generator.writeStringProperty("method", request.method());
		if (request.params() != null) {
			generator.writeName("params");
			generator.writeTree(request.params());
		}
		if (request.id() != null) {
			generator.writeName("id");
			generator.writeTree(request.id().value());
		}
		generator.writeEndObject();
	}

	/**
	 * Decode the responses in a message (client side). Results and error data are kept as
	 * {@link JsonNode}s.
	 * @param input the UTF-8 encoded message: a response object or an array of them
	 * @return the responses, in the order received
	 * @throws JsonRpcProtocolException if the input is not JSON or not a valid response
	 */
	public List<JsonRpcResponse> decodeResponses(byte[] input) {
		if (!JsonRpcUtf8.isValid(input)) {
			throw new JsonRpcProtocolException(JsonRpcError.standard(JsonRpcErrorCodes.PARSE_ERROR), null);
		}
		JsonNode tree;
		try {
			tree = this.treeReader.readValue(input);
		}
		catch (JacksonException | NumberFormatException ex) {
			throw new JsonRpcProtocolException(JsonRpcError.standard(JsonRpcErrorCodes.PARSE_ERROR), null, ex);
		}
		if (tree == null || tree.isMissingNode()) {
			throw new JsonRpcProtocolException(JsonRpcError.standard(JsonRpcErrorCodes.PARSE_ERROR), null);
		}
		if (tree.isArray()) {
			List<JsonRpcResponse> responses = new ArrayList<>(tree.size());
			for (JsonNode element : tree) {
				responses.add(readResponse(element));
			}
			return responses;
		}
		return List.of(readResponse(tree));
	}

	/**
	 * Read one response object (client side).
	 * @param node the JSON value of the response
	 * @return the response
	 * @throws JsonRpcProtocolException if it is not a valid response object
	 */
	public JsonRpcResponse readResponse(JsonNode node) {
		if (!node.isObject()) {
			throw invalidResponse("response is not an object");
		}
		JsonNode version = node.get("jsonrpc");
		if (version == null || !VERSION.equals(version.stringValue(null))) {
			throw invalidResponse("'jsonrpc' must be \"2.0\"");
		}
		JsonNode idNode = node.get("id");
		if (idNode == null || !JsonRpcId.isValid(idNode)) {
			throw invalidResponse("'id' must be a string, a number or null");
		}
		JsonRpcId id = JsonRpcId.of(idNode);
		JsonNode result = node.get("result");
		JsonNode error = node.get("error");
		if ((result == null) == (error == null)) {
			throw invalidResponse("exactly one of 'result' and 'error' must be present");
		}
		if (result != null) {
			return JsonRpcResponse.success(id, result);
		}
		JsonNode code = error.get("code");
		JsonNode message = error.get("message");
		if (!error.isObject() || code == null || !code.isIntegralNumber() || message == null || !message.isString()) {
			throw invalidResponse("'error' must have an integer 'code' and a string 'message'");
		}
		JsonNode data = error.get("data");
		return JsonRpcResponse.failure(id, new JsonRpcError(code.intValue(), message.stringValue(), data));
	}

	private static JsonRpcProtocolException invalidResponse(String reason) {
		return new JsonRpcProtocolException(
				JsonRpcError.of(JsonRpcErrorCodes.INVALID_REQUEST, "Invalid response: " + reason), null);
	}

}
