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

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.jsonrpc.protocol.JsonRpcFrameDecoder;
import io.github.jsonrpc.protocol.JsonRpcFraming;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link StdioTestApplication} run as a child JVM with
 * {@code jsonrpc.stdio.enabled=true}, talked to through its standard input and output as
 * an editor or tool would: every framed message on its standard output is decoded
 * (anything else there, a banner or a log line, fails the test), standard error is kept
 * (bounded) for failure messages.
 */
final class StdioTestProcess implements AutoCloseable {

	static final JsonMapper mapper = JsonMapper.builder().build();

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final int MAX_ERRORS = 64 * 1024;

	private final Process process;

	private final JsonRpcFraming framing;

	private final OutputStream input;

	private final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();

	private final StringBuilder errors = new StringBuilder();

	private StdioTestProcess(Process process, JsonRpcFraming framing, boolean readOutput) {
		this.process = process;
		this.framing = framing;
		this.input = process.getOutputStream();
		if (readOutput) {
			daemon(this::readOutput, "stdio-test-stdout").start();
		}
		daemon(this::readErrors, "stdio-test-stderr").start();
	}

	/**
	 * Start the application.
	 * @param framing the framing of its standard input and output
	 * @param args more application arguments, e.g. limits
	 * @return the running process
	 */
	static StdioTestProcess start(JsonRpcFraming framing, String... args) throws IOException {
		return start(framing, true, args);
	}

	/**
	 * Start the application and never read its standard output, as a parent that is
	 * stuck.
	 * @param framing the framing of its standard input and output
	 * @param args more application arguments, e.g. limits
	 * @return the running process
	 */
	static StdioTestProcess startWithoutReading(JsonRpcFraming framing, String... args) throws IOException {
		return start(framing, false, args);
	}

	private static StdioTestProcess start(JsonRpcFraming framing, boolean readOutput, String... args)
			throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:auto",
						"-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
						StdioTestApplication.class.getName(), "--jsonrpc.stdio.enabled=true",
						"--jsonrpc.stdio.framing=" + framing.name().toLowerCase(Locale.ROOT).replace('_', '-')));
		command.addAll(List.of(args));
		return new StdioTestProcess(new ProcessBuilder(command).start(), framing, readOutput);
	}

	private static Thread daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

	private void readOutput() {
		JsonRpcFrameDecoder decoder = this.framing.decoder(16 * 1024 * 1024);
		byte[] buffer = new byte[8192];
		try (InputStream output = this.process.getInputStream()) {
			int count;
			while ((count = output.read(buffer)) != -1) {
				decoder.decode(java.nio.ByteBuffer.wrap(buffer, 0, count),
						(message) -> this.messages.add(mapper.readTree(message)));
			}
		}
		catch (IOException | RuntimeException ex) {
			// not framed JSON, or the pipe broke: the next read reports it
			this.messages.add(ex);
		}
	}

	private void readErrors() {
		byte[] buffer = new byte[8192];
		try (InputStream errors = this.process.getErrorStream()) {
			int count;
			while ((count = errors.read(buffer)) != -1) {
				synchronized (this.errors) {
					this.errors.append(new String(buffer, 0, count, StandardCharsets.UTF_8));
					if (this.errors.length() > MAX_ERRORS) {
						this.errors.delete(0, this.errors.length() - MAX_ERRORS);
					}
				}
			}
		}
		catch (IOException ex) {
			// the process is gone
		}
	}

	/**
	 * Write one message, framed.
	 * @param json the message
	 */
	void send(String json) throws IOException {
		sendRaw(this.framing.frame(json.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * Write bytes as they are.
	 * @param bytes the bytes
	 */
	void sendRaw(byte[] bytes) throws IOException {
		this.input.write(bytes);
		this.input.flush();
	}

	/**
	 * Write a message and return the next message written back.
	 * @param json the message
	 * @return the next message
	 */
	JsonNode call(String json) throws Exception {
		send(json);
		return next();
	}

	/**
	 * Return the next message the application wrote, waiting for it.
	 * @return the message
	 */
	JsonNode next() throws InterruptedException {
		Object next = this.messages.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
		assertThat(next).as(() -> "no message within " + WAIT + "; standard error:\n" + errors()).isNotNull();
		assertThat(next).as(() -> "standard output is not framed JSON: " + next).isInstanceOf(JsonNode.class);
		return (JsonNode) next;
	}

	/**
	 * Close the application's standard input, as a parent process that is done.
	 */
	void closeInput() throws IOException {
		this.input.close();
	}

	/**
	 * Wait for the application to exit.
	 * @return the exit value
	 */
	int awaitExit() throws InterruptedException {
		assertThat(this.process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS))
			.as(() -> "still running; standard error:\n" + errors())
			.isTrue();
		return this.process.exitValue();
	}

	/**
	 * Return the messages written and not read yet.
	 * @return the messages
	 */
	List<Object> unread() {
		List<Object> unread = new ArrayList<>();
		this.messages.drainTo(unread);
		return unread;
	}

	/**
	 * Return the end of what the application wrote to standard error.
	 * @return the text
	 */
	String errors() {
		synchronized (this.errors) {
			return this.errors.toString();
		}
	}

	@Override
	public void close() {
		this.process.destroyForcibly();
	}

}
