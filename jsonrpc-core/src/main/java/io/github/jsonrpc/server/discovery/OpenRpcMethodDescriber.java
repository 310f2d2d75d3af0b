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

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.stream.Stream;

import io.github.jsonrpc.server.JsonRpcErrorCode;
import io.github.jsonrpc.server.discovery.OpenRpcSchemaGenerator.DocumentSchemas;
import io.github.jsonrpc.server.method.InvocableJsonRpcMethod;
import io.github.jsonrpc.server.method.JsonRpcParameter;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.MethodParameter;
import org.springframework.core.ReactiveAdapter;
import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.StringUtils;

/**
 * Describes one method as an OpenRPC method object, exactly as it binds: the properties
 * of a whole-params record as its params, the accepted param structure, optional params
 * and defaults, constraints of the parameters, the unwrapped result type and the errors
 * its {@code throws} clause declares. Two steps, because shared schemas are complete only
 * once the whole document has been described.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class OpenRpcMethodDescriber {

	/** Where the OpenRPC document's own schema is published. */
	static final String META_SCHEMA_REF = "https://raw.githubusercontent.com/open-rpc/meta-schema/master/schema.json";

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private OpenRpcMethodDescriber() {
	}

	/**
	 * Start describing a method: its schemas are requested from the document.
	 * @param method the method
	 * @param schemas the document's schemas
	 * @return the description, to {@link Pending#finish(ObjectNode) finish} after the
	 * document's components are collected
	 */
	static Pending start(InvocableJsonRpcMethod method, DocumentSchemas schemas) {
		List<ObjectNode> paramSchemas = new ArrayList<>();
		for (JsonRpcParameter parameter : method.parameters()) {
			paramSchemas.add(schemas.schema(parameterType(parameter)));
		}
		ObjectNode result = (method.name().equals(OpenRpcDiscovery.METHOD_NAME))
				? nodes.objectNode().put("$ref", META_SCHEMA_REF) : resultSchema(method, schemas);
		return new Pending(method, paramSchemas, result);
	}

	private static Type parameterType(JsonRpcParameter parameter) {
		MethodParameter methodParameter = parameter.methodParameter();
		Type declared = (methodParameter.getParameterType() == Optional.class)
				? methodParameter.nestedIfOptional().getNestedGenericParameterType()
				: methodParameter.getGenericParameterType();
		// a functional method declares Object: the bound type says more
		return (declared == Object.class) ? parameter.type().getRawClass() : declared;
	}

	private static ObjectNode resultSchema(InvocableJsonRpcMethod method, DocumentSchemas schemas) {
		Method javaMethod = method.handlerMethod().getMethod();
		ResolvableType type = ResolvableType.forMethodReturnType(javaMethod, method.handlerMethod().beanType());
		boolean many = false;
		while (true) {
			Class<?> raw = type.toClass();
			ReactiveAdapter adapter = ReactiveAdapterRegistry.getSharedInstance().getAdapter(raw);
			if (raw == Optional.class) {
				type = type.getGeneric(0);
			}
			else if (CompletionStage.class.isAssignableFrom(raw)) {
				type = type.as(CompletionStage.class).getGeneric(0);
			}
			else if (Stream.class.isAssignableFrom(raw)) {
				// streamed item by item, or collected into one array
				type = type.as(Stream.class).getGeneric(0);
				many = true;
			}
			else if (adapter != null && !adapter.isNoValue()) {
				many = many || adapter.isMultiValue();
				type = (adapter.isMultiValue() || type.hasGenerics()) ? type.getGeneric(0)
						: ResolvableType.forClass(Object.class);
			}
			else if (Flow.Publisher.class.isAssignableFrom(raw)) {
				type = type.as(Flow.Publisher.class).getGeneric(0);
				many = true;
			}
			else {
				break;
			}
		}
		Class<?> raw = type.toClass();
		if (!many && (raw == void.class || raw == Void.class)) {
			return nodes.objectNode().put("type", "null");
		}
		Type itemType = reflectionType(type);
		return schemas
			.schema(many ? ResolvableType.forClassWithGenerics(List.class, ResolvableType.forType(itemType)).getType()
					: itemType);
	}

	// the types ResolvableType hands out are serializable proxies that schema
	// generators cannot introspect: rebuild them from classes
	private static Type reflectionType(ResolvableType type) {
		Class<?> raw = type.resolve();
		if (raw == null) {
			return Object.class;
		}
		if (!type.hasGenerics()) {
			return raw;
		}
		ResolvableType[] generics = type.getGenerics();
		ResolvableType[] rebuilt = new ResolvableType[generics.length];
		for (int i = 0; i < generics.length; i++) {
			rebuilt[i] = ResolvableType.forType(reflectionType(generics[i]));
		}
		return ResolvableType.forClassWithGenerics(raw, rebuilt).getType();
	}

	/**
	 * A method whose schemas are requested but possibly not yet complete.
	 */
	static final class Pending {

		private final InvocableJsonRpcMethod method;

		private final List<ObjectNode> paramSchemas;

		private final ObjectNode resultSchema;

		Pending(InvocableJsonRpcMethod method, List<ObjectNode> paramSchemas, ObjectNode resultSchema) {
			this.method = method;
			this.paramSchemas = paramSchemas;
			this.resultSchema = resultSchema;
		}

		/**
		 * Return the method object.
		 * @param components the document's shared schemas, complete
		 * @return the OpenRPC method object
		 */
		ObjectNode finish(ObjectNode components) {
			ObjectNode description = nodes.objectNode();
			description.put("name", this.method.name());
			String text = this.method.handlerMethod().description();
			if (StringUtils.hasText(text)) {
				description.put("description", text);
			}
			List<JsonRpcParameter> parameters = this.method.parameters();
			ArrayNode params = description.putArray("params");
			String structure = "either";
			if (this.method.bindsWholeParams()) {
				ObjectNode whole = resolve(this.paramSchemas.get(0), components);
				String type = whole.path("type").asString("");
				if (whole.path("properties").isObject()) {
					wholeParams(whole, params);
					structure = "by-name";
				}
				else if (type.equals("array")) {
					// a List or array: params is the positional list itself
					ObjectNode item = whole.path("items").isObject() ? (ObjectNode) whole.get("items")
							: nodes.objectNode();
					params.add(param(parameters.get(0).name(), false, item));
					structure = "by-position";
				}
				else if (type.equals("object")) {
					// an object whose members the schema does not list
					structure = "by-name";
				}
			}
			else {
				for (int i = 0; i < parameters.size(); i++) {
					JsonRpcParameter parameter = parameters.get(i);
					ObjectNode schema = constrained(this.paramSchemas.get(i), parameter);
					if (parameter.defaultValue() != null) {
						schema = withKeyword(schema, "default", parameter.defaultValue());
					}
					params.add(param(parameter.name(), parameter.required(), schema));
					if (parameter.methodParameter().getParameterName() == null) {
						// compiled without -parameters: only positional params can bind
						structure = "by-position";
					}
				}
			}
			description.put("paramStructure", structure);
			ObjectNode result = description.putObject("result");
			result.put("name", "result");
			result.set("schema", this.resultSchema);
			ArrayNode errors = errors();
			if (!errors.isEmpty()) {
				description.set("errors", errors);
			}
			return description;
		}

		private static void wholeParams(ObjectNode schema, ArrayNode params) {
			JsonNode required = schema.path("required");
			for (Map.Entry<String, JsonNode> property : schema.get("properties").properties()) {
				boolean isRequired = false;
				for (JsonNode name : required) {
					isRequired = isRequired || name.asString().equals(property.getKey());
				}
				params.add(param(property.getKey(), isRequired, (ObjectNode) property.getValue()));
			}
		}

		private static ObjectNode param(String name, boolean required, ObjectNode schema) {
			ObjectNode param = nodes.objectNode();
			param.put("name", name);
			param.put("required", required);
			param.set("schema", schema);
			return param;
		}

		private ArrayNode errors() {
			ArrayNode errors = nodes.arrayNode();
			for (Class<?> exceptionType : this.method.handlerMethod().getMethod().getExceptionTypes()) {
				JsonRpcErrorCode errorCode = AnnotatedElementUtils.findMergedAnnotation(exceptionType,
						JsonRpcErrorCode.class);
				if (errorCode != null) {
					ObjectNode error = errors.addObject();
					error.put("code", errorCode.code());
					error.put("message", StringUtils.hasText(errorCode.message()) ? errorCode.message()
							: exceptionType.getSimpleName());
				}
			}
			return errors;
		}

		private static ObjectNode resolve(ObjectNode schema, ObjectNode components) {
			String ref = schema.path("$ref").asString("");
			if (ref.startsWith(OpenRpcSchemaGenerator.COMPONENTS_REF_PREFIX)) {
				JsonNode shared = components.get(ref.substring(OpenRpcSchemaGenerator.COMPONENTS_REF_PREFIX.length()));
				if (shared instanceof ObjectNode object) {
					return object;
				}
			}
			return schema;
		}

		// Bean Validation constraints on the method parameter itself (those on fields
		// and record components are added by the schema generator)
		private static ObjectNode constrained(ObjectNode schema, JsonRpcParameter parameter) {
			ObjectNode result = schema;
			for (Annotation annotation : parameter.methodParameter().getParameterAnnotations()) {
				String type = annotation.annotationType().getName();
				if (!type.startsWith("jakarta.validation.constraints.")) {
					continue;
				}
				Map<String, Object> attributes = AnnotationUtils.getAnnotationAttributes(annotation);
				boolean text = "string".equals(schema.path("type").asString(""));
				switch (annotation.annotationType().getSimpleName()) {
					case "NotBlank", "NotEmpty" ->
						result = withKeyword(result, text ? "minLength" : "minItems", nodes.numberNode(1));
					case "Min", "DecimalMin" -> result = withKeyword(result, "minimum", number(attributes));
					case "Max", "DecimalMax" -> result = withKeyword(result, "maximum", number(attributes));
					case "Positive" -> result = withKeyword(result, "exclusiveMinimum", nodes.numberNode(0));
					case "PositiveOrZero" -> result = withKeyword(result, "minimum", nodes.numberNode(0));
					case "Negative" -> result = withKeyword(result, "exclusiveMaximum", nodes.numberNode(0));
					case "NegativeOrZero" -> result = withKeyword(result, "maximum", nodes.numberNode(0));
					case "Pattern" -> result = withKeyword(result, "pattern",
							nodes.stringNode(String.valueOf(attributes.get("regexp"))));
					case "Size" -> {
						int min = (Integer) attributes.get("min");
						int max = (Integer) attributes.get("max");
						if (min > 0) {
							result = withKeyword(result, text ? "minLength" : "minItems", nodes.numberNode(min));
						}
						if (max < Integer.MAX_VALUE) {
							result = withKeyword(result, text ? "maxLength" : "maxItems", nodes.numberNode(max));
						}
					}
					default -> {
					}
				}
			}
			return result;
		}

		private static JsonNode number(Map<String, Object> attributes) {
			Object value = attributes.get("value");
			return (value instanceof Long number) ? nodes.numberNode(number)
					: nodes.numberNode(new java.math.BigDecimal(String.valueOf(value)));
		}

		// keywords next to a "$ref" are ignored in draft 7: reference it from an allOf;
		// other schema nodes are made for this one parameter and may be changed
		private static ObjectNode withKeyword(ObjectNode schema, String keyword, @Nullable JsonNode value) {
			ObjectNode target = schema;
			if (schema.has("$ref")) {
				target = nodes.objectNode();
				target.putArray("allOf").add(schema);
			}
			target.set(keyword, value);
			return target;
		}

	}

}
