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

package io.github.jsonrpc.client.proxy;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.client.JsonRpcClient;
import io.github.jsonrpc.client.RecordingTransport;
import io.github.jsonrpc.client.annotation.JsonRpcCall;
import io.github.jsonrpc.client.annotation.JsonRpcParamStyle;
import io.github.jsonrpc.client.annotation.JsonRpcRemote;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for how a proxy method becomes a call: its name, how its arguments become params,
 * and what its return type makes of the reply.
 */
class JsonRpcProxyMethodTests {

	private final RecordingTransport transport = new RecordingTransport(JsonRpcProxyMethodTests::reply);

	private final JsonRpcClient client = JsonRpcClient.create(this.transport);

	private final JsonRpcClientProxyFactory factory = JsonRpcClientProxyFactory.create(this.client);

	private static String reply(JsonNode request) {
		if (!request.has("id")) {
			return "";
		}
		String result = request.get("method").stringValue().endsWith("list") ? "[3,2,1]" : "7";
		return "{\"jsonrpc\":\"2.0\",\"result\":" + result + ",\"id\":" + request.get("id") + "}";
	}

	@Test
	void nameIsTheMethodsOrTheAnnotationsUnderTheRemotesPrefix() {
		Unprefixed unprefixed = this.factory.createClient(Unprefixed.class);
		unprefixed.get();
		assertThat(lastMethod()).isEqualTo("get");
		unprefixed.renamed();
		assertThat(lastMethod()).isEqualTo("other");
		Prefixed prefixed = this.factory.createClient(Prefixed.class);
		prefixed.get();
		assertThat(lastMethod()).isEqualTo("calc.get");
		prefixed.renamed();
		assertThat(lastMethod()).isEqualTo("calc.other");
		this.factory.createClient(Bare.class).get();
		assertThat(lastMethod()).isEqualTo("get");
	}

	@Test
	void paramStyleOfTheMethodWinsOverTheRemotes() {
		Prefixed prefixed = this.factory.createClient(Prefixed.class);
		// the remote's NAMED
		prefixed.subtract(42, 23);
		assertThat(lastParams()).isEqualTo("{\"minuend\":42,\"subtrahend\":23}");
		prefixed.subtractPositional(42, 23);
		assertThat(lastParams()).isEqualTo("[42,23]");
		// DEFAULT on the remote is positional
		this.factory.createClient(Unprefixed.class).subtract(42, 23);
		assertThat(lastParams()).isEqualTo("[42,23]");
		this.factory.createClient(Bare.class).subtract(42, 23);
		assertThat(lastParams()).isEqualTo("[42,23]");
	}

	@Test
	void methodWithoutArgumentsSendsNoParams() {
		this.factory.createClient(Bare.class).get();
		assertThat(this.transport.lastSent().has("params")).isFalse();
	}

	@Test
	void varargsAreSpreadIntoThePositionalParams() {
		Bare bare = this.factory.createClient(Bare.class);
		bare.sum(1, 2, 3);
		assertThat(lastParams()).isEqualTo("[1,2,3]");
		bare.sum(1);
		assertThat(lastParams()).isEqualTo("[1]");
		bare.sum(1, (int[]) null);
		assertThat(lastParams()).isEqualTo("[1]");
		bare.join("a", "b");
		assertThat(lastParams()).isEqualTo("[\"a\",\"b\"]");
		// an array that is not varargs is one param
		bare.total(new int[] { 1, 2 });
		assertThat(lastParams()).isEqualTo("[[1,2]]");
	}

	@Test
	void objectParamStyleNeedsExactlyOneNonNullArgument() {
		assertThatIllegalStateException().isThrownBy(() -> this.factory.createClient(TwoObjects.class))
			.withMessageContaining("uses param style OBJECT and must have exactly one parameter");
		Bare bare = this.factory.createClient(Bare.class);
		assertThatIllegalArgumentException().isThrownBy(() -> bare.add(null))
			.withMessage("The params object of method 'add' must not be null");
	}

	@Test
	void namedParamsNeedParameterNames() {
		// the JDK's classes are compiled without -parameters
		assertThatIllegalStateException().isThrownBy(() -> this.factory.createClient(NamedComparator.class))
			.withMessageContaining("uses named params: compile with -parameters so that parameter names are known");
	}

	@Test
	void returnTypeDecidesHowTheResultIsReturned() throws Exception {
		Kinds kinds = this.factory.createClient(Kinds.class);
		assertThat(TestWaits.get(kinds.number().toCompletableFuture())).isEqualTo(7L);
		assertThat(TestWaits.get(kinds.raw())).isEqualTo(7);
		assertThat(kinds.list()).containsExactly(3L, 2L, 1L);
		assertThat(TestWaits.get(collect(kinds.publisherOfList()))).containsExactly(3L, 2L, 1L);
		List<Object> raw = new java.util.ArrayList<>(
				TestWaits.get(collect((Flow.Publisher<?>) kinds.rawPublisherOfList())));
		assertThat(raw).containsExactly(3, 2, 1);
		assertThat(kinds.fluxOfList().collectList().block(TestWaits.SHORT)).containsExactly(3L, 2L, 1L);
		assertThat(this.transport.sent()).hasSize(6);
		kinds.call();
		assertThat(this.transport.lastSent().has("id")).isTrue();
		kinds.notification();
		assertThat(this.transport.lastSent().has("id")).isFalse();
		assertThat(this.transport.sent()).hasSize(8);
	}

