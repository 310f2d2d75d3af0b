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
package io.github.jsonrpc.server.webflux;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.protocol.JsonRpcReply;
import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.JsonRpcStreamSink;
import io.github.jsonrpc.server.http.JsonRpcHttpStreamFormat;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.ReactiveHttpOutputMessage;
import org.springframework.web.reactive.function.BodyInserter;

/**
 * The stream of one HTTP call whose client accepts a {@link JsonRpcHttpStreamFormat}:
 * each item is written as an {@code rpc.stream} notification, then the final response.
 * The next item is requested from the source only when the response has demand for it, so
 * a slow client slows the source down and no thread waits; a client that goes away
 * cancels the stream.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class WebFluxJsonRpcStream implements JsonRpcStreamSink {

	private final JsonRpcMessageCodec codec;

	private final JsonRpcHttpStreamFormat format;

	/**
	 * Completes with {@code true} when the call streams, {@code false} when it answers
	 * plainly.
	 */
	private final CompletableFuture<Boolean> started = new CompletableFuture<>();

	private final Queue<Object> events = new ConcurrentLinkedQueue<>();

	private final AtomicInteger wip = new AtomicInteger();

	private volatile @Nullable FluxSink<DataBuffer> sink;

	private volatile @Nullable Runnable cancel;

	private volatile boolean broken;

	private boolean done;

	WebFluxJsonRpcStream(JsonRpcMessageCodec codec, JsonRpcHttpStreamFormat format) {
		this.codec = codec;
		this.format = format;
	}

	@Override
	public void open(JsonRpcExchange exchange, Runnable cancel) {
		if (exchange.id() == null) {
			// a notification is never answered, not even with items
			return;
		}
		this.cancel = cancel;
		this.started.complete(true);
	}

	@Override
	public boolean item(JsonRpcExchange exchange, @Nullable Object item, Runnable requestNext) {
		JsonRpcId id = exchange.id();
		if (this.broken || id == null) {
			return false;
		}
		this.events.add(new Item(this.format.frame(this.codec.encodeStreamItem(id, exchange.request().version(), item)),
				requestNext));
		drain();
		return true;
	}

	@Override
	public void close(JsonRpcExchange exchange) {
	}

	/**
	 * Finish the stream with the reply of the call once it completes.
	 * @param reply the reply
	 */
	void replyWith(CompletableFuture<JsonRpcReply> reply) {
		reply.whenComplete((result, ex) -> {
			JsonRpcReply last = (ex != null) ? JsonRpcReply.empty() : result;
			if (this.started.complete(false)) {
				// answered before any stream was opened: written as plain JSON
				return;
			}
			this.events.add(last);
			drain();
		});
	}

	/**
	 * Return whether the call streams: completes when it opens a stream or is answered.
	 * @return {@code true} when it streams
	 */
	CompletableFuture<Boolean> started() {
		return this.started;
	}

	/**
	 * Return the body of a streaming response: every frame is flushed as written.
	 * @return the body inserter
	 */
	BodyInserter<Flux<DataBuffer>, ReactiveHttpOutputMessage> body() {
		Flux<DataBuffer> frames = Flux.create((sink) -> {
			sink.onRequest((n) -> drain());
			sink.onCancel(this::cancelled);
			this.sink = sink;
			drain();
		});
		return (message, context) -> message.writeAndFlushWith(frames.map(Mono::just));
	}

	private void cancelled() {
		// the client went away: stop the source
		this.broken = true;
		Runnable current = this.cancel;
		if (current != null) {
			current.run();
		}
	}

	private void drain() {
		if (this.wip.getAndIncrement() != 0) {
			return;
		}
		int missed = 1;
		do {
			FluxSink<DataBuffer> current = this.sink;
			while (current != null && !this.done && current.requestedFromDownstream() > 0) {
				Object event = this.events.poll();
				if (event == null) {
					break;
				}
				if (event instanceof Item item) {
					current.next(DefaultDataBufferFactory.sharedInstance.wrap(item.frame()));
					// may add the next item at once: the loop picks it up
					item.requestNext().run();
				}
				else if (event instanceof JsonRpcReply last) {
					if (!last.isEmpty()) {
						current.next(DefaultDataBufferFactory.sharedInstance
							.wrap(this.format.frame(this.codec.encodeReply(last))));
					}
					this.done = true;
					current.complete();
				}
			}
			missed = this.wip.addAndGet(-missed);
		}
		while (missed != 0);
	}

	private record Item(byte[] frame, Runnable requestNext) {
	}

}
