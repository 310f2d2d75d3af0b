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

import java.util.ArrayList;
import java.util.List;

import io.github.jsonrpc.protocol.JsonRpcId;
import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assertions on everything a server sent back for one message: nothing, one response, or
 * a batch array.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public class JsonRpcTestReply extends AbstractAssert<JsonRpcTestReply, @Nullable JsonNode> {

	private final JsonMapper mapper;

	JsonRpcTestReply(@Nullable JsonNode reply, JsonMapper mapper) {
		super(reply, JsonRpcTestReply.class);
		this.mapper = mapper;
	}

	/**
	 * Assert that nothing was sent back (notifications only).
	 * @return this assertion
	 */
	public JsonRpcTestReply isEmpty() {
		if (this.actual != null) {
			failWithMessage("Expected no reply but got %s", this.actual);
		}
		return this;
	}

	/**
	 * Assert that a single response (not an array) was sent back and return it.
	 * @return the response
	 */
	public JsonRpcTestResponse single() {
		return isNotEmptyAndSingle();
	}

	JsonRpcTestResponse isNotEmptyAndSingle() {
		if (this.actual == null) {
			failWithMessage("Expected a response but got no reply");
		}
		if (!this.actual.isObject()) {
			failWithMessage("Expected a single response object but got %s", this.actual);
		}
		return new JsonRpcTestResponse(this.actual, this.mapper);
	}

	/**
	 * Assert that a batch array was sent back and return its responses in the order
	 * received.
	 * @return the responses
	 */
	public List<JsonRpcTestResponse> batch() {
		if (this.actual == null || !this.actual.isArray()) {
			failWithMessage("Expected a batch reply but got %s", this.actual);
		}
		List<JsonRpcTestResponse> responses = new ArrayList<>();
		for (JsonNode element : this.actual) {
			responses.add(new JsonRpcTestResponse(element, this.mapper));
		}
		return responses;
	}

	/**
	 * Return assertions on the whole reply as JSON.
	 * @return the JSON assertions
	 */
	public JsonRpcJsonAssert json() {
		isNotNull();
		return new JsonRpcJsonAssert(this.actual, this.mapper);
	}

	static JsonRpcTestResponse find(List<JsonRpcTestResponse> responses, @Nullable JsonRpcId id) {
		for (JsonRpcTestResponse response : responses) {
			if (id != null && JsonRpcJsonAssert.jsonEquals(id.value(), response.idNode())) {
				return response;
			}
		}
		throw new AssertionError("No response with id " + id + " in " + responses);
	}

}
