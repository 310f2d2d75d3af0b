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

import java.lang.reflect.Method;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.annotation.AnnotatedMethod;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * A Java method served under a JSON-RPC name: the bean, the method, and its parameters
 * with annotations found on interfaces and superclasses too.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcHandlerMethod extends AnnotatedMethod {

	private static final ParameterNameDiscoverer parameterNameDiscoverer = new DefaultParameterNameDiscoverer();

	private final String name;

	private final Object bean;

	private final Class<?> beanType;

	private final Method invocableMethod;

	private final String description;

	/**
	 * Create a new instance.
	 * @param name the JSON-RPC method name
	 * @param bean the bean, possibly a proxy
	 * @param method the method, as declared on the user class
	 * @param description a short description, may be empty
	 */
	public JsonRpcHandlerMethod(String name, Object bean, Method method, String description) {
		super(method);
		Assert.hasText(name, "Name is required");
		Assert.notNull(bean, "Bean is required");
		this.name = name;
		this.bean = bean;
		this.beanType = ClassUtils.getUserClass(bean);
		// call through the proxy so that @PreAuthorize, @Transactional, @Validated apply
		this.invocableMethod = AopUtils.selectInvocableMethod(method, bean.getClass());
		this.description = description;
		for (MethodParameter parameter : getMethodParameters()) {
			parameter.initParameterNameDiscovery(parameterNameDiscoverer);
		}
	}

	/**
	 * Return the JSON-RPC method name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Return the bean the method is invoked on.
	 * @return the bean, possibly a proxy
	 */
	public Object bean() {
		return this.bean;
	}

	/**
	 * Return the user class of the bean.
	 * @return the class
	 */
	public Class<?> beanType() {
		return this.beanType;
	}

	/**
	 * Return the method to invoke on the bean, selected on the proxy when there is one.
	 * @return the method
	 */
	public Method invocableMethod() {
		return this.invocableMethod;
	}

	/**
	 * Return the description.
	 * @return the description, empty when none
	 */
	public String description() {
		return this.description;
	}

	/**
	 * Return a short, log-friendly form naming the Java method.
	 * @return e.g. {@code CalculatorService#subtract(int, int)}
	 */
	public String toShortString() {
		StringBuilder result = new StringBuilder(this.beanType.getSimpleName()).append('#')
			.append(getMethod().getName())
			.append('(');
		Class<?>[] types = getMethod().getParameterTypes();
		for (int i = 0; i < types.length; i++) {
			result.append((i > 0) ? ", " : "").append(types[i].getSimpleName());
		}
		return result.append(')').toString();
	}

	@Override
	public String toString() {
		return "'" + this.name + "' (" + toShortString() + ")";
	}

}
