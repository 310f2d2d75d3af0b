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
package io.github.jsonrpc.server;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Maps an application exception type (and its subtypes) to a JSON-RPC error code, so that
 * service methods can throw their own exceptions.
 *
 * <pre class="code">
 * &#64;JsonRpcErrorCode(code = -32010, message = "Insufficient funds")
 * class InsufficientFundsException extends RuntimeException { ... }
 * </pre>
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface JsonRpcErrorCode {

	/**
	 * The error code; use codes outside {@code -32768..-32000} for application errors.
	 * @return the code
	 */
	int code();

	/**
	 * The fixed, client-safe message. When empty, the exception's own message is sent:
	 * annotating the type declares its messages safe for clients.
	 * @return the message
	 */
	String message() default "";

}
