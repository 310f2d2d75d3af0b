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

import java.util.concurrent.Executor;

import io.github.jsonrpc.protocol.JsonRpcCodecLimits;
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.server.JsonRpcDispatcher;
import io.github.jsonrpc.server.JsonRpcExceptionHandler;
import io.github.jsonrpc.server.JsonRpcExceptionResolver;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.JsonRpcInterceptor;
import io.github.jsonrpc.server.connection.JsonRpcMemoryBudget;
import io.github.jsonrpc.server.discovery.OpenRpcDiscovery;
import io.github.jsonrpc.server.logging.MdcJsonRpcInterceptor;
import io.github.jsonrpc.server.method.InvocableJsonRpcMethodFactory;
import io.github.jsonrpc.server.method.JsonRpcArgumentResolver;
import io.github.jsonrpc.server.method.JsonRpcArgumentResolverComposite;
import io.github.jsonrpc.server.method.JsonRpcMethodAccessChecker;
import io.github.jsonrpc.server.method.JsonRpcMethodRegistry;
import io.github.jsonrpc.server.method.JsonRpcMethodRegistryCustomizer;
import io.github.jsonrpc.server.method.JsonRpcMethodValidator;
import io.github.jsonrpc.server.method.annotation.support.AnnotatedJsonRpcMethodDetector;
import io.github.jsonrpc.server.method.annotation.support.JsonRpcServiceRegistrar;
import io.github.jsonrpc.server.support.DefaultJsonRpcDispatcher;
import io.github.jsonrpc.server.support.JsonRpcMethodRegistrar;
import io.github.jsonrpc.server.support.JsonRpcServer;
import io.github.jsonrpc.server.support.LoggingJsonRpcInterceptor;
import io.github.jsonrpc.server.validation.BeanValidationJsonRpcMethodValidator;
import io.github.jsonrpc.server.validation.ConstraintViolationJsonRpcExceptionResolver;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.context.reactive.ConfigurableReactiveWebEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.annotation.Order;
import org.springframework.util.ClassUtils;
import org.springframework.util.unit.DataSize;
import org.springframework.util.StringUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the transport-independent JSON-RPC server: codec, method
 * registry filled from {@code @JsonRpcService} beans, argument and exception resolvers,
 * interceptors, dispatcher and handler, each made by {@link JsonRpcServer.Builder} from
 * the {@code jsonrpc.*} properties, so that a standalone server has the same defaults.
 * Every bean backs off when the application defines its own.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
		"org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration",
		"org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration" })
@ConditionalOnClass(JsonRpcHandler.class)
@EnableConfigurationProperties(JsonRpcProperties.class)
public final class JsonRpcAutoConfiguration {

	private static final boolean springSecurityPresent = ClassUtils.isPresent(
			"org.springframework.security.concurrent.DelegatingSecurityContextExecutor",
			JsonRpcAutoConfiguration.class.getClassLoader());

	private static final boolean reactorPresent = ClassUtils.isPresent("reactor.core.scheduler.Schedulers",
			JsonRpcAutoConfiguration.class.getClassLoader());

	private static final boolean slf4jPresent = ClassUtils.isPresent("org.slf4j.MDC",
			JsonRpcAutoConfiguration.class.getClassLoader());

	@Bean
	@ConditionalOnMissingBean
	JsonRpcMessageCodec jsonRpcMessageCodec(ObjectProvider<JsonMapper> jsonMapper, JsonRpcProperties properties) {
		JsonRpcServer.Builder server = server(properties);
		jsonMapper.ifAvailable(server::mapper);
		return server.buildCodec();
	}

	@Bean
	@ConditionalOnMissingBean
	JsonRpcMemoryBudget jsonRpcMemoryBudget(JsonRpcProperties properties) {
		// one budget for the connections of every transport
		DataSize max = properties.getLimits().getMaxTotalBufferedSize();
		return (max != null) ? JsonRpcMemoryBudget.of(max.toBytes())
				: JsonRpcMemoryBudget.ofHeapPercent(JsonRpcMemoryBudget.DEFAULT_HEAP_PERCENT);
	}

	@Bean
	@ConditionalOnMissingBean
	JsonRpcMethodRegistry jsonRpcMethodRegistry() {
		return new JsonRpcMethodRegistry();
	}

	@Bean
	@ConditionalOnMissingBean
	AnnotatedJsonRpcMethodDetector jsonRpcMethodDetector(JsonRpcProperties properties) {
		return server(properties).buildDetector();
	}

