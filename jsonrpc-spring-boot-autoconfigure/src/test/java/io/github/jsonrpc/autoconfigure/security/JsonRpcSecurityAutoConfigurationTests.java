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

package io.github.jsonrpc.autoconfigure.security;

import java.util.function.Supplier;

import io.github.jsonrpc.autoconfigure.JsonRpcAutoConfiguration;
import io.github.jsonrpc.autoconfigure.servlet.JsonRpcWebMvcAutoConfiguration;
import io.github.jsonrpc.autoconfigure.websocket.JsonRpcWebSocketAutoConfiguration;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.pubsub.JsonRpcTopicAuthorizer;
import io.github.jsonrpc.security.AuthenticationMethodArgumentResolver;
import io.github.jsonrpc.security.AuthorizationManagerJsonRpcInterceptor;
import io.github.jsonrpc.security.JsonRpcLoginMethod;
import io.github.jsonrpc.security.SecurityContextJsonRpcInterceptor;
import io.github.jsonrpc.security.SecurityJsonRpcExceptionResolver;
import io.github.jsonrpc.security.SecurityJsonRpcMethodAccessChecker;
import io.github.jsonrpc.security.SecurityJsonRpcTopicAuthorizer;
import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.JsonRpcTransportContext;
import io.github.jsonrpc.server.method.JsonRpcMethodAccessChecker;
import io.github.jsonrpc.server.method.JsonRpcMethodRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link JsonRpcSecurityAutoConfiguration}.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcSecurityAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(JsonRpcAutoConfiguration.class, JsonRpcSecurityAutoConfiguration.class));

	@Test
	void providesSecurityIntegrationWhenSpringSecurityIsPresent() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(SecurityJsonRpcExceptionResolver.class);
			assertThat(context).hasSingleBean(AuthenticationMethodArgumentResolver.class);
			assertThat(context).hasSingleBean(SecurityContextJsonRpcInterceptor.class);
			assertThat(context).hasSingleBean(AuthorizationManagerJsonRpcInterceptor.class);
			assertThat(context).getBean(JsonRpcMethodAccessChecker.class)
				.isInstanceOf(SecurityJsonRpcMethodAccessChecker.class);
			assertThat(context).hasSingleBean(JsonRpcSecurityProperties.class);
		});
	}

	@Test
	void backsOffWithoutSpringSecurity() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.security")).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(SecurityJsonRpcExceptionResolver.class);
			assertThat(context).doesNotHaveBean(SecurityContextJsonRpcInterceptor.class);
			assertThat(context).doesNotHaveBean(JsonRpcMethodAccessChecker.class);
		});
	}

	@Test
	void backsOffFromApplicationBeans() {
		JsonRpcMethodAccessChecker own = JsonRpcMethodAccessChecker.allowAll();
		this.contextRunner.withBean(JsonRpcMethodAccessChecker.class, () -> own)
			.withBean(SecurityJsonRpcExceptionResolver.class, SecurityJsonRpcExceptionResolver::new)
			.run((context) -> {
				assertThat(context).getBean(JsonRpcMethodAccessChecker.class).isSameAs(own);
				assertThat(context).hasSingleBean(SecurityJsonRpcExceptionResolver.class);
			});
	}

	@Test
	void defaultAccessPermitsEverything() {
		this.contextRunner.run((context) -> {
			AuthorizationManagerJsonRpcInterceptor interceptor = context
				.getBean(AuthorizationManagerJsonRpcInterceptor.class);
			assertThat(authorize(interceptor, "anything", anonymous()).isGranted()).isTrue();
		});
	}

	@Test
	void rulesComeFromProperties() {
		this.contextRunner
			.withPropertyValues("jsonrpc.security.default-access=authenticated",
					"jsonrpc.security.rules.[admin.*]=hasRole('ADMIN')", "jsonrpc.security.rules.[open]=permit-all")
			.run((context) -> {
				AuthorizationManagerJsonRpcInterceptor interceptor = context
					.getBean(AuthorizationManagerJsonRpcInterceptor.class);
				assertThat(authorize(interceptor, "other", anonymous()).isGranted()).isFalse();
				assertThat(authorize(interceptor, "other", user("ROLE_USER")).isGranted()).isTrue();
				assertThat(authorize(interceptor, "open", anonymous()).isGranted()).isTrue();
				assertThat(authorize(interceptor, "admin.stats", user("ROLE_USER")).isGranted()).isFalse();
				assertThat(authorize(interceptor, "admin.stats", user("ROLE_ADMIN")).isGranted()).isTrue();
				// logging in stays possible whatever the default
				assertThat(authorize(interceptor, "rpc.login", anonymous()).isGranted()).isTrue();
			});
	}

	@Test
	void invalidRuleExpressionFailsAtStartup() {
		this.contextRunner.withPropertyValues("jsonrpc.security.rules.[x]=hasRole('ADMIN'")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("Invalid JSON-RPC security expression 'hasRole('ADMIN''"));
	}

	@Test
	void loginIsOffByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).doesNotHaveBean(JsonRpcLoginMethod.class);
			assertThat(context.getBean(JsonRpcMethodRegistry.class).lookup("rpc.login")).isNull();
		});
	}

	@Test
	void loginIsServedWhenEnabled() {
		this.contextRunner.withPropertyValues("jsonrpc.security.login.enabled=true")
			.withBean(UserDetailsService.class,
					() -> new InMemoryUserDetailsManager(User.withUsername("alice").password("{noop}x").build()))
			.run((context) -> {
				assertThat(context).hasSingleBean(JsonRpcLoginMethod.class);
				assertThat(context.getBean(JsonRpcMethodRegistry.class).lookup("rpc.login")).isNotNull();
			});
	}

	@Test
	void securityBeansWinOverWebSocketDefaults() {
		new WebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(JsonRpcAutoConfiguration.class, JsonRpcWebMvcAutoConfiguration.class,
							JsonRpcWebSocketAutoConfiguration.class, JsonRpcSecurityAutoConfiguration.class))
			.withPropertyValues("jsonrpc.security.topics.[admin-*]=hasRole('ADMIN')")
			.run((context) -> {
				assertThat(context).getBean(JsonRpcMethodAccessChecker.class)
					.isInstanceOf(SecurityJsonRpcMethodAccessChecker.class);
				JsonRpcTopicAuthorizer authorizer = context.getBean(JsonRpcTopicAuthorizer.class);
				assertThat(authorizer).isInstanceOf(SecurityJsonRpcTopicAuthorizer.class);
				assertThat(authorizer.isAuthorized("clock", null)).isTrue();
				assertThat(authorizer.isAuthorized("admin-events", null)).isFalse();
			});
	}

	@Test
	void emptyDefaultAccessIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new JsonRpcSecurityProperties().setDefaultAccess(" "));
	}

	private static AuthorizationResult authorize(AuthorizationManagerJsonRpcInterceptor interceptor, String method,
			Authentication authentication) {
		JsonRpcExchange exchange = JsonRpcExchange.of(JsonRpcRequest.call(JsonRpcId.of(1), method, null),
				JsonRpcTransportContext.inProcess());
		Supplier<Authentication> supplier = () -> authentication;
		AuthorizationResult result = interceptor.getAuthorizationManager().authorize(supplier, exchange);
		assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
		return result;
	}

	private static Authentication anonymous() {
		return new AnonymousAuthenticationToken("key", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
	}

	private static Authentication user(String role) {
		return UsernamePasswordAuthenticationToken.authenticated("user", null,
				AuthorityUtils.createAuthorityList(role));
	}

}
