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

package io.github.jsonrpc.server.discovery;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import io.github.jsonrpc.JsonRpcSetup;
import io.github.jsonrpc.server.JsonRpcErrorCode;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.JsonRpcTransportContext;
import io.github.jsonrpc.server.method.InvocableJsonRpcMethodFactory;
import io.github.jsonrpc.server.method.JsonRpcHandlerMethod;
import io.github.jsonrpc.server.method.JsonRpcMethodAccessChecker;
import io.github.jsonrpc.server.method.JsonRpcMethodRegistry;
import io.github.jsonrpc.server.method.JsonRpcNamingStyle;
import io.github.jsonrpc.server.method.annotation.JsonRpcParam;
import io.github.jsonrpc.server.method.annotation.JsonRpcParams;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;
import io.github.jsonrpc.server.method.annotation.support.AnnotatedJsonRpcMethodDetector;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link OpenRpcDiscovery}: methods described as they bind, with the victools
 * generator and with the fallback.
 *
 * @author JSON-RPC for Spring Boot team
 */
class OpenRpcDiscoveryTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void typesAreDescribedAsJsonSchemas() {
		JsonNode document = document(OpenRpcSchemaGenerator.create(this.mapper));
		JsonNode create = method(document, "shop.create");
		assertThat(create.path("paramStructure").asString()).isEqualTo("by-name");
		assertThat(create.path("params").get(0).path("name").asString()).isEqualTo("name");
		assertThat(create.path("params").get(0).path("required").asBoolean()).isTrue();
		assertThat(create.path("params").get(0).path("schema").path("maxLength").asInt()).isEqualTo(20);
		assertThat(resolve(document, create.path("params").get(1).path("schema")).path("enum").toString())
			.isEqualTo("[\"SMALL\",\"LARGE\"]");
		assertThat(create.path("params").get(2).path("schema").path("additionalProperties").path("type").asString())
			.isEqualTo("integer");
		assertThat(create.path("errors").get(0).path("code").asInt()).isEqualTo(-32050);

		JsonNode find = method(document, "shop.find");
		assertThat(find.path("params").get(0).path("required").asBoolean()).isFalse();
		assertThat(find.path("params").get(0).path("schema").path("default").asInt()).isEqualTo(10);
		assertThat(find.path("params").get(1).path("required").asBoolean()).isFalse();
		assertThat(find.path("params").get(2).path("schema").path("minLength").asInt()).isEqualTo(1);
		assertThat(resolve(document, find.path("result").path("schema").path("items")).path("properties").has("name"))
			.isTrue();
		assertThat(method(document, "shop.stream").path("result").path("schema").path("type").asString())
			.isEqualTo("array");
		assertThat(method(document, "shop.flux").path("result").path("schema").path("type").asString())
			.isEqualTo("array");
		assertThat(method(document, "shop.mono").path("result").path("schema").path("type").asString())
			.isEqualTo("string");
		assertThat(method(document, "shop.maybe").path("result").path("schema").path("type").asString())
			.isEqualTo("integer");
		assertThat(method(document, "rpc.discover").path("params")).isEmpty();
	}

	@Test
	void withoutTheGeneratorTypesAreDescribedByTheirJsonKind() {
		JsonNode document = document(new SimpleOpenRpcSchemaGenerator(this.mapper));
		JsonNode create = method(document, "shop.create");
		assertThat(create.path("paramStructure").asString()).isEqualTo("by-name");
		assertThat(method(document, "shop.find").path("result").path("schema").path("type").asString())
			.isEqualTo("array");
		assertThat(document.has("components")).isFalse();
	}

	private JsonNode document(OpenRpcSchemaGenerator generator) {
		InvocableJsonRpcMethodFactory factory = JsonRpcSetup.services().toMethodFactory();
		JsonRpcMethodRegistry registry = new JsonRpcMethodRegistry();
		for (JsonRpcHandlerMethod method : new AnnotatedJsonRpcMethodDetector(JsonRpcNamingStyle.AS_DECLARED)
			.detect(new ShopService())) {
			registry.register(factory.create(method));
		}
		OpenRpcDiscovery discovery = new OpenRpcDiscovery(registry, JsonRpcMethodAccessChecker::allowAll, generator,
				"shop", "1.0");
		discovery.register(factory);
		JsonRpcRequest request = JsonRpcRequest.call(JsonRpcId.of(1), OpenRpcDiscovery.METHOD_NAME, null);
		return discovery.discover(JsonRpcExchange.of(request,
				JsonRpcTransportContext.builder(JsonRpcTransportContext.Transport.IN_PROCESS).build()));
	}

	private static JsonNode method(JsonNode document, String name) {
		for (JsonNode method : document.path("methods")) {
			if (method.path("name").asString().equals(name)) {
				return method;
			}
		}
		throw new AssertionError("No method " + name + " in " + document);
	}

	private static JsonNode resolve(JsonNode document, JsonNode schema) {
		String ref = schema.path("$ref").asString("");
		return ref.isEmpty() ? schema
				: document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
	}

	enum Packaging {

		SMALL, LARGE

	}

	record NewProduct(@NotBlank @jakarta.validation.constraints.Size(max = 20) String name, Packaging packaging,
			Map<String, Integer> stock) {
	}

	record Product(String name, Packaging packaging) {
	}

	@JsonRpcErrorCode(code = -32050, message = "Duplicate product")
	static class DuplicateProductException extends RuntimeException {

	}

	@JsonRpcService("shop")
	static class ShopService {

		public Product create(@JsonRpcParams NewProduct product) throws DuplicateProductException {
			return new Product(product.name(), product.packaging());
		}

		public List<Product> find(@JsonRpcParam(defaultValue = "10") @Max(100) int limit, Optional<String> prefix,
				@NotBlank String category) {
			return List.of();
		}

		public Stream<Product> stream() {
			return Stream.empty();
		}

		public Flux<Product> flux() {
			return Flux.empty();
		}

		public Mono<String> mono() {
			return Mono.just("x");
		}

		public CompletableFuture<Optional<Integer>> maybe() {
			return CompletableFuture.completedFuture(Optional.of(1));
		}

		public @Nullable String nothing() {
			return null;
		}

	}

}
