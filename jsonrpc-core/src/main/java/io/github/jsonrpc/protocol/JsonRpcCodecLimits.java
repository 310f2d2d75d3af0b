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

import org.springframework.util.Assert;

/**
 * Limits applied while reading JSON-RPC input, before any method is called.
 *
 * @param maxNestingDepth maximum depth of nested arrays and objects
 * @param maxNumberLength maximum number of characters of a number
 * @param maxStringLength maximum number of characters of a string value
 * @param maxNameLength maximum number of characters of a member name
 * @param maxMethodNameLength maximum number of characters of a method name
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public record JsonRpcCodecLimits(int maxNestingDepth, int maxNumberLength, int maxStringLength, int maxNameLength,
		int maxMethodNameLength) {

	/**
	 * Defaults: nesting depth 64, numbers of 100 characters, strings of 1,000,000
	 * characters, member names of 1,000 characters, method names of 256 characters.
	 */
	public static final JsonRpcCodecLimits DEFAULTS = new JsonRpcCodecLimits(64, 100, 1_000_000, 1_000, 256);

	public JsonRpcCodecLimits {
		Assert.isTrue(maxNestingDepth > 0, "maxNestingDepth must be positive");
		Assert.isTrue(maxNumberLength > 0, "maxNumberLength must be positive");
		Assert.isTrue(maxStringLength > 0, "maxStringLength must be positive");
		Assert.isTrue(maxNameLength > 0, "maxNameLength must be positive");
		Assert.isTrue(maxMethodNameLength > 0, "maxMethodNameLength must be positive");
	}

}
