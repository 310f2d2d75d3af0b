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
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.github.jsonrpc.server.JsonRpcExceptionHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the constructor and setter guards of the method-binding types.
 *
 * @author jsonrpc-dev
 */
class JsonRpcMethodGuardTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final JsonRpcArgumentResolverComposite resolvers = new JsonRpcArgumentResolverComposite(List.of());

	@Test
	void factoryRequiresMapperResolversAndNamingStyle() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new InvocableJsonRpcMethodFactory(null, this.resolvers, JsonRpcNamingStyle.AS_DECLARED,
					null, null))
			.withMessage("JsonMapper is required");
		assertThatIllegalArgumentException().isThrownBy(
				() -> new InvocableJsonRpcMethodFactory(this.mapper, null, JsonRpcNamingStyle.AS_DECLARED, null, null))
			.withMessage("Resolvers are required");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new InvocableJsonRpcMethodFactory(this.mapper, this.resolvers, null, null, null))
			.withMessage("NamingStyle is required");
	}

	@Test
	void factoryExposesItsNamingStyleAndTakesACollectedItemsLimitOfOneButNotZero() {
		InvocableJsonRpcMethodFactory factory = new InvocableJsonRpcMethodFactory(this.mapper, this.resolvers,
				JsonRpcNamingStyle.SNAKE_CASE, null, null);
		assertThat(factory.namingStyle()).isSameAs(JsonRpcNamingStyle.SNAKE_CASE);
		factory.setMaxCollectedItems(1);
		assertThatIllegalArgumentException().isThrownBy(() -> factory.setMaxCollectedItems(0))
			.withMessage("maxCollectedItems must be positive");
	}

	@Test
	void handlerMethodRequiresNameAndBean() throws Exception {
		Method method = Object.class.getMethod("toString");
		assertThatIllegalArgumentException().isThrownBy(() -> new JsonRpcHandlerMethod("", new Object(), method, ""))
			.withMessage("Name is required");
		assertThatIllegalArgumentException().isThrownBy(() -> new JsonRpcHandlerMethod("name", null, method, ""))
			.withMessage("Bean is required");
	}

	@Test
	void exceptionHandlerRequiresResolvers() {
		assertThatIllegalArgumentException().isThrownBy(() -> new JsonRpcExceptionHandler(null, false))
			.withMessage("Resolvers are required");
	}

}
