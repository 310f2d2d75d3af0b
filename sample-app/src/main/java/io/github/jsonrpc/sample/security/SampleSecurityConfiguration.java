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
import io.github.jsonrpc.autoconfigure.security.JsonRpcSecurityCustomizers;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Security of the sample: HTTP Basic with the demo users of
 * {@code sample.security.users}, stateless, every path open at the filter level so
 * anonymous calls of public methods keep working; method security ({@code @PreAuthorize},
 * {@code @Secured}, {@code @RolesAllowed}) and {@code jsonrpc.security} rules decide per
 * method. The protected topic {@code admin-events} is declared in
 * {@link AdminEventsConfiguration}, shared with the WebFlux sample.
 *
 * @author JSON-RPC for Spring Boot team
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity(securedEnabled = true, jsr250Enabled = true)
@EnableConfigurationProperties(SampleUsersProperties.class)
public class SampleSecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, JsonRpcProperties jsonRpc) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			// operational data is for admins; health stays open for probes
			.requestMatchers(EndpointRequest.to("health"))
			.permitAll()
			.requestMatchers(EndpointRequest.toAnyEndpoint())
			.hasRole("ADMIN")
			.anyRequest()
			.permitAll())
			.httpBasic(Customizer.withDefaults())
			// the endpoint runs methods only for exact application/json POSTs, which
			// browsers cannot send cross-site without a CORS preflight (see
			// docs/security.md)
			.csrf(JsonRpcSecurityCustomizers.ignoreCsrf(jsonRpc.getHttp().getPath()))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	InMemoryUserDetailsManager userDetailsService(SampleUsersProperties properties) {
		return new InMemoryUserDetailsManager(properties.userDetails());
	}

}
