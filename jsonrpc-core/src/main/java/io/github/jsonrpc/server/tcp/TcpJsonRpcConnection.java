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
package io.github.jsonrpc.server.tcp;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.Map;
import java.util.concurrent.Executor;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import org.jspecify.annotations.Nullable;
import reactor.netty.Connection;

import io.github.jsonrpc.protocol.JsonRpcEncodedMessage;
import io.github.jsonrpc.protocol.JsonRpcFraming;
import io.github.jsonrpc.server.JsonRpcHandler;
import io.github.jsonrpc.server.JsonRpcTransportContext;
import io.github.jsonrpc.server.JsonRpcTransportContext.Transport;
import io.github.jsonrpc.server.connection.JsonRpcCloseReason;
import io.github.jsonrpc.server.connection.JsonRpcConnectionSettings;
import io.github.jsonrpc.server.connection.JsonRpcStreamConnection;

/**
 * A JSON-RPC connection over one Reactor Netty TCP {@link Connection}: writes framed
 * messages straight to the channel (one at a time, the outbound queue serializes them),
 * and stops reading through the subscriber's demand while the connection is busy.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class TcpJsonRpcConnection extends JsonRpcStreamConnection {

	private final Connection connection;

	private volatile @Nullable Runnable resume;

	TcpJsonRpcConnection(Connection connection, @Nullable Principal principal, JsonRpcHandler handler,
			JsonRpcConnectionSettings settings, Executor executor, JsonRpcFraming framing) {
		super(connection.channel().id().asShortText(), principal, Map.of(), handler, settings, executor, framing);
		this.connection = connection;
	}

	/**
	 * Set what requests the next chunk of input when reading resumes.
	 * @param resume the action
	 */
	void onResume(Runnable resume) {
		this.resume = resume;
	}

	/**
	 * Return the Reactor Netty connection this session runs on.
	 * @return the connection
	 */
	Connection connection() {
		return this.connection;
	}

	@Override
	public Transport transport() {
		return Transport.TCP;
	}

	@Override
	protected void describe(JsonRpcTransportContext.Builder context) {
		context.remoteAddress(remoteAddress()).nativeRequest(this.connection);
	}

	@Nullable InetSocketAddress remoteAddress() {
		return (this.connection.channel().remoteAddress() instanceof InetSocketAddress address) ? address : null;
	}

	@Override
	protected void write(JsonRpcEncodedMessage message, WriteCompletion completion) {
		Channel channel = this.connection.channel();
		channel.writeAndFlush(Unpooled.wrappedBuffer(frame(message))).addListener((future) -> {
			completion.completed(future.isSuccess() ? null : future.cause());
			writeCompleted();
		});
	}

	@Override
	protected void resumeReading() {
		Runnable action = this.resume;
		if (action != null) {
			action.run();
		}
	}

	@Override
	protected void closeTransport(JsonRpcCloseReason reason) {
		byte[] last = lastWords();
		Channel channel = this.connection.channel();
		if (last != null && channel.isActive()) {
			// what the client needs to know why, then the socket closes
			channel.writeAndFlush(Unpooled.wrappedBuffer(last)).addListener(ChannelFutureListener.CLOSE);
		}
		else {
			this.connection.dispose();
		}
	}

}
