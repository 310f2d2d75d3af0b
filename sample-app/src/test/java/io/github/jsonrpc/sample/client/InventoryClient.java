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

package io.github.jsonrpc.sample.client;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.jsonrpc.client.annotation.JsonRpcCall;
import io.github.jsonrpc.client.annotation.JsonRpcParamStyle;
import io.github.jsonrpc.client.annotation.JsonRpcRemote;
import io.github.jsonrpc.sample.inventory.Item;
import io.github.jsonrpc.sample.inventory.NewItem;

/**
 * What a Java service calling the sample's inventory would declare.
 */
@JsonRpcRemote(name = "inventory", prefix = "inventory")
interface InventoryClient {

	@JsonRpcCall(paramStyle = JsonRpcParamStyle.OBJECT)
	Item add(NewItem item);

	Item get(String sku);

	@JsonRpcCall(paramStyle = JsonRpcParamStyle.NAMED)
	Item reserve(String sku, int quantity);

	CompletableFuture<List<Item>> list();

}
