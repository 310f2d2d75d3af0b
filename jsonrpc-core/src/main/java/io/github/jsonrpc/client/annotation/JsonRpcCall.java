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

package io.github.jsonrpc.client.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Customize how a method of a {@link JsonRpcRemote} interface is called.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface JsonRpcCall {

	/**
	 * The remote method name, used as written (the interface's prefix is still applied).
	 * Empty to use the Java name.
	 * @return the name
	 */
	String value() default "";

	/**
	 * How arguments are sent; {@link JsonRpcParamStyle#DEFAULT} to use the interface's.
	 * @return the param style
	 */
	JsonRpcParamStyle paramStyle() default JsonRpcParamStyle.DEFAULT;

	/**
	 * Whether to send a notification (no id, no response). Only for {@code void} methods;
	 * other {@code void} methods make a call and ignore the result, so that errors are
	 * still reported.
	 * @return whether the method sends a notification
	 */
	boolean notification() default false;

}
