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

package io.github.jsonrpc.client;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.github.jsonrpc.protocol.JsonRpcId;

/**
 * Strategy to create the ids of calls. Implementations must be thread-safe and must not
 * repeat an id while a call with it is pending on the same connection.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface JsonRpcIdGenerator {

	/**
	 * Return the id of the next call.
	 * @return a string or numeric id, never the explicit null id
	 */
	JsonRpcId nextId();

	/**
	 * Return a generator of increasing numbers starting at 1, the default.
	 * @return a new generator
	 */
	static JsonRpcIdGenerator sequential() {
		AtomicLong counter = new AtomicLong();
		return () -> JsonRpcId.of(counter.incrementAndGet());
	}

	/**
	 * Return a generator of random UUID strings, unique across clients.
	 * @return the generator
	 */
	static JsonRpcIdGenerator uuid() {
		return () -> JsonRpcId.of(UUID.randomUUID().toString());
	}

}
