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

package io.github.jsonrpc.pubsub;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.jsonrpc.JsonRpcSetup;
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.JsonRpcSession;
import io.github.jsonrpc.server.JsonRpcSessionRegistry;
import io.github.jsonrpc.server.JsonRpcTransportContext;
import io.github.jsonrpc.server.JsonRpcTransportContext.Transport;
import io.github.jsonrpc.server.method.JsonRpcMethodAccessChecker;
import io.github.jsonrpc.server.method.JsonRpcMethodRegistry;
import io.github.jsonrpc.server.support.DefaultJsonRpcDispatcher;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link JsonRpcPubSubMethods}: the built-in subscribe, unsubscribe and listing
 * methods, called through a real handler as a WebSocket connection would.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcPubSubMethodsTests {

	private final JsonRpcSubscriptionRegistry subscriptions = new JsonRpcSubscriptionRegistry(
			List.of(JsonRpcTopic.of("news"), JsonRpcTopic.retained("prices"), JsonRpcTopic.of("rooms.*"),
					JsonRpcTopic.of("secret").withAuthorizer((topic, session) -> "admin".equals(name(session)))),
			3);

	private final JsonRpcPublisher publisher = new DefaultJsonRpcPublisher(new JsonRpcSessionRegistry(),
			this.subscriptions, new InProcessJsonRpcPubSubBackend(),
			JsonRpcMessageCodec.create(JsonMapper.builder().build()));

	private final TestSession session = new TestSession("s1", "alice");

	private final JsonRpcHandler handler = handler(JsonRpcPubSubMethodNames.DEFAULTS,
			(method, exchange) -> !method.name().startsWith("rpc."));

	@Test
	void subscribeAnswersTheSubscriptionsThenDeliversTheRetainedValue() {
		this.publisher.publish("prices", 42);
		assertThat(call(this.session, "subscribe", "[\"prices\",\"news\",\"prices\"]"))
			.isEqualTo(result("[\"news\",\"prices\"]"));
		assertThat(this.session.received).containsExactly("prices=42");
		this.publisher.publish("news", "hello");
		assertThat(this.session.received).containsExactly("prices=42", "news=\"hello\"");
		// subscribing again delivers nothing twice
		assertThat(call(this.session, "subscribe", "{\"topic\":\"prices\"}"))
			.isEqualTo(result("[\"news\",\"prices\"]"));
		assertThat(this.session.received).hasSize(2);
		assertThat(call(this.session, "get_subscriptions", null)).isEqualTo(result("[\"news\",\"prices\"]"));
	}

	@Test
	void topicNamesComeAsAStringAnArrayOrUnderTopicsTopicOrEvents() {
		assertThat(call(this.session, "subscribe", "{\"topics\":[\"news\",[\"rooms.1\"]]}"))
			.isEqualTo(result("[\"news\",\"rooms.1\"]"));
		assertThat(call(this.session, "unsubscribe", "{\"events\":\"rooms.1\"}")).isEqualTo(result("[\"news\"]"));
		assertThat(call(this.session, "unsubscribe", "[\"news\"]")).isEqualTo(result("[]"));
		assertThat(call(this.session, "subscribe", "{\"topic\":\"news\",\"events\":\"rooms.2\"}"))
			.isEqualTo(result("[\"news\"]"));
	}

	@Test
	void missingOrMalformedTopicNamesAreInvalidParams() {
		assertThat(call(this.session, "subscribe", null)).isEqualTo(error(-32602, "Expected one or more topic names"));
		assertThat(call(this.session, "subscribe", "[]")).isEqualTo(error(-32602, "Expected one or more topic names"));
		assertThat(call(this.session, "subscribe", "{\"other\":\"news\"}"))
			.isEqualTo(error(-32602, "Expected one or more topic names"));
		assertThat(call(this.session, "subscribe", "[\"news\",7]"))
			.isEqualTo(error(-32602, "Topic names must be strings"));
		assertThat(call(this.session, "rpc.off", "{\"events\":{\"a\":1}}"))
			.isEqualTo(error(-32602, "Topic names must be strings"));
		assertThat(this.subscriptions.subscriptions(this.session)).isEmpty();
	}

	@Test
	void unknownOrForbiddenTopicFailsTheWholeCall() {
		assertThat(call(this.session, "subscribe", "[\"news\",\"nope\"]")).isEqualTo(
				"{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Unknown topic 'nope'\",\"data\":{\"topic\":\"nope\"}},\"id\":1}");
		assertThat(call(this.session, "subscribe", "[\"news\",\"secret\"]")).isEqualTo(
				"{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32003,\"message\":\"Not authorized for topic 'secret'\",\"data\":{\"topic\":\"secret\"}},\"id\":1}");
		assertThat(this.subscriptions.subscriptions(this.session)).isEmpty();
		TestSession admin = new TestSession("s2", "admin");
		assertThat(call(admin, "subscribe", "[\"secret\"]")).isEqualTo(result("[\"secret\"]"));
	}

	@Test
	void limitCountsOnlyNewTopicsAndRefusesTheWholeCall() {
		assertThat(call(this.session, "subscribe", "[\"news\",\"prices\"]")).isEqualTo(result("[\"news\",\"prices\"]"));
		// at the limit exactly: 2 held + 1 new = 3
		assertThat(call(this.session, "subscribe", "[\"news\",\"rooms.1\"]"))
			.isEqualTo(result("[\"news\",\"prices\",\"rooms.1\"]"));
		// one more is refused, and nothing of the call is kept
		assertThat(call(this.session, "subscribe", "[\"news\",\"rooms.2\"]")).isEqualTo(
				"{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32005,\"message\":\"Too many subscriptions (at most 3 per connection)\",\"data\":{\"max\":3}},\"id\":1}");
		assertThat(this.subscriptions.subscriptions(this.session)).containsExactly("news", "prices", "rooms.1");
	}

	@Test
	void resubscribingAtTheLimitToTopicsAlreadyHeldIsAccepted() {
		assertThat(call(this.session, "subscribe", "[\"news\",\"prices\",\"rooms.1\"]"))
			.isEqualTo(result("[\"news\",\"prices\",\"rooms.1\"]"));
		assertThat(call(this.session, "subscribe", "[\"rooms.1\",\"news\",\"prices\"]"))
			.isEqualTo(result("[\"news\",\"prices\",\"rooms.1\"]"));
	}

	@Test
	void subscriptionRacingOverTheLimitUndoesWhatTheCallAdded() {
		JsonRpcSubscriptionRegistry[] registry = new JsonRpcSubscriptionRegistry[1];
		// the authorizer of "c" stands for a concurrent subscribe on the same connection,
		// between the limit check and the subscriptions of the call
		registry[0] = new JsonRpcSubscriptionRegistry(List.of(JsonRpcTopic.of("a"), JsonRpcTopic.of("z"),
				JsonRpcTopic.of("c").withAuthorizer((topic, session) -> {
					registry[0].subscribe(session, "z");
					return true;
				})), 2);
		JsonRpcSetup setup = JsonRpcSetup.services();
		JsonRpcMethodRegistry methods = setup.toRegistry();
		new JsonRpcPubSubMethods(setup.toMethodFactory(), registry[0], (method, exchange) -> true,
				JsonRpcPubSubMethodNames.DEFAULTS)
			.customize(methods);
		JsonRpcHandler racing = JsonRpcHandler
			.builder(new DefaultJsonRpcDispatcher(methods, setup.toExceptionHandler()), setup.toCodec())
			.exceptionHandler(setup.toExceptionHandler())
			.build();
		assertThat(call(racing, this.session, "subscribe", "[\"a\",\"c\"]")).isEqualTo(
				"{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32005,\"message\":\"Too many subscriptions (at most 2 per connection)\",\"data\":{\"max\":2}},\"id\":1}");
		assertThat(registry[0].subscriptions(this.session)).containsExactly("z");
	}

	@Test
	void methodsNeedAPersistentConnection() {
		for (String method : List.of("subscribe", "unsubscribe", "get_subscriptions", "rpc.on", "rpc.off")) {
			assertThat(call(null, method, "[\"news\"]"))
				.isEqualTo(error(-32000, "Method '" + method + "' requires a persistent (WebSocket) connection"));
		}
		// listing the topics does not: it answers what an anonymous caller may subscribe
		// to
		assertThat(call(null, "get_topics", null)).isEqualTo(result("[\"news\",\"prices\"]"));
	}

	@Test
	void topicsListedAreTheConcreteOnesTheCallerMaySubscribeTo() {
		assertThat(call(this.session, "get_topics", null)).isEqualTo(result("[\"news\",\"prices\"]"));
		assertThat(call(new TestSession("s2", "admin"), "get_topics", null))
			.isEqualTo(result("[\"news\",\"prices\",\"secret\"]"));
	}

	@Test
	void methodsListedAreTheOnesTheAccessCheckerAllows() {
		assertThat(call(this.session, "get_methods", null))
			.isEqualTo(result("[\"get_methods\",\"get_subscriptions\",\"get_topics\",\"subscribe\",\"unsubscribe\"]"));
	}

	@Test
	void onAndOffAnswerPerEventAsRpcWebSocketsDoes() {
		assertThat(call(this.session, "rpc.on", "[\"news\",\"nope\",\"secret\",\"news\"]"))
			.isEqualTo(result("{\"news\":\"ok\",\"nope\":\"provided event invalid\",\"secret\":\"forbidden\"}"));
		this.publisher.publish("news", 1);
		assertThat(this.session.received).containsExactly("news=1");
		assertThat(call(this.session, "rpc.on", "[\"prices\",\"rooms.1\",\"rooms.2\"]"))
			.isEqualTo(result("{\"prices\":\"ok\",\"rooms.1\":\"ok\",\"rooms.2\":\"subscription limit exceeded\"}"));
		assertThat(call(this.session, "rpc.off", "[\"news\",\"secret\"]"))
			.isEqualTo(result("{\"news\":\"ok\",\"secret\":\"not subscribed\"}"));
		this.publisher.publish("news", 2);
		assertThat(this.session.received).containsExactly("news=1");
	}

	@Test
	void failingActivationOfOneTopicStillActivatesTheOthers() {
		this.subscriptions.setRetainedFallback((topic) -> {
			if (topic.equals("prices")) {
				throw new IllegalStateException("backend down");
			}
			return null;
		});
		assertThat(call(this.session, "subscribe", "[\"prices\",\"news\"]")).isEqualTo(result("[\"news\",\"prices\"]"));
		this.publisher.publish("news", "still");
		assertThat(this.session.received).containsExactly("news=\"still\"");
	}

	@Test
	void methodsWithoutANameAreNotRegistered() {
		JsonRpcHandler some = handler(new JsonRpcPubSubMethodNames("sub", "", null, " ", null, null, "off"),
				(method, exchange) -> true);
		assertThat(call(some, this.session, "sub", "[\"news\"]")).isEqualTo(result("[\"news\"]"));
		assertThat(call(some, this.session, "off", "[\"news\"]")).isEqualTo(result("{\"news\":\"ok\"}"));
		for (String missing : List.of("subscribe", "unsubscribe", "get_subscriptions", "get_topics", "get_methods",
				"rpc.on", "rpc.off")) {
			assertThat(call(some, this.session, missing, "[\"news\"]")).isEqualTo(error(-32601, "Method not found"));
		}
		assertThat(new JsonRpcPubSubMethodNames("sub", "", null, null, null, null, null).stringParamsMethods())
			.containsExactly("sub");
		assertThat(JsonRpcPubSubMethodNames.DEFAULTS.stringParamsMethods()).containsExactly("subscribe", "unsubscribe");
	}

	@Test
	void constructorRequiresItsCollaborators() {
		JsonRpcSetup setup = JsonRpcSetup.services();
		JsonRpcMethodAccessChecker all = (method, exchange) -> true;
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new JsonRpcPubSubMethods(null, this.subscriptions, all, JsonRpcPubSubMethodNames.DEFAULTS))
			.withMessage("MethodFactory is required");
		assertThatIllegalArgumentException().isThrownBy(
				() -> new JsonRpcPubSubMethods(setup.toMethodFactory(), null, all, JsonRpcPubSubMethodNames.DEFAULTS))
			.withMessage("Subscriptions are required");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new JsonRpcPubSubMethods(setup.toMethodFactory(), this.subscriptions, null,
					JsonRpcPubSubMethodNames.DEFAULTS))
			.withMessage("AccessChecker is required");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new JsonRpcPubSubMethods(setup.toMethodFactory(), this.subscriptions, all, null))
			.withMessage("Names are required");
	}

	private JsonRpcHandler handler(JsonRpcPubSubMethodNames names, JsonRpcMethodAccessChecker checker) {
		JsonRpcSetup setup = JsonRpcSetup.services();
		JsonRpcMethodRegistry registry = setup.toRegistry();
		new JsonRpcPubSubMethods(setup.toMethodFactory(), this.subscriptions, checker, names).customize(registry);
		return JsonRpcHandler
			.builder(new DefaultJsonRpcDispatcher(registry, setup.toExceptionHandler()), setup.toCodec())
			.exceptionHandler(setup.toExceptionHandler())
			.build();
	}

	private String call(@Nullable JsonRpcSession session, String method, @Nullable String params) {
		return call(this.handler, session, method, params);
	}

	private static String call(JsonRpcHandler handler, @Nullable JsonRpcSession session, String method,
			@Nullable String params) {
		String json = "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\""
				+ ((params != null) ? ",\"params\":" + params : "") + ",\"id\":1}";
		JsonRpcTransportContext context = JsonRpcTransportContext
			.builder((session != null) ? Transport.WEBSOCKET : Transport.HTTP)
			.session(session)
			.principal((session != null) ? session.principal() : null)
			.build();
		try {
			return handler.handleText(json, context).get(5, TimeUnit.SECONDS).orElseThrow();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String result(String json) {
		return "{\"jsonrpc\":\"2.0\",\"result\":" + json + ",\"id\":1}";
	}

	private static String error(int code, String message) {
		return "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\"},\"id\":1}";
	}

	private static @Nullable String name(@Nullable JsonRpcSession session) {
		return (session != null && session.principal() != null) ? session.principal().getName() : null;
	}

}
