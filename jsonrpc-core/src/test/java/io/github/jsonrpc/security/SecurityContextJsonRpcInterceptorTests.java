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
package io.github.jsonrpc.security;

import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.github.jsonrpc.JsonRpcSetup;
import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.protocol.JsonRpcResponse;
import io.github.jsonrpc.security.TestSecurity.TestSession;
import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.JsonRpcInterceptor;
import io.github.jsonrpc.server.JsonRpcPublisherContext;
import io.github.jsonrpc.server.method.annotation.JsonRpcMethod;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;
import io.github.jsonrpc.server.JsonRpcTransportContext.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.context.Context;

import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link SecurityContextJsonRpcInterceptor}.
 *
 * @author JSON-RPC for Spring Boot team
 */
class SecurityContextJsonRpcInterceptorTests {

	private final SecurityContextJsonRpcInterceptor interceptor = new SecurityContextJsonRpcInterceptor();

	private final AtomicReference<Authentication> seen = new AtomicReference<>();

	private final AtomicReference<Principal> seenPrincipal = new AtomicReference<>();

	private final JsonRpcInterceptor.Chain recording = (exchange) -> {
		this.seen.set(SecurityContextHolder.getContext().getAuthentication());
		this.seenPrincipal.set(exchange.principal());
		return CompletableFuture.completedFuture(JsonRpcResponse.success(exchange.request().responseId(), null));
	};

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void webSocketCallRunsAsTheHandshakePrincipalAndLeavesNothingBehind() {
		Authentication alice = TestSecurity.user("alice", "USER");
		this.interceptor.intercept(
				TestSecurity.exchange("whoami", Transport.WEBSOCKET, alice, new TestSession("1", alice)),
				this.recording);
		assertThat(this.seen.get()).isSameAs(alice);
		assertThat(SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication()).isNull();
	}

	@Test
	void publishersOfTheCallSeeTheAuthenticationThroughReactiveSecurityContextHolder() throws Exception {
		Authentication alice = TestSecurity.user("alice", "USER");
		AtomicReference<Authentication> reactive = new AtomicReference<>();
		this.interceptor.intercept(
				TestSecurity.exchange("whoami", Transport.WEBSOCKET, alice, new TestSession("1", alice)),
				(exchange) -> {
					ReactiveSecurityContextHolder.getContext()
						.map(SecurityContext::getAuthentication)
						.contextWrite(reactorContext(exchange))
						.doOnNext(reactive::set)
						.block(Duration.ofSeconds(5));
					return this.recording.next(exchange);
				});
		assertThat(reactive.get()).isSameAs(alice);
	}

