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
package io.github.jsonrpc.server.method;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.jsonrpc.CalculatorService;
import io.github.jsonrpc.JsonRpcSetup;
import io.github.jsonrpc.server.method.annotation.JsonRpcMethod;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link JsonRpcMethodRegistry}.
 *
 * @author jsonrpc-dev
 */
@ExtendWith(OutputCaptureExtension.class)
class JsonRpcMethodRegistryTests {

	private final InvocableJsonRpcMethodFactory factory = JsonRpcSetup.services().toMethodFactory();

	@Test
	void lookupAndSortedMethods() {
		JsonRpcMethodRegistry registry = JsonRpcSetup.services(new CalculatorService()).toRegistry();
		assertThat(registry.lookup("subtract")).isNotNull();
		assertThat(registry.lookup("subtract").parameters()).extracting(JsonRpcParameter::name)
			.containsExactly("minuend", "subtrahend");
		assertThat(registry.lookup("nope")).isNull();
		assertThat(registry.methods()).extracting(InvocableJsonRpcMethod::name)
			.containsExactly("echo", "get_data", "notify_hello", "notify_sum", "subtract", "sum", "update");
	}

	@Test
	void reservedPrefixIsRejectedForApplicationMethods() {
		JsonRpcMethodRegistry registry = new JsonRpcMethodRegistry();
		InvocableJsonRpcMethod method = builtIn();
		assertThatIllegalStateException().isThrownBy(() -> registry.register(method))
			.withMessageContaining("'rpc.ping'")
			.withMessageContaining("BuiltInService#ping()")
			.withMessageContaining("reserves");
		assertThat(registry.lookup("rpc.ping")).isNull();
	}

	@Test
	void reservedPrefixIsAllowedForBuiltInMethods() {
		JsonRpcMethodRegistry registry = new JsonRpcMethodRegistry();
		registry.registerBuiltIn(builtIn());
		assertThat(registry.lookup("rpc.ping")).isNotNull();
	}

	@Test
	void builtInDuplicateIsRejected() {
		JsonRpcMethodRegistry registry = new JsonRpcMethodRegistry();
		registry.registerBuiltIn(builtIn());
		assertThatIllegalStateException().isThrownBy(() -> registry.registerBuiltIn(builtIn()))
			.withMessageContaining("Duplicate JSON-RPC method name 'rpc.ping'");
	}

	@Test
	void applicationMethodTakesThePlaceOfBuiltInAndUnregisteringBringsItBack(CapturedOutput output) {
		JsonRpcMethodRegistry registry = new JsonRpcMethodRegistry();
		InvocableJsonRpcMethod builtIn = method("subscribe", new BuiltInService(), "ping");
		InvocableJsonRpcMethod application = method("subscribe", new ApplicationService(), "subscribe");
		registry.registerBuiltIn(builtIn);
		registry.register(application);
		assertThat(registry.lookup("subscribe")).isSameAs(application);
		assertThat(registry.methods()).containsExactly(application);
		assertThat(output).contains("JSON-RPC method 'subscribe' is served by the application's "
				+ "ApplicationService#subscribe() instead of the built-in BuiltInService#ping()");
		assertThat(registry.unregister("subscribe")).isSameAs(application);
		assertThat(registry.lookup("subscribe")).isSameAs(builtIn);
		assertThat(registry.unregister("subscribe")).as("built-ins are not removed").isNull();
	}

	@Test
	void builtInRegisteredAfterTheApplicationsMethodStaysInTheBackground() {
		JsonRpcMethodRegistry registry = new JsonRpcMethodRegistry();
		InvocableJsonRpcMethod application = method("subscribe", new ApplicationService(), "subscribe");
		registry.register(application);
		registry.registerBuiltIn(method("subscribe", new BuiltInService(), "ping"));
		assertThat(registry.lookup("subscribe")).isSameAs(application);
	}

	@Test
	void methodsCanBeAddedAndRemovedAtRuntimeWithTheStartupChecks() {
		JsonRpcMethodRegistry registry = JsonRpcSetup.services(new CalculatorService()).toRegistry();
		registry.register(method("late", new ApplicationService(), "subscribe"));
		assertThat(registry.lookup("late")).isNotNull();
		assertThatIllegalStateException()
			.isThrownBy(() -> registry.register(method("late", new ApplicationService(), "subscribe")))
			.withMessageContaining("Duplicate JSON-RPC method name 'late'");
		assertThatIllegalStateException()
			.isThrownBy(() -> registry.register(method("rpc.late", new ApplicationService(), "subscribe")))
			.withMessageContaining("reserves");
		assertThat(registry.unregister("late")).isNotNull();
		assertThat(registry.lookup("late")).isNull();
		assertThat(registry.unregister("late")).isNull();
		assertThat(registry.methods()).extracting(InvocableJsonRpcMethod::name).doesNotContain("late");
	}

	private InvocableJsonRpcMethod method(String name, Object bean, String javaName) {
		return this.factory.create(new JsonRpcHandlerMethod(name, bean,
				org.springframework.util.ReflectionUtils.findMethod(bean.getClass(), javaName), ""));
	}

	private InvocableJsonRpcMethod builtIn() {
		BuiltInService bean = new BuiltInService();
		return this.factory.create(new JsonRpcHandlerMethod("rpc.ping", bean,
				org.springframework.util.ReflectionUtils.findMethod(BuiltInService.class, "ping"), ""));
	}

	@JsonRpcService
	static class ApplicationService {

		public String subscribe() {
			return "mine";
		}

	}

	@JsonRpcService
	static class BuiltInService {

		@JsonRpcMethod
		public String ping() {
			return "pong";
		}

	}

}
