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

package io.github.jsonrpc.client.annotation;

/**
 * How the arguments of a client interface method become the {@code params} member.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public enum JsonRpcParamStyle {

	/** Use the style of the enclosing interface. */
	DEFAULT,

	/** An array of the arguments in order, e.g. {@code [42, 23]}. */
	POSITIONAL,

	/**
	 * An object of the arguments by parameter name, e.g. {@code {"minuend": 42,
	 * "subtrahend": 23}}; needs classes compiled with {@code -parameters}.
	 */
	NAMED,

	/**
	 * The single argument itself, which must serialize to a JSON object, e.g. a record
	 * whose components are the params.
	 */
	OBJECT

}
