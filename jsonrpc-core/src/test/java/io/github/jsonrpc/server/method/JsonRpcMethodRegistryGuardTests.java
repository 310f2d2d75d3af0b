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

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.jsonrpc.CalculatorService;
import io.github.jsonrpc.JsonRpcSetup;
import io.github.jsonrpc.server.method.annotation.support.JsonRpcArgumentResolvers;
import io.github.jsonrpc.server.method.annotation.support.JsonRpcExchangeMethodArgumentResolver;
import io.github.jsonrpc.server.method.annotation.support.JsonRpcIdMethodArgumentResolver;
import io.github.jsonrpc.server.method.annotation.support.JsonRpcSessionMethodArgumentResolver;
import io.github.jsonrpc.server.method.annotation.support.PrincipalMethodArgumentResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the guards of the method registry and its collaborators, and the registry's
 * version growing with every change.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcMethodRegistryGuardTests {

	@Test
	void registryRefusesMissingValuesAndItsVersionGrowsWithEveryChange() {
		JsonRpcMethodRegistry registry = new JsonRpcMethodRegistry();
		assertThatIllegalArgumentException().isThrownBy(() -> registry.register(null))
			.withMessage("Method is required");
		assertThatIllegalArgumentException().isThrownBy(() -> registry.registerBuiltIn(null))
			.withMessage("Method is required");
		assertThatIllegalArgumentException().isThrownBy(() -> registry.unregister(null))
			.withMessage("Name is required");
		InvocableJsonRpcMethod sum = JsonRpcSetup.services(new CalculatorService()).toRegistry().lookup("sum");
		assertThat(sum).isNotNull();
		long initial = registry.version();
		registry.register(sum);
		long registered = registry.version();
		assertThat(registered).isGreaterThan(initial);
		assertThat(registry.unregister("sum")).isSameAs(sum);
		assertThat(registry.version()).isGreaterThan(registered);
		assertThat(registry.lookup("sum")).isNull();
	}

	@Test
	void resolverCompositeRefusesNullAndKeepsACopyInOrder() {
		assertThatIllegalArgumentException().isThrownBy(() -> new JsonRpcArgumentResolverComposite(null))
			.withMessage("Resolvers are required");
		List<JsonRpcArgumentResolver> resolvers = new ArrayList<>(JsonRpcArgumentResolvers.builtIn());
		JsonRpcArgumentResolverComposite composite = new JsonRpcArgumentResolverComposite(resolvers);
		resolvers.clear();
		assertThat(composite.resolvers()).extracting(Object::getClass)
			.containsExactly(JsonRpcExchangeMethodArgumentResolver.class, JsonRpcIdMethodArgumentResolver.class,
					JsonRpcSessionMethodArgumentResolver.class, PrincipalMethodArgumentResolver.class);
	}

	@Test
	void allowAllAllowsEveryMethodAndHandlerMethodKnowsItsBeanType() {
		InvocableJsonRpcMethod sum = JsonRpcSetup.services(new CalculatorService()).toRegistry().lookup("sum");
		assertThat(JsonRpcMethodAccessChecker.allowAll().canInvoke(sum, null)).isTrue();
		CalculatorService bean = new CalculatorService();
		JsonRpcHandlerMethod method = new JsonRpcHandlerMethod("sum", bean,
				org.springframework.util.ReflectionUtils.findMethod(CalculatorService.class, "sum", int[].class), "");
		assertThat(method.beanType()).isEqualTo(CalculatorService.class);
	}

}
