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

package io.github.jsonrpc;

import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.websocket.server.ServerEndpointConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LoopbackTomcat}.
 *
 * @author JSON-RPC for Spring Boot team
 */
class LoopbackTomcatTests {

	@Test
	void listensOnTheLoopbackInterfaceAndDeletesItsBaseDirectoryOnClose() throws Exception {
		Path baseDir;
		try (LoopbackTomcat tomcat = LoopbackTomcat.start(new ServerEndpointConfig.Configurator())) {
			baseDir = tomcat.baseDir();
			assertThat(baseDir).isDirectory();
			assertThat(tomcat.port()).isPositive();
			assertThat(tomcat.uri(LoopbackTomcat.PATH)).hasToString("ws://127.0.0.1:" + tomcat.port() + "/ws");
		}
		assertThat(Files.exists(baseDir)).isFalse();
	}

}
