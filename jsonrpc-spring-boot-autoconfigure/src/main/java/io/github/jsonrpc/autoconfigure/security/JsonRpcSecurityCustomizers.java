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

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.CsrfConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.Assert;

/**
 * Helpers for an application's {@code SecurityFilterChain} that serves JSON-RPC.
 *
 * <p>
 * <strong>Why exempting JSON-RPC calls from CSRF tokens is safe.</strong> A cross-site
 * page can only make a browser send a request with session cookies and without a CORS
 * preflight if it is a {@code GET}/{@code HEAD}/{@code POST} whose content type is
 * {@code application/x-www-form-urlencoded}, {@code multipart/form-data} or
 * {@code text/plain}. The JSON-RPC endpoint runs a method only for a {@code POST} with a
 * content type of exactly {@code application/json} (compared as a parsed media type): any
 * other method gets {@code 405} and any other content type {@code 415}, before anything
 * is parsed. A real {@code application/json} request from another origin needs a
 * preflight, which fails as long as the application does not allow that origin with CORS.
 * So a forged cross-site request never reaches a method, and JSON-RPC clients need not
 * handle CSRF tokens. Do not combine this with a CORS configuration that allows
 * credentials from untrusted origins.
 *
 * <p>
 * {@link #ignoreCsrf(String)} exempts the endpoint path, so clients keep getting the
 * endpoint's own {@code 405}/{@code 415} answers; {@link #jsonRpcRequests(String)} is a
 * stricter matcher, only JSON POSTs, for use with {@link #ignoreCsrf(RequestMatcher)}
 * when other handlers share the path.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcSecurityCustomizers {

	private JsonRpcSecurityCustomizers() {
	}

	/**
	 * Return a CSRF customizer that exempts the JSON-RPC endpoint, e.g.
	 * {@code http.csrf(JsonRpcSecurityCustomizers.ignoreCsrf("/jsonrpc"))}.
	 * @param path the JSON-RPC endpoint path ({@code jsonrpc.http.path})
	 * @return the customizer
	 */
	public static Customizer<CsrfConfigurer<HttpSecurity>> ignoreCsrf(String path) {
		Assert.hasText(path, "Path must not be empty");
		return ignoreCsrf(PathPatternRequestMatcher.withDefaults().matcher(path));
	}

	/**
	 * Return a CSRF customizer that exempts the requests of a matcher, e.g.
	 * {@link #jsonRpcRequests(String)}.
	 * @param matcher the requests to exempt
	 * @return the customizer
	 */
	public static Customizer<CsrfConfigurer<HttpSecurity>> ignoreCsrf(RequestMatcher matcher) {
		Assert.notNull(matcher, "Matcher is required");
		return (csrf) -> csrf.ignoringRequestMatchers(matcher);
	}

	/**
	 * Return a matcher for JSON-RPC calls to an endpoint: {@code POST} to the path with a
	 * content type of exactly {@code application/json} (a UTF-8 charset allowed), the
	 * requests the JSON-RPC endpoint accepts.
	 * @param path the JSON-RPC endpoint path ({@code jsonrpc.http.path})
	 * @return the matcher
	 */
	public static RequestMatcher jsonRpcRequests(String path) {
		Assert.hasText(path, "Path must not be empty");
		RequestMatcher post = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, path);
		RequestMatcher json = (request) -> isJson(request.getContentType());
		return new AndRequestMatcher(post, json);
	}

	private static boolean isJson(String contentType) {
		if (contentType == null) {
			return false;
		}
		try {
			MediaType mediaType = MediaType.parseMediaType(contentType);
			Charset charset = mediaType.getCharset();
			return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(mediaType)
					&& (charset == null || StandardCharsets.UTF_8.equals(charset));
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
