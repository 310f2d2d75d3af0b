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

package io.github.jsonrpc.client.proxy;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

import io.github.jsonrpc.client.JsonRpcClient;
import io.github.jsonrpc.client.annotation.JsonRpcCall;
import io.github.jsonrpc.client.annotation.JsonRpcParamStyle;
import io.github.jsonrpc.client.annotation.JsonRpcRemote;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.util.ObjectUtils;
import org.springframework.util.StringUtils;

/**
 * One method of a client interface: the remote name, the param style, and how the return
 * type is produced.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class JsonRpcProxyMethod {

	private static final boolean reactorPresent = ClassUtils.isPresent("reactor.core.publisher.Flux",
			JsonRpcProxyMethod.class.getClassLoader());

	private final String name;

	private final JsonRpcParamStyle paramStyle;

	private final String[] paramNames;

	private final Kind kind;

	private final boolean varArgs;

	private final ParameterizedTypeReference<?> resultType;

	JsonRpcProxyMethod(Method method, @Nullable JsonRpcRemote remote) {
		JsonRpcCall call = method.getAnnotation(JsonRpcCall.class);
		String simpleName = (call != null && StringUtils.hasText(call.value())) ? call.value() : method.getName();
		String prefix = (remote != null) ? remote.prefix() : "";
		this.name = StringUtils.hasText(prefix) ? prefix + "." + simpleName : simpleName;
		JsonRpcParamStyle style = (call != null) ? call.paramStyle() : JsonRpcParamStyle.DEFAULT;
		if (style == JsonRpcParamStyle.DEFAULT) {
			style = (remote != null) ? remote.paramStyle() : JsonRpcParamStyle.POSITIONAL;
		}
		this.paramStyle = (style == JsonRpcParamStyle.DEFAULT) ? JsonRpcParamStyle.POSITIONAL : style;
		this.paramNames = paramNames(method, this.paramStyle);
		this.varArgs = method.isVarArgs();
		Class<?> returnType = method.getReturnType();
		boolean notification = call != null && call.notification();
		if (returnType == CompletableFuture.class || returnType == CompletionStage.class) {
			Assert.state(!notification, () -> "Notification method " + method + " must return void");
			this.kind = Kind.ASYNC;
			Type generic = method.getGenericReturnType();
			Type element = (generic instanceof ParameterizedType parameterized)
					? parameterized.getActualTypeArguments()[0] : Object.class;
			this.resultType = ParameterizedTypeReference.forType(element);
		}
		else if (returnType == Flow.Publisher.class || isFlux(returnType)) {
			Assert.state(!notification, () -> "Notification method " + method + " must return void");
			this.kind = (returnType == Flow.Publisher.class) ? Kind.PUBLISHER : Kind.FLUX;
			Type generic = method.getGenericReturnType();
			Type element = (generic instanceof ParameterizedType parameterized)
					? parameterized.getActualTypeArguments()[0] : Object.class;
			this.resultType = ParameterizedTypeReference.forType(element);
		}
		else if (returnType == void.class) {
			this.kind = notification ? Kind.NOTIFICATION : Kind.VOID;
			this.resultType = ParameterizedTypeReference.forType(Object.class);
		}
		else {
			Assert.state(!notification, () -> "Notification method " + method + " must return void");
			this.kind = Kind.SYNC;
			this.resultType = ParameterizedTypeReference.forType(method.getGenericReturnType());
		}
	}

	private static String[] paramNames(Method method, JsonRpcParamStyle style) {
		Parameter[] parameters = method.getParameters();
		if (style == JsonRpcParamStyle.OBJECT) {
			Assert.state(parameters.length == 1,
					() -> "Method " + method + " uses param style OBJECT and must have exactly one parameter");
		}
		String[] names = new String[parameters.length];
		for (int i = 0; i < parameters.length; i++) {
			if (style == JsonRpcParamStyle.NAMED) {
				Parameter parameter = parameters[i];
				Assert.state(parameter.isNamePresent(), () -> "Method " + method
						+ " uses named params: compile with -parameters so that parameter names are known");
			}
			names[i] = parameters[i].getName();
		}
		return names;
	}

	String name() {
		return this.name;
	}

	@Nullable Object invoke(JsonRpcClient client, @Nullable Object[] args) {
		JsonRpcClient.RequestSpec request = client.method(this.name);
		switch (this.paramStyle) {
			case NAMED -> {
				Map<String, @Nullable Object> named = new LinkedHashMap<>();
				for (int i = 0; i < args.length; i++) {
					named.put(this.paramNames[i], args[i]);
				}
				request.params(named);
			}
			case OBJECT -> {
				Object params = args[0];
				Assert.notNull(params, () -> "The params object of method '" + this.name + "' must not be null");
				request.namedParams(params);
			}
			default -> {
				if (args.length > 0) {
					request.params(this.varArgs ? spread(args) : args);
				}
			}
		}
		return switch (this.kind) {
			case SYNC -> request.retrieve(this.resultType);
			case ASYNC -> request.retrieveAsync(this.resultType);
			case PUBLISHER -> request.stream(this.resultType);
			case FLUX -> ReactorAdapter.toFlux(request.stream(this.resultType));
			case VOID -> {
				request.retrieve(this.resultType);
				yield null;
			}
			case NOTIFICATION -> {
				request.send();
				yield null;
			}
		};
	}

	/**
	 * Spread a varargs array into positional params, as Java callers write them.
	 */
	private static @Nullable Object[] spread(@Nullable Object[] args) {
		Object last = args[args.length - 1];
		Object[] rest = (last != null) ? ObjectUtils.toObjectArray(last) : new Object[0];
		Object[] all = new Object[args.length - 1 + rest.length];
		System.arraycopy(args, 0, all, 0, args.length - 1);
		System.arraycopy(rest, 0, all, args.length - 1, rest.length);
		return all;
	}

	private static boolean isFlux(Class<?> type) {
		return reactorPresent && ReactorAdapter.isFlux(type);
	}

	private enum Kind {

		SYNC, ASYNC, PUBLISHER, FLUX, VOID, NOTIFICATION

	}

	/**
	 * Keeps Reactor, an optional dependency, out of the outer class.
	 */
	private static final class ReactorAdapter {

		static boolean isFlux(Class<?> type) {
			return type == reactor.core.publisher.Flux.class;
		}

		static Object toFlux(Flow.Publisher<?> publisher) {
			return reactor.adapter.JdkFlowAdapter.flowPublisherToFlux(publisher);
		}

	}

}
