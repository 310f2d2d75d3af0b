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

package io.github.jsonrpc.client.proxy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.client.JsonRpcClient;
import io.github.jsonrpc.client.RecordingTransport;
import io.github.jsonrpc.client.annotation.JsonRpcCall;
import io.github.jsonrpc.client.annotation.JsonRpcParamStyle;
import io.github.jsonrpc.client.annotation.JsonRpcRemote;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class JsonRpcClientProxyFactoryTests {

	private final RecordingTransport transport = new RecordingTransport(JsonRpcClientProxyFactoryTests::reply);

	private final JsonRpcClient client = JsonRpcClient.create(this.transport);

	private final Inventory inventory = JsonRpcClientProxyFactory.create(this.client).createClient(Inventory.class);

	private static String reply(JsonNode request) {
		if (!request.has("id")) {
			return "";
		}
		String result = switch (request.get("method").stringValue()) {
			case "inventory.get", "inventory.add" -> "{\"sku\":\"apple\",\"quantity\":3}";
			case "inventory.list" -> "[{\"sku\":\"apple\",\"quantity\":3}]";
			default -> "null";
		};
		return "{\"jsonrpc\":\"2.0\",\"result\":" + result + ",\"id\":" + request.get("id") + "}";
	}

	@Test
	void methodNameGetsPrefixAndArgumentsArePositional() {
		assertThat(this.inventory.get("apple")).isEqualTo(new Item("apple", 3));
		assertThat(this.transport.lastSent().get("method").stringValue()).isEqualTo("inventory.get");
		assertThat(this.transport.lastSent().get("params").toString()).isEqualTo("[\"apple\"]");
	}

	@Test
	void objectParamStyleSendsTheArgumentAsParams() {
		this.inventory.add(new Item("apple", 3));
		assertThat(this.transport.lastSent().get("params").toString()).isEqualTo("{\"sku\":\"apple\",\"quantity\":3}");
	}

	@Test
	void namedParamStyleUsesParameterNamesAndRename() {
		this.inventory.take("apple", 2);
		assertThat(this.transport.lastSent().get("method").stringValue()).isEqualTo("inventory.reserve");
		assertThat(this.transport.lastSent().get("params").toString()).isEqualTo("{\"sku\":\"apple\",\"quantity\":2}");
	}

	@Test
	void genericAndAsyncReturnTypes() {
		assertThat(this.inventory.list()).containsExactly(new Item("apple", 3));
		assertThat(this.inventory.listAsync()).succeedsWithin(TestWaits.SHORT).isEqualTo(List.of(new Item("apple", 3)));
	}

	@Test
	void voidMethodCallsUnlessDeclaredANotification() {
		this.inventory.clear();
		assertThat(this.transport.lastSent().has("id")).isTrue();
		this.inventory.touch("apple");
		assertThat(this.transport.lastSent().has("id")).isFalse();
	}

	@Test
	void defaultAndObjectMethodsRunLocally() {
		assertThat(this.inventory.quantityOf("apple")).isEqualTo(3);
		assertThat(this.inventory.toString()).contains(Inventory.class.getName());
		assertThat(this.inventory).isEqualTo(this.inventory);
	}

	@Test
	void notificationMustReturnVoid() {
		assertThatIllegalStateException()
			.isThrownBy(() -> JsonRpcClientProxyFactory.create(this.client).createClient(Broken.class))
			.withMessageContaining("must return void");
	}

	@JsonRpcRemote(name = "inventory", prefix = "inventory")
	interface Inventory {

		Item get(String sku);

		@JsonRpcCall(paramStyle = JsonRpcParamStyle.OBJECT)
		Item add(Item item);

		@JsonRpcCall(value = "reserve", paramStyle = JsonRpcParamStyle.NAMED)
		Item take(String sku, int quantity);

		List<Item> list();

		@JsonRpcCall("list")
		CompletableFuture<List<Item>> listAsync();

		void clear();

		@JsonRpcCall(notification = true)
		void touch(String sku);

		default int quantityOf(String sku) {
			return get(sku).quantity();
		}

	}

	interface Broken {

		@JsonRpcCall(notification = true)
		int count();

	}

	record Item(String sku, int quantity) {
	}

}
