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
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.Locale;

import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.github.jsonrpc.protocol.JsonRpcFrameDecoder;
import io.github.jsonrpc.protocol.JsonRpcFraming;
import io.github.jsonrpc.protocol.JsonRpcFramingException;
import org.springframework.util.Assert;

/**
 * A {@link MessageChannel} over a TCP socket (plain or TLS) of the JDK: messages framed
 * with a {@link JsonRpcFraming}, read on a thread of the channel's own, written in order
 * on another one.
 *
 * @author JSON-RPC for Spring Boot team
 */
final class TcpMessageChannel implements MessageChannel {

	// the TLS handshake's limit when no connect timeout is set: never unbounded
	static final int DEFAULT_HANDSHAKE_MILLIS = 10_000;

	private static final Log logger = LogFactory.getLog(TcpMessageChannel.class);

	/** The largest message read from a server: a bound, not a negotiated limit. */
	static final int MAX_MESSAGE_SIZE = 64 * 1024 * 1024;

	private final Socket socket;

	private final OutputStream output;

	private final JsonRpcFraming framing;

	private final ExecutorService writer;

	private volatile boolean closed;

	private TcpMessageChannel(Socket socket, JsonRpcFraming framing, String name) throws IOException {
		this.socket = socket;
		this.output = socket.getOutputStream();
		this.framing = framing;
		this.writer = Executors.newSingleThreadExecutor((task) -> daemon(task, name + "-writer"));
	}

	/**
	 * Return an opener of TCP channels to an endpoint
	 * {@code tcp://host:port[?framing=ndjson|content-length]} ({@code tcps://} for TLS).
	 * @param uri the endpoint
	 * @param sslSocketFactory the factory of TLS sockets, {@code null} for the JDK's
	 * default with {@code tcps://}
	 * @param connectTimeout the connect timeout, {@code null} for none
	 * @return the opener
	 */
	static Opener opener(URI uri, @Nullable SSLSocketFactory sslSocketFactory, @Nullable Duration connectTimeout) {
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		Assert.isTrue(scheme.equals("tcp") || scheme.equals("tcps"), () -> "URI must be tcp(s)://, not " + uri);
		Assert.isTrue(uri.getHost() != null && uri.getPort() > 0, () -> "URI must name a host and a port: " + uri);
		JsonRpcFraming framing = JsonRpcFraming.NDJSON;
		String query = uri.getQuery();
		if (query != null) {
			for (String parameter : query.split("&")) {
				if (parameter.startsWith("framing=")) {
					framing = JsonRpcFraming
						.valueOf(parameter.substring("framing=".length()).toUpperCase(Locale.ROOT).replace('-', '_'));
				}
			}
		}
		SSLSocketFactory ssl = (sslSocketFactory != null) ? sslSocketFactory
				: scheme.equals("tcps") ? (SSLSocketFactory) SSLSocketFactory.getDefault() : null;
		return opener(InetSocketAddress.createUnresolved(uri.getHost(), uri.getPort()), framing, ssl, connectTimeout);
	}

	/**
	 * Return an opener of TCP channels.
	 * @param address the server's address
	 * @param framing the framing
	 * @param sslSocketFactory the factory of TLS sockets, {@code null} for plain TCP
	 * @param connectTimeout the connect timeout, {@code null} for none
	 * @return the opener
	 */
	static Opener opener(InetSocketAddress address, JsonRpcFraming framing, @Nullable SSLSocketFactory sslSocketFactory,
			@Nullable Duration connectTimeout) {
		String name = "jsonrpc-tcp-" + address.getHostString() + ":" + address.getPort();
		return (receiver) -> {
			CompletableFuture<MessageChannel> opened = new CompletableFuture<>();
			daemon(() -> {
				try {
					opened.complete(open(address, framing, sslSocketFactory, connectTimeout, name, receiver));
				}
				catch (IOException | RuntimeException ex) {
					opened.completeExceptionally(ex);
				}
			}, name + "-connect").start();
			return opened;
		};
	}

	private static TcpMessageChannel open(InetSocketAddress address, JsonRpcFraming framing,
			@Nullable SSLSocketFactory sslSocketFactory, @Nullable Duration connectTimeout, String name,
			Receiver receiver) throws IOException {
		Socket socket = (sslSocketFactory != null) ? sslSocketFactory.createSocket() : new Socket();
		try {
			socket.setTcpNoDelay(true);
			// resolved at each attempt: the server may have moved
			InetSocketAddress resolved = address.isUnresolved()
					? new InetSocketAddress(address.getHostString(), address.getPort()) : address;
			int connectMillis = (connectTimeout != null) ? ClientTimeouts.socketMillis(connectTimeout) : 0;
			socket.connect(resolved, connectMillis);
			if (socket instanceof SSLSocket ssl) {
				// part of opening, bounded like the connect: a peer that accepts and
				// never
				// answers the handshake would otherwise hold the connection pending
				// forever
				ssl.setSoTimeout((connectMillis > 0) ? connectMillis : DEFAULT_HANDSHAKE_MILLIS);
				ssl.startHandshake();
				ssl.setSoTimeout(0);
			}
			TcpMessageChannel channel = new TcpMessageChannel(socket, framing, name);
			daemon(() -> channel.read(receiver), name + "-reader").start();
			return channel;
		}
		catch (IOException | RuntimeException ex) {
			socket.close();
			throw ex;
		}
	}

	private static Thread daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

	private void read(Receiver receiver) {
		JsonRpcFrameDecoder decoder = this.framing.decoder(MAX_MESSAGE_SIZE);
		Throwable failure = null;
		try {
			InputStream input = this.socket.getInputStream();
			byte[] buffer = new byte[16 * 1024];
			int count;
			while ((count = input.read(buffer)) != -1) {
				decoder.decode(ByteBuffer.wrap(buffer, 0, count), (message) -> {
					try {
						receiver.onMessage(new String(message, StandardCharsets.UTF_8));
					}
					catch (RuntimeException ex) {
						logger.warn("Failed to handle a message from " + this.socket.getRemoteSocketAddress(), ex);
					}
				});
			}
		}
		catch (IOException | JsonRpcFramingException ex) {
			failure = ex;
		}
		boolean byUs = this.closed;
		closeSocket();
		if (!byUs) {
			receiver.onClosed(failure);
		}
	}

	@Override
	public CompletableFuture<?> send(String text) {
		byte[] framed = this.framing.frame(text.getBytes(StandardCharsets.UTF_8));
		CompletableFuture<Void> sent = new CompletableFuture<>();
		try {
			this.writer.execute(() -> {
				try {
					this.output.write(framed);
					this.output.flush();
					sent.complete(null);
				}
				catch (IOException ex) {
					sent.completeExceptionally(ex);
				}
			});
		}
		catch (java.util.concurrent.RejectedExecutionException ex) {
			sent.completeExceptionally(new IOException("Connection closed", ex));
		}
		return sent;
	}

	@Override
	public boolean isOutputClosed() {
		return this.closed || this.socket.isClosed() || this.socket.isOutputShutdown();
	}

	@Override
	public void close() {
		this.closed = true;
		closeSocket();
	}

	private void closeSocket() {
		this.writer.shutdown();
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

}
