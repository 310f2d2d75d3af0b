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
package io.github.jsonrpc.sample.security;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the end-to-end HTTP security suites: a {@link JsonRpcHttpCaller} to the sample
 * each suite starts on a random port. The suites carry their own {@code @SpringBootTest}
 * (their properties differ).
 *
 * @author JSON-RPC for Spring Boot team
 */
abstract class AbstractHttpCallerTests {

	@LocalServerPort
	private int port;

	JsonRpcHttpCaller caller;

	@BeforeEach
	void createCaller() {
		this.caller = new JsonRpcHttpCaller(this.port);
	}

}
