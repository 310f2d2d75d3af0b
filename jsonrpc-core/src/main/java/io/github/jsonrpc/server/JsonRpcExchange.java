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
package io.github.jsonrpc.server;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.security.Principal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * One JSON-RPC call in progress: the request plus what the transport knows about it, and
 * attributes that interceptors and resolvers may use to pass values along.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public final class JsonRpcExchange {

	private final JsonRpcRequest request;

	private final JsonRpcTransportContext context;

	private static final VarHandle ATTRIBUTES;

	static {
		try {
			ATTRIBUTES = MethodHandles.lookup()
				.findVarHandle(JsonRpcExchange.class, "attributes", ConcurrentHashMap.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	// made when first asked for: most calls never use attributes
	private volatile @Nullable ConcurrentHashMap<String, Object> attributes;

	private final JsonRpcReplyBudget replyBudget;

	// set by interceptors before the rest of the chain runs and read by the invoker:
	// one call at a time, handed between threads through futures and executors
	private @Nullable JsonRpcPublisherContext publisherContext;

	private JsonRpcExchange(JsonRpcRequest request, JsonRpcTransportContext context,
			@Nullable ConcurrentHashMap<String, Object> attributes, JsonRpcReplyBudget replyBudget,
			@Nullable JsonRpcPublisherContext publisherContext) {
		Assert.notNull(request, "Request is required");
		Assert.notNull(context, "Context is required");
		this.request = request;
		this.context = context;
		if (attributes != null) {
			// a volatile write is a full fence: not made for a new exchange's empty map
			this.attributes = attributes;
		}
		this.replyBudget = replyBudget;
		this.publisherContext = publisherContext;
	}

	/**
	 * Create an exchange.
	 * @param request the request
	 * @param context the transport context
	 * @return the exchange
	 */
	public static JsonRpcExchange of(JsonRpcRequest request, JsonRpcTransportContext context) {
		return of(request, context, JsonRpcReplyBudget.unlimited());
	}

	/**
	 * Create an exchange that charges what its reply holds to a budget shared by the
	 * calls of one request.
	 * @param request the request
	 * @param context the transport context
	 * @param replyBudget the budget of the whole request (a batch shares one)
	 * @return the exchange
	 */
	public static JsonRpcExchange of(JsonRpcRequest request, JsonRpcTransportContext context,
			JsonRpcReplyBudget replyBudget) {
		Assert.notNull(replyBudget, "ReplyBudget is required");
		return new JsonRpcExchange(request, context, null, replyBudget, null);
	}

	/**
	 * Return a copy of this exchange for another request, sharing the attributes and
	 * carrying the {@link #publisherContext() publisher context}.
	 * @param request the request, e.g. rewritten by an interceptor
	 * @return the new exchange
	 */
	public JsonRpcExchange withRequest(JsonRpcRequest request) {
		return new JsonRpcExchange(request, this.context, attributeMap(), this.replyBudget, this.publisherContext);
	}

	/**
	 * Return a copy of this exchange with another transport context, sharing the
	 * attributes and the reply budget and carrying the {@link #publisherContext()
	 * publisher context}.
	 * @param context the new context, e.g. with the authenticated principal
	 * @return the new exchange
	 */
	public JsonRpcExchange withContext(JsonRpcTransportContext context) {
		return new JsonRpcExchange(this.request, context, attributeMap(), this.replyBudget, this.publisherContext);
	}

	/**
	 * Return the request.
	 * @return the request
	 */
	public JsonRpcRequest request() {
		return this.request;
	}

	/**
	 * Return the method name of the request.
	 * @return the method name
	 */
	public String method() {
		return this.request.method();
	}

	/**
	 * Return the id of the request.
	 * @return the id, or {@code null} for a notification
	 */
	public @Nullable JsonRpcId id() {
		return this.request.id();
	}

	/**
	 * Return the transport context.
	 * @return the context
	 */
	public JsonRpcTransportContext context() {
		return this.context;
	}

	/**
	 * Return the principal the transport established.
	 * @return the principal, or {@code null} when anonymous
	 */
	public @Nullable Principal principal() {
		return this.context.principal();
	}

	/**
	 * Return the session of a persistent connection.
	 * @return the session, or {@code null} for HTTP and in-process calls
	 */
	public @Nullable JsonRpcSession session() {
		return this.context.session();
	}

	/**
	 * Return the reply budget of the request this call belongs to.
	 * @return the budget, shared by the calls of a batch
	 */
	public JsonRpcReplyBudget replyBudget() {
		return this.replyBudget;
	}

	/**
	 * Return what the publishers the method returns are subscribed with.
	 * @return the publisher context, or {@code null} when no interceptor set one
	 */
	public @Nullable JsonRpcPublisherContext publisherContext() {
		return this.publisherContext;
	}

	/**
	 * Set what the publishers ({@code Mono}, {@code Flux}, ...) the method returns are
	 * subscribed with, replacing any set before; combine with
	 * {@link JsonRpcPublisherContext#andThen(JsonRpcPublisherContext)} to keep it. Set it
	 * before the rest of the chain runs: copies of this exchange made earlier do not see
	 * it.
	 * @param publisherContext the publisher context, or {@code null} for none
	 */
	public void publisherContext(@Nullable JsonRpcPublisherContext publisherContext) {
		this.publisherContext = publisherContext;
	}

	/**
	 * Return the mutable attributes of this call.
	 * @return the attributes
	 */
	public Map<String, Object> attributes() {
		return attributeMap();
	}

	private ConcurrentHashMap<String, Object> attributeMap() {
		ConcurrentHashMap<String, Object> map = this.attributes;
		if (map == null) {
			// two threads asking at once must get the same map
			ConcurrentHashMap<String, Object> created = new ConcurrentHashMap<>();
			map = ATTRIBUTES.compareAndSet(this, null, created) ? created : this.attributes;
		}
		return map;
	}

	@Override
	public String toString() {
		return "JsonRpcExchange[method=" + this.request.method() + ", id=" + this.request.id() + ", transport="
				+ this.context.transport() + "]";
	}

}
