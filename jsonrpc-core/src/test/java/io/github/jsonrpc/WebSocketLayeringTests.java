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

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Package rules for the WebSocket transport and publish/subscribe: the protocol, server
 * contracts and pub/sub never touch WebSocket or servlet types, and pub/sub does not
 * depend on a transport.
 */
class WebSocketLayeringTests {

	private static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.github.jsonrpc");

	@Test
	void pubSubDoesNotDependOnTransports() {
		noClasses().that()
			.resideInAPackage("io.github.jsonrpc.pubsub..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.github.jsonrpc.server.websocket..", "io.github.jsonrpc.server.webmvc..")
			.check(classes);
	}

	@Test
	void protocolServerAndPubSubDoNotUseWebSocketOrServletTypes() {
		noClasses().that()
			.resideInAnyPackage("io.github.jsonrpc.protocol..", "io.github.jsonrpc.server",
					"io.github.jsonrpc.server.method..", "io.github.jsonrpc.server.support..",
					"io.github.jsonrpc.pubsub..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("jakarta.websocket..", "org.springframework.web.socket..", "jakarta.servlet..")
			.check(classes);
	}

	@Test
	void serverAndProtocolNeverDependOnPubSub() {
		noClasses().that()
			.resideInAnyPackage("io.github.jsonrpc.server..", "io.github.jsonrpc.protocol..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.github.jsonrpc.pubsub..")
			.check(classes);
	}

	@Test
	void pubSubAndSecurityReachConnectionsOnlyThroughTheSessionContract() {
		noClasses().that()
			.resideInAnyPackage("io.github.jsonrpc.pubsub..", "io.github.jsonrpc.security..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.github.jsonrpc.server.connection..", "io.github.jsonrpc.server.websocket..",
					"io.github.jsonrpc.server.webmvc..")
			.check(classes);
	}

	@Test
	void webSocketConnectionStateStaysInsideItsPackage() {
		com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
			.that()
			.haveSimpleName("WebSocketJsonRpcConnection")
			.should()
			.notBePublic()
			.check(classes);
	}

}
