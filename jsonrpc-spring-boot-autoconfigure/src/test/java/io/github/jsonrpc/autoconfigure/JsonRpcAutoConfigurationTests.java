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

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.server.JsonRpcDispatcher;
import io.github.jsonrpc.server.JsonRpcExceptionHandler;
import io.github.jsonrpc.server.JsonRpcExceptionResolver;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.JsonRpcInterceptor;
import io.github.jsonrpc.server.logging.MdcJsonRpcInterceptor;
import io.github.jsonrpc.server.method.InvocableJsonRpcMethodFactory;
import io.github.jsonrpc.server.method.JsonRpcHandlerMethod;
import io.github.jsonrpc.server.method.JsonRpcMethodAccessChecker;
import io.github.jsonrpc.server.method.JsonRpcMethodRegistry;
import io.github.jsonrpc.server.method.JsonRpcMethodRegistryCustomizer;
import io.github.jsonrpc.server.method.JsonRpcMethodValidator;
import io.github.jsonrpc.server.method.annotation.JsonRpcMethod;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;
import io.github.jsonrpc.server.method.JsonRpcParamsCoercion;
import io.github.jsonrpc.server.support.JsonRpcMethodRegistrar;
import io.github.jsonrpc.server.support.JsonRpcServer;
import io.github.jsonrpc.server.support.LoggingJsonRpcInterceptor;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.MDC;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link JsonRpcAutoConfiguration}.
 *
 * @author JSON-RPC for Spring Boot team
 */
