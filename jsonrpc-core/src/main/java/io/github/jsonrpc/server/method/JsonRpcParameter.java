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

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;

import org.springframework.core.MethodParameter;

/**
 * A method parameter bound from {@code params}, as described to clients by introspection.
 *
 * @param name the name in named params
 * @param position the position in positional params
 * @param required whether the parameter must be given
 * @param defaultValue the value used when omitted, or {@code null}
 * @param type the Java type bound to
 * @param kind the JSON kind expected: {@code integer}, {@code number}, {@code string},
 * {@code boolean}, {@code array} or {@code object}
 * @param methodParameter the Java parameter
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public record JsonRpcParameter(String name, int position, boolean required, @Nullable JsonNode defaultValue,
		JavaType type, String kind, MethodParameter methodParameter) {

	/**
	 * Return the JSON kind a Java type is written as.
	 * @param type the type
	 * @return the kind
	 */
	public static String kindOf(JavaType type) {
		Class<?> raw = type.getRawClass();
		if (raw == int.class || raw == long.class || raw == short.class || raw == byte.class || raw == Integer.class
				|| raw == Long.class || raw == Short.class || raw == Byte.class || raw == java.math.BigInteger.class) {
			return "integer";
		}
		if (raw.isPrimitive() && raw != boolean.class && raw != char.class || Number.class.isAssignableFrom(raw)) {
			return "number";
		}
		if (raw == boolean.class || raw == Boolean.class) {
			return "boolean";
		}
		if (CharSequence.class.isAssignableFrom(raw) || raw == char.class || raw == Character.class || raw.isEnum()
				|| raw == java.util.UUID.class || java.time.temporal.Temporal.class.isAssignableFrom(raw)) {
			return "string";
		}
		if (type.isArrayType() || type.isCollectionLikeType()) {
			return "array";
		}
		return "object";
	}

}
