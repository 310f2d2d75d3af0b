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
package io.github.jsonrpc.sample.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

import io.github.jsonrpc.client.JsonRpcClient;
import io.github.jsonrpc.client.JsonRpcClientException;
import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import io.github.jsonrpc.server.JsonRpcException;
import io.github.jsonrpc.server.JsonRpcSession;
import io.github.jsonrpc.server.JsonRpcSessionCallException;
import io.github.jsonrpc.server.JsonRpcSessionClosedException;
import io.github.jsonrpc.server.connection.JsonRpcConnection;
import io.github.jsonrpc.server.method.annotation.JsonRpcMethod;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;
import io.github.jsonrpc.server.tcp.JsonRpcTcpServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The server calls the client ({@link JsonRpcSession#call}) over a real WebSocket
 * connection, and the project's Java client answers with its handlers: typed results,
 * errors, unknown methods, timeouts, the pending bound and a close while calls wait.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "jsonrpc.logging.enabled=false",
				"jsonrpc.websocket.server-request-timeout=1s", "jsonrpc.websocket.max-pending-server-requests=3",
				"jsonrpc.tcp.port=0" })
@Import(ServerToClientCallsTests.SessionsConfiguration.class)
class ServerToClientCallsTests {

	@LocalServerPort
	private int port;

	@Autowired
	private SessionCapture sessions;

	@Autowired
	private JsonRpcTcpServer tcpServer;

	private final ClientMethods clientMethods = new ClientMethods();

	private JsonRpcClient client;

	@AfterEach
	void close() {
		if (this.client != null) {
			this.client.close();
		}
	}

	private JsonRpcClient client() {
		return client("ws://127.0.0.1:" + this.port + "/jsonrpc");
	}

	private JsonRpcClient client(String url) {
		this.client = JsonRpcClient.builder()
			.url(url)
			.timeout(Duration.ofSeconds(10))
			.handler(this.clientMethods)
			.handler("twice", String.class, (text) -> List.of(text, text))
			.build();
		return this.client;
	}

	/** Connect a client and return the server's session of its connection. */
	private JsonRpcSession connect() throws Exception {
		return connect("ws://127.0.0.1:" + this.port + "/jsonrpc");
	}

	private JsonRpcSession connect(String url) throws Exception {
		this.sessions.captured.clear();
		String id = client(url).method("hello").retrieve(String.class);
		JsonRpcSession session = this.sessions.captured.poll(5, TimeUnit.SECONDS);
		assertThat(session).isNotNull();
		assertThat(session.id()).isEqualTo(id);
		return session;
	}

	@Test
	void callCompletesWithTheClientsResultAsTheRequestedType() throws Exception {
		JsonRpcSession session = connect();
		Profile profile = session.call("profile", List.of("ada"), Profile.class).get(5, TimeUnit.SECONDS);
		assertThat(profile).isEqualTo(new Profile("ada", 36));
	}

	@Test
	void callWithAGenericResultTypeAndAFunctionalHandler() throws Exception {
		JsonRpcSession session = connect();
		List<String> twice = session.call("twice", "hi", new TypeReference<List<String>>() {
		}).get(5, TimeUnit.SECONDS);
		assertThat(twice).containsExactly("hi", "hi");
	}

