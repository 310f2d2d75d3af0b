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

import java.lang.reflect.Method;

import org.junit.jupiter.api.Test;

import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link AuthenticationMethodArgumentResolver}.
 *
 * @author JSON-RPC for Spring Boot team
 */
class AuthenticationMethodArgumentResolverTests {

	private final AuthenticationMethodArgumentResolver resolver = new AuthenticationMethodArgumentResolver();

	private final UserDetails alice = User.withUsername("alice").password("x").roles("USER").build();

	private final Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(this.alice, null,
			AuthorityUtils.createAuthorityList("ROLE_USER"));

	@Test
	void supportsAuthenticationAndAnnotatedParameters() {
		assertThat(this.resolver.supportsParameter(parameter("authentication"))).isTrue();
		assertThat(this.resolver.supportsParameter(parameter("principal"))).isTrue();
		assertThat(this.resolver.supportsParameter(parameter("meta"))).isTrue();
		assertThat(this.resolver.supportsParameter(parameter("plain"))).isFalse();
	}

	@Test
	void resolvesTheAuthentication() throws Exception {
		assertThat(this.resolver.resolveArgument(parameter("authentication"),
				TestSecurity.exchangeAs("x", this.authentication)))
			.isSameAs(this.authentication);
	}

	@Test
	void anonymousAuthenticationIsNull() throws Exception {
		assertThat(this.resolver.resolveArgument(parameter("authentication"),
				TestSecurity.exchangeAs("x", TestSecurity.anonymous())))
			.isNull();
	}

	@Test
	void resolvesThePrincipal() throws Exception {
		assertThat(this.resolver.resolveArgument(parameter("principal"),
				TestSecurity.exchangeAs("x", this.authentication)))
			.isSameAs(this.alice);
		assertThat(this.resolver.resolveArgument(parameter("meta"), TestSecurity.exchangeAs("x", this.authentication)))
			.isSameAs(this.alice);
	}

	@Test
	void evaluatesTheExpression() throws Exception {
		assertThat(
				this.resolver.resolveArgument(parameter("username"), TestSecurity.exchangeAs("x", this.authentication)))
			.isEqualTo("alice");
	}

	@Test
	void principalOfAnotherTypeIsNullUnlessAnErrorIsRequested() throws Exception {
		Authentication other = TestSecurity.user("bob", "USER");
		assertThat(this.resolver.resolveArgument(parameter("principal"), TestSecurity.exchangeAs("x", other))).isNull();
		assertThatExceptionOfType(ClassCastException.class)
			.isThrownBy(() -> this.resolver.resolveArgument(parameter("strict"), TestSecurity.exchangeAs("x", other)));
	}

	private static MethodParameter parameter(String methodName) {
		Method method = ReflectionUtils.findMethod(Handlers.class, methodName, (Class<?>[]) null);
		return new MethodParameter(method, 0);
	}

	@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
	@java.lang.annotation.Target(java.lang.annotation.ElementType.PARAMETER)
	@AuthenticationPrincipal
	@interface CurrentUser {

	}

	static class Handlers {

		void authentication(Authentication authentication) {
		}

		void principal(@AuthenticationPrincipal UserDetails user) {
		}

		void meta(@CurrentUser UserDetails user) {
		}

		void username(@AuthenticationPrincipal(expression = "username") String name) {
		}

		void strict(@AuthenticationPrincipal(errorOnInvalidType = true) UserDetails user) {
		}

		void plain(String value) {
		}

	}

}
