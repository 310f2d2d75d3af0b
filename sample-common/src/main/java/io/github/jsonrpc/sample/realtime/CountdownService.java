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
package io.github.jsonrpc.sample.realtime;

import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.github.jsonrpc.server.JsonRpcException;
import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;

/**
 * A streaming method: over WebSocket each number is an {@code rpc.stream} notification
 * followed by the final response; over HTTP the result is the list, or NDJSON / SSE when
 * the client asks for it.
 *
 * @author JSON-RPC for Spring Boot team
 */
@JsonRpcService
public class CountdownService {

	/** The largest count accepted. */
	public static final int MAX = 100_000;

	/**
	 * Count down from {@code n} to 1.
	 * @param n where to start, 0 to {@value #MAX}
	 * @return n, n-1, ..., 1
	 */
	public Stream<Integer> countdown(int n) {
		if (n < 0 || n > MAX) {
			throw new JsonRpcException(JsonRpcErrorCodes.INVALID_PARAMS, "n must be between 0 and " + MAX);
		}
		return IntStream.iterate(n, (i) -> i >= 1, (i) -> i - 1).boxed();
	}

}
