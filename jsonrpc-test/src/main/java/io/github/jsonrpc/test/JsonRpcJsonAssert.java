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

package io.github.jsonrpc.test;

import java.util.Comparator;

import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ObjectAssert;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assertions on a JSON value (a result, error data or a whole reply), compared as JSON:
 * {@code isEqualTo(19)} matches {@code 19}, {@code 19.0} and {@code 19L} alike, and
 * {@code isEqualTo(List.of("hello", 5))} matches {@code ["hello",5]}.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public class JsonRpcJsonAssert extends AbstractAssert<JsonRpcJsonAssert, JsonNode> {

	/** Numbers compare by value, whatever their JSON representation. */
	private static final Comparator<JsonNode> NUMERIC_VALUE = (left, right) -> {
		if (left.isNumber() && right.isNumber()) {
			return left.decimalValue().compareTo(right.decimalValue());
		}
		return left.equals(right) ? 0 : 1;
	};

	private final JsonMapper mapper;

	JsonRpcJsonAssert(JsonNode actual, JsonMapper mapper) {
		super(actual, JsonRpcJsonAssert.class);
		this.mapper = mapper;
	}

	/**
	 * Assert that the value equals another value converted to JSON with the mapper.
	 * @param expected the expected value: a number, string, boolean, collection, map,
	 * bean or record, a {@link JsonNode}, or {@code null} for JSON {@code null}
	 * @return this assertion
	 */
	@Override
	public JsonRpcJsonAssert isEqualTo(@Nullable Object expected) {
		JsonNode expectedNode = (expected instanceof JsonNode node) ? node : this.mapper.valueToTree(expected);
		if (!this.actual.equals(NUMERIC_VALUE, expectedNode)) {
			failWithActualExpectedAndMessage(this.actual, expectedNode, "Expected JSON %s but got %s", expectedNode,
					this.actual);
		}
		return this;
	}

	/**
	 * Assert that the value equals a JSON text.
	 * @param json the expected JSON
	 * @return this assertion
	 */
	public JsonRpcJsonAssert isEqualToJson(String json) {
		return isEqualTo(this.mapper.readTree(json));
	}

	/**
	 * Assert that the value is JSON {@code null}.
	 * @return this assertion
	 */
	public JsonRpcJsonAssert isJsonNull() {
		if (!this.actual.isNull()) {
			failWithMessage("Expected JSON null but got %s", this.actual);
		}
		return this;
	}

	/**
	 * Assert the number of elements of an array or members of an object.
	 * @param size the expected size
	 * @return this assertion
	 */
	public JsonRpcJsonAssert hasSize(int size) {
		if (!this.actual.isContainer() || this.actual.size() != size) {
			failWithMessage("Expected an array or object of size %s but got %s", size, this.actual);
		}
		return this;
	}

	/**
	 * Return assertions on a value inside this one, by a simple JSON path such as
	 * {@code $.items[0].sku} (members and array indexes) or a JSON pointer such as
	 * {@code /items/0/sku}.
	 * @param path the path
	 * @return assertions on the value at the path
	 */
	public JsonRpcJsonAssert path(String path) {
		JsonNode value = this.actual.at(toPointer(path));
		if (value.isMissingNode()) {
			failWithMessage("No value at %s in %s", path, this.actual);
		}
		return new JsonRpcJsonAssert(value, this.mapper).as("%s of %s", path, this.actual);
	}

	/**
	 * Return assertions on the value converted to a type.
	 * @param type the type
	 * @param <T> the type
	 * @return assertions on the converted value
	 */
	public <T> ObjectAssert<@Nullable T> convertTo(Class<T> type) {
		return Assertions.assertThat(this.mapper.convertValue(this.actual, type));
	}

	/**
	 * Return the value.
	 * @return the JSON value
	 */
	public JsonNode value() {
		return this.actual;
	}

	/**
	 * Return whether two JSON values are equal, numbers compared by value.
	 */
	static boolean jsonEquals(JsonNode left, JsonNode right) {
		return left.equals(NUMERIC_VALUE, right);
	}

	static JsonPointer toPointer(String path) {
		if (path.isEmpty() || path.startsWith("/")) {
			return JsonPointer.compile(path);
		}
		if (!path.startsWith("$")) {
			throw new IllegalArgumentException("A path starts with '$' or '/': " + path);
		}
		StringBuilder pointer = new StringBuilder();
		int i = 1;
		while (i < path.length()) {
			char c = path.charAt(i);
			if (c == '.') {
				int end = i + 1;
				while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
					end++;
				}
				pointer.append('/').append(escape(path.substring(i + 1, end)));
				i = end;
			}
			else if (c == '[') {
				int end = path.indexOf(']', i);
				if (end < 0) {
					throw new IllegalArgumentException("Unclosed '[' in " + path);
				}
				String segment = path.substring(i + 1, end);
				if (segment.startsWith("'") && segment.endsWith("'") && segment.length() >= 2) {
					segment = segment.substring(1, segment.length() - 1);
				}
				pointer.append('/').append(escape(segment));
				i = end + 1;
			}
			else {
				throw new IllegalArgumentException("Unsupported path syntax at " + i + " in " + path);
			}
		}
		return JsonPointer.compile(pointer.toString());
	}

	private static String escape(String segment) {
		return segment.replace("~", "~0").replace("/", "~1");
	}

}
