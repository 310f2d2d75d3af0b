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

import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * One open connection of a persistent transport that carries whole JSON-RPC messages as
 * text (a WebSocket, a framed TCP stream): what {@link MessageChannelJsonRpcTransport}
 * needs from it to send, receive, notice a drop and reconnect.
 *
 * @author JSON-RPC for Spring Boot team
 */
interface MessageChannel {

	/**
	 * Send one message; called again only once the previous send completed.
	 * @param text the message
	 * @return completes when the message was handed to the network
	 */
	CompletableFuture<?> send(String text);

	/**
	 * Return whether nothing can be sent any more.
	 * @return {@code true} once closed
	 */
	boolean isOutputClosed();

	/**
	 * Close the connection (no further {@link Receiver#onClosed} follows a call of this).
	 */
	void close();

	/**
	 * Opens channels.
	 */
	@FunctionalInterface
	interface Opener {

		/**
		 * Open a channel.
		 * @param receiver receives what the channel reads, one message at a time
		 * @return the channel, once open
		 */
		CompletableFuture<MessageChannel> open(Receiver receiver);

	}

	/**
	 * Receives what a channel reads.
	 */
	interface Receiver {

		/**
		 * Handle one complete message.
		 * @param text the message
		 */
		void onMessage(String text);

		/**
		 * Handle the end of the channel.
		 * @param error why, {@code null} for an orderly close
		 */
		void onClosed(@Nullable Throwable error);

	}

}