@ExtendWith(OutputCaptureExtension.class)
class JsonRpcAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, ValidationAutoConfiguration.class,
				JsonRpcAutoConfiguration.class))
		.withUserConfiguration(CalculatorConfiguration.class);

	@Test
	void createsTheServerBeans() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(JsonRpcMessageCodec.class)
				.hasSingleBean(JsonRpcMethodRegistry.class)
				.hasSingleBean(JsonRpcDispatcher.class)
				.hasSingleBean(JsonRpcExceptionHandler.class)
				.hasSingleBean(JsonRpcHandler.class)
				.hasSingleBean(JsonRpcMethodValidator.class)
				.hasSingleBean(JsonRpcMethodRegistrar.class)
				.doesNotHaveBean(LoggingJsonRpcInterceptor.class);
			assertThat(call(context, "{\"jsonrpc\":\"2.0\",\"method\":\"calc.add\",\"params\":[1,2],\"id\":1}"))
				.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":3,\"id\":1}");
		});
	}

	@Test
	void propertiesDefaultToTheStandaloneServersDefaults() {
		JsonRpcProperties properties = new JsonRpcProperties();
		JsonRpcServer.Builder fromProperties = JsonRpcAutoConfiguration.server(properties);
		JsonRpcServer.Builder standalone = JsonRpcServer.builder();
		assertThat(fromProperties.buildCodec().limits()).isEqualTo(standalone.buildCodec().limits());
		assertThat(properties.getBatch().getMaxSize()).isEqualTo(JsonRpcServer.DEFAULT_MAX_BATCH_SIZE);
		assertThat(properties.getDiscovery().getVersion()).isEqualTo(JsonRpcServer.DEFAULT_DISCOVERY_VERSION);
		assertThat(properties.getLimits().getMaxCollectedItems())
			.isEqualTo(InvocableJsonRpcMethodFactory.DEFAULT_MAX_COLLECTED_ITEMS);
		JsonRpcMessageCodec codec = standalone.buildCodec();
		InvocableJsonRpcMethodFactory bootFactory = fromProperties.buildMethodFactory(codec,
				fromProperties.buildArgumentResolvers());
		InvocableJsonRpcMethodFactory standaloneFactory = standalone.buildMethodFactory(codec,
				standalone.buildArgumentResolvers());
		assertThat(bootFactory.coercion()).isEqualTo(standaloneFactory.coercion())
			.isEqualTo(JsonRpcParamsCoercion.STRICT);
		assertThat(bootFactory.namingStyle()).isEqualTo(standaloneFactory.namingStyle());
	}

	@Test
	void paramsAreStrictByDefaultWhateverTheApplicationsMapperAllows() {
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(JsonMapper.class).readValue("\"5\"", int.class)).isEqualTo(5);
			assertThat(call(context, "{\"jsonrpc\":\"2.0\",\"method\":\"calc.add\",\"params\":[1,\"2\"],\"id\":1}"))
				.isEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,"
						+ "\"message\":\"Invalid params: parameter 'b' must be an integer\"},\"id\":1}");
		});
	}

	@Test
	void lenientCoercionFollowsTheApplicationsMapper() {
		this.contextRunner.withPropertyValues("jsonrpc.params.coercion=lenient").run((context) -> {
			assertThat(call(context, "{\"jsonrpc\":\"2.0\",\"method\":\"calc.add\",\"params\":[1,\"2\"],\"id\":1}"))
				.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":3,\"id\":1}");
		});
	}

	@Test
	void version1IsOptIn() {
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(JsonRpcMessageCodec.class).isVersion1()).isFalse();
			assertThat(context.getBean(JsonRpcHandler.class)
				.handleText("{\"method\":\"m\",\"params\":[],\"id\":1}")
				.join())
				.contains("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\"},\"id\":1}");
		});
		this.contextRunner.withPropertyValues("jsonrpc.protocol.v1.enabled=true").run((context) -> {
			assertThat(context.getBean(JsonRpcMessageCodec.class).isVersion1()).isTrue();
			assertThat(context.getBean(JsonRpcHandler.class)
				.handleText("{\"method\":\"m\",\"params\":[],\"id\":1}")
				.join())
				.contains("{\"result\":null,\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":1}");
		});
	}

	@Test
	void argsKwargsBindingIsOptIn() {
		String call = "{\"jsonrpc\":\"2.0\",\"method\":\"calc.add\",\"params\":{\"args\":[1],\"kwargs\":{\"b\":2}},\"id\":1}";
		this.contextRunner.run((context) -> assertThat(call(context, call)).contains("unknown parameter 'args'"));
		this.contextRunner.withPropertyValues("jsonrpc.params.args-kwargs=true")
			.run((context) -> assertThat(call(context, call)).isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":3,\"id\":1}"));
	}

	@Test
	void methodRegistrarAddsAndRemovesMethodsAtRuntime() {
		this.contextRunner.run((context) -> {
			JsonRpcMethodRegistrar registrar = context.getBean(JsonRpcMethodRegistrar.class);
			registrar.method("calc.mul", Pair.class, (pair) -> pair.firstValue() * pair.secondValue());
			assertThat(call(context,
					"{\"jsonrpc\":\"2.0\",\"method\":\"calc.mul\",\"params\":{\"firstValue\":6,\"secondValue\":7},\"id\":1}"))
				.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":42,\"id\":1}");
			assertThat(call(context, "{\"jsonrpc\":\"2.0\",\"method\":\"rpc.discover\",\"id\":1}"))
				.contains("\"name\":\"calc.mul\"");
			assertThatIllegalStateException().isThrownBy(() -> registrar.method("calc.add", () -> 0))
				.withMessageContaining("Duplicate JSON-RPC method name 'calc.add'");
			assertThatIllegalStateException().isThrownBy(() -> registrar.method("rpc.mine", () -> 0))
				.withMessageContaining("reserves");
			assertThat(registrar.unregister("calc.mul")).isTrue();
			assertThat(call(context, "{\"jsonrpc\":\"2.0\",\"method\":\"calc.mul\",\"id\":1}"))
				.contains("\"code\":-32601");
			assertThat(call(context, "{\"jsonrpc\":\"2.0\",\"method\":\"rpc.discover\",\"id\":1}"))
				.doesNotContain("calc.mul");
		});
	}

	@Test
	void applicationMethodTakesThePlaceOfABuiltIn(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(BuiltInOverrideConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(call(context, "{\"jsonrpc\":\"2.0\",\"method\":\"subscribe\",\"id\":1}"))
				.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"mine\",\"id\":1}");
			assertThat(output).contains("JSON-RPC method 'subscribe' is served by the application's "
					+ "OwnSubscribe#subscribe() instead of the built-in");
		});
	}

	@Test
	void usesTheApplicationsJsonMapper() {
		this.contextRunner.withPropertyValues("spring.jackson.property-naming-strategy=SNAKE_CASE").run((context) -> {
			assertThat(context.getBean(JsonRpcMessageCodec.class).mapper()).isSameAs(context.getBean(JsonMapper.class));
			assertThat(call(context, "{\"jsonrpc\":\"2.0\",\"method\":\"calc.pair\",\"id\":1}"))
				.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":{\"first_value\":1,\"second_value\":2},\"id\":1}");
		});
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwnHandler() {
		this.contextRunner.withUserConfiguration(CustomHandlerConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(JsonRpcHandler.class);
			assertThat(context.getBean(JsonRpcHandler.class)).isSameAs(context.getBean("customHandler"));
		});
	}

	@Test
	void batchMaxSizeIsApplied() {
		this.contextRunner.withPropertyValues("jsonrpc.batch.max-size=2").run((context) -> {
			String call = "{\"jsonrpc\":\"2.0\",\"method\":\"calc.add\",\"params\":[1,2],\"id\":1}";
			assertThat(call(context, "[" + call + "," + call + "]")).startsWith("[");
			assertThat(call(context, "[" + call + "," + call + "," + call + "]")).contains("\"code\":-32600",
					"Batch too large");
		});
	}

	@Test
	void batchParallelismRunsEntriesOnTheTaskExecutor() {
		this.contextRunner.withPropertyValues("jsonrpc.batch.parallelism=4").run((context) -> {
			String batch = "[{\"jsonrpc\":\"2.0\",\"method\":\"calc.thread\",\"id\":1},"
					+ "{\"jsonrpc\":\"2.0\",\"method\":\"calc.add\",\"params\":[1,2],\"id\":2}]";
			String reply = call(context, batch);
			assertThat(reply).startsWith("[{\"jsonrpc\":\"2.0\",\"result\":\"jsonrpc-").endsWith(",\"id\":2}]");
		});
	}

	@Test
	void offloadBlockingRunsMethodsOffTheCallingThread() {
		this.contextRunner.withPropertyValues("jsonrpc.execution.offload-blocking=true").run((context) -> {
			assertThat(call(context, "{\"jsonrpc\":\"2.0\",\"method\":\"calc.thread\",\"id\":1}"))
				.doesNotContain(Thread.currentThread().getName())
				.contains("\"result\":\"jsonrpc-");
		});
	}

	@Test
	void blockingMethodsAndBatchEntriesRunOnTheCallingThreadByDefault() {
		this.contextRunner.run((context) -> {
			String caller = Thread.currentThread().getName();
			assertThat(call(context, "{\"jsonrpc\":\"2.0\",\"method\":\"calc.thread\",\"id\":1}"))
				.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"" + caller + "\",\"id\":1}");
			// a parallelism of 1 (the default) runs the entries one after the other, here
			assertThat(call(context, "[{\"jsonrpc\":\"2.0\",\"method\":\"calc.thread\",\"id\":1}]"))
				.isEqualTo("[{\"jsonrpc\":\"2.0\",\"result\":\"" + caller + "\",\"id\":1}]");
		});
	}

	@Test
	void blockingMethodWithATimeoutRunsOnTheTaskExecutorSoThatItCanBeInterrupted() {
		this.contextRunner.withPropertyValues("jsonrpc.methods.[calc.thread].timeout=2s").run((context) -> {
			assertThat(call(context, "{\"jsonrpc\":\"2.0\",\"method\":\"calc.thread\",\"id\":1}"))
				.contains("\"result\":\"jsonrpc-");
		});
	}

	@Test
	void configuredMethodLimitsApply() {
		this.contextRunner.withPropertyValues("jsonrpc.methods.[calc.*].max-concurrency=3").run((context) -> {
			JsonRpcMethodRegistry registry = context.getBean(JsonRpcMethodRegistry.class);
			assertThat(registry.lookup("calc.add").limits().maxConcurrency()).isEqualTo(3);
		});
	}

	@Test
	void offloadedMethodsLogWithTheCallInTheMdc() {
		String request = "{\"jsonrpc\":\"2.0\",\"method\":\"calc.mdc\",\"id\":1}";
		this.contextRunner.withPropertyValues("jsonrpc.execution.offload-blocking=true")
			.run((context) -> assertThat(call(context, request))
				.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"calc.mdc\",\"id\":1}"));
		this.contextRunner
			.withPropertyValues("jsonrpc.execution.offload-blocking=true", "jsonrpc.logging.mdc.enabled=false")
			.run((context) -> assertThat(call(context, request))
				.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":null,\"id\":1}"));
	}

	@Test
	void offloadedMethodsRunWithTheCallersSecurityContext() {
		this.contextRunner.withPropertyValues("jsonrpc.execution.offload-blocking=true").run((context) -> {
			SecurityContextHolder.getContext()
				.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("alice", null, List.of()));
			try {
				assertThat(call(context, "{\"jsonrpc\":\"2.0\",\"method\":\"calc.caller\",\"id\":1}"))
					.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"alice\",\"id\":1}");
			}
			finally {
				SecurityContextHolder.clearContext();
			}
			assertThat(call(context, "{\"jsonrpc\":\"2.0\",\"method\":\"calc.caller\",\"id\":2}"))
				.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"anonymous\",\"id\":2}");
		});
	}

	@Test
	void includeDetailsAddsExceptionDataOnlyWhenEnabled() {
		String request = "{\"jsonrpc\":\"2.0\",\"method\":\"calc.fail\",\"id\":1}";
		this.contextRunner.run((context) -> assertThat(call(context, request))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32603,\"message\":\"Internal error\"},\"id\":1}"));
		this.contextRunner.withPropertyValues("jsonrpc.errors.include-details=true")
			.run((context) -> assertThat(call(context, request)).contains("\"data\"", "IllegalStateException", "boom"));
	}

	@Test
	void namingStyleAppliesToMethodAndParamNames() {
		this.contextRunner.withPropertyValues("jsonrpc.naming.style=snake-case").run((context) -> {
			assertThat(call(context,
					"{\"jsonrpc\":\"2.0\",\"method\":\"calc.add_all\",\"params\":{\"first_value\":1,\"second_value\":2},\"id\":1}"))
				.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":3,\"id\":1}");
		});
	}

	@Test
	void limitsAreApplied() {
		this.contextRunner
			.withPropertyValues("jsonrpc.limits.max-nesting-depth=3", "jsonrpc.limits.max-method-name-length=5")
			.run((context) -> {
				assertThat(call(context, "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[[[[1]]]],\"id\":1}"))
					.contains("\"code\":-32700");
				assertThat(call(context, "{\"jsonrpc\":\"2.0\",\"method\":\"calc.add\",\"params\":[1,2],\"id\":1}"))
					.contains("\"code\":-32600");
			});
	}

	@Test
	void loggingInterceptorIsRegisteredWhenEnabled() {
		this.contextRunner.withPropertyValues("jsonrpc.logging.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(LoggingJsonRpcInterceptor.class));
	}

	@Test
	void invalidPropertyValuesFailStartup() {
		this.contextRunner.withPropertyValues("jsonrpc.batch.max-size=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("jsonrpc.batch.max-size must be positive"));
	}

	@Test
	void applicationInterceptorsResolversAndCustomizersAreUsedInOrder() {
		this.contextRunner.withUserConfiguration(ExtensionsConfiguration.class).run((context) -> {
			List<String> trace = context.getBean("trace", List.class);
			assertThat(call(context, "{\"jsonrpc\":\"2.0\",\"method\":\"calc.add\",\"params\":[1,2],\"id\":1}"))
				.contains("\"result\":3");
			assertThat(trace).containsExactly("first", "second");
			assertThat(call(context, "{\"jsonrpc\":\"2.0\",\"method\":\"calc.unsupported\",\"id\":2}"))
				.isEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32042,\"message\":\"Not supported\"},\"id\":2}");
			assertThat(call(context, "{\"jsonrpc\":\"2.0\",\"method\":\"ping\",\"id\":3}"))
				.contains("\"result\":\"pong\"");
		});
	}

	@Test
	void rpcDiscoverDescribesTheMethodsTheCallerMayCall() {
		this.contextRunner.withPropertyValues("spring.application.name=calculator").run((context) -> {
			String document = call(context, "{\"jsonrpc\":\"2.0\",\"method\":\"rpc.discover\",\"id\":1}");
			assertThat(document).startsWith(
					"{\"jsonrpc\":\"2.0\",\"result\":{\"openrpc\":\"1.3.2\",\"info\":{\"title\":\"calculator\",\"version\":\"1.0.0\"}")
				.contains(
						"{\"name\":\"calc.add\",\"params\":[{\"name\":\"a\",\"required\":true,\"schema\":{\"type\":\"integer\"}},"
								+ "{\"name\":\"b\",\"required\":true,\"schema\":{\"type\":\"integer\"}}],"
								+ "\"paramStructure\":\"either\",\"result\":{\"name\":\"result\",\"schema\":{\"type\":\"integer\"}}}")
				.contains("{\"name\":\"calc.fail\",\"params\":[],\"paramStructure\":\"either\","
						+ "\"result\":{\"name\":\"result\",\"schema\":{\"type\":\"null\"}}}")
				// the discovery method lists itself, its result is an OpenRPC document
				.contains("{\"name\":\"rpc.discover\",\"description\":")
				.contains(
						"\"schema\":{\"$ref\":\"https://raw.githubusercontent.com/open-rpc/meta-schema/master/schema.json\"}");
		});
		this.contextRunner
			.withBean(JsonRpcMethodAccessChecker.class, () -> (method, exchange) -> !method.name().equals("calc.fail"))
			.run((context) -> assertThat(call(context, "{\"jsonrpc\":\"2.0\",\"method\":\"rpc.discover\",\"id\":1}"))
				.contains("calc.add")
				.doesNotContain("calc.fail"));
	}

	@Test
	void rpcDiscoverIsTitledFromThePropertiesBeforeTheApplicationName() {
		String request = "{\"jsonrpc\":\"2.0\",\"method\":\"rpc.discover\",\"id\":1}";
		this.contextRunner
			.withPropertyValues("spring.application.name=calculator", "jsonrpc.discovery.title=Calculator API",
					"jsonrpc.discovery.version=2.0.0")
			.run((context) -> assertThat(call(context, request))
				.contains("\"info\":{\"title\":\"Calculator API\",\"version\":\"2.0.0\"}"));
		this.contextRunner.run((context) -> assertThat(call(context, request))
			.contains("\"info\":{\"title\":\"" + JsonRpcServer.DEFAULT_DISCOVERY_TITLE + "\",\"version\":\"1.0.0\"}"));
	}

	@Test
	void rpcDiscoverCanBeDisabled() {
		this.contextRunner.withPropertyValues("jsonrpc.discovery.enabled=false")
			.run((context) -> assertThat(call(context, "{\"jsonrpc\":\"2.0\",\"method\":\"rpc.discover\",\"id\":1}"))
				.contains("\"code\":-32601"));
	}

	@Test
	void beanValidationIsUsedWhenAValidatorIsPresent() {
		this.contextRunner.run((context) -> assertThat(
				call(context, "{\"jsonrpc\":\"2.0\",\"method\":\"calc.sqrt\",\"params\":[-4],\"id\":1}"))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params\","
					+ "\"data\":[{\"field\":\"value\",\"message\":\"must be greater than 0\"}]},\"id\":1}"));
	}

	@Test
	void noValidationWithoutBeanValidation() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Validator.class)).run((context) -> {
			assertThat(context).doesNotHaveBean(JsonRpcMethodValidator.class);
			assertThat(call(context, "{\"jsonrpc\":\"2.0\",\"method\":\"calc.add\",\"params\":[1,2],\"id\":1}"))
				.contains("\"result\":3");
		});
	}

	@Test
	void duplicateMethodNamesFailStartupNamingBothMethods() {
		this.contextRunner.withUserConfiguration(DuplicateConfiguration.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("Duplicate JSON-RPC method name 'calc.add'")
				.hasMessageContaining("Calculator#add(int, int)")
				.hasMessageContaining("OtherCalculator#plus(int, int)"));
	}

	@Test
	void reservedNamesFailStartup() {
		this.contextRunner.withUserConfiguration(ReservedConfiguration.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("'rpc.'")
				.hasMessageContaining("ReservedService#discover()"));
	}

	@Test
	void unresolvableParametersFailStartup() {
		this.contextRunner.withUserConfiguration(UnresolvableConfiguration.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("Cannot resolve parameter")
				.hasMessageContaining("UnresolvableService#read(InputStream)"));
	}

	private static String call(AssertableApplicationContext context, String request) {
		Optional<String> reply = context.getBean(JsonRpcHandler.class).handleText(request).join();
		return reply.orElse("");
	}

	@JsonRpcService("calc")
	static class Calculator {

		public int add(int a, int b) {
			return a + b;
		}

		public int addAll(int firstValue, int secondValue) {
			return firstValue + secondValue;
		}

		public Pair pair() {
			return new Pair(1, 2);
		}

		public double sqrt(@Positive double value) {
			return Math.sqrt(value);
		}

		public String thread() {
			return Thread.currentThread().getName();
		}

		public String caller() {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			return (authentication != null) ? authentication.getName() : "anonymous";
		}

		public @Nullable String mdc() {
			return MDC.get(MdcJsonRpcInterceptor.METHOD_KEY);
		}

		public void fail() {
			throw new IllegalStateException("boom");
		}

		public void unsupported() {
			throw new UnsupportedOperationException("internal detail");
		}

	}

	record Pair(int firstValue, int secondValue) {
	}

	@Configuration(proxyBeanMethods = false)
	static class BuiltInOverrideConfiguration {

		@Bean
		OwnSubscribe ownSubscribe() {
			return new OwnSubscribe();
		}

		// as the pub/sub methods are registered
		@Bean
		JsonRpcMethodRegistryCustomizer builtInSubscribe(InvocableJsonRpcMethodFactory factory) {
			return (registry) -> registry
				.registerBuiltIn(factory.create("subscribe", null, (params) -> "built-in", false, ""));
		}

	}

	@JsonRpcService
	static class OwnSubscribe {

		public String subscribe() {
			return "mine";
		}

	}

	@JsonRpcService("calc")
	static class OtherCalculator {

		@JsonRpcMethod("add")
		public int plus(int a, int b) {
			return a + b;
		}

	}

	@JsonRpcService("rpc")
	static class ReservedService {

		public String discover() {
			return "{}";
		}

	}

	@JsonRpcService
	static class UnresolvableService {

		public int read(java.io.InputStream input) {
			return 0;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CalculatorConfiguration {

		@Bean
		Calculator calculator() {
			return new Calculator();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class DuplicateConfiguration {

		@Bean
		OtherCalculator otherCalculator() {
			return new OtherCalculator();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ReservedConfiguration {

		@Bean
		ReservedService reservedService() {
			return new ReservedService();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UnresolvableConfiguration {

		@Bean
		UnresolvableService unresolvableService() {
			return new UnresolvableService();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomHandlerConfiguration {

		@Bean
		JsonRpcHandler customHandler(JsonRpcDispatcher dispatcher, JsonRpcMessageCodec codec) {
			return JsonRpcHandler.builder(dispatcher, codec).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ExtensionsConfiguration {

		@Bean
		List<String> trace() {
			return new ArrayList<>();
		}

		@Bean
		@Order(2)
		JsonRpcInterceptor secondInterceptor(List<String> trace) {
			return (exchange, chain) -> {
				trace.add("second");
				return chain.next(exchange);
			};
		}

		@Bean
		@Order(1)
		JsonRpcInterceptor firstInterceptor(List<String> trace) {
			return (exchange, chain) -> {
				trace.add("first");
				return chain.next(exchange);
			};
		}

		@Bean
		JsonRpcExceptionResolver unsupportedResolver() {
			return JsonRpcExceptionResolver.forType(UnsupportedOperationException.class, -32042, "Not supported");
		}

		@Bean
		JsonRpcMethodRegistryCustomizer pingMethod(InvocableJsonRpcMethodFactory factory) {
			return (registry) -> registry.register(factory.create(new JsonRpcHandlerMethod("ping", new Ping(),
					ReflectionUtils.findMethod(Ping.class, "ping"), "Answers pong")));
		}

	}

	static class Ping {

		public CompletableFuture<String> ping() {
			return CompletableFuture.completedFuture("pong");
		}

	}

}
