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

import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import io.github.jsonrpc.sample.inventory.InventoryService;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.test.JsonRpcTester;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.context.WebApplicationContext;

/**
 * How users test their own JSON-RPC services: the sample's methods through
 * {@link JsonRpcTester}, in process and through MockMvc.
 */
@SpringBootTest
class SampleJsonRpcTesterTests {

	@Autowired
	private JsonRpcHandler handler;

	@Autowired
	private WebApplicationContext context;

	@Test
	void specificationExamplesInProcess() {
		JsonRpcTester tester = JsonRpcTester.forHandler(this.handler);
		tester.method("subtract").params(42, 23).execute().result().isEqualTo(19);
		tester.method("subtract").param("subtrahend", 23).param("minuend", 42).execute().result().isEqualTo(19);
		tester.method("foobar").execute().error().hasCode(JsonRpcErrorCodes.METHOD_NOT_FOUND);
		tester.method("update").params(1, 2, 3, 4, 5).notifyAndExpectNoReply();
	}

	@Test
	void inventoryThroughMockMvc() {
		JsonRpcTester tester = JsonRpcTester.forMockMvc(MockMvcTester.from(this.context), "/jsonrpc");
		tester.method("inventory.add")
			.param("sku", "tester-fig")
			.param("quantity", 3)
			.execute()
			.result()
			.path("$.quantity")
			.isEqualTo(3);
		tester.method("inventory.get").params("tester-fig").execute().result().path("$.sku").isEqualTo("tester-fig");
		tester.method("inventory.get").params("tester-none").execute().error().hasCode(InventoryService.ITEM_NOT_FOUND);
		tester.method("inventory.reserve")
			.params("tester-fig", 9)
			.execute()
			.error()
			.hasCode(InventoryService.INSUFFICIENT_STOCK)
			.data()
			.path("$.available")
			.isEqualTo(3);
		tester.method("inventory.list").execute().result().path("$[0].sku").isEqualTo("tester-fig");
	}

}
