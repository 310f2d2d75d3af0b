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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * What a test of several backends on the real Redis holds: the backends, connection
 * factories and proxies it started, closed in the reverse order after it, and a
 * connection of its own to look at Redis (the channel's subscribers, the connections of a
 * client name).
 */
final class RedisBackendFixture implements AutoCloseable {

	/**
	 * The Redis command timeout of the tests that wait it out (outages, unconfirmed
	 * subscriptions): 2 s, or {@code -Djsonrpc.test.redis-timeout-millis}. The mutation
	 * profile sets 1 s, since waiting it out is most of each mutant's run there; a build
	 * on a loaded machine keeps the slack of 2 s.
	 */
	static final Duration REDIS_TIMEOUT = Duration.ofMillis(Long.getLong("jsonrpc.test.redis-timeout-millis", 2000));

	private final String prefix;

	private final List<AutoCloseable> resources = new ArrayList<>();

	private final LettuceConnectionFactory admin;

	/**
	 * Connect the test's own look at Redis.
	 * @param prefix the channel prefix of the test's backends
	 */
	RedisBackendFixture(String prefix) {
		this.prefix = prefix;
		this.admin = RedisTestConnections.connectionFactory(RedisTestConnections.PORT, prefix + "-admin");
	}

	/**
	 * Close a resource after the test, before those added earlier.
	 * @param resource the resource
	 */
	void add(AutoCloseable resource) {
		this.resources.add(resource);
	}

	/**
	 * Close the resources added so far, the last added first.
	 * @throws Exception if one cannot be closed
	 */
	void closeResources() throws Exception {
		// every one, even after one failed: a resource left open would leak into the next
		// test
		Exception failure = null;
		for (int i = this.resources.size() - 1; i >= 0; i--) {
			try {
				this.resources.remove(i).close();
			}
			catch (Exception ex) {
				if (failure == null) {
					failure = ex;
				}
				else {
					failure.addSuppressed(ex);
				}
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

	/**
	 * Return the subscribers of the backends' channel: one per listening instance.
	 * @param wait how long to wait for Redis's answer
	 * @return the number of subscribers
	 * @throws Exception if Redis did not answer
	 */
	long subscribers(Duration wait) throws Exception {
		try (RedisConnection connection = this.admin.getConnection()) {
			RedisClusterAsyncCommands<byte[], byte[]> commands = ((LettuceConnection) connection).getNativeConnection();
			return commands.pubsubNumsub((this.prefix + ":pubsub").getBytes(StandardCharsets.UTF_8))
				.toCompletableFuture()
				.get(wait.toMillis(), TimeUnit.MILLISECONDS)
				.values()
				.iterator()
				.next();
		}
	}

	/**
	 * Return the connections Redis has of a client name.
	 * @param clientName the client name
	 * @return the number of connections
	 */
	int connectionsOf(String clientName) {
		return connectionsOf(this.admin, clientName);
	}

	/**
	 * Return the connections Redis has of a client name, asking over a factory's
	 * connection.
	 * @param factory the factory to ask with
	 * @param clientName the client name
	 * @return the number of connections
	 */
	static int connectionsOf(RedisConnectionFactory factory, String clientName) {
		try (RedisConnection connection = factory.getConnection()) {
			return (int) connection.serverCommands()
				.getClientList()
				.stream()
				.filter((client) -> clientName.equals(client.getName()))
				.count();
		}
	}

	@Override
	public void close() throws Exception {
		try {
			closeResources();
		}
		finally {
			this.admin.destroy();
		}
	}

}
