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
package io.github.jsonrpc.server.support;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.jsonrpc.protocol.JsonRpcLogText;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.JsonRpcInterceptor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.util.Assert;

/**
 * Logs one line per call at info level: method, id, transport, duration, outcome and,
 * truncated, params and result or error. Logs under the category
 * {@code io.github.jsonrpc.server.support.LoggingJsonRpcInterceptor}; params may carry
 * personal data, so keep this off in production unless that is acceptable.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class LoggingJsonRpcInterceptor implements JsonRpcInterceptor, Ordered {

	private static final Log logger = LogFactory.getLog(LoggingJsonRpcInterceptor.class);

	private final JsonMapper mapper;

	private final int maxPayloadLength;

	/**
	 * Create a new instance.
	 * @param mapper the mapper used to write params and results
	 * @param maxPayloadLength the number of characters of params and result logged
	 */
	public LoggingJsonRpcInterceptor(JsonMapper mapper, int maxPayloadLength) {
		Assert.notNull(mapper, "JsonMapper is required");
		Assert.isTrue(maxPayloadLength >= 0, "maxPayloadLength must not be negative");
		this.mapper = mapper;
		this.maxPayloadLength = maxPayloadLength;
	}

	@Override
	public int getOrder() {
		// outermost, so that the duration covers every other interceptor
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public CompletableFuture<JsonRpcResponse> intercept(JsonRpcExchange exchange, Chain chain) {
		if (!logger.isInfoEnabled()) {
			return chain.next(exchange);
		}
		long start = System.nanoTime();
		return chain.next(exchange).whenComplete((response, ex) -> logger.info(line(exchange, response, ex, start)));
	}

	private String line(JsonRpcExchange exchange, @Nullable JsonRpcResponse response, @Nullable Throwable ex,
			long start) {
		double millis = (System.nanoTime() - start) / (double) TimeUnit.MILLISECONDS.toNanos(1);
		StringBuilder line = new StringBuilder(128).append("JSON-RPC ")
			.append(exchange.request().isNotification() ? "notification" : "call")
			.append(" method=")
			// the method name and messages come from the client: never let them forge a
			// line
			.append(JsonRpcLogText.escape(exchange.method()))
			.append(" id=")
			.append(exchange.id())
			.append(" transport=")
			.append(exchange.context().transport())
			.append(" duration=")
			.append(String.format("%.3fms", millis));
		if (response instanceof JsonRpcResponse.Success success) {
			line.append(" outcome=success");
			appendPayload(line, " params=", loggedParams(exchange));
			appendPayload(line, " result=", success.result());
		}
		else if (response instanceof JsonRpcResponse.Failure failure) {
			line.append(" outcome=error code=").append(failure.error().code());
			appendPayload(line, " params=", loggedParams(exchange));
			line.append(" message=").append(JsonRpcLogText.escape(truncate(failure.error().message())));
		}
		else {
			line.append(" outcome=exception type=").append((ex != null) ? ex.getClass().getName() : "unknown");
		}
		return line.toString();
	}

	private static @Nullable Object loggedParams(JsonRpcExchange exchange) {
		// credentials must never reach the logs
		return "rpc.login".equals(exchange.method()) ? "<redacted>" : exchange.request().params();
	}

	private void appendPayload(StringBuilder line, String label, @Nullable Object value) {
		if (this.maxPayloadLength == 0) {
			return;
		}
		String text;
		try {
			text = this.mapper.writeValueAsString(value);
		}
		catch (JacksonException ex) {
			text = "<unwritable>";
		}
		line.append(label).append(JsonRpcLogText.escape(truncate(text)));
	}

	private String truncate(String text) {
		return (text.length() <= this.maxPayloadLength) ? text
				: text.substring(0, this.maxPayloadLength) + "...(" + text.length() + " chars)";
	}

}
