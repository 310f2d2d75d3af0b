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

import java.util.List;

import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.protocol.JsonRpcReply;
import io.github.jsonrpc.server.JsonRpcExceptionHandler;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.JsonRpcTransportContext;
import io.github.jsonrpc.server.method.InvocableJsonRpcMethodFactory;
import io.github.jsonrpc.server.method.JsonRpcArgumentResolverComposite;
import io.github.jsonrpc.server.method.JsonRpcMethodRegistry;
import io.github.jsonrpc.server.method.JsonRpcNamingStyle;
import io.github.jsonrpc.server.method.annotation.support.AnnotatedJsonRpcMethodDetector;
import io.github.jsonrpc.server.method.annotation.support.JsonRpcArgumentResolvers;
import io.github.jsonrpc.server.support.DefaultJsonRpcDispatcher;
import io.github.jsonrpc.server.support.DefaultJsonRpcExceptionResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real {@link JsonRpcHandler}, put together the way the auto-configuration does, with a
 * bytes-in, bytes-out entry point.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcHandlerFixture {

	private final JsonRpcHandler handler;

	private final JsonRpcMessageCodec codec;

	/**
	 * Create a handler that exposes the given services.
	 * @param mapper the application's mapper
	 * @param services the {@code @JsonRpcService} beans
	 */
	public JsonRpcHandlerFixture(JsonMapper mapper, Object... services) {
		this.codec = JsonRpcMessageCodec.create(mapper);
		JsonRpcArgumentResolverComposite resolvers = new JsonRpcArgumentResolverComposite(
				JsonRpcArgumentResolvers.builtIn());
		InvocableJsonRpcMethodFactory factory = new InvocableJsonRpcMethodFactory(mapper, resolvers,
				JsonRpcNamingStyle.AS_DECLARED, null, null);
		AnnotatedJsonRpcMethodDetector detector = new AnnotatedJsonRpcMethodDetector(JsonRpcNamingStyle.AS_DECLARED);
		JsonRpcMethodRegistry registry = new JsonRpcMethodRegistry();
		for (Object service : services) {
			detector.detect(service).forEach((method) -> registry.register(factory.create(method)));
		}
		registry.freeze();
		JsonRpcExceptionHandler exceptionHandler = new JsonRpcExceptionHandler(
				List.of(new DefaultJsonRpcExceptionResolver()), false);
		DefaultJsonRpcDispatcher dispatcher = new DefaultJsonRpcDispatcher(registry, exceptionHandler);
		this.handler = JsonRpcHandler.builder(dispatcher, this.codec).exceptionHandler(exceptionHandler).build();
	}

	/**
	 * Handle one message as a transport would: decode, dispatch, encode.
	 * @param input the UTF-8 encoded request message
	 * @return the UTF-8 encoded reply, empty when there is nothing to send
	 */
	public byte[] handle(byte[] input) {
		JsonRpcReply reply = this.handler.handle(input, JsonRpcTransportContext.inProcess()).join();
		return this.codec.encode(reply);
	}

}
