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

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.util.ClassUtils;

/**
 * Strategy to describe Java types as JSON Schemas in an OpenRPC document.
 *
 * <p>
 * {@link #create(JsonMapper)} uses the
 * <a href="https://github.com/victools/jsonschema-generator">victools
 * jsonschema-generator</a> with its Jackson module (and its Jakarta Validation module
 * when Bean Validation is present) when it is on the class path, and a simple description
 * of the JSON kind of each type otherwise.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface OpenRpcSchemaGenerator {

	/** Prefix of references to the document's shared schemas. */
	String COMPONENTS_REF_PREFIX = "#/components/schemas/";

	/**
	 * Start describing the types of one document.
	 * @return the schemas of one document
	 */
	DocumentSchemas newDocument();

	/**
	 * Create the default generator for the application's mapper.
	 * @param mapper the mapper that reads params and writes results
	 * @return the generator
	 */
	static OpenRpcSchemaGenerator create(JsonMapper mapper) {
		ClassLoader classLoader = OpenRpcSchemaGenerator.class.getClassLoader();
		if (ClassUtils.isPresent("com.github.victools.jsonschema.generator.SchemaGenerator", classLoader)
				&& ClassUtils.isPresent("com.github.victools.jsonschema.module.jackson.JacksonModule", classLoader)) {
			return new VictoolsOpenRpcSchemaGenerator(mapper);
		}
		return new SimpleOpenRpcSchemaGenerator(mapper);
	}

	/**
	 * The schemas of one document: types used more than once may be described once under
	 * {@code components.schemas} and referenced with {@link #COMPONENTS_REF_PREFIX}.
	 */
	interface DocumentSchemas {

		/**
		 * Return the schema of a type. The returned node may be completed only when
		 * {@link #components()} is called, so read it after that.
		 * @param type the Java type
		 * @return the schema (or a reference to a shared one)
		 */
		ObjectNode schema(Type type);

		/**
		 * Finish the document and return the shared schemas by name.
		 * @return the schemas for {@code components.schemas}, possibly empty
		 */
		ObjectNode components();

	}

}
