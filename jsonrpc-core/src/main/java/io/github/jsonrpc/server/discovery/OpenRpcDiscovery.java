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

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.method.InvocableJsonRpcMethod;
import io.github.jsonrpc.server.method.InvocableJsonRpcMethodFactory;
import io.github.jsonrpc.server.method.JsonRpcHandlerMethod;
import io.github.jsonrpc.server.method.JsonRpcMethodAccessChecker;
import io.github.jsonrpc.server.method.JsonRpcMethodRegistry;
import io.github.jsonrpc.server.method.JsonRpcParameter;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ResolvableType;
import org.springframework.util.Assert;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;

/**
 * Serves {@code rpc.discover}, the service discovery method of the
 * <a href="https://spec.open-rpc.org/">OpenRPC</a> specification: a document listing the
 * methods the caller may call, with their params and results described by JSON Schema
 * types.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class OpenRpcDiscovery {

	/** Name of the discovery method. */
	public static final String METHOD_NAME = "rpc.discover";

	/** Version of the OpenRPC specification the document follows. */
	public static final String OPENRPC_VERSION = "1.3.2";

	private final JsonRpcMethodRegistry registry;

	private final Supplier<JsonRpcMethodAccessChecker> accessChecker;

	private final JsonMapper mapper;

	private final String title;

	private final String version;

	/**
	 * Create a new instance.
	 * @param registry the methods
	 * @param accessChecker which methods the caller may call
	 * @param mapper the mapper that binds params, to describe types as clients see them
	 * @param title the API title
	 * @param version the API version
	 */
	public OpenRpcDiscovery(JsonRpcMethodRegistry registry, Supplier<JsonRpcMethodAccessChecker> accessChecker,
			JsonMapper mapper, String title, String version) {
		Assert.notNull(registry, "Registry is required");
		Assert.notNull(accessChecker, "AccessChecker is required");
		Assert.notNull(mapper, "JsonMapper is required");
		this.registry = registry;
		this.accessChecker = accessChecker;
		this.mapper = mapper;
		this.title = title;
		this.version = version;
	}

	/**
	 * Register {@code rpc.discover} as a built-in method.
	 * @param methodFactory the factory of invocable methods
	 */
	public void register(InvocableJsonRpcMethodFactory methodFactory) {
		Method method = ReflectionUtils.findMethod(OpenRpcDiscovery.class, "discover", JsonRpcExchange.class);
		Assert.state(method != null, "discover method not found");
		this.registry.registerBuiltIn(methodFactory.create(new JsonRpcHandlerMethod(METHOD_NAME, this, method,
				"Returns the OpenRPC document describing this service")));
	}

	/**
	 * Return the OpenRPC document for the caller.
	 * @param exchange the {@code rpc.discover} call
	 * @return the document
	 */
	public Map<String, Object> discover(JsonRpcExchange exchange) {
		JsonRpcMethodAccessChecker checker = this.accessChecker.get();
		List<Map<String, Object>> methods = new ArrayList<>();
		for (InvocableJsonRpcMethod method : this.registry.methods()) {
			if (!method.name().equals(METHOD_NAME) && checker.canInvoke(method, exchange)) {
				methods.add(describe(method));
			}
		}
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("openrpc", OPENRPC_VERSION);
		Map<String, Object> info = new LinkedHashMap<>();
		info.put("title", this.title);
		info.put("version", this.version);
		document.put("info", info);
		document.put("methods", methods);
		return document;
	}

	private Map<String, Object> describe(InvocableJsonRpcMethod method) {
		Map<String, Object> description = new LinkedHashMap<>();
		description.put("name", method.name());
		if (StringUtils.hasText(method.handlerMethod().description())) {
			description.put("description", method.handlerMethod().description());
		}
		List<Map<String, Object>> params = new ArrayList<>();
		for (JsonRpcParameter parameter : method.parameters()) {
			Map<String, Object> param = new LinkedHashMap<>();
			param.put("name", parameter.name());
			param.put("required", parameter.required());
			param.put("schema", schema(parameter.type()));
			params.add(param);
		}
		description.put("params", params);
		description.put("paramStructure", method.bindsWholeParams() ? "by-name" : "either");
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("name", "result");
		result.put("schema", resultSchema(method.handlerMethod().getMethod()));
		description.put("result", result);
		return description;
	}

	private Map<String, Object> resultSchema(Method method) {
		ResolvableType type = ResolvableType.forMethodReturnType(method);
		while (CompletionStage.class.isAssignableFrom(type.toClass()) || type.toClass() == Optional.class) {
			type = type.as((type.toClass() == Optional.class) ? Optional.class : CompletionStage.class).getGeneric(0);
		}
		Class<?> raw = type.toClass();
		if (raw == void.class || raw == Void.class) {
			return Map.of("type", "null");
		}
		return schema(this.mapper.constructType(type.getType()));
	}

	private Map<String, Object> schema(@Nullable JavaType type) {
		if (type == null || type.getRawClass() == Object.class
				|| tools.jackson.databind.JsonNode.class.isAssignableFrom(type.getRawClass())) {
			return Map.of();
		}
		String kind = JsonRpcParameter.kindOf(type);
		if (kind.equals("array")) {
			Map<String, Object> schema = new LinkedHashMap<>();
			schema.put("type", "array");
			schema.put("items", schema(type.getContentType()));
			return schema;
		}
		return Map.of("type", kind);
	}

}
