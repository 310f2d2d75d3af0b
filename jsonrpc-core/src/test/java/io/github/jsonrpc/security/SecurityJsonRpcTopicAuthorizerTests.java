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
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.pubsub.JsonRpcSubscriptionRegistry;
import io.github.jsonrpc.pubsub.JsonRpcTopic;
import io.github.jsonrpc.server.JsonRpcSession;

import io.github.jsonrpc.security.SecurityJsonRpcTopicAuthorizer.TopicAccess;
import io.github.jsonrpc.security.SecurityJsonRpcTopicAuthorizer.TopicSecurityExpressionHandler;
import io.github.jsonrpc.security.TestSecurity.TestSession;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.access.PermissionEvaluator;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.DefaultAuthorizationManagerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SecurityJsonRpcTopicAuthorizer}.
 *
 * @author JSON-RPC for Spring Boot team
 */
class SecurityJsonRpcTopicAuthorizerTests {

	private final TopicSecurityExpressionHandler handler = new TopicSecurityExpressionHandler();

	private final SecurityJsonRpcTopicAuthorizer authorizer = new SecurityJsonRpcTopicAuthorizer()
		.rule("admin-*", JsonRpcAuthorizationManagers.of("hasRole('ADMIN')", this.handler))
		.rule("members", JsonRpcAuthorizationManagers.of("authenticated", this.handler))
		.rule("own-*", JsonRpcAuthorizationManagers.of("topic == 'own-' + authentication.name", this.handler));

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void topicExpressionsUseTheHandlersPermissionEvaluatorAndRolePrefix() {
		TopicSecurityExpressionHandler custom = new TopicSecurityExpressionHandler();
		custom.setPermissionEvaluator(new PermissionEvaluator() {

			@Override
			public boolean hasPermission(Authentication authentication, Object target, Object permission) {
				return "prices".equals(target) && "read".equals(permission);
			}

			@Override
			public boolean hasPermission(Authentication authentication, Serializable id, String type,
					Object permission) {
				return false;
			}

		});
		DefaultAuthorizationManagerFactory<TopicAccess> factory = new DefaultAuthorizationManagerFactory<>();
		factory.setRolePrefix("GROUP_");
		custom.setAuthorizationManagerFactory(factory);
		SecurityJsonRpcTopicAuthorizer authorizer = new SecurityJsonRpcTopicAuthorizer()
			.rule("prices", JsonRpcAuthorizationManagers.of("hasPermission(topic, 'read')", custom))
			.rule("news", JsonRpcAuthorizationManagers.of("hasPermission(topic, 'read')", custom))
			.rule("ops", JsonRpcAuthorizationManagers.of("hasRole('OPS')", custom));
		Authentication group = UsernamePasswordAuthenticationToken.authenticated("g", null,
				AuthorityUtils.createAuthorityList("GROUP_OPS"));
		TestSession session = new TestSession("1", group);
		assertThat(authorizer.isAuthorized("prices", session)).isTrue();
		assertThat(authorizer.isAuthorized("news", session)).isFalse();
		assertThat(authorizer.isAuthorized("ops", session)).isTrue();
		assertThat(authorizer.isAuthorized("ops", new TestSession("2", TestSecurity.user("o", "OPS")))).isFalse();
	}

	@Test
	void topicsWithoutRulesAreOpen() {
		assertThat(this.authorizer.isAuthorized("clock", new TestSession("1", null))).isTrue();
	}

	@Test
	void onlyTopicsNoRuleMatchesAreOpenToAll() {
		assertThat(this.authorizer.isOpenToAll("clock")).isTrue();
		assertThat(this.authorizer.isOpenToAll("admin-events")).isFalse();
		assertThat(this.authorizer.isOpenToAll("members")).isFalse();
		assertThat(this.authorizer.isOpenToAll("own-alice")).isFalse();
		assertThat(new SecurityJsonRpcTopicAuthorizer().isOpenToAll("members")).isTrue();
	}

	@Test
	void subclassOverridingIsAuthorizedIsNeverOpenToAllUnlessItSaysSo() {
		assertThat(new StillEntitled().isOpenToAll("clock")).isFalse();
		assertThat(new StillEntitled().rule("members", JsonRpcAuthorizationManagers.of("authenticated", this.handler))
			.isOpenToAll("clock")).isFalse();
		// a subclass leaving isAuthorized alone keeps the rules' answer
		assertThat(new SecurityJsonRpcTopicAuthorizer() {
		}.isOpenToAll("clock")).isTrue();
		// one overriding both decides itself
		assertThat(new StillEntitled() {

			@Override
			public boolean isOpenToAll(String topic) {
				return true;
			}

		}.isOpenToAll("clock")).isTrue();
	}

