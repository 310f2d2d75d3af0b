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

import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaBuilder;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationOption;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.util.ClassUtils;

/**
 * {@link OpenRpcSchemaGenerator} on the victools jsonschema-generator: JSON Schema draft
 * 7 (the dialect of OpenRPC 1.3), property names and required members as the Jackson
 * module sees them, Bean Validation constraints as keywords, shared types under
 * {@code components.schemas}.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class VictoolsOpenRpcSchemaGenerator implements OpenRpcSchemaGenerator {

	private static final boolean jakartaValidationPresent = ClassUtils.isPresent("jakarta.validation.Constraint",
			VictoolsOpenRpcSchemaGenerator.class.getClassLoader())
			&& ClassUtils.isPresent("com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule",
					VictoolsOpenRpcSchemaGenerator.class.getClassLoader());

	private final SchemaGenerator generator;

	VictoolsOpenRpcSchemaGenerator(JsonMapper mapper) {
		SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(mapper, SchemaVersion.DRAFT_7,
				OptionPreset.PLAIN_JSON)
			.with(new JacksonModule(JacksonOption.RESPECT_JSONPROPERTY_REQUIRED,
					JacksonOption.FLATTENED_ENUMS_FROM_JSONVALUE))
			.with(Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES, Option.STANDARD_FORMATS, Option.PLAIN_DEFINITION_KEYS)
			// schemas are embedded in the document: no "$schema" in each of them
			.without(Option.SCHEMA_VERSION_INDICATOR);
		if (jakartaValidationPresent) {
			config.with(ValidationSupport.module());
		}
		// properties in declaration order, as Jackson writes records; a JsonNode or
		// Object parameter accepts any JSON value
		config.forTypesInGeneral()
			.withPropertySorter((first, second) -> 0)
			.withCustomDefinitionProvider(
					(type, context) -> (type.isInstanceOf(JsonNode.class) || type.getErasedType() == Object.class)
							? new CustomDefinition(context.getGeneratorConfig().createObjectNode(),
									CustomDefinition.INLINE_DEFINITION, CustomDefinition.EXCLUDING_ATTRIBUTES)
							: null);
		this.generator = new SchemaGenerator(config.build());
	}

	@Override
	public DocumentSchemas newDocument() {
		SchemaBuilder builder = this.generator.buildMultipleSchemaDefinitions();
		return new DocumentSchemas() {

			@Override
			public ObjectNode schema(Type type) {
				return builder.createSchemaReference(type);
			}

			@Override
			public ObjectNode components() {
				return builder.collectDefinitions("components/schemas");
			}

		};
	}

	private static final class ValidationSupport {

		static JakartaValidationModule module() {
			return new JakartaValidationModule(JakartaValidationOption.NOT_NULLABLE_FIELD_IS_REQUIRED,
					JakartaValidationOption.INCLUDE_PATTERN_EXPRESSIONS);
		}

	}

}
