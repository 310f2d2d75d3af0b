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
package io.github.jsonrpc.pubsub;

import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * The names of the built-in publish/subscribe methods; a {@code null} or empty name
 * switches that method off.
 *
 * @param subscribe subscribes the connection to topics (aiohttp-json-rpc dialect and
 * generic clients); also accepts one topic as a plain string
 * @param unsubscribe ends subscriptions; also accepts one topic as a plain string
 * @param getSubscriptions lists the connection's subscriptions
 * @param getTopics lists the topics the caller may subscribe to
 * @param getMethods lists the methods the caller may call
 * @param on subscribes to events (rpc-websockets dialect)
 * @param off ends event subscriptions (rpc-websockets dialect)
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public record JsonRpcPubSubMethodNames(@Nullable String subscribe, @Nullable String unsubscribe,
		@Nullable String getSubscriptions, @Nullable String getTopics, @Nullable String getMethods, @Nullable String on,
		@Nullable String off) {

	/** The default names. */
	public static final JsonRpcPubSubMethodNames DEFAULTS = new JsonRpcPubSubMethodNames("subscribe", "unsubscribe",
			"get_subscriptions", "get_topics", "get_methods", "rpc.on", "rpc.off");

	/**
	 * Return the names of the methods that accept one topic name as a plain JSON string
	 * in {@code params}, as the aiohttp-json-rpc client sends it.
	 * @return the names of the enabled subscribe and unsubscribe methods
	 */
	public Set<String> stringParamsMethods() {
		Set<String> names = new LinkedHashSet<>();
		if (StringUtils.hasText(this.subscribe)) {
			names.add(this.subscribe);
		}
		if (StringUtils.hasText(this.unsubscribe)) {
			names.add(this.unsubscribe);
		}
		return names;
	}

}
