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

package io.github.jsonrpc.autoconfigure.servlet;

import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;

import io.github.jsonrpc.autoconfigure.JsonRpcAutoConfiguration;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;
import io.github.jsonrpc.server.webmvc.JsonRpcHttpFilter;
import io.github.jsonrpc.server.webmvc.JsonRpcHttpHandler;
import io.github.jsonrpc.server.webmvc.JsonRpcHttpHandlerMapping;
import io.github.jsonrpc.server.http.JsonRpcHttpStatusPolicy;
import jakarta.servlet.DispatcherType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Tests for {@link JsonRpcWebMvcAutoConfiguration}.
 *
 * @author JSON-RPC for Spring Boot team
 */
@ExtendWith(OutputCaptureExtension.class)
class JsonRpcWebMvcAutoConfigurationTests {

	private static final String SUBTRACT = "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[42,23],\"id\":1}";

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
				HttpMessageConvertersAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
				WebMvcAutoConfiguration.class, JsonRpcAutoConfiguration.class, JsonRpcWebMvcAutoConfiguration.class))
		.withUserConfiguration(SubtractConfiguration.class);

	@Test
	void servesPostAtTheDefaultPath() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(JsonRpcHttpHandler.class).hasSingleBean(JsonRpcHttpStatusPolicy.class);
			MockMvcTester mvc = MockMvcTester.from(context);
			assertThat(mvc.post().uri("/jsonrpc").contentType(MediaType.APPLICATION_JSON).content(SUBTRACT))
				.hasStatusOk()
				.hasContentType(MediaType.APPLICATION_JSON)
				.bodyText()
				.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":19,\"id\":1}");
			assertThat(mvc.get().uri("/jsonrpc")).hasStatus(HttpStatus.METHOD_NOT_ALLOWED).hasHeader("Allow", "POST");
		});
	}

	@Test
	void callCompletingLaterIsAnsweredAsynchronously() {
		this.contextRunner.withUserConfiguration(LaterConfiguration.class).run((context) -> {
			MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
			MvcResult started = mvc
				.perform(post("/jsonrpc").contentType(MediaType.APPLICATION_JSON)
					.content("{\"jsonrpc\":\"2.0\",\"method\":\"later\",\"id\":2}"))
				.andReturn();
			assertThat(started.getRequest().isAsyncStarted()).isTrue();
			assertThat(started.getResponse().getContentAsString()).isEmpty();
			context.getBean(LaterService.class).result.complete(7);
			MvcResult answered = mvc.perform(asyncDispatch(started)).andReturn();
			assertThat(answered.getResponse().getStatus()).isEqualTo(200);
			assertThat(answered.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_JSON_VALUE);
			assertThat(answered.getResponse().getContentAsString())
				.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":7,\"id\":2}");
		});
	}

	@Test
	void endpointIsLoggedAtStartup(CapturedOutput output) {
		this.contextRunner.withPropertyValues("jsonrpc.http.path=/api/rpc")
			.run((context) -> assertThat(output).contains("JSON-RPC HTTP endpoint: POST /api/rpc"));
	}

	@Test
	void dispatcherServletIsNotBypassedByDefault() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean("jsonRpcHttpFilter"));
	}

	@Test
	void bypassRegistersTheFilterOnThePathForRequestsWithAsyncSupport(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("jsonrpc.http.bypass-dispatcher-servlet=true", "jsonrpc.http.path=/api/rpc",
					"spring.mvc.async.request-timeout=7s")
			.run((context) -> {
				FilterRegistrationBean<?> registration = context.getBean("jsonRpcHttpFilter",
						FilterRegistrationBean.class);
				assertThat(registration.getFilter()).isInstanceOf(JsonRpcHttpFilter.class);
				assertThat(registration.getFilterName()).isEqualTo("jsonRpcHttpFilter");
				assertThat(((JsonRpcHttpFilter) registration.getFilter()).getPath()).isEqualTo("/api/rpc");
				assertThat(registration.getUrlPatterns()).containsExactly("/api/rpc");
				assertThat(registration.isAsyncSupported()).isTrue();
				assertThat(registration.getOrder()).isEqualTo(JsonRpcWebMvcAutoConfiguration.HTTP_FILTER_ORDER)
					.isGreaterThan(-100);
				assertThat(registration).extracting("dispatcherTypes")
					.isEqualTo(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
				assertThat(registration.getFilter()).extracting("asyncTimeout").isEqualTo(Duration.ofSeconds(7));
				// the mapping still serves whatever the filter passes on
				assertThat(context).hasSingleBean(JsonRpcHttpHandlerMapping.class);
				assertThat(output)
					.contains("JSON-RPC HTTP endpoint: POST /api/rpc served in front of the DispatcherServlet");
			});
	}

	@Test
	void bypassFilterServesThePathUnderTheDispatcherServletPath() {
		this.contextRunner
			.withPropertyValues("jsonrpc.http.bypass-dispatcher-servlet=true", "spring.mvc.servlet.path=/api")
			.run((context) -> {
				FilterRegistrationBean<?> registration = context.getBean("jsonRpcHttpFilter",
						FilterRegistrationBean.class);
				// where Spring MVC serves the endpoint, not the bare path next to it
				assertThat(((JsonRpcHttpFilter) registration.getFilter()).getPath()).isEqualTo("/api/jsonrpc");
				assertThat(registration.getUrlPatterns()).containsExactly("/api/jsonrpc");
			});
	}

	@Test
	void bypassFilterCanBeReplaced() {
		this.contextRunner.withPropertyValues("jsonrpc.http.bypass-dispatcher-servlet=true")
			.withBean("jsonRpcHttpFilter", FilterRegistrationBean.class, FilterRegistrationBean::new)
			.run((context) -> assertThat(context.getBean("jsonRpcHttpFilter", FilterRegistrationBean.class).getFilter())
				.isNull());
	}

	@Test
	void explorerIsOffByDefault() {
		this.contextRunner.run((context) -> assertThat(MockMvcTester.from(context).get().uri("/jsonrpc/explorer"))
			.hasStatus(HttpStatus.NOT_FOUND));
	}

	@Test
	void explorerServesItsPageScriptAndConfigurationUnderThePath() {
		this.contextRunner.withPropertyValues("jsonrpc.explorer.enabled=true", "jsonrpc.http.path=/api/rpc")
			.run((context) -> {
				MockMvcTester mvc = MockMvcTester.from(context);
				assertThat(mvc.get().uri("/api/rpc/explorer")).hasStatusOk()
					.hasContentTypeCompatibleWith(MediaType.TEXT_HTML)
					.bodyText()
					.contains("explorer/explorer.js");
				assertThat(mvc.get().uri("/api/rpc/explorer/explorer.js")).hasStatusOk()
					.bodyText()
					.contains("rpc.discover");
				assertThat(mvc.get().uri("/api/rpc/explorer/explorer.css")).hasStatusOk()
					.hasContentTypeCompatibleWith("text/css");
				assertThat(mvc.get().uri("/api/rpc/explorer/config.json")).hasStatusOk()
					.bodyJson()
					.extractingPath("http")
					.isEqualTo("/api/rpc");
				assertThat(mvc.get().uri("/api/rpc/explorer/index.html")).hasStatus(HttpStatus.NOT_FOUND);
			});
	}

	@Test
	void explorerConfigurationNamesTheWebSocketEndpoint() {
		this.contextRunner.withPropertyValues("jsonrpc.explorer.enabled=true")
			.run((context) -> assertThat(MockMvcTester.from(context).get().uri("/jsonrpc/explorer/config.json"))
				.bodyJson()
				.extractingPath("websocket")
				.isEqualTo("/jsonrpc"));
		this.contextRunner.withPropertyValues("jsonrpc.explorer.enabled=true", "jsonrpc.websocket.path=/ws")
			.run((context) -> assertThat(MockMvcTester.from(context).get().uri("/jsonrpc/explorer/config.json"))
				.bodyJson()
				.extractingPath("websocket")
				.isEqualTo("/ws"));
		this.contextRunner.withPropertyValues("jsonrpc.explorer.enabled=true", "jsonrpc.websocket.enabled=false")
			.run((context) -> assertThat(MockMvcTester.from(context).get().uri("/jsonrpc/explorer/config.json"))
				.bodyJson()
				.extractingPath("websocket")
				.isNull());
	}

	@Test
	void explorerIsServedUnderItsPathOnly(CapturedOutput output) {
		this.contextRunner.withPropertyValues("jsonrpc.explorer.enabled=true").run((context) -> {
			MockMvcTester mvc = MockMvcTester.from(context);
			assertThat(mvc.get().uri("/jsonrpc/explorer/")).hasStatus(HttpStatus.PERMANENT_REDIRECT)
				.hasHeader("Location", "/jsonrpc/explorer");
			assertThat(mvc.get().uri("/jsonrpc/explorerx")).hasStatus(HttpStatus.NOT_FOUND);
			assertThat(mvc.get().uri("/jsonrpc/explorer")).hasStatusOk().hasHeader("Cache-Control", "no-cache");
			assertThat(context.getBean("jsonRpcExplorerHandlerMapping", AbstractHandlerMapping.class).getOrder())
				.isEqualTo(JsonRpcHttpHandlerMapping.DEFAULT_ORDER);
			assertThat(output).contains("JSON-RPC explorer: GET /jsonrpc/explorer");
		});
	}

	@Test
	void explorerIsWrittenWithSpringMvcsConvertersWhenThereAreSome() {
		// the application's JSON mapper indents, the fallback converter does not
		this.contextRunner
			.withPropertyValues("jsonrpc.explorer.enabled=true", "spring.jackson.serialization.indent-output=true")
			.run((context) -> assertThat(MockMvcTester.from(context).get().uri("/jsonrpc/explorer/config.json"))
				.hasStatusOk()
				.bodyText()
				.contains("\n"));
		new WebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(JsonRpcAutoConfiguration.class, JsonRpcWebMvcAutoConfiguration.class))
			.withPropertyValues("jsonrpc.explorer.enabled=true")
			.run((context) -> {
				MockMvcTester mvc = MockMvcTester.from(context);
				assertThat(mvc.get().uri("/jsonrpc/explorer/config.json")).hasStatusOk()
					.bodyText()
					.isEqualTo("{\"http\":\"/jsonrpc\",\"websocket\":\"/jsonrpc\"}");
				assertThat(mvc.get().uri("/jsonrpc/openrpc.json")).hasStatusOk()
					.bodyJson()
					.extractingPath("openrpc")
					.isEqualTo("1.3.2");
			});
	}

	@Test
	void openRpcDocumentIsServedAtOpenRpcJson() {
		this.contextRunner
			.run((context) -> assertThat(MockMvcTester.from(context).get().uri("/jsonrpc/openrpc.json")).hasStatusOk()
				.bodyJson()
				.extractingPath("openrpc")
				.isEqualTo("1.3.2"));
		this.contextRunner.withPropertyValues("jsonrpc.discovery.enabled=false")
			.run((context) -> assertThat(MockMvcTester.from(context).get().uri("/jsonrpc/openrpc.json"))
				.hasStatus(HttpStatus.NOT_FOUND));
		this.contextRunner.run((context) -> assertThat(
				context.getBean("jsonRpcOpenRpcHandlerMapping", AbstractHandlerMapping.class).getOrder())
			.isEqualTo(JsonRpcHttpHandlerMapping.DEFAULT_ORDER));
	}

	@Test
	void pathIsConfigurable() {
		this.contextRunner.withPropertyValues("jsonrpc.http.path=/api/rpc").run((context) -> {
			MockMvcTester mvc = MockMvcTester.from(context);
			assertThat(mvc.post().uri("/api/rpc").contentType(MediaType.APPLICATION_JSON).content(SUBTRACT))
				.hasStatusOk();
			assertThat(mvc.post().uri("/jsonrpc").contentType(MediaType.APPLICATION_JSON).content(SUBTRACT))
				.hasStatus(HttpStatus.NOT_FOUND);
		});
	}

	@Test
	void maxRequestSizeIsApplied() {
		this.contextRunner.withPropertyValues("jsonrpc.http.max-request-size=32B").run((context) -> {
			MockMvcTester mvc = MockMvcTester.from(context);
			assertThat(mvc.post().uri("/jsonrpc").contentType(MediaType.APPLICATION_JSON).content(SUBTRACT))
				.hasStatus(HttpStatus.CONTENT_TOO_LARGE);
		});
	}

	@Test
	void byErrorCodeStatusPolicyCanBeSelected() {
		this.contextRunner.withPropertyValues("jsonrpc.http.status-policy=by-error-code").run((context) -> {
			MockMvcTester mvc = MockMvcTester.from(context);
			assertThat(mvc.post()
				.uri("/jsonrpc")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"jsonrpc\":\"2.0\",\"method\":\"missing\",\"id\":1}")).hasStatus(HttpStatus.NOT_FOUND)
				.bodyText()
				.contains("-32601");
		});
	}

	@Test
	void applicationStatusPolicyIsUsed() {
		this.contextRunner.withBean(JsonRpcHttpStatusPolicy.class, () -> (reply) -> HttpStatus.ACCEPTED)
			.run((context) -> assertThat(MockMvcTester.from(context)
				.post()
				.uri("/jsonrpc")
				.contentType(MediaType.APPLICATION_JSON)
				.content(SUBTRACT)).hasStatus(HttpStatus.ACCEPTED));
	}

	@Test
	void requestsToOtherPathsAreNotTouched() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(JsonRpcHttpHandlerMapping.class);
			MockMvcTester mvc = MockMvcTester.from(context);
			// a wildcard Content-Type once gave 500 on every path: the functional request
			// could not be built
			assertThat(mvc.get().uri("/elsewhere").header("Content-Type", "*/*")).hasStatus(HttpStatus.NOT_FOUND);
			assertThat(mvc.post().uri("/jsonrpc").header("Content-Type", "*/*").content(SUBTRACT))
				.hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
				.hasHeader("Accept-Post", "application/json");
			assertThat(mvc.post().uri("/jsonrpc").header("Content-Type", "application/*").content(SUBTRACT))
				.hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
			assertThat(mvc.put().uri("/jsonrpc").contentType(MediaType.APPLICATION_JSON).content(SUBTRACT))
				.hasStatus(HttpStatus.METHOD_NOT_ALLOWED)
				.hasHeader("Allow", "POST");
		});
	}

	@Test
	void applicationCorsMappingsApply() {
		this.contextRunner.withBean(WebMvcConfigurer.class, () -> new WebMvcConfigurer() {
			@Override
			public void addCorsMappings(CorsRegistry registry) {
				registry.addMapping("/jsonrpc").allowedOrigins("https://app.example").allowedMethods("POST");
			}
		}).run((context) -> {
			MockMvcTester mvc = MockMvcTester.from(context);
			assertThat(mvc.options()
				.uri("/jsonrpc")
				.header("Origin", "https://app.example")
				.header("Access-Control-Request-Method", "POST")).hasStatusOk()
				.hasHeader("Access-Control-Allow-Origin", "https://app.example");
			assertThat(mvc.options()
				.uri("/jsonrpc")
				.header("Origin", "https://evil.example")
				.header("Access-Control-Request-Method", "POST")).hasStatus(HttpStatus.FORBIDDEN);
		});
	}

	@Test
	void canBeDisabled() {
		this.contextRunner.withPropertyValues("jsonrpc.http.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(JsonRpcHttpHandler.class)
				.doesNotHaveBean(JsonRpcHttpHandlerMapping.class));
	}

	@Test
	void notConfiguredOutsideAServletApplication() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, JsonRpcAutoConfiguration.class,
					JsonRpcWebMvcAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(JsonRpcHttpHandler.class)
				.doesNotHaveBean(WebApplicationContext.class));
	}

	@JsonRpcService
	static class SubtractService {

		public int subtract(int minuend, int subtrahend) {
			return minuend - subtrahend;
		}

	}

	@JsonRpcService
	static class LaterService {

		final CompletableFuture<Integer> result = new CompletableFuture<>();

		public CompletableFuture<Integer> later() {
			return this.result;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class LaterConfiguration {

		@Bean
		LaterService laterService() {
			return new LaterService();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SubtractConfiguration {

		@Bean
		SubtractService subtractService() {
			return new SubtractService();
		}

	}

}
