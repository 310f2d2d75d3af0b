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

import io.github.jsonrpc.autoconfigure.JsonRpcProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Security of the WebFlux sample, the same as the Servlet sample's: HTTP Basic with the
 * demo users of {@code sample.security.users} (on the handshake for WebSocket),
 * stateless, every path open at the filter level so anonymous calls of public methods
 * keep working; method security ({@code @PreAuthorize}, {@code @Secured},
 * {@code @RolesAllowed}) and {@code jsonrpc.security} rules decide per method. The
 * sample's methods are blocking ones, which run on the task executor with the caller's
 * security context, so the ordinary {@code @EnableMethodSecurity} applies to them.
 * {@code rpc.login} uses the starter's own manager over the reactive users (no bean of
 * the sample's), so the shared end-to-end suites test what an application gets.
 *
 * @author JSON-RPC for Spring Boot team
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity(securedEnabled = true, jsr250Enabled = true)
@EnableConfigurationProperties(SampleUsersProperties.class)
public class SampleWebFluxSecurityConfiguration {

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, JsonRpcProperties jsonRpc) {
		// the endpoint runs methods only for exact application/json POSTs, which browsers
		// cannot send cross-site without a CORS preflight (see docs/security.md)
		NegatedServerWebExchangeMatcher notTheEndpoint = new NegatedServerWebExchangeMatcher(
				ServerWebExchangeMatchers.pathMatchers(jsonRpc.getHttp().getPath()));
		return http.authorizeExchange((exchanges) -> exchanges
			// operational data is for admins; health stays open for probes
			.matchers(EndpointRequest.to("health"))
			.permitAll()
			.matchers(EndpointRequest.toAnyEndpoint())
			.hasRole("ADMIN")
			.anyExchange()
			.permitAll())
			.httpBasic(Customizer.withDefaults())
			.csrf((csrf) -> csrf.requireCsrfProtectionMatcher(
					new AndServerWebExchangeMatcher(CsrfWebFilter.DEFAULT_CSRF_MATCHER, notTheEndpoint)))
			// stateless like the Servlet sample: no security context nor saved
			// request in a WebSession, so no request creates one
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	MapReactiveUserDetailsService userDetailsService(SampleUsersProperties properties) {
		return new MapReactiveUserDetailsService(properties.userDetails());
	}

}
