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

package io.github.jsonrpc.client.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;

/**
 * Register a bean for each {@link io.github.jsonrpc.client.annotation.JsonRpcRemote}
 * interface listed or found under the given packages; each is a proxy over the client of
 * its name from the {@link JsonRpcClientRegistry} bean (which the auto-configuration
 * builds from {@code jsonrpc.client.<name>.*} properties).
 *
 * <p>
 * Without {@link #clients()} and {@link #basePackages()}, the package of the annotated
 * class is scanned.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(JsonRpcClientsRegistrar.class)
public @interface EnableJsonRpcClients {

	/**
	 * Packages to scan for client interfaces.
	 * @return the package names
	 */
	String[] basePackages() default {};

	/**
	 * Client interfaces to register.
	 * @return the interfaces
	 */
	Class<?>[] clients() default {};

}
