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

package io.github.jsonrpc.autoconfigure.stdio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.autoconfigure.JsonRpcAutoConfiguration;
import io.github.jsonrpc.protocol.JsonRpcFraming;
import io.github.jsonrpc.server.JsonRpcSessionRegistry;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;
import io.github.jsonrpc.server.stdio.JsonRpcStdioServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * In-process tests for {@link JsonRpcStdioAutoConfiguration} and
 * {@link JsonRpcStdioEnvironmentPostProcessor}: the auto-configured server reads a pipe
 * instead of the process's standard input, so that the configured framing, limits and
 * end-of-input behaviour run in the test's JVM (the process tests run them in a child
 * JVM, where mutation testing cannot observe them).
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcStdioAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, JsonRpcAutoConfiguration.class,
				JsonRpcStdioAutoConfiguration.class))
		.withUserConfiguration(io.github.jsonrpc.CalculatorService.class);

	@Test
	void isOffByDefault() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(JsonRpcStdioServer.class)
			.doesNotHaveBean(JsonRpcStdioProperties.class));
	}

	@Test
	void answersWithTheConfiguredFramingAndClosesTheContextWhenTheInputEnds() throws IOException {
		Pipe pipe = new Pipe();
		this.contextRunner.withUserConfiguration(PipeConfiguration.class)
			.withBean(Pipe.class, () -> pipe)
			.withPropertyValues("jsonrpc.stdio.enabled=true", "jsonrpc.stdio.framing=content-length")
			.run((context) -> {
				assertThat(context).hasSingleBean(JsonRpcSessionRegistry.class);
				pipe.send(JsonRpcFraming.CONTENT_LENGTH
					.frame(bytes("{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1,2],\"id\":1}")));
				pipe.input.close();
				ConfigurableApplicationContext source = (ConfigurableApplicationContext) context
					.getSourceApplicationContext();
				await().atMost(TestWaits.SHORT).until(() -> !source.isActive());
				assertThat(pipe.output()).startsWith("Content-Length: ").contains("\"result\":3");
			});
	}

	@Test
	void answersAMessageOverTheConfiguredSizeWithAnError() throws IOException {
		Pipe pipe = new Pipe();
		this.contextRunner.withUserConfiguration(PipeConfiguration.class)
			.withBean(Pipe.class, () -> pipe)
			.withPropertyValues("jsonrpc.stdio.enabled=true", "jsonrpc.stdio.max-message-size=64B")
			.run((context) -> {
				pipe.send(bytes("{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1,2],\"id\":1}\n"));
				await().atMost(TestWaits.SHORT).until(() -> pipe.output().contains("\"result\":3"));
				pipe.send(bytes(
						"{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1,2,3,4,5,6,7,8,9,10,11,12],\"id\":2}\n"));
				await().atMost(TestWaits.SHORT).untilAsserted(() -> assertThat(pipe.output()).contains("-32005"));
				assertThat(pipe.output()).startsWith("{");
				pipe.input.close();
			});
	}

	@Test
	void waitsForARunningCallAtMostTheShutdownTimeoutWhenTheInputEnds() throws IOException {
		Pipe pipe = new Pipe();
		this.contextRunner.withUserConfiguration(PipeConfiguration.class)
			.withBean(Pipe.class, () -> pipe)
			.withBean(HangingService.class)
			.withPropertyValues("jsonrpc.stdio.enabled=true", "jsonrpc.stdio.shutdown-timeout=100ms")
			.run((context) -> {
				HangingService service = context.getBean(HangingService.class);
				pipe.send(bytes("{\"jsonrpc\":\"2.0\",\"method\":\"hang\",\"id\":1}\n"));
				await().atMost(TestWaits.SHORT).until(() -> service.called.isDone());
				pipe.input.close();
				// the call never completes: the context closes after 100 ms, not the
				// default 30 s
				ConfigurableApplicationContext source = (ConfigurableApplicationContext) context
					.getSourceApplicationContext();
				await().atMost(TestWaits.SHORT).until(() -> !source.isActive());
			});
	}

	@Test
	void keepsTheContextWhenTheInputEndsIfNotToExit() throws IOException {
		Pipe pipe = new Pipe();
		this.contextRunner.withUserConfiguration(PipeConfiguration.class)
			.withBean(Pipe.class, () -> pipe)
			.withPropertyValues("jsonrpc.stdio.enabled=true", "jsonrpc.stdio.exit-on-end-of-input=false")
			.run((context) -> {
				JsonRpcSessionRegistry sessions = context.getBean(JsonRpcSessionRegistry.class);
				await().atMost(TestWaits.SHORT).until(() -> sessions.size() == 1);
				pipe.input.close();
				await().atMost(TestWaits.SHORT).until(() -> sessions.size() == 0);
				assertThat(((ConfigurableApplicationContext) context.getSourceApplicationContext()).isActive())
					.isTrue();
			});
	}

	@Test
	void bindsTheDocumentedDefaults() {
		this.contextRunner.withUserConfiguration(PipeConfiguration.class)
			.withBean(Pipe.class, Pipe::new)
			.withPropertyValues("jsonrpc.stdio.enabled=true")
			.run((context) -> {
				JsonRpcStdioProperties properties = context.getBean(JsonRpcStdioProperties.class);
				assertThat(properties.isEnabled()).isTrue();
				assertThat(properties.getFraming()).isEqualTo(JsonRpcFraming.NDJSON);
				assertThat(properties.getMaxMessageSize().toBytes()).isEqualTo(1024 * 1024);
				assertThat(properties.getMaxInFlight()).isEqualTo(256);
				assertThat(properties.isExitOnEndOfInput()).isTrue();
				assertThat(properties.getShutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
				assertThat(properties.getSendTimeLimit()).isEqualTo(Duration.ofSeconds(10));
			});
	}

	@Test
	void bindsEveryProperty() {
		this.contextRunner.withUserConfiguration(PipeConfiguration.class)
			.withBean(Pipe.class, Pipe::new)
			.withPropertyValues("jsonrpc.stdio.enabled=true", "jsonrpc.stdio.framing=content-length",
					"jsonrpc.stdio.max-message-size=2KB", "jsonrpc.stdio.max-in-flight=3",
					"jsonrpc.stdio.exit-on-end-of-input=false", "jsonrpc.stdio.shutdown-timeout=4s",
					"jsonrpc.stdio.send-time-limit=5s")
			.run((context) -> {
				JsonRpcStdioProperties properties = context.getBean(JsonRpcStdioProperties.class);
				assertThat(properties.getFraming()).isEqualTo(JsonRpcFraming.CONTENT_LENGTH);
				assertThat(properties.getMaxMessageSize().toBytes()).isEqualTo(2048);
				assertThat(properties.getMaxInFlight()).isEqualTo(3);
				assertThat(properties.isExitOnEndOfInput()).isFalse();
				assertThat(properties.getShutdownTimeout()).isEqualTo(Duration.ofSeconds(4));
				assertThat(properties.getSendTimeLimit()).isEqualTo(Duration.ofSeconds(5));
			});
	}

	@Test
	void environmentPostProcessorAddsDefaultsAndMovesStandardOutputOnlyWhenEnabled() {
		JsonRpcStdioEnvironmentPostProcessor postProcessor = new JsonRpcStdioEnvironmentPostProcessor();
		StandardEnvironment disabled = new StandardEnvironment();
		postProcessor.postProcessEnvironment(disabled, new SpringApplication());
		assertThat(disabled.getPropertySources().contains(JsonRpcStdioEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
			.isFalse();
		PrintStream out = System.out;
		try {
			StandardEnvironment enabled = new StandardEnvironment();
			enabled.getPropertySources()
				.addFirst(new MapPropertySource("application",
						Map.of("jsonrpc.stdio.enabled", "true", "spring.main.banner-mode", "console")));
			postProcessor.postProcessEnvironment(enabled, new SpringApplication());
			// defaults, last: the application's own configuration wins
			assertThat(enabled.getProperty("spring.main.web-application-type")).isEqualTo("none");
			assertThat(enabled.getProperty("spring.main.banner-mode")).isEqualTo("console");
			assertThat(enabled.getPropertySources()
				.get(JsonRpcStdioEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)
				.getProperty("spring.main.banner-mode")).isEqualTo("off");
			assertThat(System.out).isSameAs(System.err);
		}
		finally {
			System.setOut(out);
		}
		assertThat(postProcessor.getOrder())
			.isEqualTo(org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor.ORDER + 1);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@JsonRpcService
	static class HangingService {

		final CompletableFuture<Boolean> called = new CompletableFuture<>();

		public CompletableFuture<String> hang() {
			this.called.complete(true);
			return new CompletableFuture<>();
		}

	}

	/** The test's end of the server's input and output. */
	static final class Pipe {

		final PipedOutputStream input = new PipedOutputStream();

		final PipedInputStream serverInput;

		final ByteArrayOutputStream serverOutput = new ByteArrayOutputStream();

		Pipe() {
			try {
				this.serverInput = new PipedInputStream(this.input, 64 * 1024);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

		void send(byte[] bytes) throws IOException {
			this.input.write(bytes);
			this.input.flush();
		}

		String output() {
			return this.serverOutput.toString(StandardCharsets.UTF_8);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PipeConfiguration {

		@Bean
		static BeanPostProcessor stdioPipe(org.springframework.beans.factory.ObjectProvider<Pipe> pipe) {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessBeforeInitialization(Object bean, String beanName) {
					if (bean instanceof JsonRpcStdioServer server) {
						Pipe streams = pipe.getObject();
						server.setStreams(streams.serverInput, streams.serverOutput);
					}
					return bean;
				}
			};
		}

	}

}
