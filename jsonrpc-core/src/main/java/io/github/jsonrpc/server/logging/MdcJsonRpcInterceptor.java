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

package io.github.jsonrpc.server.logging;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.JsonRpcInterceptor;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

import org.springframework.core.Ordered;
import org.springframework.util.Assert;

/**
 * {@link JsonRpcInterceptor} that puts the call's method ({@value #METHOD_KEY}) and id
 * ({@value #ID_KEY}, in its JSON form; absent for a notification) in the SLF4J
 * {@link MDC} while the call runs, on any transport. Runs before every other interceptor,
 * so their log lines carry the call too. Work moved to another thread keeps the MDC when
 * its executor is wrapped with {@link #propagating(Executor)}.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class MdcJsonRpcInterceptor implements JsonRpcInterceptor, Ordered {

	/** MDC key of the method name. */
	public static final String METHOD_KEY = "jsonrpc.method";

	/** MDC key of the request id. */
	public static final String ID_KEY = "jsonrpc.id";

	private static final int MAX_VALUE_LENGTH = 256;

	@Override
	public CompletableFuture<JsonRpcResponse> intercept(JsonRpcExchange exchange, Chain chain) {
		String previousMethod = MDC.get(METHOD_KEY);
		String previousId = MDC.get(ID_KEY);
		put(METHOD_KEY, safe(exchange.method()));
		JsonRpcId id = exchange.id();
		put(ID_KEY, (id != null) ? idText(id) : null);
		try {
			return chain.next(exchange);
		}
		finally {
			// a batch runs its calls on one thread: leave the MDC as it was
			put(METHOD_KEY, previousMethod);
			put(ID_KEY, previousId);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	/**
	 * Return an executor that runs each task with the MDC of the thread that submitted
	 * it.
	 * @param executor the executor to wrap
	 * @return the wrapping executor
	 */
	public static Executor propagating(Executor executor) {
		Assert.notNull(executor, "Executor is required");
		return (task) -> {
			Map<String, String> context = MDC.getCopyOfContextMap();
			executor.execute(() -> {
				Map<String, String> previous = MDC.getCopyOfContextMap();
				setContext(context);
				try {
					task.run();
				}
				finally {
					setContext(previous);
				}
			});
		};
	}

	private static void setContext(@Nullable Map<String, String> context) {
		if (context != null) {
			MDC.setContextMap(context);
		}
		else {
			MDC.clear();
		}
	}

	private static void put(String key, @Nullable String value) {
		if (value != null) {
			MDC.put(key, value);
		}
		else {
			MDC.remove(key);
		}
	}

	private static String idText(JsonRpcId id) {
		JsonNode value = id.value();
		if (value.isInt() || value.isLong()) {
			// the usual id: its JSON text without running a serializer
			return Long.toString(value.longValue());
		}
		return safe(id.toString());
	}

	// the method name is client text: no line breaks or other control characters in logs
	private static String safe(String text) {
		if (text.length() <= MAX_VALUE_LENGTH && !hasControlCharacter(text)) {
			// the common case: logged as it is, no copy
			return text;
		}
		StringBuilder result = new StringBuilder(Math.min(text.length(), MAX_VALUE_LENGTH));
		for (int i = 0; i < text.length() && i < MAX_VALUE_LENGTH; i++) {
			char c = text.charAt(i);
			result.append((Character.isISOControl(c)) ? '?' : c);
		}
		return result.toString();
	}

	private static boolean hasControlCharacter(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (Character.isISOControl(text.charAt(i))) {
				return true;
			}
		}
		return false;
	}

}
