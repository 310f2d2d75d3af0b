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
package io.github.jsonrpc.security;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import io.github.jsonrpc.security.MethodAccessJsonRpcInterceptor.DeniedMethods;
import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.method.InvocableJsonRpcMethodFactory;
import io.github.jsonrpc.server.method.JsonRpcArgumentResolverComposite;
import io.github.jsonrpc.server.method.JsonRpcHandlerMethod;
import io.github.jsonrpc.server.method.JsonRpcMethodRegistry;
import io.github.jsonrpc.server.method.JsonRpcNamingStyle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MethodAccessJsonRpcInterceptor}.
 *
 * @author jsonrpc-dev
 */
class MethodAccessJsonRpcInterceptorTests {

	private static final JsonRpcResponse PASSED = JsonRpcResponse.success(JsonRpcId.of(1), "passed");

	private final JsonRpcMethodRegistry registry = registry();

	private final JsonRpcMethodAuthorizationManager rules = JsonRpcMethodAuthorizationManager.builder()
		.rule("ops.*", JsonRpcAuthorizationManagers.of("hasRole('OPS')", new JsonRpcSecurityExpressionHandler()))
		.build();

	private final SecurityJsonRpcMethodAccessChecker checker = new SecurityJsonRpcMethodAccessChecker(this.rules,
			new DefaultMethodSecurityExpressionHandler(), null);

	@ParameterizedTest(name = "{0} calls {1}: {2}")
	@CsvSource(textBlock = """
			anonymous, open,         passed
			anonymous, nope,         passed
			anonymous, admin.stats,  denied
			anonymous, admin.nope,   denied
			user,      admin.stats,  denied
			user,      admin.nope,   denied
			admin,     admin.stats,  passed
			admin,     admin.nope,   passed
			user,      ops.restart,  denied
			user,      ops.anything, denied
			ops,       ops.anything, passed
			user,      mixed.nope,   passed
			""")
	void decidesBeforeTheMethodRunsAndAlikeForUnknownNames(String caller, String method, String expected) {
		MethodAccessJsonRpcInterceptor interceptor = new MethodAccessJsonRpcInterceptor(this.registry, this.checker,
				this.rules, DeniedMethods.UNAUTHORIZED);
		CompletableFuture<JsonRpcResponse> response = interceptor.intercept(exchange(method, caller),
				(exchange) -> CompletableFuture.completedFuture(PASSED));
		if (expected.equals("passed")) {
			assertThat(TestWaits.join(response)).isSameAs(PASSED);
		}
		else {
			assertThat(response).isCompletedExceptionally();
			assertThat(response.handle((value, ex) -> ex).join()).isInstanceOf(AuthorizationDeniedException.class);
		}
	}

	@ParameterizedTest(name = "{0} calls {1}: {2}")
	@CsvSource(textBlock = """
			admin, hidden.anything, denied
			admin, hidden,          denied
			admin, elsewhere.x,     passed
			admin, nope,            passed
			""")
	void callRulesDecideUnknownNamesBeforeTheirNamespace(String caller, String method, String expected) {
		JsonRpcMethodAuthorizationManager hidden = JsonRpcMethodAuthorizationManager.builder()
			.rule("hidden*", JsonRpcAuthorizationManagers.of("denyAll", new JsonRpcSecurityExpressionHandler()))
			.build();
		MethodAccessJsonRpcInterceptor interceptor = new MethodAccessJsonRpcInterceptor(this.registry, this.checker,
				hidden, DeniedMethods.NOT_FOUND);
		JsonRpcResponse response = TestWaits.join(interceptor.intercept(exchange(method, caller),
				(exchange) -> CompletableFuture.completedFuture(PASSED)));
		if (expected.equals("passed")) {
			assertThat(response).isSameAs(PASSED);
		}
		else {
			assertThat(response).isInstanceOfSatisfying(JsonRpcResponse.Failure.class,
					(failure) -> assertThat(failure.error().code()).isEqualTo(-32601));
		}
	}

	@ParameterizedTest(name = "{0} calls {1}")
	@CsvSource(textBlock = """
			anonymous, admin.stats
			anonymous, admin.nope
			user,      ops.restart
			""")
	void notFoundModeAnswersAsAnUnknownMethod(String caller, String method) {
		MethodAccessJsonRpcInterceptor interceptor = new MethodAccessJsonRpcInterceptor(this.registry, this.checker,
				this.rules, DeniedMethods.NOT_FOUND);
		JsonRpcResponse response = TestWaits.join(interceptor.intercept(exchange(method, caller),
				(exchange) -> CompletableFuture.completedFuture(PASSED)));
		assertThat(response).isInstanceOfSatisfying(JsonRpcResponse.Failure.class, (failure) -> {
			assertThat(failure.error().code()).isEqualTo(-32601);
			assertThat(failure.error().message()).isEqualTo("Method not found");
		});
	}

	private static JsonRpcExchange exchange(String method, String caller) {
		Authentication authentication = switch (caller) {
			case "anonymous" -> TestSecurity.anonymous();
			case "admin" -> TestSecurity.user("admin", "ADMIN");
			case "ops" -> TestSecurity.user("ops", "OPS");
			default -> TestSecurity.user("user", "USER");
		};
		return TestSecurity.exchangeAs(method, authentication);
	}

	private static JsonRpcMethodRegistry registry() {
		InvocableJsonRpcMethodFactory factory = new InvocableJsonRpcMethodFactory(JsonMapper.builder().build(),
				new JsonRpcArgumentResolverComposite(List.of()), JsonRpcNamingStyle.AS_DECLARED, null, null);
		JsonRpcMethodRegistry registry = new JsonRpcMethodRegistry();
		AdminService admin = new AdminService();
		registry.register(factory.create(handler("admin.stats", admin, "stats")));
		registry.register(factory.create(handler("admin.announce", admin, "announce")));
		registry.register(factory.create(handler("ops.restart", admin, "open")));
		registry.register(factory.create(handler("open", admin, "open")));
		registry.register(factory.create(handler("mixed.open", admin, "open")));
		registry.register(factory.create(handler("mixed.stats", admin, "stats")));
		return registry;
	}

	private static JsonRpcHandlerMethod handler(String name, Object bean, String javaName) {
		return new JsonRpcHandlerMethod(name, bean,
				ReflectionUtils.findMethod(bean.getClass(), javaName, (Class<?>[]) null), "");
	}

	static class AdminService {

		@PreAuthorize("hasRole('ADMIN')")
		public String stats() {
			return "stats";
		}

		@PreAuthorize("hasRole('ADMIN')")
		public String announce(String text) {
			return text;
		}

		public String open() {
			return "open";
		}

	}

}
