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
package io.github.jsonrpc.pubsub;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.github.jsonrpc.server.JsonRpcSession;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The open sessions of persistent connections, by id. Transports register a session when
 * its connection opens and unregister it when it closes; listeners (such as the
 * {@link JsonRpcSubscriptionRegistry}) are told about every removal.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcSessionRegistry {

	private static final Log logger = LogFactory.getLog(JsonRpcSessionRegistry.class);

	private final Map<String, JsonRpcSession> sessions = new ConcurrentHashMap<>();

	private final List<Consumer<JsonRpcSession>> removalListeners = new CopyOnWriteArrayList<>();

	/**
	 * Register an open session.
	 * @param session the session
	 */
	public void register(JsonRpcSession session) {
		Assert.notNull(session, "Session is required");
		this.sessions.put(session.id(), session);
	}

	/**
	 * Unregister a session and tell the removal listeners; does nothing if it is not
	 * registered.
	 * @param session the session
	 */
	public void unregister(JsonRpcSession session) {
		if (this.sessions.remove(session.id(), session)) {
			for (Consumer<JsonRpcSession> listener : this.removalListeners) {
				try {
					listener.accept(session);
				}
				catch (RuntimeException ex) {
					logger.warn("Session removal listener failed for session " + session.id(), ex);
				}
			}
		}
	}

	/**
	 * Add a listener told about every session removal.
	 * @param listener the listener
	 */
	public void addRemovalListener(Consumer<JsonRpcSession> listener) {
		this.removalListeners.add(listener);
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
