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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.jsonrpc.protocol.JsonRpcCodecLimits;
import io.github.jsonrpc.protocol.JsonRpcEncodedMessage;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;

/**
 * A {@link JsonRpcSession} for tests that records what it is sent, as
 * {@code method=params} strings.
 */
public class RecordingJsonRpcSession implements JsonRpcSession {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static final JsonRpcMessageCodec codec = JsonRpcMessageCodec.create(mapper, JsonRpcCodecLimits.DEFAULTS);

	/** What the session was sent, as {@code method=params}. */
	public final List<String> received = new CopyOnWriteArrayList<>();

	/** Whether the session is open. */
	public volatile boolean open = true;

	/**
	 * Runs once, right after the next open check has read the state: simulates a close
	 * racing with the caller.
	 */
	public volatile @Nullable Runnable afterNextOpenCheck;

	private final String id;

	private volatile @Nullable Principal principal;

	private final Map<String, Object> attributes = new ConcurrentHashMap<>();

	private final List<Runnable> closeCallbacks = new ArrayList<>();

	public RecordingJsonRpcSession(String id, @Nullable Principal principal) {
		this.id = id;
		this.principal = principal;
	}

	@Override
	public String id() {
		return this.id;
	}

	@Override
	public JsonRpcTransportContext.Transport transport() {
		return JsonRpcTransportContext.Transport.WEBSOCKET;
	}

	@Override
	public @Nullable Principal principal() {
		return this.principal;
	}

	@Override
	public void login(Principal principal) {
		this.principal = principal;
	}

	@Override
	public void logout() {
		this.principal = null;
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
		return send(codec.encodeNotification(method, params));
	}

	@Override
	public boolean send(JsonRpcEncodedMessage message) {
		JsonNode node = mapper.readTree(message.text());
		this.received.add(node.path("method").asString() + "=" + node.get("params"));
		return this.open;
	}

	@Override
	public void afterReply(JsonRpcExchange exchange, Runnable action) {
		action.run();
	}

	@Override
	public JsonRpcStreamSink streamSink() {
		return new JsonRpcStreamSink() {

			@Override
			public void open(JsonRpcExchange exchange, Runnable cancel) {
			}

			@Override
			public boolean item(JsonRpcExchange exchange, @Nullable Object item, Runnable requestNext) {
				boolean sent = send(codec.encodeStreamItem(exchange.id(), item));
				requestNext.run();
				return sent;
			}

			@Override
			public void close(JsonRpcExchange exchange) {
			}

		};
	}

	@Override
	public boolean cancel(JsonRpcId id) {
		return false;
	}

	@Override
	public void onClose(Runnable callback) {
		synchronized (this.closeCallbacks) {
			if (this.open) {
				this.closeCallbacks.add(callback);
				return;
			}
		}
		// as the contract says: at once when already closed
		callback.run();
	}

	@Override
	public void close() {
		this.open = false;
		List<Runnable> callbacks;
		synchronized (this.closeCallbacks) {
			callbacks = new ArrayList<>(this.closeCallbacks);
			this.closeCallbacks.clear();
		}
		callbacks.forEach(Runnable::run);
	}

}