	@Test
	void publishersOfAnInProcessCallSeeACopyOfTheCallersContext() {
		Authentication alice = TestSecurity.user("alice", "USER");
		SecurityContext live = new SecurityContextImpl(alice);
		SecurityContextHolder.setContext(live);
		ReactiveWhoAmI service = new ReactiveWhoAmI();
		JsonRpcHandler handler = JsonRpcSetup.services(service).interceptors(this.interceptor).toHandler();
		CompletableFuture<Optional<String>> reply = handler
			.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"whoami\",\"id\":1}");
		// the caller changes its own context while the method's Mono still runs
		live.setAuthentication(TestSecurity.user("bob", "USER"));
		SecurityContextHolder.clearContext();
		service.proceed.tryEmitValue("go");
		assertThat(TestWaits.join(reply)).hasValue("{\"jsonrpc\":\"2.0\",\"result\":\"alice\",\"id\":1}");
		assertThat(service.seen.get()).isNotSameAs(live);
		assertThat(service.seen.get().getAuthentication()).isSameAs(alice);
	}

	@Test
	void publishersSeeTheSecurityContextAndWhatAnEarlierInterceptorSet() {
		Authentication alice = TestSecurity.user("alice", "USER");
		SecurityContextHolder.setContext(new SecurityContextImpl(alice));
		ReactiveTenant service = new ReactiveTenant();
		JsonRpcInterceptor tenant = (exchange, chain) -> {
			exchange.publisherContext((context) -> context.accept("tenant", "acme"));
			return chain.next(exchange);
		};
		JsonRpcHandler handler = JsonRpcSetup.services(service).interceptors(tenant, this.interceptor).toHandler();
		CompletableFuture<Optional<String>> reply = handler
			.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"whoami\",\"id\":1}");
		assertThat(TestWaits.join(reply)).hasValue("{\"jsonrpc\":\"2.0\",\"result\":\"alice@acme\",\"id\":1}");
	}

	@Test
	void publisherContextIsACopyForEverySubscription() {
		Authentication alice = TestSecurity.user("alice", "USER");
		SecurityContext live = new SecurityContextImpl(alice);
		SecurityContextHolder.setContext(live);
		AtomicReference<JsonRpcPublisherContext> publisherContext = new AtomicReference<>();
		this.interceptor.intercept(TestSecurity.exchange("whoami", Transport.IN_PROCESS, null, null), (exchange) -> {
			publisherContext.set(exchange.publisherContext());
			return this.recording.next(exchange);
		});
		live.setAuthentication(null);
		SecurityContext first = reactiveContext(publisherContext.get());
		SecurityContext second = reactiveContext(publisherContext.get());
		assertThat(first).isNotSameAs(live).isNotSameAs(second);
		assertThat(first.getAuthentication()).isSameAs(alice);
		assertThat(second.getAuthentication()).isSameAs(alice);
	}

	@Test
	void anonymousCallsGetAnAnonymousReactiveSecurityContext() {
		AtomicReference<Authentication> reactive = new AtomicReference<>();
		this.interceptor.intercept(TestSecurity.exchange("whoami", Transport.HTTP, null, null), (exchange) -> {
			ReactiveSecurityContextHolder.getContext()
				.map(SecurityContext::getAuthentication)
				.contextWrite(reactorContext(exchange))
				.doOnNext(reactive::set)
				.block(Duration.ofSeconds(5));
			return this.recording.next(exchange);
		});
		assertThat(new AuthenticationTrustResolverImpl().isAnonymous(reactive.get())).isTrue();
	}

	@Test
	void answerIsTheChainsAndTheCallerOfAnInProcessCallIsRecorded() {
		CompletableFuture<JsonRpcResponse> answer = new CompletableFuture<>();
		JsonRpcExchange inProcess = TestSecurity.exchange("whoami", Transport.IN_PROCESS, null, null);
		assertThat(this.interceptor.intercept(inProcess, (exchange) -> answer)).isSameAs(answer);
		assertThat(inProcess.attributes())
			.doesNotContainKey(SecurityContextJsonRpcInterceptor.AUTHENTICATION_ATTRIBUTE);
		Authentication bob = TestSecurity.user("bob", "USER");
		SecurityContextHolder.setContext(new SecurityContextImpl(bob));
		JsonRpcExchange asBob = TestSecurity.exchange("whoami", Transport.IN_PROCESS, null, null);
		assertThat(this.interceptor.intercept(asBob, (exchange) -> answer)).isSameAs(answer);
		assertThat(asBob.attributes()).containsEntry(SecurityContextJsonRpcInterceptor.AUTHENTICATION_ATTRIBUTE, bob);
		SecurityContextHolder.clearContext();
		JsonRpcExchange overWebSocket = TestSecurity.exchange("whoami", Transport.WEBSOCKET, bob, null);
		assertThat(this.interceptor.intercept(overWebSocket, (exchange) -> answer)).isSameAs(answer);
	}

	@Test
	void loginAuthenticationReplacesTheHandshakePrincipal() {
		Authentication alice = TestSecurity.user("alice", "USER");
		Authentication admin = TestSecurity.user("admin", "ADMIN");
		TestSession session = new TestSession("1", alice);
		session.login(admin);
		JsonRpcExchange exchange = TestSecurity.exchange("whoami", Transport.WEBSOCKET, session.principal(), session);
		exchange.attributes().put("outer", "kept");
		this.interceptor.intercept(exchange, (secured) -> {
			assertThat(secured.attributes()).containsEntry("outer", "kept");
			assertThat(secured.context().headers().getFirst("X-Test")).isEqualTo("1");
			assertThat(secured.session()).isSameAs(session);
			return this.recording.next(secured);
		});
		assertThat(this.seen.get()).isSameAs(admin);
		assertThat(this.seenPrincipal.get()).isSameAs(admin);
	}

	@Test
	void loggedOutSessionRunsAsAnonymous() {
		TestSession session = new TestSession("1", TestSecurity.user("admin", "ADMIN"));
		session.logout();
		this.interceptor.intercept(TestSecurity.exchange("whoami", Transport.WEBSOCKET, null, session), this.recording);
		assertThat(this.seen.get())
			.isInstanceOf(org.springframework.security.authentication.AnonymousAuthenticationToken.class);
	}

	@Test
	void anonymousConnectionRunsAsAnonymous() {
		this.interceptor.intercept(
				TestSecurity.exchange("whoami", Transport.WEBSOCKET, null, new TestSession("1", null)), this.recording);
		assertThat(new AuthenticationTrustResolverImpl().isAnonymous(this.seen.get())).isTrue();
		assertThat(this.seenPrincipal.get()).isNull();
	}

	@Test
	void httpCallKeepsTheFilterChainContext() {
		Authentication alice = TestSecurity.user("alice", "USER");
		SecurityContext context = new SecurityContextImpl(alice);
		SecurityContextHolder.setContext(context);
		this.interceptor.intercept(TestSecurity.exchange("whoami", Transport.HTTP, alice, null), this.recording);
		assertThat(this.seen.get()).isSameAs(alice);
		assertThat(SecurityContextHolder.getContext()).isSameAs(context);
	}

	@Test
	void httpCallOnAnotherThreadUsesTheRequestPrincipal() {
		Authentication alice = TestSecurity.user("alice", "USER");
		this.interceptor.intercept(TestSecurity.exchange("whoami", Transport.HTTP, alice, null), this.recording);
		assertThat(this.seen.get()).isSameAs(alice);
		assertThat(SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication()).isNull();
	}

	@Test
	void staleContextOnAPooledThreadIsNotTrustedForHttp() {
		SecurityContext stale = new SecurityContextImpl(TestSecurity.user("admin", "ADMIN"));
		SecurityContextHolder.setContext(stale);
		Authentication alice = TestSecurity.user("alice", "USER");
		this.interceptor.intercept(TestSecurity.exchange("whoami", Transport.HTTP, alice, null), this.recording);
		assertThat(this.seen.get()).isSameAs(alice);
		this.interceptor.intercept(TestSecurity.exchange("whoami", Transport.HTTP, null, null), this.recording);
		assertThat(new AuthenticationTrustResolverImpl().isAnonymous(this.seen.get())).isTrue();
		assertThat(SecurityContextHolder.getContext()).isSameAs(stale);
	}

	@Test
	void anonymousHttpRequestKeepsTheFilterChainsAnonymousContext() {
		SecurityContext context = new SecurityContextImpl(TestSecurity.anonymous());
		SecurityContextHolder.setContext(context);
		this.interceptor.intercept(TestSecurity.exchange("whoami", Transport.HTTP, null, null), this.recording);
		assertThat(this.seen.get()).isSameAs(context.getAuthentication());
	}

	@Test
	void previousContextIsRestoredEvenWhenTheChainThrows() {
		Authentication other = TestSecurity.user("other", "USER");
		SecurityContext previous = new SecurityContextImpl(other);
		SecurityContextHolder.setContext(previous);
		Authentication alice = TestSecurity.user("alice", "USER");
		assertThatIllegalStateException().isThrownBy(() -> this.interceptor.intercept(
				TestSecurity.exchange("whoami", Transport.WEBSOCKET, alice, new TestSession("1", alice)),
				(exchange) -> {
					throw new IllegalStateException("boom");
				}));
		assertThat(SecurityContextHolder.getContext()).isSameAs(previous);
	}

	@Test
	void recordsTheAuthenticationInTheExchange() {
		Authentication alice = TestSecurity.user("alice", "USER");
		JsonRpcExchange exchange = TestSecurity.exchange("whoami", Transport.WEBSOCKET, alice,
				new TestSession("1", alice));
		this.interceptor.intercept(exchange, this.recording);
		assertThat(exchange.attributes().get(SecurityContextJsonRpcInterceptor.AUTHENTICATION_ATTRIBUTE))
			.isSameAs(alice);
	}

	@Test
	void concurrentCallsOnPooledThreadsNeverSeeEachOther() throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(4);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (int i = 0; i < 400; i++) {
				String name = "user" + (i % 7);
				Authentication user = (i % 5 == 0) ? null : TestSecurity.user(name, "USER");
				results.add(executor.submit(() -> {
					AtomicReference<Authentication> inside = new AtomicReference<>();
					this.interceptor.intercept(
							TestSecurity.exchange("whoami", Transport.WEBSOCKET, user, new TestSession(name, user)),
							(exchange) -> {
								inside.set(SecurityContextHolder.getContext().getAuthentication());
								return CompletableFuture.completedFuture(null);
							});
					boolean clean = SecurityContextHolder.getContextHolderStrategy()
						.getContext()
						.getAuthentication() == null;
					return clean && ((user != null) ? inside.get() == user
							: new AuthenticationTrustResolverImpl().isAnonymous(inside.get()));
				}));
			}
			for (Future<Boolean> result : results) {
				assertThat(result.get(TestWaits.SHORT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static Context reactorContext(JsonRpcExchange exchange) {
		JsonRpcPublisherContext publisherContext = exchange.publisherContext();
		assertThat(publisherContext).isNotNull();
		Map<Object, Object> entries = new HashMap<>();
		publisherContext.writeTo(entries::put);
		return Context.of(entries);
	}

	private static SecurityContext reactiveContext(JsonRpcPublisherContext publisherContext) {
		Map<Object, Object> entries = new HashMap<>();
		publisherContext.writeTo(entries::put);
		return ReactiveSecurityContextHolder.getContext()
			.contextWrite(Context.of(entries))
			.blockOptional(Duration.ofSeconds(5))
			.orElseThrow();
	}

	@JsonRpcService
	static class ReactiveTenant {

		@JsonRpcMethod
		public Mono<String> whoami() {
			return Mono.deferContextual((context) -> ReactiveSecurityContextHolder.getContext()
				.map((security) -> security.getAuthentication().getName() + "@" + context.get("tenant")));
		}

	}

	@JsonRpcService
	static class ReactiveWhoAmI {

		final Sinks.One<String> proceed = Sinks.one();

		final AtomicReference<SecurityContext> seen = new AtomicReference<>();

		@JsonRpcMethod
		public Mono<String> whoami() {
			// reads the context only once the caller has changed its own
			return this.proceed.asMono()
				.then(ReactiveSecurityContextHolder.getContext())
				.doOnNext(this.seen::set)
				.map((context) -> context.getAuthentication().getName());
		}

	}

}
