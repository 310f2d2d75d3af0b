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

import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import io.github.jsonrpc.security.TestSecurity.TestSession;
import io.github.jsonrpc.server.JsonRpcException;
import io.github.jsonrpc.server.JsonRpcTransportContext.Transport;
import io.github.jsonrpc.server.method.InvocableJsonRpcMethodFactory;
import io.github.jsonrpc.server.method.JsonRpcArgumentResolverComposite;
import io.github.jsonrpc.server.method.JsonRpcMethodRegistry;
import io.github.jsonrpc.server.method.JsonRpcNamingStyle;
import io.github.jsonrpc.server.method.annotation.support.JsonRpcArgumentResolvers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link JsonRpcLoginMethod}.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcLoginMethodTests {

	private final JsonRpcLoginMethod login = new JsonRpcLoginMethod(
			() -> new ProviderManager(new DaoAuthenticationProvider(new InMemoryUserDetailsManager(
					User.withUsername("alice").password("{noop}alice-secret").roles("USER").build()))));

	@Test
	void storesTheAuthenticationInTheSession() {
		TestSession session = new TestSession("1", null);
		String name = this.login.login("alice", "alice-secret",
				TestSecurity.exchange("rpc.login", Transport.WEBSOCKET, null, session));
		assertThat(name).isEqualTo("alice");
		assertThat(session.principal()).isInstanceOf(Authentication.class);
		Authentication stored = (Authentication) session.principal();
		assertThat(stored.getName()).isEqualTo("alice");
		assertThat(stored.getCredentials()).isNull();
		assertThat(session.attributes()).isEmpty();
	}

	@Test
	void logoutMakesTheSessionAnonymous() {
		TestSession session = new TestSession("1", TestSecurity.user("bob", "USER"));
		this.login.login("alice", "alice-secret",
				TestSecurity.exchange("rpc.login", Transport.WEBSOCKET, null, session));
		assertThat(this.login.logout(TestSecurity.exchange("rpc.logout", Transport.WEBSOCKET, null, session))).isTrue();
		assertThat(session.principal()).isNull();
		assertThatExceptionOfType(JsonRpcException.class)
			.isThrownBy(() -> this.login.logout(TestSecurity.exchange("rpc.logout", Transport.HTTP, null, null)));
	}

	@Test
	void badCredentialsFailWithoutTouchingTheSession() {
		TestSession session = new TestSession("1", null);
		assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> this.login.login("alice", "wrong",
				TestSecurity.exchange("rpc.login", Transport.WEBSOCKET, null, session)));
		assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> this.login.login("nobody", "x",
				TestSecurity.exchange("rpc.login", Transport.WEBSOCKET, null, session)));
		assertThat(session.attributes()).isEmpty();
		assertThat(session.principal()).isNull();
		assertThat(new SecurityJsonRpcExceptionResolver()
			.resolveException(TestSecurity.exchange("rpc.login", Transport.WEBSOCKET, null, session),
					new BadCredentialsException("x"))
			.code()).isEqualTo(JsonRpcErrorCodes.UNAUTHENTICATED);
	}

	@Test
	void httpCallsCannotLogIn() {
		assertThatExceptionOfType(JsonRpcException.class).isThrownBy(() -> this.login.login("alice", "alice-secret",
				TestSecurity.exchange("rpc.login", Transport.HTTP, null, null)));
	}

	@Test
	void registersAsBuiltIn() {
		JsonRpcMethodRegistry registry = new JsonRpcMethodRegistry();
		this.login.register(registry,
				new InvocableJsonRpcMethodFactory(JsonMapper.builder().build(),
						new JsonRpcArgumentResolverComposite(JsonRpcArgumentResolvers.builtIn()),
						JsonRpcNamingStyle.AS_DECLARED, null, null));
		assertThat(registry.lookup("rpc.login")).isNotNull();
		assertThat(registry.lookup("rpc.logout")).isNotNull();
		assertThat(registry.lookup("rpc.login").parameters()).hasSize(2);
		assertThat(List.of(registry.lookup("rpc.login").parameters().get(0).name(),
				registry.lookup("rpc.login").parameters().get(1).name()))
			.containsExactly("username", "password");
	}

}
