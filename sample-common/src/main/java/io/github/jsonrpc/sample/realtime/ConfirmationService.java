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

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import io.github.jsonrpc.server.JsonRpcException;
import io.github.jsonrpc.server.JsonRpcSession;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;

/**
 * A server-to-client call: {@code ask} asks the connected client to {@code confirm} a
 * question and answers with what the client decided. The client answers with a method of
 * its own (the Java client: {@code JsonRpcClient.builder().handler("confirm",
 * String.class, ...)}).
 *
 * @author JSON-RPC for Spring Boot team
 */
@JsonRpcService
public class ConfirmationService {

	/**
	 * Ask the client to confirm a question, over the connection the call came on.
	 * @param question the question
	 * @param session the connection, {@code null} over HTTP
	 * @return {@code "confirmed"} or {@code "declined"}, as the client answered
	 */
	public CompletableFuture<String> ask(String question, @Nullable JsonRpcSession session) {
		if (session == null) {
			// HTTP has no connection to call back on
			throw new JsonRpcException(JsonRpcErrorCodes.SERVER_ERROR, "ask needs a WebSocket connection");
		}
		return session.call("confirm", List.of(question), Boolean.class)
			.thenApply((confirmed) -> Boolean.TRUE.equals(confirmed) ? "confirmed" : "declined");
	}

}
