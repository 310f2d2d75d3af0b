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

package io.github.jsonrpc.autoconfigure.security;

import io.github.jsonrpc.autoconfigure.PositiveDurations;
import io.github.jsonrpc.security.MethodAccessJsonRpcInterceptor.DeniedMethods;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Configuration properties of the Spring Security integration, under
 * {@code jsonrpc.security}.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
@ConfigurationProperties("jsonrpc.security")
public class JsonRpcSecurityProperties {

	/**
	 * Access to methods no rule matches: 'permit-all', 'authenticated',
	 * 'fully-authenticated', 'anonymous', 'deny-all' or a Spring Security expression.
	 * Method security annotations apply on top.
	 */
	private String defaultAccess = "permit-all";

	/**
	 * Access rules by method name pattern ('*' matches any characters, e.g. 'admin.*'),
	 * tried in declaration order; values as for default-access, e.g. "hasRole('ADMIN')".
	 */
	private Map<String, String> rules = new LinkedHashMap<>();

	/**
	 * Access rules by topic name pattern ('*' matches any characters), tried in
	 * declaration order, checked at subscribe, when listing topics and at every delivery;
	 * values as for default-access. Topics no rule matches are open.
	 */
	private Map<String, String> topics = new LinkedHashMap<>();

	/**
	 * How a call the caller may not make is answered, for registered and unknown methods
	 * alike: 'unauthorized' (-32001 when anonymous, -32003 when authenticated) or
	 * 'not-found' (-32601, as if the method did not exist). Access is decided before
	 * params are bound.
	 */
	private DeniedMethods deniedMethods = DeniedMethods.UNAUTHORIZED;

	private final Login login = new Login();

	public String getDefaultAccess() {
		return this.defaultAccess;
	}

	public void setDefaultAccess(String defaultAccess) {
		Assert.isTrue(StringUtils.hasText(defaultAccess), "jsonrpc.security.default-access must not be empty");
		this.defaultAccess = defaultAccess;
	}

	public Map<String, String> getRules() {
		return this.rules;
	}

	public void setRules(Map<String, String> rules) {
		this.rules = rules;
	}

	public Map<String, String> getTopics() {
		return this.topics;
	}

	public void setTopics(Map<String, String> topics) {
		this.topics = topics;
	}

	public DeniedMethods getDeniedMethods() {
		return this.deniedMethods;
	}

	public void setDeniedMethods(DeniedMethods deniedMethods) {
		this.deniedMethods = deniedMethods;
	}

	public Login getLogin() {
		return this.login;
	}

	/**
	 * Properties of the rpc.login method, which authenticates a WebSocket connection
	 * after it was opened.
	 */
	public static class Login {

		/**
		 * Whether to serve rpc.login (params username and password), backed by the
		 * application's AuthenticationManager.
		 */
		private boolean enabled;

		/**
		 * Failed attempts allowed per connection within the failure window; further
		 * attempts get -32005 without checking the password until the window is over.
		 */
		private int maxFailuresPerConnection = 5;

		/**
		 * Failed attempts allowed from one remote address (all its connections together)
		 * within the failure window.
		 */
		private int maxFailuresPerAddress = 20;

		/**
		 * How long failed attempts count, from the first of them.
		 */
		private Duration failureWindow = Duration.ofMinutes(1);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getMaxFailuresPerConnection() {
			return this.maxFailuresPerConnection;
		}

		public void setMaxFailuresPerConnection(int maxFailuresPerConnection) {
			Assert.isTrue(maxFailuresPerConnection > 0,
					"jsonrpc.security.login.max-failures-per-connection must be positive");
			this.maxFailuresPerConnection = maxFailuresPerConnection;
		}

		public int getMaxFailuresPerAddress() {
			return this.maxFailuresPerAddress;
		}

		public void setMaxFailuresPerAddress(int maxFailuresPerAddress) {
			Assert.isTrue(maxFailuresPerAddress > 0,
					"jsonrpc.security.login.max-failures-per-address must be positive");
			this.maxFailuresPerAddress = maxFailuresPerAddress;
		}

		public Duration getFailureWindow() {
			return this.failureWindow;
		}

		public void setFailureWindow(Duration failureWindow) {
			PositiveDurations.require(failureWindow, "jsonrpc.security.login.failure-window must be positive");
			this.failureWindow = failureWindow;
		}

	}

}
