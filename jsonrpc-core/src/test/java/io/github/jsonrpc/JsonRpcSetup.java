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
package io.github.jsonrpc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import io.github.jsonrpc.protocol.JsonRpcCodecLimits;
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.server.JsonRpcExceptionHandler;
import io.github.jsonrpc.server.JsonRpcExceptionResolver;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.JsonRpcInterceptor;
import io.github.jsonrpc.server.method.InvocableJsonRpcMethodFactory;
import io.github.jsonrpc.server.method.JsonRpcArgumentResolver;
import io.github.jsonrpc.server.method.JsonRpcArgumentResolverComposite;
import io.github.jsonrpc.server.method.JsonRpcHandlerMethod;
import io.github.jsonrpc.server.method.JsonRpcMethodRegistry;
import io.github.jsonrpc.server.method.JsonRpcMethodValidator;
import io.github.jsonrpc.server.method.JsonRpcNamingStyle;
import io.github.jsonrpc.server.method.annotation.support.AnnotatedJsonRpcMethodDetector;
import io.github.jsonrpc.server.method.annotation.support.JsonRpcArgumentResolvers;
import io.github.jsonrpc.server.support.DefaultJsonRpcDispatcher;
import io.github.jsonrpc.server.support.DefaultJsonRpcExceptionResolver;

import org.springframework.util.Assert;

/**
 * Test fixture that wires a complete JSON-RPC server in one line, without a Spring
 * context: {@code JsonRpcSetup.services(new CalculatorService()).toHandler()}.
 *
 * <p>
 * Published in the test-jar so that other modules build their servers the same way.
 *
 * @author jsonrpc-dev
 * @since 0.1.0
 */
public final class JsonRpcSetup {

	private final List<Object> services;

	private JsonMapper mapper = JsonMapper.builder().build();

	private JsonRpcNamingStyle namingStyle = JsonRpcNamingStyle.AS_DECLARED;

	private List<JsonRpcInterceptor> interceptors = List.of();

	private List<JsonRpcArgumentResolver> resolvers = List.of();

	private List<JsonRpcExceptionResolver> exceptionResolvers = List.of();

	private @Nullable JsonRpcMethodValidator validator;

	private @Nullable Executor blockingExecutor;

	private boolean includeDetails;

	private int maxBatchSize = 100;

	private JsonRpcCodecLimits codecLimits = JsonRpcCodecLimits.DEFAULTS;

	private int batchParallelism = 1;

	private @Nullable Executor batchExecutor;

	private JsonRpcSetup(List<Object> services) {
		this.services = services;
	}

	/**
	 * Start a setup serving the given {@code @JsonRpcService} beans.
	 * @param beans the service beans, possibly proxies
	 * @return the setup
	 */
	public static JsonRpcSetup services(Object... beans) {
		return new JsonRpcSetup(List.of(beans));
	}

	/**
	 * Set the mapper; defaults to {@code JsonMapper.builder().build()}.
	 * @param mapper the mapper
	 * @return this setup
	 */
	public JsonRpcSetup mapper(JsonMapper mapper) {
		this.mapper = mapper;
		return this;
	}

	/**
	 * Set how Java method and parameter names are exposed; defaults to as declared.
	 * @param namingStyle the naming style
	 * @return this setup
	 */
	public JsonRpcSetup namingStyle(JsonRpcNamingStyle namingStyle) {
		this.namingStyle = namingStyle;
		return this;
	}

	/**
	 * Set the interceptors, the first is the outermost.
	 * @param interceptors the interceptors
	 * @return this setup
	 */
	public JsonRpcSetup interceptors(JsonRpcInterceptor... interceptors) {
		this.interceptors = List.of(interceptors);
		return this;
	}

	/**
	 * Set user argument resolvers, consulted after the built-in ones.
	 * @param resolvers the resolvers
	 * @return this setup
	 */
	public JsonRpcSetup resolvers(JsonRpcArgumentResolver... resolvers) {
		this.resolvers = List.of(resolvers);
		return this;
	}

	/**
	 * Set exception resolvers, consulted after the
	 * {@link DefaultJsonRpcExceptionResolver}.
	 * @param exceptionResolvers the resolvers
	 * @return this setup
	 */
	public JsonRpcSetup exceptionResolvers(JsonRpcExceptionResolver... exceptionResolvers) {
		this.exceptionResolvers = List.of(exceptionResolvers);
		return this;
	}

	/**
	 * Set the method validator.
	 * @param validator the validator
	 * @return this setup
	 */
	public JsonRpcSetup validator(JsonRpcMethodValidator validator) {
		this.validator = validator;
		return this;
	}

