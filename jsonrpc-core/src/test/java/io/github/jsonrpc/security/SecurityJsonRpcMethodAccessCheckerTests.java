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

import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.method.InvocableJsonRpcMethod;
import io.github.jsonrpc.server.method.InvocableJsonRpcMethodFactory;
import io.github.jsonrpc.server.method.JsonRpcArgumentResolverComposite;
import io.github.jsonrpc.server.method.JsonRpcHandlerMethod;
import io.github.jsonrpc.server.method.JsonRpcNamingStyle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.access.annotation.Secured;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.prepost.PostAuthorize;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SecurityJsonRpcMethodAccessChecker}.
 *
 * @author JSON-RPC for Spring Boot team
 */
class SecurityJsonRpcMethodAccessCheckerTests {

	private final InvocableJsonRpcMethodFactory factory = new InvocableJsonRpcMethodFactory(
			JsonMapper.builder().build(), new JsonRpcArgumentResolverComposite(List.of()),
			JsonRpcNamingStyle.AS_DECLARED, null, null);

	private final SecurityJsonRpcMethodAccessChecker checker = new SecurityJsonRpcMethodAccessChecker(
			JsonRpcMethodAuthorizationManager.builder()
				.rule("ops.*",
						JsonRpcAuthorizationManagers.of("hasRole('OPS')", new JsonRpcSecurityExpressionHandler()))
				.build(),
			new DefaultMethodSecurityExpressionHandler(), null);

	@ParameterizedTest(name = "{0} may call {1}: {2}")
	@CsvSource(textBlock = """
			anonymous, open,          true
			anonymous, loggedIn,      false
			user,      loggedIn,      true
			user,      admin,         false
			admin,     admin,         true
			user,      secured,       false
			admin,     secured,       true
			anonymous, byArgument,    true
			anonymous, afterwards,    true
			user,      ops.restart,   false
			ops,       ops.restart,   true
			""")
	void decidesWithoutCalling(String caller, String method, boolean expected) {
		assertThat(this.checker.canInvoke(method(method), exchange(caller))).isEqualTo(expected);
	}

	private InvocableJsonRpcMethod method(String name) {
		String javaName = name.startsWith("ops.") ? "restart" : name;
		return this.factory.create(new JsonRpcHandlerMethod(name, new GuardedService(),
				ReflectionUtils.findMethod(GuardedService.class, javaName, (Class<?>[]) null), ""));
	}

	private static JsonRpcExchange exchange(String caller) {
		Authentication authentication = switch (caller) {
			case "anonymous" -> TestSecurity.anonymous();
			case "admin" -> TestSecurity.user("admin", "ADMIN");
			case "ops" -> TestSecurity.user("ops", "OPS");
			default -> TestSecurity.user("user", "USER");
		};
		return TestSecurity.exchangeAs("get_methods", authentication);
	}

	static class GuardedService {

		public String open() {
			return "open";
		}

		@PreAuthorize("isAuthenticated()")
		public String loggedIn() {
			return "in";
		}

		@PreAuthorize("hasRole('ADMIN')")
		public String admin() {
			return "admin";
		}

		@Secured("ROLE_ADMIN")
		public String secured() {
			return "secured";
		}

		@PreAuthorize("#id == 42")
		public String byArgument(Integer id) {
			return "id";
		}

		@PostAuthorize("returnObject == 'never'")
		public String afterwards() {
			return "after";
		}

		public String restart() {
			return "restarted";
		}

	}

}
