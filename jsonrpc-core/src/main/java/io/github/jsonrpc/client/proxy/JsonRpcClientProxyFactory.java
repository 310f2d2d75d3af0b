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

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import io.github.jsonrpc.client.JsonRpcClient;
import io.github.jsonrpc.client.annotation.JsonRpcRemote;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * Factory for proxies of client interfaces: each abstract method becomes a call through a
 * {@link JsonRpcClient}, the JSON-RPC counterpart of Spring's
 * {@code HttpServiceProxyFactory}.
 *
 * <pre class="code">
 * Calculator calculator = JsonRpcClientProxyFactory.create(client).createClient(Calculator.class);
 * </pre>
 *
 * <p>
 * Methods are checked when the proxy is created, so a bad declaration fails at startup,
 * not at the first call.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcClientProxyFactory {

	private final JsonRpcClient client;

	private JsonRpcClientProxyFactory(JsonRpcClient client) {
		Assert.notNull(client, "Client is required");
		this.client = client;
	}

	/**
	 * Create a factory for proxies calling through a client.
	 * @param client the client
	 * @return the factory
	 */
	public static JsonRpcClientProxyFactory create(JsonRpcClient client) {
		return new JsonRpcClientProxyFactory(client);
	}

	/**
	 * Create a proxy of an interface; {@link JsonRpcRemote} is optional here, its
	 * defaults apply when it is absent.
	 * @param type the interface
	 * @param <S> the interface type
	 * @return the proxy
	 */
	public <S> S createClient(Class<S> type) {
		Assert.isTrue(type.isInterface(), () -> type.getName() + " is not an interface");
		JsonRpcRemote remote = type.getAnnotation(JsonRpcRemote.class);
		Map<Method, JsonRpcProxyMethod> methods = new HashMap<>();
		for (Method method : type.getMethods()) {
			if (!method.isDefault() && !Modifier.isStatic(method.getModifiers())) {
				methods.put(method, new JsonRpcProxyMethod(method, remote));
			}
		}
		Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
				new Handler(type, this.client, methods));
		return type.cast(proxy);
	}

	private record Handler(Class<?> type, JsonRpcClient client,
			Map<Method, JsonRpcProxyMethod> methods) implements InvocationHandler {

		@Override
		public @Nullable Object invoke(Object proxy, Method method, @Nullable Object @Nullable [] args)
				throws Throwable {
			JsonRpcProxyMethod remote = this.methods.get(method);
			if (remote != null) {
				return remote.invoke(this.client, (args != null) ? args : new Object[0]);
			}
			if (method.isDefault()) {
				return InvocationHandler.invokeDefault(proxy, method, args);
			}
			return switch (method.getName()) {
				case "equals" -> (args != null && proxy == args[0]);
				case "hashCode" -> System.identityHashCode(proxy);
				case "toString" -> "JSON-RPC client proxy for " + ClassUtils.getQualifiedName(this.type);
				default -> throw new IllegalStateException("Unexpected method " + method);
			};
		}

	}

}
