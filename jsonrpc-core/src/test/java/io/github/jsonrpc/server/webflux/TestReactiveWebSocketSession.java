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

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.adapter.AbstractWebSocketSession;

/**
 * A reactive WebSocket session driven by a test: what the client sends is emitted on
 * {@link #inbound()}, what the server sends is collected with the demand the test gives.
 *
 * @author JSON-RPC for Spring Boot team
 */
class TestReactiveWebSocketSession extends AbstractWebSocketSession<Object> {

	private final Sinks.Many<WebSocketMessage> inbound = Sinks.many().unicast().onBackpressureBuffer();

	private final List<WebSocketMessage> sent = new CopyOnWriteArrayList<>();

	private final List<CloseStatus> closed = new CopyOnWriteArrayList<>();

	private final long initialDemand;

	private volatile @Nullable BaseSubscriber<WebSocketMessage> outbound;

	TestReactiveWebSocketSession(String id, @Nullable Principal principal, long initialDemand) {
		super(new Object(), id,
				new HandshakeInfo(URI.create("ws://127.0.0.1/jsonrpc"), new HttpHeaders(),
						(principal != null) ? Mono.just(principal) : Mono.empty(), null),
				DefaultDataBufferFactory.sharedInstance);
		this.initialDemand = initialDemand;
	}

	Sinks.Many<WebSocketMessage> inbound() {
		return this.inbound;
	}

	void receiveText(String text) {
		this.inbound.tryEmitNext(textMessage(text));
	}

	void request(long n) {
		BaseSubscriber<WebSocketMessage> current = this.outbound;
		if (current != null) {
			current.request(n);
		}
	}

	List<String> sentText() {
		return this.sent.stream()
			.filter((message) -> message.getType() == WebSocketMessage.Type.TEXT)
			.map(WebSocketMessage::getPayloadAsText)
			.toList();
	}

	List<WebSocketMessage> sent() {
		return this.sent;
	}

	List<CloseStatus> closed() {
		return this.closed;
	}

	@Override
	public Flux<WebSocketMessage> receive() {
		return this.inbound.asFlux();
	}

	@Override
	public Mono<Void> send(Publisher<WebSocketMessage> messages) {
		return Mono.create((done) -> {
			BaseSubscriber<WebSocketMessage> subscriber = new BaseSubscriber<>() {

				@Override
				protected void hookOnSubscribe(Subscription subscription) {
					if (TestReactiveWebSocketSession.this.initialDemand > 0) {
						request(TestReactiveWebSocketSession.this.initialDemand);
					}
				}

				@Override
				protected void hookOnNext(WebSocketMessage message) {
					TestReactiveWebSocketSession.this.sent.add(message);
				}

				@Override
				protected void hookOnComplete() {
					done.success();
				}

				@Override
				protected void hookOnError(Throwable throwable) {
					done.error(throwable);
				}

			};
			this.outbound = subscriber;
			messages.subscribe(subscriber);
		});
	}

	@Override
	public boolean isOpen() {
		return this.closed.isEmpty();
	}

	@Override
	public Mono<Void> close(CloseStatus status) {
		return Mono.fromRunnable(() -> {
			this.closed.add(status);
			this.inbound.tryEmitComplete();
		});
	}

	@Override
	public Mono<CloseStatus> closeStatus() {
		return this.closed.isEmpty() ? Mono.empty() : Mono.just(this.closed.get(0));
	}

}
