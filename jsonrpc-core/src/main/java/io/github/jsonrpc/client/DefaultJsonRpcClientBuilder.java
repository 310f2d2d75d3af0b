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

package io.github.jsonrpc.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;

import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.web.client.RestClient;

/**
 * Default implementation of {@link JsonRpcClient.Builder}.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class DefaultJsonRpcClientBuilder implements JsonRpcClient.Builder {

	private static final boolean restClientPresent = ClassUtils.isPresent("org.springframework.web.client.RestClient",
			DefaultJsonRpcClientBuilder.class.getClassLoader());

	private @Nullable URI url;

	private @Nullable JsonRpcTransport transport;

	private @Nullable Object restClientBuilder;

	private @Nullable JsonMapper jsonMapper;

	private JsonRpcIdGenerator idGenerator = JsonRpcIdGenerator.sequential();

	private final List<JsonRpcClientInterceptor> interceptors = new ArrayList<>();

	private final Map<String, String> headers = new LinkedHashMap<>();

	private @Nullable Duration connectTimeout;

	private Duration timeout = Duration.ofSeconds(30);

	private Duration reconnectInitial = MessageChannelJsonRpcTransport.Options.DEFAULTS.reconnectInitial();

	private Duration reconnectMax = MessageChannelJsonRpcTransport.Options.DEFAULTS.reconnectMax();

	private final Map<Integer, Function<? super JsonRpcClientException, ? extends RuntimeException>> errorMappings = new LinkedHashMap<>();

	private long maxBufferedBytes = DefaultJsonRpcClient.DEFAULT_MAX_BUFFERED_BYTES;

	private @Nullable Executor deliveryExecutor;

	private int maxPendingServerCalls = DefaultJsonRpcClient.DEFAULT_MAX_PENDING_SERVER_CALLS;

	private @Nullable Duration serverCallTimeout;

	private @Nullable ServerCallTimer serverCallTimer;

	private String subscribeMethod = "subscribe";

	private String unsubscribeMethod = "unsubscribe";

	private final List<Object> handlerServices = new ArrayList<>();

	private final List<JsonRpcClientHandlerFactory.FunctionMethod<?>> handlerMethods = new ArrayList<>();

	@Override
	public JsonRpcClient.Builder url(String url) {
		Assert.hasText(url, "URL is required");
		return url(URI.create(url));
	}

	@Override
	public JsonRpcClient.Builder url(URI url) {
		Assert.notNull(url, "URL is required");
		String scheme = url.getScheme();
		Assert.isTrue(
				scheme != null && List.of("http", "https", "ws", "wss", "tcp", "tcps")
					.contains(scheme.toLowerCase(Locale.ROOT)),
				() -> "URL must be http(s)://, ws(s):// or tcp(s)://, not " + url);
		this.url = url;
		return this;
	}

	@Override
	public JsonRpcClient.Builder transport(JsonRpcTransport transport) {
		Assert.notNull(transport, "Transport is required");
		this.transport = transport;
		return this;
	}

	@Override
	public JsonRpcClient.Builder restClientBuilder(RestClient.Builder restClientBuilder) {
		Assert.notNull(restClientBuilder, "RestClient.Builder is required");
		this.restClientBuilder = restClientBuilder;
		return this;
	}

	@Override
	public JsonRpcClient.Builder jsonMapper(JsonMapper jsonMapper) {
		Assert.notNull(jsonMapper, "JsonMapper is required");
		this.jsonMapper = jsonMapper;
		return this;
	}

	@Override
	public JsonRpcClient.Builder idGenerator(JsonRpcIdGenerator idGenerator) {
		Assert.notNull(idGenerator, "IdGenerator is required");
		this.idGenerator = idGenerator;
		return this;
	}

	@Override
	public JsonRpcClient.Builder interceptor(JsonRpcClientInterceptor interceptor) {
		Assert.notNull(interceptor, "Interceptor is required");
		this.interceptors.add(interceptor);
		return this;
	}

	@Override
	public JsonRpcClient.Builder header(String name, String value) {
		Assert.hasText(name, "Header name is required");
		this.headers.put(name, value);
		return this;
	}

	@Override
	public JsonRpcClient.Builder basicAuth(String username, String password) {
		String credentials = Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		return header(HttpHeaders.AUTHORIZATION, "Basic " + credentials);
	}

	@Override
	public JsonRpcClient.Builder bearerToken(String token) {
		return header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
	}

	@Override
	public JsonRpcClient.Builder connectTimeout(Duration connectTimeout) {
		Assert.isTrue(!connectTimeout.isNegative() && !connectTimeout.isZero(), "Connect timeout must be positive");
		this.connectTimeout = ClientTimeouts.capped(connectTimeout);
		return this;
	}

	@Override
	public JsonRpcClient.Builder timeout(Duration timeout) {
		Assert.isTrue(!timeout.isNegative() && !timeout.isZero(), "Timeout must be positive");
		// the HTTP read timeout too: the JDK HttpClient fails a longer one
		this.timeout = ClientTimeouts.capped(timeout);
		return this;
	}

	@Override
	public JsonRpcClient.Builder reconnectBackoff(Duration initial, Duration max) {
		Assert.isTrue(!initial.isNegative() && !initial.isZero(), "Initial delay must be positive");
		Assert.isTrue(max.compareTo(initial) >= 0, "Maximum delay must not be shorter than the initial one");
		// the transport schedules these: capped as the other timeouts are
		this.reconnectInitial = ClientTimeouts.capped(initial);
		this.reconnectMax = ClientTimeouts.capped(max);
		return this;
	}

	@Override
	public JsonRpcClient.Builder errorMapping(int code,
			Function<? super JsonRpcClientException, ? extends RuntimeException> factory) {
		Assert.notNull(factory, "Factory is required");
		this.errorMappings.put(code, factory);
		return this;
	}

	@Override
	public JsonRpcClient.Builder subscriptionMethods(String subscribe, String unsubscribe) {
		Assert.hasText(subscribe, "Subscribe method is required");
		Assert.hasText(unsubscribe, "Unsubscribe method is required");
		this.subscribeMethod = subscribe;
		this.unsubscribeMethod = unsubscribe;
		return this;
	}

	@Override
	public JsonRpcClient.Builder maxBufferedBytes(long maxBufferedBytes) {
		Assert.isTrue(maxBufferedBytes > 0, "Max buffered bytes must be positive");
		this.maxBufferedBytes = maxBufferedBytes;
		return this;
	}

	@Override
	public JsonRpcClient.Builder deliveryExecutor(Executor deliveryExecutor) {
		Assert.notNull(deliveryExecutor, "Delivery executor is required");
		this.deliveryExecutor = deliveryExecutor;
		return this;
	}

	@Override
	public JsonRpcClient.Builder maxPendingServerCalls(int maxPendingServerCalls) {
		Assert.isTrue(maxPendingServerCalls > 0, "Max pending server calls must be positive");
		this.maxPendingServerCalls = maxPendingServerCalls;
		return this;
	}

	@Override
	public JsonRpcClient.Builder serverCallTimeout(Duration serverCallTimeout) {
		Assert.notNull(serverCallTimeout, "Server call timeout is required");
		Assert.isTrue(!serverCallTimeout.isNegative() && !serverCallTimeout.isZero(),
				"Server call timeout must be positive");
		this.serverCallTimeout = serverCallTimeout;
		return this;
	}

	/**
	 * Expire calls of the server with this timer instead of one of the server call
	 * timeout, so that tests decide when a call times out.
	 * @param serverCallTimer the timer
	 * @return this builder
	 */
	DefaultJsonRpcClientBuilder serverCallTimer(ServerCallTimer serverCallTimer) {
		Assert.notNull(serverCallTimer, "Server call timer is required");
		this.serverCallTimer = serverCallTimer;
		return this;
	}

	@Override
	public JsonRpcClient.Builder handler(Object service) {
		Assert.notNull(service, "Service is required");
		this.handlerServices.add(service);
		return this;
	}

	@Override
	public <P> JsonRpcClient.Builder handler(String method, Class<P> paramsType,
			Function<? super P, ? extends @Nullable Object> function) {
		this.handlerMethods.add(new JsonRpcClientHandlerFactory.FunctionMethod<>(method, paramsType, function));
		return this;
	}

	@Override
	public JsonRpcClient build() {
		JsonMapper mapper = (this.jsonMapper != null) ? this.jsonMapper : JsonMapper.builder().build();
		JsonRpcMessageCodec codec = JsonRpcMessageCodec.create(mapper);
		Duration callTimeout = (this.serverCallTimeout != null) ? this.serverCallTimeout : this.timeout;
		ServerCallTimer callTimer = (this.serverCallTimer != null) ? this.serverCallTimer
				: ServerCallTimer.after(callTimeout);
		return new DefaultJsonRpcClient(codec, createTransport(codec), this.idGenerator, this.interceptors,
				this.timeout, this.errorMappings, this.subscribeMethod, this.unsubscribeMethod, createHandler(mapper),
				this.maxBufferedBytes, this.deliveryExecutor, this.maxPendingServerCalls, callTimeout, callTimer);
	}

	private @Nullable JsonRpcClientHandler createHandler(JsonMapper mapper) {
		if (this.handlerServices.isEmpty() && this.handlerMethods.isEmpty()) {
			return null;
		}
		List<JsonRpcClientHandlerFactory> factories = SpringFactoriesLoader
			.forDefaultResourceLocation(DefaultJsonRpcClientBuilder.class.getClassLoader())
			.load(JsonRpcClientHandlerFactory.class);
		Assert.state(!factories.isEmpty(), "No JsonRpcClientHandlerFactory in META-INF/spring.factories");
		return factories.get(0).create(mapper, List.copyOf(this.handlerServices), List.copyOf(this.handlerMethods));
	}

	private JsonRpcTransport createTransport(JsonRpcMessageCodec codec) {
		if (this.transport != null) {
			return this.transport;
		}
		URI endpoint = this.url;
		Assert.state(endpoint != null, "Set a URL or a transport");
		String scheme = endpoint.getScheme().toLowerCase(Locale.ROOT);
		if (scheme.startsWith("ws")) {
			return new MessageChannelJsonRpcTransport(endpoint, codec, new MessageChannelJsonRpcTransport.Options(
					this.connectTimeout, this.headers, this.reconnectInitial, this.reconnectMax));
		}
		if (scheme.startsWith("tcp")) {
			return new MessageChannelJsonRpcTransport(
					endpoint, codec, new MessageChannelJsonRpcTransport.Options(this.connectTimeout, Map.of(),
							this.reconnectInitial, this.reconnectMax),
					TcpMessageChannel.opener(endpoint, null, this.connectTimeout));
		}
		Assert.state(restClientPresent, "HTTP transport requires spring-web on the classpath");
		return HttpTransportFactory.create(endpoint, this.restClientBuilder, this.headers, this.connectTimeout,
				this.timeout, codec);
	}

	/**
	 * Keeps {@code RestClient} references out of the builder's own signature resolution,
	 * so that WebSocket-only clients work without spring-web.
	 */
	private static final class HttpTransportFactory {

		static JsonRpcTransport create(URI endpoint, @Nullable Object restClientBuilder, Map<String, String> headers,
				@Nullable Duration connectTimeout, Duration readTimeout, JsonRpcMessageCodec codec) {
			RestClient.Builder builder = (restClientBuilder != null) ? ((RestClient.Builder) restClientBuilder).clone()
					: RestClient.builder();
			builder.baseUrl(endpoint.toString());
			headers.forEach(builder::defaultHeader);
			// keep the application's request factory unless timeouts were asked for
			// explicitly
			if (connectTimeout != null || restClientBuilder == null) {
				HttpClient.Builder httpClient = HttpClient.newBuilder();
				if (connectTimeout != null) {
					httpClient.connectTimeout(connectTimeout);
				}
				JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient.build());
				requestFactory.setReadTimeout(readTimeout);
				builder.requestFactory(requestFactory);
			}
			return new RestClientJsonRpcTransport(builder.build(), codec, null);
		}

	}

}
