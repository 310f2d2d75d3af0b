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
package io.github.jsonrpc.server.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import io.github.jsonrpc.CalculatorService;
import io.github.jsonrpc.JsonRpcSetup;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.method.annotation.JsonRpcService;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.Ordered;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link LoggingJsonRpcInterceptor}.
 *
 * @author jsonrpc-dev
 */
class LoggingJsonRpcInterceptorTests {

	private final LoggingJsonRpcInterceptor interceptor = new LoggingJsonRpcInterceptor(JsonMapper.builder().build(),
			8);

	@Test
	void responsesPassThroughUnchanged() {
		JsonRpcHandler handler = JsonRpcSetup.services(new CalculatorService(), new OddService())
			.interceptors(this.interceptor)
			.toHandler();
		assertThat(handler.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1,2,3,4,5,6,7],\"id\":1}")
			.join()).contains("{\"jsonrpc\":\"2.0\",\"result\":28,\"id\":1}");
		assertThat(handler.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"nope\",\"id\":2}").join())
			.contains("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":2}");
		assertThat(handler.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"update\",\"params\":[1]}").join()).isEmpty();
	}

	@Test
	void unwritableResultIsLoggedWithoutFailingTheCall() {
		JsonRpcHandler handler = JsonRpcSetup.services(new OddService()).interceptors(this.interceptor).toHandler();
		assertThat(handler.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"odd\",\"id\":1}").join())
			.contains("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32603,\"message\":\"Internal error\"},\"id\":1}");
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void clientTextCannotForgeLogLines(CapturedOutput output) {
		JsonRpcHandler handler = JsonRpcSetup.services(new CalculatorService())
			.interceptors(this.interceptor)
			.toHandler();
		String method = "x\\r\\nINFO 1 --- [main] forged line \\u001b[31m";
		assertThat(
				handler.handleText("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"id\":1}").join().orElseThrow())
			.contains("-32601");
		assertThat(output.getOut()).contains("method=x\\r\\nINFO 1 --- [main] forged line \\u001b[31m")
			.doesNotContain("\u001b")
			.satisfies(
					(out) -> assertThat(out.lines()).noneMatch((line) -> line.startsWith("INFO 1 --- [main] forged")));
	}

	@Test
	void runsEarly() {
		assertThat(this.interceptor.getOrder()).isLessThan(Ordered.LOWEST_PRECEDENCE).isLessThan(0);
	}

	@Test
	void rejectsNegativePayloadLength() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LoggingJsonRpcInterceptor(JsonMapper.builder().build(), -1));
	}

	@JsonRpcService
	static class OddService {

		public Unwritable odd() {
			return new Unwritable();
		}

	}

	static class Unwritable {

		public String getValue() {
			throw new IllegalStateException("cannot be written");
		}

	}

}
