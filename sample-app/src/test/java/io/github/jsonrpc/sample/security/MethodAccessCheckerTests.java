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
package io.github.jsonrpc.sample.security;

import java.util.List;

import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.security.SecurityContextJsonRpcInterceptor;
import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.JsonRpcTransportContext;
import io.github.jsonrpc.server.method.InvocableJsonRpcMethod;
import io.github.jsonrpc.server.method.JsonRpcMethodAccessChecker;
import io.github.jsonrpc.server.method.JsonRpcMethodRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's {@link JsonRpcMethodAccessChecker}: introspection lists a method only when
 * the caller may call it, decided from the method's annotations without calling it.
 *
 * @author JSON-RPC for Spring Boot team
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class MethodAccessCheckerTests {

	@Autowired
	private JsonRpcMethodAccessChecker checker;

	@Autowired
	private JsonRpcMethodRegistry registry;

	@ParameterizedTest(name = "{0} may call {1}: {2}")
	@CsvSource(textBlock = """
			anonymous, subtract,     true
			anonymous, whoami,       false
			anonymous, admin.stats,  false
			anonymous, notes.create, false
			anonymous, notes.delete, true
			alice,     whoami,       true
			alice,     admin.stats,  false
			alice,     notes.delete, true
			admin,     admin.stats,  true
			admin,     whoami,       true
			""")
	void listsOnlyCallableMethods(String user, String method, boolean expected) {
		InvocableJsonRpcMethod invocable = this.registry.lookup(method);
		assertThat(invocable).isNotNull();
		assertThat(this.checker.canInvoke(invocable, exchange(authentication(user)))).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "anonymous", "alice", "admin" })
	void everyPublicSampleMethodIsListedForEveryone(String user) {
		List<String> publicMethods = List.of("subtract", "sum", "echo", "get_data", "inventory.get");
		for (String name : publicMethods) {
			assertThat(this.checker.canInvoke(this.registry.lookup(name), exchange(authentication(user)))).as(name)
				.isTrue();
		}
	}

	private static JsonRpcExchange exchange(Authentication authentication) {
		JsonRpcExchange exchange = JsonRpcExchange.of(JsonRpcRequest.call(JsonRpcId.of(1), "get_methods", null),
				JsonRpcTransportContext.builder(JsonRpcTransportContext.Transport.HTTP).build());
		exchange.attributes().put(SecurityContextJsonRpcInterceptor.AUTHENTICATION_ATTRIBUTE, authentication);
		return exchange;
	}

	private static Authentication authentication(String user) {
		if ("anonymous".equals(user)) {
			return new AnonymousAuthenticationToken("key", "anonymousUser",
					AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
		}
		String role = "admin".equals(user) ? "ROLE_ADMIN" : "ROLE_USER";
		return UsernamePasswordAuthenticationToken.authenticated(user, null, AuthorityUtils.createAuthorityList(role));
	}

}
