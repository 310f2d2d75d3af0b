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
package io.github.jsonrpc.pubsub.redis;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Condition of {@link EnabledIfRedis}: sends {@code PING} to 127.0.0.1:6379 once per JVM.
 */
final class RedisCondition implements ExecutionCondition {

	/** Host of the Redis server of the tests. */
	static final String HOST = "127.0.0.1";

	/** Port of the Redis server of the tests. */
	static final int PORT = 6379;

	private static volatile Boolean available;

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (isAvailable()) {
			return ConditionEvaluationResult.enabled("Redis answers on " + HOST + ":" + PORT);
		}
		if (isRequired()) {
			return ConditionEvaluationResult
				.enabled("Redis is required (JSONRPC_REDIS_REQUIRED) but does not answer: these tests fail");
		}
		return ConditionEvaluationResult.disabled("Skipped: no Redis answers PING on " + HOST + ":" + PORT
				+ " (start one, e.g. redis-server --save '' --appendonly no, or run .ci/run)");
	}

	static boolean isRequired() {
		return "true".equalsIgnoreCase(System.getenv("JSONRPC_REDIS_REQUIRED"))
				|| Boolean.getBoolean("jsonrpc.redis.required");
	}

	static boolean isAvailable() {
		Boolean result = available;
		if (result == null) {
			result = ping();
			available = result;
		}
		return result;
	}

	private static boolean ping() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(HOST, PORT), 1000);
			socket.setSoTimeout(1000);
			OutputStream output = socket.getOutputStream();
			output.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			output.flush();
			InputStream input = socket.getInputStream();
			byte[] reply = new byte[5];
			int read = input.readNBytes(reply, 0, reply.length);
			return read == 5 && "+PONG".equals(new String(reply, StandardCharsets.US_ASCII));
		}
		catch (Exception ex) {
			return false;
		}
	}

}