	@Test
	void clientErrorCompletesTheCallExceptionallyWithTheError() throws Exception {
		JsonRpcSession session = connect();
		CompletableFuture<Profile> call = session.call("refuse", null, Profile.class);
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> call.get(5, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOfSatisfying(JsonRpcSessionCallException.class, (ex) -> {
				assertThat(ex.getMethod()).isEqualTo("refuse");
				assertThat(ex.getCode()).isEqualTo(4001);
				assertThat(ex.getError().message()).isEqualTo("Not now");
				assertThat(ex.getError().data()).hasToString("{\"retryIn\":60}");
			});
	}

	@Test
	void unknownMethodOnTheClientIsAnsweredWithMethodNotFound() throws Exception {
		JsonRpcSession session = connect();
		CompletableFuture<String> call = session.call("nothing.here", null, String.class);
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> call.get(5, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOfSatisfying(JsonRpcSessionCallException.class,
					(ex) -> assertThat(ex.getCode()).isEqualTo(JsonRpcErrorCodes.METHOD_NOT_FOUND));
		// the connection still serves calls both ways
		assertThat(session.call("profile", List.of("bob"), Profile.class).get(5, TimeUnit.SECONDS).name())
			.isEqualTo("bob");
	}

	@Test
	void clientWithoutHandlersAnswersEveryCallWithMethodNotFound() throws Exception {
		this.sessions.captured.clear();
		this.client = JsonRpcClient.builder()
			.url("ws://127.0.0.1:" + this.port + "/jsonrpc")
			.timeout(Duration.ofSeconds(10))
			.build();
		this.client.method("hello").retrieve(String.class);
		JsonRpcSession session = this.sessions.captured.poll(5, TimeUnit.SECONDS);
		assertThat(session).isNotNull();
		CompletableFuture<Profile> call = session.call("profile", List.of("ada"), Profile.class);
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> call.get(5, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOfSatisfying(JsonRpcSessionCallException.class,
					(ex) -> assertThat(ex.getCode()).isEqualTo(JsonRpcErrorCodes.METHOD_NOT_FOUND));
	}

	@Test
	void unansweredCallTimesOutAndIsForgotten() throws Exception {
		JsonRpcSession session = connect();
		// the configured default timeout (1s): the client never answers "wait"
		CompletableFuture<String> call = session.call("wait", null, String.class);
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> call.get(10, TimeUnit.SECONDS))
			.withCauseInstanceOf(TimeoutException.class);
		assertThat(((JsonRpcConnection) session).pendingServerRequests()).isZero();
		// an explicit timeout wins over the default
		CompletableFuture<String> shorter = session.call("wait", null, String.class, Duration.ofMillis(100));
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> shorter.get(10, TimeUnit.SECONDS))
			.withCauseInstanceOf(TimeoutException.class);
		assertThat(session.isOpen()).isTrue();
	}

	@Test
	void pendingCallsAreBoundedPerConnection() throws Exception {
		JsonRpcSession session = connect();
		List<CompletableFuture<String>> waiting = List.of(
				session.call("wait", null, String.class, Duration.ofSeconds(30)),
				session.call("wait", null, String.class, Duration.ofSeconds(30)),
				session.call("wait", null, String.class, Duration.ofSeconds(30)));
		CompletableFuture<String> oneTooMany = session.call("wait", null, String.class);
		assertThat(oneTooMany).isCompletedExceptionally();
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(oneTooMany::get)
			.withCauseInstanceOf(RejectedExecutionException.class);
		waiting.forEach((call) -> call.cancel(false));
		// cancelled calls free their places
		assertThat(((JsonRpcConnection) session).pendingServerRequests()).isZero();
		assertThat(session.call("profile", List.of("eve"), Profile.class).get(5, TimeUnit.SECONDS).name())
			.isEqualTo("eve");
	}

	@Test
	void overTcpTheJavaClientAnswersResultsAndErrorsAndClosingFailsPendingCalls() throws Exception {
		JsonRpcSession session = connect("tcp://127.0.0.1:" + this.tcpServer.getPort());
		assertThat(session.call("profile", List.of("ada"), Profile.class).get(5, TimeUnit.SECONDS))
			.isEqualTo(new Profile("ada", 36));
		CompletableFuture<Profile> refused = session.call("refuse", null, Profile.class);
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> refused.get(5, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOfSatisfying(JsonRpcSessionCallException.class,
					(ex) -> assertThat(ex.getCode()).isEqualTo(4001));
		CompletableFuture<String> unknown = session.call("nothing.here", null, String.class);
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> unknown.get(5, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOfSatisfying(JsonRpcSessionCallException.class,
					(ex) -> assertThat(ex.getCode()).isEqualTo(JsonRpcErrorCodes.METHOD_NOT_FOUND));
		CompletableFuture<String> waiting = session.call("wait", null, String.class, Duration.ofSeconds(30));
		this.client.close();
		await().atMost(Duration.ofSeconds(5)).until(waiting::isDone);
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(waiting::get)
			.withCauseInstanceOf(JsonRpcSessionClosedException.class);
	}

	@Test
	void closingTheConnectionFailsEveryPendingCall() throws Exception {
		JsonRpcSession session = connect();
		CompletableFuture<String> first = session.call("wait", null, String.class, Duration.ofSeconds(30));
		CompletableFuture<String> second = session.call("wait", null, String.class, Duration.ofSeconds(30));
		this.client.close();
		await().atMost(Duration.ofSeconds(5)).until(() -> first.isDone() && second.isDone());
		for (CompletableFuture<String> call : List.of(first, second)) {
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(call::get)
				.withCauseInstanceOf(JsonRpcSessionClosedException.class);
		}
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> session.call("profile", List.of("late"), Profile.class).get(5, TimeUnit.SECONDS))
			.withCauseInstanceOf(JsonRpcSessionClosedException.class);
	}

	@Test
	void notificationWithoutListenerReachesTheHandler() throws Exception {
		JsonRpcSession session = connect();
		assertThat(session.notify("remember", List.of("milk"))).isTrue();
		assertThat(this.clientMethods.remembered.poll(5, TimeUnit.SECONDS)).isEqualTo("milk");
	}

	@Test
	void sampleAskMethodWaitsForTheClientsConfirmation() {
		JsonRpcClient client = client();
		assertThat(client.method("ask").params("Deploy?").retrieve(String.class)).isEqualTo("confirmed");
		assertThat(client.method("ask").params("Deploy").retrieve(String.class)).isEqualTo("declined");
	}

	@Test
	void sampleAskMethodNeedsAConnection() {
		JsonRpcClient http = JsonRpcClient.builder().url("http://127.0.0.1:" + this.port + "/jsonrpc").build();
		assertThatExceptionOfType(JsonRpcClientException.class)
			.isThrownBy(() -> http.method("ask").params("Deploy?").retrieve(String.class))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(JsonRpcErrorCodes.SERVER_ERROR));
	}

	record Profile(String name, int age) {
	}

	/**
	 * The methods the client offers the server: not a {@code @JsonRpcService}, so never a
	 * server bean.
	 */
	static class ClientMethods {

		final BlockingQueue<String> remembered = new LinkedBlockingQueue<>();

		@JsonRpcMethod("profile")
		public Profile profile(String name) {
			return new Profile(name, 36);
		}

		@JsonRpcMethod("confirm")
		public boolean confirm(String question) {
			return question.endsWith("?");
		}

		@JsonRpcMethod("refuse")
		public Profile refuse() {
			throw new JsonRpcException(4001, "Not now", Map.of("retryIn", 60));
		}

		@JsonRpcMethod("wait")
		public CompletableFuture<String> waitForever() {
			return new CompletableFuture<>();
		}

		@JsonRpcMethod("remember")
		public void remember(String item) {
			this.remembered.add(item);
		}

	}

	static class SessionCapture {

		final BlockingQueue<JsonRpcSession> captured = new LinkedBlockingQueue<>();

	}

	@JsonRpcService
	static class HelloService {

		private final SessionCapture sessions;

		HelloService(SessionCapture sessions) {
			this.sessions = sessions;
		}

		public String hello(JsonRpcSession session) {
			this.sessions.captured.add(session);
			return session.id();
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class SessionsConfiguration {

		@Bean
		SessionCapture sessionCapture() {
			return new SessionCapture();
		}

		@Bean
		HelloService helloService(SessionCapture sessions) {
			return new HelloService(sessions);
		}

	}

}
