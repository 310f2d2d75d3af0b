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
package io.github.jsonrpc.server.support;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import io.github.jsonrpc.client.JsonRpcClientHandler;
import io.github.jsonrpc.client.JsonRpcClientHandlerFactory;
import io.github.jsonrpc.protocol.JsonRpcInbound;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import io.github.jsonrpc.server.JsonRpcTransportContext;

/**
 * Default implementation of {@link JsonRpcClientHandlerFactory}: the client answers its
 * server with a {@link JsonRpcServer} of its own, so that a client's methods are
 * declared, bound, invoked and fail exactly like a server's ({@code -32601} for an
 * unknown method, {@code -32602} for bad params, no exception details). Registered in
 * {@code META-INF/spring.factories}; {@code rpc.discover} is not served.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class DefaultJsonRpcClientHandlerFactory implements JsonRpcClientHandlerFactory {

	@Override
	public JsonRpcClientHandler create(JsonMapper mapper, List<Object> services, List<FunctionMethod<?>> methods) {
		JsonRpcServer.Builder builder = JsonRpcServer.builder().mapper(mapper).discovery(false);
		services.forEach(builder::service);
		methods.forEach((method) -> register(builder, method));
		JsonRpcServer server = builder.build();
		return (request) -> handle(server, request);
	}

	private static <P> void register(JsonRpcServer.Builder builder, FunctionMethod<P> method) {
		builder.method(method.name(), method.paramsType(), method.function());
	}

	private static CompletableFuture<@Nullable JsonRpcResponse> handle(JsonRpcServer server, JsonRpcRequest request) {
		return server.handle(JsonRpcInbound.single(request), JsonRpcTransportContext.inProcess())
			.thenApply((reply) -> reply.single());
	}

}
