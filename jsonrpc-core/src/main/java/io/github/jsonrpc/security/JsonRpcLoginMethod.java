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

import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.function.Supplier;

import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import io.github.jsonrpc.server.JsonRpcException;
import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.JsonRpcSession;
import io.github.jsonrpc.server.method.InvocableJsonRpcMethodFactory;
import io.github.jsonrpc.server.method.JsonRpcHandlerMethod;
import io.github.jsonrpc.server.method.JsonRpcMethodRegistry;
import io.github.jsonrpc.server.method.annotation.JsonRpcParam;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.util.Assert;
import org.springframework.util.ReflectionUtils;

/**
 * The {@code rpc.login} method, which authenticates a persistent connection (WebSocket,
 * ...) after it was opened: params {@code username} and {@code password}, checked by the
 * application's {@link AuthenticationManager}. On success the session
 * {@link JsonRpcSession#login logs in}, so later calls on that connection run as that
 * user (see {@link SecurityContextJsonRpcInterceptor}); the result is the principal's
 * name. Bad credentials fail with {@code -32001}, without saying which part was wrong.
 * {@code rpc.logout} makes later calls anonymous again, whatever principal the transport
 * established.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcLoginMethod {

	/** Name of the method. */
	public static final String METHOD_NAME = "rpc.login";

	/** Name of the method that makes later calls on the connection anonymous again. */
	public static final String LOGOUT_METHOD_NAME = "rpc.logout";

	private final Supplier<AuthenticationManager> authenticationManager;

	private final JsonRpcLoginThrottle throttle;

	/**
	 * Create a new instance.
	 * @param authenticationManager the application's authentication manager, looked up at
	 * the first login
	 */
	public JsonRpcLoginMethod(Supplier<AuthenticationManager> authenticationManager) {
		this(authenticationManager, JsonRpcLoginThrottle.defaults());
	}

	/**
	 * Create a new instance.
	 * @param authenticationManager the application's authentication manager, looked up at
	 * the first login
	 * @param throttle the throttle of failed attempts
	 */
	public JsonRpcLoginMethod(Supplier<AuthenticationManager> authenticationManager, JsonRpcLoginThrottle throttle) {
		Assert.notNull(authenticationManager, "AuthenticationManager is required");
		Assert.notNull(throttle, "Throttle is required");
		this.authenticationManager = authenticationManager;
		this.throttle = throttle;
	}

	/**
	 * Register {@code rpc.login} as a built-in method.
	 * @param registry the registry
	 * @param methodFactory the factory of invocable methods
	 */
	public void register(JsonRpcMethodRegistry registry, InvocableJsonRpcMethodFactory methodFactory) {
		Method method = ReflectionUtils.findMethod(JsonRpcLoginMethod.class, "login", String.class, String.class,
				JsonRpcExchange.class);
		Assert.state(method != null, "login method not found");
		registry.registerBuiltIn(methodFactory.create(new JsonRpcHandlerMethod(METHOD_NAME, this, method,
				"Authenticates this connection; later calls on it run as that user")));
		Method logout = ReflectionUtils.findMethod(JsonRpcLoginMethod.class, "logout", JsonRpcExchange.class);
		Assert.state(logout != null, "logout method not found");
		registry.registerBuiltIn(methodFactory.create(new JsonRpcHandlerMethod(LOGOUT_METHOD_NAME, this, logout,
				"Makes later calls on this connection anonymous")));
	}

	/**
	 * Authenticate the connection of a call.
	 * @param username the user name
	 * @param password the password
	 * @param exchange the {@code rpc.login} call
	 * @return the principal's name
	 */
	public String login(@JsonRpcParam("username") @Nullable String username,
			@JsonRpcParam("password") @Nullable String password, JsonRpcExchange exchange) {
		JsonRpcSession session = requireSession(exchange);
		InetSocketAddress remote = exchange.context().remoteAddress();
		InetAddress address = (remote != null) ? remote.getAddress() : null;
		// counted, or refused, before the (deliberately slow) password check: guessing
		// stays slow, also with many attempts at once
		if (!this.throttle.tryAcquire(session, address)) {
			throw new JsonRpcException(JsonRpcErrorCodes.LIMIT_EXCEEDED, "Too many failed logins, try again later");
		}
		// a failed attempt stays counted
		if (username == null || password == null) {
			throw new BadCredentialsException("Missing credentials");
		}
		Authentication authentication = this.authenticationManager.get()
			.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
		if (authentication == null || !authentication.isAuthenticated()) {
			throw new BadCredentialsException("Not authenticated");
		}
		this.throttle.succeeded(session, address);
		// later calls on this connection run as this user
		session.login(authentication);
		return authentication.getName();
	}

	/**
	 * Make later calls on the caller's connection anonymous.
	 * @param exchange the call
	 * @return {@code true}
	 */
	public boolean logout(JsonRpcExchange exchange) {
		requireSession(exchange).logout();
		return true;
	}

	private static JsonRpcSession requireSession(JsonRpcExchange exchange) {
		JsonRpcSession session = exchange.session();
		if (session == null) {
			throw new JsonRpcException(JsonRpcErrorCodes.INVALID_REQUEST,
					"Login requires a persistent connection; over HTTP, authenticate every request");
		}
		return session;
	}

}
