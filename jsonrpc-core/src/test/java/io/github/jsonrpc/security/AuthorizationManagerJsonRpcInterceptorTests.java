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

import java.io.Serializable;
import java.security.Principal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.JsonRpcInterceptor;
import io.github.jsonrpc.server.JsonRpcTransportContext.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.security.access.PermissionEvaluator;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.DefaultAuthorizationManagerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link AuthorizationManagerJsonRpcInterceptor}, the rules of
 * {@link JsonRpcMethodAuthorizationManager} and {@link JsonRpcAuthorizationManagers}, and
 * how a call's authentication is found ({@link JsonRpcSecurity}).
 *
 * @author JSON-RPC for Spring Boot team
 */
class AuthorizationManagerJsonRpcInterceptorTests {

	private static final JsonRpcResponse PASSED = JsonRpcResponse.success(JsonRpcId.of(1), "passed");

	private final JsonRpcSecurityExpressionHandler expressions = new JsonRpcSecurityExpressionHandler();

	private final AtomicInteger calls = new AtomicInteger();

	private final JsonRpcInterceptor.Chain chain = (exchange) -> {
		this.calls.incrementAndGet();
		return CompletableFuture.completedFuture(PASSED);
	};

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void deniedCallFailsWithTheDecisionAndNeverReachesTheMethod() {
		AuthorizationDecision denied = new AuthorizationDecision(false);
		AuthorizationManagerJsonRpcInterceptor interceptor = new AuthorizationManagerJsonRpcInterceptor(
				(authentication, exchange) -> denied);
		CompletableFuture<JsonRpcResponse> response = interceptor.intercept(exchange("admin.stats"), this.chain);
		assertThat(response).isCompletedExceptionally();
		assertThat(response.handle((value, ex) -> ex).join()).isInstanceOfSatisfying(AuthorizationDeniedException.class,
				(ex) -> {
					assertThat(ex.getMessage()).isEqualTo("Access Denied");
					assertThat(ex.getAuthorizationResult()).isSameAs(denied);
				});
		assertThat(this.calls).hasValue(0);
	}

	@Test
	void grantedOrAbstainingManagerLetsTheCallThrough() {
		AuthorizationManagerJsonRpcInterceptor granted = new AuthorizationManagerJsonRpcInterceptor(
				(authentication, exchange) -> new AuthorizationDecision(true));
		assertThat(TestWaits.join(granted.intercept(exchange("open"), this.chain))).isSameAs(PASSED);
		AuthorizationManagerJsonRpcInterceptor abstaining = new AuthorizationManagerJsonRpcInterceptor(
				(authentication, exchange) -> null);
		assertThat(TestWaits.join(abstaining.intercept(exchange("open"), this.chain))).isSameAs(PASSED);
		assertThat(this.calls).hasValue(2);
	}

	@Test
	void managerSeesTheCallsAuthentication() {
		AtomicReference<Authentication> seen = new AtomicReference<>();
		AuthorizationManagerJsonRpcInterceptor interceptor = new AuthorizationManagerJsonRpcInterceptor(
				(authentication, exchange) -> {
					seen.set(authentication.get());
					return new AuthorizationDecision(true);
				});
		Authentication admin = TestSecurity.user("admin", "ADMIN");
		TestWaits.join(interceptor.intercept(TestSecurity.exchangeAs("open", admin), this.chain));
		assertThat(seen.get()).isSameAs(admin);
	}

	@Test
	void orderDefaultsToRightAfterTheSecurityContextAndCanBeChanged() {
		AuthorizationManager<JsonRpcExchange> manager = (authentication, exchange) -> null;
		AuthorizationManagerJsonRpcInterceptor interceptor = new AuthorizationManagerJsonRpcInterceptor(manager);
		assertThat(interceptor.getAuthorizationManager()).isSameAs(manager);
		assertThat(interceptor.getOrder()).isEqualTo(SecurityContextJsonRpcInterceptor.DEFAULT_ORDER + 100)
			.isEqualTo(AuthorizationManagerJsonRpcInterceptor.DEFAULT_ORDER);
		interceptor.setOrder(7);
		assertThat(interceptor.getOrder()).isEqualTo(7);
		assertThatIllegalArgumentException().isThrownBy(() -> new AuthorizationManagerJsonRpcInterceptor(null))
			.withMessage("AuthorizationManager is required");
	}

