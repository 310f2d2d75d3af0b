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
package io.github.jsonrpc.server.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import io.github.jsonrpc.protocol.JsonRpcEncodedMessage;

import org.springframework.http.MediaType;

/**
 * How the messages of a streamed HTTP reply are framed: each {@code rpc.stream} item and
 * then the final response is one line ({@code application/x-ndjson}) or one {@code data:}
 * event ({@code text/event-stream}). JSON text never holds a raw line break, so one
 * message is always one line or one event.
 *
 * @author JSON-RPC for Spring Boot team
 * @since 0.1.0
 */
public enum JsonRpcHttpStreamFormat {

	/** Newline-delimited JSON: one message per line. */
	NDJSON(MediaType.APPLICATION_NDJSON, new byte[0], new byte[] { '\n' }),

	/** Server-sent events: one {@code data:} event per message. */
	SERVER_SENT_EVENTS(MediaType.TEXT_EVENT_STREAM, "data:".getBytes(StandardCharsets.US_ASCII),
			new byte[] { '\n', '\n' });

	private final MediaType mediaType;

	private final byte[] prefix;

	private final byte[] suffix;

	JsonRpcHttpStreamFormat(MediaType mediaType, byte[] prefix, byte[] suffix) {
		this.mediaType = mediaType;
		this.prefix = prefix;
		this.suffix = suffix;
	}

	/**
	 * Return the media type of the stream.
	 * @return the media type
	 */
	public MediaType mediaType() {
		return this.mediaType;
	}

	/**
	 * Write one framed message.
	 * @param output the output
	 * @param message the message
	 * @throws IOException when the output fails
	 */
	public void writeTo(OutputStream output, JsonRpcEncodedMessage message) throws IOException {
		output.write(this.prefix);
		message.writeTo(output);
		output.write(this.suffix);
	}

	/**
	 * Return one framed message as bytes.
	 * @param message the message
	 * @return the frame
	 */
	public byte[] frame(JsonRpcEncodedMessage message) {
		byte[] frame = new byte[this.prefix.length + message.size() + this.suffix.length];
		System.arraycopy(this.prefix, 0, frame, 0, this.prefix.length);
		byte[] body = message.toByteArray();
		System.arraycopy(body, 0, frame, this.prefix.length, body.length);
		System.arraycopy(this.suffix, 0, frame, this.prefix.length + body.length, this.suffix.length);
		return frame;
	}

}
