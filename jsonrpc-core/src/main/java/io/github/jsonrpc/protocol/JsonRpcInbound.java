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

import java.util.List;

import org.springframework.util.Assert;

/**
 * What a transport received, decoded: a single entry or the entries of a batch, in
 * request order. Each entry is either a valid {@link JsonRpcRequest} to dispatch or a
 * {@link JsonRpcResponse.Failure} that already answers an entry that could not be read.
 *
 * @param batch whether the input was a (non-empty) batch array
 * @param entries the entries, never empty
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public record JsonRpcInbound(boolean batch, List<JsonRpcMessage> entries) {

	public JsonRpcInbound {
		Assert.notEmpty(entries, "Entries must not be empty");
		// the codec's own entries are not shared with anyone: no copy needed
		entries = (entries instanceof DecodedEntries) ? entries : List.copyOf(entries);
	}

	/**
	 * Create an inbound message for a single request.
	 * @param request the request
	 * @return the inbound message
	 */
	public static JsonRpcInbound single(JsonRpcRequest request) {
		return new JsonRpcInbound(false, List.of(request));
	}

	/**
	 * Create an inbound message that is answered by a single error, e.g. a parse error.
	 * @param failure the error response
	 * @return the inbound message
	 */
	public static JsonRpcInbound failed(JsonRpcResponse.Failure failure) {
		return new JsonRpcInbound(false, List.of(failure));
	}

}
