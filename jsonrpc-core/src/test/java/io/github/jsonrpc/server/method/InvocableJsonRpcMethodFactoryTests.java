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

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.JsonRpcSetup;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.JsonRpcSession;
import io.github.jsonrpc.server.JsonRpcTransportContext;
import io.github.jsonrpc.server.method.annotation.JsonRpcMethod;
import io.github.jsonrpc.server.method.annotation.JsonRpcParam;
import io.github.jsonrpc.server.method.annotation.JsonRpcParams;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;

import org.springframework.core.MethodParameter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link InvocableJsonRpcMethodFactory} and the params binding it sets up,
 * through a complete handler.
 *
 * @author jsonrpc-dev
 */
class InvocableJsonRpcMethodFactoryTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final JsonRpcHandler handler = JsonRpcSetup.services(new BindingService())
		.resolvers(new LocaleResolver())
		.toHandler();

	@Test
	void bindsPositionalParams() {
		assertThat(result("greet", "[\"Ann\", 2]")).hasToString("\"Ann Ann\"");
	}

	@Test
	void bindsNamedParamsInAnyOrder() {
		assertThat(result("greet", "{\"times\": 3, \"name\": \"Bo\"}")).hasToString("\"Bo Bo Bo\"");
	}

	@Test
	void missingRequiredPositionalParamIsInvalidParamsNamingIt() {
		assertInvalidParams(call("greet", "[\"Ann\"]"), "Invalid params: missing required parameter 'times'");
	}

	@Test
	void missingRequiredNamedParamIsInvalidParamsNamingIt() {
		assertInvalidParams(call("greet", "{\"times\": 1}"), "Invalid params: missing required parameter 'name'");
	}

	@Test
	void missingParamsIsInvalidParams() {
		assertInvalidParams(call("greet", null), "Invalid params: missing required parameter 'name'");
	}

	@Test
	void extraPositionalParamIsInvalidParams() {
		assertInvalidParams(call("greet", "[\"Ann\", 1, true]"), "Invalid params: expected at most 2 but got 3");
	}

	@Test
	void unknownNamedParamIsInvalidParamsNamingIt() {
		assertInvalidParams(call("greet", "{\"name\": \"Ann\", \"times\": 1, \"colour\": \"red\"}"),
				"Invalid params: unknown parameter 'colour'");
	}

	@Test
	void unknownNamedParamInPlaceOfAKnownOneIsReportedBeforeTheMissingOne() {
		// as many members as parameters, or fewer, but not all of them known
		assertInvalidParams(call("greet", "{\"name\": \"Ann\", \"colour\": \"red\"}"),
				"Invalid params: unknown parameter 'colour'");
		assertInvalidParams(call("greet", "{\"colour\": \"red\"}"), "Invalid params: unknown parameter 'colour'");
		assertInvalidParams(call("greet", "{\"times\": 1, \"colour\": \"red\"}"),
				"Invalid params: unknown parameter 'colour'");
	}

	@Test
	void unknownNamedParamIsReportedWhenTwoParametersShareAName() {
		// two members, two parameters found by name: yet only one member names them
		assertInvalidParams(call("twice", "{\"x\": \"1\", \"y\": \"2\"}"), "Invalid params: unknown parameter 'y'");
		assertThat(result("twice", "{\"x\": \"1\"}")).hasToString("\"1/1\"");
	}

	@Test
	void paramsForMethodWithoutParametersIsInvalidParams() {
		assertInvalidParams(call("none", "[1]"), "Invalid params: method takes no params");
		assertInvalidParams(call("none", "{\"a\": 1}"), "Invalid params: method takes no params");
		assertThat(result("none", "[]")).hasToString("\"none\"");
		assertThat(result("none", "{}")).hasToString("\"none\"");
		assertThat(result("none", null)).hasToString("\"none\"");
	}

	@Test
	void nullForPrimitiveIsInvalidParams() {
		assertInvalidParams(call("increment", "[null]"), "Invalid params: parameter 'value' must not be null");
		assertInvalidParams(call("increment", "{\"value\": null}"),
				"Invalid params: parameter 'value' must not be null");
	}

	@Test
	void wrongTypeIsInvalidParamsNamingParameterAndKindOnly() {
		String reply = callText("increment", "[\"abc\"]");
		JsonNode error = read(reply).get("error");
		assertThat(error.get("code").intValue()).isEqualTo(-32602);
		assertThat(error.get("message").stringValue())
			.isEqualTo("Invalid params: parameter 'value' must be an integer");
		assertThat(error.has("data")).isFalse();
		assertThat(reply).doesNotContainIgnoringCase("java")
			.doesNotContainIgnoringCase("jackson")
			.doesNotContain("Integer")
			.doesNotContain("int`")
			.doesNotContainIgnoringCase("deserializ")
			.doesNotContain("Exception")
			.doesNotContain("abc");
	}

	@Test
	void wrongTypeForEachKindNamesTheKind() {
		assertInvalidParams(call("flag", "[\"yes\"]"), "Invalid params: parameter 'value' must be a boolean");
		assertInvalidParams(call("ratio", "[\"x\"]"), "Invalid params: parameter 'value' must be a number");
		assertInvalidParams(call("orders", "[{\"a\": 1}]"), "Invalid params: parameter 'orders' must be an array");
		assertInvalidParams(call("order", "[[1]]"), "Invalid params: parameter 'order' must be an object");
		assertInvalidParams(call("upper", "[{\"a\": 1}]"), "Invalid params: parameter 'text' must be a string");
	}

	@Test
	void fractionForIntegerIsInvalidParams() {
		assertInvalidParams(call("increment", "[1.5]"), "Invalid params: parameter 'value' must be an integer");
		assertThat(result("increment", "[41]")).hasToString("42");
	}

	@Test
	void optionalParamOmittedIsEmpty() {
		assertThat(result("optional", "[\"a\"]")).hasToString("\"a:empty\"");
		assertThat(result("optional", "{\"text\": \"a\"}")).hasToString("\"a:empty\"");
		assertThat(result("optional", "[\"a\", null]")).hasToString("\"a:empty\"");
		assertThat(result("optional", "[\"a\", \"b\"]")).hasToString("\"a:b\"");
	}

	@Test
	void nullableParamOmittedIsNull() {
		assertThat(result("nullable", "[\"a\"]")).hasToString("\"a:null\"");
		assertThat(result("nullable", "{\"text\": \"a\"}")).hasToString("\"a:null\"");
		assertThat(result("nullable", "[\"a\", \"b\"]")).hasToString("\"a:b\"");
	}

	@Test
	void notRequiredParamOmittedIsNullOrPrimitiveDefault() {
		assertThat(result("notRequired", "[]")).hasToString("\"null:0\"");
	}

	@Test
	void defaultValueIsUsedWhenOmitted() {
		assertThat(result("page", "[]")).hasToString("\"page 1 of size 10 sorted by name\"");
		assertThat(result("page", "{\"number\": 3}")).hasToString("\"page 3 of size 10 sorted by name\"");
		assertThat(result("page", "[2, 5, \"id\"]")).hasToString("\"page 2 of size 5 sorted by id\"");
	}

	@Test
	void paramNameFromAnnotation() {
		assertThat(result("renamed", "{\"first_name\": \"Ann\"}")).hasToString("\"Ann\"");
		assertInvalidParams(call("renamed", "{\"firstName\": \"Ann\"}"),
				"Invalid params: unknown parameter 'firstName'");
	}

	@Test
	void wholeNamedParamsBindToRecord() {
		assertThat(result("order", "{\"item\": \"tea\", \"quantity\": 2}")).hasToString("\"2 x tea\"");
	}

	@Test
	void wholePositionalParamsBindToList() {
		assertThat(result("total", "[1, 2, 3]")).hasToString("6");
		assertInvalidParams(call("total", null), "Invalid params: missing required parameter 'values'");
	}

	@Test
	void wholeParamsWithOtherBoundParameterFailsAtStartup() {
		assertThatIllegalStateException().isThrownBy(() -> JsonRpcSetup.services(new WholeAndMoreService()).toHandler())
			.withMessageContaining("'mixed'")
			.withMessageContaining("WholeAndMoreService#mixed(Order, int)");
	}

	@Test
	void varargsTakeTheRemainingPositionalParams() {
		assertThat(result("join", "[\"-\", \"a\", \"b\", \"c\"]")).hasToString("\"a-b-c\"");
		assertThat(result("join", "[\"-\"]")).hasToString("\"\"");
		assertThat(result("join", "{\"separator\": \"+\", \"parts\": [\"x\", \"y\"]}")).hasToString("\"x+y\"");
	}

	@Test
	void omittedVarargsAreEmpty() {
		assertThat(result("join", "{\"separator\": \"+\"}")).hasToString("\"\"");
		assertThat(result("count", null)).hasToString("0");
		assertThat(result("count", "[]")).hasToString("0");
		assertThat(result("count", "{}")).hasToString("0");
		assertThat(result("count", "[1, 2]")).hasToString("2");
		assertInvalidParams(call("join", "[]"), "Invalid params: missing required parameter 'separator'");
	}

	@Test
	void bindsGenericCollections() {
		assertThat(result("orders", "[[{\"item\": \"a\", \"quantity\": 2}, {\"item\": \"b\", \"quantity\": 3}]]"))
			.hasToString("5");
		assertThat(result("orderMap", "[{\"x\": {\"item\": \"a\", \"quantity\": 4}}]")).hasToString("\"x=4 x a\"");
	}

	@Test
	void contextParametersAreNotCountedInPositions() {
		Principal principal = () -> "alice";
		JsonRpcTransportContext context = JsonRpcTransportContext.builder(JsonRpcTransportContext.Transport.HTTP)
			.principal(principal)
			.build();
		String reply = TestWaits
			.join(this.handler.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"context\",\"params\":[1, 2],\"id\":\"c\"}",
					context))
			.orElseThrow();
		assertThat(read(reply).get("result").stringValue()).isEqualTo("context \"c\" a=1 session=null b=2 alice und");
	}

	@Test
	void contextParametersInProcess() {
		assertThat(result("context", "{\"a\": 5, \"b\": 6}"))
			.hasToString("\"context 1 a=5 session=null b=6 null und\"");
	}

	@Test
	void contextParametersAreNotExposedAsParams() {
		JsonRpcMethodRegistry registry = JsonRpcSetup.services(new BindingService())
			.resolvers(new LocaleResolver())
			.toRegistry();
		assertThat(registry.lookup("context").parameters()).extracting(JsonRpcParameter::name)
			.containsExactly("a", "b");
		assertThat(registry.lookup("context").parameters()).extracting(JsonRpcParameter::position)
			.containsExactly(0, 1);
	}

	@Test
	void requestAndTransportContextParameters() {
		assertThat(result("raw", "[3]")).hasToString("\"raw IN_PROCESS 3\"");
	}

	@Test
	void failingArgumentResolverGivesErrorResponse() {
		JsonRpcHandler failing = JsonRpcSetup.services(new BindingService()).resolvers(new LocaleResolver() {

			@Override
			public Object resolveArgument(MethodParameter parameter, JsonRpcExchange exchange) {
				throw new io.github.jsonrpc.server.JsonRpcException(-32030, "No locale");
			}

		}).toHandler();
		JsonNode reply = read(callText(failing, "context", "[1, 2]"));
		assertThat(reply.at("/error/code").intValue()).isEqualTo(-32030);
		assertThat(reply.at("/error/message").stringValue()).isEqualTo("No locale");
	}

	@Test
	void snakeCaseNamingStyleAppliesToMethodAndParamNames() {
		JsonRpcHandler snake = JsonRpcSetup.services(new NamingService())
			.namingStyle(JsonRpcNamingStyle.SNAKE_CASE)
			.toHandler();
		assertThat(result(snake, "full_name", "{\"first_name\": \"Ann\", \"last_name\": \"Lee\"}"))
			.hasToString("\"Ann Lee\"");
		assertThat(read(callText(snake, "fullName", "[\"a\", \"b\"]")).at("/error/code").intValue()).isEqualTo(-32601);
	}

	@Test
	void camelCaseNamingStyleAppliesToMethodAndParamNames() {
		JsonRpcHandler camel = JsonRpcSetup.services(new SnakeNamedService())
			.namingStyle(JsonRpcNamingStyle.CAMEL_CASE)
			.toHandler();
		assertThat(result(camel, "getItem", "{\"itemId\": 7}")).hasToString("\"item 7\"");
		assertThat(read(callText(camel, "get_item", "[7]")).at("/error/code").intValue()).isEqualTo(-32601);
	}

	@Test
	void unresolvableParameterTypeFailsAtStartupNamingTheMethod() {
		assertThatIllegalStateException()
			.isThrownBy(() -> JsonRpcSetup.services(new StreamParameterService()).toHandler())
			.withMessageContaining("'upload'")
			.withMessageContaining("StreamParameterService#upload(InputStream)")
			.withMessageContaining("InputStream");
	}

	private JsonNode result(String method, @Nullable String params) {
		return result(this.handler, method, params);
	}

	private static JsonNode result(JsonRpcHandler handler, String method, @Nullable String params) {
		JsonNode reply = read(callText(handler, method, params));
		assertThat(reply.has("error")).as("unexpected error %s", reply).isFalse();
		return reply.get("result");
	}

	private JsonNode call(String method, @Nullable String params) {
		return read(callText(method, params));
	}

	private String callText(String method, @Nullable String params) {
		return callText(this.handler, method, params);
	}

	private static String callText(JsonRpcHandler handler, String method, @Nullable String params) {
		String json = "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\","
				+ ((params != null) ? "\"params\":" + params + "," : "") + "\"id\":1}";
		return TestWaits.join(handler.handleText(json)).orElseThrow();
	}

	private static JsonNode read(String json) {
		return mapper.readTree(json);
	}

	private static void assertInvalidParams(JsonNode reply, String message) {
		assertThat(reply.at("/error/code").intValue()).as("code of %s", reply).isEqualTo(-32602);
		assertThat(reply.at("/error/message").stringValue()).isEqualTo(message);
		assertThat(reply.get("id").intValue()).isEqualTo(1);
	}

	record Order(String item, int quantity) {

	}

	static class LocaleResolver implements JsonRpcArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.getParameterType() == Locale.class;
		}

		@Override
		public Object resolveArgument(MethodParameter parameter, JsonRpcExchange exchange) {
			return Locale.ROOT;
		}

	}

	@JsonRpcService
	static class BindingService {

		public String greet(String name, int times) {
			return String.join(" ", java.util.Collections.nCopies(times, name));
		}

		public String none() {
			return "none";
		}

		public String twice(@JsonRpcParam("x") String first, @JsonRpcParam("x") String second) {
			return first + "/" + second;
		}

		public int increment(int value) {
			return value + 1;
		}

		public boolean flag(boolean value) {
			return value;
		}

		public double ratio(double value) {
			return value;
		}

		public String upper(String text) {
			return text.toUpperCase(Locale.ROOT);
		}

		public String optional(String text, Optional<String> suffix) {
			return text + ":" + suffix.orElse("empty");
		}

		public String nullable(String text, @Nullable String suffix) {
			return text + ":" + suffix;
		}

		public String notRequired(@JsonRpcParam(required = false) @Nullable String text,
				@JsonRpcParam(required = false) int count) {
			return text + ":" + count;
		}

		public String page(@JsonRpcParam(defaultValue = "1") int number, @JsonRpcParam(defaultValue = "10") int size,
				@JsonRpcParam(defaultValue = "name") String sort) {
			return "page " + number + " of size " + size + " sorted by " + sort;
		}

		public String renamed(@JsonRpcParam("first_name") String firstName) {
			return firstName;
		}

		public String order(@JsonRpcParams Order order) {
			return order.quantity() + " x " + order.item();
		}

		public int total(@JsonRpcParams List<Integer> values) {
			return values.stream().mapToInt(Integer::intValue).sum();
		}

		public String join(String separator, String... parts) {
			return String.join(separator, parts);
		}

		public String raw(io.github.jsonrpc.protocol.JsonRpcRequest request, JsonRpcTransportContext context,
				int value) {
			return request.method() + " " + context.transport() + " " + value;
		}

		public int count(int... values) {
			return values.length;
		}

		public int orders(List<Order> orders) {
			return orders.stream().mapToInt(Order::quantity).sum();
		}

		public String orderMap(Map<String, Order> orders) {
			Map.Entry<String, Order> entry = orders.entrySet().iterator().next();
			return entry.getKey() + "=" + entry.getValue().quantity() + " x " + entry.getValue().item();
		}

		public String context(JsonRpcExchange exchange, int a, JsonRpcId id, @Nullable JsonRpcSession session, int b,
				@Nullable Principal principal, Locale locale) {
			return exchange.method() + " " + id + " a=" + a + " session=" + session + " b=" + b + " "
					+ ((principal != null) ? principal.getName() : null) + " " + locale.toLanguageTag();
		}

	}

	@JsonRpcService
	static class NamingService {

		public String fullName(String firstName, String lastName) {
			return firstName + " " + lastName;
		}

	}

	@JsonRpcService
	static class SnakeNamedService {

		@JsonRpcMethod
		public String get_item(int item_id) {
			return "item " + item_id;
		}

	}

	@JsonRpcService
	static class WholeAndMoreService {

		public String mixed(@JsonRpcParams Order order, int count) {
			return "";
		}

	}

	@JsonRpcService
	static class StreamParameterService {

		public int upload(java.io.InputStream input) {
			return 0;
		}

	}

}
