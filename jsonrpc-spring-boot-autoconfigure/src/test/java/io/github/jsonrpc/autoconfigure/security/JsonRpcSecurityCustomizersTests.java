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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.mockito.ArgumentCaptor;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.CsrfConfigurer;
import org.springframework.security.web.util.matcher.RequestMatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link JsonRpcSecurityCustomizers}.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcSecurityCustomizersTests {

	private final RequestMatcher matcher = JsonRpcSecurityCustomizers.jsonRpcRequests("/jsonrpc");

	@ParameterizedTest(name = "{0} {1} [{2}] exempt: {3}")
	@CsvSource(nullValues = "none", textBlock = """
			POST, /jsonrpc, application/json,                      true
			POST, /jsonrpc, application/json;charset=UTF-8,        true
			POST, /jsonrpc, application/json;charset=ISO-8859-1,   false
			POST, /jsonrpc, text/plain,                            false
			POST, /jsonrpc, text/plain; charset=application/json,  false
			POST, /jsonrpc, application/x-www-form-urlencoded,     false
			POST, /jsonrpc, multipart/form-data,                   false
			POST, /jsonrpc, application/jsonx,                     false
			POST, /jsonrpc, none,                                  false
			GET,  /jsonrpc, application/json,                      false
			POST, /other,   application/json,                      false
			""")
	void exemptsOnlyJsonPostsToTheEndpoint(String method, String path, String contentType, boolean exempt) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		if (contentType != null) {
			request.setContentType(contentType);
		}
		assertThat(this.matcher.matches(request)).isEqualTo(exempt);
	}

	@Test
	void ignoreCsrfExemptsTheEndpointOnly() throws Exception {
		CsrfConfigurer<HttpSecurity> csrf = mock();
		JsonRpcSecurityCustomizers.ignoreCsrf("/jsonrpc").customize(csrf);
		ArgumentCaptor<RequestMatcher> matcher = ArgumentCaptor.captor();
		then(csrf).should().ignoringRequestMatchers(matcher.capture());
		assertThat(matcher.getValue().matches(new MockHttpServletRequest("PUT", "/jsonrpc"))).isTrue();
		assertThat(matcher.getValue().matches(new MockHttpServletRequest("POST", "/other"))).isFalse();
	}

	@Test
	void emptyPathOrMissingMatcherIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> JsonRpcSecurityCustomizers.ignoreCsrf(" "))
			.withMessage("Path must not be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> JsonRpcSecurityCustomizers.jsonRpcRequests(""))
			.withMessage("Path must not be empty");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> JsonRpcSecurityCustomizers.ignoreCsrf((RequestMatcher) null))
			.withMessage("Matcher is required");
	}

}
