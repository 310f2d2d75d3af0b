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

package io.github.jsonrpc.sample.discovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.jsonrpc.sample.security.SampleCredentials;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application's OpenRPC document, read over real HTTP: it validates against
 * the OpenRPC meta-schema, and a call made for every method from the document alone is
 * never rejected with {@code -32602}.
 *
 * @author JSON-RPC for Spring Boot team
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OpenRpcDocumentTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@LocalServerPort
	private int port;

	@ParameterizedTest(name = "as {0}")
	@NullSource
	@ValueSource(strings = { "alice", "admin" })
	void documentValidatesAgainstTheOpenRpcMetaSchema(@Nullable String user) {
		JsonNode document = discover(user);
		// kept as test output, to read what clients see
		write(Path.of("target", "openrpc-" + ((user != null) ? user : "anonymous") + ".json"), document);
		List<Error> errors = metaSchema().validate(document);
		assertThat(errors).isEmpty();
		assertThat(OpenRpcExamples.names(document)).contains("rpc.discover", "subtract", "inventory.add");
	}

	@ParameterizedTest(name = "as {0}")
	@NullSource
	@ValueSource(strings = { "alice", "admin" })
	void everyMethodCalledAsTheDocumentDescribesItGetsNoInvalidParams(@Nullable String user) {
		JsonNode document = discover(user);
		OpenRpcExamples examples = new OpenRpcExamples(document);
		List<String> rejected = new ArrayList<>();
		int called = 0;
		for (JsonNode method : document.path("methods")) {
			JsonNode params = examples.params(method);
			String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":" + mapper.writeValueAsString(method.get("name"))
					+ ",\"params\":" + mapper.writeValueAsString(params) + "}";
			JsonNode response = mapper.readTree(post(user, body).body());
			called++;
			if (response.path("error").path("code").asInt() == -32602) {
				rejected.add(body + " -> " + response);
			}
		}
		assertThat(rejected).isEmpty();
		assertThat(called).isGreaterThan(10);
	}

	@ParameterizedTest(name = "as {0}")
	@NullSource
	@ValueSource(strings = "alice")
	void openRpcJsonIsTheSameDocumentUnderTheSameAccessRules(@Nullable String user) {
		HttpResponse<String> response = get("/jsonrpc/openrpc.json", user);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(mapper.readTree(response.body())).isEqualTo(discover(user));
	}

	@Test
	void rootPointsToTheExplorer() {
		HttpResponse<String> root = get("/", null);
		assertThat(root.statusCode()).isEqualTo(307);
		assertThat(root.headers().firstValue("Location")).hasValue("/jsonrpc/explorer");
		HttpResponse<String> explorer = get("/jsonrpc/explorer", null);
		assertThat(explorer.statusCode()).isEqualTo(200);
		assertThat(explorer.body()).contains("JSON-RPC explorer", "explorer/explorer.js");
	}

	@Test
	void wholeParamsRecordIsDescribedByItsProperties() {
		JsonNode add = method(discover(null), "inventory.add");
		assertThat(add.path("paramStructure").asString()).isEqualTo("by-name");
		assertThat(add.path("params")).hasSize(2);
		JsonNode sku = add.path("params").get(0);
		assertThat(sku.path("name").asString()).isEqualTo("sku");
		assertThat(sku.path("required").asBoolean()).isTrue();
		assertThat(sku.path("schema").path("type").asString()).isEqualTo("string");
		assertThat(sku.path("schema").path("minLength").asInt()).isEqualTo(1);
		assertThat(sku.path("schema").path("maxLength").asInt()).isEqualTo(32);
		JsonNode quantity = add.path("params").get(1);
		assertThat(quantity.path("name").asString()).isEqualTo("quantity");
		assertThat(quantity.path("schema").path("type").asString()).isEqualTo("integer");
		assertThat(quantity.path("schema").path("minimum").asInt()).isZero();
		assertThat(quantity.path("schema").path("maximum").asInt()).isEqualTo(1_000_000);
	}

	@Test
	void resultsAreSchemasOfTheUnwrappedJavaTypes() {
		JsonNode document = discover(null);
		JsonNode list = method(document, "inventory.list").path("result").path("schema");
		assertThat(list.path("type").asString()).isEqualTo("array");
		JsonNode item = resolve(document, list.path("items"));
		assertThat(item.path("type").asString()).isEqualTo("object");
		assertThat(item.path("properties").path("sku").path("type").asString()).isEqualTo("string");
		assertThat(item.path("properties").path("quantity").path("type").asString()).isEqualTo("integer");
		assertThat(method(document, "countdown").path("result").path("schema").path("type").asString())
			.isEqualTo("array");
		assertThat(method(document, "update").path("result").path("schema").path("type").asString()).isEqualTo("null");
	}

	@Test
	void paramsShowConstraintsAndDeclaredErrors() {
		JsonNode reserve = method(discover(null), "inventory.reserve");
		assertThat(reserve.path("paramStructure").asString()).isEqualTo("either");
		assertThat(reserve.path("params").get(1).path("schema").path("minimum").asInt()).isEqualTo(1);
		JsonNode get = method(discover(null), "inventory.get");
		assertThat(get.path("errors").get(0).path("code").asInt()).isEqualTo(-32010);
		assertThat(get.path("errors").get(0).path("message").asString()).isEqualTo("Item not found");
	}

	@Test
	void discoveryListsItselfWithTheMetaSchemaAsResult() {
		JsonNode discover = method(discover(null), "rpc.discover");
		assertThat(discover.path("params")).isEmpty();
		assertThat(discover.path("result").path("schema").path("$ref").asString()).contains("open-rpc/meta-schema");
	}

	@Test
	void callersSeeOnlyTheMethodsTheyMayCall() {
		assertThat(OpenRpcExamples.names(discover(null))).doesNotContain("whoami", "admin.stats");
		assertThat(OpenRpcExamples.names(discover("alice"))).contains("whoami").doesNotContain("admin.stats");
		assertThat(OpenRpcExamples.names(discover("admin"))).contains("whoami", "admin.stats");
	}

	static Schema metaSchema() {
		String openRpc = read("openrpc/openrpc-meta-schema.json");
		String jsonSchema = read("openrpc/json-schema-tools-meta-schema.json");
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
				(builder) -> builder.schemas(Map.of("https://meta.open-rpc.org/", openRpc,
						"https://meta.json-schema.tools", jsonSchema, "https://meta.json-schema.tools/", jsonSchema)));
		return registry.getSchema(SchemaLocation.of("https://meta.open-rpc.org/"));
	}

	private static void write(Path path, JsonNode document) {
		try {
			Files.writeString(path, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(document));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(String path) {
		try {
			return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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

	private JsonNode discover(@Nullable String user) {
		HttpResponse<String> response = post(user, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"rpc.discover\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode result = mapper.readTree(response.body()).path("result");
		assertThat(result.isObject()).as(response.body()).isTrue();
		return result;
	}

	private HttpResponse<String> get(String path, @Nullable String user) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(10));
		return send(authenticated(request, user).GET().build());
	}

	private HttpResponse<String> post(@Nullable String user, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/jsonrpc"))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		return send(authenticated(request, user).build());
	}

	private static HttpRequest.Builder authenticated(HttpRequest.Builder request, @Nullable String user) {
		if (user != null) {
			request.header("Authorization", SampleCredentials.basic(user));
		}
		return request;
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
