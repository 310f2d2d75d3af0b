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
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The open sessions of persistent connections, of every transport, by id. A transport
 * {@link #register registers} a session when its connection opens; the session leaves the
 * registry by itself when it closes (through {@link JsonRpcSession#onClose}).
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcSessionRegistry {

	private final Map<String, JsonRpcSession> sessions = new ConcurrentHashMap<>();

	/**
	 * Register an open session, until it closes.
	 * @param session the session
	 */
	public void register(JsonRpcSession session) {
		Assert.notNull(session, "Session is required");
		this.sessions.put(session.id(), session);
		session.onClose(() -> this.sessions.remove(session.id(), session));
	}

	/**
	 * Return an open session.
	 * @param id the session id
	 * @return the session, or {@code null} if none is open with that id
	 */
	public @Nullable JsonRpcSession session(String id) {
		return this.sessions.get(id);
	}

	/**
	 * Return the open sessions.
	 * @return a snapshot of the sessions
	 */
	public Collection<JsonRpcSession> sessions() {
		return List.copyOf(this.sessions.values());
	}

	/**
	 * Return the open sessions of a user.
	 * @param userName the principal name
	 * @return the sessions whose principal has that name, possibly empty
	 */
	public List<JsonRpcSession> sessionsOf(String userName) {
		List<JsonRpcSession> result = new ArrayList<>();
		for (JsonRpcSession session : this.sessions.values()) {
			Principal principal = session.principal();
			if (principal != null && userName.equals(principal.getName())) {
				result.add(session);
			}
		}
		return result;
	}

	/**
	 * Return the number of open sessions.
	 * @return the count
	 */
	public int size() {
		return this.sessions.size();
	}

}
