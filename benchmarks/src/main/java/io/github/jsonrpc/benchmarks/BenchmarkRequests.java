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
package io.github.jsonrpc.benchmarks;

import java.nio.charset.StandardCharsets;

/**
 * The request messages the benchmarks send, and the responses they must produce.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class BenchmarkRequests {

	/** A call with params by position. */
	public static final String SUBTRACT_POSITIONAL = """
			{"jsonrpc":"2.0","method":"subtract","params":[42,23],"id":1}""";

	/** A call with params by name. */
	public static final String SUBTRACT_NAMED = """
			{"jsonrpc":"2.0","method":"subtract","params":{"minuend":42,"subtrahend":23},"id":2}""";

	/** A notification: no id, so no response. */
	public static final String NOTIFICATION = """
			{"jsonrpc":"2.0","method":"record","params":["benchmark"]}""";

	/** A call of a method that does not exist. */
	public static final String METHOD_NOT_FOUND = """
			{"jsonrpc":"2.0","method":"divide","params":[42,23],"id":3}""";

	/** Expected response to {@link #SUBTRACT_POSITIONAL}. */
	public static final String SUBTRACT_POSITIONAL_RESPONSE = """
			{"jsonrpc":"2.0","result":19,"id":1}""";

	/** Expected response to {@link #SUBTRACT_NAMED}. */
	public static final String SUBTRACT_NAMED_RESPONSE = """
			{"jsonrpc":"2.0","result":19,"id":2}""";

	/** Expected response to {@link #METHOD_NOT_FOUND}. */
	public static final String METHOD_NOT_FOUND_RESPONSE = """
			{"jsonrpc":"2.0","error":{"code":-32601,"message":"Method not found"},"id":3}""";

	private static final int BATCH_SIZE = 10;

	private static final int ECHO_ITEMS = 36;

	private BenchmarkRequests() {
	}

	/**
	 * Return a batch of ten positional subtract calls, ids 1 to 10.
	 * @return the JSON text
	 */
	public static String batchOf10() {
		StringBuilder json = new StringBuilder("[");
		for (int i = 1; i <= BATCH_SIZE; i++) {
			json.append((i > 1) ? "," : "")
				.append("{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[")
				.append(10 * i)
				.append(',')
				.append(i)
				.append("],\"id\":")
				.append(i)
				.append('}');
		}
		return json.append(']').toString();
	}

	/**
	 * Return the expected response to {@link #batchOf10()}.
	 * @return the JSON text
	 */
	public static String batchOf10Response() {
		StringBuilder json = new StringBuilder("[");
		for (int i = 1; i <= BATCH_SIZE; i++) {
			json.append((i > 1) ? "," : "")
				.append("{\"jsonrpc\":\"2.0\",\"result\":")
				.append(9 * i)
				.append(",\"id\":")
				.append(i)
				.append('}');
		}
		return json.append(']').toString();
	}

	/**
	 * Return a call of {@code echo} with one object of about 4 KB as its param.
	 * @return the JSON text
	 */
	public static String echo4k() {
		return "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[" + payload4k() + "],\"id\":4}";
	}

	/**
	 * Return the expected response to {@link #echo4k()}.
	 * @return the JSON text
	 */
	public static String echo4kResponse() {
		return "{\"jsonrpc\":\"2.0\",\"result\":" + payload4k() + ",\"id\":4}";
	}

	/**
	 * Return the object echoed by {@link #echo4k()}: an order with 36 line items.
	 * @return the JSON text, about 4 KB
	 */
	public static String payload4k() {
		StringBuilder json = new StringBuilder(
				"{\"order\":\"ORD-2026-000042\",\"customer\":\"benchmark@example.com\",\"items\":[");
		for (int i = 0; i < ECHO_ITEMS; i++) {
			json.append((i > 0) ? "," : "")
				.append("{\"sku\":\"SKU-")
				.append(10000 + i)
				.append("\",\"name\":\"Item number ")
				.append(i)
				.append("\",\"quantity\":")
				.append(i % 5 + 1)
				.append(",\"price\":")
				.append(i)
				.append(".25,\"tags\":[\"red\",\"large\"],\"inStock\":")
				.append(i % 2 == 0)
				.append('}');
		}
		return json.append("],\"note\":null}").toString();
	}

	/**
	 * Return the UTF-8 bytes of a message.
	 * @param json the JSON text
	 * @return the bytes
	 */
	public static byte[] bytes(String json) {
		return json.getBytes(StandardCharsets.UTF_8);
	}

}
