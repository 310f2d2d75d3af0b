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

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.util.MultiValueMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link JsonRpcTransportContext}.
 *
 * @author jsonrpc-dev
 */
class JsonRpcTransportContextTests {

	@Test
	void inProcessContextIsEmpty() {
		JsonRpcTransportContext context = JsonRpcTransportContext.inProcess();
		assertThat(context.transport()).isEqualTo(JsonRpcTransportContext.Transport.IN_PROCESS);
		assertThat(context.uri()).isNull();
		assertThat(context.principal()).isNull();
		assertThat(context.session()).isNull();
		assertThat(context.headers()).isEmpty();
		assertThat(context.streamSink()).isNull();
		assertThat(context.nativeRequest(Object.class)).isNull();
	}

	@Test
	void headerNamesAreCaseInsensitive() {
		JsonRpcTransportContext context = JsonRpcTransportContext.builder(JsonRpcTransportContext.Transport.HTTP)
			.header("X-Tenant", List.of("acme"))
			.header("x-tenant", List.of("other"))
			.build();
		assertThat(context.headers().getFirst("x-tenant")).isEqualTo("acme");
		assertThat(context.headers().get("X-TENANT")).containsExactly("acme", "other");
	}

	@Test
	void builtContextIsReadOnlyAndIndependentOfBuilder() {
		JsonRpcTransportContext.Builder builder = JsonRpcTransportContext
			.builder(JsonRpcTransportContext.Transport.HTTP)
			.uri(URI.create("http://localhost/jsonrpc"))
			.header("A", List.of("1"))
			.nativeRequest("request");
		JsonRpcTransportContext context = builder.build();
		builder.header("A", List.of("2")).header("B", List.of("3")).nativeRequest("other");
		assertThat(context.headers().get("a")).containsExactly("1");
		assertThat(context.headers().containsKey("B")).isFalse();
		assertThat(context.nativeRequest(String.class)).isEqualTo("request");
		assertThat(context.nativeRequest(Integer.class)).isNull();
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> context.headers().add("C", "4"));
	}

	@Test
	void mutatedContextKeepsEverythingButWhatChanges() {
		JsonRpcTransportContext base = JsonRpcTransportContext.builder(JsonRpcTransportContext.Transport.WEBSOCKET)
			.uri(URI.create("ws://localhost/jsonrpc"))
			.header("A", List.of("1"))
			.build();
		java.security.Principal alice = () -> "alice";
		JsonRpcTransportContext mutated = base.mutate().principal(alice).build();
		assertThat(mutated).isNotSameAs(base);
		assertThat(mutated.principal()).isSameAs(alice);
		assertThat(mutated.uri()).isEqualTo(base.uri());
		assertThat(mutated.headers().get("a")).containsExactly("1");
		assertThat(base.principal()).isNull();
	}

	@Test
	void suppliedMembersAreAskedOnceAndOnlyWhenRead() {
		AtomicInteger asked = new AtomicInteger();
		JsonRpcTransportContext context = JsonRpcTransportContext.builder(JsonRpcTransportContext.Transport.HTTP)
			.uri(() -> {
				asked.incrementAndGet();
				return URI.create("http://localhost/jsonrpc");
			})
			.headers(() -> {
				asked.incrementAndGet();
				return JsonRpcTransportContext.shareableHeaders(Map.of("X-Tenant", List.of("acme")));
			})
			.remoteAddress(() -> {
				asked.incrementAndGet();
				return new InetSocketAddress("127.0.0.1", 4242);
			})
			.build();
		assertThat(asked).hasValue(0);
		assertThat(context.uri()).hasToString("http://localhost/jsonrpc");
		assertThat(context.headers().getFirst("x-tenant")).isEqualTo("acme");
		assertThat(context.remoteAddress()).isEqualTo(new InetSocketAddress("127.0.0.1", 4242));
		assertThat(context.uri()).hasToString("http://localhost/jsonrpc");
		assertThat(context.headers()).hasSize(1);
		assertThat(asked).hasValue(3);
	}

	@Test
	void mutatePassesUnaskedSuppliersOn() {
		AtomicInteger asked = new AtomicInteger();
		JsonRpcTransportContext base = JsonRpcTransportContext.builder(JsonRpcTransportContext.Transport.HTTP)
			.headers(() -> {
				asked.incrementAndGet();
				return JsonRpcTransportContext.shareableHeaders(Map.of("A", List.of("1")));
			})
			.uri(() -> URI.create("http://localhost/jsonrpc"))
			.build();
		JsonRpcTransportContext mutated = base.mutate().build();
		assertThat(asked).hasValue(0);
		assertThat(mutated.headers().getFirst("a")).isEqualTo("1");
		assertThat(mutated.uri()).hasToString("http://localhost/jsonrpc");
		JsonRpcTransportContext added = base.mutate().header("B", List.of("2")).build();
		assertThat(added.headers().getFirst("a")).isEqualTo("1");
		assertThat(added.headers().getFirst("b")).isEqualTo("2");
		// the base context is unchanged by what the mutated ones added
		assertThat(base.headers().containsKey("B")).isFalse();
	}

	@Test
	void resolveAsksEverySupplier() {
		AtomicInteger asked = new AtomicInteger();
		JsonRpcTransportContext context = JsonRpcTransportContext.builder(JsonRpcTransportContext.Transport.HTTP)
			.uri(() -> {
				asked.incrementAndGet();
				return null;
			})
			.headers(() -> {
				asked.incrementAndGet();
				return JsonRpcTransportContext.shareableHeaders(Map.of());
			})
			.remoteAddress(() -> {
				asked.incrementAndGet();
				return null;
			})
			.build();
		assertThat(context.resolve()).isSameAs(context);
		assertThat(asked).hasValue(3);
		assertThat(context.uri()).isNull();
		assertThat(context.remoteAddress()).isNull();
		assertThat(asked).hasValue(3);
	}

	@Test
	void plainValueReplacesSupplier() {
		JsonRpcTransportContext context = JsonRpcTransportContext.builder(JsonRpcTransportContext.Transport.HTTP)
			.uri(() -> URI.create("http://localhost/supplied"))
			.uri(URI.create("http://localhost/plain"))
			.build();
		assertThat(context.uri()).hasToString("http://localhost/plain");
	}

	@Test
	void shareableHeadersAreACaseInsensitiveCopy() {
		MultiValueMap<String, String> shared = JsonRpcTransportContext
			.shareableHeaders(Map.of("X-Token", List.of("a", "b")));
		assertThat(shared.get("x-token")).containsExactly("a", "b");
		JsonRpcTransportContext context = JsonRpcTransportContext.builder(JsonRpcTransportContext.Transport.WEBSOCKET)
			.headers(shared)
			.build();
		assertThat(context.headers().get("X-TOKEN")).containsExactly("a", "b");
	}

	@Test
	void headerAddedAfterSharedHeadersKeepsThem() {
		MultiValueMap<String, String> shared = JsonRpcTransportContext.shareableHeaders(Map.of("A", List.of("1")));
		JsonRpcTransportContext context = JsonRpcTransportContext.builder(JsonRpcTransportContext.Transport.WEBSOCKET)
			.headers(shared)
			.header("B", List.of("2"))
			.header("b", List.of("3"))
			.build();
		assertThat(context.headers().get("a")).containsExactly("1");
		assertThat(context.headers().get("B")).containsExactly("2", "3");
		assertThat(shared).doesNotContainKey("B");
	}

	@Test
	void remoteAddressIsKept() {
		InetSocketAddress address = new InetSocketAddress("127.0.0.1", 4711);
		assertThat(JsonRpcTransportContext.builder(JsonRpcTransportContext.Transport.HTTP)
			.remoteAddress(address)
			.build()
			.remoteAddress()).isSameAs(address);
	}

	@Test
	void builderRequiresTransportAndHeaders() {
		assertThatIllegalArgumentException().isThrownBy(() -> JsonRpcTransportContext.builder(null))
			.withMessage("Transport is required");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> JsonRpcTransportContext.builder(JsonRpcTransportContext.Transport.HTTP)
				.headers((MultiValueMap<String, String>) null))
			.withMessage("Headers are required");
	}

}
