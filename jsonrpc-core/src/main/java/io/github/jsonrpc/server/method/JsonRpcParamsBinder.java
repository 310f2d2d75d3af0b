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
package io.github.jsonrpc.server.method;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.jsonrpc.protocol.JsonRpcError;
import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import io.github.jsonrpc.server.JsonRpcException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.StringNode;

/**
 * Binds {@code params} to the params-bound parameters of one method, checking arity and
 * names first. Every failure is a {@code -32602 Invalid params} error whose message names
 * the parameter and the JSON kind expected, never a Java type or a parser message.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class JsonRpcParamsBinder {

	private static final Object[] NO_VALUES = new Object[0];

	private static final String ARGS = "args";

	private static final String KWARGS = "kwargs";

	private final List<JsonRpcParameter> parameters;

	private final Map<String, JsonRpcParameter> byName;

	// two parameters may be given one name (@JsonRpcParam, a naming style): then counting
	// the members found does not prove that every member names a parameter
	private final boolean distinctNames;

	private final ObjectReader[] readers;

	private final Shortcut[] shortcuts;

	// whether each parameter is an Optional, decided once rather than on every call
	private final boolean[] optionals;

	private final boolean wholeParams;

	private final boolean varargs;

	private final boolean argsKwargs;

	private final JsonMapper mapper;

	JsonRpcParamsBinder(JsonMapper mapper, List<JsonRpcParameter> parameters, boolean wholeParams, boolean varargs,
			boolean argsKwargs) {
		this.mapper = mapper;
		this.parameters = List.copyOf(parameters);
		Map<String, JsonRpcParameter> byName = new java.util.HashMap<>();
		for (JsonRpcParameter parameter : parameters) {
			byName.put(parameter.name(), parameter);
		}
		this.byName = Map.copyOf(byName);
		this.distinctNames = byName.size() == parameters.size();
		this.readers = new ObjectReader[parameters.size()];
		for (int i = 0; i < this.readers.length; i++) {
			// a careful server does not silently truncate 1.5 to 1; a single tree node
			// never
			// has trailing tokens, so the check for them is skipped
			this.readers[i] = mapper.readerFor(parameters.get(i).type())
				.without(DeserializationFeature.ACCEPT_FLOAT_AS_INT, DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
		}
		this.shortcuts = new Shortcut[parameters.size()];
		for (int i = 0; i < this.shortcuts.length; i++) {
			this.shortcuts[i] = Shortcut.of(mapper, parameters.get(i));
		}
		this.optionals = new boolean[parameters.size()];
		for (int i = 0; i < this.optionals.length; i++) {
			this.optionals[i] = parameters.get(i).methodParameter().getParameterType() == Optional.class;
		}
		this.wholeParams = wholeParams;
		this.varargs = varargs;
		// a method with a parameter named args or kwargs binds those names as usual
		this.argsKwargs = argsKwargs && !wholeParams && !byName.containsKey(ARGS) && !byName.containsKey(KWARGS);
	}

	boolean bindsWholeParams() {
		return this.wholeParams;
	}

	List<JsonRpcParameter> parameters() {
		return this.parameters;
	}

	Object[] bind(@Nullable JsonNode params) {
		if (this.parameters.isEmpty()) {
			if (params != null && !params.isEmpty()) {
				throw invalidParams("Invalid params: method takes no params");
			}
			return NO_VALUES;
		}
		if (this.wholeParams) {
			return new Object[] { value(0, params) };
		}
		Object[] values = new Object[this.parameters.size()];
		if (this.argsKwargs && isArgsKwargs(params)) {
			bindArgsKwargs(params, values);
		}
		else if (params == null || params.isArray()) {
			bindPositional(params, values);
		}
		else {
			bindNamed(params, values);
		}
		return values;
	}

	private void bindPositional(@Nullable JsonNode params, Object[] values) {
		int given = (params != null) ? params.size() : 0;
		int count = this.parameters.size();
		if (!this.varargs && given > count) {
			throw invalidParams("Invalid params: expected at most " + count + " but got " + given);
		}
		for (int i = 0; i < count; i++) {
			JsonNode node = (params != null && i < given) ? params.get(i) : null;
			if (this.varargs && i == count - 1 && params != null) {
				ArrayNode rest = JsonNodeFactory.instance.arrayNode();
				for (int j = i; j < given; j++) {
					rest.add(params.get(j));
				}
				node = rest;
			}
			values[i] = value(i, node);
		}
	}

	// aiohttp-json-rpc's attribute-style calls: {"args": [...], "kwargs": {...}}
	private static boolean isArgsKwargs(@Nullable JsonNode params) {
		if (params == null || !params.isObject()) {
			return false;
		}
		JsonNode args = params.get(ARGS);
		JsonNode kwargs = params.get(KWARGS);
		int members = 0;
		if (args != null) {
			if (!args.isArray()) {
				return false;
			}
			members++;
		}
		if (kwargs != null) {
			if (!kwargs.isObject()) {
				return false;
			}
			members++;
		}
		return members > 0 && members == params.size();
	}

	private void bindArgsKwargs(JsonNode params, Object[] values) {
		JsonNode args = params.get(ARGS);
		JsonNode kwargs = params.get(KWARGS);
		int given = (args != null) ? args.size() : 0;
		int count = this.parameters.size();
		if (!this.varargs && given > count) {
			throw invalidParams("Invalid params: expected at most " + count + " but got " + given);
		}
		if (kwargs != null) {
			Iterator<String> names = kwargs.propertyNames().iterator();
			while (names.hasNext()) {
				String name = names.next();
				JsonRpcParameter parameter = this.byName.get(name);
				if (parameter == null) {
					throw invalidParams("Invalid params: unknown parameter '" + name + "'");
				}
				if (parameter.position() < given) {
					throw invalidParams("Invalid params: parameter '" + name + "' is given in args and kwargs");
				}
			}
		}
		for (int i = 0; i < count; i++) {
			JsonNode node;
			if (this.varargs && i == count - 1) {
				ArrayNode rest = JsonNodeFactory.instance.arrayNode();
				for (int j = i; j < given; j++) {
					rest.add(args.get(j));
				}
				node = (i < given || kwargs == null) ? rest : kwargs.get(this.parameters.get(i).name());
			}
			else {
				node = (i < given) ? args.get(i) : (kwargs != null) ? kwargs.get(this.parameters.get(i).name()) : null;
			}
			values[i] = value(i, node);
		}
	}

	private void bindNamed(JsonNode params, Object[] values) {
		// every member names a parameter when as many parameters are given as there are
		// members: then the members need not be walked (an iterator and a look-up each)
		int found = 0;
		for (int i = 0; i < values.length; i++) {
			if (params.get(this.parameters.get(i).name()) != null) {
				found++;
			}
		}
		if (!this.distinctNames || found != params.size()) {
			Iterator<String> names = params.propertyNames().iterator();
			while (names.hasNext()) {
				String name = names.next();
				if (!this.byName.containsKey(name)) {
					throw invalidParams("Invalid params: unknown parameter '" + name + "'");
				}
			}
		}
		for (int i = 0; i < values.length; i++) {
			values[i] = value(i, params.get(this.parameters.get(i).name()));
		}
	}

	private @Nullable Object value(int index, @Nullable JsonNode node) {
		JsonRpcParameter parameter = this.parameters.get(index);
		boolean optional = this.optionals[index];
		if (node == null || node.isMissingNode()) {
			if (parameter.defaultValue() != null) {
				node = parameter.defaultValue();
			}
			else if (parameter.required()) {
				throw invalidParams("Invalid params: missing required parameter '" + parameter.name() + "'");
			}
			else {
				return optional ? Optional.empty() : primitiveDefault(parameter);
			}
		}
		if (node.isNull()) {
			if (parameter.type().isPrimitive()) {
				throw invalidParams("Invalid params: parameter '" + parameter.name() + "' must not be null");
			}
			return optional ? Optional.empty() : null;
		}
		if (!optional) {
			Object value = this.shortcuts[index].value(node);
			if (value != null) {
				return value;
			}
		}
		try {
			Object value = this.readers[index].readValue(node);
			return optional ? Optional.ofNullable(value) : value;
		}
		catch (JacksonException ex) {
			throw mismatch(parameter, ex);
		}
		catch (IllegalArgumentException ex) {
			throw mismatch(parameter.name(), parameter.kind(), ex);
		}
	}

	// names the nested value that does not fit, e.g. 'order.lines[2].quantity'
	private JsonRpcException mismatch(JsonRpcParameter parameter, JacksonException ex) {
		if (ex instanceof MismatchedInputException mismatch && !(ex instanceof PropertyBindingException)
				&& mismatch.getTargetType() != null && !ex.getPath().isEmpty()) {
			StringBuilder path = new StringBuilder(parameter.name());
			for (JacksonException.Reference reference : ex.getPath()) {
				if (reference.getPropertyName() != null) {
					path.append('.').append(reference.getPropertyName());
				}
				else if (reference.getIndex() >= 0) {
					path.append('[').append(reference.getIndex()).append(']');
				}
			}
			String kind = JsonRpcParameter.kindOf(this.mapper.constructType(mismatch.getTargetType()));
			return mismatch(path.toString(), kind, ex);
		}
		return mismatch(parameter.name(), parameter.kind(), ex);
	}

	private static JsonRpcException mismatch(String name, String kind, Exception ex) {
		return new JsonRpcException(JsonRpcError.of(JsonRpcErrorCodes.INVALID_PARAMS,
				"Invalid params: parameter '" + name + "' must be " + article(kind) + " " + kind), ex);
	}

	private static @Nullable Object primitiveDefault(JsonRpcParameter parameter) {
		Class<?> raw = parameter.type().getRawClass();
		if (!raw.isPrimitive()) {
			return null;
		}
		if (raw == boolean.class) {
			return false;
		}
		if (raw == char.class) {
			return '\0';
		}
		return switch (raw.getName()) {
			case "long" -> 0L;
			case "double" -> 0d;
			case "float" -> 0f;
			case "short" -> (short) 0;
			case "byte" -> (byte) 0;
			default -> 0;
		};
	}

	private static String article(String kind) {
		return (kind.startsWith("a") || kind.startsWith("i") || kind.startsWith("o")) ? "an" : "a";
	}

	static JsonRpcException invalidParams(String message) {
		return new JsonRpcException(JsonRpcErrorCodes.INVALID_PARAMS, message);
	}

	/**
	 * What Jackson's own deserializer of an {@code int}, {@code long} or {@code String}
	 * parameter returns for a node of exactly that JSON type, without a deserialization
	 * context and a token stream over the node (about 200 bytes and a third of the
	 * binding time each). Only used when the mapper's deserializer for the type is
	 * Jackson's standard one: a custom deserializer, e.g. one that trims strings, is
	 * always asked.
	 */
	private enum Shortcut {

		NONE, INT, LONG, STRING;

		static Shortcut of(JsonMapper mapper, JsonRpcParameter parameter) {
			Class<?> raw = parameter.type().getRawClass();
			Shortcut shortcut = (raw == int.class || raw == Integer.class) ? INT
					: (raw == long.class || raw == Long.class) ? LONG : (raw == String.class) ? STRING : NONE;
			if (shortcut == NONE) {
				return NONE;
			}
			try {
				ValueDeserializer<Object> deserializer = mapper._deserializationContext()
					.findRootValueDeserializer(parameter.type());
				Class<?> standard = switch (shortcut) {
					case INT -> NumberDeserializers.IntegerDeserializer.class;
					case LONG -> NumberDeserializers.LongDeserializer.class;
					default -> StringDeserializer.class;
				};
				return (deserializer.getClass() == standard) ? shortcut : NONE;
			}
			catch (RuntimeException ex) {
				// the reader will report it when a call comes
				return NONE;
			}
		}

		@Nullable Object value(JsonNode node) {
			return switch (this) {
				// the node's exact class first: Jackson's isX() go through getNodeType()
				case INT -> (node.getClass() == IntNode.class || node.isInt()) ? node.intValue() : null;
				case LONG ->
					(node.getClass() == IntNode.class || node.isInt() || node.isLong()) ? node.longValue() : null;
				case STRING -> (node.getClass() == StringNode.class || node.isString()) ? node.stringValue() : null;
				case NONE -> null;
			};
		}

	}

}
