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

import java.math.BigDecimal;
import java.math.BigInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;

import org.springframework.util.Assert;

/**
 * Identifier of a JSON-RPC request, kept in its JSON form (a string, a number of any size
 * or precision, or an explicit {@code null}) so that it is echoed unchanged in the
 * response.
 *
 * @param value the JSON value of the identifier: a textual, numeric or null node
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public record JsonRpcId(JsonNode value) {

	/**
	 * The explicit {@code null} identifier, used in responses to requests whose id could
	 * not be read.
	 */
	public static final JsonRpcId NULL = new JsonRpcId(NullNode.getInstance());

	// ids 0 to 15, made once: the JSON value of each is equal to any other node of it
	private static final JsonRpcId[] SMALL_INTS = new JsonRpcId[16];

	static {
		for (int i = 0; i < SMALL_INTS.length; i++) {
			SMALL_INTS[i] = new JsonRpcId(IntNode.valueOf(i));
		}
	}

	public JsonRpcId {
		Assert.notNull(value, "Value is required");
		if (!isValid(value)) {
			// not Assert.isTrue with a message supplier: that is a new lambda for every
			// id
			throw new IllegalArgumentException(
					"A JSON-RPC id must be a string, a number or null, not " + value.getNodeType());
		}
	}

	/**
	 * Create an identifier from a JSON value.
	 * @param value a textual, numeric or null node
	 * @return the identifier
	 * @throws IllegalArgumentException if the node is of another kind
	 */
	public static JsonRpcId of(JsonNode value) {
		if (NodeTypes.isInt(value)) {
			int number = value.intValue();
			if (number >= 0 && number < SMALL_INTS.length) {
				// clients often use one small id for every call, or count from 1
				return SMALL_INTS[number];
			}
		}
		return value.isNull() ? NULL : new JsonRpcId(value);
	}

	/**
	 * Create a string identifier.
	 * @param value the string
	 * @return the identifier
	 */
	public static JsonRpcId of(String value) {
		return new JsonRpcId(JsonNodeFactory.instance.stringNode(value));
	}

	/**
	 * Create a numeric identifier.
	 * @param value the number
	 * @return the identifier
	 */
	public static JsonRpcId of(long value) {
		return new JsonRpcId(JsonNodeFactory.instance.numberNode(value));
	}

	/**
	 * Create a numeric identifier of arbitrary size.
	 * @param value the number
	 * @return the identifier
	 */
	public static JsonRpcId of(BigInteger value) {
		return new JsonRpcId(JsonNodeFactory.instance.numberNode(value));
	}

	/**
	 * Create a numeric identifier of arbitrary precision.
	 * @param value the number
	 * @return the identifier
	 */
	public static JsonRpcId of(BigDecimal value) {
		return new JsonRpcId(JsonNodeFactory.instance.numberNode(value));
	}

	/**
	 * Return whether the given node is an acceptable id value: string, number or null.
	 * @param value the node to check
	 * @return {@code true} if it can be used as an id
	 */
	public static boolean isValid(JsonNode value) {
		return NodeTypes.isIdValue(value);
	}

	/**
	 * Return whether this is the explicit {@code null} identifier.
	 * @return {@code true} for {@code "id": null}
	 */
	public boolean isNull() {
		return this.value.isNull();
	}

	/**
	 * Compare by JSON text, so that ids of the same form are equal whatever node class
	 * holds them ({@code of(1)} creates a long node, reading {@code 1} an int node),
	 * while {@code 1}, {@code 1.0} and {@code "1"} stay distinct.
	 */
	@Override
	public boolean equals(Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof JsonRpcId that)) {
			return false;
		}
		// the common kinds compared without writing the JSON text (connections keep
		// calls in maps by id): the same answer as comparing the texts
		if (isPlainInteger(this.value) && isPlainInteger(that.value)) {
			return this.value.longValue() == that.value.longValue();
		}
		if (isPlainString(this.value) && isPlainString(that.value)) {
			return this.value.stringValue().equals(that.value.stringValue());
		}
		return this.value.toString().equals(that.value.toString());
	}

	@Override
	public int hashCode() {
		// the hash code of the JSON text, without writing it for the common kinds
		if (isPlainInteger(this.value)) {
			return decimalHashCode(this.value.longValue());
		}
		if (isPlainString(this.value)) {
			String text = this.value.stringValue();
			int hash = '"';
			for (int i = 0; i < text.length(); i++) {
				hash = 31 * hash + text.charAt(i);
			}
			return 31 * hash + '"';
		}
		return this.value.toString().hashCode();
	}

	// the hash code of Long.toString(value), without making the string
	private static int decimalHashCode(long value) {
		if (value == Long.MIN_VALUE) {
			return Long.toString(value).hashCode();
		}
		int hash = 0;
		long rest = value;
		if (rest < 0) {
			hash = '-';
			rest = -rest;
		}
		long divisor = 1;
		while (rest / divisor >= 10) {
			divisor *= 10;
		}
		for (; divisor > 0; divisor /= 10) {
			hash = 31 * hash + (char) ('0' + (rest / divisor) % 10);
		}
		return hash;
	}

	private static boolean isPlainInteger(JsonNode node) {
		return node.isInt() || node.isLong();
	}

	// a string written as it is between quotes: nothing to escape
	private static boolean isPlainString(JsonNode node) {
		if (!node.isString()) {
			return false;
		}
		String text = node.stringValue();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 || c == '"' || c == '\\' || c >= 0x7F) {
				return false;
			}
		}
		return true;
	}

	@Override
	public String toString() {
		// the JSON text, without Jackson for the common kinds (observations and logs ask
		// for it on every call): the same text Jackson writes
		if (isPlainInteger(this.value)) {
			return Long.toString(this.value.longValue());
		}
		if (isPlainString(this.value)) {
			return '"' + this.value.stringValue() + '"';
		}
		return this.value.toString();
	}

}
