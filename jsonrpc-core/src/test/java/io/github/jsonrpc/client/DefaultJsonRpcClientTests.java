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

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.protocol.JsonRpcErrorCodes;
import io.github.jsonrpc.protocol.JsonRpcId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DefaultJsonRpcClientTests {

	@Test
	void positionalCallSendsArrayAndReadsResult() {
		RecordingTransport transport = RecordingTransport.replying("{\"jsonrpc\":\"2.0\",\"result\":19,\"id\":1}");
		JsonRpcClient client = JsonRpcClient.create(transport);
		assertThat(client.method("subtract").params(42, 23).retrieve(Integer.class)).isEqualTo(19);
		assertThat(transport.lastSent().toString())
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[42,23],\"id\":1}");
	}

	@Test
	void namedParamsAreSentAsObject() {
		RecordingTransport transport = RecordingTransport.result("19");
		JsonRpcClient client = JsonRpcClient.create(transport);
		client.method("subtract").param("minuend", 42).param("subtrahend", 23).retrieve(Integer.class);
		assertThat(transport.lastSent().get("params").toString()).isEqualTo("{\"minuend\":42,\"subtrahend\":23}");
		client.method("subtract").params(Map.of("minuend", 1)).retrieve(Integer.class);
		assertThat(transport.lastSent().get("params").toString()).isEqualTo("{\"minuend\":1}");
		client.method("add").namedParams(new Item("apple", 3)).retrieve(Integer.class);
		assertThat(transport.lastSent().get("params").toString()).isEqualTo("{\"sku\":\"apple\",\"quantity\":3}");
	}

	@Test
	void namedParamsMustBeAnObject() {
		JsonRpcClient client = JsonRpcClient.create(RecordingTransport.replying(""));
		assertThatIllegalArgumentException().isThrownBy(() -> client.method("x").namedParams(List.of(1)));
	}

	@Test
	void callWithoutParamsOmitsTheMember() {
		RecordingTransport transport = RecordingTransport
			.replying("{\"jsonrpc\":\"2.0\",\"result\":[\"hello\",5],\"id\":1}");
		JsonRpcClient client = JsonRpcClient.create(transport);
		List<Object> data = client.method("get_data").retrieve(new ParameterizedTypeReference<List<Object>>() {
		});
		assertThat(data).containsExactly("hello", 5);
		assertThat(transport.lastSent().has("params")).isFalse();
	}

	@Test
	void genericResultIsConverted() {
		JsonRpcClient client = JsonRpcClient.create(RecordingTransport
			.replying("{\"jsonrpc\":\"2.0\",\"result\":[{\"sku\":\"a\",\"quantity\":1}],\"id\":1}"));
		List<Item> items = client.method("list").retrieve(new ParameterizedTypeReference<List<Item>>() {
		});
		assertThat(items).containsExactly(new Item("a", 1));
	}

	@Test
	void nullResultIsNull() {
		JsonRpcClient client = JsonRpcClient
			.create(RecordingTransport.replying("{\"jsonrpc\":\"2.0\",\"result\":null,\"id\":1}"));
		assertThat(client.method("update").retrieve(String.class)).isNull();
	}

	@Test
	void errorBecomesClientExceptionWithCodeMessageAndData() {
		JsonRpcClient client = JsonRpcClient.create(RecordingTransport.replying(
				"{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32011,\"message\":\"Insufficient stock\",\"data\":{\"available\":2}},\"id\":1}"));
		assertThatExceptionOfType(JsonRpcClientException.class)
			.isThrownBy(() -> client.method("inventory.reserve").params("apple", 5).retrieve(JsonNode.class))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo(-32011);
				assertThat(ex.getErrorMessage()).isEqualTo("Insufficient stock");
				assertThat(ex.getData().get("available").intValue()).isEqualTo(2);
				assertThat(ex.getMethod()).isEqualTo("inventory.reserve");
				assertThat(ex.getId()).isEqualTo(JsonRpcId.of(1));
			})
			.withMessageContaining("-32011")
			.withMessageContaining("inventory.reserve");
	}

	@Test
	void errorIsMappedToRegisteredApplicationException() {
		JsonRpcClient client = JsonRpcClient.builder()
			.transport(RecordingTransport.replying(
					"{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32010,\"message\":\"Item not found\",\"data\":\"pear\"},\"id\":1}"))
			.errorMapping(-32010, (ex) -> new ItemNotFound(ex.getData().stringValue()))
			.build();
		assertThatExceptionOfType(ItemNotFound.class)
			.isThrownBy(() -> client.method("inventory.get").params("pear").retrieve(Item.class))
			.withMessage("pear");
	}

	@Test
	void errorDataNamingAClassIsNeverInstantiated() {
		JsonRpcClient client = JsonRpcClient.create(RecordingTransport.replying(
				"{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32000,\"message\":\"x\",\"data\":{\"exceptionTypeName\":\"java.lang.IllegalStateException\"}},\"id\":1}"));
		assertThatExceptionOfType(JsonRpcClientException.class)
			.isThrownBy(() -> client.method("x").retrieve(String.class));
	}

	@Test
	void notificationHasNoIdAndExpectsNoReply() {
		RecordingTransport transport = RecordingTransport.replying("");
		JsonRpcClient client = JsonRpcClient.create(transport);
		client.notify("update", 1, 2, 3);
		assertThat(transport.lastSent().toString())
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"update\",\"params\":[1,2,3]}");
	}

	@Test
	void asyncCallCompletesWithResult() throws Exception {
		JsonRpcClient client = JsonRpcClient
			.create(RecordingTransport.replying("{\"jsonrpc\":\"2.0\",\"result\":7,\"id\":1}"));
		CompletableFuture<Integer> result = client.method("sum").params(3, 4).retrieveAsync(Integer.class);
		assertThat(TestWaits.get(result)).isEqualTo(7);
	}

	@Test
	void asyncCallCompletesExceptionallyWithClientException() {
		JsonRpcClient client = JsonRpcClient.create(RecordingTransport
			.replying("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":1}"));
		assertThat(client.method("nope").retrieveAsync(Integer.class)).failsWithin(TestWaits.SHORT)
			.withThrowableOfType(java.util.concurrent.ExecutionException.class)
			.havingCause()
			.isInstanceOfSatisfying(JsonRpcClientException.class, (ex) -> assertThat(ex.getCode()).isEqualTo(-32601));
	}

	@Test
	void asyncCallTimesOut() {
		JsonRpcClient client = JsonRpcClient.builder()
			.transport((message) -> new CompletableFuture<>())
			.timeout(Duration.ofMillis(50))
			.build();
		assertThat(client.method("slow").retrieveAsync(Integer.class)).failsWithin(TestWaits.SHORT)
			.withThrowableOfType(java.util.concurrent.ExecutionException.class)
			.havingCause()
			.isInstanceOf(JsonRpcTransportException.class);
	}

	@Test
	void timeoutTooLongToScheduleIsCappedInsteadOfFailingTheCall() {
		// Duration.toMillis() overflows for these: the conversion saturates instead
		Duration forever = ChronoUnit.FOREVER.getDuration();
		JsonRpcClient client = JsonRpcClient.builder()
			.transport(RecordingTransport.result("19"))
			.timeout(forever)
			.build();
		assertThat(client.method("subtract").params(42, 23).retrieve(Integer.class)).isEqualTo(19);
		assertThat(client.method("subtract").params(42, 23).retrieveAsync(Integer.class))
			.succeedsWithin(TestWaits.SHORT)
			.isEqualTo(19);
		assertThat(client.method("subtract")
			.timeout(Duration.ofNanos(Long.MAX_VALUE).plusNanos(1))
			.retrieve(Integer.class)).isEqualTo(19);
	}

	@Test
	void blockingCallTimesOut() {
		JsonRpcClient client = JsonRpcClient.builder().transport((message) -> new CompletableFuture<>()).build();
		assertThatExceptionOfType(JsonRpcTransportException.class)
			.isThrownBy(() -> client.method("slow").timeout(Duration.ofMillis(50)).retrieve(Integer.class))
			.withMessageContaining("No reply within");
	}

	@Test
	void batchResultsAreMatchedByIdWithPerEntryErrors() {
		// the server may answer a batch in any order
		RecordingTransport transport = RecordingTransport.replying("""
				[{"jsonrpc":"2.0","error":{"code":-32601,"message":"Method not found"},"id":2},
				 {"jsonrpc":"2.0","result":7,"id":1},
				 {"jsonrpc":"2.0","result":["hello",5],"id":3}]""");
		JsonRpcClient client = JsonRpcClient.create(transport);
		JsonRpcBatchResponse batch = client.batch()
			.call("sum", 1, 2, 4)
			.notify("notify_hello", 7)
			.call("foo.get", Map.of("name", "myself"))
			.call("get_data")
			.execute();
		assertThat(transport.lastSent().size()).isEqualTo(4);
		assertThat(transport.lastSent().get(1).has("id")).isFalse();
		assertThat(batch.size()).isEqualTo(3);
		assertThat(batch.result(0, Integer.class)).isEqualTo(7);
		assertThat(batch.isSuccess(1)).isFalse();
		assertThat(batch.error(1).code()).isEqualTo(JsonRpcErrorCodes.METHOD_NOT_FOUND);
		assertThatExceptionOfType(JsonRpcClientException.class).isThrownBy(() -> batch.result(1, Object.class));
		assertThat(batch.result(2, new ParameterizedTypeReference<List<Object>>() {
		})).containsExactly("hello", 5);
	}

	@Test
	void batchRejectedAsAWholeFailsEveryEntry() {
		JsonRpcClient client = JsonRpcClient.create(RecordingTransport
			.replying("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\"},\"id\":null}"));
		JsonRpcBatchResponse batch = client.batch().call("a").call("b").execute();
		assertThat(batch.error(0).code()).isEqualTo(-32600);
		assertThat(batch.error(1).code()).isEqualTo(-32600);
	}

	@Test
	void nullEntriesInBatchReplyAreSkipped() {
		// jsonrpc4j writes null for each notification of a batch
		JsonRpcClient client = JsonRpcClient
			.create(RecordingTransport.replying("[{\"jsonrpc\":\"2.0\",\"result\":2,\"id\":1},null]"));
		JsonRpcBatchResponse batch = client.batch().call("a").notify("b").execute();
		assertThat(batch.result(0, Integer.class)).isEqualTo(2);
	}

	@Test
	void invalidReplyIsTransportException() {
		JsonRpcClient client = JsonRpcClient.create(RecordingTransport.replying("<html>oops</html>"));
		assertThatExceptionOfType(JsonRpcTransportException.class)
			.isThrownBy(() -> client.method("x").retrieve(String.class))
			.withMessageContaining("Invalid reply");
	}

	@Test
	void replyWithoutMatchingIdIsTransportException() {
		JsonRpcClient client = JsonRpcClient
			.create(RecordingTransport.replying("{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":99}"));
		assertThatExceptionOfType(JsonRpcTransportException.class)
			.isThrownBy(() -> client.method("x").retrieve(Integer.class))
			.withMessageContaining("No response to method 'x'");
	}

	@Test
	void interceptorsRunInOrderAroundTheTransport() {
		List<String> calls = new ArrayList<>();
		JsonRpcClient client = JsonRpcClient.builder()
			.transport(RecordingTransport.replying("{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":1}"))
			.interceptor((request, chain) -> {
				calls.add("first:" + request.entries().get(0).method());
				return chain.next(request);
			})
			.interceptor((request, chain) -> {
				calls.add("second");
				return chain.next(request).thenApply((responses) -> {
					calls.add("second-after:" + responses.size());
					return responses;
				});
			})
			.build();
		client.method("ping").retrieve(Integer.class);
		assertThat(calls).containsExactly("first:ping", "second", "second-after:1");
	}

	@Test
	void idGeneratorIsPluggable() {
		RecordingTransport transport = RecordingTransport.replying("{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":\"abc\"}");
		JsonRpcClient client = JsonRpcClient.builder()
			.transport(transport)
			.idGenerator(() -> JsonRpcId.of("abc"))
			.build();
		assertThat(client.method("x").retrieve(Integer.class)).isEqualTo(1);
		assertThat(transport.lastSent().get("id").stringValue()).isEqualTo("abc");
	}

	@Test
	void sequentialIdsAreUniqueAcrossThreads() throws Exception {
		JsonRpcIdGenerator generator = JsonRpcIdGenerator.sequential();
		java.util.Set<JsonRpcId> ids = java.util.concurrent.ConcurrentHashMap.newKeySet();
		List<Thread> threads = new ArrayList<>();
		for (int t = 0; t < 4; t++) {
			Thread thread = new Thread(() -> {
				for (int i = 0; i < 1000; i++) {
					ids.add(generator.nextId());
				}
			});
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join(TestWaits.SHORT.toMillis());
		}
		assertThat(ids).hasSize(4000);
	}

	@Test
	void uuidIdsAreStrings() {
		assertThat(JsonRpcIdGenerator.uuid().nextId().value().isString()).isTrue();
	}

	@Test
	void subscriptionRefusedInTheResultFailsAndIsForgotten() {
		RecordingTransport transport = RecordingTransport.result("{\"news\":\"provided event invalid\"}");
		JsonRpcClient client = JsonRpcClient.builder()
			.transport(transport)
			.subscriptionMethods("rpc.on", "rpc.off")
			.build();
		assertThatExceptionOfType(JsonRpcClientException.class)
			.isThrownBy(() -> client.subscribe("news", String.class, (value) -> {
			}))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo(JsonRpcErrorCodes.INVALID_PARAMS);
				assertThat(ex.getMethod()).isEqualTo("rpc.on");
				assertThat(ex.getData().get("reason").stringValue()).isEqualTo("provided event invalid");
			});
		assertThat(transport.lastSent().toString())
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"rpc.on\",\"params\":[\"news\"],\"id\":1}");
	}

	@Test
	void subscriptionAcceptedInTheResultSucceeds() {
		RecordingTransport transport = RecordingTransport.result("{\"news\":\"ok\"}");
		JsonRpcClient client = JsonRpcClient.builder()
			.transport(transport)
			.subscriptionMethods("rpc.on", "rpc.off")
			.build();
		JsonRpcSubscription subscription = client.subscribe("news", String.class, (value) -> {
		});
		subscription.close();
		assertThat(transport.sent()).extracting((sent) -> sent.get("method").stringValue())
			.containsExactly("rpc.on", "rpc.off");
	}

	@Test
	void builderRejectsOtherSchemes() {
		assertThatIllegalArgumentException().isThrownBy(() -> JsonRpcClient.builder().url("ftp://example.com"));
	}

	record Item(String sku, int quantity) {
	}

	static class ItemNotFound extends RuntimeException {

		ItemNotFound(String sku) {
			super(sku);
		}

	}

}
