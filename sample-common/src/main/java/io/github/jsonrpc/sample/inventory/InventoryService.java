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

package io.github.jsonrpc.sample.inventory;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import io.github.jsonrpc.server.JsonRpcException;
import io.github.jsonrpc.server.method.annotation.JsonRpcMethod;
import io.github.jsonrpc.server.method.annotation.JsonRpcParams;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.beans.factory.annotation.Qualifier;

/**
 * A small, realistic service: methods under the {@code inventory.} prefix with Bean
 * Validation, application error codes and an asynchronous method.
 *
 * @author JSON-RPC for Spring Boot team
 */
@JsonRpcService("inventory")
public class InventoryService {

	/** Error code for an unknown item. */
	public static final int ITEM_NOT_FOUND = -32010;

	/** Error code for a reservation larger than the stock. */
	public static final int INSUFFICIENT_STOCK = -32011;

	private final Map<String, Integer> stock = new ConcurrentHashMap<>();

	private final Executor executor;

	public InventoryService(@Qualifier("applicationTaskExecutor") Executor executor) {
		this.executor = executor;
	}

	/**
	 * Add an item, e.g. {@code {"sku": "apple", "quantity": 10}}.
	 * @param item the item
	 * @return the item as stored
	 */
	@JsonRpcMethod(description = "Add an item to the inventory")
	public Item add(@JsonRpcParams @Valid NewItem item) {
		int quantity = this.stock.merge(item.sku(), item.quantity(), Integer::sum);
		return new Item(item.sku(), quantity);
	}

	/**
	 * Return an item.
	 * @param sku the stock keeping unit
	 * @return the item
	 * @throws ItemNotFoundException (-32010) when there is no such item
	 */
	public Item get(@NotBlank String sku) throws ItemNotFoundException {
		Integer quantity = this.stock.get(sku);
		if (quantity == null) {
			throw new ItemNotFoundException(sku);
		}
		return new Item(sku, quantity);
	}

	/**
	 * Take a quantity out of stock.
	 * @param sku the stock keeping unit
	 * @param quantity how many to take, at least 1
	 * @return the item after the reservation
	 */
	public Item reserve(@NotBlank String sku, @Min(1) int quantity) {
		get(sku);
		int[] left = new int[1];
		this.stock.computeIfPresent(sku, (key, current) -> {
			if (current < quantity) {
				throw new JsonRpcException(INSUFFICIENT_STOCK, "Insufficient stock", Map.of("available", current));
			}
			left[0] = current - quantity;
			return left[0];
		});
		return new Item(sku, left[0]);
	}

	/**
	 * List every item, computed asynchronously on the application task executor.
	 * @return the items, sorted by SKU
	 */
	public CompletableFuture<List<Item>> list() {
		return CompletableFuture.supplyAsync(() -> this.stock.entrySet()
			.stream()
			.map((entry) -> new Item(entry.getKey(), entry.getValue()))
			.sorted(Comparator.comparing(Item::sku))
			.toList(), this.executor);
	}

}