	/**
	 * Set where blocking methods run.
	 * @param blockingExecutor the executor
	 * @return this setup
	 */
	public JsonRpcSetup blockingExecutor(Executor blockingExecutor) {
		this.blockingExecutor = blockingExecutor;
		return this;
	}

	/**
	 * Set whether unresolved errors carry the exception type and message.
	 * @param includeDetails whether to include details
	 * @return this setup
	 */
	public JsonRpcSetup includeDetails(boolean includeDetails) {
		this.includeDetails = includeDetails;
		return this;
	}

	/**
	 * Set the maximum batch size.
	 * @param maxBatchSize the maximum
	 * @return this setup
	 */
	public JsonRpcSetup maxBatchSize(int maxBatchSize) {
		this.maxBatchSize = maxBatchSize;
		return this;
	}

	/**
	 * Use other codec limits, e.g. a smaller reply budget.
	 * @param codecLimits the limits
	 * @return this setup
	 */
	public JsonRpcSetup codecLimits(JsonRpcCodecLimits codecLimits) {
		this.codecLimits = codecLimits;
		return this;
	}

	/**
	 * Run batch entries in parallel.
	 * @param parallelism the number of entries run at once
	 * @param executor the executor
	 * @return this setup
	 */
	public JsonRpcSetup batchParallelism(int parallelism, Executor executor) {
		this.batchParallelism = parallelism;
		this.batchExecutor = executor;
		return this;
	}

	/**
	 * Return the codec.
	 * @return a new codec on the configured mapper
	 */
	public JsonRpcMessageCodec toCodec() {
		return JsonRpcMessageCodec.create(this.mapper, this.codecLimits);
	}

	/**
	 * Return the exception handler.
	 * @return a new exception handler
	 */
	public JsonRpcExceptionHandler toExceptionHandler() {
		List<JsonRpcExceptionResolver> all = new ArrayList<>();
		all.add(new DefaultJsonRpcExceptionResolver());
		all.addAll(this.exceptionResolvers);
		return new JsonRpcExceptionHandler(all, this.includeDetails);
	}

	/**
	 * Return the invocable method factory.
	 * @return a new factory
	 */
	public InvocableJsonRpcMethodFactory toMethodFactory() {
		List<JsonRpcArgumentResolver> all = new ArrayList<>(JsonRpcArgumentResolvers.builtIn());
		all.addAll(this.resolvers);
		return new InvocableJsonRpcMethodFactory(this.mapper, new JsonRpcArgumentResolverComposite(all),
				this.namingStyle, this.validator, this.blockingExecutor);
	}

	/**
	 * Detect, create and register the methods of the services.
	 * @return the registry
	 * @throws IllegalStateException as at startup: duplicate or reserved names,
	 * unresolvable parameters
	 */
	public JsonRpcMethodRegistry toRegistry() {
		AnnotatedJsonRpcMethodDetector detector = new AnnotatedJsonRpcMethodDetector(this.namingStyle);
		InvocableJsonRpcMethodFactory factory = toMethodFactory();
		JsonRpcMethodRegistry registry = new JsonRpcMethodRegistry();
		for (Object service : this.services) {
			Assert.isTrue(detector.isService(service),
					() -> service.getClass().getName() + " is not a @JsonRpcService");
			for (JsonRpcHandlerMethod method : detector.detect(service)) {
				registry.register(factory.create(method));
			}
		}
		return registry;
	}

	/**
	 * Build the handler.
	 * @return a handler serving the services
	 */
	public JsonRpcHandler toHandler() {
		JsonRpcExceptionHandler exceptionHandler = toExceptionHandler();
		DefaultJsonRpcDispatcher dispatcher = new DefaultJsonRpcDispatcher(toRegistry(), exceptionHandler);
		JsonRpcHandler.Builder builder = JsonRpcHandler.builder(dispatcher, toCodec())
			.interceptors(Arrays.asList(this.interceptors.toArray(new JsonRpcInterceptor[0])))
			.exceptionHandler(exceptionHandler)
			.maxBatchSize(this.maxBatchSize);
		if (this.batchExecutor != null) {
			builder.batchParallelism(this.batchParallelism, this.batchExecutor);
		}
		return builder.build();
	}

	/**
	 * Handle a message in process and return the reply text.
	 * @param handler the handler
	 * @param json the message
	 * @return the reply, or {@code null} when there is none
	 */
	public static @Nullable String call(JsonRpcHandler handler, String json) {
		return TestWaits.join(handler.handleText(json)).orElse(null);
	}

}
