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
package io.github.jsonrpc.server.method;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.function.BiFunction;

import io.github.jsonrpc.server.JsonRpcExceptionHandler;
import io.github.jsonrpc.server.JsonRpcExchange;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * A {@link JsonRpcHandlerMethod} ready to be called: arguments are bound from
 * {@code params} or resolved by the resolver chosen at startup, validated when a
 * validator applies, and the return value is adapted to a {@link CompletableFuture}.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class InvocableJsonRpcMethod {

	private final JsonRpcHandlerMethod handlerMethod;

	private final ArgumentSource[] sources;

	private final JsonRpcParamsBinder binder;

	private final @Nullable JsonRpcMethodValidator validator;

	private final @Nullable Executor blockingExecutor;

	// every argument is bound from params, in order: the bound values are the arguments
	private final boolean paramsOnly;

	private final int maxCollectedItems;

	// the declared return type can only hold a plain value (a primitive, void, a boxed
	// primitive or a String): no need to look at each result's class
	private final boolean plainReturn;

	private final JsonRpcMethodLimits limits;

	private final @Nullable JsonRpcMethodGuard guard;

	// turns the bound params into the single argument of a functional method (a record)
	private final @Nullable ParamsAssembler assembler;

	InvocableJsonRpcMethod(JsonRpcHandlerMethod handlerMethod, ArgumentSource[] sources, JsonRpcParamsBinder binder,
			@Nullable JsonRpcMethodValidator validator, @Nullable Executor blockingExecutor, int maxCollectedItems,
			JsonRpcMethodLimits limits, @Nullable ParamsAssembler assembler) {
		this.handlerMethod = handlerMethod;
		this.limits = limits;
		this.guard = limits.isLimited() ? new JsonRpcMethodGuard(limits) : null;
		this.assembler = assembler;
		this.maxCollectedItems = maxCollectedItems;
		this.sources = sources;
		this.binder = binder;
		this.validator = validator;
		ReflectionUtils.makeAccessible(handlerMethod.invocableMethod());
		boolean async = JsonRpcReturnValueAdapter.isAsync(handlerMethod.getMethod().getReturnType());
		this.blockingExecutor = async ? null : blockingExecutor;
		this.paramsOnly = isParamsOnly(sources);
		this.plainReturn = isPlainType(handlerMethod.getMethod().getReturnType());
	}

	private static boolean isPlainType(Class<?> type) {
		return type.isPrimitive() || type == String.class || ClassUtils.isPrimitiveWrapper(type);
	}

	private static boolean isParamsOnly(ArgumentSource[] sources) {
		for (int i = 0; i < sources.length; i++) {
			if (sources[i].resolver != null || sources[i].paramsIndex != i) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Return the handler method.
	 * @return the handler method
	 */
	public JsonRpcHandlerMethod handlerMethod() {
		return this.handlerMethod;
	}

	/**
	 * Return the JSON-RPC method name.
	 * @return the name
	 */
	public String name() {
		return this.handlerMethod.name();
	}

	/**
	 * Return the parameters bound from {@code params}, in position order.
	 * @return the parameters
	 */
	public List<JsonRpcParameter> parameters() {
		return this.binder.parameters();
	}

	/**
	 * Return whether the whole {@code params} value binds to a single parameter.
	 * @return {@code true} for a {@code @JsonRpcParams} parameter
	 */
	public boolean bindsWholeParams() {
		return this.binder.bindsWholeParams();
	}

	/**
	 * Return the limits applied to each call.
	 * @return the limits, {@link JsonRpcMethodLimits#NONE} when there are none
	 */
	public JsonRpcMethodLimits limits() {
		return this.limits;
	}

	/**
	 * Invoke the method for one call.
	 * @param exchange the call
	 * @return the result; completed exceptionally with the method's own exception (or a
	 * {@code -32602} {@link io.github.jsonrpc.server.JsonRpcException} for bad params,
	 * {@code -32005} for a call over the method's limits)
	 */
	public CompletableFuture<@Nullable Object> invoke(JsonRpcExchange exchange) {
		JsonRpcMethodGuard guard = this.guard;
		return (guard != null) ? guard.call(() -> invokeOn(exchange)) : invokeOn(exchange);
	}

	/**
	 * Invoke the method for one call and turn its outcome into an answer: as
	 * {@link #invoke(JsonRpcExchange)} followed by {@code onResult} or {@code onFailure},
	 * but without a future in between when the method returns a plain value on the
	 * calling thread (the common case).
	 * @param <T> the type of the answer
	 * @param exchange the call
	 * @param onResult makes the answer from the result
	 * @param onFailure makes the answer from a failure (the method's own exception, or
	 * what {@link #invoke(JsonRpcExchange)} completes with)
	 * @return the answer
	 * @since 0.1.0
	 */
	public <T> CompletableFuture<T> invoke(JsonRpcExchange exchange,
			BiFunction<JsonRpcExchange, @Nullable Object, T> onResult,
			BiFunction<JsonRpcExchange, Throwable, T> onFailure) {
		if (this.guard != null || this.blockingExecutor != null) {
			return answer(invoke(exchange), exchange, onResult, onFailure);
		}
		Object value;
		try {
			value = invokeMethod(exchange);
		}
		catch (InvocationTargetException ex) {
			JsonRpcExceptionHandler.rethrowIfFatal(ex.getTargetException());
			return CompletableFuture.completedFuture(onFailure.apply(exchange, ex.getTargetException()));
		}
		catch (VirtualMachineError ex) {
			throw ex;
		}
		catch (Throwable ex) {
			return CompletableFuture.completedFuture(onFailure.apply(exchange, ex));
		}
		if (this.plainReturn || JsonRpcReturnValueAdapter.isPlain(value)) {
			return CompletableFuture.completedFuture(onResult.apply(exchange, value));
		}
		return answer(JsonRpcReturnValueAdapter.adapt(value, exchange, this.maxCollectedItems), exchange, onResult,
				onFailure);
	}

	private static <T> CompletableFuture<T> answer(CompletableFuture<@Nullable Object> invocation,
			JsonRpcExchange exchange, BiFunction<JsonRpcExchange, @Nullable Object, T> onResult,
			BiFunction<JsonRpcExchange, Throwable, T> onFailure) {
		return invocation
			.handle((result, ex) -> (ex != null) ? onFailure.apply(exchange, ex) : onResult.apply(exchange, result));
	}

	private CompletableFuture<@Nullable Object> invokeOn(JsonRpcExchange exchange) {
		Executor executor = this.blockingExecutor;
		if (executor == null) {
			return invokeHere(exchange);
		}
		// cancelling the result (on a timeout) interrupts the thread running the method
		CompletableFuture<@Nullable Object> result = new CompletableFuture<>();
		FutureTask<@Nullable Void> task = new FutureTask<>(() -> {
			try {
				invokeHere(exchange).whenComplete((value, ex) -> {
					if (ex != null) {
						result.completeExceptionally(ex);
					}
					else {
						result.complete(value);
					}
				});
			}
			catch (RuntimeException | Error ex) {
				// a JVM error: the reply fails with it rather than waiting forever
				result.completeExceptionally(ex);
				throw ex;
			}
		}, null);
		result.whenComplete((value, ex) -> {
			if (result.isCancelled()) {
				task.cancel(true);
			}
		});
		executor.execute(task);
		return result;
	}

	private CompletableFuture<@Nullable Object> invokeHere(JsonRpcExchange exchange) {
		try {
			return JsonRpcReturnValueAdapter.adapt(invokeMethod(exchange), exchange, this.maxCollectedItems);
		}
		catch (InvocationTargetException ex) {
			// the JVM failed, not the call: never an error response
			JsonRpcExceptionHandler.rethrowIfFatal(ex.getTargetException());
			return CompletableFuture.failedFuture(ex.getTargetException());
		}
		catch (VirtualMachineError ex) {
			throw ex;
		}
		catch (Throwable ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	private @Nullable Object invokeMethod(JsonRpcExchange exchange) throws Exception {
		Object[] arguments = resolveArguments(exchange);
		Method method = this.handlerMethod.invocableMethod();
		if (this.validator != null) {
			this.validator.validate(this, arguments);
		}
		return method.invoke(this.handlerMethod.bean(), arguments);
	}

	private Object[] resolveArguments(JsonRpcExchange exchange) throws Exception {
		Object[] bound = this.binder.bind(exchange.request().params());
		if (this.assembler != null) {
			return new Object[] { this.assembler.assemble(bound) };
		}
		if (this.paramsOnly) {
			return bound;
		}
		Object[] arguments = new Object[this.sources.length];
		for (int i = 0; i < this.sources.length; i++) {
			ArgumentSource source = this.sources[i];
			arguments[i] = (source.resolver != null) ? source.resolver.resolveArgument(source.parameter, exchange)
					: bound[source.paramsIndex];
		}
		return arguments;
	}

	@Override
	public String toString() {
		return this.handlerMethod.toString();
	}

	/**
	 * Builds the one argument of a functional method from the values bound from params.
	 */
	@FunctionalInterface
	interface ParamsAssembler {

		Object assemble(Object[] values) throws Exception;

	}

	/**
	 * Where one argument comes from: a resolver, or a position among the bound params.
	 */
	static final class ArgumentSource {

		final MethodParameter parameter;

		final @Nullable JsonRpcArgumentResolver resolver;

		final int paramsIndex;

		ArgumentSource(MethodParameter parameter, @Nullable JsonRpcArgumentResolver resolver, int paramsIndex) {
			this.parameter = parameter;
			this.resolver = resolver;
			this.paramsIndex = paramsIndex;
		}

	}

}
