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

package io.github.jsonrpc.sample.websocket;

import io.github.jsonrpc.server.websocket.JsonRpcWebSocketHandler;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AbstractWebSocketPubSubTests} against the Servlet sample (Tomcat).
 *
 * @author JSON-RPC for Spring Boot team
 */
class WebSocketPubSubTests extends AbstractWebSocketPubSubTests {

	@Autowired
	JsonRpcWebSocketHandler webSocketHandler;

	@Test
	void connectionsOnTomcatUseTheStandardSendByDefault() throws Exception {
		assertThat(this.webSocketHandler.isTomcatGatheredWrites()).isFalse();
		try (WebSocketTestClient client = connect()) {
			assertThat(client.call("{\"jsonrpc\":\"2.0\",\"method\":\"get_topics\",\"id\":1}").get("result"))
				.isNotNull();
			assertThat(this.webSocketHandler.sessions()).isNotEmpty()
				.allSatisfy((session) -> assertThat(ReflectionTestUtils.getField(session, "frames")).isNull());
		}
	}

}
