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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.jsonrpc.protocol.JsonRpcCodecLimits;
import io.github.jsonrpc.protocol.JsonRpcInbound;
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.protocol.JsonRpcReply;
import io.github.jsonrpc.server.JsonRpcDispatcher;
import io.github.jsonrpc.server.JsonRpcExceptionHandler;
import io.github.jsonrpc.server.JsonRpcExceptionResolver;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.JsonRpcInterceptor;
import io.github.jsonrpc.server.JsonRpcTransportContext;
import io.github.jsonrpc.server.discovery.OpenRpcDiscovery;
import io.github.jsonrpc.server.method.InvocableJsonRpcMethodFactory;
import io.github.jsonrpc.server.method.JsonRpcArgumentResolver;
import io.github.jsonrpc.server.method.JsonRpcArgumentResolverComposite;
import io.github.jsonrpc.server.method.JsonRpcMethodAccessChecker;
import io.github.jsonrpc.server.method.JsonRpcMethodRegistry;
import io.github.jsonrpc.server.method.JsonRpcMethodValidator;
import io.github.jsonrpc.server.method.JsonRpcNamingStyle;
import io.github.jsonrpc.server.method.JsonRpcParamsCoercion;
import io.github.jsonrpc.server.method.annotation.support.AnnotatedJsonRpcMethodDetector;
import io.github.jsonrpc.server.method.annotation.support.JsonRpcArgumentResolvers;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;

