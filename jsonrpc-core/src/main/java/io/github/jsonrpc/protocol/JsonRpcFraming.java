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
package io.github.jsonrpc.protocol;

import java.nio.charset.StandardCharsets;

import org.springframework.util.Assert;

/**
 * How JSON-RPC messages are delimited on a byte stream (a TCP socket, standard
 * input/output), where nothing else marks where one message ends.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public enum JsonRpcFraming {

	/**
	 * One message per line (newline-delimited JSON), as Python's asyncio JSON-RPC servers
	 * and the jayson TCP client do. A {@code \r} before the {@code \n} and blank lines
	 * are ignored.
	 */
	NDJSON,

	/**
	 * Each message preceded by a {@code Content-Length: <bytes>} header and an empty
	 * line, as the Language Server Protocol and its relatives do. Other headers (e.g.
	 * {@code Content-Type}) are accepted and ignored.
	 */
	CONTENT_LENGTH;

	private static final byte[] NEWLINE = { '\n' };

	/**
	 * Create a decoder of this framing for one stream.
	 * @param maxMessageSize the largest message accepted, in bytes
	 * @return a new decoder
	 */
	public JsonRpcFrameDecoder decoder(int maxMessageSize) {
		return new JsonRpcFrameDecoder(this, maxMessageSize);
	}

	/**
	 * Return what goes before a message of the given size.
	 * @param messageSize the size of the message in bytes
	 * @return the header, empty for {@link #NDJSON}
	 */
	public byte[] header(int messageSize) {
		Assert.isTrue(messageSize >= 0, "Message size must not be negative");
		return (this == CONTENT_LENGTH)
				? ("Content-Length: " + messageSize + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII) : new byte[0];
	}

	/**
	 * Return what goes after a message.
	 * @return the trailer, a newline for {@link #NDJSON}, empty otherwise
	 */
	public byte[] trailer() {
		return (this == NDJSON) ? NEWLINE.clone() : new byte[0];
	}

	/**
	 * Return a message ready to write on a stream of this framing. For {@link #NDJSON} a
	 * line break inside the message (only possible as whitespace between tokens, e.g.
	 * from a pretty-printing mapper: JSON strings escape them) becomes a space.
	 * @param message the UTF-8 encoded JSON message
	 * @return the framed bytes
	 */
	public byte[] frame(byte[] message) {
		byte[] header = header(message.length);
		byte[] trailer = trailer();
		byte[] framed = new byte[header.length + message.length + trailer.length];
		System.arraycopy(header, 0, framed, 0, header.length);
		System.arraycopy(message, 0, framed, header.length, message.length);
		System.arraycopy(trailer, 0, framed, header.length + message.length, trailer.length);
		if (this == NDJSON) {
			for (int i = 0; i < message.length; i++) {
				if (framed[i] == '\n' || framed[i] == '\r') {
					framed[i] = ' ';
				}
			}
		}
		return framed;
	}

}
