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
package io.github.jsonrpc.benchmarks.http;

import java.util.Map;

import io.github.jsonrpc.benchmarks.CalculatorService;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The floor of the HTTP load run: what a hand-written Spring MVC endpoint for the same
 * service does. Spring MVC reads the body into a tree with the application's Jackson 3
 * message converter; the controller switches on the method name, calls the service
 * directly and returns a tree that the same converter writes. No validation and no error
 * handling, so it is a lower bound, not a competitor.
 *
 * @author JSON-RPC for Spring Boot team
 */
@RestController
class MvcFloorController {

	private final JsonMapper mapper;

	private final ObjectReader payloadReader;

	private final CalculatorService service;

	MvcFloorController(JsonMapper mapper, CalculatorService service) {
		this.mapper = mapper;
		this.payloadReader = mapper.readerFor(new TypeReference<Map<String, Object>>() {
		});
		this.service = service;
	}

	@PostMapping(path = "/floor", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<JsonNode> handle(@RequestBody JsonNode request) {
		if (request.isArray()) {
			ArrayNode responses = this.mapper.createArrayNode();
			for (JsonNode call : request) {
				JsonNode response = call(call);
				if (response != null) {
					responses.add(response);
				}
			}
			return responses.isEmpty() ? ResponseEntity.noContent().build() : ResponseEntity.ok(responses);
		}
		JsonNode response = call(request);
		return (response != null) ? ResponseEntity.ok(response) : ResponseEntity.noContent().build();
	}

	private @Nullable JsonNode call(JsonNode request) {
		JsonNode params = request.get("params");
		JsonNode result = switch (request.get("method").stringValue()) {
			case "subtract" -> this.mapper.getNodeFactory()
				.numberNode(params.isArray() ? this.service.subtract(params.get(0).intValue(), params.get(1).intValue())
						: this.service.subtract(params.get("minuend").intValue(), params.get("subtrahend").intValue()));
			case "echo" -> {
				Map<String, Object> payload = this.payloadReader.readValue(params.get(0));
				yield this.mapper.valueToTree(this.service.echo(payload));
			}
			case "record" -> {
				this.service.record(params.get(0).stringValue());
				yield this.mapper.nullNode();
			}
			default -> throw new IllegalArgumentException("Unknown method");
		};
		JsonNode id = request.get("id");
		if (id == null) {
			return null;
		}
		ObjectNode response = this.mapper.createObjectNode();
		response.put("jsonrpc", "2.0");
		response.set("result", result);
		response.set("id", id);
		return response;
	}

}
