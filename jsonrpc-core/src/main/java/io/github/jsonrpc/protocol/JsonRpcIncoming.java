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

package io.github.jsonrpc.protocol;

import org.springframework.util.Assert;

/**
 * What a server received on a connection on which it also calls the client: either
 * requests to handle, or the client's response to one of the server's own calls.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 * @see JsonRpcMessageCodec#decodeIncoming(byte[])
 */
public sealed interface JsonRpcIncoming permits JsonRpcIncoming.Requests, JsonRpcIncoming.Response {

	/**
	 * Requests, notifications or a batch to handle, with their decoding errors.
	 *
	 * @param inbound the decoded requests
	 */
	record Requests(JsonRpcInbound inbound) implements JsonRpcIncoming {

		public Requests {
			Assert.notNull(inbound, "Inbound is required");
		}

	}

	/**
	 * The response of the client to a call the server made.
	 *
	 * @param response the response, whose id is the server's call id
	 */
	record Response(JsonRpcResponse response) implements JsonRpcIncoming {

		public Response {
			Assert.notNull(response, "Response is required");
		}

	}

}
