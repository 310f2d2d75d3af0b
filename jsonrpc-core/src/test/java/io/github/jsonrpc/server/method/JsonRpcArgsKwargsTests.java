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

import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.jsonrpc.TestWaits;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;
import io.github.jsonrpc.server.support.JsonRpcServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the opt-in binding of aiohttp-json-rpc's {@code {"args": [...], "kwargs":
 * {...}}} params.
 *
 * @author JSON-RPC for Spring Boot team
 */
class JsonRpcArgsKwargsTests {

	private final JsonRpcServer server = JsonRpcServer.builder()
		.argsKwargs(true)
		.service(new PeopleService())
		.method("introduce", Person.class, (person) -> person.name() + "/" + person.age() + "/" + person.admin())
		.build();

	@Test
	void argsBindByPositionAndKwargsByName() {
		assertThat(call("describe", "{\"args\":[\"Ada\",36],\"kwargs\":{\"admin\":true}}"))
			.isEqualTo(result("\"Ada/36/true\""));
		assertThat(call("describe", "{\"args\":[\"Ada\"],\"kwargs\":{\"admin\":true,\"age\":36}}"))
			.isEqualTo(result("\"Ada/36/true\""));
		assertThat(call("introduce", "{\"args\":[\"Ada\",36],\"kwargs\":{\"admin\":true}}"))
			.isEqualTo(result("\"Ada/36/true\""));
	}

	@Test
	void eitherPartMayBeMissing() {
		assertThat(call("describe", "{\"args\":[\"Ada\",36,false]}")).isEqualTo(result("\"Ada/36/false\""));
		assertThat(call("describe", "{\"kwargs\":{\"name\":\"Ada\",\"age\":36,\"admin\":false}}"))
			.isEqualTo(result("\"Ada/36/false\""));
		assertThat(call("describe", "{\"args\":[],\"kwargs\":{}}")).contains("missing required parameter 'name'");
	}

	@Test
	void theSameMethodStillTakesPlainParams() {
		assertThat(call("describe", "[\"Ada\",36,true]")).isEqualTo(result("\"Ada/36/true\""));
		assertThat(call("describe", "{\"name\":\"Ada\",\"age\":36,\"admin\":true}"))
			.isEqualTo(result("\"Ada/36/true\""));
	}

	@Test
	void errorsNameTheParameter() {
		assertThat(call("describe", "{\"args\":[\"Ada\"],\"kwargs\":{\"name\":\"Bob\",\"age\":1,\"admin\":true}}"))
			.contains("-32602", "parameter 'name' is given in args and kwargs");
		assertThat(call("describe", "{\"args\":[\"Ada\",1,true],\"kwargs\":{\"x\":1}}")).contains("-32602",
				"unknown parameter 'x'");
		assertThat(call("describe", "{\"args\":[\"Ada\",1,true,4]}")).contains("-32602",
				"expected at most 3 but got 4");
		assertThat(call("describe", "{\"args\":[\"Ada\",\"1\",true]}")).contains("-32602",
				"parameter 'age' must be an integer");
	}

	@Test
	void otherShapesAreNamedParams() {
		// args that is not an array, or a third member, is not the args/kwargs shape
		assertThat(call("describe", "{\"args\":\"Ada\"}")).contains("unknown parameter 'args'");
		assertThat(call("describe", "{\"args\":[\"Ada\"],\"name\":\"Ada\"}")).contains("unknown parameter 'args'");
	}

	@Test
	void varargsTakeTheRestOfArgsOrTheirKwarg() {
		assertThat(call("tag", "{\"args\":[\"Ada\",\"a\",\"b\",\"c\"]}")).isEqualTo(result("\"Ada:a,b,c\""));
		assertThat(call("tag", "{\"args\":[\"Ada\"]}")).isEqualTo(result("\"Ada:\""));
		assertThat(call("tag", "{\"args\":[\"Ada\"],\"kwargs\":{\"tags\":[\"x\",\"y\"]}}"))
			.isEqualTo(result("\"Ada:x,y\""));
		assertThat(call("tag", "{\"args\":[\"Ada\",\"a\"],\"kwargs\":{}}")).isEqualTo(result("\"Ada:a\""));
		assertThat(call("tag", "{\"kwargs\":{\"name\":\"Ada\",\"tags\":[\"x\"]}}")).isEqualTo(result("\"Ada:x\""));
	}

	@Test
	void kwargsThatIsNotAnObjectIsNotTheArgsKwargsShape() {
		assertThat(call("describe", "{\"args\":[\"Ada\",1,true],\"kwargs\":[1]}")).contains("unknown parameter 'args'");
	}

	@Test
	void methodsWithAnArgsParameterBindItAsUsual() {
		assertThat(call("log", "{\"args\":[\"a\",\"b\"]}")).isEqualTo(result("2"));
	}

	@Test
	void offByDefault() {
		JsonRpcServer server = JsonRpcServer.builder().service(new PeopleService()).build();
		assertThat(TestWaits.join(server.handleText(
				"{\"jsonrpc\":\"2.0\",\"method\":\"describe\",\"params\":{\"args\":[\"Ada\",36,true]},\"id\":1}")))
			.hasValueSatisfying((reply) -> assertThat(reply).contains("unknown parameter 'args'"));
	}

	private String call(String method, String params) {
		return TestWaits
			.join(this.server
				.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params + ",\"id\":1}"))
			.orElseThrow();
	}

	private static String result(String json) {
		return "{\"jsonrpc\":\"2.0\",\"result\":" + json + ",\"id\":1}";
	}

	record Person(String name, int age, boolean admin) {
	}

	@JsonRpcService
	static class PeopleService {

		public String describe(String name, int age, boolean admin) {
			return name + "/" + age + "/" + admin;
		}

		public int log(List<String> args) {
			return args.size();
		}

		public String tag(String name, String... tags) {
			return name + ":" + String.join(",", tags);
		}

	}

}
