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
package io.github.jsonrpc.server.connection;

import java.nio.charset.StandardCharsets;

import io.github.jsonrpc.protocol.JsonRpcEncodedMessage;

/**
 * The JSON-RPC messages the connection tests send and expect, built in one place.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class TestMessages {

	private TestMessages() {
	}

	/**
	 * The text of a call without parameters.
	 */
	static String text(int id, String method) {
		return "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"id\":" + id + "}";
	}

	/**
	 * The bytes of a call without parameters.
	 */
	static byte[] call(int id, String method) {
		return bytes(text(id, method));
	}

	/**
	 * The bytes of a call with one string parameter.
	 */
	static byte[] call(int id, String method, String param) {
		return bytes(
				"{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":[\"" + param + "\"],\"id\":" + id + "}");
	}

	static byte[] bytes(String json) {
		return json.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The text of a response with a string result.
	 */
	static String result(int id, String result) {
		return "{\"jsonrpc\":\"2.0\",\"result\":\"" + result + "\",\"id\":" + id + "}";
	}

	/**
	 * The text of a notification without parameters.
	 */
	static String notification(String method) {
		return "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\"}";
	}

	/**
	 * A message of the given text, as queued for writing.
	 */
	static JsonRpcEncodedMessage message(String text) {
		return JsonRpcEncodedMessage.wrap(bytes(text));
	}

}
