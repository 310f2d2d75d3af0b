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

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the {@code jsonrpc-pubsub} health indicator, for the Redis
 * backend of publish/subscribe. Off with
 * {@code management.health.jsonrpc-pubsub.enabled=false}.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = JsonRpcPubSubAutoConfiguration.class)
@ConditionalOnClass({ AbstractHealthIndicator.class, RedisJsonRpcPubSubBackend.class })
@ConditionalOnBean(RedisJsonRpcPubSubBackend.class)
@ConditionalOnEnabledHealthIndicator("jsonrpc-pubsub")
public final class JsonRpcPubSubHealthContributorAutoConfiguration {

	// named so that the indicator is 'jsonrpc-pubsub'
	@Bean("jsonrpc-pubsubHealthIndicator")
	JsonRpcPubSubHealthIndicator jsonRpcPubSubHealthIndicator(RedisJsonRpcPubSubBackend backend) {
		return new JsonRpcPubSubHealthIndicator(backend);
	}

}
