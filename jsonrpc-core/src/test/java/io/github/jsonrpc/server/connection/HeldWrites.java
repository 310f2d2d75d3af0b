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

import java.util.ArrayList;
import java.util.List;

import io.github.jsonrpc.server.connection.JsonRpcConnection.WriteCompletion;

/**
 * The write completions of a test connection: completed at once, or held while stalled
 * like a peer that does not read.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class HeldWrites {

	private final List<WriteCompletion> held = new ArrayList<>();

	private boolean stalled;

	/**
	 * Hold the completions of the writes from now on.
	 */
	synchronized void stall() {
		this.stalled = true;
	}

	/**
	 * Complete a write, or hold its completion while stalled.
	 */
	void complete(WriteCompletion completion) {
		synchronized (this) {
			if (this.stalled) {
				this.held.add(completion);
				return;
			}
		}
		completion.completed(null);
	}

	/**
	 * Stop stalling and complete every held write.
	 */
	void release() {
		List<WriteCompletion> toComplete;
		synchronized (this) {
			this.stalled = false;
			toComplete = new ArrayList<>(this.held);
			this.held.clear();
		}
		toComplete.forEach((completion) -> completion.completed(null));
	}

}
