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

import java.util.UUID;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Connections of tests to the shared test Redis server: each under a client name of its
 * own, so that a test ends only its own connections ({@code CLIENT KILL}), and channel
 * prefixes unique per run, so that concurrent builds do not see each other's messages.
 */
public final class RedisTestConnections {

	private RedisTestConnections() {
	}

	/**
	 * Return a prefix no other test run uses.
	 * @return the prefix
	 */
	public static String uniquePrefix() {
		return "jsonrpc-test-" + UUID.randomUUID();
	}

	/**
	 * Create and start a Lettuce connection factory to the test server, or a proxy of it.
	 * @param port the port, {@link #PORT} or a {@link RedisTestProxy}'s
	 * @param clientName the client name of its connections
	 * @return the started factory; destroy it after the test
	 */
	public static LettuceConnectionFactory connectionFactory(int port, String clientName) {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(RedisCondition.HOST, port),
				LettuceClientConfiguration.builder().clientName(clientName).build());
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	/** Port of the test Redis server. */
	public static final int PORT = RedisCondition.PORT;

}
