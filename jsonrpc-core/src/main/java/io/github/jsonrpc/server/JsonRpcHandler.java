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
package io.github.jsonrpc.server;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import io.github.jsonrpc.protocol.JsonRpcInbound;
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.protocol.JsonRpcReply;

/**
 * The transport-independent entry point: a JSON-RPC message in, the reply out. HTTP,
 * WebSocket and plain Java callers all go through it, so every call runs the same
 * envelope checks, limits, interceptors and error policy.
 *
 * <pre class="code">
 * Optional&lt;String&gt; reply = handler.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1,2],\"id\":1}").join();
 * </pre>
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public interface JsonRpcHandler {

	/**
	 * Handle decoded input.
	 * @param inbound the decoded message
	 * @param context what the transport knows about it
	 * @return the reply, empty when only notifications were received; never completes
	 * exceptionally for a failure of a call. The empty reply of notifications that ran at
	 * once may be one future shared by every caller: its {@code obtrudeValue} and
	 * {@code obtrudeException} throw {@link UnsupportedOperationException}
	 */
	CompletableFuture<JsonRpcReply> handle(JsonRpcInbound inbound, JsonRpcTransportContext context);

	/**
	 * Return the codec this handler reads and writes with.
	 * @return the codec
	 */
	JsonRpcMessageCodec codec();

	/**
	 * Handle raw input.
	 * @param input the UTF-8 encoded message
	 * @param context what the transport knows about it
	 * @return the reply
	 */
	default CompletableFuture<JsonRpcReply> handle(byte[] input, JsonRpcTransportContext context) {
		return handle(codec().decodeRequests(input), context);
	}

	/**
	 * Handle a message given as text, in process, and return the JSON text to answer
	 * with.
	 * @param json the message
	 * @return the reply text, or empty when there is nothing to send (notifications)
	 */
	default CompletableFuture<Optional<String>> handleText(String json) {
		return handleText(json, JsonRpcTransportContext.inProcess());
	}

	/**
	 * Handle a message given as text and return the JSON text to answer with.
	 * @param json the message
	 * @param context what the transport knows about it
	 * @return the reply text, or empty when there is nothing to send (notifications)
	 */
	default CompletableFuture<Optional<String>> handleText(String json, JsonRpcTransportContext context) {
		return handle(codec().decodeRequests(json.getBytes(StandardCharsets.UTF_8)), context)
			.thenApply((reply) -> reply.isEmpty() ? Optional.empty() : Optional.of(codec().encodeToString(reply)));
	}

	/**
	 * Create a builder.
	 * @param dispatcher the dispatcher at the end of the interceptor chain
	 * @param codec the codec
	 * @return the builder
	 */
	static Builder builder(JsonRpcDispatcher dispatcher, JsonRpcMessageCodec codec) {
		return new DefaultJsonRpcHandlerBuilder(dispatcher, codec);
	}

	/**
	 * Builder for a {@link JsonRpcHandler}.
	 */
	interface Builder {

		/**
		 * Set the interceptors; the first is the outermost.
		 * @param interceptors the interceptors
		 * @return this builder
		 */
		Builder interceptors(List<JsonRpcInterceptor> interceptors);

		/**
		 * Set how failures that escape interceptors are answered; defaults to a handler
		 * without resolvers (everything becomes {@code -32603}).
		 * @param exceptionHandler the exception handler
		 * @return this builder
		 */
		Builder exceptionHandler(JsonRpcExceptionHandler exceptionHandler);

		/**
		 * Set the maximum number of entries of a batch; a larger batch is answered with a
		 * single {@code -32600} error and none of it runs. Defaults to 100.
		 * @param maxBatchSize the maximum
		 * @return this builder
		 */
		Builder maxBatchSize(int maxBatchSize);

		/**
		 * Run up to this many entries of a batch at once, on the given executor. Defaults
		 * to 1: entries run one after the other. Responses keep request order either way.
		 * @param parallelism the number of entries run at once
		 * @param executor the executor running them
		 * @return this builder
		 */
		Builder batchParallelism(int parallelism, Executor executor);

		/**
		 * Build the handler.
		 * @return the handler
		 */
		JsonRpcHandler build();

	}

}
