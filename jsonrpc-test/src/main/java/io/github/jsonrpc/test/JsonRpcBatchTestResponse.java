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

import java.util.List;

import io.github.jsonrpc.protocol.JsonRpcRequest;

/**
 * The responses to the calls of a batch, matched by id and indexed in the order the calls
 * were added (notifications have no index).
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcBatchTestResponse {

	private final JsonRpcTestReply reply;

	private final List<JsonRpcRequest> calls;

	JsonRpcBatchTestResponse(JsonRpcTestReply reply, List<JsonRpcRequest> calls) {
		this.reply = reply;
		this.calls = calls;
	}

	/**
	 * Return the response to a call, after asserting that it is in the reply.
	 * @param index the index of the call
	 * @return the response
	 */
	public JsonRpcTestResponse response(int index) {
		return JsonRpcTestReply.find(this.reply.batch(), this.calls.get(index).id());
	}

	/**
	 * Assert that the reply holds exactly one response per call.
	 * @return this batch response
	 */
	public JsonRpcBatchTestResponse hasResponseForEachCall() {
		if (this.calls.isEmpty()) {
			this.reply.isEmpty();
			return this;
		}
		List<JsonRpcTestResponse> responses = this.reply.batch();
		if (responses.size() != this.calls.size()) {
			throw new AssertionError("Expected " + this.calls.size() + " responses but got " + responses);
		}
		for (int i = 0; i < this.calls.size(); i++) {
			response(i);
		}
		return this;
	}

	/**
	 * Return assertions on the raw reply.
	 * @return the reply
	 */
	public JsonRpcTestReply reply() {
		return this.reply;
	}

}
