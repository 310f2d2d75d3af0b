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

import io.github.jsonrpc.protocol.JsonRpcError;
import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import org.junit.jupiter.api.Test;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDeniedException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SecurityJsonRpcExceptionResolver}.
 *
 * @author JSON-RPC for Spring Boot team
 */
class SecurityJsonRpcExceptionResolverTests {

	private final SecurityJsonRpcExceptionResolver resolver = new SecurityJsonRpcExceptionResolver();

	@Test
	void authenticationExceptionIsUnauthenticated() {
		JsonRpcError error = this.resolver.resolveException(
				TestSecurity.exchangeAs("x", TestSecurity.user("alice", "USER")),
				new BadCredentialsException("bad password for alice"));
		assertThat(error).isEqualTo(JsonRpcError.of(JsonRpcErrorCodes.UNAUTHENTICATED, "Unauthenticated"));
	}

	@Test
	void missingAuthenticationIsUnauthenticated() {
		JsonRpcError error = this.resolver.resolveException(
				TestSecurity.exchange("x", io.github.jsonrpc.server.JsonRpcTransportContext.Transport.HTTP, null, null),
				new AuthenticationCredentialsNotFoundException("none"));
		assertThat(error.code()).isEqualTo(JsonRpcErrorCodes.UNAUTHENTICATED);
	}

	@Test
	void denialOfAnonymousIsUnauthenticated() {
		JsonRpcError error = this.resolver.resolveException(TestSecurity.exchangeAs("x", TestSecurity.anonymous()),
				new AuthorizationDeniedException("Access Denied", new AuthorizationDecision(false)));
		assertThat(error.code()).isEqualTo(JsonRpcErrorCodes.UNAUTHENTICATED);
		assertThat(error.message()).isEqualTo("Unauthenticated");
	}

	@Test
	void denialOfAuthenticatedIsForbiddenWithAFixedMessage() {
		JsonRpcError error = this.resolver.resolveException(
				TestSecurity.exchangeAs("x", TestSecurity.user("alice", "USER")),
				new AccessDeniedException("hasRole('ADMIN') failed for alice"));
		assertThat(error).isEqualTo(JsonRpcError.of(JsonRpcErrorCodes.FORBIDDEN, "Forbidden"));
	}

	@Test
	void otherExceptionsAreNotResolved() {
		assertThat(this.resolver.resolveException(TestSecurity.exchangeAs("x", TestSecurity.anonymous()),
				new IllegalStateException()))
			.isNull();
	}

}
