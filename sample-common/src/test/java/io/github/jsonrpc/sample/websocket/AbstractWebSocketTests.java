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

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * One server for every WebSocket test class: same configuration and properties, so the
 * test context cache serves them all. The application is the
 * {@code @SpringBootConfiguration} of the concrete test's module: the Servlet sample in
 * {@code sample-app}, the WebFlux one in {@code sample-webflux-app}; each runs every
 * suite of this package through one subclass per suite.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "sample.websocket-test-services=true",
				"jsonrpc.logging.enabled=false", "jsonrpc.websocket.allowed-origins=https://allowed.example",
				"jsonrpc.websocket.max-message-size=64KB", "jsonrpc.websocket.max-in-flight=1000",
				"jsonrpc.websocket.max-outbound-messages=200", "jsonrpc.websocket.max-outbound-size=2MB",
				"jsonrpc.websocket.send-time-limit=2s", "jsonrpc.pubsub.max-subscriptions-per-connection=3" })
@Import(WebSocketTestServices.class)
abstract class AbstractWebSocketTests {

	@LocalServerPort
	int port;

	WebSocketTestClient connect() throws Exception {
		return WebSocketTestClient.connect(this.port);
	}

}
