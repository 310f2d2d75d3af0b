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

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.jsonrpc.protocol.JsonRpcError;
import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcInbound;
import io.github.jsonrpc.protocol.JsonRpcMessage;
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.protocol.JsonRpcReply;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import org.jspecify.annotations.Nullable;

/**
 * Default implementation of {@link JsonRpcHandler}: enforces the batch limit, runs every
 * call (notifications included) through the interceptor chain, and drops the responses of
 * notifications.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class DefaultJsonRpcHandler implements JsonRpcHandler {

	private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

	// the answer to every message of notifications only that ran on the calling thread
	private static final CompletableFuture<JsonRpcReply> NO_REPLY = new SharedCompletedFuture<>(JsonRpcReply.empty());

	private final JsonRpcMessageCodec codec;

	private final JsonRpcInterceptor.Chain chain;

	private final JsonRpcExceptionHandler exceptionHandler;

	private final int maxBatchSize;

	private final int batchParallelism;

	private final @Nullable Executor batchExecutor;

	// the size of every request's reply budget
	private final JsonRpcReplyBudget.Limit replyLimit;

	DefaultJsonRpcHandler(JsonRpcMessageCodec codec, JsonRpcInterceptor.Chain chain,
			JsonRpcExceptionHandler exceptionHandler, int maxBatchSize, int batchParallelism,
			@Nullable Executor batchExecutor) {
		this.codec = codec;
		this.chain = chain;
		this.exceptionHandler = exceptionHandler;
		this.maxBatchSize = maxBatchSize;
		this.batchParallelism = batchParallelism;
		this.batchExecutor = batchExecutor;
		this.replyLimit = new JsonRpcReplyBudget.Limit(codec.limits().maxReplyBytes());
	}

	@Override
	public JsonRpcMessageCodec codec() {
		return this.codec;
	}

	@Override
	public CompletableFuture<JsonRpcReply> handle(JsonRpcInbound inbound, JsonRpcTransportContext context) {
		List<JsonRpcMessage> entries = inbound.entries();
		if (!inbound.batch()) {
			JsonRpcMessage entry = entries.get(0);
			if (entry instanceof JsonRpcResponse response) {
				return CompletableFuture.completedFuture(JsonRpcReply.single(response));
			}
			JsonRpcRequest request = (JsonRpcRequest) entry;
			// a notification gets no response, even on error
			CompletableFuture<JsonRpcResponse> future = call(request, context, this.replyLimit.newBudget());
			if (future.isDone() && !future.isCompletedExceptionally()) {
				// the common synchronous case: answer without another stage
				return request.isNotification() ? NO_REPLY
						: CompletableFuture.completedFuture(reply(request, future.join()));
			}
			return future.thenApply((response) -> reply(request, response));
		}
		if (entries.size() > this.maxBatchSize) {
			JsonRpcError error = JsonRpcError.of(JsonRpcErrorCodes.INVALID_REQUEST, "Batch too large",
					Map.of("maxBatchSize", this.maxBatchSize));
			return CompletableFuture
				.completedFuture(JsonRpcReply.single(JsonRpcResponse.failure(JsonRpcId.NULL, error)));
		}
		JsonRpcResponse[] responses = new JsonRpcResponse[entries.size()];
		// one budget for the whole batch: a batch must not multiply the per-call limits
		JsonRpcReplyBudget budget = this.replyLimit.newBudget();
		CompletableFuture<Void> done = (this.batchParallelism > 1 && this.batchExecutor != null)
				? runInParallel(entries, responses, context, budget)
				: runInSequence(entries, responses, 0, context, budget);
		if (done.isDone() && !done.isCompletedExceptionally()) {
			JsonRpcReply reply = collect(entries, responses);
			return reply.isEmpty() ? NO_REPLY : CompletableFuture.completedFuture(reply);
		}
		return done.thenApply((ignored) -> collect(entries, responses));
	}

	private static JsonRpcReply reply(JsonRpcRequest request, JsonRpcResponse response) {
		// a 1.0 request is answered in the 1.0 shape, whoever made its response
		return request.isNotification() ? JsonRpcReply.empty()
				: JsonRpcReply.single(response.withVersion(request.version()));
	}

	private CompletableFuture<Void> runInSequence(List<JsonRpcMessage> entries, JsonRpcResponse[] responses, int start,
			JsonRpcTransportContext context, JsonRpcReplyBudget budget) {
		for (int i = start; i < entries.size(); i++) {
			JsonRpcMessage entry = entries.get(i);
			if (entry instanceof JsonRpcResponse response) {
				responses[i] = response;
				continue;
			}
			CompletableFuture<JsonRpcResponse> future = call((JsonRpcRequest) entry, context, budget);
			if (future.isDone()) {
				responses[i] = future.join();
				continue;
			}
			int index = i;
			return future.thenCompose((response) -> {
				responses[index] = response;
				return runInSequence(entries, responses, index + 1, context, budget);
			});
		}
		return DONE;
	}

	private CompletableFuture<Void> runInParallel(List<JsonRpcMessage> entries, JsonRpcResponse[] responses,
			JsonRpcTransportContext context, JsonRpcReplyBudget budget) {
		AtomicInteger next = new AtomicInteger();
		int workers = Math.min(this.batchParallelism, entries.size());
		CompletableFuture<?>[] running = new CompletableFuture<?>[workers];
		for (int i = 0; i < workers; i++) {
			running[i] = runNext(entries, responses, next, context, budget);
		}
		return CompletableFuture.allOf(running);
	}

	private CompletableFuture<Void> runNext(List<JsonRpcMessage> entries, JsonRpcResponse[] responses,
			AtomicInteger next, JsonRpcTransportContext context, JsonRpcReplyBudget budget) {
		int index = next.getAndIncrement();
		if (index >= entries.size()) {
			return DONE;
		}
		JsonRpcMessage entry = entries.get(index);
		CompletableFuture<JsonRpcResponse> future = (entry instanceof JsonRpcResponse response)
				? CompletableFuture.completedFuture(response) : callAsync((JsonRpcRequest) entry, context, budget);
		return future.thenCompose((response) -> {
			responses[index] = response;
			return runNext(entries, responses, next, context, budget);
		});
	}

	private CompletableFuture<JsonRpcResponse> callAsync(JsonRpcRequest request, JsonRpcTransportContext context,
			JsonRpcReplyBudget budget) {
		try {
			return CompletableFuture.supplyAsync(() -> call(request, context, budget), this.batchExecutor)
				.thenCompose((call) -> call);
		}
		catch (RejectedExecutionException ex) {
			// a saturated executor must not fail the whole batch: the caller runs the
			// entry
			return call(request, context, budget);
		}
	}

	private static JsonRpcReply collect(List<JsonRpcMessage> entries, JsonRpcResponse[] responses) {
		int count = 0;
		for (int i = 0; i < responses.length; i++) {
			// invalid entries are always answered; valid notifications never are
			if (!(entries.get(i) instanceof JsonRpcRequest request && request.isNotification())) {
				responses[count++] = responses[i];
			}
		}
		// an immutable list, which the reply keeps without copying it
		return JsonRpcReply.batch(List.of((count == responses.length) ? responses : Arrays.copyOf(responses, count)));
	}

	private CompletableFuture<JsonRpcResponse> call(JsonRpcRequest request, JsonRpcTransportContext context,
			JsonRpcReplyBudget budget) {
		if (budget.isExhausted()) {
			// earlier calls of the batch spent the reply budget: do not run the rest
			return CompletableFuture
				.completedFuture(this.codec.errorResponse(request, JsonRpcError.replyTooLarge(budget.maxBytes())));
		}
		JsonRpcExchange exchange = JsonRpcExchange.of(request, context, budget);
		CompletableFuture<JsonRpcResponse> future;
		try {
			future = this.chain.next(exchange);
		}
		catch (VirtualMachineError ex) {
			// the JVM failed, not the call: never an error response
			throw ex;
		}
		catch (Throwable ex) {
			return CompletableFuture.completedFuture(this.exceptionHandler.handle(exchange, ex));
		}
		if (future == null) {
			return CompletableFuture.completedFuture(this.exceptionHandler.handle(exchange, new IllegalStateException(
					"Interceptor chain returned no response for '" + request.method() + "'")));
		}
		if (future.isDone() && !future.isCompletedExceptionally()) {
			return future;
		}
		return future.exceptionally((ex) -> this.exceptionHandler.handle(exchange, ex));
	}

}
