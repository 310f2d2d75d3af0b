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

import java.lang.reflect.Type;

import io.github.jsonrpc.server.method.JsonRpcParameter;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fallback {@link OpenRpcSchemaGenerator} used when the victools generator is not on the
 * class path: the JSON kind of each type, array items and enum constants, nothing more.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class SimpleOpenRpcSchemaGenerator implements OpenRpcSchemaGenerator {

	private final JsonMapper mapper;

	SimpleOpenRpcSchemaGenerator(JsonMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	public DocumentSchemas newDocument() {
		return new DocumentSchemas() {

			@Override
			public ObjectNode schema(Type type) {
				return describe(SimpleOpenRpcSchemaGenerator.this.mapper.constructType(type));
			}

			@Override
			public ObjectNode components() {
				return JsonNodeFactory.instance.objectNode();
			}

		};
	}

	private ObjectNode describe(JavaType type) {
		ObjectNode schema = JsonNodeFactory.instance.objectNode();
		Class<?> raw = type.getRawClass();
		if (raw == Object.class || JsonNode.class.isAssignableFrom(raw)) {
			return schema;
		}
		String kind = JsonRpcParameter.kindOf(type);
		schema.put("type", kind);
		if (kind.equals("array") && type.getContentType() != null) {
			schema.set("items", describe(type.getContentType()));
		}
		if (raw.isEnum()) {
			ArrayNode values = schema.putArray("enum");
			for (Object constant : raw.getEnumConstants()) {
				values.add(((Enum<?>) constant).name());
			}
		}
		return schema;
	}

}
