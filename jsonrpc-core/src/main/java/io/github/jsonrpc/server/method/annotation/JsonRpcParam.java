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
 * Binds a method parameter to a member of {@code params}: by name when params is an
 * object, by position (counting only params-bound parameters) when it is an array.
 * Parameters without annotations are bound the same way, named after the Java parameter
 * (compile with {@code -parameters}).
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface JsonRpcParam {

	/**
	 * Marker for "no default value".
	 */
	String NO_DEFAULT = "\n\t\t\n\t\t\n\uE000\uE001\uE002\n\t\t\t\t\n";

	/**
	 * The name in named params; empty to use the Java parameter name.
	 * @return the name
	 */
	String value() default "";

	/**
	 * Whether the parameter must be given. Parameters of type {@code Optional}, annotated
	 * {@code @Nullable} or with a default value are optional anyway.
	 * @return whether required
	 */
	boolean required() default true;

	/**
	 * The value used when the parameter is omitted, as JSON ({@code "10"},
	 * {@code "[1,2]"}); text that is not valid JSON is taken as a string.
	 * @return the default value
	 */
	String defaultValue() default NO_DEFAULT;

}
