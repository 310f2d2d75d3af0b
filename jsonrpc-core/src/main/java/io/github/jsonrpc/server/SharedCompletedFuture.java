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
package io.github.jsonrpc.server;

import java.util.concurrent.CompletableFuture;

/**
 * A future completed once with a value that many callers share, e.g. the empty reply to
 * every notification: made once instead of on every call. Obtruding another outcome,
 * which would change it for every caller, is not supported; completing or cancelling it
 * does nothing, as for any completed future.
 *
 * @param <T> the type of the value
 * @author JSON-RPC for Spring Boot team
 */
final class SharedCompletedFuture<T> extends CompletableFuture<T> {

	SharedCompletedFuture(T value) {
		super.complete(value);
	}

	@Override
	public void obtrudeValue(T value) {
		throw new UnsupportedOperationException("A shared completed future cannot be changed");
	}

	@Override
	public void obtrudeException(Throwable ex) {
		throw new UnsupportedOperationException("A shared completed future cannot be changed");
	}

}
