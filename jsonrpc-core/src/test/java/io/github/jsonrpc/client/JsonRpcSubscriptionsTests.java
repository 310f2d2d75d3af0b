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

package io.github.jsonrpc.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcRequest;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JsonRpcSubscriptions}: what the lane is charged, listeners after
 * {@code close()}, and server text in log lines.
 */
class JsonRpcSubscriptionsTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static final long LIMIT = 10_000;

	private final ExecutorService delivery = Executors.newSingleThreadExecutor();

	private final ServerSideTransport transport = new ServerSideTransport();

	@AfterEach
	void releaseAndShutDown() {
		this.transport.release();
		this.delivery.shutdownNow();
	}

	@Test
	void notificationsWithoutTheirSizeAreChargedAndBoundedBehindABlockedListener() throws Exception {
		AtomicInteger delivered = new AtomicInteger();
		CountDownLatch first = new CountDownLatch(1);
		JsonRpcClient client = client(this.delivery).build();
		client.onNotification("tick", JsonNode.class, (params) -> {
			delivered.incrementAndGet();
			first.countDown();
			this.transport.hold();
		});
		JsonRpcRequest notification = JsonRpcRequest.notification("tick",
				mapper.readTree("{\"w\":\"" + "w".repeat(1000) + "\"}"));
		// the one-argument call of a custom transport, which gives no size
		this.transport.listener().onNotification(notification);
		assertThat(first.await(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
		for (int i = 0; i < 1000; i++) {
			this.transport.listener().onNotification(notification);
		}
		this.transport.release();
		// a notification of another method marks the end of what was queued
		CountDownLatch drained = new CountDownLatch(1);
		client.onNotification("end", JsonNode.class, (params) -> drained.countDown());
		this.transport.listener().onNotification(JsonRpcRequest.notification("end", null), 0);
		assertThat(drained.await(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
		// each waiting one is charged at least its params (1008 bytes) plus 64: the
		// running one and at most LIMIT / 1072 waiting ones were delivered
		assertThat(delivered.get()).isBetween(2, 1 + (int) (LIMIT / 1072));
	}

	@Test
	void callsOfTheServerAreChargedTheirSizeOnTheLane() throws Exception {
		CountDownLatch first = new CountDownLatch(1);
		JsonRpcClient client = client(this.delivery).handler("confirm", JsonNode.class, (question) -> {
			first.countDown();
			this.transport.hold();
			return true;
		}).build();
		JsonNode params = mapper.readTree("[\"" + "q".repeat(2000) + "\"]");
		List<CompletableFuture<@Nullable JsonRpcResponse>> answers = new ArrayList<>();
		answers.add(this.transport.listener().onRequest(JsonRpcRequest.call(JsonRpcId.of(0), "confirm", params)));
		assertThat(first.await(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
		for (int i = 1; i < 40; i++) {
			answers.add(this.transport.listener().onRequest(JsonRpcRequest.call(JsonRpcId.of(i), "confirm", params)));
		}
		this.transport.release();
		int busy = 0;
		for (CompletableFuture<@Nullable JsonRpcResponse> answer : answers) {
			JsonRpcResponse response = TestWaits.get(answer);
			if (response instanceof JsonRpcResponse.Failure failure) {
				assertThat(failure.error().code()).isEqualTo(JsonRpcErrorCodes.LIMIT_EXCEEDED);
				busy++;
			}
		}
		// under the limit of 64 pending calls, but not under the byte limit: 2 KB each
		assertThat(busy).isGreaterThanOrEqualTo(40 - 1 - (int) (LIMIT / 2064));
		assertThat(client).isNotNull();
	}

	@Test
	void listenerDoesNotRunAfterItsSubscriptionWasClosed() throws Exception {
		AtomicInteger calls = new AtomicInteger();
		CountDownLatch first = new CountDownLatch(1);
		JsonRpcClient client = client(this.delivery).build();
		JsonRpcSubscription subscription = client.onNotification("tick", JsonNode.class, (params) -> {
			calls.incrementAndGet();
			first.countDown();
			this.transport.hold();
		});
		CountDownLatch other = new CountDownLatch(1);
		client.onNotification("other", JsonNode.class, (params) -> other.countDown());
		JsonRpcRequest tick = JsonRpcRequest.notification("tick", null);
		this.transport.listener().onNotification(tick, 10);
		assertThat(first.await(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
		// queued behind the blocked delivery, then its subscription closes
		this.transport.listener().onNotification(tick, 10);
		subscription.close();
		this.transport.release();
		this.transport.listener().onNotification(JsonRpcRequest.notification("other", null), 10);
		assertThat(other.await(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
		assertThat(calls.get()).isOne();
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void serverTextCannotForgeClientLogLines(CapturedOutput output) {
		String method = "tick\nWARN 1 --- [main] forged line \u001b[31m";
		JsonRpcClient client = client(Runnable::run).build();
		client.onNotification(method, JsonNode.class, (params) -> {
			throw new IllegalStateException("listener failed");
		});
		this.transport.listener().onNotification(JsonRpcRequest.notification(method, null), 10);
		assertThat(output.getOut())
			.contains("Listener of notification 'tick\\nWARN 1 --- [main] forged line \\u001b[31m'")
			.doesNotContain("\u001b")
			.satisfies(
					(out) -> assertThat(out.lines()).noneMatch((line) -> line.startsWith("WARN 1 --- [main] forged")));
	}

	private JsonRpcClient.Builder client(Executor executor) {
		return JsonRpcClient.builder().transport(this.transport).maxBufferedBytes(LIMIT).deliveryExecutor(executor);
	}

}
