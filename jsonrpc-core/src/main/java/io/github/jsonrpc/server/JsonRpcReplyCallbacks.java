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

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Actions to run once the reply to a message has been handed to the transport (queued for
 * sending), e.g. activating a subscription so that its first notification follows the
 * subscribe response. A transport that supports it puts one instance per inbound message
 * in the {@link JsonRpcTransportContext#attributes() transport-context attributes} under
 * {@link #ATTRIBUTE} and calls {@link #run()} after queueing the reply.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcReplyCallbacks {

	/** Name of the transport-context attribute holding the callbacks. */
	public static final String ATTRIBUTE = JsonRpcReplyCallbacks.class.getName();

	private static final Log logger = LogFactory.getLog(JsonRpcReplyCallbacks.class);

	private final List<Runnable> actions = new ArrayList<>();

	private final Runnable deferHook;

	private boolean done;

	private boolean deferring;

	/**
	 * Create callbacks for a transport that cannot defer notifications.
	 */
	public JsonRpcReplyCallbacks() {
		this(() -> {
		});
	}

	/**
	 * Create callbacks.
	 * @param deferHook run (once) when a call asks the transport to hold back the
	 * notifications of the connection until the reply is queued
	 */
	public JsonRpcReplyCallbacks(Runnable deferHook) {
		this.deferHook = deferHook;
	}

	/**
	 * Return the callbacks of the message an exchange belongs to.
	 * @param exchange the call
	 * @return the callbacks, or {@code null} if the transport does not support them
	 */
	public static @Nullable JsonRpcReplyCallbacks of(JsonRpcExchange exchange) {
		return (JsonRpcReplyCallbacks) exchange.context().attributes().get(ATTRIBUTE);
	}

	/**
	 * Add an action to run after the reply is queued; runs at once if it already was.
	 * @param action the action
	 */
	public void add(Runnable action) {
		synchronized (this.actions) {
			if (!this.done) {
				this.actions.add(action);
				return;
			}
		}
		runSafely(action);
	}

	/**
	 * Ask the transport to hold back notifications to this connection until the reply is
	 * queued, e.g. so that a retained value or a publication racing with a subscribe call
	 * follows its response.
	 */
	public void deferNotifications() {
		synchronized (this.actions) {
			if (this.done || this.deferring) {
				return;
			}
			this.deferring = true;
		}
		this.deferHook.run();
	}

	/**
	 * Return whether a call asked to defer notifications.
	 * @return {@code true} once {@link #deferNotifications()} ran before the reply
	 */
	public boolean isDeferring() {
		synchronized (this.actions) {
			return this.deferring;
		}
	}

	/**
	 * Run the actions; called by the transport once the reply is queued.
	 */
	public void run() {
		List<Runnable> toRun;
		synchronized (this.actions) {
			this.done = true;
			toRun = new ArrayList<>(this.actions);
			this.actions.clear();
		}
		toRun.forEach(JsonRpcReplyCallbacks::runSafely);
	}

	private static void runSafely(Runnable action) {
		try {
			action.run();
		}
		catch (RuntimeException ex) {
			logger.warn("Reply callback failed", ex);
		}
	}

}
