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
 * Declare an interface as a client of a remote JSON-RPC service: each abstract method
 * calls the method of the same name (see {@link JsonRpcCall} to change it).
 *
 * <pre class="code">
 * &#64;JsonRpcRemote(name = "calc")
 * interface Calculator {
 *     int subtract(int minuend, int subtrahend);
 * }
 * </pre>
 *
 * <p>
 * With {@code @EnableJsonRpcClients}, such interfaces become beans using the client
 * configured under {@code jsonrpc.client.<name>}.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface JsonRpcRemote {

	/**
	 * The name of the client configuration to use ({@code jsonrpc.client.<name>.*}).
	 * @return the client name
	 */
	String name() default "default";

	/**
	 * A prefix for every method name, joined with a dot ({@code "inventory"} calls
	 * {@code inventory.get}). Empty for none.
	 * @return the prefix
	 */
	String prefix() default "";

	/**
	 * How arguments are sent unless a method says otherwise.
	 * @return the param style
	 */
	JsonRpcParamStyle paramStyle() default JsonRpcParamStyle.POSITIONAL;

}
