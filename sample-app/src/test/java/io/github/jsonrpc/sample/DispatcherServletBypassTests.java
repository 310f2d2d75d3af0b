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

package io.github.jsonrpc.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.jsonrpc.server.method.annotation.JsonRpcService;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.context.support.ServletRequestHandledEvent;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Servlet sample with {@code jsonrpc.http.bypass-dispatcher-servlet} over real HTTP:
 * JSON-RPC POSTs are served in front of the {@code DispatcherServlet} (which publishes no
 * {@code ServletRequestHandledEvent} for them), streamed calls still stream, and what the
 * filter passes on (another method, the WebSocket upgrade on the same path) still reaches
 * Spring MVC.
 *
 * @author JSON-RPC for Spring Boot team
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "jsonrpc.http.bypass-dispatcher-servlet=true")
@Import(DispatcherServletBypassTests.MvcCounterConfiguration.class)
class DispatcherServletBypassTests {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int port;

	@Test
	void callIsServedWithoutTheDispatcherServletAndOtherMethodsStillReachIt() throws Exception {
		int postsBefore = MvcCounterConfiguration.posts.get();
		int getsBefore = MvcCounterConfiguration.gets.get();
		HttpResponse<String> call = post("{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[42,23],\"id\":1}",
				"application/json");
		assertThat(call.statusCode()).isEqualTo(200);
		assertThat(call.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(call.body()).isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":19,\"id\":1}");
		HttpResponse<String> get = http.send(HttpRequest.newBuilder(uri("http")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(get.statusCode()).isEqualTo(405);
		// the GET's event arrives; the POST before it published none
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(MvcCounterConfiguration.gets.get()).isEqualTo(getsBefore + 1));
		assertThat(MvcCounterConfiguration.posts.get()).isEqualTo(postsBefore);
	}

	@Test
	void callCompletingLaterIsWrittenThroughAResponseWrappingFilterBeforeIt() throws Exception {
		HttpResponse<String> call = post("{\"jsonrpc\":\"2.0\",\"method\":\"late.echo\",\"params\":[\"hi\"],\"id\":2}",
				"application/json");
		assertThat(call.statusCode()).isEqualTo(200);
		assertThat(call.body()).isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"hi\",\"id\":2}");
		// set by the ShallowEtagHeaderFilter's ContentCachingResponseWrapper when it
		// copies the body
		assertThat(call.headers().firstValue("Content-Length")).hasValue(String.valueOf(call.body().length()));
	}

	@Test
	void streamedMethodIsWrittenAsNdjson() throws Exception {
		HttpResponse<String> response = post(
				"{\"jsonrpc\":\"2.0\",\"method\":\"countdown\",\"params\":[3],\"id\":\"s\"}", "application/x-ndjson");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-ndjson;charset=UTF-8");
		assertThat(response.body()).isEqualTo("""
				{"jsonrpc":"2.0","method":"rpc.stream","params":{"id":"s","item":3}}
				{"jsonrpc":"2.0","method":"rpc.stream","params":{"id":"s","item":2}}
				{"jsonrpc":"2.0","method":"rpc.stream","params":{"id":"s","item":1}}
				{"jsonrpc":"2.0","result":{"count":3},"id":"s"}
				""");
	}

	@Test
	void webSocketUpgradeOnTheSamePathStillWorks() throws Exception {
		CompletableFuture<String> reply = new CompletableFuture<>();
		WebSocket webSocket = http.newWebSocketBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.buildAsync(uri("ws"), new WebSocket.Listener() {

				private final StringBuilder text = new StringBuilder();

				@Override
				public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
					this.text.append(data);
					if (last) {
						reply.complete(this.text.toString());
					}
					socket.request(1);
					return null;
				}

			})
			.get(5, TimeUnit.SECONDS);
		try {
			webSocket.sendText("{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[5,3],\"id\":7}", true)
				.get(5, TimeUnit.SECONDS);
			assertThat(reply.get(5, TimeUnit.SECONDS)).isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":2,\"id\":7}");
		}
		finally {
			webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
		}
	}

	private HttpResponse<String> post(String body, String accept) throws Exception {
		return http.send(HttpRequest.newBuilder(uri("http"))
			.header("Content-Type", "application/json")
			.header("Accept", accept)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String scheme) {
		return URI.create(scheme + "://127.0.0.1:" + this.port + "/jsonrpc");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class MvcCounterConfiguration {

		// POSTs and GETs to the JSON-RPC path the DispatcherServlet handled
		static final AtomicInteger posts = new AtomicInteger();

		static final AtomicInteger gets = new AtomicInteger();

		@Bean
		ApplicationListener<ServletRequestHandledEvent> jsonRpcPathCounter() {
			return (event) -> {
				if ("/jsonrpc".equals(event.getRequestUrl())) {
					("POST".equals(event.getMethod()) ? posts : gets).incrementAndGet();
				}
			};
		}

		// wraps the response (ContentCachingResponseWrapper) before the JSON-RPC filter
		@Bean
		FilterRegistrationBean<ShallowEtagHeaderFilter> etagFilter() {
			FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(
					new ShallowEtagHeaderFilter());
			registration.setOrder(0);
			return registration;
		}

		@Bean
		LateService lateService() {
			return new LateService();
		}

	}

	/**
	 * A method whose reply is always completed later, on another thread.
	 */
	@JsonRpcService("late")
	static class LateService {

		public CompletableFuture<String> echo(String text) {
			return CompletableFuture.supplyAsync(() -> text,
					CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
		}

	}

}
