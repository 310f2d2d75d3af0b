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

/**
 * The version of the JSON-RPC protocol a request was made in, and so the shape its
 * response is written in.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 * @see JsonRpcMessageCodec#withVersion1(boolean)
 */
public enum JsonRpcVersion {

	/**
	 * JSON-RPC 1.0: no {@code "jsonrpc"} member, positional params only, {@code "id":
	 * null} for a notification, and a response with both {@code "result"} and
	 * {@code "error"}, one of them {@code null}. Read only when enabled, never inside a
	 * batch.
	 */
	V1,

	/** JSON-RPC 2.0, the default. */
	V2

}