	@Bean
	@ConditionalOnMissingBean
	JsonRpcArgumentResolverComposite jsonRpcArgumentResolvers(ObjectProvider<JsonRpcArgumentResolver> resolvers,
			JsonRpcProperties properties) {
		// built-in, type-based resolvers first, then the application's in order
		return server(properties).argumentResolvers(resolvers.orderedStream().toList()).buildArgumentResolvers();
	}

	@Bean
	@ConditionalOnMissingBean
	InvocableJsonRpcMethodFactory jsonRpcMethodFactory(JsonRpcMessageCodec codec,
			JsonRpcArgumentResolverComposite resolvers, ObjectProvider<JsonRpcMethodValidator> validator,
			JsonRpcProperties properties, ListableBeanFactory beanFactory, Environment environment) {
		Executor blockingExecutor = properties.getExecution().isOffloadBlocking()
				? taskExecutor(beanFactory, properties) : eventLoopOffload(environment, properties);
		InvocableJsonRpcMethodFactory factory = server(properties).validator(validator.getIfAvailable())
			.blockingExecutor(blockingExecutor)
			.buildMethodFactory(codec, resolvers);
		factory.setConfiguredLimits(new PropertiesJsonRpcMethodLimits(properties.getMethods()));
		if (blockingExecutor == null) {
			// resolved on first use: only blocking methods with a timeout need it
			SingletonSupplier<Executor> timeoutExecutor = SingletonSupplier
				.of(() -> taskExecutor(beanFactory, properties));
			factory.setTimeoutExecutor((task) -> timeoutExecutor.obtain().execute(task));
		}
		return factory;
	}

