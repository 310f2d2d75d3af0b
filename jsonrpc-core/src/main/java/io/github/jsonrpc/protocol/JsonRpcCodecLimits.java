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
 * Limits applied while reading JSON-RPC input, before any method is called, and the
 * budget of one reply.
 *
 * @param maxNestingDepth maximum depth of nested arrays and objects
 * @param maxNumberLength maximum number of characters of a number
 * @param maxStringLength maximum number of characters of a string value
 * @param maxNameLength maximum number of characters of a member name
 * @param maxMethodNameLength maximum number of characters of a method name
 * @param maxReplyBytes maximum number of bytes one request may make the server hold for
 * its reply, across all the calls of a batch: items collected from streams and the
 * encoded reply; a call whose result does not fit gets {@code -32005 Reply too large}
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public record JsonRpcCodecLimits(int maxNestingDepth, int maxNumberLength, int maxStringLength, int maxNameLength,
		int maxMethodNameLength, long maxReplyBytes) {

	/** Default reply budget: 4 MB. */
	public static final long DEFAULT_MAX_REPLY_BYTES = 4L * 1024 * 1024;

	/**
	 * Defaults: nesting depth 64, numbers of 100 characters, strings of 1,000,000
	 * characters, member names of 1,000 characters, method names of 256 characters,
	 * replies of 4 MB.
	 */
	public static final JsonRpcCodecLimits DEFAULTS = new JsonRpcCodecLimits(64, 100, 1_000_000, 1_000, 256,
			DEFAULT_MAX_REPLY_BYTES);

	public JsonRpcCodecLimits {
		Assert.isTrue(maxNestingDepth > 0, "maxNestingDepth must be positive");
		Assert.isTrue(maxNumberLength > 0, "maxNumberLength must be positive");
		Assert.isTrue(maxStringLength > 0, "maxStringLength must be positive");
		Assert.isTrue(maxNameLength > 0, "maxNameLength must be positive");
		Assert.isTrue(maxMethodNameLength > 0, "maxMethodNameLength must be positive");
		Assert.isTrue(maxReplyBytes > 0, "maxReplyBytes must be positive");
	}

	/**
	 * Create limits with the default reply budget.
	 * @param maxNestingDepth maximum depth of nested arrays and objects
	 * @param maxNumberLength maximum number of characters of a number
	 * @param maxStringLength maximum number of characters of a string value
	 * @param maxNameLength maximum number of characters of a member name
	 * @param maxMethodNameLength maximum number of characters of a method name
	 */
	public JsonRpcCodecLimits(int maxNestingDepth, int maxNumberLength, int maxStringLength, int maxNameLength,
			int maxMethodNameLength) {
		this(maxNestingDepth, maxNumberLength, maxStringLength, maxNameLength, maxMethodNameLength,
				DEFAULT_MAX_REPLY_BYTES);
	}

	/**
	 * Return a copy with another reply budget.
	 * @param maxReplyBytes the maximum number of bytes of one reply
	 * @return the new limits
	 */
	public JsonRpcCodecLimits withMaxReplyBytes(long maxReplyBytes) {
		return new JsonRpcCodecLimits(this.maxNestingDepth, this.maxNumberLength, this.maxStringLength,
				this.maxNameLength, this.maxMethodNameLength, maxReplyBytes);
	}

}
