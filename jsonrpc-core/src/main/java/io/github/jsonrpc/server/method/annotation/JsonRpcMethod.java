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
package io.github.jsonrpc.server.method.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exposes a method of a {@link JsonRpcService} bean, optionally under another name.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface JsonRpcMethod {

	/**
	 * The method name, used as written (the service prefix is still applied). Empty to
	 * derive it from the Java name.
	 * @return the name
	 */
	String value() default "";

	/**
	 * A short description, listed by method introspection.
	 * @return the description
	 */
	String description() default "";

	/**
	 * Longest time a call may take, e.g. {@code "5s"}, {@code "500ms"} or {@code "PT5S"};
	 * a call over it is answered with {@code -32005} (data {@code {"reason":"timeout"}})
	 * and its work is cancelled: a blocking method's thread is interrupted, a returned
	 * {@code CompletableFuture} is cancelled. Empty for no limit.
	 * {@code jsonrpc.methods.<pattern>.timeout} overrides it.
	 * @return the timeout
	 */
	String timeout() default "";

	/**
	 * Largest number of calls of this method running at once; a call beyond it is
	 * answered with {@code -32005} (data {@code {"reason":"max-concurrency"}}) without
	 * running. {@code 0} for no limit. {@code jsonrpc.methods.<pattern>.max-concurrency}
	 * overrides it.
	 * @return the maximum
	 */
	int maxConcurrency() default 0;

}
