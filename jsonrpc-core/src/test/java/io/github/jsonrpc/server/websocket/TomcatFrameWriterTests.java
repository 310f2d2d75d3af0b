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
package io.github.jsonrpc.server.websocket;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.websocket.SendHandler;
import org.junit.jupiter.api.Test;

import io.github.jsonrpc.protocol.JsonRpcEncodedMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TomcatFrameWriter}, on a stand-in for Tomcat's remote endpoint.
 *
 * @author JSON-RPC for Spring Boot team
 */
class TomcatFrameWriterTests {

	private static final SendHandler NONE = (result) -> {
	};

	private final Endpoint endpoint = new Endpoint();

	private final AtomicBoolean batchingAllowed = new AtomicBoolean();

	private final TomcatFrameWriter writer = new TomcatFrameWriter(this.endpoint, startMessage(), this.batchingAllowed,
			ByteBuffer.allocate(64), new Semaphore(1));

	@Test
	void messagesWithMoreQueuedBehindThemAreBatched() {
		this.writer.send(message(), true, NONE);
		assertThat(this.batchingAllowed).isTrue();
		assertThat(this.endpoint.opCodes).containsExactly((byte) 0x01);
		assertThat(this.writer.flush(NONE)).isTrue();
		assertThat(this.endpoint.opCodes).containsExactly((byte) 0x01, (byte) 0x18);
	}

	@Test
	void batchingIsNeverTurnedOnAgainOnceTheSessionIsClosing() {
		this.writer.closing();
		// what Tomcat's close does: turn batching off and write the buffer, then the
		// close frame; a message batched meanwhile would be lost behind it
		this.writer.send(message(), true, NONE);
		assertThat(this.batchingAllowed).isFalse();
		assertThat(this.endpoint.opCodes).containsExactly((byte) 0x01);
		// nothing was batched: nothing to flush
		assertThat(this.writer.flush(NONE)).isFalse();
	}

	private static JsonRpcEncodedMessage message() {
		return JsonRpcEncodedMessage.wrap("{\"jsonrpc\":\"2.0\",\"method\":\"n\"}".getBytes(StandardCharsets.UTF_8));
	}

	private static MethodHandle startMessage() {
		try {
			return MethodHandles.lookup()
				.findVirtual(Endpoint.class, "startMessage",
						MethodType.methodType(void.class, byte.class, ByteBuffer.class, boolean.class,
								SendHandler.class))
				.asType(MethodType.methodType(void.class, Object.class, byte.class, ByteBuffer.class, boolean.class,
						SendHandler.class));
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Records the frames started, as Tomcat's {@code WsRemoteEndpointImplBase} would
	 * write them.
	 */
	static final class Endpoint {

		final List<Byte> opCodes = new ArrayList<>();

		void startMessage(byte opCode, ByteBuffer payload, boolean last, SendHandler handler) {
			this.opCodes.add(opCode);
		}

	}

}
