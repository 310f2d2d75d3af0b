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

package io.github.jsonrpc.autoconfigure;

import java.time.Duration;

import io.github.jsonrpc.protocol.JsonRpcCodecLimits;
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.server.method.JsonRpcNamingStyle;
import io.github.jsonrpc.server.method.JsonRpcParamsCoercion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the binding of {@link JsonRpcProperties} through Spring Boot's binder: the
 * defaults the README's {@code application.yml} reference documents, every property
 * reaching its bound value (and the codec it configures), and every validation.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcPropertiesBindingTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, JsonRpcAutoConfiguration.class));

	@Test
	void bindsTheDocumentedDefaults() {
		this.contextRunner.run((context) -> {
			JsonRpcProperties properties = context.getBean(JsonRpcProperties.class);
			JsonRpcProperties.Http http = properties.getHttp();
			assertThat(http.isEnabled()).isTrue();
			assertThat(http.getPath()).isEqualTo("/jsonrpc");
			assertThat(http.getMaxRequestSize()).isEqualTo(DataSize.ofMegabytes(1));
			assertThat(http.getStatusPolicy()).isEqualTo(JsonRpcProperties.Http.StatusPolicy.STANDARD);
			assertThat(http.isBypassDispatcherServlet()).isFalse();
			assertThat(properties.getBatch().getMaxSize()).isEqualTo(100);
			assertThat(properties.getBatch().getParallelism()).isEqualTo(1);
			JsonRpcProperties.Limits limits = properties.getLimits();
			assertThat(limits.getMaxReplySize()).isEqualTo(DataSize.ofMegabytes(4));
			assertThat(limits.getMaxTotalBufferedSize()).isNull();
			// the codec gets the documented limits
			assertThat(context.getBean(JsonRpcMessageCodec.class).limits())
				.isEqualTo(new JsonRpcCodecLimits(64, 100, 1_000_000, 1_000, 256, 4 * 1024 * 1024));
			assertThat(limits.getMaxCollectedItems()).isEqualTo(10_000);
			assertThat(properties.getErrors().isIncludeDetails()).isFalse();
			assertThat(properties.getLogging().isEnabled()).isFalse();
			assertThat(properties.getLogging().getMaxPayloadLength()).isEqualTo(256);
			assertThat(properties.getLogging().getMdc().isEnabled()).isTrue();
			assertThat(properties.getMethods()).isEmpty();
			assertThat(properties.getExplorer().isEnabled()).isFalse();
			assertThat(properties.getNaming().getStyle()).isEqualTo(JsonRpcNamingStyle.AS_DECLARED);
			assertThat(properties.getParams().getCoercion()).isEqualTo(JsonRpcParamsCoercion.STRICT);
			assertThat(properties.getParams().isArgsKwargs()).isFalse();
			assertThat(properties.getProtocol().getV1().isEnabled()).isFalse();
			assertThat(properties.getExecution().isOffloadBlocking()).isFalse();
			assertThat(properties.getObservation().isEnabled()).isTrue();
			assertThat(properties.getDiscovery().isEnabled()).isTrue();
			assertThat(properties.getDiscovery().getTitle()).isNull();
			assertThat(properties.getDiscovery().getVersion()).isEqualTo("1.0.0");
		});
	}

	@Test
	void bindsEveryProperty() {
		this.contextRunner.withPropertyValues("jsonrpc.http.enabled=false", "jsonrpc.http.path=/rpc",
				"jsonrpc.http.max-request-size=2KB", "jsonrpc.http.status-policy=by-error-code",
				"jsonrpc.http.bypass-dispatcher-servlet=true", "jsonrpc.batch.max-size=7",
				"jsonrpc.batch.parallelism=3", "jsonrpc.limits.max-nesting-depth=11",
				"jsonrpc.limits.max-number-length=12", "jsonrpc.limits.max-string-length=13",
				"jsonrpc.limits.max-name-length=14", "jsonrpc.limits.max-method-name-length=15",
				"jsonrpc.limits.max-collected-items=16", "jsonrpc.limits.max-reply-size=17KB",
				"jsonrpc.limits.max-total-buffered-size=18MB", "jsonrpc.errors.include-details=true",
				"jsonrpc.logging.enabled=true", "jsonrpc.logging.max-payload-length=0",
				"jsonrpc.logging.mdc.enabled=false", "jsonrpc.methods.[calc.*].timeout=3s",
				"jsonrpc.methods.[calc.*].max-concurrency=2", "jsonrpc.explorer.enabled=true",
				"jsonrpc.naming.style=snake-case", "jsonrpc.params.coercion=lenient", "jsonrpc.params.args-kwargs=true",
				"jsonrpc.protocol.v1.enabled=true", "jsonrpc.execution.offload-blocking=true",
				"jsonrpc.observation.enabled=false", "jsonrpc.discovery.enabled=false",
				"jsonrpc.discovery.title=Calculator", "jsonrpc.discovery.version=2.0.0")
			.run((context) -> {
				JsonRpcProperties properties = context.getBean(JsonRpcProperties.class);
				JsonRpcProperties.Http http = properties.getHttp();
				assertThat(http.isEnabled()).isFalse();
				assertThat(http.getPath()).isEqualTo("/rpc");
				assertThat(http.getMaxRequestSize()).isEqualTo(DataSize.ofKilobytes(2));
				assertThat(http.getStatusPolicy()).isEqualTo(JsonRpcProperties.Http.StatusPolicy.BY_ERROR_CODE);
				assertThat(http.isBypassDispatcherServlet()).isTrue();
				assertThat(properties.getBatch().getMaxSize()).isEqualTo(7);
				assertThat(properties.getBatch().getParallelism()).isEqualTo(3);
				JsonRpcProperties.Limits limits = properties.getLimits();
				assertThat(context.getBean(JsonRpcMessageCodec.class).limits())
					.isEqualTo(new JsonRpcCodecLimits(11, 12, 13, 14, 15, 17 * 1024));
				assertThat(limits.getMaxCollectedItems()).isEqualTo(16);
				assertThat(limits.getMaxTotalBufferedSize()).isEqualTo(DataSize.ofMegabytes(18));
				assertThat(properties.getErrors().isIncludeDetails()).isTrue();
				assertThat(properties.getLogging().isEnabled()).isTrue();
				assertThat(properties.getLogging().getMaxPayloadLength()).isZero();
				assertThat(properties.getLogging().getMdc().isEnabled()).isFalse();
				JsonRpcProperties.MethodLimits calc = properties.getMethods().get("calc.*");
				assertThat(calc.getTimeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(calc.getMaxConcurrency()).isEqualTo(2);
				assertThat(properties.getExplorer().isEnabled()).isTrue();
				assertThat(properties.getNaming().getStyle()).isEqualTo(JsonRpcNamingStyle.SNAKE_CASE);
				assertThat(properties.getParams().getCoercion()).isEqualTo(JsonRpcParamsCoercion.LENIENT);
				assertThat(properties.getParams().isArgsKwargs()).isTrue();
				assertThat(properties.getProtocol().getV1().isEnabled()).isTrue();
				assertThat(properties.getExecution().isOffloadBlocking()).isTrue();
				assertThat(properties.getObservation().isEnabled()).isFalse();
				assertThat(properties.getDiscovery().isEnabled()).isFalse();
				assertThat(properties.getDiscovery().getTitle()).isEqualTo("Calculator");
				assertThat(properties.getDiscovery().getVersion()).isEqualTo("2.0.0");
			});
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "jsonrpc.http.path=rpc|jsonrpc.http.path must start with '/'",
			"jsonrpc.http.path=|jsonrpc.http.path must start with '/'",
			"jsonrpc.http.max-request-size=0B|jsonrpc.http.max-request-size must be positive",
			"jsonrpc.batch.max-size=0|jsonrpc.batch.max-size must be positive",
			"jsonrpc.batch.parallelism=0|jsonrpc.batch.parallelism must be positive",
			"jsonrpc.limits.max-nesting-depth=0|jsonrpc.limits.max-nesting-depth must be positive",
			"jsonrpc.limits.max-number-length=0|jsonrpc.limits.max-number-length must be positive",
			"jsonrpc.limits.max-string-length=0|jsonrpc.limits.max-string-length must be positive",
			"jsonrpc.limits.max-name-length=0|jsonrpc.limits.max-name-length must be positive",
			"jsonrpc.limits.max-method-name-length=0|jsonrpc.limits.max-method-name-length must be positive",
			"jsonrpc.limits.max-collected-items=0|jsonrpc.limits.max-collected-items must be positive",
			"jsonrpc.limits.max-reply-size=0B|jsonrpc.limits.max-reply-size must be positive",
			"jsonrpc.limits.max-total-buffered-size=0B|jsonrpc.limits.max-total-buffered-size must be positive",
			"jsonrpc.logging.max-payload-length=-1|jsonrpc.logging.max-payload-length must not be negative",
			"jsonrpc.methods.[calc.*].max-concurrency=-1|jsonrpc.methods.*.max-concurrency must not be negative",
			"jsonrpc.methods.[calc.*].timeout=0s|jsonrpc.methods.*.timeout must be positive",
			"jsonrpc.discovery.version=|jsonrpc.discovery.version must not be empty" })
	void refusesAnInvalidValueAtStartup(String property, String message) {
		this.contextRunner.withPropertyValues(property)
			.run((context) -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining(message));
	}

	@ParameterizedTest
	@CsvSource({ "jsonrpc.http.max-request-size=1B", "jsonrpc.batch.max-size=1", "jsonrpc.batch.parallelism=1",
			"jsonrpc.limits.max-nesting-depth=1", "jsonrpc.limits.max-number-length=1",
			"jsonrpc.limits.max-string-length=1", "jsonrpc.limits.max-name-length=1",
			"jsonrpc.limits.max-method-name-length=1", "jsonrpc.limits.max-collected-items=1",
			"jsonrpc.limits.max-reply-size=1B", "jsonrpc.limits.max-total-buffered-size=1B",
			"jsonrpc.logging.max-payload-length=0", "jsonrpc.methods.[calc.*].max-concurrency=0",
			"jsonrpc.methods.[calc.*].timeout=1ms" })
	void acceptsTheSmallestValidValue(String property) {
		this.contextRunner.withPropertyValues(property).run((context) -> assertThat(context).hasNotFailed());
	}

}
