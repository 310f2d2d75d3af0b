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

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * The entries of a decoded batch: an unmodifiable list over the array the codec filled,
 * which {@link JsonRpcInbound} keeps as it is instead of copying it again. Only the codec
 * makes one, and never touches the array afterwards.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class DecodedEntries extends AbstractList<JsonRpcMessage> implements RandomAccess {

	private final JsonRpcMessage[] entries;

	DecodedEntries(JsonRpcMessage[] entries) {
		for (JsonRpcMessage entry : entries) {
			if (entry == null) {
				throw new NullPointerException("Entries must not be null");
			}
		}
		this.entries = entries;
	}

	@Override
	public JsonRpcMessage get(int index) {
		return this.entries[index];
	}

	@Override
	public int size() {
		return this.entries.length;
	}

}