	@Test
	void subscriberRefusedBySubclassAfterSubscribingReceivesNothingFurther() {
		StillEntitled authorizer = new StillEntitled();
		authorizer.rule("admin-*", JsonRpcAuthorizationManagers.of("hasRole('ADMIN')", this.handler));
		JsonRpcSubscriptionRegistry registry = new JsonRpcSubscriptionRegistry(List.of(JsonRpcTopic.of("clock")), 5,
				authorizer);
		TestSession alice = new TestSession("1", TestSecurity.user("alice", "USER"));
		TestSession bob = new TestSession("2", TestSecurity.user("bob", "USER"));
		for (TestSession session : List.of(alice, bob)) {
			assertThat(registry.subscribe(session, "clock")).isTrue();
			registry.activate(session, "clock");
		}
		JsonRpcMessageCodec codec = JsonRpcMessageCodec.create(JsonMapper.builder().build());
		assertThat(registry.deliver("clock", codec.encodeNotification("clock", 1), false)).isEqualTo(2);
		authorizer.revoked.add("bob");
		assertThat(registry.deliver("clock", codec.encodeNotification("clock", 2), false)).isOne();
		assertThat(alice.received).containsExactly("clock=1", "clock=2");
		assertThat(bob.received).containsExactly("clock=1");
	}

	@Test
	void rulesAddedWhileAuthorizingAreSafelyShared() throws InterruptedException {
		SecurityJsonRpcTopicAuthorizer authorizer = new SecurityJsonRpcTopicAuthorizer();
		TestSession session = new TestSession("1", null);
		CountDownLatch started = new CountDownLatch(1);
		java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
		long start = System.nanoTime();
		Thread writer = new Thread(() -> {
			started.countDown();
			// adds until the reader has read while it ran (the overlap under test),
			// bounded by the test wait
			for (int i = 0; (i < 4000 || reads.get() < 100)
					&& System.nanoTime() - start < TestWaits.SHORT.toNanos(); i++) {
				authorizer.rule("other-" + i, JsonRpcAuthorizationManagers.of("denyAll", this.handler));
			}
		}, "rule-writer");
		writer.setDaemon(true);
		writer.start();
		started.await();
		try {
			// reading the rules while they grow must neither fail nor see a half-added
			// rule
			while (writer.isAlive()) {
				assertThat(authorizer.isAuthorized("clock", session)).isTrue();
				assertThat(authorizer.isOpenToAll("clock")).isTrue();
				reads.incrementAndGet();
			}
		}
		finally {
			writer.join(TestWaits.SHORT.toMillis());
		}
		assertThat(writer.isAlive()).isFalse();
		// the reads overlapped the writes
		assertThat(reads.get()).isGreaterThanOrEqualTo(100);
		assertThat(authorizer.isOpenToAll("other-3999")).isFalse();
		assertThat(authorizer.isAuthorized("clock", session)).isTrue();
	}

	@Test
	void roleRuleUsesTheHandshakePrincipal() {
		assertThat(
				this.authorizer.isAuthorized("admin-events", new TestSession("1", TestSecurity.user("admin", "ADMIN"))))
			.isTrue();
		assertThat(
				this.authorizer.isAuthorized("admin-events", new TestSession("1", TestSecurity.user("alice", "USER"))))
			.isFalse();
		assertThat(this.authorizer.isAuthorized("admin-events", new TestSession("1", null))).isFalse();
	}

	@Test
	void loginReplacesTheHandshakePrincipal() {
		TestSession session = new TestSession("1", TestSecurity.user("admin", "ADMIN"));
		session.login(TestSecurity.user("alice", "USER"));
		assertThat(this.authorizer.isAuthorized("admin-events", session)).isFalse();
		assertThat(this.authorizer.isAuthorized("members", session)).isTrue();
	}

	@Test
	void expressionsSeeTheTopic() {
		TestSession session = new TestSession("1", TestSecurity.user("alice", "USER"));
		assertThat(this.authorizer.isAuthorized("own-alice", session)).isTrue();
		assertThat(this.authorizer.isAuthorized("own-bob", session)).isFalse();
	}

	@Test
	void withoutSessionTheCurrentContextDecides() {
		assertThat(this.authorizer.isAuthorized("members", null)).isFalse();
		SecurityContextHolder.setContext(new SecurityContextImpl(TestSecurity.user("alice", "USER")));
		assertThat(this.authorizer.isAuthorized("members", null)).isTrue();
	}

	/**
	 * A subclass adding a per-delivery entitlement check on top of the rules.
	 */
	static class StillEntitled extends SecurityJsonRpcTopicAuthorizer {

		final Set<String> revoked = ConcurrentHashMap.newKeySet();

		@Override
		public boolean isAuthorized(String topic, @Nullable JsonRpcSession session) {
			return super.isAuthorized(topic, session) && session != null && session.principal() != null
					&& !this.revoked.contains(session.principal().getName());
		}

	}

}