	@ParameterizedTest(name = "{0} calls {1}: {2}")
	@CsvSource(textBlock = """
			anonymous, auth.login,   true
			anonymous, admin.stats,  false
			user,      admin.stats,  false
			admin,     admin.stats,  true
			anonymous, admin.public, true
			anonymous, admin,        false
			user,      ops.restart,  true
			anonymous, ops.restart,  false
			anonymous, other,        false
			user,      other,        false
			""")
	void firstMatchingRuleDecidesAndPermittedNamesBypassTheRules(String caller, String method, boolean granted) {
		JsonRpcMethodAuthorizationManager manager = JsonRpcMethodAuthorizationManager.builder()
			.permit("auth.login")
			.rule("admin.public", JsonRpcAuthorizationManagers.of("permit-all", this.expressions))
			.rule("admin*", JsonRpcAuthorizationManagers.of("hasRole('ADMIN')", this.expressions))
			.rule("ops.*", JsonRpcAuthorizationManagers.of(" authenticated ", this.expressions))
			// shadowed by ops.*: never decides
			.rule("ops.restart", JsonRpcAuthorizationManagers.of("denyAll", this.expressions))
			.rule("auth.*", JsonRpcAuthorizationManagers.of("denyAll", this.expressions))
			.defaultManager(JsonRpcAuthorizationManagers.of("deny-all", this.expressions))
			.build();
		AuthorizationResult result = manager.authorize(() -> authentication(caller), exchange(method));
		assertThat(result).isNotNull();
		assertThat(result.isGranted()).isEqualTo(granted);
	}

	@Test
	void defaultManagerDecidesMethodsNoRuleMatches() {
		JsonRpcMethodAuthorizationManager permitting = JsonRpcMethodAuthorizationManager.builder()
			.rule("admin.*", JsonRpcAuthorizationManagers.of("deny-all", this.expressions))
			.build();
		assertThat(permitting.authorize(TestSecurity::anonymous, exchange("other")).isGranted()).isTrue();
		assertThat(permitting.authorize(TestSecurity::anonymous, exchange("admin.x")).isGranted()).isFalse();
		JsonRpcMethodAuthorizationManager authenticated = JsonRpcMethodAuthorizationManager.builder()
			.rule("open.*", JsonRpcAuthorizationManagers.of("permitAll", this.expressions))
			.defaultManager(JsonRpcAuthorizationManagers.of("authenticated", this.expressions))
			.permit("auth.login", "auth.logout")
			.build();
		assertThat(authenticated.authorize(TestSecurity::anonymous, exchange("other")).isGranted()).isFalse();
		assertThat(authenticated.authorize(() -> TestSecurity.user("u"), exchange("other")).isGranted()).isTrue();
		assertThat(authenticated.authorize(TestSecurity::anonymous, exchange("open.x")).isGranted()).isTrue();
		assertThat(authenticated.authorize(TestSecurity::anonymous, exchange("auth.logout")).isGranted()).isTrue();
		assertThat(authenticated.authorize(() -> null, exchange("auth.login")).isGranted()).isTrue();
	}

