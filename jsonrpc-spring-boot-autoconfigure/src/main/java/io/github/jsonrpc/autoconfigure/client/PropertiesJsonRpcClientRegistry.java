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

package io.github.jsonrpc.autoconfigure.client;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.github.jsonrpc.client.JsonRpcClient;
import io.github.jsonrpc.client.config.JsonRpcClientRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * {@link JsonRpcClientRegistry} that builds each named client once, on first use, from
 * {@link JsonRpcClientProperties}, and closes them with the context.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class PropertiesJsonRpcClientRegistry implements JsonRpcClientRegistry, DisposableBean {

	private final JsonRpcClientProperties properties;

	private final Supplier<JsonRpcClient.Builder> builders;

	private final Map<String, JsonRpcClient> clients = new ConcurrentHashMap<>();

	PropertiesJsonRpcClientRegistry(JsonRpcClientProperties properties, Supplier<JsonRpcClient.Builder> builders) {
		// refused at startup, not when a client is first used
		properties.forEach(PropertiesJsonRpcClientRegistry::validate);
		this.properties = properties;
		this.builders = builders;
	}

	@Override
	public JsonRpcClient client(String name) {
		return this.clients.computeIfAbsent(name, this::create);
	}

	private JsonRpcClient create(String name) {
		JsonRpcClientProperties.Client settings = this.properties.get(name);
		Assert.state(settings != null && StringUtils.hasText(settings.getUrl()),
				() -> "No JSON-RPC client named '" + name + "': set jsonrpc.client." + name + ".url");
		JsonRpcClient.Builder builder = this.builders.get().url(url(settings)).timeout(settings.getTimeout());
		if (settings.getConnectTimeout() != null) {
			builder.connectTimeout(settings.getConnectTimeout());
		}
		settings.getHeaders().forEach(builder::header);
		if (StringUtils.hasText(settings.getUsername())) {
			builder.basicAuth(settings.getUsername(), (settings.getPassword() != null) ? settings.getPassword() : "");
		}
		if (StringUtils.hasText(settings.getBearerToken())) {
			builder.bearerToken(settings.getBearerToken());
		}
		builder.reconnectBackoff(settings.getReconnectInitialDelay(), settings.getReconnectMaxDelay());
		return builder.build();
	}

	/**
	 * Refuse settings of a named client that only make sense together with others.
	 * @param name the client's name
	 * @param settings its settings
	 */
	static void validate(String name, JsonRpcClientProperties.Client settings) {
		String prefix = "jsonrpc.client." + name + ".";
		Assert.state(settings.getReconnectMaxDelay().compareTo(settings.getReconnectInitialDelay()) >= 0,
				() -> prefix + "reconnect-max-delay (" + settings.getReconnectMaxDelay() + ") must not be shorter than "
						+ prefix + "reconnect-initial-delay (" + settings.getReconnectInitialDelay() + ")");
		// the transport chooses between the HTTP and WebSocket endpoints of one server
		// (the same path); a TCP server is neither
		Assert.state(settings.getTransport() == null || !isTcp(settings.getUrl()),
				() -> prefix + "transport cannot be set for a tcp:// or tcps:// url (" + settings.getUrl()
						+ "): it chooses between HTTP and WebSocket; remove it, or set the url of the HTTP or "
						+ "WebSocket endpoint");
	}

	private static boolean isTcp(@Nullable String url) {
		if (url == null) {
			return false;
		}
		String scheme;
		try {
			scheme = URI.create(url).getScheme();
		}
		catch (IllegalArgumentException ex) {
			// an invalid URL fails when its client is built, naming the URL
			return false;
		}
		return scheme != null && scheme.toLowerCase(Locale.ROOT).startsWith("tcp");
	}

	static URI url(JsonRpcClientProperties.Client settings) {
		URI url = URI.create(settings.getUrl());
		if (settings.getTransport() == null || url.getScheme() == null) {
			return url;
		}
		boolean secure = url.getScheme().toLowerCase(Locale.ROOT).endsWith("s");
		String scheme = switch (settings.getTransport()) {
			case HTTP -> secure ? "https" : "http";
			case WEBSOCKET -> secure ? "wss" : "ws";
		};
		return URI.create(scheme + url.toString().substring(url.getScheme().length()));
	}

	@Override
	public void destroy() {
		this.clients.values().forEach(JsonRpcClient::close);
		this.clients.clear();
	}

}
