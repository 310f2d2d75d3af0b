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

import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import io.github.jsonrpc.JsonRpcSetup;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.JsonRpcTransportContext;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConstraintViolationJsonRpcExceptionResolver}.
 *
 * @author jsonrpc-dev
 */
class ConstraintViolationJsonRpcExceptionResolverTests {

	private final ValidatorFactory validatorFactory = Validation.buildDefaultValidatorFactory();

	private final Validator validator = this.validatorFactory.getValidator();

	private final ConstraintViolationJsonRpcExceptionResolver resolver = new ConstraintViolationJsonRpcExceptionResolver();

	@AfterEach
	void close() {
		this.validatorFactory.close();
	}

	@Test
	void constraintViolationIsInvalidParamsWithFields() throws Exception {
		JsonRpcHandler handler = JsonRpcSetup.services(new SavingService(this.validator))
			.exceptionResolvers(this.resolver)
			.toHandler();
		String reply = handler
			.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"save\",\"params\":[\"\", \"secret-not-an-email\"],\"id\":1}")
			.join()
			.orElseThrow();
		JSONAssert.assertEquals("""
				{"jsonrpc":"2.0","error":{"code":-32602,"message":"Invalid params","data":[
				  {"field":"email","message":"bad email"},
				  {"field":"name","message":"is required"}]},"id":1}
				""", reply, JSONCompareMode.STRICT);
		assertThat(reply).doesNotContain("secret");
	}

	@Test
	void otherExceptionsAreNotResolved() {
		JsonRpcExchange exchange = JsonRpcExchange.of(JsonRpcRequest.call(JsonRpcId.of(1), "m", null),
				JsonRpcTransportContext.inProcess());
		assertThat(this.resolver.resolveException(exchange, new IllegalStateException())).isNull();
	}

	record Customer(@NotBlank(message = "is required") String name, @Email(message = "bad email") String email) {

	}

	@JsonRpcService
	static class SavingService {

		private final Validator validator;

		SavingService(Validator validator) {
			this.validator = validator;
		}

		public String save(String name, String email) {
			Set<ConstraintViolation<Customer>> violations = this.validator.validate(new Customer(name, email));
			if (!violations.isEmpty()) {
				throw new ConstraintViolationException(violations);
			}
			return name;
		}

	}

}
