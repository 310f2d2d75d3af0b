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

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import io.github.jsonrpc.protocol.JsonRpcId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/**
 * Tests for {@link DefaultJsonRpcClientBuilder}: the settings it refuses, its defaults,
 * and how the URL's scheme and the settings reach the transport.
 */
class DefaultJsonRpcClientBuilderTests {

	private final JsonRpcClient.Builder builder = JsonRpcClient.builder();

	@Test
	void urlMustBeHttpWebSocketOrTcp() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.builder.url("ftp://example.invalid/x"))
			.withMessage("URL must be http(s)://, ws(s):// or tcp(s)://, not ftp://example.invalid/x");
		assertThatIllegalArgumentException().isThrownBy(() -> this.builder.url(URI.create("//example.invalid/x")))
			.withMessage("URL must be http(s)://, ws(s):// or tcp(s)://, not //example.invalid/x");
		assertThatIllegalArgumentException().isThrownBy(() -> this.builder.url(" ")).withMessage("URL is required");
		assertThatIllegalArgumentException().isThrownBy(() -> this.builder.url((URI) null))
			.withMessage("URL is required");
		for (String scheme : new String[] { "http", "https", "ws", "wss", "tcp", "tcps", "HTTP", "Ws", "TCP" }) {
			assertThat(this.builder.url(scheme + "://example.invalid:1/x")).as(scheme).isSameAs(this.builder);
		}
	}

	@Test
	void schemeOfTheUrlChoosesTheTransport() {
		assertThat(transportOf("http://example.invalid/x")).isInstanceOf(RestClientJsonRpcTransport.class);
		assertThat(transportOf("HTTPS://example.invalid/x")).isInstanceOf(RestClientJsonRpcTransport.class);
		assertThat(transportOf("ws://example.invalid/x")).isInstanceOf(MessageChannelJsonRpcTransport.class);
		assertThat(transportOf("WSS://example.invalid/x")).isInstanceOf(MessageChannelJsonRpcTransport.class);
		assertThat(transportOf("tcp://example.invalid:1")).isInstanceOf(MessageChannelJsonRpcTransport.class);
		assertThat(transportOf("TCPS://example.invalid:1")).isInstanceOf(MessageChannelJsonRpcTransport.class);
		try (JsonRpcClient created = JsonRpcClient.create("http://example.invalid/x")) {
			assertThat(((DefaultJsonRpcClient) created).transport()).isInstanceOf(RestClientJsonRpcTransport.class);
		}
	}

	@Test
	void webSocketUrlOpensAHandshakeWithTheHeaders() throws Exception {
		try (ServerSocket server = listen();
				JsonRpcClient client = this.builder.url("ws://127.0.0.1:" + server.getLocalPort() + "/jsonrpc")
					.header("X-Trace", "abc")
					.basicAuth("user", "pässword")
					.connectTimeout(TestWaits.SHORT)
					.timeout(TestWaits.SHORT)
					.build()) {
			client.method("hello").sendAsync();
			try (Socket peer = server.accept()) {
				peer.setSoTimeout((int) TestWaits.SHORT.toMillis());
				String head = readHead(peer.getInputStream());
				assertThat(head).startsWith("GET /jsonrpc HTTP/1.1\r\n")
					.containsIgnoringCase("upgrade: websocket")
					.containsIgnoringCase("x-trace: abc\r\n")
					.containsIgnoringCase("authorization: Basic dXNlcjpww6Rzc3dvcmQ=\r\n");
			}
		}
	}

	@Test
	void tcpUrlSendsMessagesAsLinesWithoutHeaders() throws Exception {
		try (ServerSocket server = listen();
				JsonRpcClient client = this.builder.url("tcp://127.0.0.1:" + server.getLocalPort())
					.header("X-Trace", "abc")
					.timeout(TestWaits.SHORT)
					.build()) {
			client.method("hello").sendAsync();
			try (Socket peer = server.accept()) {
				peer.setSoTimeout((int) TestWaits.SHORT.toMillis());
				assertThat(new String(peer.getInputStream().readNBytes(35), StandardCharsets.UTF_8))
					.isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"hello\"}\n");
			}
		}
	}

	@Test
	void transportWinsOverTheUrl() {
		RecordingTransport transport = RecordingTransport.result("1");
		JsonRpcClient client = this.builder.url("http://example.invalid/x").transport(transport).build();
		assertThat(((DefaultJsonRpcClient) client).transport()).isSameAs(transport);
	}

	@Test
	void clientNeedsAUrlOrATransport() {
		assertThatIllegalStateException().isThrownBy(this.builder::build).withMessage("Set a URL or a transport");
	}

	@Test
	void requiredArgumentsAreChecked() {
		assertRefused(() -> this.builder.transport(null), "Transport is required");
		assertRefused(() -> this.builder.restClientBuilder(null), "RestClient.Builder is required");
		assertRefused(() -> this.builder.jsonMapper(null), "JsonMapper is required");
		assertRefused(() -> this.builder.idGenerator(null), "IdGenerator is required");
		assertRefused(() -> this.builder.interceptor(null), "Interceptor is required");
		assertRefused(() -> this.builder.header("", "value"), "Header name is required");
		assertRefused(() -> this.builder.errorMapping(-32000, null), "Factory is required");
		assertRefused(() -> this.builder.deliveryExecutor(null), "Delivery executor is required");
		assertRefused(() -> this.builder.handler((Object) null), "Service is required");
		assertRefused(() -> this.builder.subscriptionMethods(" ", "off"), "Subscribe method is required");
		assertRefused(() -> this.builder.subscriptionMethods("on", ""), "Unsubscribe method is required");
		assertRefused(() -> ((DefaultJsonRpcClientBuilder) this.builder).serverCallTimer(null),
				"Server call timer is required");
		assertRefused(() -> this.builder.handler(" ", String.class, (text) -> text), "Name is required");
		assertRefused(() -> this.builder.handler("echo", null, (text) -> text), "ParamsType is required");
		assertRefused(() -> this.builder.handler("echo", String.class, null), "Function is required");
	}

	@Test
	void durationsAndLimitsMustBePositive() {
		assertRefused(() -> this.builder.connectTimeout(Duration.ZERO), "Connect timeout must be positive");
		assertRefused(() -> this.builder.connectTimeout(Duration.ofMillis(-1)), "Connect timeout must be positive");
		assertRefused(() -> this.builder.timeout(Duration.ZERO), "Timeout must be positive");
		assertRefused(() -> this.builder.timeout(Duration.ofMillis(-1)), "Timeout must be positive");
		assertRefused(() -> this.builder.reconnectBackoff(Duration.ZERO, Duration.ofSeconds(1)),
				"Initial delay must be positive");
		assertRefused(() -> this.builder.reconnectBackoff(Duration.ofMillis(-1), Duration.ofSeconds(1)),
				"Initial delay must be positive");
		assertRefused(() -> this.builder.reconnectBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)),
				"Maximum delay must not be shorter than the initial one");
		assertRefused(() -> this.builder.maxBufferedBytes(0), "Max buffered bytes must be positive");
		assertRefused(() -> this.builder.maxBufferedBytes(-1), "Max buffered bytes must be positive");
		assertRefused(() -> this.builder.maxPendingServerCalls(-1), "Max pending server calls must be positive");
		// the smallest accepted values
		assertThat(this.builder.connectTimeout(Duration.ofNanos(1))).isSameAs(this.builder);
		assertThat(this.builder.timeout(Duration.ofNanos(1))).isSameAs(this.builder);
		assertThat(this.builder.reconnectBackoff(Duration.ofNanos(1), Duration.ofNanos(1))).isSameAs(this.builder);
		assertThat(this.builder.maxBufferedBytes(1)).isSameAs(this.builder);
	}

	@Test
	void defaults() throws Exception {
		DefaultJsonRpcClient client = (DefaultJsonRpcClient) this.builder.transport(RecordingTransport.result("1"))
			.build();
		try {
			assertThat(client.timeout()).isEqualTo(Duration.ofSeconds(30));
			assertThat(client.maxBufferedBytes()).isEqualTo(1024 * 1024);
			assertThat(client.deliveryExecutor()).isInstanceOfSatisfying(ThreadPoolExecutor.class, (pool) -> {
				assertThat(pool.getMaximumPoolSize()).isEqualTo(16);
				assertThat(pool.allowsCoreThreadTimeOut()).isTrue();
			});
			// started by a thread that is no daemon, which a new thread takes after
			CompletableFuture<CompletableFuture<String>> started = new CompletableFuture<>();
			Thread starter = new Thread(() -> started.complete(CompletableFuture.supplyAsync(() -> {
				Thread thread = Thread.currentThread();
				return thread.getName() + (thread.isDaemon() ? " (daemon)" : "");
			}, client.deliveryExecutor())));
			starter.setDaemon(false);
			starter.start();
			assertThat(TestWaits.get(TestWaits.get(started))).isEqualTo("jsonrpc-client-delivery-1 (daemon)");
			assertThat(client.nextId()).isEqualTo(JsonRpcId.of(1));
			assertThat(client.nextId()).isEqualTo(JsonRpcId.of(2));
		}
		finally {
			client.close();
		}
		assertThat(((ThreadPoolExecutor) client.deliveryExecutor()).isShutdown()).isTrue();
	}

	@Test
	void settingsReachTheClient() {
		JsonMapper mapper = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
		Executor executor = Runnable::run;
		RecordingTransport transport = RecordingTransport.result("1");
		DefaultJsonRpcClient client = (DefaultJsonRpcClient) this.builder.transport(transport)
			.jsonMapper(mapper)
			.timeout(Duration.ofSeconds(5))
			.maxBufferedBytes(123)
			.deliveryExecutor(executor)
			.idGenerator(() -> JsonRpcId.of("fixed"))
			.subscriptionMethods("rpc.on", "rpc.off")
			.build();
		assertThat(client.codec().mapper()).isSameAs(mapper);
		assertThat(client.timeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(client.maxBufferedBytes()).isEqualTo(123);
		assertThat(client.deliveryExecutor()).isSameAs(executor);
		client.method("x").namedParams(new Named("a")).retrieve(Integer.class);
		assertThat(transport.lastSent().toString())
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":{\"first_name\":\"a\"},\"id\":\"fixed\"}");
		client.subscribe("news", String.class, (news) -> {
		}).close();
		assertThat(transport.sent()).extracting((sent) -> sent.get("method").stringValue())
			.containsExactly("x", "rpc.on", "rpc.off");
		// a client does not shut down an executor it was given
		client.close();
	}

	@Test
	void timeoutTooLongToScheduleIsCapped() {
		DefaultJsonRpcClient client = (DefaultJsonRpcClient) this.builder.transport(RecordingTransport.result("1"))
			.timeout(Duration.ofSeconds(Long.MAX_VALUE))
			.build();
		assertThat(client.timeout()).isEqualTo(Duration.ofNanos(Long.MAX_VALUE));
		client.close();
	}

	@Test
	void credentialsAndHeadersGoWithEveryHttpRequest() {
		RestClient.Builder restClient = RestClient.builder();
		MockRestServiceServer server = MockRestServiceServer.bindTo(restClient).build();
		server.expect(requestTo("http://localhost/jsonrpc"))
			.andExpect(header("Authorization", "Basic dXNlcjpww6Rzc3dvcmQ="))
			.andExpect(header("X-Trace", "abc"))
			.andRespond(withSuccess("{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":1}", MediaType.APPLICATION_JSON));
		server.expect(requestTo("http://localhost/jsonrpc"))
			.andExpect(header("Authorization", "Bearer t0k3n"))
			.andExpect(content().json("{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"id\":1}"))
			.andRespond(withSuccess("{\"jsonrpc\":\"2.0\",\"result\":2,\"id\":1}", MediaType.APPLICATION_JSON));
		try (JsonRpcClient basic = JsonRpcClient.builder()
			.url("http://localhost/jsonrpc")
			.restClientBuilder(restClient)
			.header("X-Trace", "abc")
			.basicAuth("user", "pässword")
			.build();
				JsonRpcClient bearer = JsonRpcClient.builder()
					.url("http://localhost/jsonrpc")
					.restClientBuilder(restClient)
					.bearerToken("t0k3n")
					.build()) {
			assertThat(basic.method("x").retrieve(Integer.class)).isEqualTo(1);
			assertThat(bearer.method("x").retrieve(Integer.class)).isEqualTo(2);
		}
		server.verify();
	}

	@Test
	void connectTimeoutUsesTheJdkRequestFactory() throws Exception {
		RestClient.Builder restClient = RestClient.builder();
		MockRestServiceServer server = MockRestServiceServer.bindTo(restClient).build();
		int closedPort;
		try (ServerSocket socket = listen()) {
			closedPort = socket.getLocalPort();
		}
		try (JsonRpcClient client = JsonRpcClient.builder()
			.url("http://127.0.0.1:" + closedPort + "/jsonrpc")
			.restClientBuilder(restClient)
			.connectTimeout(TestWaits.SHORT)
			.build()) {
			// the JDK's client, not the mock bound to the application's builder, connects
			assertThatExceptionOfType(JsonRpcTransportException.class)
				.isThrownBy(() -> client.method("x").retrieve(Integer.class))
				.withMessageStartingWith("HTTP exchange failed: ");
		}
		server.verify();
	}

	@Test
	void timeoutIsTheReadTimeoutOfBlockingHttpCalls() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/jsonrpc", (exchange) -> {
			try {
				// answers only when the test is done, or after the longest wait of a test
				release.await(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS);
				byte[] reply = "{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":1}".getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, reply.length);
				exchange.getResponseBody().write(reply);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				exchange.close();
			}
		});
		server.start();
		try (JsonRpcClient client = this.builder.url("http://127.0.0.1:" + server.getAddress().getPort() + "/jsonrpc")
			.timeout(Duration.ofMillis(100))
			.build()) {
			assertThatExceptionOfType(JsonRpcTransportException.class)
				.isThrownBy(() -> client.method("x").retrieve(Integer.class))
				.withMessageStartingWith("HTTP exchange failed: ");
		}
		finally {
			release.countDown();
			server.stop(0);
		}
	}

	@Test
	void errorMappingThatReturnsNullKeepsTheClientException() {
		JsonRpcClient client = this.builder
			.transport(RecordingTransport.replying(
					"{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":1}"))
			.errorMapping(JsonRpcErrorCodes.METHOD_NOT_FOUND, (ex) -> null)
			.build();
		assertThatExceptionOfType(JsonRpcClientException.class)
			.isThrownBy(() -> client.method("x").retrieve(Integer.class))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(JsonRpcErrorCodes.METHOD_NOT_FOUND));
		client.close();
	}

	private JsonRpcTransport transportOf(String url) {
		try (JsonRpcClient client = JsonRpcClient.builder().url(url).build()) {
			return ((DefaultJsonRpcClient) client).transport();
		}
	}

	private static ServerSocket listen() throws IOException {
		ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		server.setSoTimeout((int) TestWaits.SHORT.toMillis());
		return server;
	}

	private static String readHead(InputStream input) throws IOException {
		StringBuilder head = new StringBuilder();
		while (head.indexOf("\r\n\r\n") < 0) {
			int c = input.read();
			if (c == -1) {
				break;
			}
			head.append((char) c);
		}
		return head.toString();
	}

	private static void assertRefused(Runnable setting, String message) {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(setting::run).withMessage(message);
	}

	record Named(String firstName) {
	}

}
