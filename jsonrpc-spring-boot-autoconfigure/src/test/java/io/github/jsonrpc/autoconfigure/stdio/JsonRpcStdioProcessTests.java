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
package io.github.jsonrpc.autoconfigure.stdio;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.jsonrpc.protocol.JsonRpcFrameDecoder;
import io.github.jsonrpc.protocol.JsonRpcFraming;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JSON-RPC over the standard input and output of a real child process: a Spring Boot
 * application ({@link StdioTestApplication}) started from the test class path, talked to
 * through pipes, as an editor or tool would.
 */
class JsonRpcStdioProcessTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static Process start(JsonRpcFraming framing) throws Exception {
		return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:auto",
				"-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
				StdioTestApplication.class.getName(), "--jsonrpc.stdio.enabled=true",
				"--jsonrpc.stdio.framing=" + framing.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
				"--jsonrpc.stdio.max-message-size=4KB")
			.start();
	}

	private static CompletableFuture<byte[]> readAll(InputStream input) {
		return CompletableFuture.supplyAsync(() -> {
			try {
				return input.readAllBytes();
			}
			catch (java.io.IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	@ParameterizedTest
	@EnumSource(JsonRpcFraming.class)
	void answersCallsOnStandardOutputAndExitsWhenInputEnds(JsonRpcFraming framing) throws Exception {
		Process process = start(framing);
		try {
			CompletableFuture<byte[]> stdout = readAll(process.getInputStream());
			CompletableFuture<byte[]> stderr = readAll(process.getErrorStream());
			OutputStream stdin = process.getOutputStream();
			ByteArrayOutputStream requests = new ByteArrayOutputStream();
			requests
				.writeBytes(framing.frame(bytes("{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1,2],\"id\":1}")));
			requests
				.writeBytes(framing.frame(bytes("{\"jsonrpc\":\"2.0\",\"method\":\"notify_hello\",\"params\":[7]}")));
			requests.writeBytes(framing.frame(bytes(
					"[{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[42,23],\"id\":\"2\"},{\"jsonrpc\":\"2.0\",\"method\":\"nope\",\"id\":3}]")));
			requests
				.writeBytes(framing.frame(bytes("{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[5,5],\"id\":4}")));
			stdin.write(requests.toByteArray());
			stdin.close();
			// the input ended: calls are answered, then the application exits by itself
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(() -> text(stderr.getNow(new byte[0]))).isTrue();
			assertThat(process.exitValue()).isZero();
			List<JsonNode> messages = decode(framing, stdout.get(10, TimeUnit.SECONDS));
			assertThat(messages).hasSize(3);
			assertThat(messages).anySatisfy((message) -> assertThat(message.path("result").asInt(0)).isEqualTo(3));
			assertThat(messages).anySatisfy((message) -> assertThat(message.path("result").asInt(0)).isEqualTo(10));
			assertThat(messages).anySatisfy((message) -> {
				assertThat(message.isArray()).isTrue();
				assertThat(message.get(0).get("result").asInt()).isEqualTo(19);
				assertThat(message.get(1).get("error").get("code").asInt()).isEqualTo(-32601);
			});
			String errors = text(stderr.get(10, TimeUnit.SECONDS));
			assertThat(errors).contains("stray print from the application")
				.contains("JSON-RPC on standard input/output");
		}
		finally {
			process.destroyForcibly();
		}
	}

	@Test
	void overLongLineIsAnsweredWithAnErrorAndEndsTheSession() throws Exception {
		Process process = start(JsonRpcFraming.NDJSON);
		try {
			CompletableFuture<byte[]> stdout = readAll(process.getInputStream());
			readAll(process.getErrorStream());
			OutputStream stdin = process.getOutputStream();
			stdin.write(bytes("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"" + "x".repeat(8192)));
			stdin.flush();
			// the application ends without waiting for a newline or the end of input
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
			List<JsonNode> messages = decode(JsonRpcFraming.NDJSON, stdout.get(10, TimeUnit.SECONDS));
			assertThat(messages).hasSize(1);
			assertThat(messages.get(0).get("error").get("code").asInt()).isEqualTo(-32005);
		}
		finally {
			process.destroyForcibly();
		}
	}

	@Test
	void overSizeContentLengthIsAnsweredWithAnErrorBeforeItsBodyAndEndsTheSession() throws Exception {
		try (StdioTestProcess process = StdioTestProcess.start(JsonRpcFraming.CONTENT_LENGTH,
				"--jsonrpc.stdio.max-message-size=4KB")) {
			// the header alone is enough: no body is read, nor waited for
			process.sendRaw(bytes("Content-Length: 1000000\r\n\r\n{\"jsonrpc\":\"2.0\""));
			JsonNode error = process.next();
			assertThat(error.get("error").get("code").asInt()).isEqualTo(-32005);
			assertThat(error.get("id").isNull()).isTrue();
			process.awaitExit();
			assertThat(process.unread()).isEmpty();
		}
	}

	@Test
	void parentThatStopsReadingEndsTheApplicationAfterTheSendTimeLimit() throws Exception {
		try (StdioTestProcess process = StdioTestProcess.startWithoutReading(JsonRpcFraming.NDJSON,
				"--jsonrpc.stdio.send-time-limit=1s")) {
			// a long stream fills the pipe; the parent reads nothing, writes nothing more
			// and keeps its end of the input open
			process.send("{\"jsonrpc\":\"2.0\",\"method\":\"countdown\",\"params\":[100000000],\"id\":1}");
			assertThat(process.awaitExit()).isZero();
			assertThat(process.errors()).contains("slow consumer");
		}
	}

	private static List<JsonNode> decode(JsonRpcFraming framing, byte[] output) {
		List<JsonNode> messages = new ArrayList<>();
		// anything but framed JSON on stdout (a banner, a log line) fails here
		framing.decoder(1024 * 1024).decode(output, (message) -> messages.add(mapper.readTree(message)));
		return messages;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
