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

package io.github.jsonrpc.client.config;

import io.github.jsonrpc.client.JsonRpcClient;

/**
 * Contract for looking up clients by name, e.g. from {@code jsonrpc.client.<name>.*}
 * properties; used to create the beans of {@link EnableJsonRpcClients}.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface JsonRpcClientRegistry {

	/**
	 * Return the client of a name.
	 * @param name the name, as in {@code @JsonRpcRemote(name = ...)}
	 * @return the client, shared by every proxy of that name
	 * @throws IllegalStateException if no client of that name is configured
	 */
	JsonRpcClient client(String name);

}
