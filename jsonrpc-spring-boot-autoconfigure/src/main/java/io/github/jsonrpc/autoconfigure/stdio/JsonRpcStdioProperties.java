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

import java.time.Duration;

import io.github.jsonrpc.autoconfigure.PositiveDurations;
import io.github.jsonrpc.protocol.JsonRpcFraming;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties of JSON-RPC over standard input and output.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
@ConfigurationProperties("jsonrpc.stdio")
public class JsonRpcStdioProperties {

	/**
	 * Whether to serve JSON-RPC on standard input and output. Standard output then
	 * carries only the protocol: the banner is switched off, console logging and
	 * System.out go to standard error, and no web server starts unless
	 * spring.main.web-application-type says otherwise.
	 */
	private boolean enabled;

	/**
	 * How messages are delimited: one per line (ndjson) or with Content-Length headers
	 * (content-length, as language servers do).
	 */
	private JsonRpcFraming framing = JsonRpcFraming.NDJSON;

	/**
	 * Largest message accepted; a larger one is answered with -32005 and ends the
	 * session.
	 */
	private DataSize maxMessageSize = DataSize.ofMegabytes(1);

	/**
	 * Maximum number of messages being handled at once (4 of them run at once, the others
	 * wait in a queue); at this many, reading pauses until one completes.
	 */
	private int maxInFlight = 256;

	/**
	 * How long a write to standard output may block (the parent process stopped reading)
	 * before the session closes and, with exit-on-end-of-input, the application ends.
	 */
	private Duration sendTimeLimit = Duration.ofSeconds(10);

	/**
	 * Whether the application context closes when standard input ends (the parent process
	 * closed the pipe), after running calls are answered.
	 */
	private boolean exitOnEndOfInput = true;

	/**
	 * How long the end of input or stopping waits for running calls to be answered.
	 */
	private Duration shutdownTimeout = Duration.ofSeconds(30);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public JsonRpcFraming getFraming() {
		return this.framing;
	}

	public void setFraming(JsonRpcFraming framing) {
		this.framing = framing;
	}

	public DataSize getMaxMessageSize() {
		return this.maxMessageSize;
	}

	public void setMaxMessageSize(DataSize maxMessageSize) {
		Assert.isTrue(maxMessageSize.toBytes() > 0 && maxMessageSize.toBytes() <= Integer.MAX_VALUE,
				"jsonrpc.stdio.max-message-size must be positive and below 2 GB");
		this.maxMessageSize = maxMessageSize;
	}

	public int getMaxInFlight() {
		return this.maxInFlight;
	}

	public void setMaxInFlight(int maxInFlight) {
		Assert.isTrue(maxInFlight > 0, "jsonrpc.stdio.max-in-flight must be positive");
		this.maxInFlight = maxInFlight;
	}

	public Duration getSendTimeLimit() {
		return this.sendTimeLimit;
	}

	public void setSendTimeLimit(Duration sendTimeLimit) {
		PositiveDurations.require(sendTimeLimit, "jsonrpc.stdio.send-time-limit must be positive");
		this.sendTimeLimit = sendTimeLimit;
	}

	public boolean isExitOnEndOfInput() {
		return this.exitOnEndOfInput;
	}

	public void setExitOnEndOfInput(boolean exitOnEndOfInput) {
		this.exitOnEndOfInput = exitOnEndOfInput;
	}

	public Duration getShutdownTimeout() {
		return this.shutdownTimeout;
	}

	public void setShutdownTimeout(Duration shutdownTimeout) {
		Assert.isTrue(!shutdownTimeout.isNegative(), "jsonrpc.stdio.shutdown-timeout must not be negative");
		this.shutdownTimeout = shutdownTimeout;
	}

}