	@Test
	void notificationsMustReturnVoid() {
		assertThatIllegalStateException().isThrownBy(() -> this.factory.createClient(AsyncNotification.class))
			.withMessageContaining("must return void");
		assertThatIllegalStateException().isThrownBy(() -> this.factory.createClient(StreamedNotification.class))
			.withMessageContaining("must return void");
	}

	@Test
	void defaultAndStaticMethodsAreNotRemote() {
		Local local = this.factory.createClient(Local.class);
		assertThat(local.twice()).isEqualTo(14);
		assertThat(Local.helper()).isEqualTo(1);
		assertThat(this.transport.sent()).hasSize(1);
	}

	@Test
	void objectMethodsAreAnsweredByTheProxy() {
		Bare bare = this.factory.createClient(Bare.class);
		Bare other = this.factory.createClient(Bare.class);
		assertThat(bare.toString()).isEqualTo("JSON-RPC client proxy for " + Bare.class.getName());
		assertThat(bare.hashCode()).isEqualTo(System.identityHashCode(bare));
		assertThat(bare.equals(bare)).isTrue();
		assertThat(bare.equals(other)).isFalse();
		assertThat(bare.equals(null)).isFalse();
		assertThat(this.transport.sent()).isEmpty();
	}

	@Test
	void onlyInterfacesAndAClientAreAccepted() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.factory.createClient(String.class))
			.withMessage("java.lang.String is not an interface");
		assertThatIllegalArgumentException().isThrownBy(() -> JsonRpcClientProxyFactory.create(null))
			.withMessage("Client is required");
	}

	private String lastMethod() {
		return this.transport.lastSent().get("method").stringValue();
	}

	private String lastParams() {
		return this.transport.lastSent().get("params").toString();
	}

	private static <T> CompletableFuture<List<T>> collect(Flow.Publisher<T> publisher) {
		CompletableFuture<List<T>> result = new CompletableFuture<>();
		List<T> items = new java.util.concurrent.CopyOnWriteArrayList<>();
		publisher.subscribe(new Flow.Subscriber<>() {

			@Override
			public void onSubscribe(Flow.Subscription subscription) {
				subscription.request(Long.MAX_VALUE);
			}

			@Override
			public void onNext(T item) {
				items.add(item);
			}

			@Override
			public void onError(Throwable throwable) {
				result.completeExceptionally(throwable);
			}

			@Override
			public void onComplete() {
				result.complete(items);
			}

		});
		return result;
	}

	@JsonRpcRemote(paramStyle = JsonRpcParamStyle.DEFAULT)
	interface Unprefixed {

		int get();

		@JsonRpcCall("other")
		int renamed();

		int subtract(int minuend, int subtrahend);

	}

	@JsonRpcRemote(prefix = "calc", paramStyle = JsonRpcParamStyle.NAMED)
	interface Prefixed {

		@JsonRpcCall("")
		int get();

		@JsonRpcCall("other")
		int renamed();

		int subtract(int minuend, int subtrahend);

		@JsonRpcCall(paramStyle = JsonRpcParamStyle.POSITIONAL)
		int subtractPositional(int minuend, int subtrahend);

	}

	interface Bare {

		int get();

		int subtract(int minuend, int subtrahend);

		int sum(int first, int... rest);

		int join(String... parts);

		int total(int[] values);

		@JsonRpcCall(paramStyle = JsonRpcParamStyle.OBJECT)
		int add(Map<String, Object> item);

	}

	interface TwoObjects {

		@JsonRpcCall(paramStyle = JsonRpcParamStyle.OBJECT)
		int add(Object first, Object second);

	}

	@JsonRpcRemote(paramStyle = JsonRpcParamStyle.NAMED)
	interface NamedComparator extends Comparator<String> {

	}

	interface Kinds {

		CompletionStage<Long> number();

		@SuppressWarnings("rawtypes")
		CompletableFuture raw();

		List<Long> list();

		@JsonRpcCall("list")
		Flow.Publisher<Long> publisherOfList();

		@JsonRpcCall("list")
		@SuppressWarnings("rawtypes")
		Flow.Publisher rawPublisherOfList();

		@JsonRpcCall("list")
		Flux<Long> fluxOfList();

		void call();

		@JsonRpcCall(notification = true)
		void notification();

	}

	interface AsyncNotification {

		@JsonRpcCall(notification = true)
		CompletableFuture<Void> send();

	}

	interface StreamedNotification {

		@JsonRpcCall(notification = true)
		Flow.Publisher<Long> send();

	}

	interface Local {

		int get();

		@JsonRpcCall(notification = true)
		default int twice() {
			return 2 * get();
		}

		@JsonRpcCall(notification = true)
		static int helper() {
			return 1;
		}

	}

}
