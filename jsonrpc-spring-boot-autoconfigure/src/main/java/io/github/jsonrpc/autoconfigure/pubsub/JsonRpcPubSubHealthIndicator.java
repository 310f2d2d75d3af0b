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
package io.github.jsonrpc.autoconfigure.pubsub;

import io.github.jsonrpc.pubsub.redis.RedisJsonRpcPubSubBackend;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of the Redis pub/sub backend, named {@code jsonrpc-pubsub}: up while Redis
 * answers a {@code PING} within the backend's timeout and the listener is subscribed;
 * down otherwise, when publications reach the subscribers of this instance only, or this
 * instance receives nothing from the others.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class JsonRpcPubSubHealthIndicator extends AbstractHealthIndicator {

	private final RedisJsonRpcPubSubBackend backend;

	JsonRpcPubSubHealthIndicator(RedisJsonRpcPubSubBackend backend) {
		super("Redis pub/sub health check failed");
		this.backend = backend;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		RedisJsonRpcPubSubBackend.Status status = this.backend.check();
		// connected but not subscribed (a subscription that failed, or a pub/sub
		// connection lost), this instance receives nothing from the others: not up
		builder
			.status((status.available() && status.listening()) ? org.springframework.boot.health.contributor.Status.UP
					: org.springframework.boot.health.contributor.Status.DOWN);
		builder.withDetail("backend", "redis")
			.withDetail("channel", status.channel())
			.withDetail("listening", status.listening())
			.withDetail("notSent", status.notSent())
			.withDetail("rejected", status.rejected());
		if (status.lastFailure() != null) {
			builder.withDetail("lastFailure", status.lastFailure());
		}
	}

}
