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

import java.io.Serializable;
import java.util.function.Supplier;

import io.github.jsonrpc.autoconfigure.JsonRpcAutoConfiguration;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.pubsub.JsonRpcTopicAuthorizer;
import io.github.jsonrpc.security.AuthenticationMethodArgumentResolver;
import io.github.jsonrpc.security.AuthorizationManagerJsonRpcInterceptor;
import io.github.jsonrpc.security.JsonRpcLoginMethod;
import io.github.jsonrpc.security.MethodAccessJsonRpcInterceptor;
import io.github.jsonrpc.security.SecurityContextJsonRpcInterceptor;
import io.github.jsonrpc.security.SecurityJsonRpcExceptionResolver;
import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.JsonRpcTransportContext;
import io.github.jsonrpc.server.method.InvocableJsonRpcMethod;
import io.github.jsonrpc.server.method.JsonRpcMethodAccessChecker;
import io.github.jsonrpc.server.method.JsonRpcMethodRegistry;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.access.PermissionEvaluator;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for how {@link JsonRpcSecurityAutoConfiguration} wires the application's security
 * beans (trust resolver, context strategy, role hierarchy, permission evaluator, bean
 * references, login authentication) into its own, all in process.
 */
class JsonRpcSecurityAutoConfigurationWiringTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(JsonRpcAutoConfiguration.class, JsonRpcSecurityAutoConfiguration.class));

	@Test
	void everyBeanIsARealInstance() {
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(SecurityJsonRpcExceptionResolver.class)).isNotNull();
			assertThat(context.getBean(AuthenticationMethodArgumentResolver.class)).isNotNull();
			assertThat(context.getBean(SecurityContextJsonRpcInterceptor.class)).isNotNull();
			assertThat(context.getBean(MethodAccessJsonRpcInterceptor.class)).isNotNull();
			assertThat(context.getBean(JsonRpcTopicAuthorizer.class)).isNotNull();
		});
	}

	@Test
	void applicationTrustResolverAndStrategyAreUsed() {
		AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();
		SecurityContextHolderStrategy strategy = new DelegatingStrategy(
				SecurityContextHolder.getContextHolderStrategy());
		this.contextRunner.withBean(AuthenticationTrustResolver.class, () -> trustResolver)
			.withBean(SecurityContextHolderStrategy.class, () -> strategy)
			.run((context) -> {
				assertThat(context.getBean(SecurityJsonRpcExceptionResolver.class)).extracting("trustResolver")
					.isSameAs(trustResolver);
				assertThat(context.getBean(AuthenticationMethodArgumentResolver.class)).extracting("trustResolver")
					.isSameAs(trustResolver);
				SecurityContextJsonRpcInterceptor interceptor = context
					.getBean(SecurityContextJsonRpcInterceptor.class);
				assertThat(interceptor).extracting("trustResolver").isSameAs(trustResolver);
				assertThat(interceptor).extracting("strategy").isSameAs(strategy);
			});
	}

	@Test
	void roleHierarchyPermissionEvaluatorAndBeansReachMethodRules() {
		this.contextRunner
			.withPropertyValues("jsonrpc.security.rules.[user]=hasRole('USER')",
					"jsonrpc.security.rules.[read]=hasPermission('doc', 'read')",
					"jsonrpc.security.rules.[gated]=@gate.allows()")
			.withBean(RoleHierarchy.class, () -> RoleHierarchyImpl.fromHierarchy("ROLE_ADMIN > ROLE_USER"))
			.withBean(PermissionEvaluator.class, AllowingPermissions::new)
			.withBean("gate", Gate.class, Gate::new)
			.run((context) -> {
				AuthorizationManagerJsonRpcInterceptor interceptor = context
					.getBean(AuthorizationManagerJsonRpcInterceptor.class);
				assertThat(authorize(interceptor, "user", user("ROLE_ADMIN"))).isTrue();
				assertThat(authorize(interceptor, "read", user("ROLE_GUEST"))).isTrue();
				assertThat(authorize(interceptor, "gated", user("ROLE_GUEST"))).isTrue();
			});
	}

	@Test
	void withoutThemMethodRulesDeny() {
		this.contextRunner
			.withPropertyValues("jsonrpc.security.rules.[user]=hasRole('USER')",
					"jsonrpc.security.rules.[read]=hasPermission('doc', 'read')")
			.run((context) -> {
				AuthorizationManagerJsonRpcInterceptor interceptor = context
					.getBean(AuthorizationManagerJsonRpcInterceptor.class);
				assertThat(authorize(interceptor, "user", user("ROLE_ADMIN"))).isFalse();
				assertThat(authorize(interceptor, "read", user("ROLE_GUEST"))).isFalse();
			});
	}

	@Test
	void roleHierarchyPermissionEvaluatorAndBeansReachTopicRules() {
		this.contextRunner
			.withPropertyValues("jsonrpc.security.topics.[guests]=hasRole('GUEST')",
					"jsonrpc.security.topics.[docs]=hasPermission('doc', 'read')",
					"jsonrpc.security.topics.[gated]=@gate.allows()")
			.withBean(RoleHierarchy.class, () -> RoleHierarchyImpl.fromHierarchy("ROLE_ANONYMOUS > ROLE_GUEST"))
			.withBean(PermissionEvaluator.class, AllowingPermissions::new)
			.withBean("gate", Gate.class, Gate::new)
			.run((context) -> {
				JsonRpcTopicAuthorizer authorizer = context.getBean(JsonRpcTopicAuthorizer.class);
				assertThat(authorizer.isAuthorized("guests", null)).isTrue();
				assertThat(authorizer.isAuthorized("docs", null)).isTrue();
				assertThat(authorizer.isAuthorized("gated", null)).isTrue();
			});
	}

	@Test
	void withoutThemTopicRulesDeny() {
		this.contextRunner
			.withPropertyValues("jsonrpc.security.topics.[guests]=hasRole('GUEST')",
					"jsonrpc.security.topics.[docs]=hasPermission('doc', 'read')")
			.run((context) -> {
				JsonRpcTopicAuthorizer authorizer = context.getBean(JsonRpcTopicAuthorizer.class);
				assertThat(authorizer.isAuthorized("guests", null)).isFalse();
				assertThat(authorizer.isAuthorized("docs", null)).isFalse();
			});
	}

	@Test
	void beanReferencesInPreAuthorizeResolveInTheAccessChecker() {
		// an expression that fails counts as "may call": only a resolved @gate can deny
		this.contextRunner.withBean("gate", Gate.class, Gate::new)
			.withBean(GatedService.class, GatedService::new)
			.run((context) -> {
				JsonRpcMethodAccessChecker checker = context.getBean(JsonRpcMethodAccessChecker.class);
				JsonRpcMethodRegistry registry = context.getBean(JsonRpcMethodRegistry.class);
				assertThat(canInvoke(checker, registry, "opened")).isTrue();
				assertThat(canInvoke(checker, registry, "closed")).isFalse();
			});
	}

	@Test
	void loginAuthenticatesWithTheApplicationManager() {
		AuthenticationManager manager = (authentication) -> UsernamePasswordAuthenticationToken.authenticated("manager",
				null, AuthorityUtils.NO_AUTHORITIES);
		this.contextRunner.withPropertyValues("jsonrpc.security.login.enabled=true")
			.withBean(AuthenticationManager.class, () -> manager)
			.run((context) -> assertThat(loginManager(context.getBean(JsonRpcLoginMethod.class))).isSameAs(manager));
	}

	@Test
	void loginAuthenticatesAgainstTheUsersWithTheirPasswordEncoder() {
		this.contextRunner.withPropertyValues("jsonrpc.security.login.enabled=true")
			.withBean(UserDetailsService.class,
					() -> new InMemoryUserDetailsManager(User.withUsername("alice").password("secret").build()))
			.withBean(PasswordEncoder.class, NoOpPasswordEncoder::getInstance)
			.run((context) -> {
				AuthenticationManager manager = loginManager(context.getBean(JsonRpcLoginMethod.class));
				assertThat(manager.authenticate(credentials("alice", "secret")).getName()).isEqualTo("alice");
				assertThatExceptionOfType(AuthenticationException.class)
					.isThrownBy(() -> manager.authenticate(credentials("alice", "wrong")));
			});
	}

	@Test
	void loginAuthenticatesAgainstReactiveUsersWithTheirPasswordEncoder() {
		this.contextRunner.withPropertyValues("jsonrpc.security.login.enabled=true")
			.withBean(ReactiveUserDetailsService.class,
					() -> new MapReactiveUserDetailsService(User.withUsername("bob").password("secret").build()))
			.withBean(PasswordEncoder.class, NoOpPasswordEncoder::getInstance)
			.run((context) -> {
				AuthenticationManager manager = loginManager(context.getBean(JsonRpcLoginMethod.class));
				assertThat(manager.authenticate(credentials("bob", "secret")).getName()).isEqualTo("bob");
				assertThatExceptionOfType(AuthenticationException.class)
					.isThrownBy(() -> manager.authenticate(credentials("bob", "wrong")));
			});
	}

	@Test
	void loginAuthenticatesWithTheReactiveManager() {
		this.contextRunner.withPropertyValues("jsonrpc.security.login.enabled=true")
			.withBean(ReactiveAuthenticationManager.class,
					() -> (authentication) -> "carol".equals(authentication.getName())
							? Mono.just(UsernamePasswordAuthenticationToken.authenticated("carol", null,
									AuthorityUtils.NO_AUTHORITIES))
							: Mono.empty())
			.run((context) -> {
				AuthenticationManager manager = loginManager(context.getBean(JsonRpcLoginMethod.class));
				assertThat(manager.authenticate(credentials("carol", "x")).getName()).isEqualTo("carol");
				// an empty answer is a failed login, not an anonymous success
				assertThatExceptionOfType(AuthenticationException.class)
					.isThrownBy(() -> manager.authenticate(credentials("dave", "x")));
			});
	}

	@Test
	void loginWithoutAnyWayToAuthenticateFailsAtTheFirstLogin() {
		this.contextRunner.withPropertyValues("jsonrpc.security.login.enabled=true")
			.run((context) -> assertThatIllegalStateException()
				.isThrownBy(() -> loginManager(context.getBean(JsonRpcLoginMethod.class)))
				.withMessageContaining("rpc.login needs an AuthenticationManager"));
	}

	@SuppressWarnings("unchecked")
	private static AuthenticationManager loginManager(JsonRpcLoginMethod login) {
		Supplier<AuthenticationManager> supplier = (Supplier<AuthenticationManager>) ReflectionTestUtils.getField(login,
				"authenticationManager");
		assertThat(supplier).isNotNull();
		return supplier.get();
	}

	private static boolean canInvoke(JsonRpcMethodAccessChecker checker, JsonRpcMethodRegistry registry,
			String method) {
		InvocableJsonRpcMethod invocable = registry.lookup(method);
		assertThat(invocable).isNotNull();
		JsonRpcExchange exchange = JsonRpcExchange.of(JsonRpcRequest.call(JsonRpcId.of(1), method, null),
				JsonRpcTransportContext.inProcess());
		SecurityContextHolder.getContext().setAuthentication(user("ROLE_USER"));
		try {
			return checker.canInvoke(invocable, exchange);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private static Authentication credentials(String username, String password) {
		return UsernamePasswordAuthenticationToken.unauthenticated(username, password);
	}

	private static boolean authorize(AuthorizationManagerJsonRpcInterceptor interceptor, String method,
			Authentication authentication) {
		JsonRpcExchange exchange = JsonRpcExchange.of(JsonRpcRequest.call(JsonRpcId.of(1), method, null),
				JsonRpcTransportContext.inProcess());
		return interceptor.getAuthorizationManager().authorize(() -> authentication, exchange).isGranted();
	}

	private static Authentication user(String role) {
		return UsernamePasswordAuthenticationToken.authenticated("user", null,
				AuthorityUtils.createAuthorityList(role));
	}

	/**
	 * A strategy of the application's own, told apart from the default by identity.
	 */
	static final class DelegatingStrategy implements SecurityContextHolderStrategy {

		private final SecurityContextHolderStrategy delegate;

		DelegatingStrategy(SecurityContextHolderStrategy delegate) {
			this.delegate = delegate;
		}

		@Override
		public void clearContext() {
			this.delegate.clearContext();
		}

		@Override
		public SecurityContext getContext() {
			return this.delegate.getContext();
		}

		@Override
		public void setContext(SecurityContext context) {
			this.delegate.setContext(context);
		}

		@Override
		public SecurityContext createEmptyContext() {
			return this.delegate.createEmptyContext();
		}

	}

	static final class Gate {

		public boolean allows() {
			return true;
		}

		public boolean denies() {
			return false;
		}

	}

	@JsonRpcService
	static class GatedService {

		@PreAuthorize("@gate.allows()")
		public String opened() {
			return "opened";
		}

		@PreAuthorize("@gate.denies()")
		public String closed() {
			return "closed";
		}

	}

	static final class AllowingPermissions implements PermissionEvaluator {

		@Override
		public boolean hasPermission(Authentication authentication, Object target, Object permission) {
			return true;
		}

		@Override
		public boolean hasPermission(Authentication authentication, Serializable targetId, String targetType,
				Object permission) {
			return true;
		}

	}

}