	@Bean
	@ConditionalOnMissingBean
	JsonRpcServiceRegistrar jsonRpcServiceRegistrar(ListableBeanFactory beanFactory,
			ObjectProvider<AnnotatedJsonRpcMethodDetector> detector,
			ObjectProvider<InvocableJsonRpcMethodFactory> methodFactory, ObjectProvider<JsonRpcMethodRegistry> registry,
			ObjectProvider<JsonRpcMethodRegistryCustomizer> customizers) {
		return new JsonRpcServiceRegistrar(beanFactory, detector.getObject(), methodFactory.getObject(),
				registry.getObject(), customizers.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	JsonRpcMethodRegistrar jsonRpcMethodRegistrar(JsonRpcMethodRegistry registry,
			InvocableJsonRpcMethodFactory methodFactory, AnnotatedJsonRpcMethodDetector detector) {
		return new JsonRpcMethodRegistrar(registry, methodFactory, detector);
	}

	@Bean
	@ConditionalOnMissingBean
	JsonRpcExceptionHandler jsonRpcExceptionHandler(ObjectProvider<JsonRpcExceptionResolver> resolvers,
			JsonRpcProperties properties) {
		// errors declared by the application (JsonRpcException, @JsonRpcErrorCode) first
		return server(properties).exceptionResolvers(resolvers.orderedStream().toList()).buildExceptionHandler();
	}

	@Bean
	@ConditionalOnMissingBean
	JsonRpcDispatcher jsonRpcDispatcher(JsonRpcMethodRegistry registry, JsonRpcExceptionHandler exceptionHandler) {
		return new DefaultJsonRpcDispatcher(registry, exceptionHandler);
	}

	@Bean
	@ConditionalOnMissingBean
	JsonRpcHandler jsonRpcHandler(JsonRpcDispatcher dispatcher, JsonRpcMessageCodec codec,
			ObjectProvider<JsonRpcInterceptor> interceptors, JsonRpcExceptionHandler exceptionHandler,
			JsonRpcProperties properties, ListableBeanFactory beanFactory) {
		JsonRpcServer.Builder server = server(properties).interceptors(interceptors.orderedStream().toList());
		if (properties.getBatch().getParallelism() > 1) {
			server.batchParallelism(properties.getBatch().getParallelism(), taskExecutor(beanFactory, properties));
		}
		return server.buildHandler(dispatcher, codec, exceptionHandler);
	}

	/**
	 * Return a builder of the standalone server set up from the properties: the
	 * auto-configuration creates its beans with it, so both share their defaults.
	 * @param properties the properties
	 * @return the builder
	 */
	static JsonRpcServer.Builder server(JsonRpcProperties properties) {
		JsonRpcProperties.Limits limits = properties.getLimits();
		return JsonRpcServer.builder()
			.limits(new JsonRpcCodecLimits(limits.getMaxNestingDepth(), limits.getMaxNumberLength(),
					limits.getMaxStringLength(), limits.getMaxNameLength(), limits.getMaxMethodNameLength(),
					limits.getMaxReplySize().toBytes()))
			.maxCollectedItems(limits.getMaxCollectedItems())
			.namingStyle(properties.getNaming().getStyle())
			.coercion(properties.getParams().getCoercion())
			.argsKwargs(properties.getParams().isArgsKwargs())
			.includeErrorDetails(properties.getErrors().isIncludeDetails())
			.maxBatchSize(properties.getBatch().getMaxSize())
			.version1(properties.getProtocol().getV1().isEnabled());
	}

	/**
	 * Return where blocking methods run on a reactive web application when
	 * {@code jsonrpc.execution.offload-blocking} is not set: never on the event loop, on
	 * Reactor's bounded elastic scheduler.
	 */
	private static @Nullable Executor eventLoopOffload(Environment environment, JsonRpcProperties properties) {
		if (!reactorPresent || !(environment instanceof ConfigurableReactiveWebEnvironment)) {
			return null;
		}
		return propagating(ReactorSchedulers.boundedElastic(), properties);
	}

	private static Executor taskExecutor(ListableBeanFactory beanFactory, JsonRpcProperties properties) {
		return propagating(JsonRpcTaskExecutors.resolve(beanFactory, "jsonrpc-"), properties);
	}

	private static Executor propagating(Executor target, JsonRpcProperties properties) {
		Executor executor = target;
		// methods moved off the calling thread must still run as the caller, and log
		// with the call in the MDC
		if (slf4jPresent && properties.getLogging().getMdc().isEnabled()) {
			executor = MdcJsonRpcInterceptor.propagating(executor);
		}
		return springSecurityPresent ? SecurityContextPropagation.wrap(executor) : executor;
	}

	private static final class ReactorSchedulers {

		static Executor boundedElastic() {
			reactor.core.scheduler.Scheduler scheduler = reactor.core.scheduler.Schedulers.boundedElastic();
			return (task) -> scheduler.schedule(task);
		}

	}

	private static final class SecurityContextPropagation {

		static Executor wrap(Executor executor) {
			return new org.springframework.security.concurrent.DelegatingSecurityContextExecutor(executor);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "jsonrpc.discovery.enabled", matchIfMissing = true)
	static class DiscoveryConfiguration {

		@Bean
		@ConditionalOnMissingBean
		OpenRpcDiscovery jsonRpcOpenRpcDiscovery(JsonRpcMethodRegistry registry,
				ObjectProvider<JsonRpcMethodAccessChecker> accessChecker, JsonRpcMessageCodec codec,
				JsonRpcProperties properties, Environment environment) {
			JsonRpcProperties.Discovery discovery = properties.getDiscovery();
			String title = StringUtils.hasText(discovery.getTitle()) ? discovery.getTitle()
					: environment.getProperty("spring.application.name", JsonRpcServer.DEFAULT_DISCOVERY_TITLE);
			return server(properties).discovery(title, discovery.getVersion())
				.buildDiscovery(registry, codec,
						() -> accessChecker.getIfAvailable(JsonRpcMethodAccessChecker::allowAll));
		}

		@Bean
		JsonRpcMethodRegistryCustomizer jsonRpcOpenRpcDiscoveryRegistration(OpenRpcDiscovery discovery,
				InvocableJsonRpcMethodFactory methodFactory) {
			return (registry) -> discovery.register(methodFactory);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.slf4j.MDC")
	@ConditionalOnBooleanProperty(name = "jsonrpc.logging.mdc.enabled", matchIfMissing = true)
	static class MdcConfiguration {

		@Bean
		@ConditionalOnMissingBean
		MdcJsonRpcInterceptor jsonRpcMdcInterceptor() {
			return new MdcJsonRpcInterceptor();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty("jsonrpc.logging.enabled")
	static class LoggingConfiguration {

		@Bean
		@ConditionalOnMissingBean
		LoggingJsonRpcInterceptor jsonRpcLoggingInterceptor(JsonRpcMessageCodec codec, JsonRpcProperties properties) {
			return new LoggingJsonRpcInterceptor(codec.mapper(), properties.getLogging().getMaxPayloadLength());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Validator.class)
	static class BeanValidationConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(Validator.class)
		JsonRpcMethodValidator jsonRpcMethodValidator(Validator validator) {
			return new BeanValidationJsonRpcMethodValidator(validator);
		}

		@Bean
		@ConditionalOnMissingBean
		@Order(Ordered.LOWEST_PRECEDENCE)
		ConstraintViolationJsonRpcExceptionResolver jsonRpcConstraintViolationExceptionResolver() {
			return new ConstraintViolationJsonRpcExceptionResolver();
		}

	}

}
