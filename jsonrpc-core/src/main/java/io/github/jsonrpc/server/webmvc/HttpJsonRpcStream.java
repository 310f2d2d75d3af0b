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
package io.github.jsonrpc.server.webmvc;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

import io.github.jsonrpc.protocol.JsonRpcEncodedMessage;
import io.github.jsonrpc.protocol.JsonRpcId;
import io.github.jsonrpc.protocol.JsonRpcMessageCodec;
import io.github.jsonrpc.protocol.JsonRpcReply;
import io.github.jsonrpc.server.JsonRpcExchange;
import io.github.jsonrpc.server.JsonRpcStreamSink;
import io.github.jsonrpc.server.http.JsonRpcHttpMediaTypes;
import io.github.jsonrpc.server.http.JsonRpcHttpStreamFormat;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;

/**
 * The stream of one HTTP call whose client accepts {@code application/x-ndjson} or
 * {@code text/event-stream}: each item is written as an {@code rpc.stream} notification
 * (one line, or one {@code data:} event), then the final response. A call that does not
 * stream is answered as plain JSON. Items are written on the request thread, one at a
 * time (back-pressure); a client that goes away cancels the stream.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class HttpJsonRpcStream implements JsonRpcStreamSink {

	// the subtypes of the streaming formats, looked for in Accept before parsing it
	private static final String[] STREAM_SUBTYPES = Arrays.stream(JsonRpcHttpStreamFormat.values())
		.map((format) -> format.mediaType().getSubtype())
		.toArray(String[]::new);

	// x-ndjson, event-stream: each has a hyphen
	private static final boolean STREAM_SUBTYPES_HYPHENATED = Arrays.stream(STREAM_SUBTYPES)
		.allMatch((subtype) -> subtype.indexOf('-') >= 0);

	private final JsonRpcMessageCodec codec;

	private final JsonRpcHttpStreamFormat format;

	private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();

	private volatile boolean opened;

	private volatile boolean broken;

	private volatile @Nullable Runnable cancel;

	// the first event, taken by start() on the request thread that writes the stream
	private @Nullable Object first;

	HttpJsonRpcStream(JsonRpcMessageCodec codec, JsonRpcHttpStreamFormat format) {
		this.codec = codec;
		this.format = format;
	}

	@Override
	public void open(JsonRpcExchange exchange, Runnable cancel) {
		if (exchange.id() == null) {
			// a notification is never answered, not even with items
			return;
		}
		this.cancel = cancel;
		this.opened = true;
	}

	@Override
	public boolean item(JsonRpcExchange exchange, @Nullable Object item, Runnable requestNext) {
		if (this.broken) {
			return false;
		}
		JsonRpcId id = exchange.id();
		if (id == null) {
			return false;
		}
		this.events.add(new Item(this.codec.encodeStreamItem(id, exchange.request().version(), item), requestNext));
		return true;
	}

	@Override
	public void close(JsonRpcExchange exchange) {
	}

	/**
	 * Wait for the first event of the call, so that the status of the answer is known
	 * before anything is written.
	 * @param reply the reply of the call
	 * @return the reply of a call that did not stream, to be answered as plain JSON, or
	 * {@code null} when the stream opened, to be written by {@link #writeTo}
	 */
	@Nullable JsonRpcReply start(CompletableFuture<JsonRpcReply> reply) throws IOException {
		reply.whenComplete((result, ex) -> this.events.add((ex != null) ? JsonRpcReply.empty() : result));
		Object event = take();
		if (event instanceof JsonRpcReply single && !this.opened) {
			return single;
		}
		this.first = event;
		return null;
	}

	/**
	 * Write the stream that {@link #start} found open, after the status, blocking until
	 * the final response is written.
	 * @param response the servlet response
	 */
	void writeTo(HttpServletResponse response) throws IOException {
		Object event = this.first;
		Assert.state(event != null, "The stream did not start");
		response.setContentType(this.format.mediaType().toString());
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		OutputStream output = response.getOutputStream();
		try {
			while (true) {
				if (event instanceof Item item) {
					write(output, item.message);
					item.requestNext.run();
				}
				else if (event instanceof JsonRpcReply last) {
					if (!last.isEmpty()) {
						write(output, this.codec.encodeReply(last));
					}
					return;
				}
				event = take();
			}
		}
		catch (IOException ex) {
			// the client went away: stop the source
			this.broken = true;
			Runnable current = this.cancel;
			if (current != null) {
				current.run();
			}
			throw ex;
		}
	}

	private Object take() throws InterruptedIOException {
		try {
			return this.events.take();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			InterruptedIOException interrupted = new InterruptedIOException("Interrupted while waiting for the stream");
			interrupted.initCause(ex);
			throw interrupted;
		}
	}

	/**
	 * Return the streaming format the {@code Accept} headers of a request ask for.
	 * @param request the servlet request
	 * @return the format, or {@code null} for plain JSON
	 */
	static @Nullable JsonRpcHttpStreamFormat format(HttpServletRequest request) {
		Enumeration<String> values = request.getHeaders(HttpHeaders.ACCEPT);
		if (values == null || !values.hasMoreElements()) {
			return null;
		}
		String first = values.nextElement();
		if (!values.hasMoreElements()) {
			// the common case, one Accept header naming no streaming type: no list, no
			// parsing
			return mayStream(first) ? streamFormat(List.of(first)) : null;
		}
		List<String> accept = new ArrayList<>();
		accept.add(first);
		accept.addAll(Collections.list(values));
		for (String value : accept) {
			if (mayStream(value)) {
				return streamFormat(accept);
			}
		}
		return null;
	}

	private static @Nullable JsonRpcHttpStreamFormat streamFormat(List<String> accept) {
		try {
			return JsonRpcHttpMediaTypes.streamFormat(MediaType.parseMediaTypes(accept));
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static boolean mayStream(String value) {
		if (STREAM_SUBTYPES_HYPHENATED && value.indexOf('-') < 0) {
			// "application/json", "*/*": no streaming subtype can be in a value without a
			// hyphen, so one scan instead of a case-insensitive match at every position
			return false;
		}
		for (String subtype : STREAM_SUBTYPES) {
			for (int i = 0; i + subtype.length() <= value.length(); i++) {
				if (value.regionMatches(true, i, subtype, 0, subtype.length())) {
					return true;
				}
			}
		}
		return false;
	}

	private void write(OutputStream output, JsonRpcEncodedMessage message) throws IOException {
		this.format.writeTo(output, message);
		output.flush();
	}

	private record Item(JsonRpcEncodedMessage message, Runnable requestNext) {
	}

}