	@Test
	void builderRejectsEmptyPatternsAndMissingManagers() {
		JsonRpcMethodAuthorizationManager.Builder builder = JsonRpcMethodAuthorizationManager.builder();
		AuthorizationManager<JsonRpcExchange> manager = (authentication, exchange) -> null;
		assertThatIllegalArgumentException().isThrownBy(() -> builder.rule(" ", manager))
			.withMessage("Pattern must not be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.rule("a.*", null))
			.withMessage("Manager is required");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.defaultManager(null))
			.withMessage("Manager is required");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(textBlock = """
			permit-all,          true,  true,  true
			permitAll,           true,  true,  true
			deny-all,            false, false, false
			denyAll,             false, false, false
			authenticated,       false, true,  true
			fully-authenticated, false, true,  true
			fullyAuthenticated,  false, true,  true
			anonymous,           true,  false, false
			hasRole("ADMIN"),    false, false, true
			'  hasRole("ADMIN")  ', false, false, true
			""")
	void keywordsAndExpressions(String rule, boolean anonymous, boolean user, boolean admin) {
		AuthorizationManager<JsonRpcExchange> manager = JsonRpcAuthorizationManagers.of(rule, this.expressions);
		JsonRpcExchange exchange = exchange("m");
		assertThat(manager.authorize(TestSecurity::anonymous, exchange).isGranted()).isEqualTo(anonymous);
		assertThat(manager.authorize(() -> TestSecurity.user("u", "USER"), exchange).isGranted()).isEqualTo(user);
		assertThat(manager.authorize(() -> TestSecurity.user("a", "ADMIN"), exchange).isGranted()).isEqualTo(admin);
	}

	@Test
	void expressionsSeeTheCallAndInvalidOnesAreRejected() {
		AuthorizationManager<JsonRpcExchange> byName = JsonRpcAuthorizationManagers
			.of("method == 'report.read' and exchange.request().method() == method", this.expressions);
		assertThat(byName.authorize(TestSecurity::anonymous, exchange("report.read")).isGranted()).isTrue();
		assertThat(byName.authorize(TestSecurity::anonymous, exchange("report.write")).isGranted()).isFalse();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> JsonRpcAuthorizationManagers.of("hasRole(", this.expressions))
			.withMessage("Invalid JSON-RPC security expression 'hasRole('");
		assertThatIllegalArgumentException().isThrownBy(() -> JsonRpcAuthorizationManagers.of(" ", this.expressions))
			.withMessage("Rule must not be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> JsonRpcAuthorizationManagers.of("permitAll", null))
			.withMessage("ExpressionHandler is required");
		assertThat(JsonRpcAuthorizationManagers.isGranted(null)).isTrue();
		assertThat(JsonRpcAuthorizationManagers.isGranted(new AuthorizationDecision(true))).isTrue();
		assertThat(JsonRpcAuthorizationManagers.isGranted(new AuthorizationDecision(false))).isFalse();
	}

	@Test
	void expressionsUseTheHandlersPermissionEvaluatorAndRoleRules() {
		JsonRpcSecurityExpressionHandler handler = new JsonRpcSecurityExpressionHandler();
		handler.setPermissionEvaluator(new PermissionEvaluator() {

			@Override
			public boolean hasPermission(Authentication authentication, Object target, Object permission) {
				return "report".equals(target) && "read".equals(permission);
			}

			@Override
			public boolean hasPermission(Authentication authentication, Serializable id, String type,
					Object permission) {
				return false;
			}

		});
		DefaultAuthorizationManagerFactory<JsonRpcExchange> factory = new DefaultAuthorizationManagerFactory<>();
		factory.setRolePrefix("GROUP_");
		handler.setAuthorizationManagerFactory(factory);
		Authentication group = UsernamePasswordAuthenticationToken.authenticated("g", null,
				AuthorityUtils.createAuthorityList("GROUP_ADMIN"));
		assertThat(JsonRpcAuthorizationManagers.of("hasPermission('report', 'read')", handler)
			.authorize(() -> group, exchange("m"))
			.isGranted()).isTrue();
		assertThat(JsonRpcAuthorizationManagers.of("hasPermission('report', 'write')", handler)
			.authorize(() -> group, exchange("m"))
			.isGranted()).isFalse();
		assertThat(JsonRpcAuthorizationManagers.of("hasRole('ADMIN')", handler)
			.authorize(() -> group, exchange("m"))
			.isGranted()).isTrue();
		assertThat(JsonRpcAuthorizationManagers.of("hasRole('ADMIN')", handler)
			.authorize(() -> TestSecurity.user("a", "ADMIN"), exchange("m"))
			.isGranted()).isFalse();
	}

	@Test
	void authenticationIsTheRecordedOneThenTheSecurityContextsThenTheTransportPrincipal() {
		Authentication recorded = TestSecurity.user("recorded");
		Authentication current = TestSecurity.user("current");
		Authentication transport = TestSecurity.user("transport");
		JsonRpcExchange exchange = TestSecurity.exchange("m", Transport.WEBSOCKET, transport, null);
		assertThat(JsonRpcSecurity.authentication(exchange)).isSameAs(transport);
		SecurityContextHolder.setContext(new SecurityContextImpl(current));
		assertThat(JsonRpcSecurity.authentication(exchange)).isSameAs(current);
		exchange.attributes().put(SecurityContextJsonRpcInterceptor.AUTHENTICATION_ATTRIBUTE, recorded);
		assertThat(JsonRpcSecurity.authentication(exchange)).isSameAs(recorded);
		SecurityContextHolder.clearContext();
		assertThat(JsonRpcSecurity.authentication(TestSecurity.exchange("m", Transport.HTTP, null, null))).isNull();
	}

	@Test
	void plainPrincipalBecomesAnAuthenticatedTokenWithoutAuthorities() {
		Principal plain = () -> "bob";
		Authentication adapted = JsonRpcSecurity.toAuthentication(plain);
		assertThat(adapted).isInstanceOf(UsernamePasswordAuthenticationToken.class);
		assertThat(adapted.isAuthenticated()).isTrue();
		assertThat(adapted.getPrincipal()).isSameAs(plain);
		assertThat(adapted.getAuthorities()).isEmpty();
		Authentication token = TestSecurity.user("alice");
		assertThat(JsonRpcSecurity.toAuthentication(token)).isSameAs(token);
		assertThat(JsonRpcSecurity.toAuthentication(null)).isNull();
		Authentication anonymous = JsonRpcSecurity.anonymous();
		assertThat(anonymous.getName()).isEqualTo("anonymousUser");
		assertThat(anonymous.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ANONYMOUS");
		assertThat(anonymous.isAuthenticated()).isTrue();
	}

	private static Authentication authentication(String caller) {
		return switch (caller) {
			case "anonymous" -> TestSecurity.anonymous();
			case "admin" -> TestSecurity.user("admin", "ADMIN");
			default -> TestSecurity.user(caller, "USER");
		};
	}

	private static JsonRpcExchange exchange(String method) {
		return TestSecurity.exchange(method, Transport.HTTP, null, null);
	}

}
