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

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import io.github.jsonrpc.server.JsonRpcExchange;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.SingleResultAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.util.Assert;
import org.springframework.util.PatternMatchUtils;

/**
 * {@link AuthorizationManager} for JSON-RPC calls that delegates by method name: the
 * first rule whose pattern matches the method decides, else the default. Patterns are
 * simple patterns where {@code *} matches any characters ({@code admin.*},
 * {@code *.delete}); they are tried in the order they were added. Methods added with
 * {@link Builder#permit(String...)} (e.g. {@code rpc.login}) are always allowed.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcMethodAuthorizationManager implements AuthorizationManager<JsonRpcExchange> {

	private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);

	private final List<Rule> rules;

	private final AuthorizationManager<JsonRpcExchange> defaultManager;

	private final Set<String> permitted;

	private JsonRpcMethodAuthorizationManager(List<Rule> rules, AuthorizationManager<JsonRpcExchange> defaultManager,
			Set<String> permitted) {
		this.rules = List.copyOf(rules);
		this.defaultManager = defaultManager;
		this.permitted = Set.copyOf(permitted);
	}

	/**
	 * Create a builder.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public @Nullable AuthorizationResult authorize(Supplier<? extends @Nullable Authentication> authentication,
			JsonRpcExchange exchange) {
		String method = exchange.method();
		if (this.permitted.contains(method)) {
			return GRANTED;
		}
		for (Rule rule : this.rules) {
			if (PatternMatchUtils.simpleMatch(rule.pattern(), method)) {
				return rule.manager().authorize(authentication, exchange);
			}
		}
		return this.defaultManager.authorize(authentication, exchange);
	}

	private record Rule(String pattern, AuthorizationManager<JsonRpcExchange> manager) {
	}

	/**
	 * Builder for {@link JsonRpcMethodAuthorizationManager}.
	 */
	public static final class Builder {

		private final List<Rule> rules = new ArrayList<>();

		private final Set<String> permitted = new LinkedHashSet<>();

		private AuthorizationManager<JsonRpcExchange> defaultManager = SingleResultAuthorizationManager.permitAll();

		private Builder() {
		}

		/**
		 * Add a rule.
		 * @param pattern the method name pattern, {@code *} matching any characters
		 * @param manager the manager deciding for matching methods
		 * @return this builder
		 */
		public Builder rule(String pattern, AuthorizationManager<JsonRpcExchange> manager) {
			Assert.hasText(pattern, "Pattern must not be empty");
			Assert.notNull(manager, "Manager is required");
			this.rules.add(new Rule(pattern, manager));
			return this;
		}

		/**
		 * Set the manager for methods no rule matches.
		 * @param manager the manager, permitting all by default
		 * @return this builder
		 */
		public Builder defaultManager(AuthorizationManager<JsonRpcExchange> manager) {
			Assert.notNull(manager, "Manager is required");
			this.defaultManager = manager;
			return this;
		}

		/**
		 * Allow methods whatever the rules, e.g. the login method.
		 * @param methods the exact method names
		 * @return this builder
		 */
		public Builder permit(String... methods) {
			this.permitted.addAll(List.of(methods));
			return this;
		}

		/**
		 * Build the manager.
		 * @return the manager
		 */
		public JsonRpcMethodAuthorizationManager build() {
			return new JsonRpcMethodAuthorizationManager(this.rules, this.defaultManager, this.permitted);
		}

	}

}
