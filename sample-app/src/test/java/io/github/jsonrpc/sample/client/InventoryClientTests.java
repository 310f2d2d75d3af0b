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

import java.time.Duration;
import java.util.List;

import io.github.jsonrpc.client.JsonRpcClient;
import io.github.jsonrpc.client.JsonRpcClientException;
import io.github.jsonrpc.client.proxy.JsonRpcClientProxyFactory;
import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import io.github.jsonrpc.sample.inventory.InventoryService;
import io.github.jsonrpc.sample.inventory.Item;
import io.github.jsonrpc.sample.inventory.NewItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A declarative client of the sample's inventory over real HTTP, with an application
 * exception mapped from the inventory's error code.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class InventoryClientTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JsonRpcClient.Builder builder;

	private JsonRpcClient client;

	private InventoryClient inventory;

	@BeforeEach
	void createClient() {
		this.client = this.builder.url("http://127.0.0.1:" + this.port + "/jsonrpc")
			.errorMapping(InventoryService.ITEM_NOT_FOUND, (ex) -> new UnknownItemException(ex.getErrorMessage()))
			.build();
		this.inventory = JsonRpcClientProxyFactory.create(this.client).createClient(InventoryClient.class);
	}

	@AfterEach
	void closeClient() {
		this.client.close();
	}

	@Test
	void addGetReserveAndList() {
		assertThat(this.inventory.add(new NewItem("client-apple", 10))).isEqualTo(new Item("client-apple", 10));
		assertThat(this.inventory.get("client-apple")).isEqualTo(new Item("client-apple", 10));
		assertThat(this.inventory.reserve("client-apple", 4)).isEqualTo(new Item("client-apple", 6));
		assertThat(this.inventory.list()).succeedsWithin(Duration.ofSeconds(5))
			.satisfies((items) -> assertThat(items).contains(new Item("client-apple", 6)));
	}

	@Test
	void unknownItemIsMappedToApplicationException() {
		assertThatExceptionOfType(UnknownItemException.class).isThrownBy(() -> this.inventory.get("client-none"))
			.withMessage("Item not found");
	}

	@Test
	void insufficientStockCarriesData() {
		this.inventory.add(new NewItem("client-pear", 1));
		assertThatExceptionOfType(JsonRpcClientException.class)
			.isThrownBy(() -> this.inventory.reserve("client-pear", 5))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo(InventoryService.INSUFFICIENT_STOCK);
				assertThat(ex.getData().get("available").intValue()).isEqualTo(1);
			});
	}

	@Test
	void invalidItemIsInvalidParams() {
		assertThatExceptionOfType(JsonRpcClientException.class)
			.isThrownBy(() -> this.inventory.add(new NewItem("", -1)))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(JsonRpcErrorCodes.INVALID_PARAMS));
	}

	@Test
	void specificationBatchInOneRoundTrip() {
		var batch = this.client.batch()
			.call("sum", 1, 2, 4)
			.notify("notify_hello", 7)
			.call("subtract", 42, 23)
			.call("get_data")
			.execute();
		assertThat(batch.result(0, Long.class)).isEqualTo(7L);
		assertThat(batch.result(1, Integer.class)).isEqualTo(19);
		assertThat(batch.result(2, List.class)).containsExactly("hello", 5);
	}

	static class UnknownItemException extends RuntimeException {

		UnknownItemException(String message) {
			super(message);
		}

	}

}
