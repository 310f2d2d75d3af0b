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
package io.github.jsonrpc.server.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

import io.github.jsonrpc.protocol.JsonRpcError;
import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import org.jspecify.annotations.Nullable;

/**
 * Turns constraint violations into the {@code -32602} error clients see: one entry per
 * violation with the field and the message, never the rejected value.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class ConstraintViolations {

	private ConstraintViolations() {
	}

	static JsonRpcError toError(Set<? extends ConstraintViolation<?>> violations,
			IntFunction<@Nullable String> parameterNames) {
		List<Map<String, String>> data = new ArrayList<>(violations.size());
		for (ConstraintViolation<?> violation : violations) {
			Map<String, String> entry = new LinkedHashMap<>();
			entry.put("field", field(violation.getPropertyPath(), parameterNames));
			entry.put("message", violation.getMessage());
			data.add(entry);
		}
		data.sort(Comparator.comparing((Map<String, String> entry) -> entry.get("field"))
			.thenComparing((entry) -> entry.get("message")));
		return JsonRpcError.of(JsonRpcErrorCodes.INVALID_PARAMS, "Invalid params", data);
	}

	private static String field(Path path, IntFunction<@Nullable String> parameterNames) {
		StringBuilder field = new StringBuilder();
		Iterator<Path.Node> nodes = path.iterator();
		while (nodes.hasNext()) {
			Path.Node node = nodes.next();
			if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
				continue;
			}
			String name = node.getName();
			if (node.getKind() == ElementKind.PARAMETER) {
				String exposed = parameterNames.apply(node.as(Path.ParameterNode.class).getParameterIndex());
				name = (exposed != null) ? exposed : name;
			}
			if (node.getIndex() != null) {
				field.append('[').append(node.getIndex()).append(']');
			}
			else if (node.getKey() != null) {
				field.append('[').append(node.getKey()).append(']');
			}
			if (name != null && !name.isEmpty() && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
				field.append((field.length() > 0) ? "." : "").append(name);
			}
		}
		return field.toString();
	}

}
