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

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes example params for a method from its OpenRPC description alone, as a generic
 * client or the explorer would: the schema's default, first enum value, or the smallest
 * value its keywords allow.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class OpenRpcExamples {

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private final JsonNode components;

	OpenRpcExamples(JsonNode document) {
		this.components = document.path("components").path("schemas");
	}

	/**
	 * Return example params in the structure the method declares: an object for
	 * {@code by-name} and {@code either}, an array for {@code by-position}.
	 */
	JsonNode params(JsonNode method) {
		boolean positional = "by-position".equals(method.path("paramStructure").asString("either"));
		ArrayNode array = nodes.arrayNode();
		ObjectNode object = nodes.objectNode();
		for (JsonNode param : method.path("params")) {
			JsonNode value = example(param.path("schema"), 0);
			array.add(value);
			object.set(param.path("name").asString(), value);
		}
		return positional ? array : object;
	}

	JsonNode example(JsonNode schema, int depth) {
		JsonNode resolved = resolve(schema);
		if (resolved.has("default")) {
			return resolved.get("default");
		}
		if (resolved.has("const")) {
			return resolved.get("const");
		}
		if (resolved.has("enum")) {
			return resolved.get("enum").get(0);
		}
		if (resolved.has("allOf")) {
			ObjectNode merged = nodes.objectNode();
			for (JsonNode part : resolved.get("allOf")) {
				merged.setAll((ObjectNode) resolve(part).deepCopy());
			}
			resolved.properties().forEach((entry) -> {
				if (!entry.getKey().equals("allOf")) {
					merged.set(entry.getKey(), entry.getValue());
				}
			});
			return example(merged, depth);
		}
		if (resolved.has("anyOf") || resolved.has("oneOf")) {
			return example(resolved.has("anyOf") ? resolved.get("anyOf").get(0) : resolved.get("oneOf").get(0), depth);
		}
		return switch (type(resolved)) {
			case "string" -> string(resolved);
			case "integer" -> nodes.numberNode((long) number(resolved, 1));
			case "number" -> nodes.numberNode(number(resolved, 1.5));
			case "boolean" -> nodes.booleanNode(true);
			case "null" -> nodes.nullNode();
			case "array" -> array(resolved, depth);
			case "object" -> object(resolved, depth);
			default -> nodes.stringNode("any");
		};
	}

	private JsonNode resolve(JsonNode schema) {
		String ref = schema.path("$ref").asString("");
		if (ref.startsWith("#/components/schemas/")) {
			JsonNode shared = this.components.get(ref.substring("#/components/schemas/".length()));
			if (shared == null) {
				throw new IllegalStateException("Dangling reference " + ref);
			}
			return shared;
		}
		return schema;
	}

	private static String type(JsonNode schema) {
		JsonNode type = schema.path("type");
		if (type.isArray()) {
			for (JsonNode candidate : type) {
				if (!candidate.asString().equals("null")) {
					return candidate.asString();
				}
			}
			return "null";
		}
		if (type.isString()) {
			return type.asString();
		}
		return schema.has("properties") ? "object" : "any";
	}

	private static JsonNode string(JsonNode schema) {
		String format = schema.path("format").asString("");
		String value = switch (format) {
			case "date-time" -> "2026-01-01T00:00:00Z";
			case "date" -> "2026-01-01";
			case "time" -> "00:00:00Z";
			case "uuid" -> "00000000-0000-0000-0000-000000000001";
			case "email" -> "someone@example.org";
			case "uri" -> "https://example.org";
			default -> "example";
		};
		int min = schema.path("minLength").asInt(0);
		int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
		StringBuilder text = new StringBuilder(value);
		while (text.length() < min) {
			text.append('x');
		}
		return nodes.stringNode(text.substring(0, Math.min(text.length(), Math.max(max, min))));
	}

	private static double number(JsonNode schema, double fallback) {
		double value = fallback;
		if (schema.has("minimum")) {
			value = Math.max(value, schema.get("minimum").asDouble());
		}
		if (schema.has("exclusiveMinimum")) {
			value = Math.max(value, schema.get("exclusiveMinimum").asDouble() + 1);
		}
		if (schema.has("maximum")) {
			value = Math.min(value, schema.get("maximum").asDouble());
		}
		if (schema.has("exclusiveMaximum")) {
			value = Math.min(value, schema.get("exclusiveMaximum").asDouble() - 1);
		}
		return value;
	}

	private JsonNode array(JsonNode schema, int depth) {
		ArrayNode array = nodes.arrayNode();
		int count = Math.max(1, schema.path("minItems").asInt(0));
		if (depth < 4 && schema.has("items")) {
			for (int i = 0; i < count; i++) {
				array.add(example(schema.get("items"), depth + 1));
			}
		}
		return array;
	}

	private JsonNode object(JsonNode schema, int depth) {
		ObjectNode object = nodes.objectNode();
		if (depth >= 4) {
			return object;
		}
		Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").properties().iterator();
		while (properties.hasNext()) {
			Map.Entry<String, JsonNode> property = properties.next();
			object.set(property.getKey(), example(property.getValue(), depth + 1));
		}
		return object;
	}

	static List<String> names(JsonNode document) {
		List<String> names = new ArrayList<>();
		document.path("methods").forEach((method) -> names.add(method.path("name").asString()));
		return names;
	}

}