/**
 * A JSON-RPC server without a Spring context: for a command-line tool, a test, or an
 * application that is not a Spring Boot one. It is a {@link JsonRpcHandler} (text or
 * bytes in, the reply out) that a transport of your choice feeds.
 *
 * <pre class="code">
 * JsonRpcServer server = JsonRpcServer.builder()
 *     .service(new Calculator())
 *     .method("echo", String.class, (s) -&gt; s)
 *     .build();
 * Optional&lt;String&gt; reply = server.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"hi\"],\"id\":1}").join();
 * </pre>
 *
 * <p>
 * Its defaults are those of the Spring Boot auto-configuration, which builds on
 * {@link Builder}: the same limits, batch size, error policy (no exception details),
 * argument resolvers, strict params coercion, naming and {@code rpc.discover}. Methods
 * can be added and removed while it serves calls, through {@link #methods()}.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcServer implements JsonRpcHandler {

	/** Default largest batch; larger batches are answered with one {@code -32600}. */
	public static final int DEFAULT_MAX_BATCH_SIZE = 100;

	/** Default title of the {@code rpc.discover} document. */
	public static final String DEFAULT_DISCOVERY_TITLE = "JSON-RPC API";

	/** Default version of the {@code rpc.discover} document. */
	public static final String DEFAULT_DISCOVERY_VERSION = "1.0.0";

	private static final byte[] NO_REPLY = new byte[0];

	// the answer to every message of notifications only that ran on the calling thread
	private static final CompletableFuture<byte[]> NOTHING_TO_SEND = new NoReplyFuture();

	private final JsonRpcHandler handler;

	private final JsonRpcMethodRegistrar methods;

	private JsonRpcServer(JsonRpcHandler handler, JsonRpcMethodRegistrar methods) {
		this.handler = handler;
		this.methods = methods;
	}

	/**
	 * Start building a server.
	 * @return a builder with the auto-configuration's defaults
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return the registrar that adds and removes methods while the server runs.
	 * @return the registrar
	 */
	public JsonRpcMethodRegistrar methods() {
		return this.methods;
	}

	/**
	 * Return the methods served.
	 * @return the registry
	 */
	public JsonRpcMethodRegistry registry() {
		return this.methods.registry();
	}

	@Override
	public CompletableFuture<JsonRpcReply> handle(JsonRpcInbound inbound, JsonRpcTransportContext context) {
		return this.handler.handle(inbound, context);
	}

	@Override
	public JsonRpcMessageCodec codec() {
		return this.handler.codec();
	}

	/**
	 * Handle a UTF-8 encoded message in process and return the UTF-8 encoded reply.
	 * @param input the message
	 * @return the reply, an empty array when there is nothing to send (notifications);
	 * that empty reply may be one future shared by every caller, whose
	 * {@code obtrudeValue} and {@code obtrudeException} throw
	 * {@link UnsupportedOperationException}
	 */
	public CompletableFuture<byte[]> handle(byte[] input) {
		CompletableFuture<JsonRpcReply> reply = handle(input, JsonRpcTransportContext.inProcess());
		if (reply.isDone() && !reply.isCompletedExceptionally()) {
			// the common synchronous case: encode without another stage
			JsonRpcReply done = reply.join();
			return done.isEmpty() ? NOTHING_TO_SEND : CompletableFuture.completedFuture(codec().encode(done));
		}
		return reply.thenApply(this::encode);
	}

	private byte[] encode(JsonRpcReply reply) {
		return reply.isEmpty() ? NO_REPLY : codec().encode(reply);
	}

	/**
	 * The empty reply, shared by every caller: obtruding another outcome, which would
	 * change it for all of them, is not supported.
	 */
	private static final class NoReplyFuture extends CompletableFuture<byte[]> {

		NoReplyFuture() {
			super.complete(NO_REPLY);
		}

		@Override
		public void obtrudeValue(byte[] value) {
			throw new UnsupportedOperationException("The shared empty reply cannot be changed");
		}

		@Override
		public void obtrudeException(Throwable ex) {
			throw new UnsupportedOperationException("The shared empty reply cannot be changed");
		}

	}

	/**
	 * Builder of a {@link JsonRpcServer}, and the one place that knows how the server's
	 * parts are put together: the Spring Boot auto-configuration creates each of its
	 * beans with the {@code build...} methods, so both have the same defaults.
	 */
	public static final class Builder {

		private @Nullable JsonMapper mapper;

		private JsonRpcCodecLimits limits = JsonRpcCodecLimits.DEFAULTS;

		private JsonRpcNamingStyle namingStyle = JsonRpcNamingStyle.AS_DECLARED;

		private JsonRpcParamsCoercion coercion = JsonRpcParamsCoercion.STRICT;

		private boolean argsKwargs;

		private int maxCollectedItems = InvocableJsonRpcMethodFactory.DEFAULT_MAX_COLLECTED_ITEMS;

		private @Nullable Executor blockingExecutor;

		private @Nullable JsonRpcMethodValidator validator;

		private List<JsonRpcArgumentResolver> argumentResolvers = List.of();

		private List<JsonRpcExceptionResolver> exceptionResolvers = List.of();

		private boolean includeErrorDetails;

		private List<JsonRpcInterceptor> interceptors = List.of();

		private int maxBatchSize = DEFAULT_MAX_BATCH_SIZE;

		private int batchParallelism = 1;

		private @Nullable Executor batchExecutor;

		private boolean discovery = true;

		private boolean version1;

		private String discoveryTitle = DEFAULT_DISCOVERY_TITLE;

		private String discoveryVersion = DEFAULT_DISCOVERY_VERSION;

		private final List<Consumer<JsonRpcMethodRegistrar>> registrations = new ArrayList<>();

		private Builder() {
		}

		/**
		 * Set the mapper that reads params and writes results.
		 * @param mapper the mapper; a default {@code JsonMapper} otherwise
		 * @return this builder
		 */
		public Builder mapper(JsonMapper mapper) {
			Assert.notNull(mapper, "JsonMapper is required");
			this.mapper = mapper;
			return this;
		}

		/**
		 * Set the limits enforced while reading input.
		 * @param limits the limits; {@link JsonRpcCodecLimits#DEFAULTS} otherwise
		 * @return this builder
		 */
		public Builder limits(JsonRpcCodecLimits limits) {
			Assert.notNull(limits, "Limits are required");
			this.limits = limits;
			return this;
		}

		/**
		 * Set how Java names are exposed.
		 * @param namingStyle the style; {@link JsonRpcNamingStyle#AS_DECLARED} otherwise
		 * @return this builder
		 */
		public Builder namingStyle(JsonRpcNamingStyle namingStyle) {
			Assert.notNull(namingStyle, "NamingStyle is required");
			this.namingStyle = namingStyle;
			return this;
		}

		/**
		 * Set how strictly params values are converted.
		 * @param coercion the policy; {@link JsonRpcParamsCoercion#STRICT} otherwise
		 * @return this builder
		 */
		public Builder coercion(JsonRpcParamsCoercion coercion) {
			Assert.notNull(coercion, "Coercion is required");
			this.coercion = coercion;
			return this;
		}

		/**
		 * Accept params shaped {@code {"args": [...], "kwargs": {...}}}, see
		 * {@link InvocableJsonRpcMethodFactory#setArgsKwargs(boolean)}.
		 * @param argsKwargs whether to accept that shape; {@code false} otherwise
		 * @return this builder
		 */
		public Builder argsKwargs(boolean argsKwargs) {
			this.argsKwargs = argsKwargs;
			return this;
		}

		/**
		 * Set how many items a collected stream result may have.
		 * @param maxCollectedItems the maximum; 10,000 otherwise
		 * @return this builder
		 */
		public Builder maxCollectedItems(int maxCollectedItems) {
			Assert.isTrue(maxCollectedItems > 0, "maxCollectedItems must be positive");
			this.maxCollectedItems = maxCollectedItems;
			return this;
		}

		/**
		 * Run methods that do not return a future or publisher on this executor.
		 * @param blockingExecutor the executor, or {@code null} (the default) to run them
		 * on the calling thread
		 * @return this builder
		 */
		public Builder blockingExecutor(@Nullable Executor blockingExecutor) {
			this.blockingExecutor = blockingExecutor;
			return this;
		}

		/**
		 * Validate arguments before methods run, e.g. with Bean Validation.
		 * @param validator the validator, or {@code null} (the default) for none
		 * @return this builder
		 */
		public Builder validator(@Nullable JsonRpcMethodValidator validator) {
			this.validator = validator;
			return this;
		}

		/**
		 * Set further argument resolvers, consulted after the built-in ones.
		 * @param argumentResolvers the resolvers, in order
		 * @return this builder
		 */
		public Builder argumentResolvers(List<JsonRpcArgumentResolver> argumentResolvers) {
			this.argumentResolvers = List.copyOf(argumentResolvers);
			return this;
		}

		/**
		 * Set further exception resolvers, consulted in order after the one that answers
		 * {@code JsonRpcException} and {@code @JsonRpcErrorCode} exceptions.
		 * @param exceptionResolvers the resolvers, in order
		 * @return this builder
		 */
		public Builder exceptionResolvers(List<JsonRpcExceptionResolver> exceptionResolvers) {
			this.exceptionResolvers = List.copyOf(exceptionResolvers);
			return this;
		}

		/**
		 * Add the exception type and message of unresolved failures to the error's
		 * {@code data}; for development only.
		 * @param includeErrorDetails whether to; {@code false} otherwise
		 * @return this builder
		 */
		public Builder includeErrorDetails(boolean includeErrorDetails) {
			this.includeErrorDetails = includeErrorDetails;
			return this;
		}

		/**
		 * Set the interceptors; the first is the outermost.
		 * @param interceptors the interceptors
		 * @return this builder
		 */
		public Builder interceptors(List<JsonRpcInterceptor> interceptors) {
			this.interceptors = List.copyOf(interceptors);
			return this;
		}

		/**
		 * Set the largest batch.
		 * @param maxBatchSize the maximum; {@value JsonRpcServer#DEFAULT_MAX_BATCH_SIZE}
		 * otherwise
		 * @return this builder
		 */
		public Builder maxBatchSize(int maxBatchSize) {
			Assert.isTrue(maxBatchSize > 0, "maxBatchSize must be positive");
			this.maxBatchSize = maxBatchSize;
			return this;
		}

		/**
		 * Run up to this many entries of a batch at once on the given executor; 1 (one
		 * after the other) otherwise.
		 * @param parallelism the number of entries run at once
		 * @param executor the executor
		 * @return this builder
		 */
		public Builder batchParallelism(int parallelism, Executor executor) {
			Assert.isTrue(parallelism > 0, "Parallelism must be positive");
			Assert.notNull(executor, "Executor is required");
			this.batchParallelism = parallelism;
			this.batchExecutor = executor;
			return this;
		}

		/**
		 * Set whether JSON-RPC 1.0 requests are served too (a single request object
		 * without {@code "jsonrpc"}, answered in the 1.0 shape). Off by default.
		 * @param version1 whether 1.0 requests are served
		 * @return this builder
		 * @see JsonRpcMessageCodec#withVersion1(boolean)
		 */
		public Builder version1(boolean version1) {
			this.version1 = version1;
			return this;
		}

		/**
		 * Serve {@code rpc.discover} or not.
		 * @param discovery whether to; {@code true} otherwise
		 * @return this builder
		 */
		public Builder discovery(boolean discovery) {
			this.discovery = discovery;
			return this;
		}

		/**
		 * Set the title and version of the {@code rpc.discover} document.
		 * @param title the title
		 * @param version the version
		 * @return this builder
		 */
		public Builder discovery(String title, String version) {
			Assert.hasText(title, "Title is required");
			Assert.hasText(version, "Version is required");
			this.discoveryTitle = title;
			this.discoveryVersion = version;
			return this;
		}

		/**
		 * Serve the methods of objects, as if they were {@code @JsonRpcService} beans.
		 * @param services the objects
		 * @return this builder
		 */
		public Builder service(Object... services) {
			for (Object service : services) {
				Assert.notNull(service, "Service is required");
				this.registrations.add((registrar) -> registrar.service(service));
			}
			return this;
		}

		/**
		 * Serve a function, see
		 * {@link JsonRpcMethodRegistrar#method(String, Class, Function)}.
		 * @param <P> the params type
		 * @param name the JSON-RPC method name
		 * @param paramsType the params type
		 * @param function the function
		 * @return this builder
		 */
		public <P> Builder method(String name, Class<P> paramsType,
				Function<? super P, ? extends @Nullable Object> function) {
			this.registrations.add((registrar) -> registrar.method(name, paramsType, function));
			return this;
		}

		/**
		 * Serve a function without params.
		 * @param name the JSON-RPC method name
		 * @param function the function
		 * @return this builder
		 */
		public Builder method(String name, Supplier<? extends @Nullable Object> function) {
			this.registrations.add((registrar) -> registrar.method(name, function));
			return this;
		}

		/**
		 * Serve an asynchronous function, see
		 * {@link JsonRpcMethodRegistrar#asyncMethod(String, Class, Function)}.
		 * @param <P> the params type
		 * @param name the JSON-RPC method name
		 * @param paramsType the params type
		 * @param function the function
		 * @return this builder
		 */
		public <P> Builder asyncMethod(String name, Class<P> paramsType,
				Function<? super P, ? extends CompletionStage<?>> function) {
			this.registrations.add((registrar) -> registrar.asyncMethod(name, paramsType, function));
			return this;
		}

		/**
		 * Serve an asynchronous function without params.
		 * @param name the JSON-RPC method name
		 * @param function the function
		 * @return this builder
		 */
		public Builder asyncMethod(String name, Supplier<? extends CompletionStage<?>> function) {
			this.registrations.add((registrar) -> registrar.asyncMethod(name, function));
			return this;
		}

		/**
		 * Build the codec.
		 * @return the codec, with this builder's mapper and limits
		 */
		public JsonRpcMessageCodec buildCodec() {
			return JsonRpcMessageCodec
				.create((this.mapper != null) ? this.mapper : JsonMapper.builder().build(), this.limits)
				.withVersion1(this.version1);
		}

		/**
		 * Build the argument resolvers: the built-in ones, then this builder's.
		 * @return the resolvers
		 */
		public JsonRpcArgumentResolverComposite buildArgumentResolvers() {
			List<JsonRpcArgumentResolver> all = new ArrayList<>(JsonRpcArgumentResolvers.builtIn());
			all.addAll(this.argumentResolvers);
			return new JsonRpcArgumentResolverComposite(all);
		}

		/**
		 * Build the method detector.
		 * @return the detector of annotated methods, with this builder's naming style
		 */
		public AnnotatedJsonRpcMethodDetector buildDetector() {
			return new AnnotatedJsonRpcMethodDetector(this.namingStyle);
		}

		/**
		 * Build the factory of invocable methods.
		 * @param codec the codec, whose mapper binds params
		 * @param resolvers the argument resolvers
		 * @return the factory, with this builder's binding settings
		 */
		public InvocableJsonRpcMethodFactory buildMethodFactory(JsonRpcMessageCodec codec,
				JsonRpcArgumentResolverComposite resolvers) {
			InvocableJsonRpcMethodFactory factory = new InvocableJsonRpcMethodFactory(codec.mapper(), resolvers,
					this.namingStyle, this.validator, this.blockingExecutor);
			factory.setMaxCollectedItems(this.maxCollectedItems);
			factory.setCoercion(this.coercion);
			factory.setArgsKwargs(this.argsKwargs);
			return factory;
		}

		/**
		 * Build the exception handler: errors the application declares first, then this
		 * builder's resolvers.
		 * @return the exception handler
		 */
		public JsonRpcExceptionHandler buildExceptionHandler() {
			List<JsonRpcExceptionResolver> all = new ArrayList<>();
			all.add(new DefaultJsonRpcExceptionResolver());
			all.addAll(this.exceptionResolvers);
			return new JsonRpcExceptionHandler(all, this.includeErrorDetails);
		}

		/**
		 * Build the discovery method's provider.
		 * @param registry the methods to describe
		 * @param codec the codec, whose mapper binds params
		 * @param accessChecker which methods a caller sees
		 * @return the discovery
		 */
		public OpenRpcDiscovery buildDiscovery(JsonRpcMethodRegistry registry, JsonRpcMessageCodec codec,
				Supplier<JsonRpcMethodAccessChecker> accessChecker) {
			return new OpenRpcDiscovery(registry, accessChecker, codec.mapper(), this.discoveryTitle,
					this.discoveryVersion);
		}

		/**
		 * Build the handler.
		 * @param dispatcher the dispatcher
		 * @param codec the codec
		 * @param exceptionHandler the exception handler
		 * @return the handler, with this builder's interceptors and batch settings
		 */
		public JsonRpcHandler buildHandler(JsonRpcDispatcher dispatcher, JsonRpcMessageCodec codec,
				JsonRpcExceptionHandler exceptionHandler) {
			JsonRpcHandler.Builder builder = JsonRpcHandler.builder(dispatcher, codec)
				.interceptors(this.interceptors)
				.exceptionHandler(exceptionHandler)
				.maxBatchSize(this.maxBatchSize);
			if (this.batchExecutor != null) {
				builder.batchParallelism(this.batchParallelism, this.batchExecutor);
			}
			return builder.build();
		}

		/**
		 * Build the server.
		 * @return the server
		 * @throws IllegalStateException on a duplicate or reserved method name, or a
		 * parameter nothing can resolve
		 */
		public JsonRpcServer build() {
			JsonRpcMessageCodec codec = buildCodec();
			InvocableJsonRpcMethodFactory methodFactory = buildMethodFactory(codec, buildArgumentResolvers());
			JsonRpcMethodRegistry registry = new JsonRpcMethodRegistry();
			JsonRpcMethodRegistrar registrar = new JsonRpcMethodRegistrar(registry, methodFactory, buildDetector());
			this.registrations.forEach((registration) -> registration.accept(registrar));
			if (this.discovery) {
				buildDiscovery(registry, codec, JsonRpcMethodAccessChecker::allowAll).register(methodFactory);
			}
			JsonRpcExceptionHandler exceptionHandler = buildExceptionHandler();
			JsonRpcDispatcher dispatcher = new DefaultJsonRpcDispatcher(registry, exceptionHandler);
			return new JsonRpcServer(buildHandler(dispatcher, codec, exceptionHandler), registrar);
		}

	}

}
