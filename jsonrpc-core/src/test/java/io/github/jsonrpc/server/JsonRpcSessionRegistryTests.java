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
package io.github.jsonrpc.server;

import java.security.Principal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link JsonRpcSessionRegistry}: a session is found while open and leaves the
 * registry when it closes.
 *
 * @author jsonrpc-dev
 */
class JsonRpcSessionRegistryTests {

	private final JsonRpcSessionRegistry registry = new JsonRpcSessionRegistry();

	@Test
	void registeredSessionIsFoundByIdUntilItCloses() {
		RecordingJsonRpcSession session = new RecordingJsonRpcSession("s1", null);
		this.registry.register(session);
		assertThat(this.registry.session("s1")).isSameAs(session);
		assertThat(this.registry.sessions()).containsExactly(session);
		assertThat(this.registry.size()).isEqualTo(1);
		session.close();
		assertThat(this.registry.session("s1")).isNull();
		assertThat(this.registry.sessions()).isEmpty();
		assertThat(this.registry.size()).isZero();
	}

	@Test
	void closingAReplacedSessionLeavesItsSuccessorRegistered() {
		RecordingJsonRpcSession first = new RecordingJsonRpcSession("s1", null);
		RecordingJsonRpcSession second = new RecordingJsonRpcSession("s1", null);
		this.registry.register(first);
		this.registry.register(second);
		first.close();
		assertThat(this.registry.session("s1")).isSameAs(second);
	}

	@Test
	void sessionsOfAUserAreThoseLoggedInAsThatUser() {
		RecordingJsonRpcSession alice = new RecordingJsonRpcSession("a", user("alice"));
		RecordingJsonRpcSession aliceAgain = new RecordingJsonRpcSession("b", user("alice"));
		RecordingJsonRpcSession bob = new RecordingJsonRpcSession("c", user("bob"));
		RecordingJsonRpcSession anonymous = new RecordingJsonRpcSession("d", null);
		this.registry.register(alice);
		this.registry.register(aliceAgain);
		this.registry.register(bob);
		this.registry.register(anonymous);
		assertThat(this.registry.sessionsOf("alice")).containsExactlyInAnyOrder(alice, aliceAgain);
		assertThat(this.registry.sessionsOf("bob")).containsExactly(bob);
		assertThat(this.registry.sessionsOf("carol")).isEmpty();
	}

	@Test
	void sessionsIsASnapshot() {
		this.registry.register(new RecordingJsonRpcSession("s1", null));
		var snapshot = this.registry.sessions();
		this.registry.register(new RecordingJsonRpcSession("s2", null));
		assertThat(snapshot).hasSize(1);
	}

	@Test
	void registerRequiresASession() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.registry.register(null))
			.withMessage("Session is required");
	}

	private static Principal user(String name) {
		return () -> name;
	}

}
