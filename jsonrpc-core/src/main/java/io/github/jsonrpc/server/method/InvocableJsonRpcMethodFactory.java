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

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;

import io.github.jsonrpc.server.method.InvocableJsonRpcMethod.ArgumentSource;
import io.github.jsonrpc.server.method.annotation.JsonRpcMethod;
import io.github.jsonrpc.server.method.annotation.JsonRpcParam;
import io.github.jsonrpc.server.method.annotation.JsonRpcParams;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.core.MethodParameter;
import org.springframework.format.datetime.standard.DurationFormatterUtils;
import org.springframework.util.Assert;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;

/**
 * Creates {@link InvocableJsonRpcMethod}s, deciding once per parameter where its value
 * comes from. Order, which matters: {@link JsonRpcParam} and {@link JsonRpcParams}
 * parameters are always bound from params; otherwise the first argument resolver that
 * supports the parameter (exchange, session, principal, then application resolvers);
 * otherwise the parameter is bound from params by its Java name or position. Fails with
 * an {@link IllegalStateException} naming the method when a parameter cannot be resolved.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class InvocableJsonRpcMethodFactory {

	private static final String[] UNBINDABLE_PACKAGES = { "jakarta.servlet.", "javax.servlet.", "java.security.",
			"org.springframework.", "java.io.", "java.net.", "java.lang.reflect.", "java.lang.Thread" };

	private final JsonMapper mapper;

	private final JsonRpcArgumentResolverComposite resolvers;

	private final JsonRpcNamingStyle namingStyle;

	private final @Nullable JsonRpcMethodValidator validator;

	private final @Nullable Executor blockingExecutor;

	private int maxCollectedItems = DEFAULT_MAX_COLLECTED_ITEMS;

	private Function<String, JsonRpcMethodLimits> configuredLimits = (name) -> JsonRpcMethodLimits.NONE;

	private @Nullable Executor timeoutExecutor;

	private JsonRpcParamsCoercion coercion = JsonRpcParamsCoercion.STRICT;

	private JsonMapper paramsMapper;

	private boolean argsKwargs;

	/** Default of {@link #setMaxCollectedItems(int)}. */
	public static final int DEFAULT_MAX_COLLECTED_ITEMS = 10_000;

	/**
	 * Create a new instance.
	 * @param mapper the application's mapper, used to bind params
	 * @param resolvers the argument resolvers for parameters not taken from params
	 * @param namingStyle how Java parameter names are exposed
	 * @param validator the validator of arguments, or {@code null}
	 * @param blockingExecutor where methods that do not return a future or publisher run,
	 * or {@code null} to run them on the calling thread
	 */
	public InvocableJsonRpcMethodFactory(JsonMapper mapper, JsonRpcArgumentResolverComposite resolvers,
			JsonRpcNamingStyle namingStyle, @Nullable JsonRpcMethodValidator validator,
			@Nullable Executor blockingExecutor) {
		Assert.notNull(mapper, "JsonMapper is required");
		Assert.notNull(resolvers, "Resolvers are required");
		Assert.notNull(namingStyle, "NamingStyle is required");
		this.mapper = mapper;
		this.resolvers = resolvers;
		this.namingStyle = namingStyle;
		this.validator = validator;
		this.blockingExecutor = blockingExecutor;
		this.paramsMapper = this.coercion.paramsMapper(mapper);
	}

	/**
	 * Set how strictly params values are converted to parameter types. Applies to methods
	 * created afterwards.
	 * @param coercion the policy, {@link JsonRpcParamsCoercion#STRICT} by default
	 */
	public void setCoercion(JsonRpcParamsCoercion coercion) {
		Assert.notNull(coercion, "Coercion is required");
		this.coercion = coercion;
		this.paramsMapper = coercion.paramsMapper(this.mapper);
	}

	/**
	 * Return how strictly params values are converted to parameter types.
	 * @return the policy
	 */
	public JsonRpcParamsCoercion coercion() {
		return this.coercion;
	}

	/**
	 * Set whether params of the shape {@code {"args": [...], "kwargs": {...}}} (sent by
	 * aiohttp-json-rpc's attribute-style calls) bind {@code args} by position and
	 * {@code kwargs} by name. Methods with a parameter named {@code args} or
	 * {@code kwargs}, or binding the whole params, are not affected. Applies to methods
	 * created afterwards.
	 * @param argsKwargs {@code true} to accept that shape, {@code false} by default
	 */
	public void setArgsKwargs(boolean argsKwargs) {
		this.argsKwargs = argsKwargs;
	}

	/**
	 * Set the largest number of items a stream or multi-value publisher may produce when
	 * it is collected into one result (over HTTP, or without a streaming transport);
	 * beyond it the call is answered with {@code -32005} and the source is cancelled.
	 * Also bounds how many items are consumed (and discarded) for a notification.
	 * @param maxCollectedItems the maximum, {@value #DEFAULT_MAX_COLLECTED_ITEMS} by
	 * default
	 */
	public void setMaxCollectedItems(int maxCollectedItems) {
		Assert.isTrue(maxCollectedItems > 0, "maxCollectedItems must be positive");
		this.maxCollectedItems = maxCollectedItems;
	}

	/**
	 * Set the limits configured for methods by name; they take precedence over those of
	 * {@link io.github.jsonrpc.server.method.annotation.JsonRpcMethod#timeout()} and
	 * {@link io.github.jsonrpc.server.method.annotation.JsonRpcMethod#maxConcurrency()}.
	 * @param configuredLimits the limits of a method name,
	 * {@link JsonRpcMethodLimits#NONE} for none
	 */
	public void setConfiguredLimits(Function<String, JsonRpcMethodLimits> configuredLimits) {
		Assert.notNull(configuredLimits, "ConfiguredLimits is required");
		this.configuredLimits = configuredLimits;
	}

	/**
	 * Set where blocking methods with a timeout run when blocking methods are not moved
	 * off the calling thread anyway, so that a timed-out call's thread can be interrupted
	 * without interrupting a transport thread.
	 * @param timeoutExecutor the executor, or {@code null} to run such methods on the
	 * calling thread (their timeout then answers the call but cannot interrupt it)
	 */
	public void setTimeoutExecutor(@Nullable Executor timeoutExecutor) {
		this.timeoutExecutor = timeoutExecutor;
	}

	/**
	 * Return how Java names are exposed.
	 * @return the naming style
	 */
	public JsonRpcNamingStyle namingStyle() {
		return this.namingStyle;
	}

	/**
	 * Create the invocable form of a handler method.
	 * @param handlerMethod the handler method
	 * @return the invocable method
	 * @throws IllegalStateException if a parameter cannot be resolved
	 */
	public InvocableJsonRpcMethod create(JsonRpcHandlerMethod handlerMethod) {
		MethodParameter[] parameters = handlerMethod.getMethodParameters();
		ArgumentSource[] sources = new ArgumentSource[parameters.length];
		List<JsonRpcParameter> bound = new ArrayList<>();
		boolean wholeParams = false;
		boolean varargs = false;
		for (int i = 0; i < parameters.length; i++) {
			MethodParameter parameter = parameters[i];
			JsonRpcParam param = parameter.getParameterAnnotation(JsonRpcParam.class);
			JsonRpcParams whole = parameter.getParameterAnnotation(JsonRpcParams.class);
			if (param == null && whole == null) {
				JsonRpcArgumentResolver resolver = this.resolvers.getResolver(parameter);
				if (resolver != null) {
					sources[i] = new ArgumentSource(parameter, resolver, -1);
					continue;
				}
				assertBindable(handlerMethod, parameter);
			}
			if (whole != null) {
				wholeParams = true;
			}
			varargs = handlerMethod.getMethod().isVarArgs() && i == parameters.length - 1;
			sources[i] = new ArgumentSource(parameter, null, bound.size());
			bound.add(describe(parameter, javaName(parameter), parameterType(parameter), param, whole, bound.size(),
					varargs));
		}
		if (wholeParams && bound.size() > 1) {
			throw new IllegalStateException("JSON-RPC method " + handlerMethod
					+ " binds the whole params to one parameter and cannot bind other parameters from params");
		}
		JsonRpcParamsBinder binder = new JsonRpcParamsBinder(this.paramsMapper, bound, wholeParams, varargs,
				this.argsKwargs);
		Method method = handlerMethod.getMethod();
		JsonRpcMethodValidator validator = (this.validator != null
				&& this.validator.requiresValidation(handlerMethod.beanType(), method)) ? this.validator : null;
		JsonRpcMethodLimits limits = annotatedLimits(handlerMethod)
			.overriddenBy(this.configuredLimits.apply(handlerMethod.name()));
		Executor executor = (limits.timeout() != null && this.blockingExecutor == null) ? this.timeoutExecutor
				: this.blockingExecutor;
		return new InvocableJsonRpcMethod(handlerMethod, sources, binder, validator, executor, this.maxCollectedItems,
				limits, null);
	}

	private static JsonRpcMethodLimits annotatedLimits(JsonRpcHandlerMethod handlerMethod) {
		JsonRpcMethod annotation = handlerMethod.getMethodAnnotation(JsonRpcMethod.class);
		if (annotation == null) {
			return JsonRpcMethodLimits.NONE;
		}
		Duration timeout = null;
		if (StringUtils.hasText(annotation.timeout())) {
			try {
				timeout = DurationFormatterUtils.detectAndParse(annotation.timeout());
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("Invalid timeout '" + annotation.timeout() + "' on JSON-RPC method "
						+ handlerMethod + ": use e.g. \"5s\", \"500ms\" or \"PT5S\"", ex);
			}
		}
		return new JsonRpcMethodLimits(timeout, annotation.maxConcurrency());
	}

	/**
	 * Create the invocable form of a function served under a name. A record params type
	 * binds like a Java method with the record's components as parameters (named or
	 * positional params; {@link JsonRpcParam} on components applies); an array,
	 * collection, map or other object type binds the whole params; any other type (a
	 * string, number, boolean) is the one parameter, named {@code value}.
	 * @param <P> the params type
	 * @param name the JSON-RPC method name
	 * @param paramsType the params type, or {@code null} for a method without params
	 * @param function the function, given the bound params ({@code null} without params)
	 * @param async whether the function returns a
	 * {@link java.util.concurrent.CompletionStage}, so that it never runs on the blocking
	 * executor
	 * @param description a short description, may be empty
	 * @return the invocable method
	 */
	public <P> InvocableJsonRpcMethod create(String name, @Nullable Class<P> paramsType,
			Function<? super P, ? extends @Nullable Object> function, boolean async, String description) {
		Assert.notNull(function, "Function is required");
		JsonRpcFunctionTarget target = new JsonRpcFunctionTarget(function);
		JsonRpcHandlerMethod handlerMethod = new JsonRpcHandlerMethod(name, target,
				JsonRpcFunctionTarget.method(paramsType != null, async), description);
		if (paramsType == null) {
			return create(handlerMethod);
		}
		MethodParameter target0 = handlerMethod.getMethodParameters()[0];
		ArgumentSource[] sources = { new ArgumentSource(target0, null, 0) };
		List<JsonRpcParameter> bound = new ArrayList<>();
		InvocableJsonRpcMethod.ParamsAssembler assembler = null;
		boolean wholeParams = false;
		if (paramsType.isRecord()) {
			Constructor<P> constructor = canonicalConstructor(paramsType);
			RecordComponent[] components = paramsType.getRecordComponents();
			for (int i = 0; i < components.length; i++) {
				MethodParameter parameter = new MethodParameter(constructor, i);
				bound.add(describe(parameter, this.namingStyle.apply(components[i].getName()), parameterType(parameter),
						parameter.getParameterAnnotation(JsonRpcParam.class), null, i, false));
			}
			ReflectionUtils.makeAccessible(constructor);
			assembler = constructor::newInstance;
		}
		else {
			JavaType type = this.mapper.constructType(paramsType);
			String kind = JsonRpcParameter.kindOf(type);
			wholeParams = "object".equals(kind) || "array".equals(kind);
			bound.add(describe(target0, wholeParams ? "params" : "value", type, null, null, 0, false));
		}
		JsonRpcParamsBinder binder = new JsonRpcParamsBinder(this.paramsMapper, bound, wholeParams, false,
				this.argsKwargs);
		JsonRpcMethodLimits limits = this.configuredLimits.apply(name);
		Executor executor = async ? null : (limits.timeout() != null && this.blockingExecutor == null)
				? this.timeoutExecutor : this.blockingExecutor;
		return new InvocableJsonRpcMethod(handlerMethod, sources, binder, null, executor, this.maxCollectedItems,
				limits, assembler);
	}

	private static <P> Constructor<P> canonicalConstructor(Class<P> recordType) {
		RecordComponent[] components = recordType.getRecordComponents();
		Class<?>[] types = new Class<?>[components.length];
		for (int i = 0; i < components.length; i++) {
			types[i] = components[i].getType();
		}
		try {
			return recordType.getDeclaredConstructor(types);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException("No canonical constructor on " + recordType.getName(), ex);
		}
	}

	private JavaType parameterType(MethodParameter parameter) {
		return this.mapper.constructType((parameter.getParameterType() == Optional.class)
				? parameter.nestedIfOptional().getNestedGenericParameterType() : parameter.getGenericParameterType());
	}

	private JsonRpcParameter describe(MethodParameter parameter, String javaName, JavaType type,
			@Nullable JsonRpcParam param, @Nullable JsonRpcParams whole, int position, boolean varargs) {
		String name = (param != null && StringUtils.hasText(param.value())) ? param.value() : javaName;
		boolean required = (whole != null) ? whole.required() : (param == null || param.required());
		JsonNode defaultValue = null;
		if (param != null && !JsonRpcParam.NO_DEFAULT.equals(param.defaultValue())) {
			defaultValue = parseDefault(param.defaultValue());
			required = false;
		}
		if (parameter.isOptional()) {
			required = false;
		}
		if (varargs && defaultValue == null) {
			// omitted varargs are an empty array, as in Java
			defaultValue = JsonNodeFactory.instance.arrayNode();
			required = false;
		}
		return new JsonRpcParameter(name, position, required, defaultValue, type, JsonRpcParameter.kindOf(type),
				parameter);
	}

	private String javaName(MethodParameter parameter) {
		String name = parameter.getParameterName();
		// without -parameters only positional params can bind this parameter
		return (name != null) ? this.namingStyle.apply(name) : "arg" + parameter.getParameterIndex();
	}

	private JsonNode parseDefault(String text) {
		try {
			JsonNode node = this.mapper.readTree(text);
			return (node != null && !node.isMissingNode()) ? node : JsonNodeFactory.instance.stringNode(text);
		}
		catch (JacksonException ex) {
			return JsonNodeFactory.instance.stringNode(text);
		}
	}

	private static void assertBindable(JsonRpcHandlerMethod handlerMethod, MethodParameter parameter) {
		String typeName = parameter.getParameterType().getName();
		for (String prefix : UNBINDABLE_PACKAGES) {
			if (typeName.startsWith(prefix)) {
				throw new IllegalStateException("Cannot resolve parameter " + parameter.getParameterIndex() + " ("
						+ parameter.getParameterType().getSimpleName() + " " + parameter.getParameterName()
						+ ") of JSON-RPC method " + handlerMethod
						+ ": no argument resolver supports it and it cannot be bound from params");
			}
		}
	}

}
