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
package io.github.jsonrpc.server.connection;

/**
 * Why the server closes a connection; each transport maps a reason to its own signal (a
 * WebSocket close code, an error written before a socket is closed).
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public enum JsonRpcCloseReason {

	/**
	 * Closed by the application, e.g.
	 * {@link io.github.jsonrpc.server.JsonRpcSession#close()}.
	 */
	NORMAL,

	/** The server is shutting down. */
	SHUTDOWN,

	/** Nothing was received (no message, no pong) for longer than the idle timeout. */
	IDLE,

	/** A message was larger than the largest one accepted. */
	TOO_BIG,

	/**
	 * The client did not read fast enough: its outbound queue went over a limit, or a
	 * write took longer than the send time limit.
	 */
	SLOW_CONSUMER,

	/** The server cannot take more work for this connection now. */
	OVERLOADED,

	/**
	 * The client sent a kind of message the transport does not take: a binary WebSocket
	 * message (JSON-RPC travels in text messages).
	 */
	UNSUPPORTED_DATA

}
