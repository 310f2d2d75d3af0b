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

import java.time.Duration;

import io.github.jsonrpc.security.MethodAccessJsonRpcInterceptor.DeniedMethods;
import io.github.jsonrpc.server.method.JsonRpcMethodAccessChecker;
import io.github.jsonrpc.server.method.JsonRpcMethodRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.core.Ordered;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests of the security types' constructor and setter guards, limits at exactly the
 * smallest legal value, and default orders.
 *
 * @author JSON-RPC for Spring Boot team
 */
class SecurityGuardsTests {

	private final JsonRpcMethodAccessChecker all = (method, exchange) -> true;

	@Test
	void loginThrottleNeedsPositiveLimitsAndWindow() {
		Duration minute = Duration.ofMinutes(1);
		assertThatNoException().isThrownBy(() -> new JsonRpcLoginThrottle(1, 1, Duration.ofMillis(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> new JsonRpcLoginThrottle(0, 1, minute))
			.withMessage("maxFailuresPerConnection must be positive");
		assertThatIllegalArgumentException().isThrownBy(() -> new JsonRpcLoginThrottle(1, 0, minute))
			.withMessage("maxFailuresPerAddress must be positive");
		for (Duration window : new Duration[] { Duration.ZERO, Duration.ofMillis(-1), null }) {
			assertThatIllegalArgumentException().isThrownBy(() -> new JsonRpcLoginThrottle(1, 1, window))
				.withMessage("window must be positive");
		}
	}

	@Test
	void loginMethodNeedsItsManagerAndThrottle() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new JsonRpcLoginMethod(null, JsonRpcLoginThrottle.defaults()))
			.withMessage("AuthenticationManager is required");
		assertThatIllegalArgumentException().isThrownBy(() -> new JsonRpcLoginMethod(() -> null, null))
			.withMessage("Throttle is required");
	}

	@Test
	void methodAccessInterceptorNeedsItsCollaboratorsAndComesAfterTheSecurityContext() {
		JsonRpcMethodRegistry registry = new JsonRpcMethodRegistry();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MethodAccessJsonRpcInterceptor(null, this.all, null, DeniedMethods.NOT_FOUND))
			.withMessage("Registry is required");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MethodAccessJsonRpcInterceptor(registry, null, null, DeniedMethods.NOT_FOUND))
			.withMessage("AccessChecker is required");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MethodAccessJsonRpcInterceptor(registry, this.all, null, null))
			.withMessage("DeniedMethods is required");
		MethodAccessJsonRpcInterceptor interceptor = new MethodAccessJsonRpcInterceptor(registry, this.all, null,
				DeniedMethods.UNAUTHORIZED);
		assertThat(interceptor.getOrder()).isEqualTo(MethodAccessJsonRpcInterceptor.DEFAULT_ORDER)
			.isEqualTo(Ordered.HIGHEST_PRECEDENCE + 1050);
		interceptor.setOrder(3);
		assertThat(interceptor.getOrder()).isEqualTo(3);
	}

	@Test
	void securityContextInterceptorRefusesMissingStrategyAndTrustResolver() {
		SecurityContextJsonRpcInterceptor interceptor = new SecurityContextJsonRpcInterceptor();
		assertThat(interceptor.getOrder()).isEqualTo(SecurityContextJsonRpcInterceptor.DEFAULT_ORDER)
			.isEqualTo(Ordered.HIGHEST_PRECEDENCE + 1000);
		interceptor.setOrder(-5);
		assertThat(interceptor.getOrder()).isEqualTo(-5);
		assertThatIllegalArgumentException().isThrownBy(() -> interceptor.setSecurityContextHolderStrategy(null))
			.withMessage("SecurityContextHolderStrategy is required");
		assertThatIllegalArgumentException().isThrownBy(() -> interceptor.setTrustResolver(null))
			.withMessage("TrustResolver is required");
	}

	@Test
	void exceptionResolverAndTopicRulesRefuseMissingParts() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SecurityJsonRpcExceptionResolver(null))
			.withMessage("TrustResolver is required");
		SecurityJsonRpcTopicAuthorizer authorizer = new SecurityJsonRpcTopicAuthorizer();
		assertThatIllegalArgumentException().isThrownBy(() -> authorizer.rule(" ", (authentication, access) -> null))
			.withMessage("Pattern must not be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> authorizer.rule("a.*", null))
			.withMessage("Manager is required");
	}

}
