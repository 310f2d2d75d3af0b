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

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Demo users of the sample, under {@code sample.security}. Demo only: real applications
 * keep users in a store and passwords hashed.
 *
 * @param users the users by name
 * @author JSON-RPC for Spring Boot team
 */
@ConfigurationProperties("sample.security")
public record SampleUsersProperties(Map<String, DemoUser> users) {

	public SampleUsersProperties {
		users = (users != null) ? Map.copyOf(users) : Map.of();
	}

	/**
	 * Return the users for a user details service, Servlet or reactive.
	 * @return one {@link UserDetails} per demo user
	 */
	public List<UserDetails> userDetails() {
		return this.users.entrySet()
			.stream()
			.map((user) -> User.withUsername(user.getKey())
				.password(user.getValue().password())
				.roles(user.getValue().roles().toArray(String[]::new))
				.build())
			.toList();
	}

	/**
	 * One demo user.
	 *
	 * @param password the password, with its encoding prefix (e.g. {@code {noop}})
	 * @param roles the roles, without the {@code ROLE_} prefix
	 */
	public record DemoUser(String password, List<String> roles) {

		public DemoUser {
			roles = (roles != null) ? List.copyOf(roles) : List.of();
		}

	}

}
