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

import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Component;

/**
 * Marks a bean whose methods are served as JSON-RPC methods. A component stereotype, so
 * annotated classes are picked up by component scanning.
 *
 * <p>
 * By default every public method the class declares (or inherits, except from
 * {@link Object} and Spring callback interfaces) is exposed under its Java name, prefixed
 * with {@link #value()} and a dot when a prefix is set. Use {@link JsonRpcMethod} to
 * rename a method, and {@code exposeAll = false} to expose only annotated methods.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface JsonRpcService {

	/**
	 * Prefix of the method names, e.g. {@code "calc"} serves {@code add} as
	 * {@code calc.add}. Empty for no prefix.
	 * <p>
	 * Like {@code @Service("calc")}, a non-empty prefix is also the bean name: the
	 * attribute is an explicit alias of {@link Component#value()}, so Spring Framework
	 * does not warn about a convention-based component name.
	 * @return the prefix
	 */
	@AliasFor(annotation = Component.class)
	String value() default "";

	/**
	 * Whether every public method is exposed; when {@code false}, only methods annotated
	 * with {@link JsonRpcMethod} are.
	 * @return whether all public methods are exposed
	 */
	boolean exposeAll() default true;

}
