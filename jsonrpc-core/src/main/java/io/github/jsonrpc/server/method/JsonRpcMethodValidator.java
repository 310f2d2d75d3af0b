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

/**
 * Strategy to validate the arguments of a call before the method runs, e.g. with Bean
 * Validation.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public interface JsonRpcMethodValidator {

	/**
	 * Return whether calls of the method need validating, asked once at startup.
	 * @param beanType the user class of the bean
	 * @param method the method
	 * @return {@code true} to validate every call
	 */
	boolean requiresValidation(Class<?> beanType, Method method);

	/**
	 * Validate the arguments of one call.
	 * @param method the method being called
	 * @param arguments the arguments, in Java parameter order
	 * @throws RuntimeException a failure, typically answered with {@code -32602}
	 */
	void validate(InvocableJsonRpcMethod method, Object[] arguments);

}
