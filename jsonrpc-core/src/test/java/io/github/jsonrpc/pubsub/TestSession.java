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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.jsonrpc.server.JsonRpcSession;
import org.jspecify.annotations.Nullable;

/**
 * A session recording what it is sent.
 */
final class TestSession implements JsonRpcSession {

	final List<String> received = new CopyOnWriteArrayList<>();

	private final String id;

	private final @Nullable Principal principal;

	private final Map<String, Object> attributes = new ConcurrentHashMap<>();

	volatile boolean open = true;

	// runs once, right after the next open check has read the state: simulates a close
	// racing with the caller
	volatile @Nullable Runnable afterNextOpenCheck;

	TestSession(String id) {
		this(id, null);
	}

	TestSession(String id, @Nullable String user) {
		this.id = id;
		this.principal = (user != null) ? () -> user : null;
	}

	@Override
	public String id() {
		return this.id;
	}

	@Override
	public @Nullable Principal principal() {
		return this.principal;
	}

	@Override
	public Map<String, Object> attributes() {
		return this.attributes;
	}

	@Override
	public boolean isOpen() {
		boolean result = this.open;
		Runnable hook = this.afterNextOpenCheck;
		if (hook != null) {
			this.afterNextOpenCheck = null;
			hook.run();
		}
		return result;
	}

	@Override
	public boolean notify(String method, @Nullable Object params) {
		this.received.add(method + "=" + params);
		return this.open;
	}

}
