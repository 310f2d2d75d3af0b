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
package io.github.jsonrpc.server;

import java.security.Principal;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A persistent connection to one client, over which the server can push notifications.
 * Can be declared as a method parameter; it is {@code null} for calls over HTTP.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public interface JsonRpcSession {

	/**
	 * Return the server-assigned id of this session.
	 * @return the id, unique among open sessions
	 */
	String id();

	/**
	 * Return the principal of this session.
	 * @return the principal, or {@code null} when anonymous
	 */
	@Nullable Principal principal();

	/**
	 * Return the attributes of this session (e.g. from the handshake).
	 * @return the mutable, thread-safe attributes
	 */
	Map<String, Object> attributes();

	/**
	 * Return whether the connection is still open.
	 * @return {@code true} while open
	 */
	boolean isOpen();

	/**
	 * Send a notification to the client.
	 * @param method the method name of the notification
	 * @param params the params, serialized with the application's mapper; {@code null} to
	 * omit them
	 * @return {@code true} if the notification was queued, {@code false} if the session
	 * is closed or its outbound queue is full
	 */
	boolean notify(String method, @Nullable Object params);

}
