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

package io.github.jsonrpc.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.github.jsonrpc.server.method.JsonRpcMethodLimits;

import org.springframework.util.PatternMatchUtils;

/**
 * The limits of {@code jsonrpc.methods} for a method name: an exact name wins, otherwise
 * the first pattern that matches.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class PropertiesJsonRpcMethodLimits implements Function<String, JsonRpcMethodLimits> {

	private final Map<String, JsonRpcProperties.MethodLimits> methods;

	// in the order of the configuration: the first matching pattern wins
	private final List<Map.Entry<String, JsonRpcProperties.MethodLimits>> ordered;

	PropertiesJsonRpcMethodLimits(Map<String, JsonRpcProperties.MethodLimits> methods) {
		this.methods = Map.copyOf(methods);
		this.ordered = List.copyOf(methods.entrySet());
	}

	@Override
	public JsonRpcMethodLimits apply(String name) {
		JsonRpcProperties.MethodLimits limits = this.methods.get(name);
		if (limits == null) {
			for (Map.Entry<String, JsonRpcProperties.MethodLimits> entry : this.ordered) {
				if (PatternMatchUtils.simpleMatch(entry.getKey(), name)) {
					limits = entry.getValue();
					break;
				}
			}
		}
		return (limits != null) ? new JsonRpcMethodLimits(limits.getTimeout(), limits.getMaxConcurrency())
				: JsonRpcMethodLimits.NONE;
	}

}
