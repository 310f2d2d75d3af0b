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

package io.github.jsonrpc.test;

import org.assertj.core.api.AbstractAssert;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assertions on the {@code error} member of a response.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public class JsonRpcErrorAssert extends AbstractAssert<JsonRpcErrorAssert, JsonNode> {

	private final JsonMapper mapper;

	JsonRpcErrorAssert(JsonNode error, JsonMapper mapper) {
		super(error, JsonRpcErrorAssert.class);
		this.mapper = mapper;
	}

	/**
	 * Assert the error code.
	 * @param code the expected code
	 * @return this assertion
	 */
	public JsonRpcErrorAssert hasCode(int code) {
		JsonNode actualCode = this.actual.path("code");
		if (!actualCode.isIntegralNumber() || actualCode.intValue() != code) {
			failWithMessage("Expected error code %s but got %s", code, this.actual);
		}
		return this;
	}

	/**
	 * Assert the error message.
	 * @param message the expected message
	 * @return this assertion
	 */
	public JsonRpcErrorAssert hasMessage(String message) {
		if (!message.equals(this.actual.path("message").stringValue(null))) {
			failWithMessage("Expected error message <%s> but got %s", message, this.actual);
		}
		return this;
	}

	/**
	 * Assert that the error message contains a text.
	 * @param text the expected text
	 * @return this assertion
	 */
	public JsonRpcErrorAssert hasMessageContaining(String text) {
		String message = this.actual.path("message").stringValue("");
		if (!message.contains(text)) {
			failWithMessage("Expected error message containing <%s> but got %s", text, this.actual);
		}
		return this;
	}

	/**
	 * Assert that there is no {@code data} member.
	 * @return this assertion
	 */
	public JsonRpcErrorAssert hasNoData() {
		if (this.actual.has("data")) {
			failWithMessage("Expected no error data but got %s", this.actual);
		}
		return this;
	}

	/**
	 * Return assertions on the {@code data} member, after asserting that it is present.
	 * @return the data assertions
	 */
	public JsonRpcJsonAssert data() {
		if (!this.actual.has("data")) {
			failWithMessage("Expected error data but got %s", this.actual);
		}
		return new JsonRpcJsonAssert(this.actual.get("data"), this.mapper);
	}

}
