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
package io.github.jsonrpc.server.method.annotation.support;

import java.lang.reflect.Method;
import java.security.Principal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.jsonrpc.JsonRpcSetup;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.JsonRpcSession;
import io.github.jsonrpc.server.JsonRpcTransportContext;
import io.github.jsonrpc.server.JsonRpcTransportContext.Transport;
import io.github.jsonrpc.server.RecordingJsonRpcSession;
import io.github.jsonrpc.server.method.InvocableJsonRpcMethod;
import io.github.jsonrpc.server.method.InvocableJsonRpcMethodFactory;
import io.github.jsonrpc.server.method.JsonRpcArgumentResolver;
import io.github.jsonrpc.server.method.JsonRpcMethodRegistry;
import io.github.jsonrpc.server.method.JsonRpcMethodRegistryCustomizer;
import io.github.jsonrpc.server.method.JsonRpcNamingStyle;
import io.github.jsonrpc.server.method.annotation.JsonRpcMethod;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link JsonRpcServiceRegistrar} in a real application context, and for the
 * built-in argument resolvers: which parameter types each takes and what it resolves.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcServiceRegistrarTests {

	private final AnnotatedJsonRpcMethodDetector detector = new AnnotatedJsonRpcMethodDetector(
			JsonRpcNamingStyle.AS_DECLARED);

	private final InvocableJsonRpcMethodFactory factory = JsonRpcSetup.services().toMethodFactory();

	@Test
	void constructorRefusesMissingCollaborators() {
		JsonRpcMethodRegistry registry = new JsonRpcMethodRegistry();
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new JsonRpcServiceRegistrar(null, this.detector, this.factory, registry, List.of()))
				.withMessage("BeanFactory is required");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new JsonRpcServiceRegistrar(context, null, this.factory, registry, List.of()))
				.withMessage("Detector is required");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new JsonRpcServiceRegistrar(context, this.detector, null, registry, List.of()))
				.withMessage("MethodFactory is required");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new JsonRpcServiceRegistrar(context, this.detector, this.factory, null, List.of()))
				.withMessage("Registry is required");
		}
		assertThatIllegalArgumentException().isThrownBy(() -> new AnnotatedJsonRpcMethodDetector(null))
			.withMessage("NamingStyle is required");
	}

	@Test
	void registersTheMethodsOfEveryServiceBeanThenRunsTheCustomizers() {
		JsonRpcMethodRegistry registry = new JsonRpcMethodRegistry();
		InvocableJsonRpcMethod extra = this.factory.create(this.detector.detect(new ExtraMethods()).get(0));
		JsonRpcMethodRegistryCustomizer customizer = (customized) -> {
			// the services are registered first
			assertThat(customized.lookup("calc.twice")).isNotNull();
			customized.register(extra);
		};
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			context.registerBean(CalcService.class);
			context.registerBean(GreetService.class);
			context.registerBean(NotAService.class);
			context.registerBean(JsonRpcServiceRegistrar.class, () -> new JsonRpcServiceRegistrar(context,
					this.detector, this.factory, registry, List.of(customizer)));
			context.refresh();
		}
		assertThat(registry.methods()).extracting(InvocableJsonRpcMethod::name)
			.containsExactlyInAnyOrder("calc.twice", "greet", "extra");
	}

	@Test
	void builtInResolversTakeTheirTypesOnly() throws Exception {
		List<JsonRpcArgumentResolver> resolvers = JsonRpcArgumentResolvers.builtIn();
		assertThat(resolvers).hasExactlyElementsOfTypes(JsonRpcExchangeMethodArgumentResolver.class,
				JsonRpcIdMethodArgumentResolver.class, JsonRpcSessionMethodArgumentResolver.class,
				PrincipalMethodArgumentResolver.class);
		Principal principal = () -> "ann";
		JsonRpcSession session = new RecordingJsonRpcSession("s1", principal);
		JsonRpcRequest request = JsonRpcRequest.call(JsonRpcId.of(7), "all", null);
		JsonRpcTransportContext context = JsonRpcTransportContext.builder(Transport.WEBSOCKET)
			.session(session)
			.principal(principal)
			.build();
		JsonRpcExchange exchange = JsonRpcExchange.of(request, context);
		Method method = ReflectionUtils.findMethod(Parameters.class, "all", JsonRpcExchange.class, JsonRpcRequest.class,
				JsonRpcTransportContext.class, JsonRpcId.class, JsonRpcSession.class, Principal.class, Object.class,
				String.class);
		Object[] expected = { exchange, request, context, request.id(), session, principal };
		JsonRpcArgumentResolver[] owner = { resolvers.get(0), resolvers.get(0), resolvers.get(0), resolvers.get(1),
				resolvers.get(2), resolvers.get(3) };
		for (int i = 0; i < 8; i++) {
			MethodParameter parameter = new MethodParameter(method, i);
			for (JsonRpcArgumentResolver resolver : resolvers) {
				boolean supports = i < 6 && resolver == owner[i];
				assertThat(resolver.supportsParameter(parameter)).as("%s on parameter %d", resolver, i)
					.isEqualTo(supports);
			}
			if (i < 6) {
				assertThat(owner[i].resolveArgument(parameter, exchange)).as("parameter %d", i).isSameAs(expected[i]);
			}
		}
	}

	@JsonRpcService("calc")
	public static class CalcService {

		@JsonRpcMethod
		public int twice(int value) {
			return 2 * value;
		}

	}

	@JsonRpcService
	public static class GreetService {

		@JsonRpcMethod
		public String greet(String name) {
			return "Hello " + name;
		}

	}

	public static class NotAService {

		@JsonRpcMethod
		public String hidden() {
			return "hidden";
		}

	}

	public static class ExtraMethods {

		@JsonRpcMethod
		public String extra() {
			return "extra";
		}

	}

	static class Parameters {

		void all(JsonRpcExchange exchange, JsonRpcRequest request, JsonRpcTransportContext context, JsonRpcId id,
				JsonRpcSession session, Principal principal, Object other, String text) {
		}

	}

}
