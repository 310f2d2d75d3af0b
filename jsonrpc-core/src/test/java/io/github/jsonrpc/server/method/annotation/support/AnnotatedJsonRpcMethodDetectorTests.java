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
package io.github.jsonrpc.server.method.annotation.support;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.HttpServletRequest;
import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.Test;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.CalculatorService;
import io.github.jsonrpc.JsonRpcSetup;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.method.JsonRpcHandlerMethod;
import io.github.jsonrpc.server.method.JsonRpcNamingStyle;
import io.github.jsonrpc.server.method.annotation.JsonRpcMethod;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.BeanNameAware;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextRefreshedEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link AnnotatedJsonRpcMethodDetector}, with registration as at startup.
 *
 * @author jsonrpc-dev
 */
class AnnotatedJsonRpcMethodDetectorTests {

	private final AnnotatedJsonRpcMethodDetector detector = new AnnotatedJsonRpcMethodDetector(
			JsonRpcNamingStyle.AS_DECLARED);

	@Test
	void detectsSpecExampleMethods() {
		assertThat(names(new CalculatorService())).containsExactly("echo", "get_data", "notify_hello", "notify_sum",
				"subtract", "sum", "update");
	}

	@Test
	void beanWithoutServiceAnnotationHasNoMethods() {
		assertThat(this.detector.isService(new Object())).isFalse();
		assertThat(this.detector.detect(new NotAService())).isEmpty();
	}

	@Test
	void objectWithoutServiceAnnotationOffersItsAnnotatedMethodsOnly() {
		assertThat(names(new ClientHandlerMethods())).containsExactly("confirm");
	}

