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
package io.github.jsonrpc.autoconfigure.reactive;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.web.context.reactive.AnnotationConfigReactiveWebApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

/**
 * A real WebFlux application on Reactor Netty at a random port of {@code 127.0.0.1}: a
 * reactive application context (the auto-configurations the test imports), its
 * {@link HttpHandler} (filters such as the {@code SecurityWebFilterChain} included)
 * served by its own event loop, and small HTTP and WebSocket clients.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class ReactiveTestServer implements AutoCloseable {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final AnnotationConfigReactiveWebApplicationContext context;

	private final LoopResources loops;

	private final DisposableServer server;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(TIMEOUT)
		.build();

	private ReactiveTestServer(AnnotationConfigReactiveWebApplicationContext context, LoopResources loops,
			DisposableServer server) {
		this.context = context;
		this.loops = loops;
		this.server = server;
	}

	/**
	 * Start an application on its own event loop.
	 * @param eventLoopThreads the number of event-loop threads of the server
	 * @param properties properties ({@code name=value})
	 * @param configurations the configuration classes
	 * @return the running server
	 */
	static ReactiveTestServer start(int eventLoopThreads, List<String> properties, Class<?>... configurations) {
		AnnotationConfigReactiveWebApplicationContext context = new AnnotationConfigReactiveWebApplicationContext();
		TestPropertyValues.of(properties).applyTo(context);
		context.register(configurations);
		context.refresh();
		LoopResources loops = LoopResources.create("jsonrpc-test-loop", 1, eventLoopThreads, true);
		try {
			DisposableServer server = HttpServer.create()
				.host("127.0.0.1")
				.port(0)
				.runOn(loops)
				.handle(new ReactorHttpHandlerAdapter(context.getBean(HttpHandler.class)))
				.bindNow(TIMEOUT);
			return new ReactiveTestServer(context, loops, server);
		}
		catch (RuntimeException ex) {
			loops.dispose();
			context.close();
			throw ex;
		}
	}

	static ReactiveTestServer start(List<String> properties, Class<?>... configurations) {
		return start(2, properties, configurations);
	}

	AnnotationConfigReactiveWebApplicationContext context() {
		return this.context;
	}

	URI uri(String scheme, String path) {
		return URI.create(scheme + "://127.0.0.1:" + this.server.port() + path);
	}

	static @Nullable String basic(@Nullable String user) {
		return (user != null) ? "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + user + "-password").getBytes(StandardCharsets.UTF_8))
				: null;
	}

	/**
	 * POST a body to {@code /jsonrpc}, with HTTP Basic credentials
	 * ({@code <user>-password}) unless the user is {@code null}.
	 */
	CompletableFuture<HttpResponse<String>> postAsync(@Nullable String user, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("http", "/jsonrpc"))
			.timeout(TIMEOUT)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		String authorization = basic(user);
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * GET a path, with HTTP Basic credentials unless the user is {@code null}.
	 */
	HttpResponse<String> get(@Nullable String user, String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("http", path)).timeout(TIMEOUT).GET();
		String authorization = basic(user);
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
			.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
			.join();
	}

	static JsonNode json(String text) {
		return mapper.readTree(text);
	}

	HttpResponse<String> post(@Nullable String user, String body) {
		return postAsync(user, body).orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
	}

	/**
	 * Call a method over HTTP and return the JSON-RPC response.
	 */
	JsonNode call(@Nullable String user, String method, String params) {
		HttpResponse<String> response = post(user, request(method, params, 1));
		if (response.statusCode() != 200) {
			throw new IllegalStateException("HTTP " + response.statusCode() + " for " + method);
		}
		return mapper.readTree(response.body());
	}

	static String request(String method, String params, int id) {
		return "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params + ",\"id\":" + id + "}";
	}

	/**
	 * Open a WebSocket to {@code /jsonrpc} with the given handshake headers, send the
	 * messages, and return the first {@code count} messages received (in order).
	 */
	List<JsonNode> webSocket(HttpHeaders headers, int count, String... messages) {
		ReactorNettyWebSocketClient client = new ReactorNettyWebSocketClient();
		List<JsonNode> replies = new CopyOnWriteArrayList<>();
		client.execute(uri("ws", "/jsonrpc"), headers, (session) -> {
			Mono<Void> send = session.send(Flux.fromArray(messages).map(session::textMessage));
			Mono<Void> receive = session.receive()
				.map(WebSocketMessage::getPayloadAsText)
				.take(count)
				.doOnNext((text) -> replies.add(mapper.readTree(text)))
				.then();
			return send.and(receive);
		}).block(TIMEOUT);
		return List.copyOf(replies);
	}

	/**
	 * Open a WebSocket with the given handshake headers and send the messages one by one,
	 * each after the answer to the previous one, and return the answers in order.
	 */
	List<JsonNode> conversation(HttpHeaders headers, String... messages) {
		ReactorNettyWebSocketClient client = new ReactorNettyWebSocketClient();
		List<JsonNode> replies = new CopyOnWriteArrayList<>();
		client.execute(uri("ws", "/jsonrpc"), headers, (session) -> {
			Sinks.Many<String> outbound = Sinks.many().unicast().onBackpressureBuffer();
			outbound.tryEmitNext(messages[0]);
			Mono<Void> send = session.send(outbound.asFlux().map(session::textMessage));
			Mono<Void> receive = session.receive()
				.map(WebSocketMessage::getPayloadAsText)
				.take(messages.length)
				.doOnNext((text) -> {
					replies.add(mapper.readTree(text));
					if (replies.size() < messages.length) {
						outbound.tryEmitNext(messages[replies.size()]);
					}
					else {
						outbound.tryEmitComplete();
					}
				})
				.then();
			return send.and(receive);
		}).block(TIMEOUT);
		return List.copyOf(replies);
	}

	/**
	 * Open a WebSocket with the JDK client and the given handshake headers, and return
	 * the handshake's status: {@code 101} when it was accepted (then closed).
	 */
	int handshakeStatus(Map<String, String> headers) {
		WebSocket.Builder builder = this.http.newWebSocketBuilder().connectTimeout(TIMEOUT);
		headers.forEach(builder::header);
		try {
			WebSocket webSocket = builder.buildAsync(uri("ws", "/jsonrpc"), new WebSocket.Listener() {
			}).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			return 101;
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof WebSocketHandshakeException handshake) {
				return handshake.getResponse().statusCode();
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException | TimeoutException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static HttpHeaders headers(@Nullable String user) {
		HttpHeaders headers = new HttpHeaders();
		String authorization = basic(user);
		if (authorization != null) {
			headers.set(HttpHeaders.AUTHORIZATION, authorization);
		}
		return headers;
	}

	@Override
	public void close() {
		this.server.disposeNow(TIMEOUT);
		this.loops.disposeLater().block(TIMEOUT);
		this.context.close();
	}

}
