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
package io.github.jsonrpc.server.method.annotation.support;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.jsonrpc.server.method.JsonRpcHandlerMethod;
import io.github.jsonrpc.server.method.JsonRpcNamingStyle;
import io.github.jsonrpc.server.method.annotation.JsonRpcMethod;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.factory.Aware;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationListener;
import org.springframework.context.Lifecycle;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;

/**
 * Finds the JSON-RPC methods of a {@link JsonRpcService} bean and names them.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class AnnotatedJsonRpcMethodDetector {

	private static final List<Class<?>> CALLBACK_TYPES = List.of(Aware.class, InitializingBean.class,
			DisposableBean.class, SmartInitializingSingleton.class, Lifecycle.class, ApplicationListener.class);

	private final JsonRpcNamingStyle namingStyle;

	/**
	 * Create a new instance.
	 * @param namingStyle how Java method names are exposed
	 */
	public AnnotatedJsonRpcMethodDetector(JsonRpcNamingStyle namingStyle) {
		Assert.notNull(namingStyle, "NamingStyle is required");
		this.namingStyle = namingStyle;
	}

	/**
	 * Return whether the bean's class is a {@link JsonRpcService}.
	 * @param bean the bean
	 * @return {@code true} if it is
	 */
	public boolean isService(Object bean) {
		return AnnotatedElementUtils.hasAnnotation(AopProxyUtils.ultimateTargetClass(bean), JsonRpcService.class);
	}

	/**
	 * Detect the methods of a bean.
	 * @param bean the bean, possibly a proxy
	 * @return the handler methods: of a {@link JsonRpcService}, as it exposes them; of
	 * any other object, its
	 * {@link io.github.jsonrpc.server.method.annotation.JsonRpcMethod JsonRpcMethod}
	 * methods only
	 */
	public List<JsonRpcHandlerMethod> detect(Object bean) {
		Class<?> userType = AopProxyUtils.ultimateTargetClass(bean);
		JsonRpcService service = AnnotatedElementUtils.findMergedAnnotation(userType, JsonRpcService.class);
		// an object that is no service (e.g. the handler of a client, which must not
		// become a server bean) offers its @JsonRpcMethod methods only
		String prefix = (service != null && StringUtils.hasText(service.value())) ? service.value() + "." : "";
		boolean exposeAll = service != null && service.exposeAll();
		Map<Method, String> methods = MethodIntrospector.selectMethods(userType,
				(MethodIntrospector.MetadataLookup<String>) (method) -> name(userType, method, exposeAll));
		List<JsonRpcHandlerMethod> result = new ArrayList<>(methods.size());
		methods.forEach((method, name) -> {
			JsonRpcMethod annotation = AnnotatedElementUtils.findMergedAnnotation(method, JsonRpcMethod.class);
			String description = (annotation != null) ? annotation.description() : "";
			result.add(new JsonRpcHandlerMethod(prefix + name, bean, method, description));
		});
		result.sort((a, b) -> a.name().compareTo(b.name()));
		return result;
	}

	private String name(Class<?> userType, Method method, boolean exposeAll) {
		JsonRpcMethod annotation = AnnotatedElementUtils.findMergedAnnotation(method, JsonRpcMethod.class);
		if (annotation == null && (!exposeAll || !isExposable(userType, method))) {
			return null;
		}
		return (annotation != null && StringUtils.hasText(annotation.value())) ? annotation.value()
				: this.namingStyle.apply(method.getName());
	}

	private static boolean isExposable(Class<?> userType, Method method) {
		int modifiers = method.getModifiers();
		if (!Modifier.isPublic(modifiers) || Modifier.isStatic(modifiers) || method.isBridge() || method.isSynthetic()
				|| method.getDeclaringClass() == Object.class || ReflectionUtils.isObjectMethod(method)) {
			return false;
		}
		// every sub-interface counts (BeanNameAware, SmartLifecycle), and a generic
		// callback is matched by erasure: onApplicationEvent(ContextRefreshedEvent)
		for (Class<?> type : ClassUtils.getAllInterfacesForClassAsSet(userType)) {
			if (isCallbackType(type) && declares(type, method)) {
				return false;
			}
		}
		return true;
	}

	private static boolean isCallbackType(Class<?> type) {
		for (Class<?> callbackType : CALLBACK_TYPES) {
			if (callbackType.isAssignableFrom(type)) {
				return true;
			}
		}
		return false;
	}

	private static boolean declares(Class<?> callbackType, Method method) {
		for (Method candidate : callbackType.getMethods()) {
			if (candidate.getName().equals(method.getName())
					&& candidate.getParameterCount() == method.getParameterCount()
					&& isAssignable(candidate.getParameterTypes(), method.getParameterTypes())) {
				return true;
			}
		}
		return false;
	}

	private static boolean isAssignable(Class<?>[] declared, Class<?>[] actual) {
		for (int i = 0; i < declared.length; i++) {
			if (!ClassUtils.isAssignable(declared[i], actual[i])) {
				return false;
			}
		}
		return true;
	}

}
