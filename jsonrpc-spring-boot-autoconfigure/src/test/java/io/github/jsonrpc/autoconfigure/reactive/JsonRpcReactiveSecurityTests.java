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
package io.github.jsonrpc.autoconfigure.reactive;

import java.net.http.HttpResponse;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.jsonrpc.autoconfigure.JsonRpcAutoConfiguration;
import io.github.jsonrpc.autoconfigure.security.JsonRpcSecurityAutoConfiguration;
import io.github.jsonrpc.server.method.annotation.JsonRpcMethod;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.access.prepost.PostAuthorize;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Security on the WebFlux endpoints, end to end: a real Reactor Netty server with
 * a real {@link SecurityWebFilterChain} (HTTP Basic, users {@code user} and
 * {@code admin}), over HTTP and WebSocket; method security with
 * {@code @EnableReactiveMethodSecurity} for {@code Mono}/{@code Flux} methods and with
 * {@code @EnableMethodSecurity} for plain (blocking) methods.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcReactiveSecurityTests {

	@Nested
	@TestInstance(Lifecycle.PER_CLASS)
	class ReactiveMethodSecurity {

		private ReactiveTestServer server;

		@BeforeAll
		void start() {
			this.server = ReactiveTestServer.start(List.of("jsonrpc.security.login.enabled=true"),
					ReactiveMethodSecurityApplication.class);
		}

		@AfterAll
		void stop() {
			this.server.close();
		}

		@Test
		void monoMethodsSeeTheFilterChainsAuthenticationThroughReactiveSecurityContextHolder() {
			assertThat(result(this.server.call("user", "whoami", "[]"))).isEqualTo("user");
			assertThat(result(this.server.call("admin", "whoami", "[]"))).isEqualTo("admin");
			assertThat(this.server.call("user", "authorities", "[]").get("result").toString())
				.isEqualTo("[\"ROLE_USER\"]");
		}

		@Test
		void deniedCallsGetTheSameCodesAsOnTheServletStack() {
			assertThat(errorCode(this.server.call(null, "admin.stats", "[]"))).isEqualTo(-32001);
			assertThat(errorCode(this.server.call("user", "admin.stats", "[]"))).isEqualTo(-32003);
			assertThat(this.server.call("admin", "admin.stats", "[]").get("result").get("calls").asInt()).isEqualTo(42);
			assertThat(errorCode(this.server.call(null, "whoami", "[]"))).isEqualTo(-32001);
		}

		@Test
		void principalArgumentsAreTheFilterChainsAuthentication() {
			assertThat(result(this.server.call("user", "principal", "[]"))).isEqualTo("user/user");
			Map<Integer, JsonNode> replies = byId(this.server.webSocket(ReactiveTestServer.headers("admin"), 1,
					ReactiveTestServer.request("principal", "[]", 1)));
			assertThat(result(replies.get(1))).isEqualTo("admin/admin");
		}

		@Test
		void csrfProtectionElsewhereDoesNotBlockTheEndpoint() {
			assertThat(this.server.post("user", ReactiveTestServer.request("echo", "[\"hi\"]", 1)).statusCode())
				.isEqualTo(200);
		}

		@Test
		void reactiveMethodSecurityDecidesWhatOnlyTheCallCanTell() {
			// #name needs the argument: decided by @EnableReactiveMethodSecurity
			assertThat(result(this.server.call("user", "greet", "[\"user\"]"))).isEqualTo("hello user");
			assertThat(errorCode(this.server.call("user", "greet", "[\"admin\"]"))).isEqualTo(-32003);
			// @PostAuthorize sees the emitted value, not the Mono
			assertThat(result(this.server.call("user", "notes.owner", "[\"user\"]"))).isEqualTo("user");
			assertThat(errorCode(this.server.call("user", "notes.owner", "[\"admin\"]"))).isEqualTo(-32003);
			assertThat(errorCode(this.server.call(null, "notes.owner", "[\"admin\"]"))).isEqualTo(-32001);
		}

		@Test
		void introspectionHidesDeniedMethods() {
			assertThat(methods(this.server.call(null, "rpc.discover", "[]"))).contains("echo")
				.doesNotContain("admin.stats", "whoami");
			assertThat(methods(this.server.call("user", "rpc.discover", "[]"))).contains("echo", "whoami")
				.doesNotContain("admin.stats");
			assertThat(methods(this.server.call("admin", "rpc.discover", "[]"))).contains("echo", "whoami",
					"admin.stats");
			// the OpenRPC document over GET, under the same rules
			assertThat(documentMethods(null)).contains("echo").doesNotContain("admin.stats", "whoami");
			assertThat(documentMethods("admin")).contains("echo", "whoami", "admin.stats");
		}

		private List<String> documentMethods(String user) {
			HttpResponse<String> response = this.server.get(user, "/jsonrpc/openrpc.json");
			assertThat(response.statusCode()).isEqualTo(200);
			List<String> names = new ArrayList<>();
			ReactiveTestServer.json(response.body())
				.get("methods")
				.forEach((method) -> names.add(method.get("name").asString()));
			return names;
		}

		@Test
		void filterChainRejectsBadCredentialsBeforeJsonRpc() {
			HttpResponse<String> response = this.server
				.postAsync("intruder", ReactiveTestServer.request("echo", "[1]", 1))
				.join();
			assertThat(response.statusCode()).isEqualTo(401);
		}

		@Test
		void webSocketCallsRunAsTheHandshakePrincipal() {
			List<JsonNode> replies = this.server.webSocket(ReactiveTestServer.headers("user"), 4,
					ReactiveTestServer.request("whoami", "[]", 1), ReactiveTestServer.request("admin.stats", "[]", 2),
					ReactiveTestServer.request("greet", "[\"admin\"]", 3),
					ReactiveTestServer.request("notes.owner", "[\"user\"]", 4));
			Map<Integer, JsonNode> byId = byId(replies);
			assertThat(result(byId.get(1))).isEqualTo("user");
			assertThat(errorCode(byId.get(2))).isEqualTo(-32003);
			assertThat(errorCode(byId.get(3))).isEqualTo(-32003);
			assertThat(result(byId.get(4))).isEqualTo("user");
			Map<Integer, JsonNode> admin = byId(this.server.webSocket(ReactiveTestServer.headers("admin"), 1,
					ReactiveTestServer.request("admin.stats", "[]", 1)));
			assertThat(admin.get(1).get("result").get("calls").asInt()).isEqualTo(42);
		}

		@Test
		void rpcLoginAuthenticatesAgainstTheReactiveUsers() {
			List<JsonNode> replies = this.server.conversation(ReactiveTestServer.headers(null),
					ReactiveTestServer.request("rpc.login", "{\"username\":\"admin\",\"password\":\"nope\"}", 1),
					ReactiveTestServer.request("whoami", "[]", 2),
					ReactiveTestServer.request("rpc.login", "{\"username\":\"admin\",\"password\":\"admin-password\"}",
							3),
					ReactiveTestServer.request("whoami", "[]", 4), ReactiveTestServer.request("admin.stats", "[]", 5));
			assertThat(errorCode(replies.get(0))).isEqualTo(-32001);
			assertThat(errorCode(replies.get(1))).isEqualTo(-32001);
			assertThat(result(replies.get(2))).isEqualTo("admin");
			// Mono methods see the login through ReactiveSecurityContextHolder
			assertThat(result(replies.get(3))).isEqualTo("admin");
			assertThat(replies.get(4).get("result").get("calls").asInt()).isEqualTo(42);
		}

		@Test
		void anonymousWebSocketCallsAreUnauthenticated() {
			Map<Integer, JsonNode> replies = byId(this.server.webSocket(ReactiveTestServer.headers(null), 3,
					ReactiveTestServer.request("whoami", "[]", 1), ReactiveTestServer.request("admin.stats", "[]", 2),
					ReactiveTestServer.request("echo", "[\"hi\"]", 3)));
			assertThat(errorCode(replies.get(1))).isEqualTo(-32001);
			assertThat(errorCode(replies.get(2))).isEqualTo(-32001);
			assertThat(result(replies.get(3))).isEqualTo("hi");
		}

	}

	@Nested
	@TestInstance(Lifecycle.PER_CLASS)
	class BlockingMethodSecurity {

		private ReactiveTestServer server;

		@BeforeAll
		void start() {
			this.server = ReactiveTestServer.start(List.of(), MethodSecurityApplication.class);
		}

		@AfterAll
		void stop() {
			this.server.close();
		}

		@Test
		void blockingMethodsRunOffTheEventLoopAsTheCaller() {
			JsonNode whoami = this.server.call("user", "whoami", "[]").get("result");
			assertThat(whoami.get("name").asString()).isEqualTo("user");
			assertThat(whoami.get("thread").asString()).contains("boundedElastic").doesNotContain("jsonrpc-test-loop");
		}

		@Test
		void methodSecurityAnnotationsAreEnforcedWithTheSameCodes() {
			assertThat(errorCode(this.server.call(null, "admin.stats", "[]"))).isEqualTo(-32001);
			assertThat(errorCode(this.server.call("user", "admin.stats", "[]"))).isEqualTo(-32003);
			assertThat(this.server.call("admin", "admin.stats", "[]").get("result").get("calls").asInt()).isEqualTo(42);
			assertThat(errorCode(this.server.call("user", "admin.purge", "[]"))).isEqualTo(-32003);
			assertThat(result(this.server.call("admin", "admin.purge", "[]"))).isEqualTo("purged");
			assertThat(result(this.server.call("user", "greet", "[\"user\"]"))).isEqualTo("hello user");
			assertThat(errorCode(this.server.call("user", "greet", "[\"admin\"]"))).isEqualTo(-32003);
			assertThat(result(this.server.call("user", "notes.owner", "[\"user\"]"))).isEqualTo("user");
			assertThat(errorCode(this.server.call("user", "notes.owner", "[\"admin\"]"))).isEqualTo(-32003);
		}

		@Test
		void introspectionHidesDeniedMethods() {
			assertThat(methods(this.server.call("user", "rpc.discover", "[]"))).contains("whoami", "greet")
				.doesNotContain("admin.stats", "admin.purge");
			assertThat(methods(this.server.call("admin", "rpc.discover", "[]"))).contains("admin.stats", "admin.purge");
		}

		@Test
		void webSocketCallsRunAsTheHandshakePrincipal() {
			Map<Integer, JsonNode> replies = byId(this.server.webSocket(ReactiveTestServer.headers("admin"), 3,
					ReactiveTestServer.request("whoami", "[]", 1), ReactiveTestServer.request("admin.purge", "[]", 2),
					ReactiveTestServer.request("notes.owner", "[\"user\"]", 3)));
			assertThat(replies.get(1).get("result").get("name").asString()).isEqualTo("admin");
			assertThat(result(replies.get(2))).isEqualTo("purged");
			assertThat(errorCode(replies.get(3))).isEqualTo(-32003);
			Map<Integer, JsonNode> user = byId(this.server.webSocket(ReactiveTestServer.headers("user"), 1,
					ReactiveTestServer.request("admin.purge", "[]", 1)));
			assertThat(errorCode(user.get(1))).isEqualTo(-32003);
		}

	}

	static String result(JsonNode response) {
		assertThat(response.has("error")).as(response.toString()).isFalse();
		return response.get("result").asString();
	}

	static int errorCode(JsonNode response) {
		assertThat(response.has("error")).as(response.toString()).isTrue();
		String text = response.toString();
		// no detail of the denial reaches the client
		assertThat(text).doesNotContain("hasRole", "Exception", "ROLE_", "#name", "returnObject");
		return response.get("error").get("code").asInt();
	}

	static List<String> methods(JsonNode response) {
		List<String> names = new ArrayList<>();
		response.get("result").get("methods").forEach((method) -> names.add(method.get("name").asString()));
		return names;
	}

	static Map<Integer, JsonNode> byId(List<JsonNode> replies) {
		Map<Integer, JsonNode> byId = new java.util.HashMap<>();
		replies.forEach((reply) -> byId.put(reply.get("id").asInt(), reply));
		return byId;
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, JsonRpcAutoConfiguration.class,
			JsonRpcSecurityAutoConfiguration.class, JsonRpcWebFluxAutoConfiguration.class,
			JsonRpcReactiveWebSocketAutoConfiguration.class, WebFluxAutoConfiguration.class,
			HttpHandlerAutoConfiguration.class })
	@EnableWebFluxSecurity
	static class WebFluxSecurityConfiguration {

		@Bean
		SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
			// the endpoint is open: JSON-RPC answers anonymous callers itself (-32001);
			// CSRF stays on for everything but the endpoint (docs/security.md)
			ServerWebExchangeMatcher csrf = new AndServerWebExchangeMatcher(CsrfWebFilter.DEFAULT_CSRF_MATCHER,
					new NegatedServerWebExchangeMatcher(ServerWebExchangeMatchers.pathMatchers("/jsonrpc")));
			return http.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
				.httpBasic(Customizer.withDefaults())
				.csrf((spec) -> spec.requireCsrfProtectionMatcher(csrf))
				.build();
		}

		@Bean
		MapReactiveUserDetailsService users() {
			return new MapReactiveUserDetailsService(
					User.withUsername("user").password("{noop}user-password").roles("USER").build(),
					User.withUsername("admin").password("{noop}admin-password").roles("USER", "ADMIN").build());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableReactiveMethodSecurity
	@Import({ WebFluxSecurityConfiguration.class, ReactiveService.class })
	static class ReactiveMethodSecurityApplication {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableMethodSecurity(securedEnabled = true)
	@Import({ WebFluxSecurityConfiguration.class, BlockingService.class })
	static class MethodSecurityApplication {

	}

	@JsonRpcService
	static class ReactiveService {

		@JsonRpcMethod
		public Mono<String> echo(String text) {
			return Mono.just(text);
		}

		@JsonRpcMethod
		@PreAuthorize("isAuthenticated()")
		public Mono<String> whoami() {
			return ReactiveSecurityContextHolder.getContext()
				.map(SecurityContext::getAuthentication)
				.map(Authentication::getName)
				.defaultIfEmpty("nobody");
		}

		@JsonRpcMethod
		@PreAuthorize("isAuthenticated()")
		public Flux<String> authorities() {
			return ReactiveSecurityContextHolder.getContext()
				.flatMapMany((context) -> Flux.fromIterable(context.getAuthentication().getAuthorities()))
				.map(GrantedAuthority::getAuthority);
		}

		@JsonRpcMethod
		public Mono<String> principal(@AuthenticationPrincipal UserDetails user, Principal principal) {
			return Mono.just(user.getUsername() + "/" + principal.getName());
		}

		@JsonRpcMethod("admin.stats")
		@PreAuthorize("hasRole('ADMIN')")
		public Mono<Map<String, Integer>> stats() {
			return Mono.just(Map.of("calls", 42));
		}

		@JsonRpcMethod
		@PreAuthorize("#name == authentication.name")
		public Mono<String> greet(String name) {
			return Mono.just("hello " + name);
		}

		@JsonRpcMethod("notes.owner")
		@PostAuthorize("returnObject == authentication.name")
		public Mono<String> owner(String owner) {
			return Mono.just(owner);
		}

	}

	@JsonRpcService
	static class BlockingService {

		@JsonRpcMethod
		@PreAuthorize("isAuthenticated()")
		public Map<String, String> whoami() {
			return Map.of("name", SecurityContextHolder.getContext().getAuthentication().getName(), "thread",
					Thread.currentThread().getName());
		}

		@JsonRpcMethod("admin.stats")
		@PreAuthorize("hasRole('ADMIN')")
		public Map<String, Integer> stats() {
			return Map.of("calls", 42);
		}

		@JsonRpcMethod("admin.purge")
		@Secured("ROLE_ADMIN")
		public String purge() {
			return "purged";
		}

		@JsonRpcMethod
		@PreAuthorize("#name == authentication.name")
		public String greet(String name) {
			return "hello " + name;
		}

		@JsonRpcMethod("notes.owner")
		@PostAuthorize("returnObject == authentication.name")
		public String owner(String owner) {
			return owner;
		}

	}

}
