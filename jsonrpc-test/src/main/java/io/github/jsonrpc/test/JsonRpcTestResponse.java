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

import io.github.jsonrpc.protocol.JsonRpcId;
import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Assertions on one JSON-RPC response.
 *
 * <pre class="code">
 * tester.method("subtract").params(42, 23).execute().result().isEqualTo(19);
 * tester.method("nope").execute().error().hasCode(-32601);
 * </pre>
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public class JsonRpcTestResponse extends AbstractAssert<JsonRpcTestResponse, JsonNode> {

	private final JsonMapper mapper;

	JsonRpcTestResponse(JsonNode response, JsonMapper mapper) {
		super(response, JsonRpcTestResponse.class);
		this.mapper = mapper;
		if (!response.isObject() || !"2.0".equals(response.path("jsonrpc").stringValue(null))) {
			failWithMessage("Expected a JSON-RPC 2.0 response object but got %s", response);
		}
	}

	/**
	 * Assert that the response has a result.
	 * @return this assertion
	 */
	public JsonRpcTestResponse isSuccess() {
		if (!this.actual.has("result") || this.actual.has("error")) {
			failWithMessage("Expected a result but got %s", this.actual);
		}
		return this;
	}

	/**
	 * Assert that the response has an error.
	 * @return this assertion
	 */
	public JsonRpcTestResponse isError() {
		if (!this.actual.has("error") || this.actual.has("result")) {
			failWithMessage("Expected an error but got %s", this.actual);
		}
		return this;
	}

	/**
	 * Assert that the response has a result and return assertions on it.
	 * @return the result assertions
	 */
	public JsonRpcJsonAssert result() {
		isSuccess();
		return new JsonRpcJsonAssert(this.actual.get("result"), this.mapper).as("result of %s", this.actual);
	}

	/**
	 * Assert that the response has an error and return assertions on it.
	 * @return the error assertions
	 */
	public JsonRpcErrorAssert error() {
		isError();
		return new JsonRpcErrorAssert(this.actual.get("error"), this.mapper);
	}

	/**
	 * Assert the id of the response.
	 * @param id the expected id
	 * @return this assertion
	 */
	public JsonRpcTestResponse hasId(@Nullable JsonRpcId id) {
		JsonNode expected = (id != null) ? id.value() : MissingNode.getInstance();
		if (!JsonRpcJsonAssert.jsonEquals(expected, idNode())) {
			failWithMessage("Expected id %s but got %s", expected, idNode());
		}
		return this;
	}

	/**
	 * Return the result converted to a type, after asserting that there is one.
	 * @param type the type
	 * @param <T> the type
	 * @return the converted result
	 */
	public <T> @Nullable T resultAs(Class<T> type) {
		isSuccess();
		return this.mapper.convertValue(this.actual.get("result"), type);
	}

	/**
	 * Return the response as JSON.
	 * @return the response
	 */
	public JsonNode json() {
		return this.actual;
	}

	JsonNode idNode() {
		return this.actual.path("id");
	}

	@Override
	public String toString() {
		return this.actual.toString();
	}

}
