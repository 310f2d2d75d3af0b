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
package io.github.jsonrpc.server.validation;

import java.lang.reflect.Method;
import java.util.Set;

import io.github.jsonrpc.server.JsonRpcException;
import io.github.jsonrpc.server.method.InvocableJsonRpcMethod;
import io.github.jsonrpc.server.method.JsonRpcMethodValidator;
import io.github.jsonrpc.server.method.JsonRpcParameter;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.metadata.MethodDescriptor;
import jakarta.validation.metadata.ParameterDescriptor;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.util.Assert;

/**
 * {@link JsonRpcMethodValidator} using Bean Validation: constraints and {@code @Valid} on
 * parameters are checked before the method runs; violations are answered with
 * {@code -32602 Invalid params} and {@code data} listing each field and message (the
 * field named as clients name the parameter).
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class BeanValidationJsonRpcMethodValidator implements JsonRpcMethodValidator {

	private final Validator validator;

	/**
	 * Create a new instance.
	 * @param validator the Bean Validation validator
	 */
	public BeanValidationJsonRpcMethodValidator(Validator validator) {
		Assert.notNull(validator, "Validator is required");
		this.validator = validator;
	}

	@Override
	public boolean requiresValidation(Class<?> beanType, Method method) {
		MethodDescriptor descriptor = this.validator.getConstraintsForClass(beanType)
			.getConstraintsForMethod(method.getName(), method.getParameterTypes());
		if (descriptor == null) {
			return false;
		}
		if (descriptor.hasConstrainedParameters()) {
			return true;
		}
		// List<@Valid Order> constrains only the elements, which
		// hasConstrainedParameters() ignores
		for (ParameterDescriptor parameter : descriptor.getParameterDescriptors()) {
			if (!parameter.getConstrainedContainerElementTypes().isEmpty()) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void validate(InvocableJsonRpcMethod method, Object[] arguments) {
		Object bean = method.handlerMethod().bean();
		Object target = AopProxyUtils.getSingletonTarget(bean);
		Set<ConstraintViolation<Object>> violations = this.validator.forExecutables()
			.validateParameters((target != null) ? target : bean, method.handlerMethod().getMethod(), arguments);
		if (!violations.isEmpty()) {
			throw new JsonRpcException(ConstraintViolations.toError(violations, (index) -> {
				for (JsonRpcParameter parameter : method.parameters()) {
					if (parameter.methodParameter().getParameterIndex() == index) {
						// the whole params are this parameter: its fields are the params'
						// members
						return method.bindsWholeParams() ? "" : parameter.name();
					}
				}
				return null;
			}));
		}
	}

}
