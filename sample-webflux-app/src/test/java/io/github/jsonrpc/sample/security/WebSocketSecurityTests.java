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

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ReactiveAuthenticationManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AbstractWebSocketSecurityTests} against the WebFlux sample (Reactor Netty).
 *
 * @author JSON-RPC for Spring Boot team
 */
class WebSocketSecurityTests extends AbstractWebSocketSecurityTests {

	@Autowired
	private ApplicationContext context;

	@Test
	void loginTestsRunTheStartersManagerOverTheReactiveUsers() {
		// the inherited rpc.login tests then test what an application gets
		assertThat(this.context.getBeanNamesForType(AuthenticationManager.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(ReactiveAuthenticationManager.class)).isEmpty();
	}

}
