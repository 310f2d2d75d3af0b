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

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * HTTP Basic credentials of the samples' demo users ({@code sample.security.users}),
 * whose password is the user name followed by {@code -secret}.
 *
 * @author JSON-RPC for Spring Boot team
 */
public final class SampleCredentials {

	private SampleCredentials() {
	}

	/**
	 * Return the {@code Authorization} header of a demo user.
	 * @param user the user, e.g. {@code alice}
	 * @return the header value
	 */
	public static String basic(String user) {
		return basic(user, user + "-secret");
	}

	/**
	 * Return the {@code Authorization} header of any user name and password.
	 * @param user the user name
	 * @param password the password, e.g. a wrong one
	 * @return the header value
	 */
	public static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
