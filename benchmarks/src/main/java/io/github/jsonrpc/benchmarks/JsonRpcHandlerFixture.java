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
package io.github.jsonrpc.benchmarks;

import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.support.JsonRpcServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real {@link JsonRpcHandler}, built with {@link JsonRpcServer#builder()} (the wiring
 * the auto-configuration uses too), with a bytes-in, bytes-out entry point.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcHandlerFixture {

	private final JsonRpcServer server;

	/**
	 * Create a handler that exposes the given services.
	 * @param mapper the application's mapper
	 * @param services the {@code @JsonRpcService} beans
	 */
	public JsonRpcHandlerFixture(JsonMapper mapper, Object... services) {
		this.server = JsonRpcServer.builder().mapper(mapper).service(services).build();
	}

	/**
	 * Handle one message as a transport would: decode, dispatch, encode.
	 * @param input the UTF-8 encoded request message
	 * @return the UTF-8 encoded reply, empty when there is nothing to send
	 */
	public byte[] handle(byte[] input) {
		return this.server.handle(input).join();
	}

}
