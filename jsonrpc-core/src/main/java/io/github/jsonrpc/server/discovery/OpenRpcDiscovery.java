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
import java.util.List;
import java.util.function.Supplier;

import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.method.InvocableJsonRpcMethod;
import io.github.jsonrpc.server.method.InvocableJsonRpcMethodFactory;
import io.github.jsonrpc.server.method.JsonRpcHandlerMethod;
import io.github.jsonrpc.server.method.JsonRpcMethodAccessChecker;
import io.github.jsonrpc.server.method.JsonRpcMethodRegistry;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.util.Assert;
import org.springframework.util.ReflectionUtils;

/**
 * Serves {@code rpc.discover}, the service discovery method of the
 * <a href="https://spec.open-rpc.org/">OpenRPC</a> specification: a document listing the
 * methods the caller may call, each described exactly as it binds, with params and
 * results described by JSON Schemas of their Java types (see
 * {@link OpenRpcSchemaGenerator}).
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

	private final OpenRpcSchemaGenerator schemaGenerator;

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
		this(registry, accessChecker, OpenRpcSchemaGenerator.create(mapper), title, version);
	}

	/**
	 * Create a new instance with a given schema generator.
	 * @param registry the methods
	 * @param accessChecker which methods the caller may call
	 * @param schemaGenerator how Java types are described
	 * @param title the API title
	 * @param version the API version
	 */
	public OpenRpcDiscovery(JsonRpcMethodRegistry registry, Supplier<JsonRpcMethodAccessChecker> accessChecker,
			OpenRpcSchemaGenerator schemaGenerator, String title, String version) {
		Assert.notNull(registry, "Registry is required");
		Assert.notNull(accessChecker, "AccessChecker is required");
		Assert.notNull(schemaGenerator, "SchemaGenerator is required");
		this.registry = registry;
		this.accessChecker = accessChecker;
		this.schemaGenerator = schemaGenerator;
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
	 * Return the OpenRPC document for the caller: every method the caller may call,
	 * {@code rpc.discover} included, described as it binds.
	 * @param exchange the {@code rpc.discover} call
	 * @return the document
	 */
	public ObjectNode discover(JsonRpcExchange exchange) {
		JsonRpcMethodAccessChecker checker = this.accessChecker.get();
		OpenRpcSchemaGenerator.DocumentSchemas schemas = this.schemaGenerator.newDocument();
		List<OpenRpcMethodDescriber.Pending> pending = new ArrayList<>();
		for (InvocableJsonRpcMethod method : this.registry.methods()) {
			if (method.name().equals(METHOD_NAME) || checker.canInvoke(method, exchange)) {
				pending.add(OpenRpcMethodDescriber.start(method, schemas));
			}
		}
		ObjectNode components = schemas.components();
		ObjectNode document = JsonNodeFactory.instance.objectNode();
		document.put("openrpc", OPENRPC_VERSION);
		ObjectNode info = document.putObject("info");
		info.put("title", this.title);
		info.put("version", this.version);
		ArrayNode methods = document.putArray("methods");
		for (OpenRpcMethodDescriber.Pending method : pending) {
			methods.add(method.finish(components));
		}
		if (!components.isEmpty()) {
			document.putObject("components").set("schemas", components);
		}
		return document;
	}

}
