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
package io.github.jsonrpc.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.github.jsonrpc.protocol.JsonRpcLogText;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * A {@link MessageChannel} over a WebSocket of the JDK's {@link HttpClient}: one text
 * message (possibly fragmented) is one JSON-RPC message.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class WebSocketMessageChannel implements MessageChannel {

	private static final Log logger = LogFactory.getLog(WebSocketMessageChannel.class);

	private static final int GOING_AWAY = 1001;

	private static final int NO_STATUS = 1005;

	private static final int ABNORMAL_CLOSURE = 1006;

	private final WebSocket webSocket;

	private final FrameListener listener;

	private WebSocketMessageChannel(WebSocket webSocket, FrameListener listener) {
		this.webSocket = webSocket;
		this.listener = listener;
	}

	/**
	 * Return an opener of WebSocket channels to an endpoint.
	 * @param uri the {@code ws://} or {@code wss://} endpoint
	 * @param httpClient the client
	 * @param headers headers of the handshake
	 * @param connectTimeout the handshake timeout, {@code null} for the default
	 * @return the opener
	 */
	static Opener opener(URI uri, HttpClient httpClient, Map<String, String> headers,
			@Nullable Duration connectTimeout) {
		return (receiver) -> {
			WebSocket.Builder builder = httpClient.newWebSocketBuilder();
			headers.forEach(builder::header);
			if (connectTimeout != null) {
				builder.connectTimeout(connectTimeout);
			}
			FrameListener listener = new FrameListener(uri, receiver);
			return builder.buildAsync(uri, listener)
				.thenApply((webSocket) -> new WebSocketMessageChannel(webSocket, listener));
		};
	}

	@Override
	public CompletableFuture<?> send(String text) {
		return this.webSocket.sendText(text, true);
	}

	@Override
	public boolean isOutputClosed() {
		return this.webSocket.isOutputClosed();
	}

	@Override
	public void close() {
		// before the close frame: the server's answer to it must not be reported
		this.listener.closedByUs = true;
		this.webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally((ex) -> null);
	}

	/**
	 * Return why a close that the server (or the loss of the connection) brought about is
	 * a failure: any status but a normal closure, the server going away, or a close frame
	 * without a status. {@code 1006} is what the JDK reports when the connection ended
	 * without a close frame.
	 * @param uri the endpoint
	 * @param statusCode the status of the close
	 * @param reason its reason, possibly empty
	 * @return the failure, {@code null} for an orderly close
	 */
	static @Nullable IOException closeFailure(URI uri, int statusCode, String reason) {
		if (statusCode == WebSocket.NORMAL_CLOSURE || statusCode == GOING_AWAY || statusCode == NO_STATUS) {
			return null;
		}
		// the reason is the server's text: escaped, as it ends up in logs
		String why = (!reason.isEmpty()) ? JsonRpcLogText.escape(reason)
				: (statusCode == ABNORMAL_CLOSURE) ? "the connection ended without a close frame" : null;
		return new IOException(
				"WebSocket to " + uri + " closed with status " + statusCode + ((why != null) ? " (" + why + ")" : ""));
	}

	/**
	 * Reads frames, assembling partial text messages.
	 */
	private static final class FrameListener implements WebSocket.Listener {

		private final URI uri;

		private final Receiver receiver;

		private final StringBuilder text = new StringBuilder();

		private volatile boolean closedByUs;

		FrameListener(URI uri, Receiver receiver) {
			this.uri = uri;
			this.receiver = receiver;
		}

		@Override
		public void onOpen(WebSocket webSocket) {
			webSocket.request(1);
		}

		@Override
		public @Nullable CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.text.append(data);
			if (last) {
				String message = this.text.toString();
				this.text.setLength(0);
				try {
					this.receiver.onMessage(message);
				}
				catch (RuntimeException ex) {
					logger.warn("Failed to handle a message from " + this.uri, ex);
				}
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public @Nullable CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			if (logger.isDebugEnabled()) {
				logger
					.debug("WebSocket to " + this.uri + " closed: " + statusCode + " " + JsonRpcLogText.escape(reason));
			}
			if (!this.closedByUs) {
				this.receiver.onClosed(closeFailure(this.uri, statusCode, reason));
			}
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			if (!this.closedByUs) {
				this.receiver.onClosed(error);
			}
		}

	}

}
