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
package io.github.jsonrpc.sample.functional;

import java.util.concurrent.CompletableFuture;

import io.github.jsonrpc.server.support.JsonRpcMethodRegistrar;

import org.springframework.context.annotation.Configuration;

/**
 * Methods served as functions, without an annotated service class.
 *
 * @author JSON-RPC for Spring Boot team
 */
@Configuration(proxyBeanMethods = false)
public class FunctionalMethodsConfiguration {

	public FunctionalMethodsConfiguration(JsonRpcMethodRegistrar methods) {
		methods.method("math.multiply", Factors.class, (factors) -> factors.multiplicand() * factors.multiplier())
			.method("math.version", () -> "1.0")
			.asyncMethod("math.square", Integer.class, (value) -> CompletableFuture.supplyAsync(() -> value * value));
	}

	/**
	 * Params of {@code math.multiply}: {@code {"multiplicand": 6, "multiplier": 7}} or
	 * {@code [6, 7]}.
	 *
	 * @param multiplicand the number multiplied
	 * @param multiplier the number it is multiplied by
	 */
	public record Factors(long multiplicand, long multiplier) {
	}

}
