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
package io.github.jsonrpc.server.validation;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import io.github.jsonrpc.JsonRpcSetup;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.method.JsonRpcNamingStyle;
import io.github.jsonrpc.server.method.annotation.JsonRpcParam;
import io.github.jsonrpc.server.method.annotation.JsonRpcParams;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BeanValidationJsonRpcMethodValidator}.
 *
 * @author jsonrpc-dev
 */
class BeanValidationJsonRpcMethodValidatorTests {

	private final ValidatorFactory validatorFactory = Validation.buildDefaultValidatorFactory();

	private final BeanValidationJsonRpcMethodValidator validator = new BeanValidationJsonRpcMethodValidator(
			this.validatorFactory.getValidator());

	private final ValidatedService service = new ValidatedService();

	private final JsonRpcHandler handler = JsonRpcSetup.services(this.service)
		.namingStyle(JsonRpcNamingStyle.SNAKE_CASE)
		.validator(this.validator)
		.toHandler();

	@AfterEach
	void close() {
		this.validatorFactory.close();
	}

	@Test
	void validArgumentsAreAccepted() {
		assertThat(call("register", "{\"user_name\": \"ann\", \"age\": 30}"))
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"ann:30\",\"id\":1}");
	}

	@Test
	void violationsAreInvalidParamsWithExposedNames() throws Exception {
		String reply = call("register", "{\"user_name\": \"  \", \"age\": -4}");
		JSONAssert.assertEquals("""
				{"jsonrpc":"2.0","error":{"code":-32602,"message":"Invalid params","data":[
				  {"field":"age","message":"must be at least 18"},
				  {"field":"user_name","message":"is required"}
				]},"id":1}
				""", reply, JSONCompareMode.STRICT);
		assertThat(this.service.calls).isZero();
	}

	@Test
	void rejectedValueIsNotSent() {
		String reply = call("register", "{\"user_name\": \"x-secret-value-x\", \"age\": 3}");
		assertThat(reply).contains("\"field\":\"age\"")
			.doesNotContain("secret")
			.doesNotContain(":3")
			.doesNotContain("userName");
	}

	@Test
	void annotatedParamNameIsUsed() throws Exception {
		String reply = call("rename", "{\"login\": \"\"}");
		JSONAssert.assertEquals("""
				{"jsonrpc":"2.0","error":{"code":-32602,"message":"Invalid params","data":[
				  {"field":"login","message":"is required"}]},"id":1}
				""", reply, JSONCompareMode.STRICT);
	}

	@Test
	void nestedPropertyPathsUseExposedParameterName() throws Exception {
		String reply = call("order", "[{\"item\": \"\", \"quantity\": 0}]");
		JSONAssert.assertEquals("""
				{"jsonrpc":"2.0","error":{"code":-32602,"message":"Invalid params","data":[
				  {"field":"order.item","message":"is required"},
				  {"field":"order.quantity","message":"must be positive"}]},"id":1}
				""", reply, JSONCompareMode.STRICT);
	}

	@Test
	void listElementPathsCarryIndex() throws Exception {
		String reply = call("orders",
				"[[{\"item\": \"tea\", \"quantity\": 1}, {\"item\": \"cake\", \"quantity\": -1}]]");
		JSONAssert.assertEquals("""
				{"jsonrpc":"2.0","error":{"code":-32602,"message":"Invalid params","data":[
				  {"field":"orders[1].quantity","message":"must be positive"}]},"id":1}
				""", reply, JSONCompareMode.STRICT);
	}

	@Test
	void containerElementConstraintsRequireValidation() throws Exception {
		assertThat(this.validator.requiresValidation(ValidatedService.class,
				ValidatedService.class.getMethod("orders", List.class)))
			.isTrue();
		assertThat(this.validator.requiresValidation(ValidatedService.class,
				ValidatedService.class.getMethod("names", List.class)))
			.isTrue();
		String reply = call("names", "[[\"ann\", \" \"]]");
		JSONAssert.assertEquals("""
				{"jsonrpc":"2.0","error":{"code":-32602,"message":"Invalid params","data":[
				  {"field":"names[1]","message":"is required"}]},"id":1}
				""", reply, JSONCompareMode.STRICT);
	}

	@Test
	void wholeParamsAreValidatedAndFieldsAreNamedAsTheParamsMembers() throws Exception {
		// the client sent {"item": ...}: it knows no parameter called "order"
		String reply = call("whole", "{\"item\": \"\", \"quantity\": 2}");
		JSONAssert.assertEquals("""
				{"jsonrpc":"2.0","error":{"code":-32602,"message":"Invalid params","data":[
				  {"field":"item","message":"is required"}]},"id":1}
				""", reply, JSONCompareMode.STRICT);
	}

	@Test
	void onlyConstrainedMethodsRequireValidation() throws Exception {
		assertThat(this.validator.requiresValidation(ValidatedService.class,
				ValidatedService.class.getMethod("register", String.class, int.class)))
			.isTrue();
		assertThat(this.validator.requiresValidation(ValidatedService.class,
				ValidatedService.class.getMethod("plain", String.class)))
			.isFalse();
		assertThat(call("plain", "[\"\"]")).isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"\",\"id\":1}");
	}

	@Test
	void constraintsOnTheListItself() throws Exception {
		String reply = call("tags", "[[]]");
		JSONAssert.assertEquals("""
				{"jsonrpc":"2.0","error":{"code":-32602,"message":"Invalid params","data":[
				  {"field":"tags","message":"needs one"}]},"id":1}
				""", reply, JSONCompareMode.STRICT);
	}

	private String call(String method, String params) {
		return this.handler
			.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params + ",\"id\":1}")
			.join()
			.orElseThrow();
	}

	record Order(@NotBlank(message = "is required") String item, @Positive(message = "must be positive") int quantity) {

	}

	@JsonRpcService
	static class ValidatedService {

		int calls;

		public String register(@NotBlank(message = "is required") String userName,
				@Min(value = 18, message = "must be at least 18") int age) {
			this.calls++;
			return userName + ":" + age;
		}

		public String rename(@JsonRpcParam("login") @NotBlank(message = "is required") String userName) {
			return userName;
		}

		public String order(@Valid Order order) {
			return order.item();
		}

		public int orders(List<@Valid Order> orders) {
			return orders.size();
		}

		public String whole(@JsonRpcParams @Valid Order order) {
			return order.item();
		}

		public int tags(@Size(min = 1, message = "needs one") List<String> tags) {
			return tags.size();
		}

		public int names(List<@NotBlank(message = "is required") String> names) {
			return names.size();
		}

		public String plain(String value) {
			return value;
		}

	}

}
