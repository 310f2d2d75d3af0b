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

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Byte budget shared by every connection of the application (of every transport): what
 * all connections together may hold in queued outbound messages, in calls received but
 * not finished, and in partially received messages. Each connection is bounded on its own
 * as well ({@link JsonRpcConnectionSettings}); this bounds their sum, so that many
 * connections within their own limits still cannot exhaust the heap. A connection that
 * asks for room that is not there first sheds the {@link Holder holders} that hold more
 * than itself, largest first (a connection sheds by closing with
 * {@link JsonRpcCloseReason#OVERLOADED}): the slowest readers go, not whoever happens to
 * ask next. If that is not enough, it refuses new calls with {@code -32005} and is closed
 * itself when a message to it does not fit while it still has others queued; a connection
 * with nothing queued gets its message beyond the budget, so that readers that keep up
 * are never closed for the backlog of others.
 * <p>
 * Sizes are counted as encoded: a message shared by many subscribers counts once per
 * connection it is queued on, which overestimates, never underestimates, what is held.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcMemoryBudget {

	/** Default share of the maximum heap, in percent. */
	public static final int DEFAULT_HEAP_PERCENT = 25;

	private static final JsonRpcMemoryBudget DEFAULT = ofHeapPercent(DEFAULT_HEAP_PERCENT);

	private final long maxBytes;

	private final AtomicLong used = new AtomicLong();

	private final Set<Holder> holders = ConcurrentHashMap.newKeySet();

	private JsonRpcMemoryBudget(long maxBytes) {
		Assert.isTrue(maxBytes > 0, "maxBytes must be positive");
		this.maxBytes = maxBytes;
	}

	/**
	 * Create a budget of a fixed size.
	 * @param maxBytes the most bytes held at once
	 * @return the budget
	 */
	public static JsonRpcMemoryBudget of(long maxBytes) {
		return new JsonRpcMemoryBudget(maxBytes);
	}

	/**
	 * Create a budget of a share of the maximum heap ({@link Runtime#maxMemory()}).
	 * @param percent the share, 1 to 100
	 * @return the budget
	 */
	public static JsonRpcMemoryBudget ofHeapPercent(int percent) {
		Assert.isTrue(percent > 0 && percent <= 100, "percent must be between 1 and 100");
		return new JsonRpcMemoryBudget(Math.max(1, Runtime.getRuntime().maxMemory() / 100 * percent));
	}

	/**
	 * Return the budget used when none is configured: one per JVM,
	 * {@value #DEFAULT_HEAP_PERCENT}% of the maximum heap.
	 * @return the shared default budget
	 */
	public static JsonRpcMemoryBudget shared() {
		return DEFAULT;
	}

	/**
	 * Reserve room, if there is enough.
	 * @param bytes the size to reserve
	 * @return {@code true} if reserved; {@code false} (nothing reserved) if it would go
	 * over the budget
	 */
	public boolean tryReserve(long bytes) {
		Assert.isTrue(bytes >= 0, "bytes must not be negative");
		while (true) {
			long current = this.used.get();
			long next = current + bytes;
			if (next > this.maxBytes) {
				return false;
			}
			if (this.used.compareAndSet(current, next)) {
				return true;
			}
		}
	}

	/**
	 * Reserve room, shedding holders that hold more than the one asking if there is not
	 * enough. Must not be called while holding a lock another holder's
	 * {@link Holder#shed()} may take.
	 * @param bytes the size to reserve
	 * @param requester the holder asking, {@code null} if none
	 * @return {@code true} if reserved, {@code false} (nothing reserved) if even shedding
	 * could not make room
	 */
	public boolean tryReserve(long bytes, @Nullable Holder requester) {
		if (tryReserve(bytes)) {
			return true;
		}
		long own = (requester != null) ? requester.heldBytes() : 0;
		// each holder is shed at most once: bounded even if shedding frees nothing at
		// once
		for (int left = this.holders.size(); left > 0; left--) {
			Holder largest = null;
			long largestBytes = own;
			for (Holder holder : this.holders) {
				long held = holder.heldBytes();
				if (holder != requester && held > largestBytes) {
					largest = holder;
					largestBytes = held;
				}
			}
			if (largest == null) {
				return false;
			}
			this.holders.remove(largest);
			largest.shed();
			if (tryReserve(bytes)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Register something that holds room and can give it back by shedding.
	 * @param holder the holder
	 */
	public void register(Holder holder) {
		Assert.notNull(holder, "Holder is required");
		this.holders.add(holder);
	}

	/**
	 * Unregister a holder, e.g. once it is closed.
	 * @param holder the holder
	 */
	public void unregister(Holder holder) {
		this.holders.remove(holder);
	}

	/**
	 * Reserve room even beyond the budget, for what must not be refused (the one message
	 * of a connection that has nothing else queued); give it back with
	 * {@link #release(long)} like any other.
	 * @param bytes the size to reserve
	 */
	public void reserve(long bytes) {
		Assert.isTrue(bytes >= 0, "bytes must not be negative");
		this.used.addAndGet(bytes);
	}

	/**
	 * Give back room reserved with {@link #tryReserve(long)}.
	 * @param bytes the size to give back
	 */
	public void release(long bytes) {
		Assert.isTrue(bytes >= 0, "bytes must not be negative");
		this.used.addAndGet(-bytes);
	}

	/**
	 * Return the bytes reserved now.
	 * @return the byte count
	 */
	public long used() {
		return this.used.get();
	}

	/**
	 * Return the size of the budget.
	 * @return the most bytes held at once
	 */
	public long maxBytes() {
		return this.maxBytes;
	}

	/**
	 * Something that holds room of the budget, e.g. a connection, and gives all of it
	 * back when asked to shed.
	 */
	public interface Holder {

		/**
		 * Return the bytes held now.
		 * @return the byte count
		 */
		long heldBytes();

		/**
		 * Give back what is held, at once or soon (a connection closes as
		 * {@link JsonRpcCloseReason#OVERLOADED}).
		 */
		void shed();

	}

	@Override
	public String toString() {
		return "JsonRpcMemoryBudget[" + this.used.get() + "/" + this.maxBytes + " bytes]";
	}

}