	@Test
	void servicePrefixIsApplied() {
		assertThat(names(new PrefixedService())).containsExactly("calc.add", "calc.twice");
		assertThat(TestWaits.join(JsonRpcSetup.services(new PrefixedService())
			.toHandler()
			.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"calc.add\",\"params\":[1,2],\"id\":1}")))
			.contains("{\"jsonrpc\":\"2.0\",\"result\":3,\"id\":1}");
	}

	@Test
	void exposeAllFalseExposesOnlyAnnotatedMethods() {
		assertThat(names(new SelectiveService())).containsExactly("exposed", "renamed");
	}

	@Test
	void descriptionIsKept() {
		JsonRpcHandlerMethod method = this.detector.detect(new SelectiveService()).get(0);
		assertThat(method.description()).isEqualTo("An exposed method");
		assertThat(method.toShortString()).isEqualTo("SelectiveService#exposed()");
		assertThat(method).hasToString("'exposed' (SelectiveService#exposed())");
	}

	@Test
	void objectAndSpringCallbackMethodsAreNotExposed() {
		assertThat(names(new CallbackService())).containsExactly("work");
	}

	@Test
	void nonPublicStaticAndInheritedObjectMethodsAreNotExposed() {
		assertThat(names(new ModifiersService())).containsExactly("visible");
	}

	@Test
	void namingStyleAppliesToMethodNamesButNotExplicitNames() {
		AnnotatedJsonRpcMethodDetector snake = new AnnotatedJsonRpcMethodDetector(JsonRpcNamingStyle.SNAKE_CASE);
		assertThat(snake.detect(new CalculatorService())).extracting(JsonRpcHandlerMethod::name)
			.containsExactly("echo", "get_data", "notify_hello", "notify_sum", "subtract", "sum", "update");
		assertThat(snake.detect(new PrefixedService())).extracting(JsonRpcHandlerMethod::name)
			.containsExactly("calc.add", "calc.twice");
	}

	@Test
	void duplicateNamesFailNamingBothMethods() {
		assertThatIllegalStateException()
			.isThrownBy(() -> JsonRpcSetup.services(new CalculatorService(), new OtherSumService()).toHandler())
			.withMessageContaining("Duplicate JSON-RPC method name 'sum'")
			.withMessageContaining("CalculatorService#sum(int[])")
			.withMessageContaining("OtherSumService#sum(int, int)");
	}

	@Test
	void overloadedMethodsFailNamingBoth() {
		assertThatIllegalStateException().isThrownBy(() -> JsonRpcSetup.services(new OverloadedService()).toHandler())
			.withMessageContaining("Duplicate JSON-RPC method name 'add'")
			.withMessageContaining("OverloadedService#add(int)")
			.withMessageContaining("OverloadedService#add(int, int)");
	}

	@Test
	void reservedPrefixFails() {
		assertThatIllegalStateException().isThrownBy(() -> JsonRpcSetup.services(new ReservedService()).toHandler())
			.withMessageContaining("'rpc.discover'")
			.withMessageContaining("ReservedService#discover()")
			.withMessageContaining("'rpc.'");
	}

	@Test
	void servletRequestParameterFailsStartupNamingTheMethod() {
		assertThatIllegalStateException().isThrownBy(() -> JsonRpcSetup.services(new ServletService()).toHandler())
			.withMessageContaining("'remote'")
			.withMessageContaining("ServletService#remote(HttpServletRequest)")
			.withMessageContaining("HttpServletRequest");
	}

	@Test
	void methodsAreCalledThroughCglibProxy() {
		AtomicInteger intercepted = new AtomicInteger();
		ProxyFactory factory = new ProxyFactory(new PrefixedService());
		factory.setProxyTargetClass(true);
		factory.addAdvice(counting(intercepted));
		Object proxy = factory.getProxy();
		assertThat(this.detector.isService(proxy)).isTrue();
		assertThat(names(proxy)).containsExactly("calc.add", "calc.twice");
		JsonRpcHandler handler = JsonRpcSetup.services(proxy).toHandler();
		assertThat(TestWaits
			.join(handler.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"calc.twice\",\"params\":[21],\"id\":1}")))
			.contains("{\"jsonrpc\":\"2.0\",\"result\":42,\"id\":1}");
		assertThat(intercepted).hasValue(1);
	}

	@Test
	void methodsAreCalledThroughJdkProxy() {
		AtomicInteger intercepted = new AtomicInteger();
		ProxyFactory factory = new ProxyFactory(new GreetingServiceImpl());
		factory.addInterface(GreetingService.class);
		factory.addAdvice(counting(intercepted));
		Object proxy = factory.getProxy();
		assertThat(java.lang.reflect.Proxy.isProxyClass(proxy.getClass())).isTrue();
		JsonRpcHandler handler = JsonRpcSetup.services(proxy).toHandler();
		assertThat(TestWaits
			.join(handler.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"greet\",\"params\":[\"Ann\"],\"id\":1}")))
			.contains("{\"jsonrpc\":\"2.0\",\"result\":\"Hello Ann\",\"id\":1}");
		assertThat(intercepted).hasValue(1);
	}

	private static MethodInterceptor counting(AtomicInteger counter) {
		return (invocation) -> {
			counter.incrementAndGet();
			return invocation.proceed();
		};
	}

	private List<String> names(Object bean) {
		return this.detector.detect(bean).stream().map(JsonRpcHandlerMethod::name).toList();
	}

	static class ClientHandlerMethods {

		@JsonRpcMethod("confirm")
		public boolean confirm(String question) {
			return !question.isEmpty();
		}

		public int notExposed() {
			return 1;
		}

	}

	static class NotAService {

		public int add(int a, int b) {
			return a + b;
		}

	}

	@JsonRpcService("calc")
	static class PrefixedService {

		public int add(int a, int b) {
			return a + b;
		}

		public int twice(int value) {
			return 2 * value;
		}

	}

	@JsonRpcService(exposeAll = false)
	static class SelectiveService {

		@JsonRpcMethod(description = "An exposed method")
		public String exposed() {
			return "exposed";
		}

		@JsonRpcMethod("renamed")
		public String original() {
			return "renamed";
		}

		public String hidden() {
			return "hidden";
		}

	}

	@JsonRpcService
	static class CallbackService implements BeanNameAware, InitializingBean, DisposableBean,
			ApplicationListener<ContextRefreshedEvent>, SmartLifecycle {

		public String work() {
			return "work";
		}

		@Override
		public void setBeanName(String name) {
		}

		@Override
		public void afterPropertiesSet() {
		}

		@Override
		public void destroy() {
		}

		@Override
		public void onApplicationEvent(ContextRefreshedEvent event) {
		}

		@Override
		public void start() {
		}

		@Override
		public void stop() {
		}

		@Override
		public boolean isRunning() {
			return false;
		}

		@Override
		public int getPhase() {
			return 0;
		}

		@Override
		public boolean equals(Object other) {
			return super.equals(other);
		}

		@Override
		public int hashCode() {
			return super.hashCode();
		}

		@Override
		public String toString() {
			return "CallbackService";
		}

	}

	@JsonRpcService
	static class ModifiersService {

		public String visible() {
			return "visible";
		}

		String packagePrivate() {
			return "";
		}

		protected String isProtected() {
			return "";
		}

		@SuppressWarnings("unused")
		private String hiddenPrivate() {
			return "";
		}

		public static String shared() {
			return "";
		}

	}

	@JsonRpcService
	static class OtherSumService {

		public int sum(int a, int b) {
			return a + b;
		}

	}

	@JsonRpcService
	static class OverloadedService {

		public int add(int a) {
			return a;
		}

		public int add(int a, int b) {
			return a + b;
		}

	}

	@JsonRpcService
	static class ReservedService {

		@JsonRpcMethod("rpc.discover")
		public String discover() {
			return "";
		}

	}

	@JsonRpcService
	static class ServletService {

		public String remote(HttpServletRequest request) {
			return request.getRemoteAddr();
		}

	}

	interface GreetingService {

		String greet(String name);

	}

	@JsonRpcService
	static class GreetingServiceImpl implements GreetingService {

		@Override
		public String greet(String name) {
			return "Hello " + name;
		}

	}

}
