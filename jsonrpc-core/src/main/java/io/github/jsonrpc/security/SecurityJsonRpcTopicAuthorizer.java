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

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.jsonrpc.pubsub.JsonRpcTopicAuthorizer;
import io.github.jsonrpc.server.JsonRpcSession;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.expression.AbstractSecurityExpressionHandler;
import org.springframework.security.access.expression.SecurityExpressionOperations;
import org.springframework.security.access.expression.SecurityExpressionRoot;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.Assert;
import org.springframework.util.PatternMatchUtils;

/**
 * {@link JsonRpcTopicAuthorizer} driven by Spring Security: the first rule whose topic
 * pattern matches decides with its {@link AuthorizationManager}; topics no rule matches
 * are open. The session's authentication is the one of {@code rpc.login}, else the
 * handshake's principal, else anonymous; without a session (e.g. {@code get_topics} over
 * HTTP) it is the current security context's. Rules are evaluated at subscribe, when
 * listing topics and at each delivery, so a subscriber whose rights no longer hold stops
 * receiving. Rules may be added while the authorizer is in use.
 * <p>
 * A subclass may override {@link #isAuthorized} to add its own checks (for example
 * {@code super.isAuthorized(topic, session) && stillEntitled(session, topic)}): it is
 * then asked for each subscriber at each delivery, as {@link #isOpenToAll} answers
 * {@code false} unless the subclass overrides that too.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public class SecurityJsonRpcTopicAuthorizer implements JsonRpcTopicAuthorizer {

	private final List<Rule> rules = new CopyOnWriteArrayList<>();

	private final boolean rulesDecide = isAuthorizedDeclaredHere(getClass());

	/**
	 * Add a rule.
	 * @param pattern the topic name pattern, {@code *} matching any characters
	 * @param manager the manager deciding for matching topics
	 * @return this authorizer
	 */
	public SecurityJsonRpcTopicAuthorizer rule(String pattern, AuthorizationManager<TopicAccess> manager) {
		Assert.hasText(pattern, "Pattern must not be empty");
		Assert.notNull(manager, "Manager is required");
		this.rules.add(new Rule(pattern, manager));
		return this;
	}

	/**
	 * Return whether the session may see the topic: the first matching rule decides, a
	 * topic no rule matches is allowed. A subclass overriding this method is asked for
	 * each subscriber at each delivery unless it also overrides {@link #isOpenToAll}.
	 * @param topic the topic name
	 * @param session the session, {@code null} without a connection
	 * @return {@code true} to allow
	 */
	@Override
	public boolean isAuthorized(String topic, @Nullable JsonRpcSession session) {
		Rule rule = matchingRule(topic);
		if (rule == null) {
			return true;
		}
		TopicAccess access = new TopicAccess(topic, session);
		return JsonRpcAuthorizationManagers.isGranted(rule.manager().authorize(() -> authentication(session), access));
	}

	/**
	 * Return whether no rule matches the topic, so every session may see it. Answers
	 * {@code false} for every topic when a subclass overrides {@link #isAuthorized},
	 * whose answer the rules cannot vouch for: such a subclass is asked for each
	 * subscriber at each delivery unless it overrides this method too.
	 * @param topic the topic name
	 * @return {@code true} for a topic no rule matches, when {@link #isAuthorized} is
	 * this class's own
	 */
	@Override
	public boolean isOpenToAll(String topic) {
		return this.rulesDecide && matchingRule(topic) == null;
	}

	/**
	 * The rule that decides for the topic: the first whose pattern matches it.
	 */
	private @Nullable Rule matchingRule(String topic) {
		for (Rule rule : this.rules) {
			if (PatternMatchUtils.simpleMatch(rule.pattern(), topic)) {
				return rule;
			}
		}
		return null;
	}

	private static boolean isAuthorizedDeclaredHere(Class<?> type) {
		try {
			return type.getMethod("isAuthorized", String.class, JsonRpcSession.class)
				.getDeclaringClass() == SecurityJsonRpcTopicAuthorizer.class;
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Authentication authentication(@Nullable JsonRpcSession session) {
		Authentication authentication;
		if (session == null) {
			authentication = SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
		}
		else {
			authentication = JsonRpcSecurity.toAuthentication(session.principal());
		}
		return (authentication != null) ? authentication : JsonRpcSecurity.anonymous();
	}

	private record Rule(String pattern, AuthorizationManager<TopicAccess> manager) {
	}

	/**
	 * What a topic rule authorizes: a topic for a session.
	 *
	 * @param topic the topic name
	 * @param session the session, {@code null} without a connection
	 */
	public record TopicAccess(String topic, @Nullable JsonRpcSession session) {
	}

	/**
	 * Security expression handler for topic rules: the usual root plus {@code topic}.
	 */
	public static class TopicSecurityExpressionHandler extends AbstractSecurityExpressionHandler<TopicAccess> {

		@Override
		protected SecurityExpressionOperations createSecurityExpressionRoot(Authentication authentication,
				TopicAccess access) {
			TopicSecurityExpressionRoot root = new TopicSecurityExpressionRoot(authentication, access);
			root.setAuthorizationManagerFactory(getAuthorizationManagerFactory());
			root.setPermissionEvaluator(getPermissionEvaluator());
			return root;
		}

	}

	/**
	 * Root object of topic security expressions.
	 */
	public static class TopicSecurityExpressionRoot extends SecurityExpressionRoot<TopicAccess> {

		private final TopicAccess access;

		TopicSecurityExpressionRoot(Authentication authentication, TopicAccess access) {
			super(() -> authentication, access);
			this.access = access;
		}

		/**
		 * Return the topic name.
		 * @return the topic
		 */
		public String getTopic() {
			return this.access.topic();
		}

	}

}
