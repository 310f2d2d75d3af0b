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

import java.util.List;
import java.util.concurrent.Executor;

import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Default implementation of {@link JsonRpcHandler.Builder}.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class DefaultJsonRpcHandlerBuilder implements JsonRpcHandler.Builder {

	private final JsonRpcDispatcher dispatcher;

	private final JsonRpcMessageCodec codec;

	private List<JsonRpcInterceptor> interceptors = List.of();

	private JsonRpcExceptionHandler exceptionHandler = new JsonRpcExceptionHandler(List.of(), false);

	private int maxBatchSize = 100;

	private int batchParallelism = 1;

	private @Nullable Executor batchExecutor;

	DefaultJsonRpcHandlerBuilder(JsonRpcDispatcher dispatcher, JsonRpcMessageCodec codec) {
		Assert.notNull(dispatcher, "Dispatcher is required");
		Assert.notNull(codec, "Codec is required");
		this.dispatcher = dispatcher;
		this.codec = codec;
	}

	@Override
	public JsonRpcHandler.Builder interceptors(List<JsonRpcInterceptor> interceptors) {
		Assert.notNull(interceptors, "Interceptors are required");
		this.interceptors = List.copyOf(interceptors);
		return this;
	}

	@Override
	public JsonRpcHandler.Builder exceptionHandler(JsonRpcExceptionHandler exceptionHandler) {
		Assert.notNull(exceptionHandler, "ExceptionHandler is required");
		this.exceptionHandler = exceptionHandler;
		return this;
	}

	@Override
	public JsonRpcHandler.Builder maxBatchSize(int maxBatchSize) {
		Assert.isTrue(maxBatchSize > 0, "maxBatchSize must be positive");
		this.maxBatchSize = maxBatchSize;
		return this;
	}

	@Override
	public JsonRpcHandler.Builder batchParallelism(int parallelism, Executor executor) {
		Assert.isTrue(parallelism > 0, "Parallelism must be positive");
		Assert.notNull(executor, "Executor is required");
		this.batchParallelism = parallelism;
		this.batchExecutor = executor;
		return this;
	}

	@Override
	public JsonRpcHandler build() {
		// fold from the innermost: the first interceptor ends up outermost
		JsonRpcInterceptor.Chain chain = this.dispatcher::dispatch;
		for (int i = this.interceptors.size() - 1; i >= 0; i--) {
			chain = this.interceptors.get(i).apply(chain);
		}
		return new DefaultJsonRpcHandler(this.codec, chain, this.exceptionHandler, this.maxBatchSize,
				this.batchParallelism, this.batchExecutor);
	}

}
