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

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Collection;
import java.util.Map;

import io.github.jsonrpc.protocol.JsonRpcCodecLimits;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * What one request may make the server hold for its reply, in bytes, shared by every call
 * of a batch: a batch must not multiply the per-call limits. Items collected from streams
 * are charged as they arrive (by an estimate of their encoded size), and the codec bounds
 * the encoded reply by the same number ({@link JsonRpcCodecLimits#maxReplyBytes()}).
 * Beyond it, calls get {@link io.github.jsonrpc.protocol.JsonRpcError#replyTooLarge(long)
 * -32005 Reply too large} and their sources are cancelled.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcReplyBudget {

	private static final VarHandle STATE;

	static {
		try {
			STATE = MethodHandles.lookup().findVarHandle(JsonRpcReplyBudget.class, "state", Limit.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private static final JsonRpcReplyBudget UNLIMITED = new Limit(Long.MAX_VALUE).newBudget();

	// the limit, shared, until the first charge replaces it with a Usage of its own: most
	// requests charge nothing, and their budget stays one small object; read and replaced
	// through STATE
	private Limit state;

	private JsonRpcReplyBudget(Limit limit) {
		this.state = limit;
	}

	/**
	 * Create a budget for one request. Hand the budget to other threads through a safe
	 * publication (a final field, a concurrent collection, a future): its state is not
	 * final.
	 * @param maxBytes the number of bytes the request may hold
	 * @return the budget
	 */
	public static JsonRpcReplyBudget of(long maxBytes) {
		return new Limit(maxBytes).newBudget();
	}

	/**
	 * Return a budget that is never exhausted, for calls made outside a transport.
	 * @return the shared unlimited budget
	 */
	public static JsonRpcReplyBudget unlimited() {
		return UNLIMITED;
	}

	/**
	 * Return the size of the budget.
	 * @return the number of bytes
	 */
	public long maxBytes() {
		return state().maxBytes;
	}

	/**
	 * Charge an item about to be held for the reply.
	 * @param item the item, e.g. collected from a stream
	 * @return {@code true} if it fits, {@code false} if the budget is now exhausted
	 */
	public boolean charge(@Nullable Object item) {
		if (this == UNLIMITED) {
			return true;
		}
		Limit state = state();
		Usage usage = (state instanceof Usage started) ? started : startUsage(state);
		return usage.add(estimate(item)) <= usage.maxBytes;
	}

	/**
	 * Return whether earlier charges exhausted the budget.
	 * @return {@code true} if nothing more fits
	 */
	public boolean isExhausted() {
		return state() instanceof Usage usage && usage.isExhausted();
	}

	private Limit state() {
		return (Limit) STATE.getAcquire(this);
	}

	/**
	 * Replace the limit by a usage that counts the charges, unless another thread did
	 * first; package-private so that a test can replay the race a thread loses.
	 * @param seen the limit this thread read
	 * @return the usage every charge adds to
	 */
	Usage startUsage(Limit seen) {
		Usage usage = new Usage(seen.maxBytes);
		Limit witness = (Limit) STATE.compareAndExchange(this, seen, usage);
		// another thread charged first: add to its usage, whose limit is the same
		return (witness == seen) ? usage : (Usage) witness;
	}

	/**
	 * Return an estimate of what holding a value costs until the reply is written: at
	 * least its encoded size and roughly its size on the heap, whichever is larger, so
	 * that many small items add up.
	 * @param item the value
	 * @return the estimated number of bytes
	 */
	static long estimate(@Nullable Object item) {
		if (item == null || item instanceof Number || item instanceof Boolean) {
			return 16;
		}
		if (item instanceof CharSequence text) {
			return 40L + text.length();
		}
		if (item instanceof byte[] bytes) {
			// written as base64
			return 16L + (bytes.length * 4L) / 3;
		}
		if (item instanceof Collection<?> collection) {
			return 32L + collection.size() * 16L;
		}
		if (item instanceof Map<?, ?> map) {
			return 48L + map.size() * 32L;
		}
		// other objects: at least a small one's header and fields
		return 32;
	}

	/**
	 * The size of a budget, shared by the budgets a handler makes for its requests.
	 */
	static class Limit {

		final long maxBytes;

		Limit(long maxBytes) {
			Assert.isTrue(maxBytes > 0, "maxBytes must be positive");
			this.maxBytes = maxBytes;
		}

		/**
		 * Create a budget of this size with nothing charged.
		 * @return the budget
		 */
		final JsonRpcReplyBudget newBudget() {
			// a Usage is one budget's counter: budgets made from it would share it
			Assert.state(getClass() == Limit.class, "Only a shared limit makes budgets");
			return new JsonRpcReplyBudget(this);
		}

	}

	/**
	 * The size of one budget and what was charged to it.
	 */
	static final class Usage extends Limit {

		private static final VarHandle USED;

		static {
			try {
				USED = MethodHandles.lookup().findVarHandle(Usage.class, "used", long.class);
			}
			catch (ReflectiveOperationException ex) {
				throw new ExceptionInInitializerError(ex);
			}
		}

		private volatile long used;

		Usage(long maxBytes) {
			super(maxBytes);
		}

		long add(long bytes) {
			return (long) USED.getAndAdd(this, bytes) + bytes;
		}

		boolean isExhausted() {
			return this.used > this.maxBytes;
		}

	}

}
