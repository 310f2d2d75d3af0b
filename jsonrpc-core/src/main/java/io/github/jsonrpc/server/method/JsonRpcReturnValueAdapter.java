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

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.stream.Stream;

import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.JsonRpcPublisherContext;
import io.github.jsonrpc.server.JsonRpcStreamSink;
import org.jspecify.annotations.Nullable;
import reactor.adapter.JdkFlowAdapter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.core.ReactiveAdapter;
import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.util.ClassUtils;

/**
 * Adapts what a method returns to the one async type of the core contracts: plain values,
 * {@code void} ({@code null}), {@link Optional}, {@link CompletionStage}, and streams of
 * values: a {@link Stream}, a JDK {@link Flow.Publisher} and, when Reactor is present,
 * any single- or multi-value publisher known to Spring's {@link ReactiveAdapterRegistry}.
 *
 * <p>
 * A stream of values is collected to a list, unless the call has an id and the transport
 * offers a {@link JsonRpcStreamSink} in the transport context: then each item goes to the
 * sink as it comes, and the result is {@code {"count": <items sent>}}.
 *
 * <p>
 * Reactor publishers are subscribed with the call's {@link JsonRpcPublisherContext}, if
 * any: it is asked when the publisher is subscribed, never for other return values.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class JsonRpcReturnValueAdapter {

	private static final boolean reactorPresent = ClassUtils.isPresent("reactor.core.publisher.Flux",
			JsonRpcReturnValueAdapter.class.getClassLoader());

	private JsonRpcReturnValueAdapter() {
	}

	/**
	 * Return whether a method with this return type completes asynchronously by itself.
	 * @param returnType the declared return type
	 * @return {@code true} for futures and publishers
	 */
	static boolean isAsync(Class<?> returnType) {
		return CompletionStage.class.isAssignableFrom(returnType) || Flow.Publisher.class.isAssignableFrom(returnType)
				|| (reactorPresent && ReactorSupport.isReactive(returnType));
	}

	/**
	 * Return whether a value is the result as it is, with nothing to wait for or unwrap.
	 */
	static boolean isPlain(@Nullable Object value) {
		return value == null || !(value instanceof CompletionStage<?> || value instanceof Optional<?>
				|| value instanceof Stream<?> || value instanceof Flow.Publisher<?>
				|| (reactorPresent && ReactorSupport.isReactive(value.getClass())));
	}

	static CompletableFuture<@Nullable Object> adapt(@Nullable Object value, JsonRpcExchange exchange,
			int maxCollectedItems) {
		if (value == null) {
			return CompletableFuture.completedFuture(null);
		}
		if (value instanceof CompletionStage<?> stage) {
			return stage.toCompletableFuture().thenApply(JsonRpcReturnValueAdapter::unwrapOptional);
		}
		if (value instanceof Optional<?> optional) {
			return CompletableFuture.completedFuture(optional.orElse(null));
		}
		if (value instanceof Stream<?> stream) {
			return subscribe(new JsonRpcStreamPublisher(stream), exchange, maxCollectedItems);
		}
		if (value instanceof Flow.Publisher<?> publisher) {
			return subscribe(publisher, exchange, maxCollectedItems);
		}
		if (reactorPresent) {
			CompletableFuture<@Nullable Object> reactive = ReactorSupport.adapt(value, exchange, maxCollectedItems);
			if (reactive != null) {
				return reactive;
			}
		}
		return CompletableFuture.completedFuture(value);
	}

	@SuppressWarnings("unchecked")
	private static CompletableFuture<@Nullable Object> subscribe(Flow.Publisher<?> publisher, JsonRpcExchange exchange,
			int maxCollectedItems) {
		JsonRpcStreamSink sink = (exchange.id() != null) ? exchange.context().streamSink() : null;
		JsonRpcStreamingSubscriber subscriber = new JsonRpcStreamingSubscriber(exchange, sink, maxCollectedItems);
		((Flow.Publisher<Object>) publisher).subscribe(subscriber);
		return subscriber.result();
	}

	private static @Nullable Object unwrapOptional(@Nullable Object value) {
		return (value instanceof Optional<?> optional) ? optional.orElse(null) : value;
	}

	private static final class ReactorSupport {

		private static final ReactiveAdapterRegistry registry = ReactiveAdapterRegistry.getSharedInstance();

		// most results are plain values: look each class up once, not on every call
		private static final ClassValue<Optional<ReactiveAdapter>> adapters = new ClassValue<>() {
			@Override
			protected Optional<ReactiveAdapter> computeValue(Class<?> type) {
				return Optional.ofNullable(registry.getAdapter(type));
			}
		};

		static boolean isReactive(Class<?> type) {
			return adapters.get(type).isPresent();
		}

		@SuppressWarnings("unchecked")
		static @Nullable CompletableFuture<@Nullable Object> adapt(Object value, JsonRpcExchange exchange,
				int maxCollectedItems) {
			ReactiveAdapter adapter = adapters.get(value.getClass()).orElse(null);
			if (adapter == null) {
				return null;
			}
			JsonRpcPublisherContext publisherContext = exchange.publisherContext();
			if (adapter.isMultiValue()) {
				Flux<Object> flux = Flux.from(adapter.toPublisher(value));
				if (publisherContext != null) {
					flux = flux.contextWrite((context) -> write(publisherContext, context));
				}
				return subscribe(JdkFlowAdapter.publisherToFlowPublisher(flux), exchange, maxCollectedItems);
			}
			Mono<Object> mono = Mono.from(adapter.toPublisher(value));
			if (publisherContext != null) {
				mono = mono.contextWrite((context) -> write(publisherContext, context));
			}
			return (CompletableFuture<@Nullable Object>) (CompletableFuture<?>) mono.toFuture();
		}

		// what the interceptors set for the call (e.g. the security context for
		// ReactiveSecurityContextHolder): publishers cannot read thread-locals
		private static Context write(JsonRpcPublisherContext publisherContext, Context context) {
			Context[] written = { context };
			publisherContext.writeTo((key, value) -> written[0] = written[0].put(key, value));
			return written[0];
		}

	}

}
