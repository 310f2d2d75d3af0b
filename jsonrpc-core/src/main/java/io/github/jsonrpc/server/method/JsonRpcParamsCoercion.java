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
package io.github.jsonrpc.server.method;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * How params values of one JSON kind are converted to parameters of another.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public enum JsonRpcParamsCoercion {

	/**
	 * Every scalar must have the JSON kind of its parameter, whatever the application's
	 * mapper allows: a string for a number or boolean, a number for a string or boolean,
	 * a float for an integer, an empty string for anything but a string, and a
	 * one-element array for a single value are {@code -32602}, in nested values (record
	 * fields, list elements) too. The default.
	 */
	STRICT,

	/**
	 * Coercions follow the application's mapper (Jackson accepts {@code "5"} for an
	 * {@code int} by default), except that a float is never truncated to an integer.
	 */
	LENIENT;

	/**
	 * Return the mapper that binds params under this policy, derived from the
	 * application's mapper without changing it.
	 * @param mapper the application's mapper
	 * @return the mapper to bind params with
	 */
	public JsonMapper paramsMapper(JsonMapper mapper) {
		if (this == LENIENT) {
			return mapper;
		}
		return mapper.rebuild()
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS,
					DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT,
					DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT)
			.withCoercionConfigDefaults((config) -> config.setAcceptBlankAsEmpty(false))
			.withCoercionConfig(LogicalType.Textual,
					(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Integer,
					(config) -> config.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Float,
					(config) -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Boolean,
					(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
			.build();
	}

}
