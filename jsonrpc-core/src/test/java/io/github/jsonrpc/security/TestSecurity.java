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

import java.security.Principal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.JsonRpcSession;
import io.github.jsonrpc.server.RecordingJsonRpcSession;
import io.github.jsonrpc.server.JsonRpcTransportContext;
import io.github.jsonrpc.server.JsonRpcTransportContext.Transport;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

/**
 * Shared fixtures of the security tests: authentications, sessions and exchanges.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class TestSecurity {

	private TestSecurity() {
	}

	static Authentication user(String name, String... roles) {
		String[] authorities = new String[roles.length];
		for (int i = 0; i < roles.length; i++) {
			authorities[i] = "ROLE_" + roles[i];
		}
		return UsernamePasswordAuthenticationToken.authenticated(name, null,
				AuthorityUtils.createAuthorityList(authorities));
	}

	static Authentication anonymous() {
		return new AnonymousAuthenticationToken("key", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
	}

	static JsonRpcExchange exchange(String method, Transport transport, @Nullable Principal principal,
			@Nullable JsonRpcSession session) {
		return JsonRpcExchange.of(JsonRpcRequest.call(JsonRpcId.of(1), method, null),
				JsonRpcTransportContext.builder(transport)
					.principal(principal)
					.session(session)
					.header("X-Test", java.util.List.of("1"))
					.build());
	}

	static JsonRpcExchange exchangeAs(String method, Authentication authentication) {
		JsonRpcExchange exchange = exchange(method, Transport.HTTP, null, null);
		exchange.attributes().put(SecurityContextJsonRpcInterceptor.AUTHENTICATION_ATTRIBUTE, authentication);
		return exchange;
	}

	static final class TestSession extends RecordingJsonRpcSession {

		TestSession(String id, @Nullable Principal principal) {
			super(id, principal);
		}

	}

}
